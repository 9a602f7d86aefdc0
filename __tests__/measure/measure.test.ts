import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ImageSource } from '../../src/oci/source.js';
import { LayerScans, measureImage } from '../../src/measure/measure.js';
import { GZIP_MEDIA_TYPE, gzip, tarLayer } from '../support/tar-fixtures.js';

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** An in-memory registry repository: blobs by digest, one index tagged `1`; counts blob streams. */
async function fixtureSource() {
  const blobs = new Map<string, Buffer>();
  const put = (bytes: Buffer) => {
    blobs.set(sha(bytes), bytes);
    return { digest: sha(bytes), size: bytes.length };
  };
  const base = put(
    gzip(await tarLayer([{ dir: 'bin' }, { file: 'bin/tool', size: 3000 }, { file: 'etc/conf', size: 100 }])),
  );
  const amdTop = put(gzip(await tarLayer([{ whiteout: 'bin/tool' }, { file: 'app', size: 500 }])));
  const armTop = put(gzip(await tarLayer([{ file: 'etc/conf', size: 40 }])));
  const manifest = (layers: { digest: string; size: number }[], arch: string) => {
    const config = put(
      Buffer.from(
        JSON.stringify({
          architecture: arch,
          os: 'linux',
          rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
          history: [{ created_by: 'FROM base' }, { created_by: `RUN build ${arch}` }],
        }),
      ),
    );
    return put(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: layers.map((l) => ({ mediaType: GZIP_MEDIA_TYPE, ...l })),
        }),
      ),
    );
  };
  const amd = manifest([base, amdTop], 'amd64');
  const arm = manifest([base, armTop], 'arm64');
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...amd,
          platform: { os: 'linux', architecture: 'amd64' },
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...arm,
          platform: { os: 'linux', architecture: 'arm64' },
        },
      ],
    }),
  );
  const streamed: string[] = [];
  const source: ImageSource = {
    name: 'fixture/app:1',
    async manifest(reference) {
      const body = reference === '1' ? index : blobs.get(reference)!;
      return { digest: sha(body), mediaType: JSON.parse(body.toString()).mediaType, body };
    },
    async blob(digest) {
      return blobs.get(digest)!;
    },
    async blobStream(digest) {
      streamed.push(digest);
      return Readable.from([blobs.get(digest)!]);
    },
  };
  return { source, streamed, base, amdTop, armTop };
}

describe('measureImage', () => {
  test('per platform: compressed from descriptors, uncompressed and wasted from one scan per layer', async () => {
    const { source, streamed, base, amdTop, armTop } = await fixtureSource();
    const { measurement } = await measureImage(source, '1', { analyzeLayers: true });
    expect(measurement.platforms.map((p) => [p.platform, p.compressed, p.uncompressed, p.wasted])).toEqual([
      ['linux/amd64', base.size + amdTop.size, 3100 + 500, 3000],
      ['linux/arm64', base.size + armTop.size, 3100 + 40, 100],
    ]);
    const content = expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown as string;
    expect(measurement.platforms[0].layers).toEqual([
      {
        digest: base.digest,
        compressed: base.size,
        uncompressed: 3100,
        files: 2,
        createdBy: 'FROM base',
        contentDigest: content,
      },
      {
        digest: amdTop.digest,
        compressed: amdTop.size,
        uncompressed: 500,
        files: 1,
        createdBy: 'RUN build amd64',
        contentDigest: content,
      },
    ]);
    // the base layer is shared by both platforms: streamed once
    expect(streamed.filter((d) => d === base.digest)).toHaveLength(1);
    expect(streamed).toHaveLength(3);
  });

  test('the scans are kept per platform for advice, with createdBy and the waste: nothing is streamed again', async () => {
    const { source, streamed, base, amdTop, armTop } = await fixtureSource();
    const { scanned } = await measureImage(source, '1', { analyzeLayers: true });
    expect(
      scanned.map((p) => [p.platform, p.layers.map((l) => [l.digest, l.compressed, l.createdBy])]),
    ).toEqual([
      [
        'linux/amd64',
        [
          [base.digest, base.size, 'FROM base'],
          [amdTop.digest, amdTop.size, 'RUN build amd64'],
        ],
      ],
      [
        'linux/arm64',
        [
          [base.digest, base.size, 'FROM base'],
          [armTop.digest, armTop.size, 'RUN build arm64'],
        ],
      ],
    ]);
    expect(scanned[0].layers.map((l) => l.scan.uncompressed)).toEqual([3100, 500]);
    expect(scanned[0].waste.total).toBe(3000);
    expect(scanned[0].waste.hidden.map((h) => [h.path, h.how])).toEqual([['bin/tool', 'deleted']]);
    expect(scanned[1].waste.total).toBe(100);
    // the base layer's scan is the same object on both platforms
    expect(scanned[0].layers[0].scan).toBe(scanned[1].layers[0].scan);
    expect(streamed).toHaveLength(3);
    // manifests only: nothing to advise from
    expect((await measureImage(source, '1', { analyzeLayers: false })).scanned).toEqual([]);
  });

  test('manifests only: no blob is read, layer figures are null', async () => {
    const { source, streamed, base, armTop } = await fixtureSource();
    const { measurement } = await measureImage(source, '1', {
      analyzeLayers: false,
      platforms: ['linux/arm64'],
    });
    expect(streamed).toEqual([]);
    expect(measurement.platforms).toEqual([
      {
        platform: 'linux/arm64',
        manifestDigest: expect.any(String),
        compressed: base.size + armTop.size,
        uncompressed: null,
        wasted: null,
        layers: [
          {
            digest: base.digest,
            compressed: base.size,
            uncompressed: null,
            files: null,
            createdBy: 'FROM base',
          },
          {
            digest: armTop.digest,
            compressed: armTop.size,
            uncompressed: null,
            files: null,
            createdBy: 'RUN build arm64',
          },
        ],
      },
    ]);
  });

  test('onlyPlatforms keeps what the image has, silently; scans are shared across calls', async () => {
    const { source, streamed } = await fixtureSource();
    const scans = new LayerScans();
    const first = await measureImage(source, '1', {
      analyzeLayers: true,
      onlyPlatforms: ['linux/arm64', 'linux/s390x'],
      scans,
    });
    expect(first.measurement.platforms.map((p) => p.platform)).toEqual(['linux/arm64']);
    await measureImage(source, '1', { analyzeLayers: true, scans });
    expect(streamed).toHaveLength(3); // arm's two layers, then only amd's own
  });
});

describe('a layer whose bytes come back wrong', () => {
  /** The source, with the base layer's blob flipped in the middle for its first `bad` reads. */
  async function flipping(bad: number, network: boolean) {
    const fixture = await fixtureSource();
    const { source, base } = fixture;
    let reads = 0;
    const waits: number[] = [];
    const flaky: ImageSource = {
      ...source,
      name: source.name,
      manifest: (reference) => source.manifest(reference),
      blob: (digest) => source.blob(digest),
      async blobStream(digest, size) {
        const stream = await source.blobStream(digest, size);
        if (digest !== base.digest || ++reads > bad) return stream;
        const bytes = Buffer.from(await source.blob(digest));
        bytes[bytes.length >> 1] ^= 0xff;
        return Readable.from([bytes]);
      },
      ...(network && {
        async mayReadAgain(attempt: number) {
          waits.push(attempt);
          return attempt < 3;
        },
      }),
    };
    return { ...fixture, flaky, waits };
  }

  test('is read again while the source says it may help: the figures of a clean read', async () => {
    const clean = await measureImage((await fixtureSource()).source, '1', { analyzeLayers: true });
    const { flaky, waits } = await flipping(2, true);
    const { measurement } = await measureImage(flaky, '1', { analyzeLayers: true });
    expect(measurement).toEqual(clean.measurement);
    expect(waits).toEqual([1, 2]);
  });

  test('wrong every time: an error naming the image and the layer, after 3 reads', async () => {
    const { flaky, base, waits } = await flipping(Infinity, true);
    const error = await measureImage(flaky, '1', { analyzeLayers: true }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^fixture/app:1: layer ${base.digest} cannot be read: .+ \\(read 3 times, wrong each time\\)$`,
      ),
    );
    expect(waits).toEqual([1, 2, 3]);
  });

  test('from a source that gives the same bytes again (a file): no second read', async () => {
    const { flaky, base } = await flipping(1, false);
    const error = await measureImage(flaky, '1', { analyzeLayers: true }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`^fixture/app:1: layer ${base.digest} cannot be read: `),
    );
    expect((error as Error).message).not.toContain('read 3 times');
  });
});

describe('measureImage with progress', () => {
  /** The fixture, its blobs streamed in 100-byte chunks, a fake clock one second further per chunk. */
  async function slowSource() {
    const fixture = await fixtureSource();
    let now = 0;
    const source: ImageSource = {
      ...fixture.source,
      async blobStream(digest) {
        const whole = (await fixture.source.blobStream(digest)).read() as Buffer | null;
        const bytes = whole ?? (await fixture.source.blob(digest));
        return Readable.from(
          (function* () {
            for (let at = 0; at < bytes.length; at += 100) {
              now += 1000;
              yield bytes.subarray(at, at + 100);
            }
          })(),
        );
      },
    };
    return { ...fixture, source, now: () => now };
  }

  test('phases in order; each layer told once with its place and size, and every byte of it counted', async () => {
    const { source, base, amdTop, armTop } = await slowSource();
    const phases: string[] = [];
    const layers = new Map<string, { size: number; read: number; done: boolean }>();
    await measureImage(source, '1', {
      analyzeLayers: true,
      phasePrefix: 'baseline ',
      progress: {
        phase: (name) => {
          phases.push(name);
          return () => phases.push(`end ${name}`);
        },
        layer: (info) => {
          const entry = { size: info.size, read: 0, done: false };
          layers.set(`${info.platform} ${info.index}/${info.count}`, entry);
          return { read: (n) => (entry.read += n), done: () => (entry.done = true) };
        },
      },
    });
    expect(phases).toEqual([
      'baseline manifests',
      'end baseline manifests',
      'baseline layers',
      'end baseline layers',
    ]);
    // The shared base layer is read once, told under the platform that started it.
    expect([...layers.keys()].sort()).toEqual(['linux/amd64 1/2', 'linux/amd64 2/2', 'linux/arm64 2/2']);
    expect(layers.get('linux/amd64 1/2')).toEqual({ size: base.size, read: base.size, done: true });
    expect(layers.get('linux/amd64 2/2')).toEqual({ size: amdTop.size, read: amdTop.size, done: true });
    expect(layers.get('linux/arm64 2/2')).toEqual({ size: armTop.size, read: armTop.size, done: true });
  });

  test('through ReadProgress on the fake clock: a line every 5 s while layers stream, one closing line', async () => {
    const { ReadProgress } = await import('../../src/steps/read-progress.js');
    const lines: string[] = [];
    const fixture = await slowSource();
    const progress = new ReadProgress({ log: (l) => lines.push(l), now: fixture.now, interval: 5000 });
    await measureImage(fixture.source, '1', { analyzeLayers: true, progress });
    progress.finish();
    const rounds = lines.slice(0, -1);
    expect(rounds.length).toBeGreaterThan(0);
    for (const line of rounds)
      expect(line).toMatch(
        /^linux\/(amd64|arm64) layer [12]\/2: [\d.]+ k?B(?: of [\d.]+ k?B \(\d+%\))?, [\d.]+ k?B\/s$|^linux\/(amd64|arm64) layer [12]\/2: [\d.]+ k?B in [\d.]+ s \([\d.]+ k?B\/s\)$/,
      );
    expect(lines.at(-1)).toMatch(
      /^read in [\d.]+ s: manifests \d+ ms, layers [\d.]+ s \([\d.]+ k?B, [\d.]+ k?B\/s\)$/,
    );
  });
});
