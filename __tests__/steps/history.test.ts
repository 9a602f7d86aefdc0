/**
 * The safe append of steps/history.ts against an in-memory registry (tags, manifests, blobs):
 * concurrent appends keep every record, a foreign artifact is left alone, reset replaces it.
 * The same runs on the lab's three registries in __tests__/e2e/history.test.ts.
 */
import { expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { appendHistory, type HistoryState, type HistoryTarget } from '../../src/steps/history.js';
import { SIZE_HISTORY_ARTIFACT_TYPE } from '../../src/oci/artifact.js';
import { OCI_MANIFEST } from '../../src/oci/media-types.js';
import { RegistryError } from '../../src/registry/errors.js';
import { parseHistory, type HistoryRecord } from '../../src/report/history.js';
import type { RegistryClient } from '../../src/registry/client.js';
import { FakeIo } from '../../src/io/fake.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const tick = () => new Promise<void>((done) => setImmediate(done));

class MemoryRegistry {
  tags = new Map<string, string>();
  manifests = new Map<string, { body: Buffer; mediaType: string }>();
  blobs = new Map<string, Buffer>();
  puts = 0;
  client = {
    manifest: async (_: string, ref: string) => {
      await tick();
      const digest = this.tags.get(ref);
      if (!digest) throw new RegistryError('not-found', ref, `${ref} not found`, 404);
      return { digest, ...this.manifests.get(digest)! };
    },
    headManifest: async (_: string, ref: string) => {
      await tick();
      const digest = this.tags.get(ref);
      if (!digest) throw new RegistryError('not-found', ref, `${ref} not found`, 404);
      return { digest, mediaType: OCI_MANIFEST, size: 1 };
    },
    blob: async (_: string, digest: string) => {
      await tick();
      return this.blobs.get(digest)!;
    },
    hasBlob: async (_: string, digest: string) => this.blobs.has(digest),
    uploadBlob: async (_: string, digest: string, __: number, open: () => Readable) => {
      const chunks: Buffer[] = [];
      for await (const c of open()) chunks.push(c as Buffer);
      await tick();
      this.blobs.set(digest, Buffer.concat(chunks));
    },
    putManifest: async (_: string, ref: string, body: Buffer, mediaType: string) => {
      await tick();
      this.puts++;
      this.manifests.set(sha(body), { body, mediaType });
      this.tags.set(ref, sha(body));
      return sha(body);
    },
  } as unknown as RegistryClient;

  records(): HistoryRecord[] {
    const { body } = this.manifests.get(this.tags.get('shipshape-history')!)!;
    const layer = JSON.parse(body.toString()).layers[0].digest;
    return parseHistory(this.blobs.get(layer)!.toString());
  }
}

const target = (mode: 'true' | 'reset' = 'true'): HistoryTarget => ({
  repository: 'localhost:5000/acme/app',
  inputs: { mode, tag: 'shipshape-history', limit: 200 },
  insecureRegistries: [],
});
const stateOf = (registry: MemoryRegistry): HistoryState => ({
  records: [],
  status: 'absent',
  location: {
    client: registry.client,
    repository: 'acme/app',
    tag: 'shipshape-history',
    artifactType: SIZE_HISTORY_ARTIFACT_TYPE,
    image: 'localhost:5000/acme/app:shipshape-history',
  },
});
const record = (n: number): HistoryRecord => ({
  time: `2026-01-01T00:00:0${n}.000Z`,
  commit: `c${n}`,
  ref: 'refs/heads/main',
  digest: `sha256:${String(n).repeat(64)}`,
  platforms: [{ platform: 'linux/amd64', compressed: n, uncompressed: n, wasted: 0, layers: 1 }],
});
const fast = { sleep: tick };

test('appends keep every record, even four at once', async () => {
  const registry = new MemoryRegistry();
  const io = new FakeIo();
  await appendHistory(io, target(), stateOf(registry), record(1), fast);
  await Promise.all(
    [2, 3, 4, 5].map((n) => appendHistory(new FakeIo(), target(), stateOf(registry), record(n), fast)),
  );
  expect(registry.records().map((r) => r.commit)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
});

test('the same push appended twice is one record, and the second writes nothing', async () => {
  const registry = new MemoryRegistry();
  await appendHistory(new FakeIo(), target(), stateOf(registry), record(1), fast);
  const puts = registry.puts;
  await appendHistory(new FakeIo(), target(), stateOf(registry), record(1), fast);
  expect(registry.records()).toHaveLength(1);
  expect(registry.puts).toBe(puts);
});

test('a foreign artifact under the tag is left untouched with a warning; reset replaces it', async () => {
  const registry = new MemoryRegistry();
  const foreign = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: 'application/vnd.example.sbom',
      layers: [],
    }),
  );
  registry.manifests.set(sha(foreign), { body: foreign, mediaType: OCI_MANIFEST });
  registry.tags.set('shipshape-history', sha(foreign));
  const io = new FakeIo();
  expect(await appendHistory(io, target(), stateOf(registry), record(1), fast)).toBeUndefined();
  expect(registry.tags.get('shipshape-history')).toBe(sha(foreign));
  expect(io.lines('warning').join('\n')).toContain(
    `localhost:5000/acme/app:shipshape-history (${sha(foreign)}) is not a shipshape size history (its artifact type is application/vnd.example.sbom`,
  );
  await appendHistory(new FakeIo(), target('reset'), stateOf(registry), record(2), fast);
  expect(registry.records().map((r) => r.commit)).toEqual(['c2']);
});

test('the wait after the PUT is short: three times what the HEAD and PUT took, at least 50 ms', async () => {
  const registry = new MemoryRegistry();
  const waits: number[] = [];
  let clock = 0;
  await appendHistory(new FakeIo(), target(), stateOf(registry), record(1), {
    sleep: async (ms) => void waits.push(ms),
    now: () => (clock += 40),
  });
  expect(waits).toEqual([120]);
});
