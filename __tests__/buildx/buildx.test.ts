import { describe, expect, test } from '@jest/globals';
import { buildxArgs, outputType, type BuildOptions } from '../../src/buildx/buildx.js';
import { buildOptions as options, IID, META } from '../support/build-options.js';
import { digestPushMode, legBuildOptions, type DigestPushMode } from '../../src/buildx/push-by-digest.js';

const RUN = 'https://github.com/acme/app/actions/runs/42/attempts/1';

/** The argv for flags that all come before the result files, with the default context. */
function argv(...flags: string[]): string[] {
  return ['buildx', 'build', ...flags, '--metadata-file', META, '--iidfile', IID, '--', '.'];
}

describe('buildxArgs', () => {
  test.each<[string, Partial<BuildOptions>, string[]]>([
    ['nothing set: only the result files and the context', {}, argv()],
    [
      'empty lists and empty strings give no flags',
      {
        file: '',
        target: '',
        network: '',
        builder: '',
        shmSize: '',
        cgroupParent: '',
        provenance: '',
        sbom: '',
        labels: {},
      },
      argv(),
    ],
    [
      'file and target',
      { file: 'docker/Dockerfile.prod', target: 'runtime' },
      argv('--file', 'docker/Dockerfile.prod', '--target', 'runtime'),
    ],
    [
      'a path with spaces stays one element',
      { file: 'my dir/Docker file' },
      argv('--file', 'my dir/Docker file'),
    ],
    ['one platform', { platforms: ['linux/amd64'] }, argv('--platform', 'linux/amd64')],
    [
      'platforms joined with commas into one flag',
      { platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] },
      argv('--platform', 'linux/amd64,linux/arm64,linux/arm/v7'),
    ],
    [
      'build args: one flag each; spaces, commas, quotes and newlines stay in one element',
      { buildArgs: ['VERSION=1.2.3', 'MSG=hello world', 'JSON={"a":1,"b":[2,3]}', 'PEM=line 1\nline 2\n'] },
      argv(
        '--build-arg',
        'VERSION=1.2.3',
        '--build-arg',
        'MSG=hello world',
        '--build-arg',
        'JSON={"a":1,"b":[2,3]}',
        '--build-arg',
        'PEM=line 1\nline 2\n',
      ),
    ],
    [
      'build contexts',
      { buildContexts: ['alpine=docker-image://alpine:3.20', 'shared=../shared'] },
      argv('--build-context', 'alpine=docker-image://alpine:3.20', '--build-context', 'shared=../shared'),
    ],
    [
      'labels as key=value, in the order given, values kept whole',
      {
        labels: {
          'org.opencontainers.image.title': 'app',
          'org.opencontainers.image.description': 'Fast, small; "quoted"\nand on two lines',
          empty: '',
        },
      },
      argv(
        '--label',
        'org.opencontainers.image.title=app',
        '--label',
        'org.opencontainers.image.description=Fast, small; "quoted"\nand on two lines',
        '--label',
        'empty=',
      ),
    ],
    [
      'annotations',
      { annotations: ['index:org.opencontainers.image.description=one, two', 'manifest:com.example.k=v'] },
      argv(
        '--annotation',
        'index:org.opencontainers.image.description=one, two',
        '--annotation',
        'manifest:com.example.k=v',
      ),
    ],
    [
      'tags: one flag each',
      {
        tags: [
          'ghcr.io/acme/app:1.2.3',
          'ghcr.io/acme/app:latest',
          'localhost:5000/app@sha256:' + 'a'.repeat(64),
        ],
      },
      argv(
        '--tag',
        'ghcr.io/acme/app:1.2.3',
        '--tag',
        'ghcr.io/acme/app:latest',
        '--tag',
        'localhost:5000/app@sha256:' + 'a'.repeat(64),
      ),
    ],
    [
      'secrets from files and from the environment',
      {
        secrets: [
          { id: 'npmrc', src: '/tmp/shipshape/secret-1' },
          { id: 'token', env: 'GH_TOKEN' },
        ],
      },
      argv('--secret', 'id=npmrc,src=/tmp/shipshape/secret-1', '--secret', 'id=token,env=GH_TOKEN'),
    ],
    [
      'a secret with only an id (buildx looks it up itself)',
      { secrets: [{ id: 'API_TOKEN' }] },
      argv('--secret', 'id=API_TOKEN'),
    ],
    [
      'a secret path with a comma or a quote is CSV-quoted, as buildx parses --secret',
      {
        secrets: [
          { id: 'a', src: '/home/u/keys,old/key' },
          { id: 'b', src: '/home/u/"odd"/key' },
        ],
      },
      argv('--secret', 'id=a,"src=/home/u/keys,old/key"', '--secret', 'id=b,"src=/home/u/""odd""/key"'),
    ],
    [
      'ssh',
      { ssh: ['default', 'github=/home/runner/.ssh/id_ed25519'] },
      argv('--ssh', 'default', '--ssh', 'github=/home/runner/.ssh/id_ed25519'),
    ],
    [
      'cache from and to',
      { cacheFrom: ['type=gha', 'type=registry,ref=ghcr.io/acme/app:cache'], cacheTo: ['type=gha,mode=max'] },
      argv(
        '--cache-from',
        'type=gha',
        '--cache-from',
        'type=registry,ref=ghcr.io/acme/app:cache',
        '--cache-to',
        'type=gha,mode=max',
      ),
    ],
    [
      'cache backends local, s3 and azblob: each entry one element, as written',
      {
        cacheFrom: ['type=local,src=/tmp/.buildx-cache', 'type=s3,region=eu-west-1,bucket=ci-cache,name=app'],
        cacheTo: [
          'type=local,dest=/tmp/.buildx-cache-new,mode=max',
          'type=azblob,account_url=https://acme.blob.core.windows.net,name=app,mode=max',
        ],
      },
      argv(
        '--cache-from',
        'type=local,src=/tmp/.buildx-cache',
        '--cache-from',
        'type=s3,region=eu-west-1,bucket=ci-cache,name=app',
        '--cache-to',
        'type=local,dest=/tmp/.buildx-cache-new,mode=max',
        '--cache-to',
        'type=azblob,account_url=https://acme.blob.core.windows.net,name=app,mode=max',
      ),
    ],
    [
      'no-cache, no-cache-filter and pull',
      { noCache: true, noCacheFilters: ['build', 'test'], pull: true },
      argv('--no-cache', '--no-cache-filter', 'build', '--no-cache-filter', 'test', '--pull'),
    ],
    [
      'network, add-host, and one allow flag per entitlement',
      {
        network: 'host',
        addHosts: ['db:10.0.0.5', 'cache:10.0.0.6'],
        allow: ['network.host', 'security.insecure'],
      },
      argv(
        '--network',
        'host',
        '--add-host',
        'db:10.0.0.5',
        '--add-host',
        'cache:10.0.0.6',
        '--allow',
        'network.host',
        '--allow',
        'security.insecure',
      ),
    ],
    [
      'shm-size, ulimit and cgroup-parent',
      { shmSize: '2g', ulimits: ['nofile=1024:2048', 'nproc=512'], cgroupParent: 'ci.slice' },
      argv(
        '--shm-size',
        '2g',
        '--ulimit',
        'nofile=1024:2048',
        '--ulimit',
        'nproc=512',
        '--cgroup-parent',
        'ci.slice',
      ),
    ],
    [
      'provenance not set: no flag, even with a builder id',
      { provenance: undefined, builderId: RUN },
      argv(),
    ],
    ['provenance false', { provenance: 'false', builderId: RUN }, argv('--provenance=false')],
    ['provenance False (YAML spelling)', { provenance: 'False' }, argv('--provenance=false')],
    [
      'provenance true with a builder id',
      { provenance: 'true', builderId: RUN },
      argv(`--provenance=builder-id=${RUN}`),
    ],
    [
      'provenance TRUE with a builder id',
      { provenance: 'TRUE', builderId: RUN },
      argv(`--provenance=builder-id=${RUN}`),
    ],
    ['provenance true without a builder id', { provenance: 'true' }, argv('--provenance=true')],
    [
      'provenance attributes get the builder id',
      { provenance: 'mode=max', builderId: RUN },
      argv(`--provenance=mode=max,builder-id=${RUN}`),
    ],
    [
      'provenance attributes that name a builder id are kept as written',
      { provenance: 'mode=max,builder-id=https://ci.example/run/7', builderId: RUN },
      argv('--provenance=mode=max,builder-id=https://ci.example/run/7'),
    ],
    [
      'provenance attributes without a builder id',
      { provenance: 'mode=min,inline-only=true' },
      argv('--provenance=mode=min,inline-only=true'),
    ],
    ['sbom true', { sbom: 'true' }, argv('--sbom=true')],
    ['sbom false', { sbom: 'false' }, argv('--sbom=false')],
    [
      'sbom attributes',
      { sbom: 'generator=docker/buildkit-syft-scanner:1.4.0' },
      argv('--sbom=generator=docker/buildkit-syft-scanner:1.4.0'),
    ],
    [
      'provenance before sbom',
      { sbom: 'true', provenance: 'mode=max', builderId: RUN },
      argv(`--provenance=mode=max,builder-id=${RUN}`, '--sbom=true'),
    ],
    [
      'attests: one flag each; a provenance attest gets the builder id too',
      { attests: ['type=sbom,generator=image', 'type=provenance,mode=max'], builderId: RUN },
      argv('--attest', 'type=sbom,generator=image', '--attest', `type=provenance,mode=max,builder-id=${RUN}`),
    ],
    [
      'a disabled provenance attest gets no builder id',
      { attests: ['type=provenance,disabled=true'], builderId: RUN },
      argv('--attest', 'type=provenance,disabled=true'),
    ],
    [
      'the provenance and sbom inputs win over attests of the same type',
      {
        provenance: 'mode=min',
        sbom: 'false',
        attests: ['type=provenance,mode=max', 'type=sbom', 'type=custom,x=1'],
      },
      argv('--provenance=mode=min', '--sbom=false', '--attest', 'type=custom,x=1'),
    ],
    [
      'an image output keeps the image ID file',
      { outputs: ['type=image,name=ghcr.io/acme/app,push=true'] },
      argv('--output', 'type=image,name=ghcr.io/acme/app,push=true'),
    ],
    [
      'several outputs, one flag each',
      { outputs: ['type=registry,name=ghcr.io/acme/app', 'type=docker,name=app'] },
      argv('--output', 'type=registry,name=ghcr.io/acme/app', '--output', 'type=docker,name=app'),
    ],
    ['push and load', { push: true, load: true }, argv('--push', '--load')],
    [
      'builder comes first',
      { builder: 'shipshape-builder', target: 't' },
      argv('--builder', 'shipshape-builder', '--target', 't'),
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(buildxArgs(options(overrides))).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ['type=local', ['type=local,dest=out']],
    ['type=tar', ['type=tar,dest=image.tar']],
    ['a bare directory (local)', ['./out']],
    ['- (tar to stdout)', ['-']],
    ['a local export next to an image one', ['type=image,name=x', 'type=local,dest=out']],
  ])('no --iidfile with a local or tar export: %s', (_name, outputs) => {
    expect(buildxArgs(options({ outputs }))).toEqual([
      'buildx',
      'build',
      ...outputs.flatMap((o) => ['--output', o]),
      '--metadata-file',
      META,
      '--',
      '.',
    ]);
  });

  test.each<[string, string]>([
    ['a URL', 'https://github.com/acme/app.git#refs/heads/main:sub dir'],
    ['stdin', '-'],
    ['a path with spaces', './my app'],
    ['a path that looks like an option', '--push'],
  ])('the context is the last element, after --: %s', (_name, context) => {
    const args = buildxArgs(options({ context, tags: ['app:1'] }));
    expect(args.slice(-2)).toEqual(['--', context]);
    expect(args.indexOf('--')).toBe(args.length - 2);
  });

  test('every flag at once, in the documented order', () => {
    const all = options({
      context: 'https://github.com/acme/app.git#main',
      builder: 'b',
      file: 'Dockerfile',
      target: 'runtime',
      platforms: ['linux/amd64', 'linux/arm64'],
      buildArgs: ['A=1'],
      buildContexts: ['base=docker-image://alpine'],
      labels: { l: 'v' },
      annotations: ['a=b'],
      tags: ['r/app:1'],
      secrets: [{ id: 's', src: '/tmp/s' }],
      ssh: ['default'],
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max'],
      noCache: true,
      noCacheFilters: ['test'],
      pull: true,
      network: 'none',
      addHosts: ['h:1.2.3.4'],
      allow: ['network.host'],
      shmSize: '1g',
      ulimits: ['nofile=1024'],
      cgroupParent: 'p',
      provenance: 'true',
      sbom: 'true',
      attests: ['type=custom'],
      builderId: RUN,
      outputs: ['type=image,name=r/app'],
      push: true,
      load: true,
    });
    expect(buildxArgs(all)).toEqual([
      'buildx',
      'build',
      '--builder',
      'b',
      '--file',
      'Dockerfile',
      '--target',
      'runtime',
      '--platform',
      'linux/amd64,linux/arm64',
      '--build-arg',
      'A=1',
      '--build-context',
      'base=docker-image://alpine',
      '--label',
      'l=v',
      '--annotation',
      'a=b',
      '--tag',
      'r/app:1',
      '--secret',
      'id=s,src=/tmp/s',
      '--ssh',
      'default',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=gha,mode=max',
      '--no-cache',
      '--no-cache-filter',
      'test',
      '--pull',
      '--network',
      'none',
      '--add-host',
      'h:1.2.3.4',
      '--allow',
      'network.host',
      '--shm-size',
      '1g',
      '--ulimit',
      'nofile=1024',
      '--cgroup-parent',
      'p',
      `--provenance=builder-id=${RUN}`,
      '--sbom=true',
      '--attest',
      'type=custom',
      '--output',
      'type=image,name=r/app',
      '--push',
      '--load',
      '--metadata-file',
      META,
      '--iidfile',
      IID,
      '--',
      'https://github.com/acme/app.git#main',
    ]);
  });

  test('call: check asks buildx for the checks as JSON, and exports, pushes and tells back nothing', () => {
    expect(
      buildxArgs(
        options({
          call: 'check',
          file: 'Dockerfile',
          push: true,
          load: true,
          outputs: ['type=local,dest=out'],
        }),
      ),
    ).toEqual(['buildx', 'build', '--file', 'Dockerfile', '--call', 'check,format=json', '--', '.']);
  });

  test('does not change its input', () => {
    const o = options({
      provenance: 'mode=max',
      builderId: RUN,
      attests: ['type=provenance'],
      labels: { a: 'b' },
    });
    const copy = structuredClone(o);
    buildxArgs(o);
    expect(o).toEqual(copy);
  });
});

describe('outputType', () => {
  test.each<[string, string]>([
    ['type=registry,name=ghcr.io/acme/app', 'registry'],
    ['type=image,push=true', 'image'],
    ['name=app,type=docker', 'docker'],
    ['type=local,dest=out', 'local'],
    ['type=tar,dest=out.tar', 'tar'],
    [' type = oci ,dest=out.tar', 'oci'],
    ['./out', 'local'],
    ['/abs/dir', 'local'],
    ['-', 'tar'],
    ['dest=out', ''],
  ])('%s -> %s', (output, type) => {
    expect(outputType(output)).toBe(type);
  });
});

describe('push-by-digest legs', () => {
  const base = options({
    platforms: ['linux/arm64'],
    tags: ['localhost:5000/legs/app:1.2.3'],
    push: true,
    labels: { 'org.opencontainers.image.version': '1.2.3' },
  });

  test.each<[string, DigestPushMode, string[], string]>([
    [
      'docker-container: buildx pushes by digest to every image, names quoted as one CSV field',
      'buildx',
      ['ghcr.io/acme/app', 'localhost:5000/legs/app'],
      'type=image,"name=ghcr.io/acme/app,localhost:5000/legs/app",push-by-digest=true,name-canonical=true,push=true',
    ],
    [
      'one image: no quotes needed',
      'buildx',
      ['ghcr.io/acme/app'],
      'type=image,name=ghcr.io/acme/app,push-by-digest=true,name-canonical=true,push=true',
    ],
    [
      'docker driver: an OCI layout tar',
      'layout',
      ['ghcr.io/acme/app'],
      'type=oci,dest=/tmp/leg/leg.tar,tar=true',
    ],
  ])('%s', (_, mode, images, output) => {
    const argv = buildxArgs(legBuildOptions(base, { mode, images, layoutPath: '/tmp/leg/leg.tar' }));
    expect(argv).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--label',
      'org.opencontainers.image.version=1.2.3',
      '--output',
      output,
      '--metadata-file',
      META,
      '--iidfile',
      IID,
      '--',
      '.',
    ]);
    // Nothing tagged, nothing pushed or loaded besides the one output.
    expect(argv).not.toContain('--tag');
    expect(argv).not.toContain('--push');
    expect(argv).not.toContain('--load');
  });

  test('a layout path with a comma is quoted', () => {
    const o = legBuildOptions(base, { mode: 'layout', images: [], layoutPath: '/tmp/a,b/leg.tar' });
    expect(o.outputs).toEqual(['type=oci,"dest=/tmp/a,b/leg.tar",tar=true']);
  });

  test.each([
    ['docker', 'layout'],
    ['docker-container', 'buildx'],
    ['remote', 'buildx'],
    ['kubernetes', 'buildx'],
  ])('the %s driver: %s', (driver, mode) => {
    expect(digestPushMode(driver)).toBe(mode);
  });
});

test('a docker context runs buildx: docker --context NAME buildx build, no --builder', () => {
  expect(buildxArgs(options({ dockerContext: 'legs-ctx' }))).toEqual([
    '--context',
    'legs-ctx',
    'buildx',
    'build',
    '--metadata-file',
    META,
    '--iidfile',
    IID,
    '--',
    '.',
  ]);
});
