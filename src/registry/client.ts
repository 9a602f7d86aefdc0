/**
 * A client for one registry host over the OCI distribution API, on httpFetch (node:http) unless
 * another fetch is given: ping and authentication, manifests by HEAD and GET (digest-checked),
 * blobs whole or streamed (digest-checked while they flow); and the writes of a push (blob
 * mount and upload, manifest PUT: the protocol is in upload.ts). Errors are RegistryErrors that
 * name the image.
 *
 * Its credentials go to its registry's host only: the Authorization header is tied to that host
 * (a redirect, an upload Location or a Link elsewhere gets none), a challenge is adopted only
 * when that host answered it (a 401 from where a redirect led is an error, not a new realm to
 * send credentials to), and a tag list's next page on another host is not followed.
 */
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { FetchedManifest } from '../oci/source.js';
import type { Credentials } from './auth.js';
import { Authorizer, unauthorized, type Authorization } from './authorizer.js';
import { digestAlgorithm, verifiedBlobStream } from './blob-stream.js';
import { findChallenge, parseChallenges } from './challenge.js';
import { registryBaseUrl } from './endpoint.js';
import { isCorruptAnswer, RegistryError, withNote } from './errors.js';
import { httpFetch } from './http-fetch.js';
import { manifestDigest, manifestMediaType } from './manifest-response.js';
import { isIndex, isManifest, MANIFEST_ACCEPT } from '../oci/media-types.js';
import { displayName, normalizeRegistry } from './reference.js';
import { backoffDelay, CORRUPT_ANSWER_ATTEMPTS, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { TokenCache } from './token-cache.js';
import { statusError } from './status-error.js';
import { hostOf, Transport, type Exchange, type FetchLike, type StreamingExchange } from './transport.js';
import * as upload from './upload.js';

export interface RegistryClientOptions {
  /** `host[:port]` the API answers on: `localhost:5000`, `ghcr.io`, `registry-1.docker.io`. */
  host: string;
  credentials?: Credentials;
  /** Hosts (`host` or `host:port`) spoken to over plain HTTP besides the loopback. */
  insecureRegistries?: readonly string[];
  /** Per request (ms), 30 s by default; for blob bodies, the longest wait between two chunks. */
  timeout?: number;
  /** Retry limits; `maxRetryTime` (ms, 60 s by default) caps the time spent retrying one request. */
  retry?: Partial<RetryPolicy>;
  /** Called with every password, token and Basic header value, so that the caller can mask them. */
  onSecret?: (value: string) => void;
  userAgent?: string;
  /** Told of every request and its answer, for the debug log (no header, no body, no query). */
  debug?: (line: string) => void;
  /** Manifests larger than this are refused (4 MiB by default, as containerd). */
  maxManifestBytes?: number;
  /** Small blobs read whole (`blob()`) larger than this are refused (16 MiB by default). */
  maxBlobBytes?: number;
  /** How requests are sent: httpFetch by default; global fetch (or a test double) fits too. */
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** What a HEAD of a manifest tells without its body. */
export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

export interface RequestContext {
  /** The image to name in errors (`localhost:5000/acme/app:1.2.3`); by default the repository and reference. */
  image?: string;
}

export interface BlobContext extends RequestContext {
  /** The descriptor's size: a body that ends before it counts as broken off. */
  size?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_BLOB_BYTES = 16 * 1024 * 1024;
/** Stops a registry whose `Link` headers never end. */
export const MAX_TAG_PAGES = 100;

export class RegistryClient {
  readonly host: string;
  /** `http://localhost:5000`, `https://ghcr.io`. */
  readonly baseUrl: string;
  /** `host[:port]` of baseUrl, as URLs write it: the one host the credentials go to. */
  private readonly apiHost: string;
  private readonly transport: Transport;
  private readonly authorizer: Authorizer;
  private readonly retry: RetryPolicy;
  private readonly timeout: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private pinged: Promise<void> | undefined;
  /** Manifests and configs read in this run, by repository and digest: digest-addressed bytes never change. */
  private readonly byDigest = new DigestCache(DIGEST_CACHE_BYTES);

  constructor(private readonly options: RegistryClientOptions) {
    this.host = options.host.toLowerCase();
    this.baseUrl = registryBaseUrl(this.host, options.insecureRegistries);
    this.apiHost = hostOf(this.baseUrl);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.random = options.random ?? Math.random;
    const onSecret = options.onSecret ?? (() => {});
    const { credentials } = options;
    for (const secret of [credentials?.password, credentials?.identityToken]) if (secret) onSecret(secret);
    this.transport = new Transport({
      timeout: this.timeout,
      retry: this.retry,
      fetch: options.fetch ?? httpFetch,
      sleep: this.sleep,
      now: this.now,
      random: this.random,
      userAgent: options.userAgent ?? 'shipshape',
      debug: options.debug,
    });
    this.authorizer = new Authorizer(this.transport, new TokenCache(this.now), credentials, onSecret);
  }

  /** GET /v2/: learns how the registry wants us to authenticate. Done once, before the first request. */
  ping(image = normalizeRegistry(this.host)): Promise<void> {
    this.pinged ??= this.doPing(image).catch((error: unknown) => {
      this.pinged = undefined; // a failed ping is tried again by the next request
      throw error;
    });
    return this.pinged;
  }

  /**
   * A manifest or index by tag or digest; its bytes are checked against the digest, and fetched
   * again (CORRUPT_ANSWER_ATTEMPTS) while they come back wrong.
   */
  async manifest(
    repository: string,
    reference: string,
    context: RequestContext = {},
  ): Promise<FetchedManifest> {
    const image = context.image ?? displayName(this.host, repository, reference);
    // A child manifest is asked for by digest under its image's name: the digest is named too.
    const subject =
      reference.includes(':') && !image.endsWith(reference) ? `manifest ${reference} of ${image}` : image;
    const cached = reference.includes(':') ? this.byDigest.get(repository, reference) : undefined;
    if (cached) return { ...(cached as FetchedManifest) };
    const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
    const maxBytes = this.options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
    const fetched = await this.refetched(async () => {
      const exchange = await this.authorized(repository, image, (authorization) =>
        this.transport.buffered(
          { method: 'GET', url, headers: { Accept: MANIFEST_ACCEPT.join(', ') }, authorization, image },
          maxBytes,
        ),
      );
      const { response, body } = exchange;
      if (response.status !== 200) throw statusError(response.status, image, subject, exchange, body);
      const vouched = reference.includes(':') || response.headers.get('docker-content-digest') !== null;
      const digest = manifestDigest(reference, response.headers.get('docker-content-digest'), body, image);
      const mediaType = manifestMediaType(response.headers.get('content-type'), body);
      return { manifest: { digest, mediaType, body }, vouched };
    });
    // Kept by its digest when a digest vouched for the bytes (the one asked for, or the registry's
    // header for a tag): a tag read now and its digest read later are one request. A digest we
    // only computed from the body is vouched for by nobody, and not kept.
    if (fetched.vouched)
      this.byDigest.set(repository, fetched.manifest.digest, fetched.manifest, fetched.manifest.body.length);
    return fetched.manifest;
  }

  /** The digest, media type and size of a manifest, without its body. */
  async headManifest(
    repository: string,
    reference: string,
    context: RequestContext = {},
  ): Promise<ManifestHead> {
    const image = context.image ?? displayName(this.host, repository, reference);
    const url = `${this.baseUrl}/v2/${repository}/manifests/${reference}`;
    const exchange = await this.authorized(repository, image, (authorization) =>
      this.transport.buffered(
        { method: 'HEAD', url, headers: { Accept: MANIFEST_ACCEPT.join(', ') }, authorization, image },
        0,
      ),
    );
    const { response } = exchange;
    if (response.status !== 200) throw statusError(response.status, image, image, exchange);
    const digest =
      response.headers.get('docker-content-digest') ?? (reference.includes(':') ? reference : undefined);
    const mediaType = response.headers.get('content-type')?.split(';')[0].trim();
    const size = Number(response.headers.get('content-length'));
    if (!digest || !mediaType || !(isIndex(mediaType) || isManifest(mediaType)) || !Number.isInteger(size)) {
      // Some registries leave these out of a HEAD: the GET has them all.
      const manifest = await this.manifest(repository, reference, context);
      return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.body.length };
    }
    return { digest, mediaType, size };
  }

  /** Every tag of a repository, page by page as the registry's `Link` headers lead. */
  async tags(repository: string, context: RequestContext = {}): Promise<string[]> {
    const image = context.image ?? `${normalizeRegistry(this.host)}/${repository}`;
    const tags: string[] = [];
    let url: string | undefined = `${this.baseUrl}/v2/${repository}/tags/list?n=1000`;
    for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
      const pageUrl: string = url;
      const { parsed, link } = await this.refetched(async () => {
        const exchange = await this.authorized(repository, image, (authorization) =>
          this.transport.buffered(
            { method: 'GET', url: pageUrl, authorization, image },
            DEFAULT_MAX_MANIFEST_BYTES,
          ),
        );
        const { response, body } = exchange;
        if (response.status !== 200) throw statusError(response.status, image, image, exchange, body);
        return { parsed: parseTagPage(body, image), link: response.headers.get('link') };
      });
      if (Array.isArray(parsed.tags))
        tags.push(...parsed.tags.filter((t): t is string => typeof t === 'string'));
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '')?.[1];
      url = next ? new URL(next, this.baseUrl).toString() : undefined;
      if (url && hostOf(url) !== this.apiHost) {
        throw new RegistryError(
          'protocol',
          image,
          `${image}: the next page of the tag list is on another host (${hostOf(url)}); not followed`,
        );
      }
    }
    return tags;
  }

  /** A small blob (a config), whole and digest-checked; fetched again while its bytes come back wrong. */
  async blob(repository: string, digest: string, context: RequestContext = {}): Promise<Buffer> {
    const image = context.image ?? displayName(this.host, repository, digest);
    const cached = this.byDigest.get(repository, digest);
    if (cached) return cached as Buffer;
    const maxBytes = this.options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
    const blob = await this.refetched(async () => {
      const stream = await this.blobStream(repository, digest, context);
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) {
          stream.destroy();
          throw new RegistryError(
            'protocol',
            image,
            `${image}: blob ${digest} is larger than the ${maxBytes} bytes allowed for a config`,
          );
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    });
    // The stream checked the bytes against the digest before it ended.
    this.byDigest.set(repository, digest, blob, blob.length);
    return blob;
  }

  /**
   * After attempt number `attempt` at a read came back corrupt (isCorruptAnswer, or a layer that
   * would not decode): waits the 5xx backoff and says whether to read again; false once
   * CORRUPT_ANSWER_ATTEMPTS are spent.
   */
  async mayRefetch(attempt: number): Promise<boolean> {
    if (attempt >= CORRUPT_ANSWER_ATTEMPTS) return false;
    await this.sleep(backoffDelay(attempt, this.retry, this.random));
    return true;
  }

  // `fetch` again while its answer comes back corrupt; the last error says how often it was tried.
  private async refetched<T>(fetch: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch();
      } catch (error) {
        if (!isCorruptAnswer(error)) throw error;
        if (!(await this.mayRefetch(attempt))) {
          throw withNote(error as RegistryError, ` (fetched ${attempt} times, wrong each time)`);
        }
      }
    }
  }

  /**
   * A blob as a stream, never held whole. The promise settles once the registry has answered
   * (a missing blob rejects it); the stream then errors if the bytes do not match the digest or
   * the body breaks off for good (breaks are resumed first, with Range when the registry allows).
   */
  async blobStream(repository: string, digest: string, context: BlobContext = {}): Promise<Readable> {
    const image = context.image ?? displayName(this.host, repository, digest);
    digestAlgorithm(digest, image);
    const open = (offset: number) => this.openBlob(repository, digest, image, offset);
    const first = await open(0);
    return verifiedBlobStream(first, open, {
      digest,
      image,
      size: context.size,
      idleTimeout: this.timeout,
      retry: this.retry,
      sleep: this.sleep,
      now: this.now,
      random: this.random,
    });
  }

  /** Whether the repository has the blob. */
  hasBlob(repository: string, digest: string, context: RequestContext = {}): Promise<boolean> {
    return upload.blobExists(
      this.sender(repository, context),
      this.target(repository, digest, context),
      digest,
    );
  }

  /**
   * Cross-repository mount from another repository of this registry: true when mounted; false
   * when the registry did not mount (the upload it opened instead is cancelled).
   */
  mountBlob(
    repository: string,
    digest: string,
    fromRepository: string,
    context: RequestContext = {},
  ): Promise<boolean> {
    const target = this.target(repository, digest, context);
    return upload.mountBlob(this.sender(repository, context), target, digest, fromRepository);
  }

  /**
   * Uploads a blob (POST, then one PUT ?digest=), streamed from `open()`, never held whole;
   * `open` is called again when the upload has to start over, and must give the same bytes.
   */
  uploadBlob(
    repository: string,
    digest: string,
    size: number,
    open: () => Readable,
    context: RequestContext = {},
  ): Promise<void> {
    const target = this.target(repository, digest, context);
    const pacing = { retry: this.retry, sleep: this.sleep, now: this.now, random: this.random };
    return upload.uploadBlob(this.sender(repository, context), target, digest, size, open, pacing);
  }

  /** Whether we may push to the repository: an upload opened and cancelled, nothing written (upload.ts). */
  checkPushAccess(repository: string, context: RequestContext = {}): Promise<void> {
    const named = { image: context.image ?? `${normalizeRegistry(this.host)}/${repository}` };
    return upload.checkPushAccess(this.sender(repository, named), this.target(repository, '', named));
  }

  /** PUTs a manifest or index under a tag or digest; returns its digest (checked against the registry's). */
  putManifest(
    repository: string,
    reference: string,
    body: Buffer,
    mediaType: string,
    context: RequestContext = {},
  ): Promise<string> {
    const target = this.target(repository, reference, context);
    return upload.putManifest(this.sender(repository, context), target, reference, body, mediaType);
  }

  private target(repository: string, reference: string, context: RequestContext): upload.UploadTarget {
    const image = context.image ?? displayName(this.host, repository, reference);
    return { baseUrl: this.baseUrl, repository, image };
  }

  // Requests of upload.ts, authorized for the scope each names. An upload Location elsewhere (a
  // storage front) gets no Authorization header: it is tied to this registry's host.
  private sender(repository: string, context: RequestContext): upload.Send {
    const image = context.image ?? `${normalizeRegistry(this.host)}/${repository}`;
    return (request, scope, maxBytes = DEFAULT_MAX_MANIFEST_BYTES) =>
      this.authorized(
        repository,
        image,
        (authorization) => this.transport.buffered({ ...request, authorization, image }, maxBytes),
        scope,
      );
  }

  private async openBlob(
    repository: string,
    digest: string,
    image: string,
    offset: number,
  ): Promise<StreamingExchange> {
    const url = `${this.baseUrl}/v2/${repository}/blobs/${digest}`;
    const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
    const exchange = await this.authorized(repository, image, (authorization) =>
      this.transport.streaming({ method: 'GET', url, headers, authorization, image }),
    );
    const status = exchange.response.status;
    if (status === 200 || (status === 206 && offset > 0)) return exchange;
    exchange.abort.abort();
    if (status === 416 && offset > 0) {
      throw new RegistryError(
        'protocol',
        image,
        `${image}: blob ${digest} has no bytes from ${offset} on (HTTP 416): it is shorter than its descriptor says`,
        416,
      );
    }
    throw statusError(status, image, `blob ${digest} of ${image}`, exchange);
  }

  private async doPing(image: string): Promise<void> {
    const exchange = await this.transport.buffered(
      { method: 'GET', url: `${this.baseUrl}/v2/`, image },
      64 * 1024,
    );
    const { status, headers } = exchange.response;
    if (status === 401 && hostOf(exchange.url) !== this.apiHost) throw this.foreignChallenge(image, exchange);
    if (status === 401) {
      const header = headers.get('www-authenticate');
      this.authorizer.adopt(header ?? '', parseChallenges(header ?? ''));
    } else if (status >= 200 && status < 300) {
      this.authorizer.adopt(null, []);
    } else if (status === 404) {
      throw new RegistryError(
        'protocol',
        image,
        `${image}: ${this.host} does not speak the registry API (GET ${this.baseUrl}/v2/ answered 404)`,
        404,
      );
    } else {
      throw statusError(status, image, `${image} (GET ${this.baseUrl}/v2/)`, exchange, exchange.body);
    }
  }

  /** A 401 from a host a redirect led to: its challenge is not our registry's to answer. */
  private foreignChallenge(image: string, exchange: Exchange): RegistryError {
    return new RegistryError(
      'unauthorized',
      image,
      `${image}: ${this.apiHost} redirected to ${hostOf(exchange.url)}, which asked for credentials; ` +
        `credentials for ${this.apiHost} are not sent to another host`,
      401,
    );
  }

  // Sends with the scope's authorization; after a 401, renews it once when that can help.
  private async authorized<T extends Exchange & { abort?: AbortController }>(
    repository: string,
    image: string,
    send: (authorization: { header: string; host: string } | undefined) => Promise<T>,
    scope = upload.pullScope(repository),
  ): Promise<T> {
    await this.ping(image);
    const repositoryName = `${normalizeRegistry(this.host)}/${repository}`;
    const tied = (header: string | undefined) => (header ? { header, host: this.apiHost } : undefined);
    let sent: Authorization = await this.authorizer.authorization(scope, repositoryName);
    let exchange = await send(tied(sent.header));
    if (exchange.response.status !== 401) return exchange;
    exchange.abort?.abort();
    if (hostOf(exchange.url) !== this.apiHost) throw this.foreignChallenge(image, exchange);
    let challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
    const again = this.authorizer.renew(scope, challenges, sent);
    if (again !== undefined) {
      sent = await this.authorizer.authorization(again, repositoryName);
      exchange = await send(tied(sent.header));
      if (exchange.response.status !== 401) return exchange;
      exchange.abort?.abort();
      if (hostOf(exchange.url) !== this.apiHost) throw this.foreignChallenge(image, exchange);
      challenges = parseChallenges(exchange.response.headers.get('www-authenticate') ?? '');
    }
    const error = findChallenge(challenges, 'bearer')?.params.error;
    throw unauthorized(repositoryName, this.options.credentials, error ? ` (${error})` : '');
  }
}

/** At most this many bytes of manifests and configs are kept per client; past it, no more are. */
export const DIGEST_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * What a client has read by digest, per repository (a digest read in one repository says nothing
 * of another's access to it). Filled up to a byte limit, then left as it is: a run reads the
 * same few manifests and configs again, not thousands.
 */
class DigestCache {
  private readonly entries = new Map<string, FetchedManifest | Buffer>();
  private bytes = 0;

  constructor(private readonly limit: number) {}

  get(repository: string, digest: string): FetchedManifest | Buffer | undefined {
    return this.entries.get(`${repository}@${digest}`);
  }

  set(repository: string, digest: string, value: FetchedManifest | Buffer, size: number): void {
    const key = `${repository}@${digest}`;
    if (this.entries.has(key) || this.bytes + size > this.limit) return;
    this.entries.set(key, value);
    this.bytes += size;
  }
}

function parseTagPage(body: Buffer, image: string): { tags?: unknown } {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { tags?: unknown }) : {};
  } catch (error) {
    throw new RegistryError(
      'malformed',
      image,
      `${image}: the tag list is not valid JSON (${(error as Error).message}, ${body.length} bytes)`,
    );
  }
}
