// The main action's decisions (actions/build-policy.ts) as tables: inputs as a workflow gives
// them (read by inputs/build.ts), the event as the runner gives it.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  asksBuilderFirst,
  credentialsOfBuild,
  layoutExportDependsOnEngine,
  loadNeedsContainerdStore,
  missingPushTag,
  pushCheckRepositories,
  reportSource,
  valueSecrets,
} from '../../src/actions/build-policy.js';
import { readInputs } from '../../src/inputs/build.js';
import { gitContextFrom, type GitContext } from '../../src/plan/context.js';
import { planImage } from '../../src/plan/plan.js';

const workspace = mkdtempSync(join(tmpdir(), 'shipshape-policy-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');

const inputs = (given: Record<string, string>) =>
  readInputs((name) => ({ context: 'app', images: 'ghcr.io/acme/app', ...given })[name] ?? '', workspace);

const env = {
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
};
const EVENTS: Record<string, GitContext> = {
  'push to main': gitContextFrom(
    { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
    { repository: { default_branch: 'main' } },
  ),
  'pull request': gitContextFrom(
    { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
    { pull_request: { number: 7, base: { ref: 'main' }, head: { ref: 'grow', sha: 'b'.repeat(40) } } },
  ),
};

const leg = { 'push-by-digest': 'true', platforms: 'linux/arm64' };

describe('asksBuilderFirst: only a plan that depends on the builder asks buildx before the build', () => {
  test.each<[string, Record<string, string>, boolean]>([
    ['a plain build', {}, false],
    ['a push', { push: 'true' }, false],
    ['a cache import only', { 'cache-from': 'type=gha' }, false],
    ['a named builder', { builder: 'fleet' }, true],
    ['a leg', leg, true],
    ['a cache export', { 'cache-to': 'type=gha,mode=max' }, true],
    ['the cache shorthand', { cache: 'registry' }, true],
  ])('%s: %s', (_what, given, expected) => {
    expect(asksBuilderFirst(inputs(given))).toBe(expected);
  });
});

describe('reportSource: what the size report reads the image from', () => {
  test.each<[string, Record<string, string>, string, string]>([
    ['a push', { push: 'true' }, 'push to main', 'registry'],
    ['a push of a pull request', { push: 'true' }, 'pull request', 'registry'],
    ["a pull request's unpushed image", {}, 'pull request', 'oci-layout'],
    ['a build that neither pushes nor runs for a PR', {}, 'push to main', 'none'],
    ['a leg (the merge step reports)', leg, 'push to main', 'none'],
    ['a leg of a pull request', leg, 'pull request', 'none'],
  ])('%s: %s on a %s -> %s', (_what, given, event, expected) => {
    expect(reportSource(inputs(given), EVENTS[event])).toBe(expected);
  });
});

describe('layoutExportDependsOnEngine: only the default builder (docker driver) may lack the OCI export', () => {
  test.each<[Record<string, string>, Record<string, string>, boolean]>([
    [{}, {}, true],
    [{ builder: 'fleet' }, {}, false],
    [{}, { BUILDX_BUILDER: 'fleet' }, false],
  ])('inputs %j, env %j -> %s', (given, environment, expected) => {
    expect(layoutExportDependsOnEngine(inputs(given), environment)).toBe(expected);
  });
});

describe('missingPushTag: a push that the tag rules give no tag is refused before the build', () => {
  const semverOnly = { push: 'true', tags: 'type=semver,pattern={{version}}' };
  test.each<[string, Record<string, string>, string | undefined]>([
    [
      'a push whose rules give no tag on a branch',
      semverOnly,
      'Input "tags": "type=semver,pattern={{version}}" give no tag for this event (push of refs/heads/main), and push needs one',
    ],
    ['the same without push', { tags: 'type=semver,pattern={{version}}' }, undefined],
    ['a leg (pushed by digest, untagged)', { ...leg, tags: 'type=semver,pattern={{version}}' }, undefined],
    ['a push with the default rules', { push: 'true' }, undefined],
  ])('%s', (_what, given, message) => {
    const read = inputs(given);
    const context = EVENTS['push to main'];
    const plan = planImage({ ...read, userLabels: [], context, now: new Date('2026-01-02T00:00:00Z') });
    expect(missingPushTag(read, plan, context)?.message).toBe(message);
  });
});

describe('loadNeedsContainerdStore', () => {
  test.each<[Record<string, string>, boolean]>([
    [{ load: 'true', platforms: 'linux/amd64,linux/arm64' }, true],
    [{ load: 'true', platforms: 'linux/amd64' }, false],
    [{ load: 'true' }, false],
    [{ platforms: 'linux/amd64,linux/arm64' }, false],
  ])('%j -> %s', (given, expected) => {
    expect(loadNeedsContainerdStore(inputs(given))).toBe(expected);
  });
});

describe('pushCheckRepositories: a push to several repositories checks each before the build', () => {
  const two = 'ghcr.io/acme/app\nlocalhost:5000/acme/app';
  test.each<[string, Record<string, string>, string[]]>([
    ['one repository', { push: 'true' }, []],
    ['two, pushed', { push: 'true', images: two }, ['ghcr.io/acme/app', 'localhost:5000/acme/app']],
    ['two, not pushed', { images: two }, []],
    [
      'a full reference in tags adds one',
      { push: 'true', tags: 'type=ref,event=branch\nquay.io/acme/app:edge' },
      ['ghcr.io/acme/app', 'quay.io/acme/app'],
    ],
    ['a leg to two', { ...leg, images: two }, ['ghcr.io/acme/app', 'localhost:5000/acme/app']],
  ])('%s', (_what, given, expected) => {
    const read = inputs(given);
    const context = EVENTS['push to main'];
    const plan = planImage({ ...read, userLabels: [], context, now: new Date('2026-01-02T00:00:00Z') });
    expect(pushCheckRepositories(read, plan)).toEqual(expected);
  });
});

describe('valueSecrets and credentialsOfBuild: what a build hands to the code it builds', () => {
  const gitContext = 'https://github.com/acme/app.git#main';
  test.each<[string, Record<string, string>, string[], string[]]>([
    ['nothing', {}, [], []],
    ['a push', { push: 'true' }, [], ['push']],
    ['a registry output', { outputs: 'type=registry' }, [], ['push']],
    ['secrets by value', { secrets: 'npm=s3cr3t' }, ['npm'], ['secrets']],
    ['secret envs and files, ssh', { 'secret-envs': 'a=B', ssh: 'default' }, [], ['secret-envs', 'ssh']],
    [
      'the token, with a Git context on this GitHub',
      { 'github-token': 't0ken', context: gitContext },
      ['GIT_AUTH_TOKEN.github.com'],
      ['github-token (Git context)'],
    ],
    [
      'the token, with a Git context elsewhere',
      { 'github-token': 't0ken', context: 'https://gitlab.com/a/b.git' },
      [],
      [],
    ],
    ['the token, with a local context', { 'github-token': 't0ken' }, [], []],
    [
      'an explicit GIT_AUTH_TOKEN wins',
      { 'github-token': 't0ken', context: gitContext, secrets: 'GIT_AUTH_TOKEN.github.com=mine' },
      ['GIT_AUTH_TOKEN.github.com'],
      ['secrets'],
    ],
  ])('%s', (_what, given, secretIds, credentials) => {
    const read = inputs(given);
    const context = EVENTS['pull request'];
    expect(valueSecrets(read, context).map((s) => s.id)).toEqual(secretIds);
    expect(credentialsOfBuild(read, context)).toEqual(credentials);
  });
});
