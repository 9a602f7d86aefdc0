/**
 * The size advisor end to end: the bundled main action run as the runner runs it on
 * pull_request events, building for real on the lab a Dockerfile in a subfolder of the
 * workspace whose findings are known by construction (files of exact sizes written by dd and
 * by this test), then the annotations in the log, the advice in the size-report output, and
 * the "Ways to shrink this image" section in the PR comment and the job summary.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PR_HEAD_SHA, pullRequestEvent, runAction, type ActionRun } from '../support/action-runner.js';
import { freshRepo, LAB } from '../support/registry.js';
import { READ_TOKEN, startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import type { SizeReport } from '../../src/report/size-report.js';

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
let workspace: string;
let image: string;

const DOCKERFILE = 'app/docker/Dockerfile';
// Line numbers below are those of this text (1-based).
const DOCKERFILE_TEXT = [
  'FROM localhost:5000/lab/busybox:latest', // 1
  '# an apk index left behind: 3,000,000 bytes', // 2
  'RUN mkdir -p /var/cache/apk && \\', // 3
  '    dd if=/dev/urandom of=/var/cache/apk/APKINDEX.tar.gz bs=1000 count=3000 2>/dev/null', // 4
  'COPY big.bin /data/big.bin', // 5: 2,000,000 bytes, deleted by line 6
  'RUN rm /data/big.bin && echo done > /data/done', // 6
  'RUN mkdir -p /root/.cache/pip && dd if=/dev/urandom of=/root/.cache/pip/wheel bs=1000 count=500 2>/dev/null', // 7: 500,000
  '# shipshape-ignore package-cache', // 8
  'RUN mkdir -p /var/cache/apk && dd if=/dev/urandom of=/var/cache/apk/kept bs=1000 count=1200 2>/dev/null', // 9: 1,200,000, silenced
  '',
].join('\n');

const pullRequest = (number: number, fork = false) => pullRequestEvent(number, github.url, fork);

/** The action in the workspace, as a workflow names a Dockerfile in a subfolder. */
const runPr = (number: number, extra: Record<string, string> = {}, fork = false) =>
  runAction({
    cwd: workspace,
    inputs: {
      context: 'app',
      file: DOCKERFILE,
      network: 'none',
      images: image,
      push: fork ? 'false' : 'true',
      'github-token': fork ? READ_TOKEN : WRITE_TOKEN,
      ...extra,
    },
    ...pullRequest(number, fork),
  });

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;
const adviceOf = (run: ActionRun) =>
  reportOf(run).advice?.map((a) => [a.rule, a.file, a.line, a.endLine, a.bytes]);
const adviceAnnotations = (run: ActionRun) =>
  run.stdout.split('\n').filter((line) => /^::warning title=[^,:]*,file=app\/docker\/Dockerfile,/.test(line));
const ours = (issue: number) =>
  github.comments('acme', 'shop', issue).filter((c) => c.body.includes('<!-- shipshape:'));

// What the Dockerfile costs, counted when it was written: dd's block counts and big.bin's size.
const PACKAGE_CACHE = ['package-cache', DOCKERFILE, 3, 4, 3_000_000];
const HIDDEN_BYTES = ['hidden-bytes', DOCKERFILE, 5, 5, 2_000_000];
const PIP_CACHE = ['package-cache', DOCKERFILE, 7, 7, 500_000];

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [
      {
        owner: 'acme',
        name: 'shop',
        pullRequests: [21, 22, 23, 24, 25],
        // PR 22 is a fork's: the workflow_run that posts its saved report is checked against it
        pullHeads: { 22: { sha: PR_HEAD_SHA, repository: 'someone/shop' } },
      },
    ],
  });
  image = freshRepo(LAB, 'integrate-advise');
  workspace = mkdtempSync(join(tmpdir(), 'integrate-advise-'));
  mkdirSync(join(workspace, 'app/docker'), { recursive: true });
  writeFileSync(join(workspace, DOCKERFILE), DOCKERFILE_TEXT);
  writeFileSync(join(workspace, 'app/big.bin'), randomBytes(2_000_000));
}, 60_000);

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('size advice on a pull request', () => {
  test('pushed: annotations on the subfolder Dockerfile, advice in the JSON, the section in comment and summary', async () => {
    const run = await runPr(21);
    expect(run.exitCode).toBe(0);
    // largest first; the 500 kB pip cache is under 1 MB; line 9 is silenced by line 8
    expect(adviceOf(run)).toEqual([PACKAGE_CACHE, HIDDEN_BYTES]);
    const advice = reportOf(run).advice!;
    expect(advice.every((a) => a.platforms.length === 1 && a.message && a.fix)).toBe(true);
    expect(advice[1].message).toMatch(/line 6/);

    const annotations = adviceAnnotations(run);
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(
      /^::warning title=Package cache left in the image%3A saves 3\.00 MB,file=app\/docker\/Dockerfile,line=3,endLine=4::.+%0AFix: .+%0ASilence with `# shipshape-ignore package-cache` above the instruction$/,
    );
    expect(annotations[0]).toContain('/var/cache/apk');
    // hidden-bytes asks a question (no edit): no Saves figure, nothing in the total
    expect(annotations[1]).toMatch(
      /^::warning title=Bytes hidden by a later layer,file=app\/docker\/Dockerfile,line=5,endLine=5::.+%0ASilence with `# shipshape-ignore hidden-bytes` above the instruction$/,
    );
    expect(run.stdout).toContain('Size advice: 2 way(s) to shrink the image, up to 3.00 MB.');

    const [comment] = ours(21);
    expect(comment.body).toBe(run.outputs['comment-body']);
    for (const markdown of [comment.body, run.summary]) {
      expect(markdown).toContain(
        '#### 💡 Ways to shrink this image: up to <span title="3,000,000 bytes">3.00 MB</span>\n\n' +
          '2 findings in `app/docker/Dockerfile`, largest savings first',
      );
      expect(markdown).toMatch(
        // the line links to the Dockerfile at the PR's head commit
        /\| <span title="3,000,000 bytes">3\.00&nbsp;MB<\/span> \| \[3–4\]\(https:\/\/github\.com\/acme\/shop\/blob\/c{40}\/app\/docker\/Dockerfile#L3\) \| `package-cache` /,
      );
      expect(markdown).toMatch(
        /\| – \| \[5\]\(https:\/\/github\.com\/acme\/shop\/blob\/c{40}\/app\/docker\/Dockerfile#L5\) \| `hidden-bytes` .+<br><sub>Silence with `# shipshape-ignore hidden-bytes` above the instruction<\/sub> \|$/m,
      );
    }
  }, 240_000);

  test('a fork (no push): the same advice from the OCI layout; advice-min-bytes filters it', async () => {
    const run = await runPr(22, { 'advice-min-bytes': '2.5MB' }, true);
    expect(run.exitCode).toBe(0);
    expect(reportOf(run).image.digest).toMatch(/^sha256:/);
    expect(adviceOf(run)).toEqual([PACKAGE_CACHE]);
    expect(adviceAnnotations(run)).toHaveLength(1);
    expect(run.summary).toContain('1 finding in `app/docker/Dockerfile`');

    // the privileged workflow_run posts the saved report: the advice is checked and rendered the same
    const file = join(workspace, 'size-report.json');
    writeFileSync(file, run.outputs['size-report']);
    const post = await runAction({
      script: 'dist/report/index.js',
      inputs: { 'size-report-file': file, 'pr-number': '22', 'github-token': WRITE_TOKEN },
      cwd: workspace,
      env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url },
      payload: {
        workflow_run: {
          event: 'pull_request',
          head_sha: PR_HEAD_SHA,
          head_repository: { full_name: 'someone/shop' },
          pull_requests: [],
        },
        repository: { full_name: 'acme/shop', default_branch: 'main' },
      },
    });
    expect(post.exitCode).toBe(0);
    expect(ours(22).map((c) => c.body)).toEqual([run.outputs['comment-body']]);
    expect(post.stdout).not.toMatch(/^::warning .*\bfile=/m);
  }, 240_000);

  test('a lower threshold shows the small finding; the silenced line stays silent', async () => {
    const run = await runPr(23, { 'advice-min-bytes': '100kB' });
    expect(run.exitCode).toBe(0);
    expect(adviceOf(run)).toEqual([PACKAGE_CACHE, HIDDEN_BYTES, PIP_CACHE]);
    expect(adviceAnnotations(run).map((a) => /line=(\d+)/.exec(a)?.[1])).toEqual(['3', '5', '7']);
  }, 240_000);

  test('the report action advises on an image built elsewhere when given its Dockerfile', async () => {
    const pushed = await runPr(23, { comment: 'never' });
    const ref = `${image}@${reportOf(pushed).image.digest}`;
    const report = (inputs: Record<string, string>) =>
      runAction({
        script: 'dist/report/index.js',
        cwd: workspace,
        inputs: { image: ref, comment: 'never', ...inputs },
        env: { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'acme/shop' },
      });
    const withFile = await report({ file: DOCKERFILE });
    expect(withFile.exitCode).toBe(0);
    expect(adviceOf(withFile)).toEqual([PACKAGE_CACHE, HIDDEN_BYTES]);
    expect(adviceAnnotations(withFile)).toHaveLength(2);
    expect(withFile.summary).toContain('Ways to shrink this image');

    const withoutFile = await report({});
    expect(withoutFile.exitCode).toBe(0);
    expect(reportOf(withoutFile).advice).toBeUndefined();
    expect(withoutFile.stdout).toContain('Size advice: none, since "file"');
  }, 240_000);

  test('advise: false: no advice anywhere', async () => {
    const run = await runPr(24, { advise: 'false' });
    expect(run.exitCode).toBe(0);
    expect(reportOf(run).advice).toBeUndefined();
    expect(adviceAnnotations(run)).toEqual([]);
    expect(run.stdout).not.toContain('Size advice');
    expect(ours(24)[0].body).not.toContain('Ways to shrink');
    expect(run.summary).not.toContain('Ways to shrink');
  }, 240_000);

  test('analyze-layers: false: no advice, and the log says why', async () => {
    const run = await runPr(25, { 'analyze-layers': 'false' });
    expect(run.exitCode).toBe(0);
    expect(reportOf(run).advice).toBeUndefined();
    expect(adviceAnnotations(run)).toEqual([]);
    expect(run.stdout).toContain('Size advice: none, since analyze-layers is false');
    expect(run.summary).not.toContain('Ways to shrink');
  }, 240_000);
});
