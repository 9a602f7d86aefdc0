import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBuildResult, readBuildResult } from '../../src/buildx/metadata.js';

const DIGEST = 'sha256:' + 'c0ffee'.repeat(10) + 'abcd';
const CONFIG = 'sha256:' + '12'.repeat(32);

// The shape buildx writes with --metadata-file after a push (trimmed).
const PUSHED = `{
  "buildx.build.ref": "builder/builder0/k2m3",
  "containerimage.config.digest": "${CONFIG}",
  "containerimage.descriptor": {
    "mediaType": "application/vnd.oci.image.index.v1+json",
    "digest": "${DIGEST}",
    "size": 856
  },
  "containerimage.digest": "${DIGEST}",
  "image.name": "ghcr.io/octo-org/octo-app:main"
}
`;

describe('parseBuildResult', () => {
  test('digest from containerimage.digest, metadata compacted, image id trimmed', () => {
    expect(parseBuildResult(PUSHED, `${CONFIG}\n`)).toEqual({
      imageId: CONFIG,
      digest: DIGEST,
      metadata: JSON.stringify(JSON.parse(PUSHED)),
    });
  });

  test("the values of build args in buildx's provenance are hidden, their names kept", () => {
    // As buildx 0.29 wrote it in the lab for --build-arg TOKEN=... --build-arg PLAIN=... (trimmed).
    const withProvenance = JSON.stringify({
      'buildx.build.provenance': {
        buildType: 'https://mobyproject.org/buildkit@v1',
        invocation: {
          configSource: { entryPoint: 'Dockerfile' },
          parameters: {
            frontend: 'dockerfile.v0',
            args: { 'build-arg:PLAIN': 'plain-value', 'build-arg:TOKEN': 's3cr3t', 'label:a': 'b' },
            locals: [{ name: 'context' }],
          },
        },
      },
      'containerimage.digest': DIGEST,
    });
    const { metadata, digest } = parseBuildResult(withProvenance, '');
    expect(digest).toBe(DIGEST);
    expect(JSON.parse(metadata)['buildx.build.provenance'].invocation.parameters.args).toEqual({
      'build-arg:PLAIN': '***',
      'build-arg:TOKEN': '***',
      'label:a': 'b',
    });
    expect(metadata).not.toMatch(/plain-value|s3cr3t/);
  });

  test('the metadata output is one line, keys in buildx order', () => {
    const { metadata } = parseBuildResult('{ "b": 1,\n  "a": [ 1, 2 ] }', '');
    expect(metadata).toBe('{"b":1,"a":[1,2]}');
  });

  test('empty or blank metadata: no digest, empty metadata', () => {
    expect(parseBuildResult('', '')).toEqual({ imageId: '', digest: '', metadata: '' });
    expect(parseBuildResult(' \n', '  sha256:abc \n')).toEqual({
      imageId: 'sha256:abc',
      digest: '',
      metadata: '',
    });
  });

  test('a build that pushed nothing: metadata without a digest', () => {
    expect(parseBuildResult('{"buildx.build.ref":"builder/builder0/x"}', CONFIG)).toEqual({
      imageId: CONFIG,
      digest: '',
      metadata: '{"buildx.build.ref":"builder/builder0/x"}',
    });
  });

  test('a digest that is not a string is not a digest', () => {
    expect(parseBuildResult('{"containerimage.digest": 42}', '').digest).toBe('');
    expect(parseBuildResult('{"containerimage.digest": null}', '').digest).toBe('');
  });

  test('metadata that is not JSON: an error naming the file, not quoting it', () => {
    expect(() => parseBuildResult('{"containerimage.digest": ', '', '/tmp/m.json')).toThrow(
      new Error('/tmp/m.json is not valid JSON (it ends too early)'),
    );
    expect(() => parseBuildResult('{"build-arg:TOKEN": s3cr3t}', '')).toThrow(
      new Error("buildx's metadata file is not valid JSON"),
    );
    expect(() => parseBuildResult('["s3cr3t"]', '')).toThrow(
      new Error("buildx's metadata file is not a JSON object"),
    );
  });
});

describe('readBuildResult', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-metadata-'));

  test('reads both files', async () => {
    const metadataFile = join(dir, 'metadata.json');
    const iidFile = join(dir, 'iid');
    writeFileSync(metadataFile, PUSHED);
    writeFileSync(iidFile, DIGEST);
    await expect(readBuildResult(metadataFile, iidFile)).resolves.toEqual({
      imageId: DIGEST,
      digest: DIGEST,
      metadata: JSON.stringify(JSON.parse(PUSHED)),
    });
  });

  test('missing files read as empty', async () => {
    await expect(readBuildResult(join(dir, 'none.json'), join(dir, 'none-iid'))).resolves.toEqual({
      imageId: '',
      digest: '',
      metadata: '',
    });
  });

  test('one file missing, the other read', async () => {
    const iidFile = join(dir, 'iid-only');
    writeFileSync(iidFile, `${CONFIG}\n`);
    await expect(readBuildResult(join(dir, 'none.json'), iidFile)).resolves.toEqual({
      imageId: CONFIG,
      digest: '',
      metadata: '',
    });
  });
});
