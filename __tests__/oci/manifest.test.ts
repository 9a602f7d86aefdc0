/**
 * Fixtures in __tests__/fixtures/manifests/ are the exact bytes the lab registry served (their
 * sha256 is their digest):
 * - oci-*: `docker buildx build --platform linux/amd64,linux/arm64 --push` (buildx 0.29, docker
 *   driver), provenance attestations on, as localhost:5000/fixtures/x:1;
 * - docker-*: the same build with `oci-mediatypes=false --provenance=false`;
 * - classic-*: `DOCKER_BUILDKIT=0 docker build` then `docker push` (Docker 28).
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import {
  ManifestError,
  MAX_CONFIG_BYTES,
  MAX_MANIFEST_BYTES,
  isDigest,
  parseImageConfig,
  parseManifest,
  type ImageIndex,
} from '../../src/oci/manifest.js';
import type { Image } from '../../src/image/model.js';
import type { FetchedManifest, ImageSource } from '../../src/oci/source.js';
import { PlatformNotFoundError, loadImage } from '../../src/image/load.js';
import {
  PlatformSyntaxError,
  isAttestation,
  parsePlatform,
  parsePlatformFilter,
  platformMatches,
  selectPlatforms,
} from '../../src/oci/platform.js';
import type { Descriptor, PlatformSpec } from '../../src/oci/descriptor.js';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/manifests/${name}`, import.meta.url));
/** Typed, so the expected image is checked against the model too. */
const expectImage = (actual: Image, expected: Image) => expect(actual).toEqual(expected);
const sha256 = (body: Buffer | string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;

const D = {
  index: 'sha256:40f2419b3f1d409ad6b21949afe68b80c3a76d3e97d08b8186e8e9d7bf7a95fd',
  amd64: 'sha256:94bceccdec81147727432e59eed9c1bf1651c1e2a65220f4e8ba61e7977247db',
  arm64: 'sha256:2ad098c1932187116d43a52a0ec36f379ae927769d35a1d4e96e0a80952f084c',
  attestAmd64: 'sha256:7a84dca7c85e81a944da55fd29817349c36a5dc405767a9d37dcd1a73bbadb9b',
  attestArm64: 'sha256:38fe463cae58c050e7b906cc6a4e32034eadb06d92b0d25ccb2456f5a056b175',
  configAmd64: 'sha256:e8a98ded531660bd290cfd3fe6bb583c4cefad6b149d266bf8c923c7ab2b1e45',
  configArm64: 'sha256:8b28e5f240ddb019f7da42eed7cfc1f330fd74bd1ea0313de73a75b623c674e1',
  configAttestation: 'sha256:a943de4e762d5b588f69defd587687174b96075038a95bc82cf43911c6540aed',
  list: 'sha256:3acbfb0a89d743babbfdcafd470f9881166ceccf5589389e7ffa0f6f4e541050',
  dockerAmd64: 'sha256:a0908984d6f68ec2aa1036cfb9d805cd785498591b5692d25c2cbca860039507',
  dockerArm64: 'sha256:2032e0448c2182d71d3fb2de37b4e81b678ec10512adc501f48412d9bb902cff',
  classic: 'sha256:14d8a9717b1e61fd60e18b906018d3e522d257b7a89f773414d75667eaba7a50',
  configClassic: 'sha256:1efd2a30a678724e2db86d0eb8cb6ee9541b3dab5344ac4fb14d795f58a0a1f4',
  busyboxAmd64: 'sha256:73004c959b65e13f3693ef9cb0c9705920e9293e9d0ec20f3974e48fd14d7910',
  busyboxArm64: 'sha256:f07f5b3dfe7a9b4ebe1d9c719a4af08f63c07e1dc08ae1907c6dd284dabc5a5b',
  workdir: 'sha256:1a2d16286f3948243147621d632fe14041d4e5e04390cb4276eed008b6576565',
  run: 'sha256:4ff67a7e40affe647ff1413829b0e19f1007bf2ba0af0d258a47fe3faccbbbd6',
  copy: 'sha256:78706d25249857c8f26488276812ae1d18ec79a19f42018f133a10735b5092f1',
};

const FIXTURES: Record<string, string> = {
  [D.index]: 'oci-index-buildx.json',
  [D.amd64]: 'oci-manifest-amd64.json',
  [D.arm64]: 'oci-manifest-arm64.json',
  [D.attestAmd64]: 'oci-attestation-manifest-amd64.json',
  [D.attestArm64]: 'oci-attestation-manifest-arm64.json',
  [D.configAmd64]: 'config-buildkit-amd64.json',
  [D.configArm64]: 'config-buildkit-arm64.json',
  [D.configAttestation]: 'config-attestation.json',
  [D.list]: 'docker-manifest-list.json',
  [D.dockerAmd64]: 'docker-manifest-v2-amd64.json',
  [D.dockerArm64]: 'docker-manifest-v2-arm64.json',
  [D.classic]: 'classic-manifest.json',
  [D.configClassic]: 'config-classic.json',
};

/**
 * An ImageSource over blobs in memory, serving what a registry would: a manifest's bytes with
 * its own media type as Content-Type. Records what was asked for, and how many ran at once.
 */
class MapSource implements ImageSource {
  readonly blobs = new Map<string, Buffer>();
  readonly tags = new Map<string, string>();
  readonly requests: string[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    readonly name: string,
    private readonly delayMs = 0,
  ) {
    for (const [digest, file] of Object.entries(FIXTURES)) this.blobs.set(digest, bytes(file));
  }

  /** Adds a blob; returns its digest and size. */
  add(body: Buffer | string | object): { digest: string; size: number } {
    const buffer = Buffer.isBuffer(body)
      ? body
      : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const digest = sha256(buffer);
    this.blobs.set(digest, buffer);
    return { digest, size: buffer.length };
  }

  private async get(digest: string): Promise<Buffer> {
    this.requests.push(digest);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const body = this.blobs.get(digest);
      if (!body) throw new Error(`${this.name}: no ${digest}`);
      return body;
    } finally {
      this.inFlight--;
    }
  }

  async manifest(reference: string): Promise<FetchedManifest> {
    const digest = this.tags.get(reference) ?? reference;
    const body = await this.get(digest);
    const mediaType = (JSON.parse(body.toString()) as { mediaType?: string }).mediaType ?? '';
    return { digest, mediaType, body };
  }

  blob(digest: string): Promise<Buffer> {
    return this.get(digest);
  }

  async blobStream(digest: string): Promise<Readable> {
    return Readable.from([await this.get(digest)]);
  }
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

const RUN =
  'RUN |1 GREETING=hello /bin/sh -c echo "$GREETING" > /app/greeting.txt && dd if=/dev/zero of=/app/blob bs=1024 count=16 2>/dev/null # buildkit';

/** The four layers of the lab's fixtures/x:1 build, over the base layer of `base`. */
const xLayers = (base: { digest: string; size: number }, mediaType = OCI_GZIP) => [
  { digest: base.digest, mediaType, compressed: base.size },
  { digest: D.workdir, mediaType, compressed: 92, createdBy: 'WORKDIR /app' },
  { digest: D.run, mediaType, compressed: 240, createdBy: RUN },
  { digest: D.copy, mediaType, compressed: 143, createdBy: 'COPY hello.txt /app/hello.txt # buildkit' },
];

const X_AMD64 = {
  platform: 'linux/amd64',
  manifestDigest: D.amd64,
  configDigest: D.configAmd64,
  layers: xLayers({ digest: D.busyboxAmd64, size: 1080191 }),
  compressed: 1080191 + 92 + 240 + 143,
};
const X_ARM64 = {
  platform: 'linux/arm64',
  manifestDigest: D.arm64,
  configDigest: D.configArm64,
  layers: xLayers({ digest: D.busyboxArm64, size: 1032827 }),
  compressed: 1032827 + 92 + 240 + 143,
};

describe('parseManifest', () => {
  test.each([
    ['oci-index-buildx.json', 'index', OCI_INDEX, 4],
    ['docker-manifest-list.json', 'index', DOCKER_LIST, 2],
    ['oci-manifest-amd64.json', 'manifest', OCI_MANIFEST, 4],
    ['oci-attestation-manifest-amd64.json', 'manifest', OCI_MANIFEST, 1],
    ['docker-manifest-v2-amd64.json', 'manifest', DOCKER_MANIFEST, 4],
    ['classic-manifest.json', 'manifest', OCI_MANIFEST, 4],
  ])('%s is an %s of type %s with %d entries', (file, kind, mediaType, count) => {
    const parsed = parseManifest(bytes(file), file);
    expect(parsed.kind).toBe(kind);
    expect(parsed.mediaType).toBe(mediaType);
    expect(parsed.kind === 'index' ? parsed.manifests.length : parsed.layers.length).toBe(count);
  });

  test('an OCI index: descriptors with platform and annotations, exactly as pushed', () => {
    expect(parseManifest(bytes('oci-index-buildx.json'), 'x')).toEqual({
      kind: 'index',
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: D.amd64,
          size: 1044,
          platform: { os: 'linux', architecture: 'amd64' },
        },
        {
          mediaType: OCI_MANIFEST,
          digest: D.arm64,
          size: 1044,
          platform: { os: 'linux', architecture: 'arm64' },
        },
        {
          mediaType: OCI_MANIFEST,
          digest: D.attestAmd64,
          size: 566,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.digest': D.amd64,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
        },
        {
          mediaType: OCI_MANIFEST,
          digest: D.attestArm64,
          size: 566,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.digest': D.arm64,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
        },
      ],
    });
  });

  test('a Docker v2 manifest: config and layers', () => {
    expect(parseManifest(bytes('docker-manifest-v2-amd64.json'), 'x')).toEqual({
      kind: 'manifest',
      mediaType: DOCKER_MANIFEST,
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        digest: D.configAmd64,
        size: 1780,
      },
      layers: [
        { mediaType: DOCKER_GZIP, digest: D.busyboxAmd64, size: 1080191 },
        { mediaType: DOCKER_GZIP, digest: D.workdir, size: 92 },
        { mediaType: DOCKER_GZIP, digest: D.run, size: 240 },
        { mediaType: DOCKER_GZIP, digest: D.copy, size: 143 },
      ],
    });
  });

  const config = { mediaType: OCI_CONFIG, digest: D.configAmd64, size: 1780 };
  test.each([
    [
      'the body says',
      { schemaVersion: 2, mediaType: DOCKER_MANIFEST, config, layers: [] },
      OCI_MANIFEST,
      DOCKER_MANIFEST,
    ],
    [
      'no body type: the Content-Type says',
      { schemaVersion: 2, config, layers: [] },
      DOCKER_MANIFEST,
      DOCKER_MANIFEST,
    ],
    [
      'no type anywhere: a manifest by shape',
      { schemaVersion: 2, config, layers: [] },
      undefined,
      OCI_MANIFEST,
    ],
    ['no type anywhere: an index by shape', { schemaVersion: 2, manifests: [] }, undefined, OCI_INDEX],
    ['a generic Content-Type is ignored', { schemaVersion: 2, manifests: [] }, 'application/json', OCI_INDEX],
  ])('media type: %s', (_name, body, contentType, expected) => {
    expect(parseManifest(JSON.stringify(body), 'x', contentType).mediaType).toBe(expected);
  });

  const layer = { mediaType: OCI_GZIP, digest: D.run, size: 240 };
  const manifest = (patch: object) =>
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer], ...patch });
  test.each([
    ['{"schemaVersion": 2,', /^reg\/app:1, manifest sha256:ab: manifest is not valid JSON \(.+\)$/],
    ['', /^reg\/app:1, manifest sha256:ab: manifest is not valid JSON \(.+\)$/],
    ['[1, 2]', 'reg/app:1, manifest sha256:ab: manifest must be a JSON object, got an array'],
    ['"text"', 'reg/app:1, manifest sha256:ab: manifest must be a JSON object, got a string of 4 characters'],
    ['null', 'reg/app:1, manifest sha256:ab: manifest must be a JSON object, got null'],
    [
      JSON.stringify({ schemaVersion: 1, name: 'app', fsLayers: [] }),
      'reg/app:1, manifest sha256:ab: is a Docker schema 1 manifest, which is not supported (deprecated since 2017: push the image again)',
    ],
    [
      manifest({ schemaVersion: undefined }),
      'reg/app:1, manifest sha256:ab: schemaVersion must be 2, got nothing',
    ],
    [
      manifest({ schemaVersion: '2' }),
      'reg/app:1, manifest sha256:ab: schemaVersion must be 2, got a string of 1 characters',
    ],
    [manifest({ mediaType: 42 }), 'reg/app:1, manifest sha256:ab: mediaType must be a string, got number 42'],
    [
      manifest({ mediaType: 'application/vnd.oci.artifact.manifest.v1+json' }),
      `reg/app:1, manifest sha256:ab: has media type application/vnd.oci.artifact.manifest.v1+json, which is not an image index or manifest (${OCI_INDEX}, ${DOCKER_LIST}, ${OCI_MANIFEST}, ${DOCKER_MANIFEST})`,
    ],
    [manifest({ config: undefined }), 'reg/app:1, manifest sha256:ab: config must be an object, got nothing'],
    [manifest({ layers: {} }), 'reg/app:1, manifest sha256:ab: layers must be an array, got an object'],
    [
      manifest({ layers: [layer, 'x'] }),
      'reg/app:1, manifest sha256:ab: layers[1] must be an object, got a string of 1 characters',
    ],
    [
      manifest({ layers: [{ ...layer, digest: 'sha256:abc' }] }),
      'reg/app:1, manifest sha256:ab: layers[0].digest must be a digest (algorithm:hex), got a string of 10 characters',
    ],
    [
      manifest({ layers: [{ ...layer, digest: D.run.toUpperCase() }] }),
      `reg/app:1, manifest sha256:ab: layers[0].digest must be a digest (algorithm:hex), got a string of ${D.run.length} characters`,
    ],
    [
      manifest({ layers: [{ ...layer, size: -1 }] }),
      'reg/app:1, manifest sha256:ab: layers[0].size must be a byte count (an integer >= 0), got number -1',
    ],
    [
      manifest({ layers: [{ ...layer, size: '240' }] }),
      'reg/app:1, manifest sha256:ab: layers[0].size must be a byte count (an integer >= 0), got a string of 3 characters',
    ],
    [
      manifest({ layers: [{ ...layer, size: 1.5 }] }),
      'reg/app:1, manifest sha256:ab: layers[0].size must be a byte count (an integer >= 0), got number 1.5',
    ],
    [
      manifest({ config: { ...config, mediaType: undefined } }),
      'reg/app:1, manifest sha256:ab: config.mediaType must be a string, got nothing',
    ],
    [
      manifest({ annotations: { 'org.example': 1 } }),
      'reg/app:1, manifest sha256:ab: annotations must be an object of strings, got an object',
    ],
    [
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ ...layer, platform: { os: 'linux' } }],
      }),
      'reg/app:1, manifest sha256:ab: manifests[0].platform.architecture must be a string, got nothing',
    ],
    [
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX }),
      'reg/app:1, manifest sha256:ab: manifests must be an array, got nothing',
    ],
  ])('%s -> %s', (body, message) => {
    let error: unknown;
    try {
      parseManifest(body, 'reg/app:1, manifest sha256:ab');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).source).toBe('reg/app:1, manifest sha256:ab');
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });

  test('a manifest over 4 MiB is refused before parsing', () => {
    const body = Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20);
    expect(() => parseManifest(body, 'reg/app:1')).toThrow(
      new ManifestError('reg/app:1', 'manifest is 4194305 bytes, more than the 4194304 a manifest may have'),
    );
    // Exactly at the limit is parsed (and fails for what it is: whitespace is not JSON).
    expect(() => parseManifest(Buffer.alloc(MAX_MANIFEST_BYTES, 0x20), 'reg/app:1')).toThrow(
      /not valid JSON/,
    );
  });
});

describe('parseImageConfig', () => {
  test('a BuildKit config: platform, created, history and diff IDs', () => {
    const config = parseImageConfig(bytes('config-buildkit-arm64.json'), 'x');
    expect(config.os).toBe('linux');
    expect(config.architecture).toBe('arm64');
    expect(config.variant).toBeUndefined();
    expect(config.created).toBe('2026-11-28T04:46:31.31810518Z');
    expect(config.history.map((h) => [h.createdBy, h.emptyLayer])).toEqual([
      [undefined, false],
      ['ARG GREETING=hello', true],
      ['ENV APP_HOME=/app', true],
      ['WORKDIR /app', false],
      [RUN, false],
      ['COPY hello.txt /app/hello.txt # buildkit', false],
      ['LABEL org.example.fixture=true', true],
      ['CMD ["cat" "/app/greeting.txt"]', true],
    ]);
    expect(config.diffIds).toHaveLength(4);
    expect(config.diffIds[0]).toBe('sha256:a7186659fe9ce3418fef4144d8160fc5ecf501273e058bed4b89e39e6098bbf5');
  });

  test('a config without history or rootfs (history is optional, null is Go for none)', () => {
    expect(
      parseImageConfig('{"os":"linux","architecture":"arm","variant":"v7","history":null}', 'x'),
    ).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
      history: [],
      diffIds: [],
    });
  });

  test.each([
    ['{"history": {}}', 'reg/app:1, config sha256:cd: history must be an array, got an object'],
    [
      '{"history": [{"created_by": 7}]}',
      'reg/app:1, config sha256:cd: history[0].created_by must be a string, got number 7',
    ],
    [
      '{"history": [{}, {"empty_layer": "yes"}]}',
      'reg/app:1, config sha256:cd: history[1].empty_layer must be true or false, got a string of 3 characters',
    ],
    [
      '{"rootfs": {"diff_ids": [1]}}',
      'reg/app:1, config sha256:cd: rootfs.diff_ids[0] must be a string, got number 1',
    ],
    [
      '{"architecture": ["amd64"]}',
      'reg/app:1, config sha256:cd: architecture must be a string, got an array',
    ],
    ['not json', /^reg\/app:1, config sha256:cd: config is not valid JSON$/],
  ])('%s -> %s', (body, message) => {
    expect(() => parseImageConfig(body, 'reg/app:1, config sha256:cd')).toThrow(message);
  });

  test('a config over 8 MiB is refused', () => {
    expect(() => parseImageConfig(Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20), 'c')).toThrow(
      'c: config is 8388609 bytes, more than the 8388608 a config may have',
    );
  });
});

describe('isDigest', () => {
  test.each([
    [D.run, true],
    [`sha512:${'ab'.repeat(64)}`, true],
    ['sha256:abc', false],
    [`sha256:${'A'.repeat(64)}`, false],
    [`sha512:${'ab'.repeat(32)}`, false],
    ['multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8', true],
    [`sha256:../../${'a'.repeat(58)}`, false],
    ['', false],
  ])('%s -> %s', (digest, expected) => {
    expect(isDigest(digest)).toBe(expected);
  });
});

describe('platforms', () => {
  const index = parseManifest(bytes('oci-index-buildx.json'), 'x') as ImageIndex;

  test('attestations: by annotation, or by unknown/unknown platform', () => {
    const base: Descriptor = { mediaType: OCI_MANIFEST, digest: D.amd64, size: 1 };
    expect(index.manifests.map(isAttestation)).toEqual([false, false, true, true]);
    expect(
      isAttestation({ ...base, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }),
    ).toBe(true);
    expect(isAttestation({ ...base, platform: { os: 'unknown', architecture: 'unknown' } })).toBe(true);
    expect(isAttestation({ ...base, platform: { os: 'linux', architecture: 'unknown' } })).toBe(false);
    expect(isAttestation({ ...base, annotations: { 'vnd.docker.reference.type': 'something-else' } })).toBe(
      false,
    );
    expect(isAttestation(base)).toBe(false);
  });

  test.each<[string, PlatformSpec]>([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    [' windows/amd64 ', { os: 'windows', architecture: 'amd64' }],
  ])('parsePlatform(%j)', (text, spec) => {
    expect(parsePlatform(text)).toEqual(spec);
  });

  test.each(['linux', 'linux/', '/amd64', 'linux/arm/v7/x', 'linux/amd 64', ''])(
    'parsePlatform(%j) is a PlatformSyntaxError',
    (text) => {
      expect(() => parsePlatform(text)).toThrow(PlatformSyntaxError);
      expect(() => parsePlatform(text)).toThrow(
        `${JSON.stringify(text)} is not a platform: expected os/arch[/variant], like linux/amd64`,
      );
    },
  );

  test('parsePlatformFilter: list items and comma-separated items, blanks dropped', () => {
    expect(parsePlatformFilter(['linux/amd64, linux/arm64', '', ' linux/arm/v7 ,'])).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(parsePlatformFilter([])).toEqual([]);
  });

  test.each([
    ['linux/amd64', 'linux/amd64', true],
    ['linux/amd64', 'linux/arm64', false],
    ['linux/amd64', 'windows/amd64', false],
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64/v8', 'linux/arm64', true],
    ['linux/arm64/v8', 'linux/arm64/v8', true],
    ['linux/arm', 'linux/arm/v6', true],
    ['linux/arm/v7', 'linux/arm', true],
    ['linux/arm/v6', 'linux/arm', false],
    ['linux/arm/v6', 'linux/arm/v7', false],
    ['linux/amd64/v1', 'linux/amd64', true],
    ['linux/amd64/v3', 'linux/amd64', false],
    ['linux/x86_64', 'linux/amd64', true],
    ['linux/aarch64', 'linux/arm64/v8', true],
    ['Linux/AMD64', 'linux/amd64', true],
  ])('%s matches %s: %s', (wanted, actual, expected) => {
    expect(platformMatches(parsePlatform(wanted), parsePlatform(actual))).toBe(expected);
  });

  test('selectPlatforms leaves attestations out and applies the filter', () => {
    expect(selectPlatforms(index).map((d) => d.digest)).toEqual([D.amd64, D.arm64]);
    expect(selectPlatforms(index, parsePlatformFilter(['linux/arm64/v8'])).map((d) => d.digest)).toEqual([
      D.arm64,
    ]);
    expect(selectPlatforms(index, parsePlatformFilter(['linux/s390x']))).toEqual([]);
    // The attestations' own platform is never selectable.
    expect(selectPlatforms(index, parsePlatformFilter(['unknown/unknown']))).toEqual([]);
  });
});

describe('loadImage', () => {
  test('an OCI index from buildx: two platforms, attestations never fetched, createdBy from history', async () => {
    const source = new MapSource('localhost:5000/fixtures/x:1');
    source.tags.set('1', D.index);
    const image = await loadImage(source, '1');
    expectImage(image, {
      ref: 'localhost:5000/fixtures/x:1',
      digest: D.index,
      mediaType: OCI_INDEX,
      platforms: [X_AMD64, X_ARM64],
    });
    expect(image.platforms.map((p) => p.compressed)).toEqual([1080666, 1033302]);
    expect([...source.requests].sort()).toEqual(
      [D.index, D.amd64, D.arm64, D.configAmd64, D.configArm64].sort(),
    );
  });

  test('a platform filter fetches only the platforms it keeps', async () => {
    const source = new MapSource('localhost:5000/fixtures/x:1');
    const image = await loadImage(source, D.index, { platforms: ['linux/arm64/v8'] });
    expect(image.platforms).toEqual([X_ARM64]);
    expect(source.requests).toEqual([D.index, D.arm64, D.configArm64]);
  });

  test('a filter that matches nothing names the platforms the image has', async () => {
    const source = new MapSource('localhost:5000/fixtures/x:1');
    const error = await loadImage(source, D.index, { platforms: ['linux/s390x,linux/arm/v7'] }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PlatformNotFoundError);
    expect(error.message).toBe(
      'localhost:5000/fixtures/x:1 has no platform matching linux/s390x, linux/arm/v7; it has linux/amd64, linux/arm64',
    );
    expect(error.available).toEqual(['linux/amd64', 'linux/arm64']);
  });

  test('a bad filter entry is a PlatformSyntaxError before anything is fetched', async () => {
    const source = new MapSource('x');
    await expect(loadImage(source, D.index, { platforms: ['amd64'] })).rejects.toThrow(
      '"amd64" is not a platform: expected os/arch[/variant], like linux/amd64',
    );
    expect(source.requests).toEqual([]);
  });

  test('a Docker manifest list of v2 manifests', async () => {
    const image = await loadImage(new MapSource('localhost:5000/fixtures/docker:1'), D.list);
    expectImage(image, {
      ref: 'localhost:5000/fixtures/docker:1',
      digest: D.list,
      mediaType: DOCKER_LIST,
      platforms: [
        {
          ...X_AMD64,
          manifestDigest: D.dockerAmd64,
          layers: xLayers({ digest: D.busyboxAmd64, size: 1080191 }, DOCKER_GZIP),
        },
        {
          ...X_ARM64,
          manifestDigest: D.dockerArm64,
          layers: xLayers({ digest: D.busyboxArm64, size: 1032827 }, DOCKER_GZIP),
        },
      ],
    });
  });

  test('a single manifest (classic builder): the platform comes from the config', async () => {
    const image = await loadImage(new MapSource('localhost:5000/fixtures/classic:1'), D.classic);
    expectImage(image, {
      ref: 'localhost:5000/fixtures/classic:1',
      digest: D.classic,
      mediaType: OCI_MANIFEST,
      platforms: [
        {
          platform: 'linux/amd64',
          manifestDigest: D.classic,
          configDigest: D.configClassic,
          layers: [
            { digest: D.busyboxAmd64, mediaType: OCI_GZIP, compressed: 1080191 },
            {
              digest: 'sha256:d690402920c91dc27e33a719aa96ec47b539048f0ec695de66cdd5ad5408c2b7',
              mediaType: DOCKER_GZIP,
              compressed: 140,
              createdBy:
                '/bin/sh -c #(nop) COPY file:d5e01f9ded2658899111c5b8ae11cf0c8ac54b51891d464eb806b666842816ac in /app/ ',
            },
            {
              digest: 'sha256:977e94732f2469eb86541c333b1ee01e7a65607919a1f5ca62348bb0c0e2d3a4',
              mediaType: DOCKER_GZIP,
              compressed: 145,
              createdBy:
                '/bin/sh -c #(nop) ADD dir:d4b087cddc6877a9a158d97045cae76d8c883f59db946d0ef839f50ec5f40ee3 in /srv/data ',
            },
            {
              digest: 'sha256:ae59bb5163952188f1b9f09123317b7a0866620ef51e16118f80bb5a940cc8af',
              mediaType: OCI_GZIP,
              compressed: 140,
              createdBy: '/bin/sh -c echo built > /app/built.txt',
            },
          ],
          compressed: 1080191 + 140 + 145 + 140,
        },
      ],
    });
  });

  test('a single manifest that the filter does not match', async () => {
    await expect(
      loadImage(new MapSource('localhost:5000/fixtures/classic:1'), D.classic, {
        platforms: ['linux/arm64'],
      }),
    ).rejects.toThrow(
      'localhost:5000/fixtures/classic:1 has no platform matching linux/arm64; it has linux/amd64',
    );
  });

  test('a nested index (as an OCI layout wraps the pushed index) is walked', async () => {
    const source = new MapSource('layout');
    const indexSize = bytes('oci-index-buildx.json').length;
    const outer = source.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_INDEX,
          digest: D.index,
          size: indexSize,
          annotations: { 'org.opencontainers.image.ref.name': '1' },
        },
        { mediaType: DOCKER_LIST, digest: D.list, size: bytes('docker-manifest-list.json').length },
      ],
    });
    const image = await loadImage(source, outer.digest);
    expect(image.digest).toBe(outer.digest);
    expect(image.platforms.map((p) => [p.platform, p.manifestDigest])).toEqual([
      ['linux/amd64', D.amd64],
      ['linux/arm64', D.arm64],
      ['linux/amd64', D.dockerAmd64],
      ['linux/arm64', D.dockerArm64],
    ]);
    const filtered = await loadImage(source, outer.digest, { platforms: ['linux/arm64'] });
    expect(filtered.platforms.map((p) => p.manifestDigest)).toEqual([D.arm64, D.dockerArm64]);
    const none = await loadImage(source, outer.digest, { platforms: ['linux/riscv64'] }).catch((e) => e);
    expect(none.message).toBe(
      'layout has no platform matching linux/riscv64; it has linux/amd64, linux/arm64',
    );
  });

  test('descriptors without a platform: the config tells it, and the filter applies after', async () => {
    const source = new MapSource('reg/app:1');
    const index = source.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { mediaType: OCI_MANIFEST, digest: D.amd64, size: 1044 },
        { mediaType: OCI_MANIFEST, digest: D.arm64, size: 1044 },
        { mediaType: OCI_MANIFEST, digest: D.attestAmd64, size: 566 },
      ],
    });
    const image = await loadImage(source, index.digest);
    expect(image.platforms).toEqual([X_AMD64, X_ARM64]);
    const arm = await loadImage(source, index.digest, { platforms: ['linux/arm64'] });
    expect(arm.platforms).toEqual([X_ARM64]);
  });

  test('artifacts in an index (not an image manifest, or a non-image config) are no platform', async () => {
    const source = new MapSource('reg/app:1');
    const empty = source.add('{}');
    const signature = source.add({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', ...empty },
      layers: [],
    });
    const index = source.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: D.amd64,
          size: 1044,
          platform: { os: 'linux', architecture: 'amd64' },
        },
        { mediaType: OCI_MANIFEST, ...signature },
        { mediaType: 'application/vnd.example.sbom+json', ...empty },
      ],
    });
    const image = await loadImage(source, index.digest);
    expect(image.platforms).toEqual([X_AMD64]);
    expect(source.requests).not.toContain(empty.digest);
  });

  test('an index of attestations only has no image platforms', async () => {
    const source = new MapSource('reg/app:1');
    const index = source.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: (parseManifest(bytes('oci-index-buildx.json'), 'x') as ImageIndex).manifests.slice(2),
    });
    await expect(loadImage(source, index.digest)).rejects.toThrow(
      `reg/app:1, manifest ${index.digest}: has no image platforms (only attestations or artifacts)`,
    );
  });

  test('fetches run in parallel, never more than the bound', async () => {
    const source = new MapSource('reg/app:1', 5);
    const manifests = ['amd64', 'arm64', '386', 'ppc64le', 's390x', 'riscv64'].map((architecture) => ({
      mediaType: OCI_MANIFEST,
      digest: D.amd64,
      size: 1044,
      platform: { os: 'linux', architecture },
    }));
    const index = source.add({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
    const image = await loadImage(source, index.digest, { concurrency: 2 });
    expect(image.platforms.map((p) => p.platform)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/386',
      'linux/ppc64le',
      'linux/s390x',
      'linux/riscv64',
    ]);
    expect(source.maxInFlight).toBe(2);
    const wide = new MapSource('reg/app:1', 5);
    wide.add({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
    await loadImage(wide, index.digest);
    expect(wide.maxInFlight).toBe(4);

    // Nested indexes fan out further; the bound holds for the whole walk.
    const nestedSource = new MapSource('reg/app:1', 5);
    const inner = ['a', 'b', 'c'].map((part) =>
      nestedSource.add({ schemaVersion: 2, mediaType: OCI_INDEX, manifests, annotations: { part } }),
    );
    expect(new Set(inner.map((nested) => nested.digest)).size).toBe(3);
    const outer = nestedSource.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: inner.map((nested) => ({ mediaType: OCI_INDEX, ...nested })),
    });
    const nested = await loadImage(nestedSource, outer.digest, { concurrency: 3 });
    expect(nested.platforms).toHaveLength(3 * 6);
    expect(nestedSource.maxInFlight).toBe(3);
  });

  test('a manifest whose size differs from its descriptor is an error naming it', async () => {
    const source = new MapSource('reg/app:1');
    const index = source.add({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: D.amd64,
          size: 1000,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
    });
    await expect(loadImage(source, index.digest)).rejects.toThrow(
      `reg/app:1, manifest ${D.amd64}: is 1044 bytes, the index says 1000`,
    );
  });

  test('a config that is not JSON is an error naming the config', async () => {
    const source = new MapSource('reg/app:1');
    const config = source.add('<html>rate limited</html>');
    const manifest = source.add({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, ...config },
      layers: [{ mediaType: OCI_GZIP, digest: D.run, size: 240 }],
    });
    await expect(loadImage(source, manifest.digest)).rejects.toThrow(
      new RegExp(`^reg/app:1, config ${config.digest}: config is not valid JSON`),
    );
  });

  test('a config with no history: layers without createdBy; fewer entries align to the newest layers', async () => {
    const source = new MapSource('reg/app:1');
    const layers = [
      { mediaType: OCI_GZIP, digest: D.busyboxAmd64, size: 1080191 },
      { mediaType: OCI_GZIP, digest: D.run, size: 240 },
      { mediaType: OCI_GZIP, digest: D.copy, size: 143 },
    ];
    const bare = source.add({ os: 'linux', architecture: 'amd64' });
    const partial = source.add({
      os: 'linux',
      architecture: 'amd64',
      history: [
        { created_by: 'ENV A=1', empty_layer: true },
        { created_by: 'RUN a' },
        { created_by: 'COPY b' },
      ],
    });
    const manifestWith = (config: { digest: string; size: number }) =>
      source.add({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, ...config },
        layers,
      });

    const noHistory = await loadImage(source, manifestWith(bare).digest);
    expect(noHistory.platforms[0]!.layers.map((l) => l.createdBy)).toEqual([undefined, undefined, undefined]);
    expect(noHistory.platforms[0]!.layers[0]).toEqual({
      digest: D.busyboxAmd64,
      mediaType: OCI_GZIP,
      compressed: 1080191,
    });
    expect(noHistory.platforms[0]!.compressed).toBe(1080191 + 240 + 143);

    const someHistory = await loadImage(source, manifestWith(partial).digest);
    expect(someHistory.platforms[0]!.layers.map((l) => l.createdBy)).toEqual([undefined, 'RUN a', 'COPY b']);
  });

  test("the base an image names: the manifest's annotation, else its index's, else the config's label", async () => {
    const source = new MapSource('reg/app:1');
    const NAME = 'org.opencontainers.image.base.name';
    const DIGEST = 'org.opencontainers.image.base.digest';
    const config = (labels?: object) =>
      source.add({
        os: 'linux',
        architecture: 'amd64',
        rootfs: { type: 'layers', diff_ids: [] },
        config: { Labels: labels },
      });
    const manifest = (annotations?: Record<string, string>, labels?: object) =>
      source.add({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, ...config(labels) },
        layers: [],
        ...(annotations && { annotations }),
      });
    const indexOf = (m: { digest: string; size: number }, annotations?: Record<string, string>) =>
      source.add({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ mediaType: OCI_MANIFEST, ...m, platform: { os: 'linux', architecture: 'amd64' } }],
        ...(annotations && { annotations }),
      });
    const declared = async (digest: string) => (await loadImage(source, digest)).platforms[0]!.declaredBase;

    const label = { [NAME]: 'debian:12', other: 1 };
    const annotated = manifest({ [NAME]: 'node:22', [DIGEST]: 'sha256:abc' }, label);
    expect(await declared(indexOf(annotated, { [NAME]: 'index-says' }).digest)).toEqual({
      name: 'node:22',
      digest: 'sha256:abc',
      from: 'annotation',
    });
    const labelled = manifest(undefined, label);
    expect(await declared(indexOf(labelled, { [NAME]: ' node:20 ' }).digest)).toEqual({
      name: 'node:20',
      from: 'annotation',
    });
    expect(await declared(labelled.digest)).toEqual({ name: 'debian:12', from: 'label' });
    // Labels of other types, or a blank name, are no reason to fail and name nothing.
    expect(await declared(manifest({ [NAME]: '  ' }, { [NAME]: ['x'] }).digest)).toBeUndefined();
    expect(await declared(manifest(undefined, 'not an object' as unknown as object).digest)).toBeUndefined();
  });
});
