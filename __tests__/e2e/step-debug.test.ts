/**
 * ACTIONS_STEP_DEBUG: the runner shows `::debug::` lines only when a workflow runs with debug
 * logging (the secret ACTIONS_STEP_DEBUG, or a re-run with debug logging, which sets RUNNER_DEBUG).
 * With it, the log tells every registry request (method, URL without its query, status) and the
 * action's decisions; without it those lines stay hidden, so none of them is a plain log line.
 * No debug line carries a secret: the registry password, its Basic value, the GitHub token.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { loggedInDockerConfig, pushFaultImages, runReport } from '../support/fault-lab.js';
import { freshRepo, LAB_AUTH, LAB_AUTH_PASSWORD, LAB_AUTH_USER } from '../support/registry.js';
import { tallied } from '../support/tally.js';

const DEBUG_ENV = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };
const GITHUB_TOKEN = 'ghs_stepDebugToken0123456789';
const SECRETS = [
  LAB_AUTH_PASSWORD,
  Buffer.from(`${LAB_AUTH_USER}:${LAB_AUTH_PASSWORD}`).toString('base64'),
  GITHUB_TOKEN,
];

let repository: string;

beforeAll(async () => {
  repository = freshRepo(LAB_AUTH, 'step-debug');
  await pushFaultImages(
    [LAB_AUTH],
    repository.slice(`${LAB_AUTH}/`.length),
    await loggedInDockerConfig([LAB_AUTH]),
  );
}, 240_000);

const debugLines = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::debug::'))
    .map((line) => line.slice('::debug::'.length));

describe('ACTIONS_STEP_DEBUG', () => {
  test(
    "the report action's debug lines: each registry request and its decisions, no secret",
    tallied('leak', 'debug lines: registry requests with explicit credentials', async () => {
      const run = await runReport({
        repository,
        inputs: { username: LAB_AUTH_USER, password: LAB_AUTH_PASSWORD, 'github-token': GITHUB_TOKEN },
        env: DEBUG_ENV,
      });
      expect(run.exitCode).toBe(0);
      const lines = debugLines(run);
      const path = repository.slice(`${LAB_AUTH}/`.length);
      // The challenge, then the authorized requests for the image and its baseline.
      expect(lines).toContain(`registry: GET http://${LAB_AUTH}/v2/ -> 401`);
      expect(lines).toContain(`registry: GET http://${LAB_AUTH}/v2/${path}/manifests/1 -> 200`);
      expect(lines).toContain(`registry: GET http://${LAB_AUTH}/v2/${path}/manifests/base -> 200`);
      expect(
        lines.filter((line) => / -> 200$/.test(line) && line.includes('/blobs/sha256:')).length,
      ).toBeGreaterThan(0);
      expect(lines).toContain('decision: measure the image');
      // Debug text never reaches the plain log, where the runner would always show it.
      const plain = run.stdout.split('\n').filter((line) => !line.startsWith('::'));
      expect(plain.filter((line) => line.includes('registry: GET') || line.includes('decision:'))).toEqual(
        [],
      );
      for (const secret of SECRETS) expect(run.everything).not.toContain(secret);
    }),
    120_000,
  );

  test("the main action's decisions, as debug lines", async () => {
    const run = await runAction({
      inputs: { context: 'examples/two-stage', network: 'none', 'github-token': GITHUB_TOKEN },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', ...DEBUG_ENV },
      payload: { repository: { default_branch: 'main' } },
    });
    expect(run.exitCode).toBe(0);
    expect(debugLines(run)).toEqual([
      'decision: ask buildx for the builder before the build: no',
      'decision: the size report reads the image from: none',
      'decision: repositories checked for push access before the build: none',
    ]);
    expect(run.everything).not.toContain(GITHUB_TOKEN);
  }, 240_000);
});
