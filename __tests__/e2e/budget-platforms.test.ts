/**
 * A size-budget rule for a platform the image does not have never applied, and the budget passed.
 * Where the platforms are known before anything is written it is refused (the main action's
 * platforms input: bad-inputs.test.ts; the merge's legs: here); where they are the builder's own,
 * the rule is reported after measuring and the verdict is budget-action, never pass.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush } from '../support/action-runner.js';
import { LAB, listTags } from '../support/registry.js';
import { recordTally } from '../support/tally.js';

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const RELEASE = tagPush('v1.0.0');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'budget-platforms-'));
  writeFileSync(
    join(work, 'Dockerfile'),
    `FROM localhost:5000/lab/busybox:latest\nRUN echo ${unique} > /budget\n`,
  );
});

const errorsOf = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length));

test('the merge: a rule for a platform none of the legs is, refused before the first write', async () => {
  const image = `${LAB}/budget/merge-${unique}`;
  const leg = await runAction({
    cwd: work,
    inputs: { context: '.', network: 'none', images: image, 'push-by-digest': 'true' },
    ...RELEASE,
  });
  expect(leg.exitCode).toBe(0);
  const run = await runAction({
    script: 'dist/merge/index.js',
    cwd: work,
    inputs: {
      images: image,
      digests: leg.outputs.digest,
      'size-budget': 'linux/s390x: max-compressed=1GB',
      comment: 'never',
    },
    ...RELEASE,
  });
  let ok = false;
  try {
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run.stdout)).toEqual([
      `Input "size-budget": "linux/s390x: max-compressed=1GB" is for linux/s390x, which none of the legs ` +
        `is (${leg.outputs.platform}); nothing was pushed`,
    ]);
    expect(await listTags(image)).toEqual([]);
    ok = true;
  } finally {
    recordTally({ kind: 'bad-input', name: 'merge size-budget: a platform none of the legs is', ok });
  }
}, 120_000);

test('the builder’s own platform: the rule is named after measuring, and the verdict is not pass', async () => {
  const image = `${LAB}/budget/main-${unique}`;
  const run = await runAction({
    cwd: work,
    inputs: {
      context: '.',
      network: 'none',
      images: image,
      push: 'true',
      'size-budget': 'linux/s390x: max-compressed=1GB\nmax-compressed=1GB',
      'budget-action': 'warn',
    },
    ...RELEASE,
  });
  expect(run.exitCode).toBe(0);
  expect(run.outputs['budget-status']).toBe('warn');
  expect(run.stdout).toMatch(
    /^::warning::Size budget: "linux\/s390x: max-compressed=1GB" was not checked: the image has no linux\/s390x \(its platforms: linux\/amd64\)$/m,
  );
  expect(run.summary).toContain(
    '⚠️ **Size budget not checked:** `linux/s390x: max-compressed=1GB` names a platform the image does ' +
      'not have (a warning: `budget-action` is `warn`).',
  );
}, 120_000);
