/**
 * The size history on the lab (issue 16): dist/index.js pushes to main append records to an OCI
 * artifact under `shipshape-history` beside the image; a pull request's comment draws them. Tiny
 * images (FROM scratch, one file) keep the builds quick.
 *  - ten pushes to main, then a PR: ten points per platform, the exact figures of the ten reports;
 *  - two pushes at once keep both records, on the anonymous, basic-auth and token registries;
 *  - a foreign artifact under the tag is refused with a warning and left as it was; reset replaces it;
 *  - `history: false` reads and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent, runAction, type ActionRun } from '../support/action-runner.js';
import {
  freshRepo,
  getManifest,
  LAB,
  LAB_AUTH,
  listTags,
  pushBlob,
  pushManifest,
} from '../support/registry.js';
import { loggedInDockerConfig } from '../support/fault-lab.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry.js';
import { startGitHubStandIn, WRITE_TOKEN } from '../support/github-stand-in.js';
import { connect } from '../../src/registry/connect.js';
import { readArtifact } from '../../src/registry/artifact.js';
import { SIZE_HISTORY_ARTIFACT_TYPE } from '../../src/oci/artifact.js';
import { parseHistory, type HistoryRecord } from '../../src/report/history.js';
import type { SizeReport } from '../../src/report/size-report.js';

type StandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;
let github: StandIn;
let tokenRegistry: TokenRegistry;
let dockerConfig: string;

const TAG = 'shipshape-history';
const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(20);

/** A workspace whose Dockerfile copies a file of `bytes` bytes, different for each `seed`. */
function workspace(seed: number, bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-history-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY data /data\n');
  writeFileSync(join(dir, 'data'), Buffer.alloc(bytes, `${seed}-`));
  return dir;
}

function pushMain(
  image: string,
  seed: number,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({
    cwd: workspace(seed, 1000 * seed + 17),
    inputs: { images: image, push: 'true', platforms: 'linux/amd64', comment: 'never', ...extra },
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha(seed),
      GITHUB_REPOSITORY: 'acme/shop',
      ...env,
    },
    payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/shop', default_branch: 'main' } },
  });
}

/** The records under the tag, read with the action's own client (any of the three registries). */
async function historyIn(
  image: string,
  config?: string,
): Promise<{ digest?: string; records: HistoryRecord[] }> {
  const ref = `${image}:${TAG}`;
  const { client, reference } = await connect(ref, {
    env: { ...process.env, ...(config && { DOCKER_CONFIG: config }) },
    onSecret: () => {},
  });
  const read = await readArtifact({
    client,
    repository: reference.repository,
    tag: TAG,
    artifactType: SIZE_HISTORY_ARTIFACT_TYPE,
    image: ref,
  });
  if (read.status === 'absent') return { records: [] };
  if (read.status === 'foreign') throw new Error(`foreign: ${read.reason}`);
  return { digest: read.digest, records: parseHistory(read.content.toString()) };
}

const reportOf = (run: ActionRun) => JSON.parse(run.outputs['size-report']) as SizeReport;
const warnings = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
const ok = (run: ActionRun) => {
  if (run.exitCode !== 0) throw new Error(`exit ${run.exitCode}\n${run.stdout}\n${run.stderr}`);
};

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'shop', pullRequests: [21, 22] }],
  });
  tokenRegistry = await startTokenRegistry();
  dockerConfig = await loggedInDockerConfig([LAB_AUTH, tokenRegistry.host]);
}, 60_000);

afterAll(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  await tokenRegistry?.close();
});

describe('ten pushes to main, then a pull request', () => {
  let image: string;
  const reports: SizeReport[] = [];

  beforeAll(async () => {
    image = freshRepo(LAB, 'history');
    for (let i = 1; i <= 10; i++) {
      const run = await runAction({
        cwd: workspace(i, 3000 * i),
        inputs: { images: image, push: 'true', platforms: 'linux/amd64,linux/arm64', comment: 'never' },
        env: {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: sha(i),
          GITHUB_REPOSITORY: 'acme/shop',
        },
        payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/shop', default_branch: 'main' } },
      });
      ok(run);
      expect(JSON.parse(run.outputs.history)).toHaveLength(i - 1);
      reports.push(reportOf(run));
    }
  }, 300_000);

  test("the comment's chart has ten points per platform, the exact figures of the ten reports, then the PR", async () => {
    const run = await runAction({
      cwd: workspace(99, 31_000),
      inputs: {
        images: image,
        push: 'true',
        platforms: 'linux/amd64,linux/arm64',
        'github-token': WRITE_TOKEN,
      },
      ...pullRequestEvent(21, github.url),
    });
    ok(run);
    const records = JSON.parse(run.outputs.history) as HistoryRecord[];
    expect(records.map((r) => r.digest)).toEqual(reports.map((r) => r.image.digest));
    const body = github.comments('acme', 'shop', 21).find((c) => c.body.includes('<!-- shipshape:'))!.body;
    expect(body).toContain('<details><summary>📈 main grew ');
    expect(body).toContain('in the last 10 pushes; this PR adds ');
    const chart = /```mermaid\n([\s\S]*?)```/.exec(body.slice(body.indexOf('📈')))![1];
    const unit = /y-axis "(\w+)"/.exec(chart)![1];
    const scale = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[unit]!;
    const lines = [...chart.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) =>
      m[1].split(', ').map((v) => Math.round(Number(v) * scale)),
    );
    const pr = reportOf(run);
    expect(lines).toEqual(
      pr.platforms.map((p) => [
        ...reports.map((r) => r.platforms.find((q) => q.platform === p.platform)!.compressed),
        p.compressed,
      ]),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveLength(11);
    // A pull request reads the history, never writes it.
    expect((await historyIn(image)).records).toHaveLength(10);
  }, 120_000);

  test('history: false reads nothing: no trend, no history output, and a push writes nothing', async () => {
    const run = await runAction({
      cwd: workspace(98, 5000),
      inputs: { images: image, push: 'true', history: 'false', 'github-token': WRITE_TOKEN },
      ...pullRequestEvent(22, github.url),
    });
    ok(run);
    expect(run.outputs.history).toBeUndefined();
    expect(run.outputs['comment-body']).not.toContain('📈');
    const before = await historyIn(image);
    ok(await pushMain(image, 40, { history: 'false' }));
    const after = await historyIn(image);
    expect(after.digest).toBe(before.digest);
    expect(after.records).toHaveLength(10);
  }, 120_000);
});

describe('two pushes at once keep both records', () => {
  test.each([
    ['the anonymous registry', () => LAB],
    ['the basic-auth registry', () => LAB_AUTH],
    ['the token registry', () => tokenRegistry.host],
  ])(
    'on %s',
    async (_, host) => {
      const image = freshRepo(host(), 'history-race');
      const env = { DOCKER_CONFIG: dockerConfig };
      // Docker's local image store can fail one of two builds of one tag that finish together
      // ("already exists"): that push, ours never having started, runs again.
      const push = async (n: number) => {
        const run = await pushMain(image, n, {}, env);
        return run.exitCode !== 0 && /already exists/.test(run.stdout) ? pushMain(image, n, {}, env) : run;
      };
      const runs = await Promise.all([push(1), push(2)]);
      runs.forEach(ok);
      const { records } = await historyIn(image, dockerConfig);
      expect(records.map((r) => r.digest).sort()).toEqual(runs.map((r) => reportOf(r).image.digest).sort());
      expect(records.map((r) => r.commit).sort()).toEqual([sha(1), sha(2)]);
    },
    120_000,
  );
});

describe('a foreign artifact under the tag', () => {
  let image: string;
  let foreign: string;

  beforeAll(async () => {
    image = freshRepo(LAB, 'history-foreign');
    const config = await pushBlob(image, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
    const layer = await pushBlob(image, Buffer.from('{"spdxVersion":"SPDX-2.3"}'), 'application/spdx+json');
    foreign = (
      await pushManifest(image, TAG, 'application/vnd.oci.image.manifest.v1+json', {
        artifactType: 'application/spdx+json',
        config,
        layers: [layer],
      })
    ).digest;
  });

  test('is refused with a clear warning and left untouched', async () => {
    const run = await pushMain(image, 3);
    ok(run);
    expect(warnings(run).join('\n')).toContain(
      `${image}:${TAG} (${foreign}) is not a shipshape size history (its artifact type is application/spdx+json, not ${SIZE_HISTORY_ARTIFACT_TYPE})`,
    );
    expect(run.outputs.history).toBe('[]');
    expect((await getManifest(`${image}:${TAG}`))!.digest).toBe(foreign);
  }, 120_000);

  test('history: reset replaces it with a history of this push', async () => {
    const run = await pushMain(image, 4, { history: 'reset' });
    ok(run);
    expect(warnings(run)).toEqual([]);
    const { digest, records } = await historyIn(image);
    expect(digest).not.toBe(foreign);
    expect(records.map((r) => r.digest)).toEqual([reportOf(run).image.digest]);
    expect(await listTags(image)).toEqual(['main', TAG]);
  }, 120_000);
});
