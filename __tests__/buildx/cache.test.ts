import { describe, expect, test } from '@jest/globals';
import {
  bestEffort,
  cacheDestination,
  cacheTypesOfVertex,
  planCache,
  unsupportedCacheExports,
  type CachePlanInput,
} from '../../src/buildx/cache.js';
import { readInputs } from '../../src/inputs/build.js';
import { thrown } from '../support/thrown.js';

const base: CachePlanInput = {
  mode: 'none',
  image: 'ghcr.io/acme/app',
  platforms: [],
  push: true,
  pullRequest: false,
  cacheFrom: [],
  cacheTo: [],
  repository: 'acme/app',
  githubToken: '',
};

describe('planCache: the cache shorthand', () => {
  test.each<[string, Partial<CachePlanInput>, string[], string[]]>([
    ['none: nothing added', {}, [], []],
    [
      'registry on a push: <image>:buildcache, imported and exported with mode=max',
      { mode: 'registry' },
      ['type=registry,ref=ghcr.io/acme/app:buildcache'],
      ['type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
    ],
    [
      'registry on a pull request: imported only (a fork cannot write; the base cache stays the base one)',
      { mode: 'registry', pullRequest: true },
      ['type=registry,ref=ghcr.io/acme/app:buildcache'],
      [],
    ],
    [
      'registry on a build that does not push: imported only',
      { mode: 'registry', push: false },
      ['type=registry,ref=ghcr.io/acme/app:buildcache'],
      [],
    ],
    [
      'registry with one platform: a cache per platform, so matrix legs do not overwrite each other',
      { mode: 'registry', platforms: ['linux/arm/v7'] },
      ['type=registry,ref=ghcr.io/acme/app:buildcache-linux-arm-v7'],
      ['type=registry,ref=ghcr.io/acme/app:buildcache-linux-arm-v7,mode=max,ignore-error=true'],
    ],
    [
      'registry with two platforms: one cache',
      { mode: 'registry', platforms: ['linux/amd64', 'linux/arm64'] },
      ['type=registry,ref=ghcr.io/acme/app:buildcache'],
      ['type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
    ],
    [
      'gha: a scope per image, exported on pull requests too (the Actions cache keeps them apart)',
      { mode: 'gha', pullRequest: true, push: false },
      ['type=gha,scope=ghcr.io/acme/app'],
      ['type=gha,scope=ghcr.io/acme/app,mode=max,repository=acme/app,ignore-error=true'],
    ],
    [
      'gha without an image: BuildKit’s default scope',
      { mode: 'gha', image: undefined, githubToken: 'ghs_x' },
      ['type=gha,scope=buildkit'],
      ['type=gha,scope=buildkit,mode=max,repository=acme/app,ghtoken=ghs_x,ignore-error=true'],
    ],
    [
      'the user’s entries come first; the shorthand is added to them',
      {
        mode: 'registry',
        cacheFrom: ['type=local,src=/tmp/cache'],
        cacheTo: ['type=local,dest=/tmp/cache-new,mode=max'],
      },
      ['type=local,src=/tmp/cache', 'type=registry,ref=ghcr.io/acme/app:buildcache'],
      [
        'type=local,dest=/tmp/cache-new,mode=max,ignore-error=true',
        'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true',
      ],
    ],
    [
      'an entry the user already gave is not repeated',
      {
        mode: 'registry',
        cacheFrom: ['type=registry,ref=ghcr.io/acme/app:buildcache'],
        cacheTo: ['type=registry,ref=ghcr.io/acme/app:buildcache,mode=max'],
      },
      ['type=registry,ref=ghcr.io/acme/app:buildcache'],
      ['type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
    ],
  ])('%s', (_name, overrides, cacheFrom, cacheTo) => {
    const plan = planCache({ ...base, ...overrides });
    expect(plan.cacheFrom).toEqual(cacheFrom);
    expect(plan.cacheTo).toEqual(cacheTo);
  });

  test('the log says what the shorthand does, and why it does not export', () => {
    expect(planCache({ ...base, mode: 'registry' }).notes).toEqual([
      'Build cache: importing and exporting ghcr.io/acme/app:buildcache (mode=max).',
    ]);
    expect(planCache({ ...base, mode: 'registry', pullRequest: true }).notes).toEqual([
      'Build cache: importing ghcr.io/acme/app:buildcache; not exporting (a pull request only reads it).',
    ]);
    expect(planCache({ ...base, mode: 'none' }).notes).toEqual([]);
  });
});

describe('cache-to entries pass through, made best-effort', () => {
  test.each<[string, string, string]>([
    [
      'registry',
      'type=registry,ref=ghcr.io/acme/app:cache,mode=max',
      'type=registry,ref=ghcr.io/acme/app:cache,mode=max,ignore-error=true',
    ],
    ['local', 'type=local,dest=/tmp/.buildx-cache', 'type=local,dest=/tmp/.buildx-cache,ignore-error=true'],
    ['gha', 'type=gha,mode=max,scope=app', 'type=gha,mode=max,scope=app,ignore-error=true'],
    [
      's3',
      'type=s3,region=eu-west-1,bucket=cache,name=app',
      'type=s3,region=eu-west-1,bucket=cache,name=app,ignore-error=true',
    ],
    [
      'azblob',
      'type=azblob,account_url=https://acme.blob.core.windows.net,name=app',
      'type=azblob,account_url=https://acme.blob.core.windows.net,name=app,ignore-error=true',
    ],
    [
      'a bare reference (buildx’s short form of a registry cache) gets its type spelled out',
      'ghcr.io/acme/app:cache',
      'type=registry,ref=ghcr.io/acme/app:cache,ignore-error=true',
    ],
    ['the user’s ignore-error=false wins', 'type=gha,ignore-error=false', 'type=gha,ignore-error=false'],
    [
      'the user’s ignore-error=true is not repeated',
      'type=gha,ignore-error=true',
      'type=gha,ignore-error=true',
    ],
    ['inline rides on the image export: untouched', 'type=inline', 'type=inline'],
  ])('%s', (_name, entry, expected) => {
    expect(bestEffort(entry)).toBe(expected);
    // No repository: gha entries get nothing else (see the next test).
    expect(planCache({ ...base, repository: '', cacheTo: [entry] }).cacheTo).toEqual([expected]);
  });

  test('gha exports get repository and ghtoken as build-push-action adds them; the user’s win', () => {
    const plan = planCache({
      ...base,
      githubToken: 'ghs_token',
      cacheTo: [
        'type=gha,mode=max',
        'type=gha,repository=other/repo,ghtoken=mine',
        'type=registry,ref=r/a:c',
      ],
    });
    expect(plan.cacheTo).toEqual([
      'type=gha,mode=max,repository=acme/app,ghtoken=ghs_token,ignore-error=true',
      'type=gha,repository=other/repo,ghtoken=mine,ignore-error=true',
      'type=registry,ref=r/a:c,ignore-error=true',
    ]);
  });

  test('cache-from entries pass through as written', () => {
    const from = ['type=gha', 'type=s3,region=us-east-1,bucket=b', 'type=azblob,name=x', 'user/app:cache'];
    expect(planCache({ ...base, cacheFrom: from }).cacheFrom).toEqual(from);
  });
});

describe('cacheDestination: where a cache goes, never its credentials', () => {
  test.each<[string, string]>([
    [
      'type=registry,ref=127.0.0.1:1/cache/app:buildcache,mode=max,ignore-error=true',
      'type=registry,ref=127.0.0.1:1/cache/app:buildcache',
    ],
    ['ghcr.io/acme/app:cache', 'type=registry,ref=ghcr.io/acme/app:cache'],
    ['type=gha,scope=app,token=SECRET,ghtoken=SECRET2,url=https://x', 'type=gha,scope=app'],
    [
      'type=s3,region=eu-west-1,bucket=b,name=app,access_key_id=AKIA,secret_access_key=SECRET,session_token=S',
      'type=s3,bucket=b,region=eu-west-1,name=app',
    ],
    [
      'type=azblob,account_url=https://a.blob.core.windows.net,name=n,secret_access_key=SECRET',
      'type=azblob,name=n,account_url=https://a.blob.core.windows.net',
    ],
    ['type=local,dest=/tmp/c', 'type=local,dest=/tmp/c'],
  ])('%s', (entry, shown) => {
    expect(cacheDestination(entry)).toBe(shown);
    expect(cacheDestination(entry)).not.toContain('SECRET');
  });
});

describe('cacheTypesOfVertex: BuildKit’s cache exporter vertex names', () => {
  test.each<[string, string[] | undefined]>([
    ['exporting cache to registry', ['registry']],
    ['exporting cache to client directory', ['local']],
    ['exporting to GitHub Actions Cache', ['gha']],
    ['exporting cache to Amazon S3', ['s3']],
    ['exporting cache to Azure Blob Storage', ['azblob']],
    ['exporting cache', []],
    ['exporting to image', undefined],
    ['exporting to oci image format', undefined],
    ['[2/3] RUN echo exporting cache to registry', undefined],
  ])('%s', (name, types) => {
    expect(cacheTypesOfVertex(name)).toEqual(types);
  });
});

describe('unsupportedCacheExports: what the builder cannot write', () => {
  const cacheTo = ['type=registry,ref=r/a:c,ignore-error=true', 'type=inline', 'type=gha,ignore-error=true'];
  test.each<[string, string | undefined, boolean | undefined, string[]]>([
    ['docker driver, classic image store: all but inline', 'docker', false, [cacheTo[0], cacheTo[2]]],
    ['docker driver, containerd image store: none', 'docker', true, []],
    ['docker driver, store unknown: none (buildx will say)', 'docker', undefined, []],
    ['docker-container driver: none', 'docker-container', undefined, []],
    ['driver unknown: none', undefined, false, []],
  ])('%s', (_name, driver, store, dropped) => {
    expect(unsupportedCacheExports(cacheTo, driver, store)).toEqual(dropped);
  });
});

describe('the cache input', () => {
  const read = (inputs: Record<string, string>) =>
    readInputs((name) => inputs[name] ?? '', `${import.meta.dirname}/../../examples/two-stage`);

  test.each([
    ['', 'none'],
    ['none', 'none'],
    ['registry', 'registry'],
    ['gha', 'gha'],
  ])('%j reads as %s', (value, mode) => {
    expect(read({ cache: value, images: 'ghcr.io/acme/app' }).cache).toBe(mode);
  });

  test('an unknown value names the input and the choices', () => {
    const error = thrown(() => read({ cache: 's3', images: 'ghcr.io/acme/app' }));
    expect(error.message).toBe('Input "cache": "s3" must be one of registry, gha, none');
  });

  test('registry without an image is an InputError naming cache', () => {
    const error = thrown(() => read({ cache: 'registry' }));
    expect(error.input).toBe('cache');
    expect(error.message).toContain('needs an image');
  });

  test('registry with a full reference in tags and no images is fine', () => {
    expect(read({ cache: 'registry', tags: 'ghcr.io/acme/app:v1' }).cache).toBe('registry');
  });

  test('gha needs no image', () => {
    expect(read({ cache: 'gha' }).cache).toBe('gha');
  });
});
