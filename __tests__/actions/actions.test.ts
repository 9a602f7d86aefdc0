// The three actions run with the fake Io, on paths that end before any docker, registry or
// GitHub call: one entry form, one failure line (failureMessage), secrets masked first.
import { GRADE_THRESHOLDS } from '../../src/render/icons.js';
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as build } from '../../src/actions/build.js';
import { checksPrNumber, credentialsFor, run as report } from '../../src/actions/report.js';
import { run as merge } from '../../src/actions/merge.js';
import { FakeIo } from '../../src/io/fake.js';
import type { ReportInputs } from '../../src/inputs/report.js';
import { gitContextFrom } from '../../src/plan/context.js';

const workspace = mkdtempSync(join(tmpdir(), 'shipshape-actions-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');

const pushToMain = {
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_WORKSPACE: workspace,
};

const io = (inputs: Record<string, string>, env: Record<string, string> = pushToMain) =>
  new FakeIo({ inputs, env, cwd: workspace });

describe('the main action fails with one line naming the input, before anything runs', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'an unknown platform',
      { context: 'app', platforms: 'linux/sparc' },
      'Input "platforms": "linux/sparc" has an unknown architecture "sparc"',
    ],
    [
      'a push the tag rules give no tag',
      { context: 'app', images: 'ghcr.io/acme/app', push: 'true', tags: 'type=semver,pattern={{version}}' },
      'Input "tags": "type=semver,pattern={{version}}" give no tag for this event (push of refs/heads/main), and push needs one',
    ],
    ['a context that is not there', { context: 'nowhere' }, 'Input "context": "nowhere" is not a directory'],
    [
      'a tag separator that occurs in the tags',
      { context: 'app', images: 'ghcr.io/acme/app', 'sep-tags': ':' },
      'Input "sep-tags": ":" occurs in "ghcr.io/acme/app:main", so the tags output could not be split back',
    ],
    [
      'a label separator that occurs in the labels',
      { context: 'app', images: 'ghcr.io/acme/app', 'sep-labels': '=' },
      'Input "sep-labels": "=" occurs in "org.opencontainers.image.created=2026-01-02T03:04:05.000Z"',
    ],
    [
      'call: check with push',
      { context: 'app', images: 'ghcr.io/acme/app', call: 'check', push: 'true' },
      'Input "push": "true" cannot be set with call: check, which runs the build checks and builds nothing',
    ],
    [
      'an unknown call',
      { context: 'app', call: 'outline' },
      'Input "call": "outline" must be one of build, check',
    ],
  ])('%s', async (_what, inputs, message) => {
    const fake = io(inputs);
    await build(fake);
    expect(fake.failure).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(fake.lines('error')).toEqual([fake.failure]);
    expect(fake.outputs.size).toBe(0);
  });

  test('secrets are masked before anything else, and the failure shows none of them', async () => {
    const fake = io(
      { context: 'app', 'github-token': 'ghs_t0ken', secrets: 'npm=s3cr3t\nother=hunter2', platforms: 'bad' },
      { ...pushToMain, ACTIONS_RUNTIME_TOKEN: 'runtime-t0ken' },
    );
    await build(fake);
    expect(fake.masked).toEqual(['ghs_t0ken', 's3cr3t', 'hunter2', 'runtime-t0ken']);
    expect(fake.failure).toBe('Input "platforms": "bad" is not OS/ARCH[/VARIANT], e.g. linux/amd64');
  });

  test('an event payload that cannot be read fails the step with its message, no type name', async () => {
    const fake = io(
      { context: 'app' },
      { ...pushToMain, GITHUB_EVENT_PATH: join(workspace, 'missing.json') },
    );
    await build(fake);
    expect(fake.failure).toMatch(/^Cannot read the event payload .*missing\.json: ENOENT/);
  });
});

describe('the report action', () => {
  test('a saved report outside a pull request needs pr-number', async () => {
    const saved = {
      version: 1,
      image: { ref: 'ghcr.io/acme/app:pr-7', digest: `sha256:${'a'.repeat(64)}` },
      baseline: null,
      platforms: [],
      removedPlatforms: [],
    };
    const fake = io({ 'size-report': JSON.stringify(saved), 'github-token': 'ghs_t0ken' });
    await report(fake);
    expect(fake.failure).toBe(
      'Input "pr-number": "" is needed to post a saved report outside a pull_request event',
    );
    expect(fake.masked).toEqual(['ghs_t0ken']);
  });

  test('an image is required when there is no saved report', async () => {
    const fake = io({});
    await report(fake);
    expect(fake.failure).toBe('Input "image": "" is required: the reference of the image to measure');
  });

  const inputs = (given: Partial<ReportInputs>): ReportInputs => ({
    githubToken: 'ghs_t0ken',
    username: '',
    password: '',
    insecureRegistries: [],
    comment: 'auto',
    minChange: 1000,
    changeThresholds: GRADE_THRESHOLDS,
    commentKey: '',
    history: { mode: 'true', tag: 'shipshape-history', limit: 200 },
    ...given,
  });
  const workflowRun = gitContextFrom({ GITHUB_EVENT_NAME: 'workflow_run' }, {});
  const pullRequest = gitContextFrom({ GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { number: 7 } });

  test.each<[string, Partial<ReportInputs>, typeof workflowRun, number | undefined, boolean]>([
    ['workflow_run with a number and a token', {}, workflowRun, 7, true],
    ['no number', {}, workflowRun, undefined, false],
    ['comment: never', { comment: 'never' }, workflowRun, 7, false],
    ['no token', { githubToken: '' }, workflowRun, 7, false],
    ['a pull_request event (the number is the event’s own)', {}, pullRequest, 7, false],
  ])('checksPrNumber: %s -> %s', (_what, given, context, prNumber, expected) => {
    expect(checksPrNumber(inputs(given), context, prNumber)).toBe(expected);
  });

  test.each<[string, string, string, string, object]>([
    ['none given', 'ghcr.io/acme/app:1', '', '', {}],
    [
      "the image's registry",
      'localhost:5000/acme/app:1',
      'ci',
      'pw',
      { credentials: { registry: 'localhost:5000', username: 'ci', password: 'pw' } },
    ],
    [
      'Docker Hub by its short name',
      'acme/app',
      'ci',
      'pw',
      { credentials: { registry: 'docker.io', username: 'ci', password: 'pw' } },
    ],
    [
      'an OCI layout has no registry',
      'oci-layout://image.tar',
      'ci',
      'pw',
      { warning: expect.stringMatching(/not used/) },
    ],
  ])('credentialsFor: %s', (_what, image, username, password, expected) => {
    expect(credentialsFor(image, { username, password })).toEqual(expected);
  });
});

describe('the merge action', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'no digests',
      { images: 'ghcr.io/acme/app' },
      'Input "digests": "" is required (or "digests-dir"): the digests the legs pushed',
    ],
    [
      'no images',
      { digests: `sha256:${'a'.repeat(64)}` },
      'Input "images": "" is required: the image names to push the merged index to (or full references in "tags")',
    ],
    [
      'a digest that is not one',
      { images: 'ghcr.io/acme/app', digests: 'sha256:abc' },
      'Input "digests": "sha256:abc" is not a digest',
    ],
  ])('%s', async (_what, inputs, message) => {
    const fake = io(inputs);
    await merge(fake);
    expect(fake.failure?.startsWith(message)).toBe(true);
  });
});
