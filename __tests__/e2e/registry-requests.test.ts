/**
 * How many requests the push path sends the registry, counted at a proxy in front of the lab
 * registry (buildx pushes through it too; only our client's requests, User-Agent `shipshape`,
 * are counted). A fully cached build pushed to `:main` on a push to main, as bench/push-overhead.mjs
 * times it: the baseline (what `:main` was) is read before the build, the new image and the
 * baseline after it. One client per registry and run (registry/clients.ts) pings once; what it
 * read by digest (client.ts) is not asked again. Before them the same runs took 12 requests with
 * reporting off and 14 with the default inputs (three pings, the baseline's index, manifest and
 * config twice).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { LAB } from '../support/registry.js';

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PUSH_TO_MAIN = {
  env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) },
  payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/app', default_branch: 'main' } },
};

let work: string;
let proxy: FaultProxy;
let image: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'registry-requests-'));
  writeFileSync(join(work, 'Dockerfile'), `FROM ${LAB}/lab/busybox:latest\nRUN echo ${unique} > /id\n`);
  proxy = await startFaultProxy({ upstream: `http://${LAB}` });
  image = `${proxy.host}/requests/app-${unique}`;
  // The first push: the build cached from now on, and a `:main` to compare with.
  const first = await push({});
  expect(first.exitCode).toBe(0);
}, 180_000);

afterAll(async () => {
  await proxy.close();
});

function push(extra: Record<string, string>): Promise<ActionRun> {
  return runAction({
    cwd: work,
    // The size history's own reads and writes (a push to main appends) are counted in
    // bench/history-cost.mjs; here the push path alone.
    inputs: { context: '.', network: 'none', images: image, push: 'true', history: 'false', ...extra },
    ...PUSH_TO_MAIN,
  });
}

/** Our client's requests during `run`: method and path, in order. */
async function requestsOf(run: () => Promise<ActionRun>): Promise<{ run: ActionRun; requests: string[] }> {
  const from = proxy.log.length;
  const done = await run();
  const requests = proxy.log
    .slice(from)
    .filter((r) => String(r.headers['user-agent']).startsWith('shipshape'))
    .map((r) => `${r.method} ${r.path}`);
  return { run: done, requests };
}

const repeated = (requests: string[]) => requests.filter((r, i) => requests.indexOf(r) !== i);

describe('the push path of a cached build, counted at the registry', () => {
  test('reporting off: 7 requests (one ping, the baseline and the image, each read once)', async () => {
    const { run, requests } = await requestsOf(() =>
      push({ 'analyze-layers': 'false', advise: 'false', comment: 'never' }),
    );
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs['size-report']).baseline).not.toBeNull();
    expect(requests.filter((r) => r === 'GET /v2/')).toHaveLength(1);
    expect(repeated(requests)).toEqual([]);
    // Ping; :main, its manifest and config (before the build); the new index, manifest and config.
    expect(requests).toHaveLength(7);
    expect(requests.filter((r) => r.includes('/blobs/'))).toHaveLength(2);
  }, 180_000);

  test('default inputs: 9 requests (the image layers streamed once, the baseline from what was read)', async () => {
    const { run, requests } = await requestsOf(() => push({}));
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.outputs['size-report']);
    expect(report.platforms[0].uncompressed).toBeGreaterThan(0);
    expect(report.baseline).not.toBeNull();
    expect(requests.filter((r) => r === 'GET /v2/')).toHaveLength(1);
    expect(repeated(requests)).toEqual([]);
    // The 7 above, and the image's two layers (the baseline's are the same digests: scanned once).
    expect(requests).toHaveLength(9);
    expect(requests.filter((r) => r.includes('/blobs/'))).toHaveLength(4);
  }, 180_000);
});
