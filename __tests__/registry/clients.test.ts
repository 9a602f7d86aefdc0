/**
 * The run's registry clients (registry/clients.ts) and what a client keeps by digest
 * (client.ts): counted as requests at a registry made here with node:http.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClients } from '../../src/registry/clients.js';
import { RegistryClient } from '../../src/registry/client.js';
import { connect, type ConnectOptions } from '../../src/registry/connect.js';
import { OCI_MANIFEST } from '../../src/oci/media-types.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}');
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: 64 },
    layers: [],
  }),
);

interface Seen {
  path: string;
  /** The Basic user the request came with, if any. */
  user?: string;
}

/**
 * A registry of two repositories (acme/app, acme/other) holding one manifest (tag `main` and
 * its digest) and its config; with `basic`, it wants Basic credentials (any user) first.
 */
async function fakeRegistry(options: { basic?: boolean; digestHeader?: boolean } = {}) {
  const seen: Seen[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = basic && Buffer.from(basic, 'base64').toString('utf8').split(':')[0];
    seen.push({ path, user });
    if (options.basic && !user) {
      return res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' }).end();
    }
    if (path === '/v2/') return res.writeHead(200).end('{}');
    if (failNext > 0) {
      failNext--;
      return res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[]}');
    }
    const m = /^\/v2\/acme\/(app|other)\/(manifests|blobs)\/(.+)$/.exec(path);
    if (m?.[2] === 'manifests' && (m[3] === 'main' || m[3] === sha256(manifest))) {
      const headers: Record<string, string> = { 'Content-Type': OCI_MANIFEST };
      if (options.digestHeader !== false) headers['Docker-Content-Digest'] = sha256(manifest);
      return res.writeHead(200, headers).end(manifest);
    }
    if (m?.[2] === 'blobs' && m[3] === sha256(config)) return res.writeHead(200).end(config);
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    seen,
    paths: () => seen.map((s) => s.path),
    failNext: (n: number) => (failNext = n),
  };
}

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

// No Docker config: no credentials but the explicit ones.
let env: Record<string, string>;
beforeAll(() => {
  env = { DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'clients-test-')), PATH: process.env.PATH ?? '' };
});

const options = (extra: Partial<ConnectOptions> = {}): ConnectOptions => ({ env, ...extra });

describe('one client per registry host and credentials', () => {
  test('connecting twice to one registry through a pool: one client, one ping', async () => {
    const registry = await fakeRegistry();
    const clients = new RegistryClients();
    const a = await connect(`${registry.host}/acme/app:main`, options({ clients }));
    await a.source.manifest(a.manifestReference);
    const b = await connect(`${registry.host}/acme/other:main`, options({ clients }));
    await b.source.manifest(b.manifestReference);
    expect(b.client).toBe(a.client);
    expect(clients.size).toBe(1);
    expect(registry.paths()).toEqual([
      '/v2/',
      '/v2/acme/app/manifests/main',
      '/v2/acme/other/manifests/main',
    ]);
  });

  test('without a pool each connect pings again (what the pool saves)', async () => {
    const registry = await fakeRegistry();
    for (const repository of ['app', 'other']) {
      const c = await connect(`${registry.host}/acme/${repository}:main`, options());
      await c.source.manifest(c.manifestReference);
    }
    expect(registry.paths().filter((p) => p === '/v2/')).toHaveLength(2);
  });

  test('other credentials for the same registry: another client, each request with its own user', async () => {
    const registry = await fakeRegistry({ basic: true });
    const clients = new RegistryClients();
    const as = (username: string) =>
      connect(
        `${registry.host}/acme/app:main`,
        options({ clients, explicitCredentials: { registry: registry.host, username, password: 'pw' } }),
      );
    const alice = await as('alice');
    const bob = await as('bob');
    expect(bob.client).not.toBe(alice.client);
    expect((await as('alice')).client).toBe(alice.client);
    await alice.source.manifest('main');
    await bob.source.manifest('main');
    const reads = registry.seen.filter((s) => s.path === '/v2/acme/app/manifests/main' && s.user);
    expect(reads.map((s) => s.user)).toEqual(['alice', 'bob']);
  });

  test('another timeout or other insecure registries: another client', () => {
    const clients = new RegistryClients();
    const base = clients.client({ host: 'r.lan' });
    expect(clients.client({ host: 'R.lan' })).toBe(base);
    expect(clients.client({ host: 'r.lan', timeout: 5 })).not.toBe(base);
    expect(clients.client({ host: 'r.lan', insecureRegistries: ['r.lan'] })).not.toBe(base);
    expect(clients.client({ host: 'r.lan', credentials: { username: 'u', password: 'p' } })).not.toBe(base);
  });

  test('credentials are looked up once per registry; a failed lookup is tried again', async () => {
    const clients = new RegistryClients();
    let lookUps = 0;
    const lookUp = async () => {
      lookUps++;
      if (lookUps === 1) throw new Error('helper failed');
      return { username: 'u', password: 'p' };
    };
    await expect(clients.credentials('r.lan', undefined, lookUp)).rejects.toThrow('helper failed');
    expect(await clients.credentials('r.lan', undefined, lookUp)).toEqual({ username: 'u', password: 'p' });
    expect(await clients.credentials('r.lan', undefined, lookUp)).toEqual({ username: 'u', password: 'p' });
    expect(lookUps).toBe(2);
  });
});

describe('what a client keeps by digest', () => {
  const client = (host: string) => new RegistryClient({ host });

  test('a manifest read by tag, then by its digest, and its config twice: one request each', async () => {
    const registry = await fakeRegistry();
    const c = client(registry.host);
    const byTag = await c.manifest('acme/app', 'main');
    const byDigest = await c.manifest('acme/app', sha256(manifest));
    expect(byDigest).toEqual(byTag);
    expect(byDigest.digest).toBe(sha256(manifest));
    expect((await c.blob('acme/app', sha256(config))).equals(config)).toBe(true);
    expect((await c.blob('acme/app', sha256(config))).equals(config)).toBe(true);
    expect(registry.paths()).toEqual([
      '/v2/',
      '/v2/acme/app/manifests/main',
      `/v2/acme/app/blobs/${sha256(config)}`,
    ]);
  });

  test('a tag is asked again every time: it may have moved', async () => {
    const registry = await fakeRegistry();
    const c = client(registry.host);
    await c.manifest('acme/app', 'main');
    await c.manifest('acme/app', 'main');
    expect(registry.paths().filter((p) => p.endsWith('/manifests/main'))).toHaveLength(2);
  });

  test('a digest read in one repository is asked again in another (its access is its own)', async () => {
    const registry = await fakeRegistry();
    const c = client(registry.host);
    await c.manifest('acme/app', sha256(manifest));
    await c.manifest('acme/other', sha256(manifest));
    await c.blob('acme/app', sha256(config));
    await c.blob('acme/other', sha256(config));
    expect(registry.paths().slice(1)).toEqual([
      `/v2/acme/app/manifests/${sha256(manifest)}`,
      `/v2/acme/other/manifests/${sha256(manifest)}`,
      `/v2/acme/app/blobs/${sha256(config)}`,
      `/v2/acme/other/blobs/${sha256(config)}`,
    ]);
  });

  test('a tag answered without Docker-Content-Digest is not kept under the digest we computed', async () => {
    const registry = await fakeRegistry({ digestHeader: false });
    const c = client(registry.host);
    await c.manifest('acme/app', 'main');
    await c.manifest('acme/app', sha256(manifest));
    expect(registry.paths().slice(1)).toEqual([
      '/v2/acme/app/manifests/main',
      `/v2/acme/app/manifests/${sha256(manifest)}`,
    ]);
  });

  test('a read that failed is not kept: the next one asks again', async () => {
    const registry = await fakeRegistry();
    const c = client(registry.host);
    await c.ping();
    registry.failNext(1);
    await expect(c.manifest('acme/app', sha256(manifest))).rejects.toThrow();
    expect((await c.manifest('acme/app', sha256(manifest))).digest).toBe(sha256(manifest));
    expect(registry.paths().filter((p) => p.includes('/manifests/'))).toHaveLength(2);
  });
});
