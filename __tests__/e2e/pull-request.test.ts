/**
 * The PR story end to end: dist/index.js run as the runner runs it on pull_request events,
 * real builds and pushes to the lab, the baseline `:main` read from the registry, and the
 * sticky comment posted to a GitHub API stand-in (every exchange checked against GitHub's
 * OpenAPI description).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PR_HEAD_SHA, pullRequestEvent, runAction, type ActionRun } from '../support/action-runner.js';
import { countImage } from '../support/independent.js';
import { freshRepo, LAB } from '../support/registry.js';
import { untimed } from '../support/comment-body.js';
import {
  ACTIONS_BOT,
  MALLORY,
  READ_TOKEN,
  startGitHubStandIn,
  WRITE_TOKEN,
} from '../support/github-stand-in.js';
import type { SizeReport } from '../../src/report/size-report.js';

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
let image: string;

const repo = { full_name: 'acme/shop', default_branch: 'main' };
const FORK_HEAD = PR_HEAD_SHA;
const pushMain = {
  env: {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    GITHUB_REPOSITORY: 'acme/shop',
  },
  payload: { ref: 'refs/heads/main', repository: repo },
};
const pullRequest = (number: number, fork = false) => pullRequestEvent(number, github.url, fork);

const prInputs = (extra: Record<string, string> = {}) => ({
  context: 'examples/wasteful',
  network: 'none',
  images: image,
  push: 'true',
  'github-token': WRITE_TOKEN,
  ...extra,
});

const ours = (issue: number) =>
  github.comments('acme', 'shop', issue).filter((c) => c.body.includes('<!-- shipshape:'));
const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;

beforeAll(async () => {
  github = await startGitHubStandIn({
    // PR 11 is the fork's; the others' heads are other commits (the stand-in derives them)
    repositories: [
      {
        owner: 'acme',
        name: 'shop',
        pullRequests: [7, 8, 9, 10, 12, 13],
        pullHeads: { 11: { sha: FORK_HEAD, repository: 'someone/shop' } },
      },
    ],
  });
  image = freshRepo(LAB, 'shop');
  // the baseline: main, built from the two-stage example
  const main = await runAction({
    inputs: { context: 'examples/two-stage', network: 'none', images: image, push: 'true' },
    ...pushMain,
  });
  expect(main.exitCode).toBe(0);
}, 240_000);

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

describe('the sticky PR comment', () => {
  test('created once, then updated in place; its figures equal the JSON and independent counts', async () => {
    const first = await runAction({ inputs: prInputs(), ...pullRequest(7) });
    expect(first.exitCode).toBe(0);
    expect(ours(7)).toHaveLength(1);
    const report = reportOf(first);
    expect(report.baseline?.ref).toBe(`${image}:main`);
    expect(first.outputs['comment-url']).toBe(ours(7)[0].html_url);
    const body = ours(7)[0].body;
    expect(body).toBe(first.outputs['comment-body']);
    expect(first.summary.trim()).toBe(first.outputs['comment-body'].trim());

    const counted = await countImage(image, report.image.digest);
    const [platform] = report.platforms;
    expect(platform.compressed).toBe(counted[0].compressed);
    expect(platform.uncompressed).toBe(counted[0].uncompressed);
    // every figure of the table is in the comment with its exact bytes
    for (const bytes of [
      platform.compressed,
      platform.uncompressed!,
      platform.wasted!,
      platform.delta!.compressed,
    ]) {
      expect(body).toContain(`${Math.abs(bytes).toLocaleString('en-US')} bytes`);
    }

    const second = await runAction({ inputs: prInputs(), ...pullRequest(7) });
    expect(second.exitCode).toBe(0);
    expect(ours(7)).toHaveLength(1);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
  }, 240_000);

  test('the marker on page 2 of 150 comments is found', async () => {
    github.seedComments('acme', 'shop', 8, 150, (i) =>
      i === 120
        ? { body: `old report <!-- shipshape:${image} -->`, user: ACTIONS_BOT }
        : `review chatter ${i}`,
    );
    const run = await runAction({ inputs: prInputs(), ...pullRequest(8) });
    expect(run.exitCode).toBe(0);
    const comments = github.comments('acme', 'shop', 8);
    expect(comments).toHaveLength(150);
    expect(comments[120].body).toContain('Image size');
  }, 240_000);

  test('two comment keys keep two comments', async () => {
    for (const key of ['app', 'worker']) {
      const run = await runAction({ inputs: prInputs({ 'comment-key': key }), ...pullRequest(9) });
      expect(run.exitCode).toBe(0);
    }
    expect(ours(9).map((c) => /<!-- shipshape:(\w+) -->/.exec(c.body)?.[1])).toEqual(['app', 'worker']);
  }, 240_000);

  test("a PR author's comment that ends with our marker is left alone: ours is posted beside it", async () => {
    const [hers] = github.seedComments('acme', 'shop', 12, 1, () => ({
      body: `Size: -90% 🎉\n\n<!-- shipshape:${image} -->`,
      user: MALLORY,
    }));
    for (let i = 0; i < 2; i++) {
      const run = await runAction({ inputs: prInputs(), ...pullRequest(12) });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(
        "Size report: 1 comment by other accounts ends with this report's marker: not ours, left alone.",
      );
    }
    const comments = github.comments('acme', 'shop', 12);
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0]).toEqual(hers); // never edited
    expect(comments[1].body).toContain('Image size');
    const touched = github.requests.filter((r) => r.path.endsWith(`/comments/${hers.id}`));
    expect(touched).toEqual([]);
  }, 240_000);

  test('two runs of one PR at once (a re-run, matrix legs with one key) leave one comment', async () => {
    // a lagging replica (8 s, under the 30 s timeout): both runs find nothing, both post, even
    // when one build ends seconds after the other
    github.listDelayMs = 8000;
    let runs: ActionRun[];
    try {
      // The second starts 2 s later: docker's local image store fails one of two builds of one tag
      // that finish together ("already exists"); the 8 s lag still has both runs find no comment.
      runs = await Promise.all([
        runAction({ inputs: prInputs(), ...pullRequest(13) }),
        new Promise((resolve) => setTimeout(resolve, 2000)).then(() =>
          runAction({ inputs: prInputs(), ...pullRequest(13) }),
        ),
      ]);
    } finally {
      github.listDelayMs = 0;
    }
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    const posts = github.requests.filter(
      (r) => r.method === 'POST' && r.path === '/repos/acme/shop/issues/13/comments',
    );
    expect(posts.map((r) => r.status)).toEqual([201, 201]);
    expect(ours(13)).toHaveLength(1);
    const [kept] = ours(13);
    expect(kept.id).toBe(Math.min(...posts.map((r) => (r.responseBody as { id: number }).id)));
    expect(runs.map((r) => r.outputs['comment-url'])).toEqual([kept.html_url, kept.html_url]);
    expect(untimed(kept.body)).toBe(untimed(runs[0].outputs['comment-body']));

    // the next push updates that comment
    const next = await runAction({ inputs: prInputs(), ...pullRequest(13) });
    expect(next.outputs['comment-url']).toBe(kept.html_url);
    expect(ours(13)).toHaveLength(1);
  }, 240_000);

  test('a budget exceeded fails the step, and the comment says which rule', async () => {
    const run = await runAction({
      inputs: prInputs({ 'size-budget': 'max-increase=100kB' }),
      ...pullRequest(10),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['budget-status']).toBe('fail');
    expect(reportOf(run).budget?.violations.map((v) => v.rule)).toEqual(['max-increase=100kB']);
    expect(ours(10)[0].body).toContain('max-increase=100kB');
  }, 240_000);

  test('a fork PR (read-only token, no push) passes: the report goes to the summary, with a warning', async () => {
    const run = await runAction({
      inputs: prInputs({ push: 'false', 'github-token': READ_TOKEN }),
      ...pullRequest(11, true),
    });
    expect(run.exitCode).toBe(0);
    expect(ours(11)).toHaveLength(0);
    expect(run.summary).toContain('Image size');
    expect(run.stdout).toMatch(/::warning::Size report: the PR comment was not posted\. .*workflow_run/);
    // measured from the OCI layout the build exported, against :main in the registry
    expect(reportOf(run).baseline?.ref).toBe(`${image}:main`);
    expect(reportOf(run).platforms[0].wasted).toBe(300_004);

    // the second, privileged workflow (workflow_run) renders and posts the saved report
    const file = join(mkdtempSync(join(tmpdir(), 'shipshape-report-')), 'size-report.json');
    writeFileSync(file, run.outputs['size-report']);
    // the fork's artifact names the PR: it is checked against the run workflow_run follows
    const workflowRun = {
      env: {
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_API_URL: github.url,
        RUNNER_TEMP: dirname(file), // where download-artifact put the report
      },
      payload: {
        workflow: { name: 'image' },
        workflow_run: {
          event: 'pull_request',
          head_sha: FORK_HEAD,
          head_repository: { full_name: 'someone/shop' },
          pull_requests: [], // GitHub lists none for a fork's PR
        },
        repository: repo,
      },
    };
    const postSaved = (prNumber = '11') =>
      runAction({
        script: 'dist/report/index.js',
        inputs: { 'size-report-file': file, 'pr-number': prNumber, 'github-token': WRITE_TOKEN },
        ...workflowRun,
      });
    const post = await postSaved();
    expect(post.exitCode).toBe(0);
    // The same comment, but for the size trend: a saved report is posted without reading a
    // registry that the fork's artifact names (docs/history.md).
    const withoutTrend = run.outputs['comment-body'].replace(
      /<details><summary>📈[\s\S]*?<\/details>\n\n/,
      '',
    );
    expect(run.outputs['comment-body']).toContain('<details><summary>📈 main has one push on record');
    expect(ours(11).map((c) => c.body)).toEqual([withoutTrend]);
    // run again: the same comment (the key is the image name, as in the main action)
    await postSaved();
    expect(ours(11)).toHaveLength(1);

    // a spoofed number (PR 10, whose head is another commit) or an unknown one: refused, nothing posted
    const writes = () => github.requests.filter((r) => r.method !== 'GET').length;
    const before = { writes: writes(), pr10: github.comments('acme', 'shop', 10) };
    const spoofed = await postSaved('10');
    expect(spoofed.exitCode).toBe(1);
    const pr10Head = github.requests.at(-1)!;
    expect([pr10Head.path, pr10Head.status]).toEqual(['/repos/acme/shop/pulls/10', 200]);
    const otherHead = (pr10Head.responseBody as { head: { sha: string } }).head.sha;
    expect(otherHead).not.toBe(FORK_HEAD);
    expect(spoofed.stdout).toContain(
      `::error::Input "pr-number": "10" does not name the pull request this workflow_run follows: ` +
        `its head is ${otherHead}, the run built ${FORK_HEAD}`,
    );
    const unknown = await postSaved('99');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toContain(
      '::error::Input "pr-number": "99" is not a pull request of acme/shop (GitHub answers 404); nothing was posted',
    );
    // measuring an image for a spoofed number: refused before the registry is asked
    const measured = await runAction({
      script: 'dist/report/index.js',
      inputs: { image: `${image}:main`, 'pr-number': '10', 'github-token': WRITE_TOKEN },
      ...workflowRun,
    });
    expect(measured.exitCode).toBe(1);
    expect(measured.stdout).toContain('::error::Input "pr-number": "10" does not name the pull request');
    expect(measured.outputs['size-report']).toBeUndefined();
    expect(writes()).toBe(before.writes);
    expect(github.comments('acme', 'shop', 10)).toEqual(before.pr10);
    expect(github.comments('acme', 'shop', 99)).toEqual([]);
    expect(ours(11)).toHaveLength(1);
  }, 240_000);
});

test('a saved report that is not one is refused, naming the field; nothing is posted', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'shipshape-report-')), 'size-report.json');
  const forged = {
    version: 1,
    image: { ref: 'x', digest: 'y' },
    baseline: null,
    removedPlatforms: [],
    platforms: [{ platform: 'linux/amd64', compressed: '<img src=x onerror=alert(1)>' }],
  };
  writeFileSync(file, JSON.stringify(forged));
  const before = github.requests.length;
  const run = await runAction({
    script: 'dist/report/index.js',
    inputs: { 'size-report-file': file, 'pr-number': '7', 'github-token': WRITE_TOKEN },
    env: {
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_API_URL: github.url,
      RUNNER_TEMP: dirname(file),
    },
  });
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toContain('report.platforms[0].compressed: expected a number');
  expect(github.requests.length).toBe(before);
}, 60_000);

describe('the baseline outside pull requests', () => {
  test('a push compares with what the tag pointed to before it', async () => {
    const before = await runAction({
      inputs: { context: 'examples/two-stage', network: 'none', images: image, push: 'true' },
      ...pushMain,
    });
    const after = await runAction({
      inputs: {
        context: 'examples/wasteful',
        network: 'none',
        images: image,
        push: 'true',
        comment: 'always',
        'github-token': WRITE_TOKEN,
      },
      ...pushMain,
    });
    expect(after.exitCode).toBe(0);
    // comment: always, on a push: nothing to comment on, and the log says so
    expect(after.stdout).toContain(
      'Size report: no PR comment: comment is "always", but this push event names no pull request to comment on.',
    );
    const report = reportOf(after);
    expect(report.baseline).toEqual({
      ref: `${image}@${before.outputs.digest}`,
      digest: before.outputs.digest,
    });
    expect(report.platforms[0].delta?.wasted).toBe(300_004);
    expect(after.summary).toContain('Image size');
  }, 240_000);

  test('a release compares with the previous release in the registry', async () => {
    const release = (tag: string, context: string) =>
      runAction({
        inputs: { context, network: 'none', images: image, push: 'true' },
        env: { ...pushMain.env, GITHUB_REF: `refs/tags/${tag}` },
        payload: { ref: `refs/tags/${tag}`, repository: repo },
      });
    const first = await release('v1.0.0', 'examples/two-stage');
    expect(reportOf(first).baseline).toBeNull();
    expect(first.stdout).toContain('no release before 1.0.0');
    const second = await release('v1.1.0', 'examples/wasteful');
    expect(reportOf(second).baseline).toEqual({ ref: `${image}:1.0.0`, digest: first.outputs.digest });
  }, 240_000);
});
