/**
 * The client's writes (hasBlob, mountBlob, uploadBlob, putManifest) against a push-capable
 * registry made here with node:http: sessions, mounts, manifests, Bearer tokens that carry the
 * scopes they were granted, and faults injected per request. The lab registries are exercised
 * by __tests__/e2e/registry-push-lab.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { RegistryError } from '../../src/registry/errors.js';
import { OCI_MANIFEST } from '../../src/oci/media-types.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

interface Seen {
  method: string;
  path: string;
  authorization?: string;
  contentLength?: string;
  contentType?: string;
  bodyLength: number;
}

/** What a test may do to one request before the registry handles it; true when it answered itself. */
type Fault = (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean;

interface PushRegistry {
  host: string;
  url: string;
  seen: Seen[];
  blobs: Map<string, Map<string, Buffer>>;
  manifests: Map<string, Map<string, { mediaType: string; body: Buffer }>>;
  /** Scopes asked of the token endpoint, one array per token request. */
  tokenScopes: string[][];
  faults: Fault[];
  /** Answer mounts with 202 (a registry that does not mount). */
  noMount?: boolean;
  /** Upload Locations are relative and carry state in their query, as CNCF Distribution's. */
  relativeLocation?: boolean;
  /** Upload Locations point at this other origin. */
  locationOrigin?: string;
  /** A wrong Docker-Content-Digest on manifest PUTs. */
  lyingDigest?: boolean;
}

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  return { host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}` };
}

/** Tokens are `tok:<scopes joined by |>`, so the registry can check what each was granted. */
function grants(authorization: string | undefined): string[] {
  const token = /^Bearer tok:(.*)$/.exec(authorization ?? '')?.[1];
  return token === undefined ? [] : token.split('|');
}

function allows(authorization: string | undefined, repository: string, action: string): boolean {
  return grants(authorization).some((scope) => {
    const [type, ...rest] = scope.split(':');
    const actions = rest.pop() ?? '';
    return type === 'repository' && rest.join(':') === repository && actions.split(',').includes(action);
  });
}

async function pushRegistry(
  options: Partial<Pick<PushRegistry, 'noMount' | 'relativeLocation' | 'locationOrigin' | 'lyingDigest'>> & {
    auth?: 'none' | 'bearer';
  } = {},
): Promise<PushRegistry> {
  const state: PushRegistry = {
    host: '',
    url: '',
    seen: [],
    blobs: new Map(),
    manifests: new Map(),
    tokenScopes: [],
    faults: [],
    ...options,
  };
  const sessions = new Map<string, string>(); // id -> repository
  let nextSession = 0;
  const tokens = await listen((req, res) => {
    const scopes = new URL(req.url ?? '/', 'http://x').searchParams.getAll('scope');
    state.tokenScopes.push(scopes);
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ token: `tok:${scopes.join('|')}` }));
  });
  const repo = (name: string) => {
    if (!state.blobs.has(name)) state.blobs.set(name, new Map());
    if (!state.manifests.has(name)) state.manifests.set(name, new Map());
    return { blobs: state.blobs.get(name)!, manifests: state.manifests.get(name)! };
  };
  const served = await listen((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.seen.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      contentLength: req.headers['content-length'],
      contentType: req.headers['content-type'],
      bodyLength: body.length,
    });
    const error = (status: number, code: string, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json', ...headers })
        .end(JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] }));
    const challenge = (scope: string) =>
      error(401, 'UNAUTHORIZED', {
        'WWW-Authenticate': `Bearer realm="${tokens.url}/token",service="fake",scope="${scope}"`,
      });
    if (url.pathname === '/v2/') {
      if (options.auth === 'bearer' && !req.headers.authorization)
        return error(401, 'UNAUTHORIZED', {
          'WWW-Authenticate': `Bearer realm="${tokens.url}/token",service="fake"`,
        });
      return res.writeHead(200).end('{}');
    }
    const needs = (repository: string, action: string, scope: string) => {
      if (options.auth !== 'bearer' || allows(req.headers.authorization, repository, action)) return true;
      challenge(scope);
      return false;
    };
    for (const fault of state.faults) if (fault(req, res, body)) return;

    const blob = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
    if (blob && (req.method === 'HEAD' || req.method === 'GET')) {
      if (!needs(blob[1], 'pull', `repository:${blob[1]}:pull`)) return;
      const bytes = repo(blob[1]).blobs.get(blob[2]);
      if (!bytes) return error(404, 'BLOB_UNKNOWN');
      res.writeHead(200, { 'Content-Length': bytes.length, 'Docker-Content-Digest': blob[2] });
      return res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    const uploads = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname);
    if (uploads && req.method === 'POST') {
      const name = uploads[1];
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      const scope = `repository:${name}:pull,push${mount ? ` repository:${from}:pull` : ''}`;
      if (!needs(name, 'push', scope)) return;
      if (mount && from && !options.noMount) {
        const source = repo(from).blobs.get(mount);
        if (source && (options.auth !== 'bearer' || allows(req.headers.authorization, from, 'pull'))) {
          repo(name).blobs.set(mount, source);
          return res
            .writeHead(201, { Location: `/v2/${name}/blobs/${mount}`, 'Docker-Content-Digest': mount })
            .end();
        }
      }
      const id = `s${++nextSession}`;
      sessions.set(id, name);
      const path = `/v2/${name}/blobs/uploads/${id}`;
      const location = options.locationOrigin
        ? `${options.locationOrigin}${path}`
        : options.relativeLocation
          ? `${path}?_state=a%2Bb%3D%3D`
          : `${state.url}${path}`;
      return res.writeHead(202, { Location: location, 'Docker-Upload-UUID': id, Range: '0-0' }).end();
    }
    const session = /^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/.exec(url.pathname);
    if (session) {
      const [, name, id] = session;
      if (!needs(name, 'push', `repository:${name}:pull,push`)) return;
      if (sessions.get(id) !== name) return error(404, 'BLOB_UPLOAD_UNKNOWN');
      if (req.method === 'DELETE') {
        sessions.delete(id);
        return res.writeHead(204).end();
      }
      if (req.method === 'PUT') {
        if (options.relativeLocation && url.searchParams.get('_state') !== 'a+b==')
          return error(400, 'BLOB_UPLOAD_INVALID');
        const digest = url.searchParams.get('digest') ?? '';
        if (sha256(body) !== digest) return error(400, 'DIGEST_INVALID');
        sessions.delete(id);
        repo(name).blobs.set(digest, body);
        return res
          .writeHead(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest })
          .end();
      }
    }
    const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (manifest && req.method === 'PUT') {
      const [, name, reference] = manifest;
      if (!needs(name, 'push', `repository:${name}:pull,push`)) return;
      const digest = sha256(body);
      if (reference.includes(':') && reference !== digest) return error(400, 'DIGEST_INVALID');
      const stored = { mediaType: req.headers['content-type'] ?? '', body };
      repo(name).manifests.set(reference, stored);
      repo(name).manifests.set(digest, stored);
      return res
        .writeHead(201, { 'Docker-Content-Digest': options.lyingDigest ? sha256(Buffer.from('x')) : digest })
        .end();
    }
    error(404, 'NOT_FOUND');
  });
  state.host = served.host;
  state.url = served.url;
  return state;
}

function client(registry: PushRegistry, options: Partial<RegistryClientOptions> = {}) {
  const slept: number[] = [];
  const c = new RegistryClient({
    host: registry.host,
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return Object.assign(c, { slept });
}

/** A stream factory over `bytes` in 64 KiB chunks that counts how often it was opened. */
function opener(bytes: Buffer) {
  const opened = { count: 0 };
  const open = () => {
    opened.count++;
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    return Readable.from(chunks, { objectMode: false });
  };
  return Object.assign(open, { opened });
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError, the promise resolved');
}

/** The next PUT answered 503; the ones after it reach the registry. */
function failNextPut(registry: Awaited<ReturnType<typeof pushRegistry>>): void {
  let failures = 1;
  registry.faults.push((req, res) => {
    if (req.method !== 'PUT' || failures-- <= 0) return false;
    res.writeHead(503).end();
    return true;
  });
}

/** Every PUT answered 400 with one registry error (the distribution spec's JSON). */
function refusePuts(registry: Awaited<ReturnType<typeof pushRegistry>>, code: string, message: string): void {
  registry.faults.push((req, res) => {
    if (req.method !== 'PUT') return false;
    res
      .writeHead(400, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ errors: [{ code, message }] }));
    return true;
  });
}

const layer = randomBytes(700_000);
const layerDigest = sha256(layer);

describe('uploadBlob and hasBlob', () => {
  test('POST then one PUT ?digest= with the bytes and their length; hasBlob sees it after', async () => {
    const registry = await pushRegistry();
    const c = client(registry);
    expect(await c.hasBlob('acme/app', layerDigest)).toBe(false);
    const open = opener(layer);
    await c.uploadBlob('acme/app', layerDigest, layer.length, open);
    expect(await c.hasBlob('acme/app', layerDigest)).toBe(true);
    expect(sha256(registry.blobs.get('acme/app')!.get(layerDigest)!)).toBe(layerDigest);
    expect(open.opened.count).toBe(1);
    const writes = registry.seen.filter((s) => s.method === 'POST' || s.method === 'PUT');
    expect(writes.map((s) => `${s.method} ${s.path.replace(/uploads\/s\d+/, 'uploads/ID')}`)).toEqual([
      'POST /v2/acme/app/blobs/uploads/',
      `PUT /v2/acme/app/blobs/uploads/ID?digest=${encodeURIComponent(layerDigest)}`,
    ]);
    expect(writes[1]).toMatchObject({
      contentLength: String(layer.length),
      contentType: 'application/octet-stream',
      bodyLength: layer.length,
    });
  });

  test('a relative Location with state in its query: resolved, query kept byte for byte, digest appended', async () => {
    const registry = await pushRegistry({ relativeLocation: true });
    await client(registry).uploadBlob('acme/app', layerDigest, layer.length, opener(layer));
    const put = registry.seen.find((s) => s.method === 'PUT')!;
    expect(put.path).toBe(
      `/v2/acme/app/blobs/uploads/s1?_state=a%2Bb%3D%3D&digest=${encodeURIComponent(layerDigest)}`,
    );
    expect(registry.blobs.get('acme/app')!.has(layerDigest)).toBe(true);
  });

  test('an empty blob uploads too', async () => {
    const registry = await pushRegistry();
    const empty = Buffer.alloc(0);
    await client(registry).uploadBlob('acme/app', sha256(empty), 0, opener(empty));
    expect(registry.blobs.get('acme/app')!.get(sha256(empty))).toEqual(empty);
  });

  test.each([
    [
      'other bytes of the same length',
      Buffer.from(randomBytes(layer.length)),
      layer.length,
      /does not match its content/,
    ],
    ['fewer bytes than the size', layer.subarray(0, 1000), layer.length, /has 1000 bytes, not 700000/],
    ['more bytes than the size', layer, 1000, /has more than its 1000 bytes/],
  ])(
    'content that does not match (%s): refused before the PUT completes, not retried',
    async (_, bytes, size, message) => {
      const registry = await pushRegistry();
      const c = client(registry);
      const open = opener(bytes);
      const error = await rejection(c.uploadBlob('acme/app', layerDigest, size, open));
      expect(error.kind).toBe('digest-mismatch');
      expect(error.message).toMatch(message);
      expect(open.opened.count).toBe(1);
      expect(registry.blobs.get('acme/app')?.has(layerDigest) ?? false).toBe(false);
      // No PUT reached the registry's handler whole; the session was cancelled.
      expect(registry.seen.filter((s) => s.method === 'PUT' && s.bodyLength === size)).toEqual([]);
      expect(registry.seen.some((s) => s.method === 'DELETE')).toBe(true);
    },
  );

  test('a PUT answered 503: the session is cancelled and the upload starts over with a new one', async () => {
    const registry = await pushRegistry();
    failNextPut(registry);
    const c = client(registry);
    const open = opener(layer);
    await c.uploadBlob('acme/app', layerDigest, layer.length, open);
    expect(open.opened.count).toBe(2);
    const flow = registry.seen.map(
      (s) => `${s.method} ${s.path.replace(/\?.*/, '').replace(/.*\/blobs\//, '')}`,
    );
    expect(flow).toEqual([
      'GET /v2/',
      'POST uploads/',
      'PUT uploads/s1',
      'DELETE uploads/s1',
      `HEAD ${layerDigest}`,
      'POST uploads/',
      'PUT uploads/s2',
    ]);
    expect(c.slept).toEqual([125]);
  });

  test('the connection drops after the registry stored the blob: a HEAD finds it, no second upload', async () => {
    const registry = await pushRegistry();
    let drops = 1;
    registry.faults.push((req, res, body) => {
      if (req.method !== 'PUT' || drops-- <= 0) return false;
      const digest = new URL(req.url ?? '/', 'http://x').searchParams.get('digest')!;
      registry.blobs.set('acme/app', new Map([[digest, body]]));
      res.socket?.destroy();
      return true;
    });
    const open = opener(layer);
    await client(registry).uploadBlob('acme/app', layerDigest, layer.length, open);
    expect(open.opened.count).toBe(1);
    expect(registry.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
    expect(registry.seen.filter((s) => s.method === 'HEAD')).toHaveLength(1);
  });

  test('a PUT refused with 400 is final: one try, the registry’s words in the error', async () => {
    const registry = await pushRegistry();
    refusePuts(registry, 'SIZE_INVALID', 'too big');
    const open = opener(layer);
    const error = await rejection(client(registry).uploadBlob('acme/app', layerDigest, layer.length, open));
    expect(error.message).toBe(
      `upload of blob ${layerDigest} to ${registry.host}/acme/app@${layerDigest}: unexpected HTTP 400: SIZE_INVALID too big`,
    );
    expect(open.opened.count).toBe(1);
  });

  test('a PUT that keeps failing gives up after maxAttempts uploads', async () => {
    const registry = await pushRegistry();
    registry.faults.push((req, res) => {
      if (req.method !== 'PUT') return false;
      res.writeHead(502).end();
      return true;
    });
    const open = opener(layer);
    const error = await rejection(
      client(registry, { retry: { maxAttempts: 3 } }).uploadBlob('acme/app', layerDigest, layer.length, open),
    );
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/answered HTTP 502 \(gave up after 3 uploads\)$/);
    expect(open.opened.count).toBe(3);
  });

  test('a local stream that fails is reported as is, not retried', async () => {
    const registry = await pushRegistry();
    let opened = 0;
    const open = () => {
      opened++;
      return new Readable({
        read() {
          this.destroy(new Error('EIO: the layer file could not be read'));
        },
      });
    };
    await expect(client(registry).uploadBlob('acme/app', layerDigest, layer.length, open)).rejects.toThrow(
      'EIO: the layer file could not be read',
    );
    expect(opened).toBe(1);
  });

  test('an upload Location on another origin gets no Authorization header', async () => {
    const other = await pushRegistry();
    const registry = await pushRegistry({ auth: 'bearer', locationOrigin: other.url });
    // The other origin holds no session: it answers 404 for it, and the upload gives up.
    await rejection(
      client(registry, { retry: { maxAttempts: 1 } }).uploadBlob(
        'acme/app',
        layerDigest,
        layer.length,
        opener(layer),
      ),
    );
    const atOther = other.seen.filter((s) => s.path.startsWith('/v2/acme/app/blobs/uploads/'));
    expect(atOther.length).toBeGreaterThan(0);
    expect(atOther.every((s) => s.authorization === undefined)).toBe(true);
    expect(
      registry.seen.filter((s) => s.method === 'POST').every((s) => s.authorization?.startsWith('Bearer ')),
    ).toBe(true);
  });
});

describe('token auth for writes', () => {
  test('an upload asks for pull,push on the repository; a HEAD for pull', async () => {
    const registry = await pushRegistry({ auth: 'bearer' });
    const c = client(registry);
    expect(await c.hasBlob('acme/app', layerDigest)).toBe(false);
    await c.uploadBlob('acme/app', layerDigest, layer.length, opener(layer));
    expect(registry.tokenScopes).toEqual([['repository:acme/app:pull'], ['repository:acme/app:pull,push']]);
    expect(registry.blobs.get('acme/app')!.has(layerDigest)).toBe(true);
  });

  test('a mount asks for push on the target and pull on the source, as separate scope parameters', async () => {
    const registry = await pushRegistry({ auth: 'bearer' });
    const c = client(registry);
    await c.uploadBlob('acme/base', layerDigest, layer.length, opener(layer));
    expect(await c.mountBlob('acme/app', layerDigest, 'acme/base')).toBe(true);
    expect(registry.tokenScopes.at(-1)).toEqual([
      'repository:acme/app:pull,push',
      'repository:acme/base:pull',
    ]);
    expect(registry.blobs.get('acme/app')!.get(layerDigest)).toBe(
      registry.blobs.get('acme/base')!.get(layerDigest),
    );
  });
});

describe('checkPushAccess', () => {
  test('a pull,push token and an upload opened, then cancelled: nothing is written', async () => {
    const registry = await pushRegistry({ auth: 'bearer' });
    await client(registry).checkPushAccess('acme/app');
    expect(registry.tokenScopes).toEqual([['repository:acme/app:pull,push']]);
    const writes = registry.seen.filter((s) => s.method !== 'GET' && s.method !== 'HEAD');
    expect(writes.map((s) => `${s.method} ${s.path.replace(/s\d+$/, 'ID')}`)).toEqual([
      'POST /v2/acme/app/blobs/uploads/',
      'DELETE /v2/acme/app/blobs/uploads/ID',
    ]);
    expect(registry.blobs.get('acme/app')?.size ?? 0).toBe(0);
    expect(registry.manifests.get('acme/app')?.size ?? 0).toBe(0);
  });

  test('a registry that grants the token but refuses the write: the refusal, naming the repository', async () => {
    const registry = await pushRegistry({ auth: 'bearer' });
    registry.faults.push((req, res) => {
      if (req.method !== 'POST') return false;
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
        }),
      );
      return true;
    });
    const error = await rejection(client(registry).checkPushAccess('acme/app'));
    expect([error.kind, error.message]).toEqual([
      'denied',
      `access to upload to ${registry.host}/acme/app denied (HTTP 403): DENIED requested access to the resource is denied`,
    ]);
  });
});

describe('mountBlob', () => {
  test('201: mounted, no bytes sent', async () => {
    const registry = await pushRegistry();
    const c = client(registry);
    await c.uploadBlob('acme/base', layerDigest, layer.length, opener(layer));
    expect(await c.mountBlob('acme/app', layerDigest, 'acme/base')).toBe(true);
    expect(await c.hasBlob('acme/app', layerDigest)).toBe(true);
    const post = registry.seen.filter((s) => s.method === 'POST').at(-1)!;
    expect(post.path).toBe(
      `/v2/acme/app/blobs/uploads/?mount=${encodeURIComponent(layerDigest)}&from=${encodeURIComponent('acme/base')}`,
    );
    expect(post.bodyLength).toBe(0);
  });

  test.each([
    ['the source lacks the blob', {}],
    ['the registry does not mount', { noMount: true }],
  ])('202 (%s): false, and the upload the registry opened is cancelled', async (_, options) => {
    const registry = await pushRegistry(options);
    const c = client(registry);
    await c.uploadBlob('acme/base', layerDigest, layer.length, opener(layer));
    const digest = 'noMount' in options ? layerDigest : sha256(Buffer.from('absent'));
    expect(await c.mountBlob('acme/app', digest, 'acme/base')).toBe(false);
    const last = registry.seen.slice(-2).map((s) => `${s.method} ${s.path.replace(/\?.*/, '')}`);
    expect(last[0]).toBe('POST /v2/acme/app/blobs/uploads/');
    expect(last[1]).toMatch(/^DELETE \/v2\/acme\/app\/blobs\/uploads\/s\d+$/);
    expect(registry.blobs.get('acme/app')?.has(digest) ?? false).toBe(false);
  });
});

describe('putManifest', () => {
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] }),
  );

  test('by digest and by tag: the Content-Type is the media type, the digest returned is the bytes’ sha256', async () => {
    const registry = await pushRegistry({ auth: 'bearer' });
    const c = client(registry);
    expect(await c.putManifest('acme/app', sha256(manifest), manifest, OCI_MANIFEST)).toBe(sha256(manifest));
    expect(await c.putManifest('acme/app', '1.2.3', manifest, OCI_MANIFEST)).toBe(sha256(manifest));
    const stored = registry.manifests.get('acme/app')!;
    expect(stored.get('1.2.3')).toEqual({ mediaType: OCI_MANIFEST, body: manifest });
    expect(registry.seen.filter((s) => s.method === 'PUT').map((s) => s.contentType)).toEqual([
      OCI_MANIFEST,
      OCI_MANIFEST,
    ]);
    expect(registry.tokenScopes).toEqual([['repository:acme/app:pull,push']]);
  });

  test('a digest reference the bytes do not match is refused before anything is sent', async () => {
    const registry = await pushRegistry();
    const other = sha256(Buffer.from('other'));
    const error = await rejection(client(registry).putManifest('acme/app', other, manifest, OCI_MANIFEST));
    expect(error.kind).toBe('digest-mismatch');
    expect(registry.seen).toEqual([]);
  });

  test('a registry that answers another digest is an error', async () => {
    const registry = await pushRegistry({ lyingDigest: true });
    const error = await rejection(client(registry).putManifest('acme/app', 'v1', manifest, OCI_MANIFEST));
    expect(error.message).toBe(
      `${registry.host}/acme/app:v1: the registry stored ${sha256(Buffer.from('x'))} where ${sha256(manifest)} was sent`,
    );
  });

  test('a 503 is retried with the same bytes (a manifest PUT is idempotent)', async () => {
    const registry = await pushRegistry();
    failNextPut(registry);
    expect(await client(registry).putManifest('acme/app', 'v1', manifest, OCI_MANIFEST)).toBe(
      sha256(manifest),
    );
    const puts = registry.seen.filter((s) => s.method === 'PUT');
    expect(puts.map((s) => s.bodyLength)).toEqual([manifest.length, manifest.length]);
  });

  test('a 400 from the registry names the manifest and carries the registry’s words', async () => {
    const registry = await pushRegistry();
    refusePuts(registry, 'MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry');
    const error = await rejection(client(registry).putManifest('acme/app', 'v1', manifest, OCI_MANIFEST));
    expect(error.message).toBe(
      `push of manifest v1 to ${registry.host}/acme/app:v1: unexpected HTTP 400: MANIFEST_BLOB_UNKNOWN blob unknown to registry`,
    );
  });
});
