/**
 * The report action's PR comment when the GitHub API misbehaves: the stand-in's own faults
 * (5xx, secondary rate limits) and a fault proxy between the action and the stand-in (resets,
 * truncated and slow answers). Each case ends recovered (the comment posted, no warning) or
 * warned (the step passes with a warning that says what was skipped, the report in the summary);
 * a clean run afterwards leaves exactly one comment with the right figures. Never two comments,
 * never wrong numbers, never a wait past the step's budget. Two runs at once with a lagging
 * comment list end with one comment too. Every case is recorded in the SHIPSHAPE_TALLY file
 * (support/tally.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { pushFaultImages, runReport, SHORT_TIMEOUT_MS, warningsOf, errorsOf } from '../support/fault-lab.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';
import { freshRepo, LAB } from '../support/registry.js';
import { untimed } from '../support/comment-body.js';
import { tallied } from '../support/tally.js';

let repository: string;
let github: GitHubStandIn;
let proxy: FaultProxy;
let referenceBody: string;
let nextPr = 1;

const run = (prNumber: number, env: Record<string, string> = {}): Promise<ActionRun> =>
  runReport({
    repository,
    github: { url: proxy.url, token: WRITE_TOKEN, prNumber },
    inputs: { 'analyze-layers': 'false' },
    env,
  });
const ours = (prNumber: number) =>
  github.comments('acme', 'app', prNumber).filter((c) => c.user.login === 'github-actions[bot]');

beforeAll(async () => {
  repository = freshRepo(LAB, 'faults-gh');
  await pushFaultImages([LAB], repository.slice(`${LAB}/`.length));
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'app', pullRequests: Array.from({ length: 40 }, (_, i) => i + 1) }],
  });
  proxy = await startFaultProxy({ upstream: github.url });
  const clean = await run(nextPr++);
  expect(clean.exitCode).toBe(0);
  referenceBody = untimed(clean.outputs['comment-body']);
  expect(referenceBody).toMatch(/shipshape/);
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await github?.close();
});

interface Case {
  name: string;
  /** A clean run first, so that the fault hits the update of an existing comment. */
  existing?: boolean;
  /** Chatter seeded before ours, so that the comment list is a long body. */
  chatter?: number;
  inject: () => void;
  outcome: 'recovered' | 'warned';
  /** Before the follow-up run: lets a request the action gave up on land. */
  settle?: (prNumber: number) => Promise<void>;
  /** The faulted run's environment (a smaller wait budget). */
  env?: Record<string, string>;
  /** What the warning must say (what was skipped, and why). */
  warning?: RegExp;
  /** The faulted run must end within this many seconds. */
  withinSeconds?: number;
}

/** A fault on the next request of `method` to `path` only, through the proxy. */
const once = (method: 'GET' | 'POST', path: RegExp, fault: Parameters<FaultProxy['add']>[0]['fault']) => () =>
  proxy.add({ method, path, times: 1, fault });
/** The comment list (and its pages), and the create (a POST to the list itself). */
const LIST = /\/comments/;
const CREATE = /\/comments$/;

const waitFor = async (condition: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !condition() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 100));
};

const cases: Case[] = [
  {
    name: 'a 502 burst on the comment list',
    inject: () => github.serverError(2, { status: 502, method: 'GET' }),
    outcome: 'recovered',
  },
  {
    name: 'a 500 on the comment update',
    existing: true,
    inject: () => github.serverError(1, { status: 500, method: 'PATCH' }),
    outcome: 'recovered',
  },
  {
    // A POST that failed may have created the comment: never sent twice.
    name: 'a 503 on the comment create',
    inject: () => github.serverError(1, { status: 503, method: 'POST' }),
    outcome: 'warned',
  },
  {
    name: 'a 403 secondary rate limit with retry-after on the create',
    inject: () => github.secondaryRateLimit(1, { retryAfter: 1, method: 'POST' }),
    outcome: 'recovered',
  },
  {
    name: 'a 429 with retry-after on the comment list',
    inject: () => github.secondaryRateLimit(1, { status: 429, retryAfter: 1, method: 'GET' }),
    outcome: 'recovered',
  },
  {
    name: 'a secondary rate limit asking for 120 s (longer than we wait) on the update',
    existing: true,
    inject: () => github.secondaryRateLimit(1, { retryAfter: 120, method: 'PATCH' }),
    outcome: 'warned',
  },
  {
    name: 'a connection reset before the answer on the comment list',
    inject: once('GET', LIST, { type: 'reset' }),
    outcome: 'recovered',
  },
  {
    name: 'a connection reset after the comment was created',
    inject: once('POST', CREATE, { type: 'reset-mid-body', afterBytes: 10 }),
    outcome: 'warned',
  },
  {
    name: 'a connection reset in the middle of a long comment list',
    existing: true,
    chatter: 60,
    inject: once('GET', LIST, { type: 'reset-mid-body', afterBytes: 4000 }),
    outcome: 'recovered',
  },
  {
    name: 'a truncated comment list (ends cleanly, short)',
    existing: true,
    chatter: 60,
    inject: once('GET', LIST, { type: 'truncate', afterBytes: 4000 }),
    outcome: 'recovered',
  },
  {
    name: 'a comment list slower than the timeout, once',
    inject: once('GET', LIST, { type: 'delay', ms: SHORT_TIMEOUT_MS * 2 }),
    outcome: 'recovered',
  },
  {
    name: 'a create slower than the timeout (the comment lands after we gave up)',
    inject: once('POST', CREATE, { type: 'delay', ms: SHORT_TIMEOUT_MS * 2 }),
    outcome: 'warned',
    settle: (pr) => waitFor(() => ours(pr).length > 0),
  },
  {
    // Waiting GitHub's minute out would pass the budget: no wait at all, and the warning says so.
    name: 'a persistent secondary rate limit without retry-after on the update (budget 2.5 s)',
    existing: true,
    env: { SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: '2500' },
    inject: () => github.secondaryRateLimit(100, { retryAfter: null, method: 'PATCH' }),
    outcome: 'warned',
    warning:
      /^Size report: the PR comment was not updated: it shows the figures of an earlier run\. .*a retry in 60 s would take this step's waits on the GitHub API past 2\.5 s \(0 s waited already\)\.$/,
    withinSeconds: 15,
    settle: async () => github.clearFaults(),
  },
  {
    name: 'a persistent secondary rate limit with retry-after 1 s on the create (budget 2.5 s)',
    env: { SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: '2500' },
    inject: () => github.secondaryRateLimit(100, { retryAfter: 1, method: 'POST' }),
    outcome: 'warned',
    warning:
      /^Size report: the PR comment was not posted\. .*a retry in 1 s would take this step's waits on the GitHub API past 2\.5 s \(2 s waited already\)\.$/,
    withinSeconds: 15,
    settle: async () => github.clearFaults(),
  },
  {
    name: 'a 500 on every request',
    inject: () =>
      proxy.add({ path: /./, fault: { type: 'status', status: 500, body: '{"message":"Server Error"}' } }),
    outcome: 'warned',
  },
];

describe('GitHub API faults on the PR comment', () => {
  test.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (name, c) =>
      tallied('fault', `github: ${name}`, async () => {
        const pr = nextPr++;
        proxy.clear();
        if (c.chatter) github.seedComments('acme', 'app', pr, c.chatter, (i) => `chatter ${i} `.repeat(20));
        if (c.existing) expect((await run(pr)).exitCode).toBe(0);
        c.inject();
        const started = Date.now();
        const faulted = await run(pr, c.env);
        const seconds = (Date.now() - started) / 1000;
        proxy.clear();
        // The registry side is untouched: the step passes and the report is complete either way.
        expect(errorsOf(faulted)).toEqual([]);
        expect(faulted.exitCode).toBe(0);
        expect(untimed(faulted.summary)).toBe(referenceBody);
        const warnings = warningsOf(faulted).filter((w) => w.startsWith('Size report: the PR comment was'));
        if (c.outcome === 'recovered') {
          expect(warnings).toEqual([]);
          expect(faulted.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
        } else {
          expect(warnings).toHaveLength(1);
          expect(warnings[0]).toContain(`acme/app#${pr}`);
          if (c.warning) expect(warnings[0]).toMatch(c.warning);
        }
        if (c.withinSeconds) expect(seconds).toBeLessThan(c.withinSeconds);
        expect(ours(pr).length).toBeLessThanOrEqual(1);
        await c.settle?.(pr);
        const after = await run(pr);
        expect(warningsOf(after)).toEqual([]);
        expect(ours(pr)).toHaveLength(1);
        expect(untimed(ours(pr)[0].body)).toBe(referenceBody);
      })(),
    90_000,
  );
});

test(
  'two runs at once with a lagging comment list: both post, then they settle on one comment',
  tallied('fault', 'github: two runs at once, the comment list answered 3 s late', async () => {
    const pr = nextPr++;
    // A list answered 3 s late: long enough that the two runs' first looks overlap for certain,
    // within a GitHub timeout raised for the occasion.
    github.listDelayMs = 3000;
    const env = { SHIPSHAPE_GITHUB_TIMEOUT_MS: '10000' };
    let runs: ActionRun[];
    try {
      runs = await Promise.all([run(pr, env), run(pr, env)]);
    } finally {
      github.listDelayMs = 0;
    }
    for (const r of runs) {
      expect(errorsOf(r)).toEqual([]);
      expect(warningsOf(r)).toEqual([]);
      expect(r.exitCode).toBe(0);
    }
    const comments = `/repos/acme/app/issues/${pr}/comments`;
    const posts = github.requests.filter((r) => r.method === 'POST' && r.path === comments);
    expect(posts.map((r) => r.status)).toEqual([201, 201]); // the race happened
    expect(ours(pr)).toHaveLength(1);
    const [kept] = ours(pr);
    expect(kept.id).toBe(Math.min(...posts.map((r) => (r.responseBody as { id: number }).id)));
    expect(untimed(kept.body)).toBe(referenceBody);
    expect(runs.map((r) => r.outputs['comment-url'])).toEqual([kept.html_url, kept.html_url]);
  }),
  90_000,
);
