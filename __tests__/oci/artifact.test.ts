import { expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  artifactLayer,
  artifactManifest,
  EMPTY_CONFIG,
  EMPTY_DESCRIPTOR,
  SIZE_HISTORY_ARTIFACT_TYPE,
} from '../../src/oci/artifact.js';
import { OCI_INDEX, OCI_MANIFEST } from '../../src/oci/media-types.js';

const T = SIZE_HISTORY_ARTIFACT_TYPE;

test('the empty descriptor is the digest of {}', () => {
  expect(EMPTY_DESCRIPTOR.digest).toBe(`sha256:${createHash('sha256').update(EMPTY_CONFIG).digest('hex')}`);
  expect(EMPTY_DESCRIPTOR.size).toBe(EMPTY_CONFIG.length);
});

test('an artifact manifest: our type, the empty config, one layer of the content; read back', () => {
  const content = Buffer.from('{"version":1,"records":[]}');
  const body = artifactManifest(T, content);
  const parsed = JSON.parse(body.toString());
  expect(parsed).toEqual({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: T,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_DESCRIPTOR.digest, size: 2 },
    layers: [
      {
        mediaType: T,
        digest: `sha256:${createHash('sha256').update(content).digest('hex')}`,
        size: content.length,
      },
    ],
  });
  expect(artifactLayer(body, OCI_MANIFEST, T)).toEqual({ layer: parsed.layers[0] });
});

const manifest = (over: Record<string, unknown>) =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: T,
      config: EMPTY_DESCRIPTOR,
      layers: [{ mediaType: T, digest: `sha256:${'a'.repeat(64)}`, size: 3 }],
      ...over,
    }),
  );

test.each([
  ['an index', manifest({}), OCI_INDEX, `it is a ${OCI_INDEX}, not an OCI artifact manifest`],
  [
    'another artifact type',
    manifest({ artifactType: 'application/vnd.example.sbom' }),
    OCI_MANIFEST,
    'its artifact type is application/vnd.example.sbom, not',
  ],
  [
    'an image (no artifactType, image config)',
    manifest({
      artifactType: undefined,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: EMPTY_DESCRIPTOR.digest,
        size: 2,
      },
    }),
    OCI_MANIFEST,
    'its artifact type is application/vnd.oci.image.config.v1+json',
  ],
  ['two layers', manifest({ layers: [{}, {}] }), OCI_MANIFEST, 'it does not have exactly one layer'],
  [
    'a layer without digest',
    manifest({ layers: [{ size: 1 }] }),
    OCI_MANIFEST,
    'its layer has no sha256 digest and size',
  ],
  ['not JSON', Buffer.from('nope'), OCI_MANIFEST, 'its manifest is not a JSON object'],
])('%s is foreign', (_, body, mediaType, reason) => {
  const found = artifactLayer(body, mediaType, T);
  expect('foreign' in found && found.foreign).toContain(reason);
});
