import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/oci/manifest.js';
import { MergeError, planIndex, type FetchedLeg } from '../../src/merge/index-plan.js';
import type { PlatformSpec } from '../../src/oci/descriptor.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const fixture = (name: string) => readFileSync(`__tests__/fixtures/manifests/${name}`);

/** A single-platform leg: the manifest fixture, its platform as its config would say. */
function manifestLeg(file: string, platform: PlatformSpec | undefined, mediaType = OCI_MANIFEST): FetchedLeg {
  const body = fixture(file);
  return {
    digest: sha(body.toString()),
    mediaType,
    body,
    parsed: parseManifest(body, file),
    ...(platform && { configPlatform: platform }),
  };
}

/** A leg that is an index: one platform manifest and its attestation, as buildx pushes one platform. */
function indexLeg(platform: PlatformSpec, seed: string, extra: object[] = []): FetchedLeg {
  const image = sha(`image ${seed}`);
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { mediaType: OCI_MANIFEST, digest: image, size: 1044, platform },
      {
        mediaType: OCI_MANIFEST,
        digest: sha(`attestation ${seed}`),
        size: 566,
        annotations: {
          'vnd.docker.reference.digest': image,
          'vnd.docker.reference.type': 'attestation-manifest',
        },
        platform: { architecture: 'unknown', os: 'unknown' },
        artifactType: 'kept as written',
      },
      ...extra,
    ],
  };
  const body = Buffer.from(JSON.stringify(index));
  return {
    digest: sha(body.toString()),
    mediaType: index.mediaType,
    body,
    parsed: parseManifest(body, seed),
  };
}

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };

function thrownMerge(fn: () => unknown): MergeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MergeError) return error;
    throw error;
  }
  throw new Error('expected a MergeError');
}

describe('one OCI index from the legs', () => {
  test('two single-platform manifests: the index lists them by digest, size and config platform', () => {
    const a = manifestLeg('oci-manifest-amd64.json', amd64);
    const b = manifestLeg('docker-manifest-v2-arm64.json', { ...arm64, variant: 'v8' }, DOCKER_MANIFEST);
    const plan = planIndex([b, a]);
    const index = JSON.parse(plan.body.toString());
    expect(index).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: OCI_MANIFEST, digest: a.digest, size: a.body.length, platform: amd64 },
        {
          mediaType: DOCKER_MANIFEST,
          digest: b.digest,
          size: b.body.length,
          platform: { ...arm64, variant: 'v8' },
        },
      ],
    });
    expect(plan.digest).toBe(sha(plan.body.toString()));
    expect(plan.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
  });

  test('the order the legs come in does not change the index', () => {
    const legs = [
      indexLeg(arm64, 'arm'),
      indexLeg(amd64, 'amd'),
      indexLeg({ os: 'linux', architecture: 's390x' }, 's'),
    ];
    expect(planIndex(legs).digest).toBe(planIndex([...legs].reverse()).digest);
  });

  test('index legs: platforms first, then each attestation after its platform order, written as the leg wrote it', () => {
    const arm = indexLeg(arm64, 'arm');
    const amd = indexLeg(amd64, 'amd');
    const plan = planIndex([arm, amd]);
    const manifests = JSON.parse(plan.body.toString()).manifests;
    const armIndex = JSON.parse(arm.body.toString()).manifests;
    const amdIndex = JSON.parse(amd.body.toString()).manifests;
    expect(manifests).toEqual([amdIndex[0], armIndex[0], amdIndex[1], armIndex[1]]);
    expect(manifests[2].artifactType).toBe('kept as written');
    expect(plan.entries.map((e) => e.leg)).toEqual([amd.digest, arm.digest, amd.digest, arm.digest]);
    expect(plan.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  test('a buildx index of two platforms is one leg of two platforms', () => {
    const body = fixture('oci-index-buildx.json');
    const leg = { digest: sha(body.toString()), mediaType: 'x', body, parsed: parseManifest(body, 'buildx') };
    expect(planIndex([leg]).platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(planIndex([leg]).entries).toHaveLength(4);
  });
});

describe('mistakes are errors that name the legs', () => {
  test('a platform in two legs names both digests, and the platform', () => {
    const one = indexLeg(amd64, 'one');
    const two = manifestLeg('oci-manifest-amd64.json', { ...amd64, variant: 'v1' });
    const error = thrownMerge(() => planIndex([one, indexLeg(arm64, 'arm'), two]));
    expect(error.message).toContain('linux/amd64 is in 2 legs');
    expect(error.message).toContain(two.digest);
    expect(error.message).toContain(`(in leg ${one.digest})`);
    expect(error.message).toContain('Nothing was pushed');
    expect(error.message).not.toContain('arm64');
  });

  test.each([
    ['no platform in the config', manifestLeg('oci-manifest-amd64.json', undefined), 'names no platform'],
    [
      'an index in an index',
      indexLeg(amd64, 'n', [
        { mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha('n'), size: 1 },
      ]),
      'holds another index',
    ],
    [
      'a manifest without a platform',
      indexLeg(amd64, 'p', [{ mediaType: OCI_MANIFEST, digest: sha('p'), size: 1 }]),
      'neither an image with a platform nor an attestation',
    ],
  ])('%s', (_, leg, message) => {
    expect(thrownMerge(() => planIndex([leg])).message).toContain(message);
  });

  test('an index of attestations only', () => {
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: sha('a'),
            size: 1,
            annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
          },
        ],
      }),
    );
    const leg = { digest: sha('x'), mediaType: 'x', body, parsed: parseManifest(body, 'x') };
    expect(thrownMerge(() => planIndex([leg])).message).toContain('no image platform');
  });

  test('no legs', () => {
    expect(thrownMerge(() => planIndex([])).message).toContain('no leg digests');
  });
});
