/**
 * OCI layouts written by the lab's real buildx (`--output type=oci`, as a tar and as a
 * directory), read through openOciLayout + loadImage. Every expected figure is read here
 * independently: the directory with plain fs reads, the tar with the system `tar`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobDigestError, openOciLayout } from '../../src/image/oci-layout.js';
import { loadImage } from '../../src/image/load.js';

const ATTESTATION = 'vnd.docker.reference.type';
const NAME = 'example.test/shipshape/oci-lab:1';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

let work: string;
let tarPath: string;
let dirPath: string;

function buildx(output: string, context: string): void {
  execFileSync(
    'docker',
    [
      'buildx',
      'build',
      '--network',
      'none',
      '--platform',
      'linux/amd64,linux/arm64',
      '--output',
      output,
      context,
    ],
    { stdio: 'pipe' },
  );
}

beforeAll(() => {
  execFileSync('docker', ['info'], { stdio: 'ignore' }); // the lab must be up
  work = mkdtempSync(join(tmpdir(), 'oci-layout-lab-'));
  const context = join(work, 'context');
  mkdirSync(context);
  writeFileSync(
    join(context, 'Dockerfile'),
    [
      'FROM localhost:5000/lab/busybox:latest',
      'ENV APP_HOME=/srv',
      'RUN dd if=/dev/zero of=/srv-data bs=1024 count=48 2>/dev/null',
      'COPY note.txt /srv/note.txt',
      'CMD ["cat", "/srv/note.txt"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(context, 'note.txt'), 'measured without a push\n');
  tarPath = join(work, 'img.tar');
  dirPath = join(work, 'dir');
  buildx(`type=oci,dest=${tarPath},name=${NAME}`, context);
  buildx(`type=oci,dest=${dirPath},tar=false`, context);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A layout's files, read without our code: fs for the directory, `tar -xOf` for the tar. */
const readers = {
  dir: (path: string) => readFileSync(join(dirPath, path)),
  tar: (path: string) => execFileSync('tar', ['-xOf', tarPath, path], { maxBuffer: 64 * 1024 * 1024 }),
};
type Kind = keyof typeof readers;
const layoutPath = (kind: Kind) => (kind === 'dir' ? dirPath : tarPath);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const blobPath = (digest: string) => `blobs/sha256/${digest.slice('sha256:'.length)}`;
const json = <T>(kind: Kind, path: string) => JSON.parse(readers[kind](path).toString()) as T;

/** index.json -> the image index -> its platform manifests, attestations left out: by hand. */
function expectedFromFiles(kind: Kind) {
  const top = json<{ manifests: Descriptor[] }>(kind, 'index.json').manifests;
  expect(top).toHaveLength(1);
  const imageIndex = json<{ manifests: Descriptor[] }>(kind, blobPath(top[0]!.digest));
  const platforms = imageIndex.manifests
    .filter((d) => d.annotations?.[ATTESTATION] !== 'attestation-manifest')
    .map((descriptor) => {
      const manifest = json<{ config: Descriptor; layers: Descriptor[] }>(kind, blobPath(descriptor.digest));
      return {
        platform: `${descriptor.platform!.os}/${descriptor.platform!.architecture}`,
        manifestDigest: descriptor.digest,
        configDigest: manifest.config.digest,
        layerDigests: manifest.layers.map((layer) => layer.digest),
        compressed: manifest.layers.reduce((sum, layer) => sum + layer.size, 0),
      };
    });
  return { digest: top[0]!.digest, attestations: imageIndex.manifests.length - platforms.length, platforms };
}

async function sha256Of(stream: Readable): Promise<{ digest: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, length };
}

describe.each<Kind>(['tar', 'dir'])('a buildx OCI layout (%s)', (kind) => {
  test('loadImage finds both platforms, sizes equal to the layout files, attestations left out', async () => {
    const expected = expectedFromFiles(kind);
    expect(expected.attestations).toBe(2); // buildx wrote provenance for each platform
    const image = await loadImage(await openOciLayout(layoutPath(kind)), '');

    expect(image.ref).toBe(layoutPath(kind));
    expect(image.digest).toBe(expected.digest);
    expect(image.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(
      image.platforms.map((p) => ({
        platform: p.platform,
        manifestDigest: p.manifestDigest,
        configDigest: p.configDigest,
        layerDigests: p.layers.map((layer) => layer.digest),
        compressed: p.compressed,
      })),
    ).toEqual(expected.platforms);
    expect(image.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);

    for (const platform of image.platforms) {
      // The descriptor sizes are the blobs' sizes on disk (for the directory, where stat can tell).
      if (kind === 'dir') {
        const onDisk = platform.layers.map((layer) => statSync(join(dirPath, blobPath(layer.digest))).size);
        expect(onDisk).toEqual(platform.layers.map((layer) => layer.compressed));
      }
      expect(platform.layers.map((layer) => layer.createdBy)).toEqual([
        undefined, // the lab's busybox was imported without history
        'RUN /bin/sh -c dd if=/dev/zero of=/srv-data bs=1024 count=48 2>/dev/null # buildkit',
        'COPY note.txt /srv/note.txt # buildkit',
      ]);
    }
  });

  test('every layer streams to bytes that hash to its digest', async () => {
    const source = await openOciLayout(layoutPath(kind));
    const image = await loadImage(source, '');
    for (const layer of image.platforms.flatMap((p) => p.layers)) {
      expect(await sha256Of(await source.blobStream(layer.digest))).toEqual({
        digest: layer.digest,
        length: layer.compressed,
      });
    }
  });

  test('a flipped byte in a layer blob makes its stream fail, naming the digest', async () => {
    const image = await loadImage(await openOciLayout(layoutPath(kind)), '');
    const layer = image.platforms[0]!.layers[0]!; // the base layer: about a megabyte, many chunks
    const blob = readers[kind](blobPath(layer.digest));
    const copy = join(work, `corrupt-${kind}`);
    if (kind === 'dir') {
      cpSync(dirPath, copy, { recursive: true });
      const path = join(copy, blobPath(layer.digest));
      rmSync(path, { force: true }); // blobs are written read-only
      const flipped = Buffer.from(blob);
      flipped[flipped.length >> 1] ^= 0xff;
      writeFileSync(path, flipped);
    } else {
      const tar = readFileSync(tarPath);
      const offset = tar.indexOf(blob.subarray(0, 4096));
      expect(offset).toBeGreaterThan(0);
      expect(offset % 512).toBe(0);
      tar[offset + (blob.length >> 1)] ^= 0xff;
      writeFileSync(copy, tar);
    }
    const source = await openOciLayout(copy);
    const error = await sha256Of(await source.blobStream(layer.digest)).catch((e) => e);
    expect(error).toBeInstanceOf(BlobDigestError);
    expect(error.message).toMatch(
      new RegExp(
        `^${escape(copy)}: blob ${layer.digest} does not match its digest: its bytes hash to sha256:[0-9a-f]{64}$`,
      ),
    );
    expect(error.actual).not.toBe(layer.digest);
    // The other blobs are untouched and still read.
    const other = image.platforms[0]!.layers[2]!;
    expect((await sha256Of(await source.blobStream(other.digest))).digest).toBe(other.digest);
  });
});

describe('names in a buildx OCI tar', () => {
  test('the image is found by its ref name and by its full name, and a filter picks one platform', async () => {
    const source = await openOciLayout(tarPath);
    const { digest } = expectedFromFiles('tar');
    expect((await source.manifest('1')).digest).toBe(digest);
    expect((await source.manifest(NAME)).digest).toBe(digest);
    const arm = await loadImage(source, NAME, { platforms: ['linux/arm64/v8'] });
    expect(arm.platforms.map((p) => p.platform)).toEqual(['linux/arm64']);
    await expect(loadImage(source, '1', { platforms: ['linux/ppc64le'] })).rejects.toThrow(
      `${tarPath} has no platform matching linux/ppc64le; it has linux/amd64, linux/arm64`,
    );
  });
});
