import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, secretValues } from '../../src/inputs/build.js';

// A workspace with a Dockerfile in ./app and a secret file, as a checked-out repository has.
const workspace = mkdtempSync(join(tmpdir(), 'shipshape-inputs-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');
writeFileSync(join(workspace, 'app', 'Other.Dockerfile'), 'FROM scratch\n');
writeFileSync(join(workspace, 'npmrc'), 'token\n');

const base = { context: 'app', images: 'ghcr.io/acme/app' };
const read = (inputs: Record<string, string>) => readInputs((name) => (inputs[name] ?? '').trim(), workspace);

describe('valid inputs become typed data', () => {
  test('lists, booleans and defaults', () => {
    const i = read({
      ...base,
      platforms: 'linux/amd64, linux/arm64\nlinux/arm/v7',
      'build-args': 'A=1\nB=x,y\n"C=multi\nline"',
      push: 'true',
      load: 'False',
      'no-cache-filters': 'build,test',
      'secret-envs': 'GH=GITHUB_TOKEN,NPM=NPM_TOKEN',
      'secret-files': 'npmrc=npmrc',
      secrets: 'token=s3cr=t',
      outputs: 'type=local,dest=out\ntype=oci,"dest=a b"',
      'shm-size': '2g',
      ulimit: 'nofile=1024:2048',
      'add-hosts': 'db:10.0.0.2,cache=10.0.0.3',
      allow: 'network.host,security.insecure',
      provenance: 'mode=max',
      sbom: 'true',
    });
    expect(i.build.platforms).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    expect(i.build.buildArgs).toEqual(['A=1', 'B=x,y', 'C=multi\nline']);
    expect(i.build.push).toBe(true);
    expect(i.build.load).toBe(false);
    expect(i.build.noCache).toBe(false);
    expect(i.build.noCacheFilters).toEqual(['build', 'test']);
    expect(i.secretEnvs).toEqual([
      { id: 'GH', env: 'GITHUB_TOKEN' },
      { id: 'NPM', env: 'NPM_TOKEN' },
    ]);
    expect(i.secretFiles).toEqual([{ id: 'npmrc', src: join(workspace, 'npmrc') }]);
    expect(i.secrets).toEqual([{ id: 'token', value: 's3cr=t' }]);
    expect(i.build.outputs).toEqual(['type=local,dest=out', 'type=oci,"dest=a b"']);
    expect(i.build.addHosts).toEqual(['db:10.0.0.2', 'cache=10.0.0.3']);
    expect(i.build.provenance).toBe('mode=max');
    expect(i.build.sbom).toBe('true');
    expect(i.images).toEqual(['ghcr.io/acme/app']);
  });

  test('images: lower-cased, deduplicated, metadata-action attributes', () => {
    const i = read({
      context: 'app',
      images:
        'GHCR.io/Acme/App\nghcr.io/acme/app\nname=docker.io/acme/app,enable=false\nname=quay.io/acme/app',
    });
    expect(i.images).toEqual(['ghcr.io/acme/app', 'quay.io/acme/app']);
  });

  test('file is relative to the working directory, as buildx reads it', () => {
    expect(read({ ...base, file: 'app/Other.Dockerfile' }).build.file).toBe('app/Other.Dockerfile');
  });

  test('a Git context is not looked for on disk', () => {
    expect(read({ ...base, context: 'https://github.com/acme/app.git#main' }).build.context).toBe(
      'https://github.com/acme/app.git#main',
    );
  });

  test('secret values are collected for masking, with the token', () => {
    expect(secretValues((n) => ({ 'github-token': 'ghs_abc', secrets: 'a=one\nb=two=2' })[n] ?? '')).toEqual([
      'ghs_abc',
      'one',
      'two=2',
    ]);
  });
});

describe('every mistake names the input and the value, before anything runs', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'unknown architecture',
      { platforms: 'linux/sparc' },
      'Input "platforms": "linux/sparc" has an unknown architecture "sparc"',
    ],
    ['unknown OS', { platforms: 'beos/amd64' }, 'Input "platforms": "beos/amd64" has an unknown OS "beos"'],
    ['platform without arch', { platforms: 'linux' }, 'Input "platforms": "linux" is not OS/ARCH[/VARIANT]'],
    [
      'bad variant',
      { platforms: 'linux/arm/7' },
      'Input "platforms": "linux/arm/7" has an unknown variant "7"',
    ],
    ['build-arg without =', { 'build-args': 'VERSION' }, 'Input "build-args": "VERSION" must be KEY=VALUE'],
    ['build-arg with empty key', { 'build-args': '=1' }, 'Input "build-args": "=1" must be KEY=VALUE'],
    [
      'build-context without =',
      { 'build-contexts': 'alpine' },
      'Input "build-contexts": "alpine" must be KEY=VALUE',
    ],
    ['label without =', { labels: 'team' }, 'Input "labels": "team" must be KEY=VALUE'],
    [
      'label key with a space',
      { labels: 'my team=x' },
      'Input "labels": "my team=x" has whitespace in its key',
    ],
    [
      'annotation without =',
      { annotations: 'index:foo' },
      'Input "annotations": "index:foo" must be KEY=VALUE',
    ],
    ['secret without =', { secrets: 'hunter2' }, 'Input "secrets": "(value hidden)" must be ID=VALUE'],
    ['secret with a bad id', { secrets: 'a b=c' }, 'Input "secrets": "a b" is not a valid secret id'],
    ['secret-env without =', { 'secret-envs': 'TOKEN' }, 'Input "secret-envs": "TOKEN" must be KEY=VALUE'],
    [
      'secret-file missing',
      { 'secret-files': 'npmrc=nope' },
      `Input "secret-files": "npmrc=nope" names ${join(workspace, 'nope')}, which does not exist`,
    ],
    ['boolean push', { push: 'yes' }, 'Input "push": "yes" is not a boolean: use true or false'],
    ['boolean load', { load: '1' }, 'Input "load": "1" is not a boolean'],
    ['boolean no-cache', { 'no-cache': 'on' }, 'Input "no-cache": "on" is not a boolean'],
    ['boolean pull', { pull: 'truee' }, 'Input "pull": "truee" is not a boolean'],
    ['missing context', { context: 'nope' }, 'Input "context": "nope" is not a directory'],
    [
      'a context buildx would read as an option',
      { context: '--output=type=local,dest=/' },
      'Input "context": "--output=type=local,dest=/" starts with "-": buildx would read it as an option',
    ],
    [
      'a builder buildx would read as an option',
      { builder: '--bootstrap' },
      'Input "builder": "--bootstrap" starts with "-": buildx would read it as an option',
    ],
    ['missing Dockerfile', { context: '.' }, 'Input "context": "." has no Dockerfile:'],
    [
      'missing file',
      { file: 'app/Nope.Dockerfile' },
      'Input "file": "app/Nope.Dockerfile" has no Dockerfile:',
    ],
    ['bad image name', { images: 'ghcr.io/acme/app!' }, 'Input "images": "ghcr.io/acme/app!"'],
    [
      'image attribute',
      { images: 'name=ghcr.io/a/b,color=red' },
      'Input "images": "name=ghcr.io/a/b,color=red" has an unknown attribute "color"',
    ],
    ['image enable', { images: 'name=ghcr.io/a/b,enable=maybe' }, 'has enable= that is not true or false'],
    ['bad tag rule', { tags: 'type=nope' }, 'Input "tags": "type=nope"'],
    ['bad flavor', { flavor: 'latest=sometimes' }, 'Input "flavor": "latest=sometimes"'],
    ['bad provenance', { provenance: 'max' }, 'Input "provenance": "max" must be true, false, or KEY=VALUE'],
    ['bad sbom', { sbom: 'yes please' }, 'Input "sbom": "yes please" must be true, false, or KEY=VALUE'],
    [
      'bad attest',
      { attests: 'type=slsa' },
      'Input "attests": "type=slsa" must start with type=provenance or type=sbom',
    ],
    ['bad entitlement', { allow: 'root' }, 'Input "allow": "root" is not a buildx build entitlement'],
    [
      "Bake's fs entitlement, which buildx build refuses",
      { allow: 'fs.read=/' },
      'Input "allow": "fs.read=/" is not a buildx build entitlement',
    ],
    [
      'a budget for an unknown platform (it would never apply)',
      { 'size-budget': 'linux/amd46: max-compressed=1MB' },
      'Input "size-budget": "linux/amd46: max-compressed=1MB" has an unknown architecture "amd46"',
    ],
    [
      'a budget for a platform that is not built',
      { platforms: 'linux/amd64', 'size-budget': 'linux/arm64: max-compressed=1MB' },
      'Input "size-budget": "linux/arm64: max-compressed=1MB" is for linux/arm64, which this build does not make (platforms: linux/amd64)',
    ],
    [
      'a budget on layer figures without reading the layers',
      { 'analyze-layers': 'false', 'size-budget': 'max-wasted=1MB' },
      'Input "size-budget": "max-wasted=1MB" needs analyze-layers: true',
    ],
    [
      'a comment key longer than a marker may be',
      { 'comment-key': 'k'.repeat(70_000) },
      'is 70000 characters long; a key has at most 256',
    ],
    [
      'an insecure registry that is not a host',
      { 'insecure-registries': 'registry.local:5000/v2/x' },
      'Input "insecure-registries": "registry.local:5000/v2/x" is not a registry host[:port]',
    ],
    ['bad host', { 'add-hosts': 'db' }, 'Input "add-hosts": "db" must be HOST:IP'],
    ['bad shm-size', { 'shm-size': 'big' }, 'Input "shm-size": "big" is not a size'],
    ['bad ulimit form', { ulimit: 'nofile' }, 'Input "ulimit": "nofile" must be NAME=SOFT[:HARD]'],
    ['unknown ulimit', { ulimit: 'files=10' }, 'Input "ulimit": "files=10" has an unknown limit "files"'],
    ['push without a name', { images: '', push: 'true' }, 'Input "push": "true" needs a name to push to'],
    [
      'rules without images',
      { images: '', tags: 'type=sha' },
      'Input "tags": "type=sha" are tag rules but "images" is empty',
    ],
    [
      'push and a registry output',
      { push: 'true', outputs: 'type=registry' },
      'Input "outputs": "type=registry" already pushes',
    ],
  ])('%s', (_name, inputs, message) => {
    expect(() => read({ ...base, ...inputs })).toThrow(message);
  });

  test('budgets that can be checked, and registry hosts as users write them, are accepted', () => {
    const i = read({
      ...base,
      platforms: 'linux/amd64,linux/arm64/v8',
      'size-budget': 'linux/arm64: max-compressed=1MB\nlinux/amd64: max-wasted=1MB',
      'insecure-registries': 'registry.local:5000, http://10.0.0.2:5000/, [::1]:5000',
      'comment-key': 'k'.repeat(256),
    });
    expect(i.budgetRules.map((r) => r.platform)).toEqual(['linux/arm64', 'linux/amd64']);
    expect(i.insecureRegistries).toEqual(['registry.local:5000', 'http://10.0.0.2:5000/', '[::1]:5000']);
    expect(i.commentKey).toHaveLength(256);
  });

  test('a huge value is shortened in the message, not echoed whole', () => {
    const huge = 'x'.repeat(100_000);
    expect(() => read({ ...base, 'build-args': huge })).toThrow(
      /^Input "build-args": "x{200}… \(100000 chars\)" must be KEY=VALUE/,
    );
  });

  test('a secret value never appears in an error', () => {
    let message = '';
    try {
      read({ ...base, secrets: 'good=fine\nno-equals-hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Input "secrets"');
    expect(message).not.toContain('hunter2');
  });
});
