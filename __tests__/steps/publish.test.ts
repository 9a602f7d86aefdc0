// What the step says about its PR comment: posted or updated, why not, and what was skipped. The
// real publishComment against the GitHub stand-in; the runner's log read from stdout.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentMarker } from '../../src/github/comment.js';
import { publishComment, type CommentTarget } from '../../src/steps/publish.js';
import { WaitBudget } from '../../src/github/wait-budget.js';
import {
  ACTIONS_BOT,
  MALLORY,
  READ_TOKEN,
  WRITE_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.js';
import { parseOutputFile } from '../support/action-runner.js';
import { createCoreIo } from '../../src/io/core.js';

// The first test loads the GitHub client (Octokit) on first use: seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

// The real adapter: what the step says reaches stdout and GITHUB_OUTPUT as on a runner.
const io = createCoreIo();

let github: GitHubStandIn;
let log: string[];
let savedEnv: NodeJS.ProcessEnv;

beforeEach(async () => {
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }] });
  savedEnv = { ...process.env };
  process.env.GITHUB_API_URL = github.url;
  process.env.GITHUB_OUTPUT = join(mkdtempSync(join(tmpdir(), 'shipshape-publish-')), 'output');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  log = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});
afterEach(async () => {
  jest.restoreAllMocks();
  for (const name of ['GITHUB_API_URL', 'GITHUB_OUTPUT']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  expect(github.violations).toEqual([]);
  await github.close();
});

const target = (over: Partial<CommentTarget> = {}): CommentTarget => ({
  token: WRITE_TOKEN,
  repository: 'acme/shop',
  issueNumber: 7,
  eventName: 'pull_request',
  key: 'app',
  mode: 'auto',
  minChange: 1000,
  ...over,
});
const ours = (text: string) => `${text}\n\n${commentMarker('app')}\n`;
const warnings = () =>
  log.filter((l) => l.startsWith('::warning::')).map((l) => l.slice('::warning::'.length));
const infos = () => log.filter((l) => l.startsWith('Size report:'));

describe('no pull request', () => {
  test('comment: always on a push says why nothing was posted', async () => {
    await publishComment(
      io,
      target({ mode: 'always', issueNumber: undefined, eventName: 'push' }),
      'r',
      null,
    );
    expect(infos()).toEqual([
      'Size report: no PR comment: comment is "always", but this push event names no pull request to comment on.',
    ]);
    expect(github.requests).toEqual([]);
  });

  test('... and names the input that can name one, where there is one', async () => {
    await publishComment(
      io,
      target({ mode: 'always', issueNumber: undefined, eventName: 'schedule', prNumberInput: 'pr-number' }),
      'r',
      null,
    );
    expect(infos()).toEqual([
      'Size report: no PR comment: comment is "always", but this schedule event names no pull request ' +
        'to comment on (the input pr-number names one).',
    ]);
  });

  test.each(['auto', 'on-change', 'never'] as const)(
    'comment: %s stays quiet outside pull requests, as documented',
    async (mode) => {
      await publishComment(io, target({ mode, issueNumber: undefined, eventName: 'push' }), 'r', 5);
      expect(log).toEqual([]);
    },
  );
});

describe('what was skipped', () => {
  test("a fork's read-only token: not posted, and the fork help said once", async () => {
    await publishComment(io, target({ token: READ_TOKEN }), 'r', null);
    expect(warnings()).toEqual([
      'Size report: the PR comment was not posted. The token may not comment on acme/shop#7: GitHub answered ' +
        '403 Resource not accessible by integration. A pull request from a fork gets a read-only GITHUB_TOKEN: ' +
        'the report is in the job summary and the size-report output; to post it, save that as an artifact ' +
        'and comment from a workflow_run workflow with shipshape/report (inputs size-report-file and ' +
        'pr-number), see docs/forks.md. Elsewhere the workflow needs `permissions: pull-requests: write`.',
    ]);
    expect(warnings()[0].match(/A pull request from a fork gets/g)).toHaveLength(1);
  });

  test('a persistent secondary rate limit on the update: one wait within the budget, then "not updated"', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => ({
      body: ours('old'),
      user: ACTIONS_BOT,
    }));
    github.secondaryRateLimit(10, { retryAfter: 1, method: 'PATCH' });
    const started = Date.now();
    await publishComment(io, target({ waitBudget: new WaitBudget(1500) }), 'new', null);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(log).toContain(
      `GitHub secondary rate limit on PATCH /repos/acme/shop/issues/comments/${seeded.id}: retrying in 1 s (retry 1 of 3)`,
    );
    expect(warnings()).toEqual([
      'Size report: the PR comment was not updated: it shows the figures of an earlier run. ' +
        `Could not update comment ${seeded.id} on acme/shop#7: GitHub secondary rate limit on PATCH ` +
        `/repos/acme/shop/issues/comments/${seeded.id}: a retry in 1 s would take this step's waits on the ` +
        'GitHub API past 1.5 s (1 s waited already).',
    ]);
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual([ours('old')]);
  });
});

describe('what was done', () => {
  test('the URL, the duplicates deleted, and the look-alikes left alone', async () => {
    github.seedComments('acme', 'shop', 7, 3, (i) =>
      i === 0 ? { body: ours('fake'), user: MALLORY } : { body: ours(`old ${i}`), user: ACTIONS_BOT },
    );
    const [, kept] = github.comments('acme', 'shop', 7);
    await publishComment(io, target(), 'new', null);
    expect(infos()).toEqual([
      `Size report: PR comment updated: ${kept.html_url} (1 duplicate of it deleted)`,
      "Size report: 1 comment by other accounts ends with this report's marker: not ours, left alone.",
    ]);
    expect(warnings()).toEqual([]);
    expect(parseOutputFile(readFileSync(process.env.GITHUB_OUTPUT!, 'utf8'))).toEqual({
      'comment-url': kept.html_url,
    });
  });
});
