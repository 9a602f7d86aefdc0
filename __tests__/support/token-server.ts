/**
 * A Docker registry token server for tests (the "auth: token" flow of CNCF Distribution), on
 * node:http. It checks Basic credentials (or the OAuth2 password / refresh-token grants that
 * containerd and buildx use), grants the requested scope (anonymous callers: pull only) and
 * answers with a JWT signed RS256 by the lab's key, the certificate in the `x5c` header so that
 * the registry (rootcertbundle = that certificate) can verify it. Every request is recorded.
 *
 *   const tokens = await startTokenServer();          // 127.0.0.1:5003, the lab registry's realm
 *   ... docker login / push / our client against 127.0.0.1:5002 ...
 *   expect(tokens.requests.map((r) => r.scopes)).toContainEqual(['repository:e2e/x:pull']);
 *   await tokens.close();
 */
import { createHash, randomBytes, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What scripts/container-lab.sh configures the token registry with. */
export const LAB_TOKEN_REGISTRY = '127.0.0.1:5002';
export const LAB_TOKEN_PORT = 5003;
export const LAB_TOKEN_SERVICE = 'shipshape-lab';
export const LAB_TOKEN_ISSUER = 'shipshape-lab-issuer';
export const LAB_TOKEN_DIR = '/var/lib/container-lab/token';
export const LAB_TOKEN_USERS: Record<string, string> = { lab: 'lab-password' };

export interface TokenServerOptions {
  /** 5003 by default (the lab registry's realm); 0 for any free port. */
  port?: number;
  /** PEM private key and certificate; by default the lab's, from LAB_TOKEN_DIR. */
  keyPem?: string;
  certPem?: string;
  issuer?: string;
  /** The audience the tokens are for (the registry's `service`). */
  service?: string;
  users?: Record<string, string>;
  /** Token lifetime in seconds, sent as `expires_in` (300 by default). */
  expiresIn?: number;
  /** Also issue OAuth2 refresh tokens (when asked with offline_token=true, or on a password grant). */
  refreshTokens?: boolean;
}

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenRequestRecord {
  method: string;
  /** How the caller authenticated. */
  grant: 'anonymous' | 'basic' | 'password' | 'refresh_token';
  /** The user the request was granted for, when it authenticated. */
  account?: string;
  service?: string;
  clientId?: string;
  /** Scopes as requested: `repository:e2e/app:pull,push`. */
  scopes: string[];
  granted: Access[];
  status: number;
  /** The issued JWT (empty when refused). */
  token: string;
}

export interface TokenServer {
  /** `http://127.0.0.1:5003`. */
  url: string;
  /** The realm to put in a challenge: `http://127.0.0.1:5003/token`. */
  realm: string;
  requests: TokenRequestRecord[];
  close(): Promise<void>;
}

export function labTokenMaterial(): { keyPem: string; certPem: string } {
  return {
    keyPem: readFileSync(`${LAB_TOKEN_DIR}/key.pem`, 'utf8'),
    certPem: readFileSync(`${LAB_TOKEN_DIR}/cert.pem`, 'utf8'),
  };
}

export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const material =
    options.keyPem && options.certPem
      ? { keyPem: options.keyPem, certPem: options.certPem }
      : labTokenMaterial();
  const settings = {
    issuer: options.issuer ?? LAB_TOKEN_ISSUER,
    service: options.service ?? LAB_TOKEN_SERVICE,
    users: options.users ?? LAB_TOKEN_USERS,
    expiresIn: options.expiresIn ?? 300,
    refreshTokens: options.refreshTokens ?? false,
    keyPem: material.keyPem,
    x5c: new X509Certificate(material.certPem).raw.toString('base64'),
  };
  const refreshTokens = new Map<string, string>();
  const requests: TokenRequestRecord[] = [];
  const server = createServer((req, res) => {
    handle(req, res, settings, refreshTokens, requests).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? LAB_TOKEN_PORT, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    realm: `${url}/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The token server on the lab registry's realm port (5003), waiting while another test file
 * holds the port (test files that use the token registry take turns).
 */
export async function startLabTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  for (let tries = 0; ; tries++) {
    try {
      return await startTokenServer(options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

interface Settings {
  issuer: string;
  service: string;
  users: Record<string, string>;
  expiresIn: number;
  refreshTokens: boolean;
  keyPem: string;
  x5c: string;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  settings: Settings,
  refreshTokens: Map<string, string>,
  requests: TokenRequestRecord[],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://token');
  if (url.pathname !== '/token') {
    res.writeHead(404).end();
    return;
  }
  const body = await readBody(req);
  // GET: ?service=&scope=&scope=&account=, Basic auth. POST: a form, scopes space-separated.
  const form = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
  const scopes =
    req.method === 'POST'
      ? (form.get('scope') ?? '').split(' ').filter(Boolean)
      : url.searchParams.getAll('scope').filter(Boolean);
  const record: TokenRequestRecord = {
    method: req.method ?? '',
    grant: 'anonymous',
    service: form.get('service') ?? undefined,
    clientId: form.get('client_id') ?? undefined,
    scopes,
    granted: [],
    status: 200,
    token: '',
  };
  requests.push(record);

  let account: string | undefined;
  if (req.method === 'POST') {
    const grant = form.get('grant_type');
    if (grant === 'password') {
      record.grant = 'password';
      const user = form.get('username') ?? '';
      if (settings.users[user] !== form.get('password')) return refuse(res, record);
      account = user;
    } else if (grant === 'refresh_token') {
      record.grant = 'refresh_token';
      account = refreshTokens.get(form.get('refresh_token') ?? '');
      if (account === undefined) return refuse(res, record);
    } else {
      record.status = 400;
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"unsupported_grant_type"}');
      return;
    }
  } else {
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      record.grant = 'basic';
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      if (colon < 0 || settings.users[user] !== decoded.slice(colon + 1)) return refuse(res, record);
      account = user;
    }
  }
  record.account = account;
  record.granted = scopes.map((scope) => grant(scope, account)).filter((a): a is Access => a !== undefined);
  const now = Math.floor(Date.now() / 1000);
  const token = jwt(settings, {
    iss: settings.issuer,
    sub: account ?? '',
    aud: form.get('service') ?? settings.service,
    exp: now + settings.expiresIn,
    nbf: now - 1,
    iat: now,
    jti: randomBytes(12).toString('hex'),
    access: record.granted,
  });
  record.token = token;
  const answer: Record<string, unknown> = {
    token,
    access_token: token,
    expires_in: settings.expiresIn,
    issued_at: new Date(now * 1000).toISOString(),
  };
  const wantsRefresh =
    req.method === 'POST' ? record.grant === 'password' : form.get('offline_token') === 'true';
  if (settings.refreshTokens && account !== undefined && wantsRefresh) {
    const refresh = randomBytes(24).toString('hex');
    refreshTokens.set(refresh, account);
    answer.refresh_token = refresh;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
}

function refuse(res: ServerResponse, record: TokenRequestRecord): void {
  record.status = 401;
  res
    .writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="shipshape-lab"' })
    .end('{"errors":[{"code":"UNAUTHORIZED","message":"invalid credentials"}]}');
}

/** What a caller gets of `type:name:actions`: a signed-in user everything it asks, anonymous pull only. */
function grant(scope: string, account: string | undefined): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  const type = scope.slice(0, first).replace(/\(.*\)$/, '');
  const name = scope.slice(first + 1, last);
  const asked = scope
    .slice(last + 1)
    .split(',')
    .filter(Boolean);
  const actions = account !== undefined ? asked : asked.filter((a) => a === 'pull');
  return actions.length > 0 ? { type, name, actions } : undefined;
}

function jwt(settings: Settings, claims: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: 'RS256', x5c: [settings.x5c] };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), settings.keyPem);
  return `${signingInput}.${base64url(signature)}`;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The claims of a JWT, unverified (for assertions). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** A stable short name for a token in assertions without printing it. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
