/**
 * What the comment says, end to end on the lab (issue 14): dist/index.js built and pushed real
 * images, compared with `:main` read from the registry, the comment posted to the GitHub API
 * stand-in. Each figure is checked against a count made without shipshape's code (GNU tar over
 * the layer blobs fetched by plain HTTP).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PR_HEAD_SHA, pullRequestEvent, runAction, type ActionRun } from '../support/action-runner.js';
import { bytesUnder, getBlob, listTar, mergedFiles } from '../support/independent.js';
import { freshRepo, getManifest, LAB } from '../support/registry.js';
import { startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import type { SizeReport } from '../../src/report/size-report.js';

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
let workspace: string;

const BASE = `FROM ${LAB}/lab/busybox
COPY app.txt /app/app.txt
RUN printf same > /made && mkdir -p /opt/x && printf y > /opt/x/y
`;
// A pip cache left in the image: 300,000 + 120,000 bytes under /root/.cache/pip; /opt/x made
// anew (a whiteout or an opaque directory in the layer hides the base's /opt/x/y).
const WITH_PIP_CACHE = `${BASE}RUN mkdir -p /root/.cache/pip/http/a /root/.cache/pip/wheels && \\
    head -c 300000 /dev/urandom > /root/.cache/pip/http/a/blob && \\
    head -c 120000 /dev/urandom > /root/.cache/pip/wheels/w.whl && printf hi > /app/new.txt && \\
    rm -rf /opt/x && mkdir /opt/x && printf zz > /opt/x/z
`;
const WITH_DATA = `${BASE}RUN head -c 200000 /dev/urandom > /data.bin
`;

const repo = { full_name: 'acme/shop', default_branch: 'main' };
const pushMain = {
  env: {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    GITHUB_REPOSITORY: 'acme/shop',
  },
  payload: { ref: 'refs/heads/main', repository: repo },
};

const inputs = (image: string, file: string, extra: Record<string, string> = {}) => ({
  context: '.',
  file,
  network: 'none',
  images: image,
  push: 'true',
  'github-token': WRITE_TOKEN,
  ...extra,
});
const run = (options: { inputs: Record<string, string>; env: object; payload: unknown }) =>
  runAction({ ...options, env: options.env as Record<string, string>, cwd: workspace });
const reportOf = (r: ActionRun) => JSON.parse(r.outputs['size-report']) as SizeReport;
const ours = (issue: number) =>
  github.comments('acme', 'shop', issue).filter((c) => c.body.includes('<!-- shipshape:'));

/** Bytes of regular files under `prefix` in a layer blob, as GNU tar lists them. */
function tarBytesUnder(blob: Buffer, prefix: string): number {
  const listing = execFileSync('tar', ['-tvzf', '-'], { input: blob, maxBuffer: 1 << 28 }).toString();
  let bytes = 0;
  for (const line of listing.split('\n')) {
    if (!line.startsWith('-')) continue;
    const fields = line.trim().split(/\s+/);
    const path = fields.at(-1)!.replace(/^\.?\//, '');
    if (path.startsWith(prefix)) bytes += Number(fields[2]);
  }
  return bytes;
}

/** The layers of the lab's busybox (linux/amd64), from its manifest read by plain HTTP. */
async function busyboxLayers(): Promise<number> {
  const index = await getManifest(`${LAB}/lab/busybox:latest`);
  const amd64 = index!.body.manifests!.find((m) => m.platform?.architecture === 'amd64')!;
  const manifest = await getManifest(`${LAB}/lab/busybox@${amd64.digest}`);
  return manifest!.body.layers!.length;
}

async function pushMainOf(image: string, file: string, extra: Record<string, string> = {}) {
  const main = await run({ inputs: inputs(image, file, { comment: 'never', ...extra }), ...pushMain });
  expect(main.exitCode).toBe(0);
}

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'shop', pullRequests: [21, 22, 23, 24] }],
  });
  workspace = mkdtempSync(join(tmpdir(), 'integrate-comment-'));
  writeFileSync(join(workspace, 'app.txt'), 'the app\n');
  writeFileSync(join(workspace, 'Dockerfile'), BASE);
  writeFileSync(join(workspace, 'Dockerfile.pip'), WITH_PIP_CACHE);
  writeFileSync(join(workspace, 'Dockerfile.data'), WITH_DATA);
  writeFileSync(
    join(workspace, 'Dockerfile.newbase'),
    `FROM ${LAB}/lab/busybox\nRUN printf two > /base-two\n`,
  );
  writeFileSync(join(workspace, 'Dockerfile.app'), `FROM ${LAB}/lab/busybox\nCOPY app.txt /app/app.txt\n`);
}, 60_000);

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('the comment a reviewer reads', () => {
  test('an unchanged Dockerfile built again from scratch: no size change, and on-change posts nothing', async () => {
    const image = freshRepo(LAB, 'comment-same');
    await pushMainOf(image, 'Dockerfile');
    // BuildKit's layer tars keep file times to the second: a RUN again within the same second can
    // give the same blob (no "rebuilt" layer to check). More than a second apart, it cannot.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const pr = await run({
      inputs: inputs(image, 'Dockerfile', { 'no-cache': 'true', comment: 'on-change' }),
      ...pullRequestEvent(21, github.url),
    });
    expect(pr.exitCode).toBe(0);
    const report = reportOf(pr);
    const [p] = report.platforms;
    // The RUN layer was built again: new file times, so a new blob; the same files.
    expect(p.changes!.rebuilt!.length).toBeGreaterThanOrEqual(1);
    expect(p.changes!.rebuilt![0].digest).not.toBe(p.changes!.rebuilt![0].baselineDigest);
    expect(p.changes!.added).toEqual([]);
    expect(p.changes!.removed).toEqual([]);
    expect(p.sameContent).toBe(true);
    expect(report.pullDelta!.perPull.compressed).toBe(0);
    const body = pr.outputs['comment-body'];
    expect(body.split('\n')[0]).toBe('### ⚪ Image size: no size change');
    expect(body).not.toContain('layer added');
    expect(body).not.toContain('layer removed');
    expect(ours(21)).toHaveLength(0);
  }, 240_000);

  test('a PR that leaves a pip cache: its directory is the top path, with the bytes tar counts', async () => {
    const image = freshRepo(LAB, 'comment-pip');
    await pushMainOf(image, 'Dockerfile');
    const pr = await run({ inputs: inputs(image, 'Dockerfile.pip'), ...pullRequestEvent(22, github.url) });
    expect(pr.exitCode).toBe(0);
    const report = reportOf(pr);
    const [p] = report.platforms;
    // counted without shipshape: the added layers' tar listings, under root/.cache/pip/
    let counted = 0;
    for (const layer of p.changes!.added)
      counted += tarBytesUnder(await getBlob(image, layer.digest), 'root/.cache/pip/');
    expect(counted).toBe(420_000);
    expect(p.paths![0]).toEqual({
      path: '/root/.cache/pip',
      before: 0,
      after: counted,
      delta: counted,
      status: 'new',
    });
    expect(p.paths!.find((c) => c.path === '/app/new.txt')).toMatchObject({ delta: 2, status: 'new' });
    // Both images' merged filesystems, from tar listings of their layers in order (whiteouts and
    // opaque directories applied): every path the report lists has their bytes and marking.
    const before = await mergedFiles(image, report.baseline!.digest);
    const after = await mergedFiles(image, pr.outputs.digest);
    const independent = (path: string) => {
      const b = bytesUnder(before, path.slice(1));
      const a = bytesUnder(after, path.slice(1));
      const status = b === 0 ? 'new' : a === 0 ? 'removed' : a >= b ? 'grown' : 'shrunk';
      return { path, before: b, after: a, delta: a - b, status };
    };
    // The PR's layer hides the base's /opt/x/y: by a whiteout, or an opaque /opt/x.
    const hiding = (
      await Promise.all(p.changes!.added.map(async (l) => listTar(await getBlob(image, l.digest))))
    )
      .flat()
      .map((e) => e.path)
      .filter((path) => path === 'opt/x/.wh.y' || path === 'opt/x/.wh..wh..opq' || path === 'opt/.wh.x');
    expect(hiding).not.toEqual([]);
    expect(bytesUnder(before, 'opt/x')).toBe(1);
    expect(bytesUnder(after, 'opt/x')).toBe(2);
    expect(p.paths!.map((c) => c.path)).toEqual(expect.arrayContaining(['/opt/x/y', '/opt/x/z']));
    for (const change of p.paths!) expect(change).toEqual(independent(change.path));
    // The top path holds all the growth of its top-level directory, the largest of the image's.
    const tops = new Set([...before.keys(), ...after.keys()].map((f) => f.split('/')[0]!));
    const grown = [...tops]
      .map((top) => ({ top, delta: bytesUnder(after, top) - bytesUnder(before, top) }))
      .sort((x, y) => y.delta - x.delta);
    expect(grown[0]).toEqual({ top: 'root', delta: p.paths![0].delta });
    const [comment] = ours(22);
    // The comment's row for it: the bytes the listings give (in the title) and the marking.
    const top = independent('/root/.cache/pip');
    expect(comment.body).toMatch(
      new RegExp(
        `^\\| \`/root/\\.cache/pip\` \\| <span title="\\+${top.delta.toLocaleString('en-US')} bytes">[^<]+</span> \\| ${top.status} \\|$`,
        'm',
      ),
    );
    // the footer links the PR's head commit and the run
    expect(comment.body).toContain(
      `Commit [${PR_HEAD_SHA.slice(0, 7)}](https://github.com/acme/shop/commit/${PR_HEAD_SHA})`,
    );
    expect(comment.body).toContain('[workflow run](https://github.com/acme/shop/actions/runs/4242)');
    // The base image: named by the FROM, its layers (as many as its manifest lists) one row.
    const busybox = await busyboxLayers();
    expect(p.base).toMatchObject({ name: `${LAB}/lab/busybox`, source: 'dockerfile', layers: busybox });
    expect(p.base!.changed).toBe(false);
    const span = busybox === 1 ? '1' : `1–${busybox}`;
    expect(comment.body).toMatch(
      new RegExp(`^\\| ${span} \\| .* \\| base \`${LAB}/lab/busybox\` \\(${busybox} layers?\\) \\|$`, 'm'),
    );
    expect(comment.body).not.toMatch(/ \| – \|$/m);
  }, 240_000);

  test('a PR that moves to another base: one row says the base changed, old (from the history) → new (its annotation)', async () => {
    // The new base: the lab's busybox and one layer more, pushed as an image of its own.
    const newBase = freshRepo(LAB, 'comment-newbase');
    await pushMainOf(newBase, 'Dockerfile.newbase');
    const image = freshRepo(LAB, 'comment-rebase');
    await pushMainOf(image, 'Dockerfile.app');
    writeFileSync(join(workspace, 'Dockerfile.rebased'), `FROM ${newBase}:main\nCOPY app.txt /app/app.txt\n`);
    const pr = await run({
      inputs: inputs(image, 'Dockerfile.rebased', {
        annotations: `manifest:org.opencontainers.image.base.name=${newBase}:main`,
      }),
      ...pullRequestEvent(24, github.url),
    });
    expect(pr.exitCode).toBe(0);
    const [p] = reportOf(pr).platforms;
    const busybox = await busyboxLayers();
    expect(p.base).toMatchObject({
      name: `${newBase}:main`,
      source: 'annotation',
      layers: busybox + 1,
      changed: true,
      // The baseline names no base: its push's record in the size history does.
      baseline: { name: `${LAB}/lab/busybox`, source: 'dockerfile', layers: busybox },
    });
    const [comment] = ours(24);
    // The base's own new layer is counted in its row, not as an added layer.
    expect(comment.body).toMatch(/^#### `linux\/amd64`: base changed(, 1 rebuilt with the same content)?$/m);
    expect(comment.body).toContain(
      `| base changed: \`${LAB}/lab/busybox\` → \`${newBase}:main\` (${busybox + 1} layers, was ${busybox}) |`,
    );
    // The base's new layer is in that row, not a row of its own; the COPY on top is no change.
    expect(comment.body.split('\n').filter((l) => /^\| [➕➖] \|/.test(l))).toEqual([]);
    expect(comment.body).toMatch(/`COPY app.txt \/app\/app.txt`/);
  }, 360_000);

  test('two platforms that grow alike: one per-pull figure, one table for both', async () => {
    const image = freshRepo(LAB, 'comment-alike');
    const platforms = { platforms: 'linux/amd64,linux/arm64' };
    await pushMainOf(image, 'Dockerfile', platforms);
    const pr = await run({
      inputs: inputs(image, 'Dockerfile.data', platforms),
      ...pullRequestEvent(23, github.url),
    });
    expect(pr.exitCode).toBe(0);
    const report = reportOf(pr);
    const deltas = report.platforms.map((p) => p.delta!.compressed);
    expect(deltas).toHaveLength(2);
    expect(Math.abs(deltas[0] - deltas[1])).toBeLessThanOrEqual(1_000);
    const largest = Math.max(...deltas);
    expect(report.pullDelta!.perPull).toMatchObject({ alike: true, compressed: largest });
    expect(report.pullDelta!.totalOverPlatforms.compressed).toBe(deltas[0] + deltas[1]);
    const [comment] = ours(23);
    const headline = comment.body.split('\n')[0];
    expect(headline).toContain(`${largest.toLocaleString('en-US')} bytes`);
    expect(headline).toMatch(/ per pull$/);
    expect(headline).not.toContain('up to');
    expect(comment.body).toContain('each of the 2 platforms alike');
    expect(comment.body).toContain('#### `linux/amd64`, `linux/arm64` (alike): 1 layer added');
    expect(comment.body).toContain(`Total over 2 platforms`);
  }, 360_000);
});
