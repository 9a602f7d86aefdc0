import { describe, expect, test } from '@jest/globals';
import type { BuildOptions } from '../../src/buildx/buildx.js';
import { checkFeatures, needsVersionCheck, parseBuildxVersion } from '../../src/buildx/features.js';
import { buildOptions as options } from '../support/build-options.js';

const UPDATE = 'Update buildx (docker/setup-buildx-action)';

describe('parseBuildxVersion', () => {
  test.each<[string, string | undefined]>([
    ['github.com/docker/buildx v0.29.1 a2f4b1e', '0.29.1'],
    ['github.com/docker/buildx v0.29.1 a2f4b1e\n', '0.29.1'],
    ['github.com/docker/buildx v0.29.1 a2f4b1e\r\n', '0.29.1'],
    ['github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1', '0.29.1'],
    ['github.com/docker/buildx v0.13.1-desktop.1 788433953af10f2a698f5c07611dddce2e08c7a0', '0.13.1'],
    ['github.com/docker/buildx 0.12.1+unknown', '0.12.1'],
    ['github.com/docker/buildx v0.10.0-rc2 2c1dfd9', '0.10.0'],
    ['github.com/docker/buildx v0.3.1-tp-docker 6db68d029599c6710a32aa7adcba8e5a344795a7', '0.3.1'],
    ['github.com/docker/buildx v1.2.3 abcdef0', '1.2.3'],
    ['  github.com/docker/buildx   v0.17.1   257815a  ', '0.17.1'],
    ['WARNING: config file not found 1.2.3\ngithub.com/docker/buildx v0.11.2 9872040', '0.11.2'],
    ['github.com/docker/buildx v0.0.0+unknown', undefined],
    ['github.com/docker/buildx a2f4b1e a2f4b1e', undefined],
    ['github.com/docker/buildx 1234567 1234567', undefined],
    ["docker: 'buildx' is not a docker command.", undefined],
    ['', undefined],
  ])('%j -> %s', (output, version) => {
    expect(parseBuildxVersion(output)).toBe(version);
  });
});

describe('checkFeatures', () => {
  test.each<[string, Partial<BuildOptions>, string, string[]]>([
    ['a plain build on a current buildx', {}, '0.29.1', []],
    [
      'a buildx without --metadata-file cannot run shipshape at all',
      {},
      '0.5.1',
      [`shipshape needs buildx >= 0.6.0 (--metadata-file); this runner has buildx 0.5.1. ${UPDATE}.`],
    ],
    [
      'annotations on 0.11.2',
      { annotations: ['index:a=b'] },
      '0.11.2',
      [
        `Input "annotations" needs buildx >= 0.12.0 (--annotation); this runner has buildx 0.11.2. ${UPDATE} or drop the input.`,
      ],
    ],
    ['annotations on 0.12.0', { annotations: ['index:a=b'] }, '0.12.0', []],
    [
      'build-contexts on 0.7.1',
      { buildContexts: ['a=../a'] },
      '0.7.1',
      [
        `Input "build-contexts" needs buildx >= 0.8.0 (--build-context); this runner has buildx 0.7.1. ${UPDATE} or drop the input.`,
      ],
    ],
    ['build-contexts on 0.8.0', { buildContexts: ['a=../a'] }, '0.8.0', []],
    [
      'no-cache-filters on 0.7.1',
      { noCacheFilters: ['test'] },
      '0.7.1',
      [
        `Input "no-cache-filters" needs buildx >= 0.8.0 (--no-cache-filter); this runner has buildx 0.7.1. ${UPDATE} or drop the input.`,
      ],
    ],
    [
      'shm-size, ulimit and cgroup-parent on 0.6.1, in table order',
      { shmSize: '1g', ulimits: ['nofile=1024'], cgroupParent: 'p' },
      '0.6.1',
      [
        `Input "shm-size" needs buildx >= 0.7.0 (--shm-size); this runner has buildx 0.6.1. ${UPDATE} or drop the input.`,
        `Input "ulimit" needs buildx >= 0.7.0 (--ulimit); this runner has buildx 0.6.1. ${UPDATE} or drop the input.`,
        `Input "cgroup-parent" needs buildx >= 0.7.0 (--cgroup-parent); this runner has buildx 0.6.1. ${UPDATE} or drop the input.`,
      ],
    ],
    [
      'shm-size, ulimit and cgroup-parent on 0.7.0',
      { shmSize: '1g', ulimits: ['nofile=1024'], cgroupParent: 'p' },
      '0.7.0',
      [],
    ],
    [
      'secrets from the environment on 0.5.1',
      { secrets: [{ id: 't', env: 'TOKEN' }] },
      '0.5.1',
      [
        `shipshape needs buildx >= 0.6.0 (--metadata-file); this runner has buildx 0.5.1. ${UPDATE}.`,
        `Input "secret-envs" needs buildx >= 0.6.0 (--secret env=); this runner has buildx 0.5.1. ${UPDATE} or drop the input.`,
      ],
    ],
    ['secrets from files on 0.6.0', { secrets: [{ id: 't', src: '/tmp/t' }] }, '0.6.0', []],
    ['secrets from the environment on 0.6.0', { secrets: [{ id: 't', env: 'TOKEN' }] }, '0.6.0', []],
    [
      'two outputs on 0.12.1',
      { outputs: ['type=registry,name=r/app', 'type=local,dest=out'] },
      '0.12.1',
      [
        `Input "outputs" needs buildx >= 0.13.0 (more than one --output); this runner has buildx 0.12.1. ${UPDATE} or drop the input.`,
      ],
    ],
    [
      'call: check on 0.14.1',
      { call: 'check' },
      '0.14.1',
      [
        `Input "call" needs buildx >= 0.15.0 (--call check); this runner has buildx 0.14.1. ${UPDATE} or drop the input.`,
      ],
    ],
    [
      'push and load on 0.12.1',
      { push: true, load: true },
      '0.12.1',
      [
        `Inputs "push" and "load" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.12.1. ${UPDATE} or drop one of them.`,
      ],
    ],
    [
      'a local output and push on 0.12.1',
      { outputs: ['type=local,dest=out'], push: true },
      '0.12.1',
      [
        `Inputs "outputs" and "push" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.12.1. ${UPDATE} or drop one of them.`,
      ],
    ],
    [
      'an image output, push and load on 0.12.1: load is the second export',
      { outputs: ['type=image,name=r/app'], push: true, load: true },
      '0.12.1',
      [
        `Inputs "outputs" and "load" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.12.1. ${UPDATE} or drop one of them.`,
      ],
    ],
    [
      'an image output, a local output and load on 0.13.0: only load is too new',
      { outputs: ['type=image,name=r/app', 'out'], load: true },
      '0.13.0',
      [
        `Inputs "outputs" and "load" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.13.0. ${UPDATE} or drop one of them.`,
      ],
    ],
    [
      'push into a registry output on 0.12.1 is one export',
      { outputs: ['type=registry,name=r/app'], push: true },
      '0.12.1',
      [],
    ],
    [
      'load into a docker output on 0.12.1 is one export',
      { outputs: ['type=docker,name=app'], load: true },
      '0.12.1',
      [],
    ],
    ['push alone on 0.12.1', { push: true }, '0.12.1', []],
    [
      'push and load on 0.13.0 (it took several --outputs, not yet the shorthands)',
      { push: true, load: true },
      '0.13.0',
      [
        `Inputs "push" and "load" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.13.0. ${UPDATE} or drop one of them.`,
      ],
    ],
    ['push and load on 0.13.1', { push: true, load: true }, '0.13.1', []],
    ['two outputs on 0.13.0', { outputs: ['type=registry,name=r/app', 'type=local,dest=out'] }, '0.13.0', []],
    [
      'two outputs and push on 0.12.1: both rules speak',
      { outputs: ['type=local,dest=a', 'type=tar,dest=b'], push: true },
      '0.12.1',
      [
        `Input "outputs" needs buildx >= 0.13.0 (more than one --output); this runner has buildx 0.12.1. ${UPDATE} or drop the input.`,
        `Inputs "outputs" and "push" together need buildx >= 0.13.1 (--push or --load next to another export); this runner has buildx 0.12.1. ${UPDATE} or drop one of them.`,
      ],
    ],
    [
      'everything on 0.5.0, in table order',
      {
        annotations: ['a=b'],
        buildContexts: ['a=b'],
        noCacheFilters: ['t'],
        shmSize: '1g',
        ulimits: ['nofile=1'],
        cgroupParent: 'p',
        secrets: [{ id: 'x', env: 'X' }],
        outputs: ['type=local,dest=a', 'type=tar,dest=b'],
      },
      '0.5.0',
      [
        `shipshape needs buildx >= 0.6.0 (--metadata-file); this runner has buildx 0.5.0. ${UPDATE}.`,
        `Input "secret-envs" needs buildx >= 0.6.0 (--secret env=); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "shm-size" needs buildx >= 0.7.0 (--shm-size); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "ulimit" needs buildx >= 0.7.0 (--ulimit); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "cgroup-parent" needs buildx >= 0.7.0 (--cgroup-parent); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "build-contexts" needs buildx >= 0.8.0 (--build-context); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "no-cache-filters" needs buildx >= 0.8.0 (--no-cache-filter); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "annotations" needs buildx >= 0.12.0 (--annotation); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
        `Input "outputs" needs buildx >= 0.13.0 (more than one --output); this runner has buildx 0.5.0. ${UPDATE} or drop the input.`,
      ],
    ],
  ])('errors: %s', (_name, overrides, version, errors) => {
    const o = options(overrides);
    const result = checkFeatures(o, version);
    expect(result.errors).toEqual(errors);
    expect(result.warnings).toEqual([]);
    expect(result.options).toEqual(o);
  });

  const DROPPED = { provenance: undefined, sbom: undefined, attests: [] };

  test.each<[string, Partial<BuildOptions>, string, string[], Partial<BuildOptions>]>([
    [
      'provenance on 0.9.1: warned and dropped',
      { provenance: 'mode=max', builderId: 'https://run' },
      '0.9.1',
      [
        `Input "provenance" needs buildx >= 0.10.0 (--provenance); this runner has buildx 0.9.1, so the image is built without attestations. ${UPDATE} to get them.`,
      ],
      DROPPED,
    ],
    [
      'sbom on 0.9.1',
      { sbom: 'true' },
      '0.9.1',
      [
        `Input "sbom" needs buildx >= 0.10.0 (--sbom); this runner has buildx 0.9.1, so the image is built without attestations. ${UPDATE} to get them.`,
      ],
      DROPPED,
    ],
    [
      'attests on 0.9.1',
      { attests: ['type=sbom'] },
      '0.9.1',
      [
        `Input "attests" needs buildx >= 0.10.0 (--attest); this runner has buildx 0.9.1, so the image is built without attestations. ${UPDATE} to get them.`,
      ],
      DROPPED,
    ],
    [
      'all three on 0.8.2: one warning naming them all',
      { provenance: 'true', sbom: 'generator=image', attests: ['type=provenance,mode=max'] },
      '0.8.2',
      [
        `Inputs "provenance", "sbom" and "attests" need buildx >= 0.10.0 (--provenance, --sbom, --attest); this runner has buildx 0.8.2, so the image is built without attestations. ${UPDATE} to get them.`,
      ],
      DROPPED,
    ],
    [
      'provenance and sbom false on 0.9.1: dropped without a word (nothing was asked for)',
      { provenance: 'false', sbom: 'false' },
      '0.9.1',
      [],
      DROPPED,
    ],
    [
      'provenance false and sbom true on 0.9.1: only sbom is named',
      { provenance: 'false', sbom: 'true' },
      '0.9.1',
      [
        `Input "sbom" needs buildx >= 0.10.0 (--sbom); this runner has buildx 0.9.1, so the image is built without attestations. ${UPDATE} to get them.`,
      ],
      DROPPED,
    ],
    [
      'attestations on 0.10.0 are kept',
      { provenance: 'mode=max', sbom: 'true', attests: ['type=sbom'] },
      '0.10.0',
      [],
      {},
    ],
    ['no attestations on 0.9.1: nothing to say', {}, '0.9.1', [], {}],
  ])('attestations: %s', (_name, overrides, version, warnings, changes) => {
    const o = options(overrides);
    const result = checkFeatures(o, version);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(warnings);
    expect(result.options).toEqual({ ...o, ...changes });
  });

  test('an attestation warning comes with errors for other inputs', () => {
    const result = checkFeatures(options({ annotations: ['a=b'], sbom: 'true' }), '0.9.1');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Input "annotations" needs buildx >= 0\.12\.0/);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Input "sbom" needs buildx >= 0\.10\.0/);
    expect(result.options.sbom).toBeUndefined();
    expect(result.options.annotations).toEqual(['a=b']);
  });

  test('the options given are never changed', () => {
    const o = options({ provenance: 'true', attests: ['type=sbom'] });
    const copy = structuredClone(o);
    checkFeatures(o, '0.9.0');
    expect(o).toEqual(copy);
  });

  test.each<[string, string | undefined]>([
    ['undefined', undefined],
    ['not a version', 'unknown'],
  ])('an unknown version (%s): no errors, one warning, options untouched', (_name, version) => {
    const o = options({ annotations: ['a=b'], provenance: 'mode=max', outputs: ['a', 'b'] });
    const result = checkFeatures(o, version);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'Could not tell which buildx version this runner has, so the inputs were not checked against it; ' +
        'an old buildx may reject or ignore some of them.',
    ]);
    expect(result.options).toBe(o);
  });

  test('a version as buildx prints it is understood too', () => {
    expect(checkFeatures(options({ annotations: ['a=b'] }), 'v0.13.1-desktop.1').errors).toEqual([]);
    expect(checkFeatures(options({ annotations: ['a=b'] }), 'v0.11.2').errors).toHaveLength(1);
  });
});

describe('needsVersionCheck', () => {
  test.each<[string, Partial<BuildOptions>, boolean]>([
    ['a plain build', {}, false],
    [
      'tags, labels, build args, cache, platforms, push',
      {
        tags: ['r/a:1'],
        labels: { a: 'b' },
        buildArgs: ['A=1'],
        cacheFrom: ['type=gha'],
        platforms: ['linux/amd64'],
        push: true,
      },
      false,
    ],
    [
      'secrets from files and from the environment (as old as the oldest buildx we run with)',
      {
        secrets: [
          { id: 'a', src: '/a' },
          { id: 'b', env: 'B' },
        ],
      },
      false,
    ],
    ['one output', { outputs: ['type=local,dest=out'] }, false],
    ['push into a registry output', { outputs: ['type=registry,name=r/a'], push: true }, false],
    ['shm-size', { shmSize: '1g' }, true],
    ['ulimit', { ulimits: ['nofile=1'] }, true],
    ['cgroup-parent', { cgroupParent: 'p' }, true],
    ['build-contexts', { buildContexts: ['a=b'] }, true],
    ['no-cache-filters', { noCacheFilters: ['t'] }, true],
    ['annotations', { annotations: ['a=b'] }, true],
    ['two outputs', { outputs: ['a', 'b'] }, true],
    ['push and load', { push: true, load: true }, true],
    ['provenance', { provenance: 'mode=max' }, true],
    ['provenance false (an old buildx fails on the flag itself)', { provenance: 'false' }, true],
    ['sbom', { sbom: 'true' }, true],
    ['attests', { attests: ['type=sbom'] }, true],
  ])('%s -> %s', (_name, overrides, expected) => {
    expect(needsVersionCheck(options(overrides))).toBe(expected);
  });

  test('agrees with checkFeatures: what it skips passes on the oldest buildx', () => {
    const plain = options({
      tags: ['r/a:1'],
      secrets: [{ id: 'b', env: 'B' }],
      outputs: ['type=registry,name=r/a'],
      push: true,
    });
    expect(needsVersionCheck(plain)).toBe(false);
    expect(checkFeatures(plain, '0.6.0')).toEqual({ errors: [], warnings: [], options: plain });
  });
});
