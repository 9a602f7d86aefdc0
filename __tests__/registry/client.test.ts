/**
 * RegistryClient against registries made here with node:http (auth, token endpoint, blob store
 * on another port), with the fault proxy in front of them for retries and broken bodies.
 * The clock and sleep are injected where a test asserts a wait.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { RegistryError } from '../../src/registry/errors.js';
import { DOCKER_MANIFEST, MANIFEST_ACCEPT, OCI_INDEX, OCI_MANIFEST } from '../../src/oci/media-types.js';
import { registrySource } from '../../src/registry/source.js';
import type { FetchLike } from '../../src/registry/transport.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Seen {
  method: string;
  path: string;
  authorization?: string;
  range?: string;
  accept?: string;
  body?: string;
}

type Auth =
  | { scheme: 'none' }
  | { scheme: 'basic'; user: string; password: string }
  | { scheme: 'bearer'; realm: () => string; tokens: Set<string> };

interface FakeRegistryOptions {
  auth?: Auth;
  /** Blobs answered with a 307 to this base URL (`/blobs/<digest>` appended). */
  blobStore?: () => string;
  ignoreRange?: boolean;
  /** Manifests served with this Content-Type instead of their own. */
  contentType?: string;
  /** No Docker-Content-Digest header. */
  noDigestHeader?: boolean;
  /** A Docker-Content-Digest that does not match the bytes. */
  wrongDigestHeader?: boolean;
}

interface FakeServer {
  server: Server;
  url: string;
  host: string;
  seen: Seen[];
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<FakeServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        range: req.headers.range,
        accept: req.headers.accept,
        body,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  servers.push(server);
  return { server, url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen };
}

const servers: Server[] = [];
const proxies: FaultProxy[] = [];
afterAll(async () => {
  for (const p of proxies) await p.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

// Content shared by every fake registry: one repository, acme/app.
const layer = randomBytes(300_000);
const config = Buffer.from(
  JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } }),
);
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.length,
    },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length },
    ],
  }),
);
const index = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      {
        mediaType: OCI_MANIFEST,
        digest: sha256(manifest),
        size: manifest.length,
        platform: { os: 'linux', architecture: 'amd64' },
      },
    ],
  }),
);
const blobs = new Map([layer, config].map((b) => [sha256(b), b]));
const manifests = new Map<string, { mediaType: string; body: Buffer }>([
  ['1.2.3', { mediaType: OCI_INDEX, body: index }],
  [sha256(index), { mediaType: OCI_INDEX, body: index }],
  [sha256(manifest), { mediaType: OCI_MANIFEST, body: manifest }],
]);

function challengeFor(auth: Auth, scope?: string): string {
  if (auth.scheme === 'basic') return 'Basic realm="fake"';
  return `Bearer realm="${(auth as { realm: () => string }).realm()}",service="fake-registry"${scope ? `,scope="${scope}"` : ''}`;
}

function allowed(auth: Auth, header: string | undefined): boolean {
  if (auth.scheme === 'none') return true;
  if (auth.scheme === 'basic') return header === `Basic ${b64(`${auth.user}:${auth.password}`)}`;
  return header?.startsWith('Bearer ') === true && auth.tokens.has(header.slice(7));
}

function sendBlob(req: IncomingMessage, res: ServerResponse, bytes: Buffer, ignoreRange = false): void {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range && !ignoreRange) {
    const start = Number(range[1]);
    res.writeHead(206, {
      'Content-Length': bytes.length - start,
      'Content-Range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`,
    });
    res.end(bytes.subarray(start));
    return;
  }
  res.writeHead(200, { 'Content-Length': bytes.length, 'Content-Type': 'application/octet-stream' });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

async function fakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeServer> {
  const auth = options.auth ?? { scheme: 'none' };
  return listen((req, res) => {
    const path = req.url ?? '';
    const json = (status: number, code: string, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json', ...headers })
        .end(JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace('_', ' ') }] }));
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
    const scope = match ? `repository:${match[1]}:pull` : undefined;
    if (!allowed(auth, req.headers.authorization)) {
      return json(401, 'UNAUTHORIZED', { 'WWW-Authenticate': challengeFor(auth, scope) });
    }
    if (path === '/v2/') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    if (!match || match[1] !== 'acme/app') return json(404, 'NAME_UNKNOWN');
    const [, , kind, reference] = match;
    if (kind === 'manifests') {
      const found = manifests.get(reference);
      if (!found) return json(404, 'MANIFEST_UNKNOWN');
      const headers: Record<string, string | number> = {
        'Content-Type': options.contentType ?? found.mediaType,
        'Content-Length': found.body.length,
      };
      if (!options.noDigestHeader) {
        headers['Docker-Content-Digest'] = options.wrongDigestHeader
          ? sha256(Buffer.from('other'))
          : sha256(found.body);
      }
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : found.body);
    }
    const bytes = blobs.get(reference);
    if (!bytes) return json(404, 'BLOB_UNKNOWN');
    if (options.blobStore) {
      return res.writeHead(307, { Location: `${options.blobStore()}/blobs/${reference}?sig=secret` }).end();
    }
    sendBlob(req, res, bytes, options.ignoreRange);
  });
}

/** A token endpoint: grants `tok-N` for any request, checks Basic credentials when sent. */
async function tokenServer(
  tokens: Set<string>,
  options: { user?: string; password?: string; refreshToken?: string; expiresIn?: number } = {},
) {
  let n = 0;
  return listen((req, res, body) => {
    const basic = req.headers.authorization;
    const form = new URLSearchParams(body);
    const badBasic = basic !== undefined && basic !== `Basic ${b64(`${options.user}:${options.password}`)}`;
    const badRefresh = req.method === 'POST' && form.get('refresh_token') !== options.refreshToken;
    if (badBasic || badRefresh) return res.writeHead(401).end('{"details":"bad credentials"}');
    const token = `tok-${++n}`;
    tokens.add(token);
    const answer: Record<string, unknown> = { token };
    if (options.expiresIn !== undefined) answer.expires_in = options.expiresIn;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  });
}

function clock() {
  const state = { now: Date.parse('2026-03-01T12:00:00Z'), slept: [] as number[] };
  return {
    state,
    options: {
      now: () => state.now,
      sleep: async (ms: number) => {
        state.slept.push(ms);
        state.now += ms;
      },
      random: () => 0,
    } satisfies Partial<RegistryClientOptions>,
  };
}

function client(host: string, options: Partial<RegistryClientOptions> = {}): RegistryClient {
  return new RegistryClient({ host, ...clock().options, ...options });
}

async function proxyTo(upstream: FakeServer): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ upstream: upstream.url });
  proxies.push(proxy);
  return proxy;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The bytes are the layer's (compared by digest: jest's deep equality is slow on large buffers). */
function expectLayer(bytes: Buffer): void {
  expect(bytes.length).toBe(layer.length);
  expect(sha256(bytes)).toBe(sha256(layer));
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

describe('manifests', () => {
  let registry: FakeServer;
  beforeAll(async () => {
    registry = await fakeRegistry();
  });

  test('by tag: the index with its digest and media type, asked with every manifest type accepted', async () => {
    const c = client(registry.host);
    const got = await c.manifest('acme/app', '1.2.3');
    expect(got).toEqual({ digest: sha256(index), mediaType: OCI_INDEX, body: index });
    const request = registry.seen.at(-1)!;
    expect(request.path).toBe('/v2/acme/app/manifests/1.2.3');
    expect(request.accept).toBe(MANIFEST_ACCEPT.join(', '));
    expect(request.authorization).toBeUndefined();
    expect(MANIFEST_ACCEPT).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });

  test('the registry is pinged once, then asked directly', async () => {
    const fresh = await fakeRegistry();
    const c = client(fresh.host);
    await c.manifest('acme/app', '1.2.3');
    await c.manifest('acme/app', sha256(manifest));
    expect(fresh.seen.map((s) => s.path)).toEqual([
      '/v2/',
      '/v2/acme/app/manifests/1.2.3',
      `/v2/acme/app/manifests/${sha256(manifest)}`,
    ]);
  });

  test('HEAD gives digest, media type and size without the body', async () => {
    const c = client(registry.host);
    expect(await c.headManifest('acme/app', '1.2.3')).toEqual({
      digest: sha256(index),
      mediaType: OCI_INDEX,
      size: index.length,
    });
    expect(registry.seen.at(-1)?.method).toBe('HEAD');
  });

  test('HEAD without Docker-Content-Digest falls back to a GET', async () => {
    const bare = await fakeRegistry({ noDigestHeader: true });
    const c = client(bare.host);
    expect(await c.headManifest('acme/app', '1.2.3')).toEqual({
      digest: sha256(index),
      mediaType: OCI_INDEX,
      size: index.length,
    });
    expect(bare.seen.slice(-2).map((s) => s.method)).toEqual(['HEAD', 'GET']);
  });

  test('without Docker-Content-Digest the digest is the sha256 of the bytes', async () => {
    const bare = await fakeRegistry({ noDigestHeader: true });
    expect((await client(bare.host).manifest('acme/app', '1.2.3')).digest).toBe(sha256(index));
  });

  test('a generic Content-Type: the media type comes from the body', async () => {
    const generic = await fakeRegistry({ contentType: 'application/json' });
    expect((await client(generic.host).manifest('acme/app', sha256(manifest))).mediaType).toBe(OCI_MANIFEST);
  });

  test('a Docker-Content-Digest that does not match the bytes: fetched 3 times, then an error', async () => {
    const lying = await fakeRegistry({ wrongDigestHeader: true });
    const time = clock();
    const error = await rejection(client(lying.host, time.options).manifest('acme/app', '1.2.3'));
    expect(error.kind).toBe('digest-mismatch');
    expect(error.message).toBe(
      `${lying.host}/acme/app:1.2.3: the manifest's bytes do not match digest ${sha256(Buffer.from('other'))} (got ${sha256(index)}) (fetched 3 times, wrong each time)`,
    );
    // The 5xx backoff between the attempts.
    expect(time.state.slept).toEqual([125, 250]);
    expect(lying.seen.filter((r) => r.path.includes('/manifests/'))).toHaveLength(3);
  });

  test('by digest, bytes that never hash to it are an error naming image and digest', async () => {
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/manifests\/sha256:/, fault: { type: 'corrupt' } });
    const digest = sha256(manifest);
    const error = await rejection(client(proxy.host).manifest('acme/app', digest));
    expect(error.kind).toBe('digest-mismatch');
    expect(error.message).toMatch(
      new RegExp(
        `^${proxy.host}/acme/app@${digest}: the manifest's bytes do not match digest ${digest} \\(got sha256:[0-9a-f]{64}\\) \\(fetched 3 times, wrong each time\\)$`,
      ),
    );
  });

  test.each([
    ['flipped', { type: 'corrupt' }, /\/manifests\/sha256:/],
    ['cut short', { type: 'truncate', afterBytes: 100 }, /\/manifests\/sha256:/],
    ['cut short, by tag', { type: 'truncate', afterBytes: 100 }, /\/manifests\/1\.2\.3$/],
  ] as const)('bytes %s once: fetched again after the 5xx backoff', async (_name, fault, path) => {
    const proxy = await proxyTo(registry);
    proxy.add({ path, times: 1, fault });
    const time = clock();
    const reference = path.source.includes('sha256') ? sha256(manifest) : '1.2.3';
    const fetched = await client(proxy.host, time.options).manifest('acme/app', reference);
    expect(fetched.body).toEqual(reference === '1.2.3' ? index : manifest);
    expect(time.state.slept).toEqual([125]);
    expect(proxy.log.filter((r) => r.fault)).toHaveLength(1);
  });

  test('by tag without Docker-Content-Digest: a body that is not JSON is fetched again', async () => {
    const bare = await fakeRegistry({ noDigestHeader: true });
    const proxy = await proxyTo(bare);
    const cut = { type: 'status', status: 200, headers: { 'Content-Type': OCI_INDEX }, body: '{"schema' };
    proxy.add({ path: /\/manifests\//, times: 2, fault: cut as Fault });
    const time = clock();
    expect((await client(proxy.host, time.options).manifest('acme/app', '1.2.3')).body).toEqual(index);
    expect(time.state.slept).toEqual([125, 250]);
    // Three times not JSON: an error that says so.
    proxy.add({ path: /\/manifests\//, fault: cut as Fault });
    const error = await rejection(client(proxy.host).manifest('acme/app', '1.2.3'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(
      /^127\.0\.0\.1:\d+\/acme\/app:1\.2\.3: the manifest is not valid JSON \(.+, 8 bytes\) \(fetched 3 times, wrong each time\)$/,
    );
  });

  test('an oversized answer once: fetched again', async () => {
    const proxy = await proxyTo(registry);
    const big = {
      type: 'status',
      status: 200,
      headers: { 'Content-Type': OCI_INDEX },
      body: 'x'.repeat(5000),
    };
    proxy.add({ path: /\/manifests\//, times: 1, fault: big as Fault });
    const fetched = await client(proxy.host, { maxManifestBytes: 1000 }).manifest('acme/app', '1.2.3');
    expect(fetched.digest).toBe(sha256(index));
  });

  test('a child manifest that is missing: the error names its digest', async () => {
    const source = registrySource(client(registry.host), 'acme/app', `${registry.host}/acme/app:1.2.3`);
    const gone = sha256(Buffer.from('gone'));
    const error = await rejection(source.manifest(gone));
    expect(error.notFound).toBe(true);
    expect(error.message).toBe(`manifest ${gone} of ${registry.host}/acme/app:1.2.3 not found`);
  });

  test('404: notFound, status 404, and a message naming the image', async () => {
    const error = await rejection(client(registry.host).manifest('acme/app', 'nope'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, notFound: true });
    expect(error.message).toBe(`${registry.host}/acme/app:nope not found`);
    const missingRepo = await rejection(client(registry.host).headManifest('acme/other', '1'));
    expect(missingRepo.message).toBe(`${registry.host}/acme/other:1 not found`);
  });

  test('the caller names the image in errors through context.image or a source', async () => {
    const error = await rejection(client(registry.host).manifest('acme/app', 'x', { image: 'my-image:x' }));
    expect(error.message).toBe('my-image:x not found');
    const source = registrySource(client(registry.host), 'acme/app', `${registry.host}/acme/app:1.2.3`);
    expect(source.name).toBe(`${registry.host}/acme/app:1.2.3`);
    expect((await source.manifest('1.2.3')).digest).toBe(sha256(index));
    expect(await source.blob(sha256(config))).toEqual(config);
    const missing = await rejection(source.blob(sha256(Buffer.from('none'))));
    expect(missing.message).toBe(
      `blob ${sha256(Buffer.from('none'))} of ${registry.host}/acme/app:1.2.3 not found`,
    );
    expect(missing.notFound).toBe(true);
  });

  test('a manifest larger than the limit is refused', async () => {
    const error = await rejection(
      client(registry.host, { maxManifestBytes: 100 }).manifest('acme/app', '1.2.3'),
    );
    expect(error.message).toBe(
      `${registry.host}/acme/app:1.2.3: the registry's answer is larger than the 100 bytes allowed (${index.length} bytes or more) (fetched 3 times, wrong each time)`,
    );
  });

  test('a Docker v2 manifest keeps its media type', async () => {
    const docker = await fakeRegistry({ contentType: DOCKER_MANIFEST });
    expect((await client(docker.host).manifest('acme/app', sha256(manifest))).mediaType).toBe(
      DOCKER_MANIFEST,
    );
  });
});

describe('Basic auth', () => {
  let registry: FakeServer;
  beforeAll(async () => {
    registry = await fakeRegistry({ auth: { scheme: 'basic', user: 'lab', password: 'lab-password' } });
  });

  test('credentials are sent as Basic, and registered as secrets', async () => {
    const secrets: string[] = [];
    const c = client(registry.host, {
      credentials: { username: 'lab', password: 'lab-password' },
      onSecret: (s) => secrets.push(s),
    });
    expect((await c.manifest('acme/app', '1.2.3')).digest).toBe(sha256(index));
    expect(registry.seen.at(-1)?.authorization).toBe(`Basic ${b64('lab:lab-password')}`);
    expect(secrets).toEqual(['lab-password', b64('lab:lab-password')]);
  });

  test('no credentials: 401 that says so', async () => {
    const error = await rejection(client(registry.host).manifest('acme/app', '1.2.3'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, notFound: false });
    expect(error.message).toBe(`authentication required for ${registry.host}/acme/app: no credentials`);
  });

  test('wrong credentials: 401 that says they were rejected', async () => {
    const c = client(registry.host, { credentials: { username: 'lab', password: 'wrong' } });
    const error = await rejection(c.manifest('acme/app', '1.2.3'));
    expect(error.message).toBe(
      `authentication required for ${registry.host}/acme/app: credentials were rejected`,
    );
  });
});

describe('Bearer tokens', () => {
  const tokens = new Set<string>();
  let tokenEndpoint: FakeServer;
  let registry: FakeServer;
  beforeAll(async () => {
    tokenEndpoint = await tokenServer(tokens, {
      user: 'lab',
      password: 'lab-password',
      refreshToken: 'refresh-1',
      expiresIn: 120,
    });
    registry = await fakeRegistry({
      auth: { scheme: 'bearer', realm: () => `${tokenEndpoint.url}/token`, tokens },
    });
  });
  afterEach(() => {
    tokenEndpoint.seen.length = 0;
    registry.seen.length = 0;
  });

  test('anonymous: a token for repository:<name>:pull, reused until it expires, then renewed', async () => {
    const time = clock();
    const secrets: string[] = [];
    const c = new RegistryClient({ host: registry.host, ...time.options, onSecret: (s) => secrets.push(s) });
    await c.manifest('acme/app', '1.2.3');
    await c.manifest('acme/app', sha256(manifest));
    await c.blob('acme/app', sha256(config));
    expect(tokenEndpoint.seen).toHaveLength(1);
    const first = tokenEndpoint.seen[0];
    expect(first.method).toBe('GET');
    expect(first.authorization).toBeUndefined();
    expect(Object.fromEntries(new URL(first.path, 'http://x').searchParams)).toEqual({
      service: 'fake-registry',
      scope: 'repository:acme/app:pull',
    });
    const sent = registry.seen.filter((s) => s.path !== '/v2/').map((s) => s.authorization);
    expect(sent).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
    expect(secrets).toEqual(['tok-1']);

    time.state.now += 109_999; // 120 s minus the 10 s margin, minus 1 ms
    await c.manifest('acme/app', '1.2.3');
    expect(tokenEndpoint.seen).toHaveLength(1);
    time.state.now += 1;
    await c.manifest('acme/app', '1.2.3');
    expect(tokenEndpoint.seen).toHaveLength(2);
    expect(registry.seen.at(-1)?.authorization).toBe('Bearer tok-2');
  });

  test('with credentials: the token request carries them as Basic', async () => {
    const c = client(registry.host, { credentials: { username: 'lab', password: 'lab-password' } });
    await c.manifest('acme/app', '1.2.3');
    expect(tokenEndpoint.seen.map((s) => s.authorization)).toEqual([`Basic ${b64('lab:lab-password')}`]);
  });

  test('with an identity token: the OAuth2 refresh-token POST', async () => {
    const secrets: string[] = [];
    const c = client(registry.host, {
      credentials: { identityToken: 'refresh-1' },
      onSecret: (s) => secrets.push(s),
    });
    await c.manifest('acme/app', '1.2.3');
    expect(tokenEndpoint.seen).toHaveLength(1);
    expect(tokenEndpoint.seen[0].method).toBe('POST');
    expect(tokenEndpoint.seen[0].path).toBe('/token');
    expect(tokenEndpoint.seen[0].authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(tokenEndpoint.seen[0].body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      service: 'fake-registry',
      scope: 'repository:acme/app:pull',
      client_id: 'shipshape',
    });
    expect(secrets[0]).toBe('refresh-1');
  });

  test('rejected credentials at the token endpoint: 401 that says so', async () => {
    const c = client(registry.host, { credentials: { username: 'lab', password: 'nope' } });
    const error = await rejection(c.manifest('acme/app', '1.2.3'));
    expect(error.message).toBe(
      `authentication required for ${registry.host}/acme/app: credentials were rejected`,
    );
  });

  test('a token the registry stops accepting is fetched again once', async () => {
    const c = client(registry.host);
    await c.manifest('acme/app', '1.2.3');
    const [token] = registry.seen.at(-1)!.authorization!.split(' ').slice(1);
    tokens.delete(token); // revoked
    await c.manifest('acme/app', '1.2.3');
    expect(tokenEndpoint.seen).toHaveLength(2);
    expect(registry.seen.slice(-2).map((s) => s.authorization)).toEqual([
      `Bearer ${token}`,
      expect.not.stringMatching(token),
    ]);
  });

  test('parallel requests share one token request', async () => {
    const c = client(registry.host);
    await Promise.all([
      c.manifest('acme/app', '1.2.3'),
      c.blob('acme/app', sha256(config)),
      c.headManifest('acme/app', '1.2.3'),
    ]);
    expect(tokenEndpoint.seen).toHaveLength(1);
  });
});

describe('credentials stay with their host', () => {
  const basic = { scheme: 'basic' as const, user: 'lab', password: 'lab-password' };
  const creds = { credentials: { username: 'lab', password: 'lab-password' } };

  /** A registry on another host that wants a token from its own realm (which records what it got). */
  async function foreignTokenRegistry() {
    const tokens = new Set<string>();
    const realm = await tokenServer(tokens, { user: 'lab', password: 'lab-password' });
    const registry = await fakeRegistry({
      auth: { scheme: 'bearer', realm: () => `${realm.url}/token`, tokens },
    });
    return { registry, realm };
  }

  test('GET /v2/ redirected to another host that challenges: an error, and its realm gets nothing', async () => {
    const home = await fakeRegistry({ auth: basic });
    const elsewhere = await foreignTokenRegistry();
    const proxy = await proxyTo(home);
    proxy.add({ path: /^\/v2\/$/, fault: { type: 'redirect', to: elsewhere.registry.url } });
    const error = await rejection(client(proxy.host, creds).manifest('acme/app', '1.2.3'));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe(
      `${proxy.host}/acme/app:1.2.3: ${proxy.host} redirected to ${elsewhere.registry.host}, which asked for credentials; ` +
        `credentials for ${proxy.host} are not sent to another host`,
    );
    expect(elsewhere.realm.seen).toEqual([]);
    expect(elsewhere.registry.seen.map((r) => r.authorization)).toEqual([undefined]);
  });

  test('a manifest redirected to another host that answers 401: its challenge is not adopted', async () => {
    const home = await fakeRegistry({ auth: basic });
    const elsewhere = await foreignTokenRegistry();
    const proxy = await proxyTo(home);
    proxy.add({ path: /\/manifests\//, fault: { type: 'redirect', to: elsewhere.registry.url } });
    const error = await rejection(client(proxy.host, creds).manifest('acme/app', '1.2.3'));
    expect(error.message).toContain(`redirected to ${elsewhere.registry.host}, which asked for credentials`);
    expect(elsewhere.realm.seen).toEqual([]);
    expect(elsewhere.registry.seen.every((r) => r.authorization === undefined)).toBe(true);
    // The registry itself did get them.
    expect(proxy.log.some((r) => r.headers.authorization === `Basic ${b64('lab:lab-password')}`)).toBe(true);
  });

  describe('a realm that redirects to a third host', () => {
    async function setUp() {
      const third = await listen((_req, res) => res.writeHead(401).end());
      const realm = await listen((req, res) =>
        res.writeHead(307, { Location: `${third.url}${req.url ?? ''}` }).end(),
      );
      const registry = await fakeRegistry({
        auth: { scheme: 'bearer', realm: () => `${realm.url}/token`, tokens: new Set() },
      });
      return { third, realm, registry };
    }

    test('the refresh token (in a POST body) is not sent on', async () => {
      const { third, realm, registry } = await setUp();
      const error = await rejection(
        client(registry.host, { credentials: { identityToken: 'refresh-secret-1' } }).manifest(
          'acme/app',
          '1.2.3',
        ),
      );
      expect(error.message).toBe(
        `${registry.host}/acme/app: ${realm.host} redirected a request that carries credentials to another host ` +
          `(${third.host}); it is not sent there`,
      );
      expect(realm.seen.map((r) => r.method)).toEqual(['POST']);
      expect(realm.seen[0].body).toContain('refresh_token=refresh-secret-1');
      expect(third.seen).toEqual([]);
    });

    test('the Basic header (of a GET) is not sent on', async () => {
      const { third, realm, registry } = await setUp();
      const error = await rejection(client(registry.host, creds).manifest('acme/app', '1.2.3'));
      expect(error.kind).toBe('unauthorized');
      expect(realm.seen.map((r) => r.authorization)).toEqual([`Basic ${b64('lab:lab-password')}`]);
      expect(third.seen.map((r) => r.authorization)).toEqual([undefined]);
    });
  });

  test('a realm on another host that the registry names gets them (as auth.docker.io for Docker Hub)', async () => {
    const elsewhere = await foreignTokenRegistry();
    const fetched = await client(elsewhere.registry.host, creds).manifest('acme/app', '1.2.3');
    expect(fetched.digest).toBe(sha256(index));
    expect(elsewhere.realm.seen.map((r) => r.authorization)).toEqual([`Basic ${b64('lab:lab-password')}`]);
  });

  test('a realm that is not an http(s) URL: an error, nothing sent', async () => {
    const registry = await fakeRegistry({
      auth: { scheme: 'bearer', realm: () => 'file:///etc/passwd', tokens: new Set() },
    });
    const error = await rejection(client(registry.host, creds).manifest('acme/app', '1.2.3'));
    expect(error.message).toBe(
      `${registry.host}/acme/app: the registry asked for a Bearer token from a realm that is not an http(s) URL`,
    );
  });

  test('a tag list whose next page is on another host: an error, the other host gets nothing', async () => {
    const third = await listen((_req, res) => res.writeHead(200).end('{"tags":["9.9.9"]}'));
    const registry = await listen((req, res) => {
      if (req.headers.authorization !== `Basic ${b64('lab:lab-password')}`)
        return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      res
        .writeHead(200, { Link: `<${third.url}/v2/acme/app/tags/list?last=2>; rel="next"` })
        .end('{"tags":["1","2"]}');
    });
    const error = await rejection(client(registry.host, creds).tags('acme/app'));
    expect(error.message).toBe(
      `${registry.host}/acme/app: the next page of the tag list is on another host (${third.host}); not followed`,
    );
    expect(third.seen).toEqual([]);
  });

  test('a next page on the same host is followed with them', async () => {
    const registry = await listen((req, res) => {
      if (req.headers.authorization !== `Basic ${b64('lab:lab-password')}`)
        return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      if (req.url?.includes('last=2')) return res.writeHead(200).end('{"tags":["3"]}');
      res.writeHead(200, { Link: '</v2/acme/app/tags/list?last=2>; rel="next"' }).end('{"tags":["1","2"]}');
    });
    expect(await client(registry.host, creds).tags('acme/app')).toEqual(['1', '2', '3']);
  });
});

describe('403', () => {
  test('denied, with the registry message', async () => {
    const registry = await listen((req, res) => {
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      res
        .writeHead(403, { 'Content-Type': 'application/json' })
        .end('{"errors":[{"code":"DENIED","message":"no pull for you"}]}');
    });
    const error = await rejection(client(registry.host).manifest('acme/app', '1'));
    expect(error).toMatchObject({ kind: 'denied', status: 403 });
    expect(error.message).toBe(
      `access to ${registry.host}/acme/app:1 denied (HTTP 403): DENIED no pull for you`,
    );
  });
});

describe('blobs', () => {
  test('streamed through a 307 to another host: the Authorization header never reaches it', async () => {
    const store = await listen((req, res) => {
      const digest = /^\/blobs\/([^?]+)/.exec(req.url ?? '')?.[1] ?? '';
      sendBlob(req, res, blobs.get(digest)!);
    });
    const registry = await fakeRegistry({
      auth: { scheme: 'basic', user: 'lab', password: 'lab-password' },
      blobStore: () => store.url,
    });
    const c = client(registry.host, { credentials: { username: 'lab', password: 'lab-password' } });
    const stream = await c.blobStream('acme/app', sha256(layer));
    expectLayer(await readAll(stream));
    expect(registry.seen.at(-1)).toMatchObject({
      path: `/v2/acme/app/blobs/${sha256(layer)}`,
      authorization: `Basic ${b64('lab:lab-password')}`,
    });
    expect(store.seen).toHaveLength(1);
    expect(store.seen[0].path).toBe(`/blobs/${sha256(layer)}?sig=secret`);
    expect(store.seen[0].authorization).toBeUndefined();
  });

  test("a proxy's redirect to another host: the credentials stay with the registry", async () => {
    const registry = await fakeRegistry({ auth: { scheme: 'basic', user: 'lab', password: 'lab-password' } });
    const elsewhere = await fakeRegistry(); // serves the same blobs, anonymously, on another port
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, fault: { type: 'redirect', to: elsewhere.url } });
    const c = client(proxy.host, { credentials: { username: 'lab', password: 'lab-password' } });
    expectLayer(await readAll(await c.blobStream('acme/app', sha256(layer))));
    const blobRequest = proxy.log.find((r) => r.path.includes('/blobs/'));
    expect(blobRequest?.headers.authorization).toBe(`Basic ${b64('lab:lab-password')}`);
    expect(elsewhere.seen.map((r) => [r.path, r.authorization])).toEqual([
      [`/v2/acme/app/blobs/${sha256(layer)}`, undefined],
    ]);
  });

  test('bytes that do not match the digest: the stream errors naming image and digest', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, fault: { type: 'corrupt', atByte: 1000 } });
    const stream = await client(proxy.host).blobStream('acme/app', sha256(layer), { image: 'lab/app:1' });
    const error = await rejection(readAll(stream));
    expect(error.kind).toBe('digest-mismatch');
    const corrupted = Buffer.from(layer);
    corrupted[1000] ^= 0xff;
    expect(error.message).toBe(
      `lab/app:1: blob ${sha256(layer)} does not match its content (got ${sha256(corrupted)}, ${layer.length} bytes)`,
    );
  });

  test('blob(): bytes that do not match the digest once are fetched again', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'corrupt' } });
    const time = clock();
    expect(await client(proxy.host, time.options).blob('acme/app', sha256(config))).toEqual(config);
    expect(time.state.slept).toEqual([125]);
  });

  test('a descriptor that overstates the size: an error that says so, no retry', async () => {
    const registry = await fakeRegistry();
    const time = clock();
    const c = client(registry.host, time.options);
    const stream = await c.blobStream('acme/app', sha256(layer), {
      image: 'lab/app:1',
      size: layer.length + 10,
    });
    const error = await rejection(readAll(stream));
    expect(error.message).toBe(
      `lab/app:1: blob ${sha256(layer)} is ${layer.length} bytes, but its descriptor says ${layer.length + 10}: the descriptor and the blob's size do not match`,
    );
    expect(time.state.slept).toEqual([]);
    expect(registry.seen.filter((s) => s.path.includes('/blobs/'))).toHaveLength(1);
  });

  test('a reset in the middle of the body is resumed with a Range request', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'reset-mid-body', afterBytes: 100_000 } });
    const time = clock();
    const stream = await client(proxy.host, time.options).blobStream('acme/app', sha256(layer));
    expectLayer(await readAll(stream));
    const blobRequests = registry.seen.filter((s) => s.path.includes('/blobs/'));
    expect(blobRequests.map((s) => s.range)).toEqual([undefined, 'bytes=100000-']);
    expect(time.state.slept).toEqual([125]);
  });

  test('a registry without Range support: read again from the start, the first part skipped', async () => {
    const registry = await fakeRegistry({ ignoreRange: true });
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 2, fault: { type: 'reset-mid-body', afterBytes: 70_000 } });
    const time = clock();
    const stream = await client(proxy.host, time.options).blobStream('acme/app', sha256(layer));
    expectLayer(await readAll(stream));
    // Broken at 70000; restarted and broken at the same byte (nothing new: the backoff grows); restarted.
    expect(time.state.slept).toEqual([125, 250]);
    expect(registry.seen.filter((s) => s.path.includes('/blobs/')).map((s) => s.range)).toEqual([
      undefined,
      'bytes=70000-',
      'bytes=70000-',
    ]);
  });

  test('without Range support, breaks at the same byte every time: the retries run out', async () => {
    const registry = await fakeRegistry({ ignoreRange: true });
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, fault: { type: 'reset-mid-body', afterBytes: 70_000 } });
    const time = clock();
    const c = client(proxy.host, { ...time.options, retry: { maxAttempts: 3 } });
    const error = await rejection(readAll(await c.blobStream('acme/app', sha256(layer))));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `${proxy.host}/acme/app@${sha256(layer)}: blob ${sha256(layer)} broke off after 70000 bytes: the connection was reset (gave up after 3 retries)`,
    );
    expect(time.state.slept).toEqual([125, 250]);
  });

  test('a restart whose first part differs from what was passed on is an error', async () => {
    const registry = await fakeRegistry({ ignoreRange: true });
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'reset-mid-body', afterBytes: 70_000 } });
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'corrupt', atByte: 10 } });
    const stream = await client(proxy.host).blobStream('acme/app', sha256(layer));
    const error = await rejection(readAll(stream));
    expect(error.message).toBe(
      `${proxy.host}/acme/app@${sha256(layer)}: blob ${sha256(layer)} changed while it was downloaded again from the start`,
    );
  });

  test('a body that stalls longer than the timeout is resumed', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({
      path: /\/blobs\//,
      times: 1,
      fault: { type: 'stall-mid-body', afterBytes: 50_000, ms: 2_000 },
    });
    const stream = await client(proxy.host, { timeout: 200 }).blobStream('acme/app', sha256(layer));
    const started = Date.now();
    expectLayer(await readAll(stream));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(registry.seen.filter((s) => s.path.includes('/blobs/')).map((s) => s.range)).toEqual([
      undefined,
      'bytes=50000-',
    ]);
  });

  test('a body that keeps stalling: a timeout error once the retries are spent', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, fault: { type: 'stall-mid-body', afterBytes: 0, ms: 1_000 } });
    const c = client(proxy.host, { timeout: 100, retry: { maxAttempts: 2 } });
    const stream = await c.blobStream('acme/app', sha256(layer));
    const error = await rejection(readAll(stream));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `${proxy.host}/acme/app@${sha256(layer)}: blob ${sha256(layer)} broke off after 0 bytes: no data for 100 ms (gave up after 2 retries)`,
    );
  });

  test('a body that ends early and cleanly, the size being known, is taken up where it ended', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'truncate', afterBytes: 123_456 } });
    const stream = await client(proxy.host).blobStream('acme/app', sha256(layer), { size: layer.length });
    expectLayer(await readAll(stream));
    expect(registry.seen.filter((s) => s.path.includes('/blobs/')).map((s) => s.range)).toEqual([
      undefined,
      'bytes=123456-',
    ]);
  });

  test('a short body of unknown size fails the digest check', async () => {
    const registry = await fakeRegistry();
    const proxy = await proxyTo(registry);
    proxy.add({ path: /\/blobs\//, times: 1, fault: { type: 'truncate', afterBytes: 1000 } });
    const stream = await client(proxy.host).blobStream('acme/app', sha256(layer));
    const error = await rejection(readAll(stream));
    expect(error.kind).toBe('digest-mismatch');
    expect(error.message).toContain(`(got ${sha256(layer.subarray(0, 1000))}, 1000 bytes)`);
  });

  test('blob() refuses a blob larger than maxBlobBytes', async () => {
    const registry = await fakeRegistry();
    const error = await rejection(
      client(registry.host, { maxBlobBytes: 1000 }).blob('acme/app', sha256(layer)),
    );
    expect(error.message).toBe(
      `${registry.host}/acme/app@${sha256(layer)}: blob ${sha256(layer)} is larger than the 1000 bytes allowed for a config`,
    );
  });

  test('an unknown digest algorithm is refused before any request', async () => {
    const registry = await fakeRegistry();
    const c = client(registry.host);
    const error = await rejection(c.blobStream('acme/app', 'md5:abc'));
    expect(error.message).toBe(`${registry.host}/acme/app@md5:abc: cannot verify digest "md5:abc"`);
    expect(registry.seen).toHaveLength(0);
  });
});

describe('retries', () => {
  let registry: FakeServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    registry = await fakeRegistry();
    proxy = await proxyTo(registry);
  });
  afterEach(() => proxy.clear());

  test('429 with Retry-After in seconds: waits exactly that long, then succeeds', async () => {
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 429, retryAfter: 3 } });
    const time = clock();
    const got = await client(proxy.host, time.options).manifest('acme/app', '1.2.3');
    expect(got.digest).toBe(sha256(index));
    expect(time.state.slept).toEqual([3000]);
  });

  test('429 with Retry-After as an HTTP date', async () => {
    const time = clock();
    const date = new Date(time.state.now + 7_000).toUTCString();
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 429, retryAfter: date } });
    await client(proxy.host, time.options).manifest('acme/app', '1.2.3');
    expect(time.state.slept).toEqual([7000]);
  });

  test('a 503 burst: exponential backoff, then success', async () => {
    proxy.add({ path: /\/manifests\//, times: 3, fault: { type: 'status', status: 503 } });
    const time = clock();
    await client(proxy.host, time.options).manifest('acme/app', '1.2.3');
    expect(time.state.slept).toEqual([125, 250, 500]);
  });

  test('502/504/500 are retried; a 501 is not', async () => {
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 502 } });
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 504 } });
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 500 } });
    const time = clock();
    await client(proxy.host, time.options).manifest('acme/app', '1.2.3');
    expect(time.state.slept).toHaveLength(3);
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'status', status: 501 } });
    const error = await rejection(client(proxy.host).manifest('acme/app', '1.2.3'));
    expect(error.message).toBe(
      `${proxy.host}/acme/app:1.2.3: the registry answered HTTP 501: FAULT injected HTTP 501`,
    );
  });

  test('a 503 that does not end: an error after the attempts, saying so', async () => {
    proxy.add({ path: /\/manifests\//, fault: { type: 'status', status: 503 } });
    const time = clock();
    const error = await rejection(client(proxy.host, time.options).manifest('acme/app', '1.2.3'));
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(time.state.slept).toEqual([125, 250, 500, 1000, 2000]);
    expect(error.message).toBe(
      `${proxy.host}/acme/app:1.2.3: the registry answered HTTP 503: FAULT injected HTTP 503 (gave up after 6 attempts in 3.9 s)`,
    );
  });

  test('a Retry-After beyond the retry budget: no wait, a rate-limit error', async () => {
    proxy.add({ path: /\/manifests\//, fault: { type: 'status', status: 429, retryAfter: 120 } });
    const time = clock();
    const error = await rejection(client(proxy.host, time.options).manifest('acme/app', '1.2.3'));
    expect(time.state.slept).toEqual([]);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(error.message).toBe(
      `${proxy.host}/acme/app:1.2.3: rate limited by the registry (HTTP 429): FAULT injected HTTP 429`,
    );
  });

  test('the total retry time is capped', async () => {
    proxy.add({ path: /\/manifests\//, fault: { type: 'status', status: 429, retryAfter: 4 } });
    const time = clock();
    await rejection(
      client(proxy.host, { ...time.options, retry: { maxRetryTime: 10_000 } }).manifest('acme/app', '1'),
    );
    expect(time.state.slept).toEqual([4000, 4000]); // a third wait would end at 12 s
  });

  test('a connection reset before the response is retried', async () => {
    proxy.add({ path: /\/manifests\//, times: 2, fault: { type: 'reset' } });
    const time = clock();
    expect((await client(proxy.host, time.options).manifest('acme/app', '1.2.3')).digest).toBe(sha256(index));
    expect(time.state.slept).toEqual([125, 250]);
  });

  test('a reset while a manifest body is read is retried', async () => {
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'reset-mid-body', afterBytes: 50 } });
    const time = clock();
    expect((await client(proxy.host, time.options).manifest('acme/app', '1.2.3')).body).toEqual(index);
    expect(time.state.slept).toEqual([125]);
  });

  test('a slow answer past the timeout is retried; one that stays slow is a timeout error', async () => {
    proxy.add({ path: /\/manifests\//, times: 1, fault: { type: 'delay', ms: 1_000 } });
    const time = clock();
    await client(proxy.host, { ...time.options, timeout: 150 }).manifest('acme/app', '1.2.3');
    expect(time.state.slept).toEqual([125]);

    proxy.add({ path: /\/manifests\//, fault: { type: 'delay', ms: 1_000 } });
    const c = client(proxy.host, { timeout: 150, retry: { maxAttempts: 2 } });
    const error = await rejection(c.manifest('acme/app', '1.2.3'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(
      new RegExp(
        `^${proxy.host}/acme/app:1\\.2\\.3: timed out: no answer within 150 ms \\(gave up after 2 attempts in \\d+ ms\\)$`,
      ),
    );
  });

  test('a redirect loop ends with an error', async () => {
    proxy.add({ path: /\/manifests\//, fault: { type: 'redirect-loop' } });
    const error = await rejection(client(proxy.host).manifest('acme/app', '1.2.3'));
    expect(error.message).toBe(
      `${proxy.host}/acme/app:1.2.3: more than 10 redirects (last to /v2/acme/app/manifests/1.2.3)`,
    );
  });

  test('a refused connection is a network error, not retried', async () => {
    const time = clock();
    const closed = await listen(() => {});
    await new Promise((r) => closed.server.close(r));
    const error = await rejection(client(closed.host, time.options).manifest('acme/app', '1'));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      new RegExp(
        `^${closed.host}/acme/app:1: cannot reach the registry \\(${closed.host}\\): .*ECONNREFUSED`,
      ),
    );
    expect(time.state.slept).toEqual([]);
  });
});

describe('endpoints', () => {
  test('HTTPS for a public host, HTTP for the loopback and the insecure list', () => {
    expect(new RegistryClient({ host: 'ghcr.io' }).baseUrl).toBe('https://ghcr.io');
    expect(new RegistryClient({ host: 'localhost:5000' }).baseUrl).toBe('http://localhost:5000');
    expect(new RegistryClient({ host: 'reg.lan:5000', insecureRegistries: ['reg.lan:5000'] }).baseUrl).toBe(
      'http://reg.lan:5000',
    );
  });

  test('a host that is no registry (404 on /v2/) is named as such', async () => {
    const web = await listen((_req, res) => res.writeHead(404).end());
    const error = await rejection(client(web.host).manifest('acme/app', '1'));
    expect(error.message).toBe(
      `${web.host}/acme/app:1: ${web.host} does not speak the registry API (GET http://${web.host}/v2/ answered 404)`,
    );
  });
});

describe('the fetch it sends with', () => {
  test('an injected fetch (global fetch here) carries every request, redirects included', async () => {
    const store = await listen((req, res) => {
      const digest = /^\/blobs\/([^?]+)/.exec(req.url ?? '')?.[1] ?? '';
      sendBlob(req, res, blobs.get(digest)!);
    });
    const registry = await fakeRegistry({ blobStore: () => store.url });
    const sent: string[] = [];
    const recording: FetchLike = (url, init) => {
      sent.push(`${init.method} ${url}`);
      return fetch(url, init);
    };
    const c = client(registry.host, { fetch: recording });
    expect((await c.manifest('acme/app', '1.2.3')).digest).toBe(sha256(index));
    expectLayer(await readAll(await c.blobStream('acme/app', sha256(layer))));
    expect(sent).toEqual([
      `GET ${registry.url}/v2/`,
      `GET ${registry.url}/v2/acme/app/manifests/1.2.3`,
      `GET ${registry.url}/v2/acme/app/blobs/${sha256(layer)}`,
      `GET ${store.url}/blobs/${sha256(layer)}?sig=secret`,
    ]);
  });
});
