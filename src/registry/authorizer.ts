/**
 * Turns the registry's challenge into an `Authorization` header for a scope: Basic with the
 * credentials, or a Bearer token from the challenge's realm (anonymous, Basic-authenticated GET,
 * or the OAuth2 refresh-token POST when the credentials are an identity token), cached per scope.
 *
 * The realm may be on another host (Docker Hub's registry-1.docker.io names auth.docker.io): it
 * gets the credentials because the registry's own challenge named it. The client adopts only
 * challenges its registry's host answered, never one from a host a redirect led to; and the
 * realm's own redirects carry no credentials on (the transport's rule).
 */
import type { Credentials } from './auth.js';
import { findChallenge, type Challenge } from './challenge.js';
import { RegistryError } from './errors.js';
import type { TokenCache } from './token-cache.js';
import { hostOf, type Transport } from './transport.js';

/** Sent as `client_id` in OAuth2 token requests, as docker sends `docker`. */
export const OAUTH_CLIENT_ID = 'shipshape';
const MAX_TOKEN_RESPONSE = 1024 * 1024;

export interface TokenResponse {
  token?: string;
  access_token?: string;
  expires_in?: number;
  issued_at?: string;
  refresh_token?: string;
}

/** What a request was sent with: `reused` when the token came from the cache (it may have expired early). */
export interface Authorization {
  header?: string;
  scheme?: 'basic' | 'bearer';
  reused: boolean;
}

export class Authorizer {
  private readonly pending = new Map<string, Promise<string>>();
  /** Undefined until the registry has challenged us; `null` once it has let us in without one. */
  private challenge: Challenge | null | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly tokens: TokenCache,
    private readonly credentials: Credentials | undefined,
    private readonly onSecret: (value: string) => void,
  ) {}

  /** Whether the registry has been asked already (GET /v2/). */
  get known(): boolean {
    return this.challenge !== undefined;
  }

  /** Takes what a 401 (or a 200) from the registry said about authentication. */
  adopt(wwwAuthenticate: string | null, challenges: Challenge[]): void {
    if (wwwAuthenticate === null) {
      this.challenge = null;
      return;
    }
    this.challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'basic') ?? null;
  }

  /**
   * The header for a request in `scope` (`repository:acme/app:pull`, or several scopes separated
   * by spaces, as OAuth2 writes them); none when the registry needs none.
   */
  async authorization(scope: string, repositoryName: string): Promise<Authorization> {
    const challenge = this.challenge;
    if (!challenge) return { reused: false };
    if (challenge.scheme === 'basic') {
      if (!this.credentials || this.credentials.password === undefined) {
        throw unauthorized(repositoryName, this.credentials);
      }
      return {
        header: `Basic ${this.basic(this.credentials.username ?? '', this.credentials.password)}`,
        scheme: 'basic',
        reused: false,
      };
    }
    const cached = this.tokens.get(scope);
    if (cached) return { header: `Bearer ${cached}`, scheme: 'bearer', reused: true };
    // Requests running side by side share one token request per scope.
    let pending = this.pending.get(scope);
    if (!pending) {
      pending = this.fetchToken(challenge, scope, repositoryName).finally(() => this.pending.delete(scope));
      this.pending.set(scope, pending);
    }
    return { header: `Bearer ${await pending}`, scheme: 'bearer', reused: false };
  }

  /**
   * After a 401 on a resource: drops the token that was refused and takes the response's
   * challenge (which may name a wider scope). Returns the scope to authorize again with, or
   * undefined when another try cannot help (fresh credentials refused for the same scope).
   */
  renew(scope: string, challenges: Challenge[], sent: Authorization): string | undefined {
    this.tokens.delete(scope);
    const next = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'basic');
    if (!next) return undefined;
    this.challenge = next;
    const wanted = next.scheme === 'bearer' ? (next.params.scope ?? scope) : scope;
    if (!sent.header || sent.reused || sent.scheme !== next.scheme) return wanted;
    return wanted !== scope ? wanted : undefined;
  }

  private basic(username: string, password: string): string {
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    this.onSecret(encoded);
    return encoded;
  }

  private async fetchToken(challenge: Challenge, scope: string, repositoryName: string): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) {
      throw new RegistryError(
        'protocol',
        repositoryName,
        `${repositoryName}: the registry asked for a Bearer token without saying where to get one (no realm)`,
      );
    }
    if (!isHttpUrl(realm)) {
      throw new RegistryError(
        'protocol',
        repositoryName,
        `${repositoryName}: the registry asked for a Bearer token from a realm that is not an http(s) URL`,
      );
    }
    const service = challenge.params.service;
    const identityToken = this.credentials?.identityToken;
    const image = repositoryName;
    let exchange;
    if (identityToken) {
      // OAuth2 refresh-token grant, as docker does with an identity token.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: identityToken });
      if (service) form.set('service', service);
      form.set('scope', scope);
      form.set('client_id', OAUTH_CLIENT_ID);
      exchange = await this.transport.buffered(
        {
          method: 'POST',
          url: realm,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          secretBody: true,
          image,
        },
        MAX_TOKEN_RESPONSE,
      );
    } else {
      const url = new URL(realm);
      if (service) url.searchParams.set('service', service);
      // Several scopes (a mount needs two repositories) go as several parameters, as docker sends them.
      for (const one of scope.split(' ').filter(Boolean)) url.searchParams.append('scope', one);
      const creds = this.credentials;
      const authorization =
        creds?.password !== undefined
          ? { header: `Basic ${this.basic(creds.username ?? '', creds.password)}`, host: hostOf(realm) }
          : undefined;
      exchange = await this.transport.buffered(
        { method: 'GET', url: url.toString(), authorization, image },
        MAX_TOKEN_RESPONSE,
      );
    }
    const status = exchange.response.status;
    if (status === 401) throw unauthorized(repositoryName, this.credentials);
    if (status === 403) {
      throw new RegistryError(
        'denied',
        image,
        `access to ${image} denied by the token service (HTTP 403)`,
        403,
      );
    }
    if (status < 200 || status >= 300) {
      throw new RegistryError(
        status >= 500 ? 'server' : 'protocol',
        image,
        `${image}: the token service ${new URL(realm).host} answered HTTP ${status}`,
        status,
      );
    }
    let answer: TokenResponse;
    try {
      answer = JSON.parse(exchange.body.toString('utf8')) as TokenResponse;
    } catch {
      throw new RegistryError('protocol', image, `${image}: the token service's answer is not JSON`);
    }
    const token = answer.token || answer.access_token;
    if (!token)
      throw new RegistryError('protocol', image, `${image}: the token service's answer holds no token`);
    this.onSecret(token);
    if (answer.refresh_token) this.onSecret(answer.refresh_token);
    const issuedAt = answer.issued_at ? Date.parse(answer.issued_at) : NaN;
    this.tokens.set(scope, token, answer.expires_in, Number.isNaN(issuedAt) ? undefined : issuedAt);
    return token;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** 401: the message says whether we had nothing to offer or what we offered was refused. */
export function unauthorized(
  image: string,
  credentials: Credentials | undefined,
  detail = '',
): RegistryError {
  const why = credentials ? 'credentials were rejected' : 'no credentials';
  return new RegistryError(
    'unauthorized',
    image,
    `authentication required for ${image}: ${why}${detail}`,
    401,
  );
}
