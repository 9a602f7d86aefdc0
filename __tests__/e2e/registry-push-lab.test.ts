/**
 * The client's writes against the lab's real registries (CNCF Distribution): anonymous on
 * localhost:5000 and over HTTPS on registry.shipshape.test:5443 (its CA only in certs.d), Basic on 127.0.0.1:5001, Bearer tokens with push scope on a token registry of
 * this file's own (support/token-registry.ts).
 * A small image (config + one random layer) is uploaded, mounted into a second repository and its
 * manifest PUT by digest; what the registry then holds is read back with plain fetch.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { LAB, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER, LAB_TLS, labFetch } from '../support/registry.js';
import { registryFetch } from '../../src/registry/net/registry-fetch.js';
import { startTokenRegistry } from '../support/token-registry.js';
import { RegistryClient } from '../../src/registry/client.js';
import type { Credentials } from '../../src/registry/auth.js';
import { OCI_MANIFEST } from '../../src/oci/media-types.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const credentials: Credentials = { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD };

// Started before the tables below are built, which name its host.
const tokenRegistry = await startTokenRegistry();
afterAll(async () => {
  await tokenRegistry.close();
});

/** A GET with plain fetch and the lab's credentials (a token from the token server for its registry). */
async function independentGet(host: string, path: string, accept?: string): Promise<Response> {
  const headers: Record<string, string> = accept ? { Accept: accept } : {};
  const basic = `Basic ${Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64')}`;
  if (host === LAB_AUTH) headers.Authorization = basic;
  if (host === tokenRegistry.host) {
    const repository = /^\/v2\/(.+)\/(manifests|blobs|tags)\//.exec(path)![1];
    const url = `${tokenRegistry.realm}?service=shipshape-lab&scope=repository:${repository}:pull`;
    const answer = (await (await fetch(url, { headers: { Authorization: basic } })).json()) as {
      token: string;
    };
    headers.Authorization = `Bearer ${answer.token}`;
  }
  return labFetch(host, path, { headers });
}

describe.each([
  ['anonymous', LAB, undefined],
  ['anonymous over HTTPS (CA in certs.d)', LAB_TLS, undefined],
  ['Basic', LAB_AUTH, credentials],
  ['token', tokenRegistry.host, credentials],
])('%s registry %s', (_, host, creds) => {
  const base = `legs/push-base-${unique}`;
  const app = `legs/push-app-${unique}`;
  const layer = randomBytes(2 * 1024 * 1024 + 17);
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
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
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(layer), size: layer.length },
      ],
    }),
  );
  // The shared fetch of a run: docker's certs.d for the HTTPS registry, as the actions use it.
  const client = () =>
    new RegistryClient({ host, credentials: creds, fetch: registryFetch({ env: process.env }) });

  test('upload, mount, manifest PUT by digest: the registry serves them, and no tag was made', async () => {
    const c = client();
    expect(await c.hasBlob(base, sha256(layer))).toBe(false);
    await c.uploadBlob(base, sha256(layer), layer.length, () => Readable.from([layer]));
    await c.uploadBlob(base, sha256(config), config.length, () => Readable.from([config]));
    expect(await c.hasBlob(base, sha256(layer))).toBe(true);

    // Mounted into the second repository: no bytes sent, and the blob is there.
    expect(await c.hasBlob(app, sha256(layer))).toBe(false);
    expect(await c.mountBlob(app, sha256(layer), base)).toBe(true);
    expect(await c.mountBlob(app, sha256(config), base)).toBe(true);
    expect(await c.hasBlob(app, sha256(layer))).toBe(true);
    // A blob the source lacks is not mounted, and nothing is left behind.
    expect(await c.mountBlob(app, sha256(Buffer.from(unique)), base)).toBe(false);

    const digest = await c.putManifest(app, sha256(manifest), manifest, OCI_MANIFEST);
    expect(digest).toBe(sha256(manifest));

    const got = await independentGet(host, `/v2/${app}/manifests/${digest}`, OCI_MANIFEST);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(digest);
    const blob = await independentGet(host, `/v2/${app}/blobs/${sha256(layer)}`);
    expect(sha256(Buffer.from(await blob.arrayBuffer()))).toBe(sha256(layer));
    const tags = (await (await independentGet(host, `/v2/${app}/tags/list`)).json()) as {
      tags: string[] | null;
    };
    expect(tags.tags ?? []).toEqual([]);

    // A tag is a manifest PUT under a name.
    expect(await c.putManifest(app, 'v1', manifest, OCI_MANIFEST)).toBe(digest);
    const tagged = (await (await independentGet(host, `/v2/${app}/tags/list`)).json()) as { tags: string[] };
    expect(tagged.tags).toEqual(['v1']);
  });
});

test('token registry: the push scopes asked of the token server', async () => {
  const scopes = tokenRegistry.requests.flatMap((r) => r.scopes);
  const app = `legs/push-app-${unique}`;
  const base = `legs/push-base-${unique}`;
  expect(scopes).toContain(`repository:${base}:pull,push`);
  expect(scopes).toContain(`repository:${app}:pull,push`);
  expect(scopes).toContain(`repository:${base}:pull`);
  const mount = tokenRegistry.requests.find(
    (r) => r.scopes.includes(`repository:${app}:pull,push`) && r.scopes.length === 2,
  );
  expect(mount?.scopes).toEqual([`repository:${app}:pull,push`, `repository:${base}:pull`]);
});
