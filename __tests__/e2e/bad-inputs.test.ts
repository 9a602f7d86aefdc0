/**
 * Bad input, table-driven, through the bundled actions as the runner runs them: every case must
 * fail the step with an error that names the input, before anything is built, pushed or posted,
 * and the registry must hold nothing new afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush } from '../support/action-runner.js';
import { LAB, listTags } from '../support/registry.js';
import { recordTally } from '../support/tally.js';

const IMAGE = `${LAB}/badinput/app`;
const DIGEST = `sha256:${'a'.repeat(64)}`;
const HUGE = 'x'.repeat(100_000);
const DOCKERFILE = 'FROM localhost:5000/lab/busybox:latest\nRUN echo built > /built\n';
let workspace: string;
// Elsewhere on the machine: neither the workspace nor RUNNER_TEMP. Made before the tables are
// read, since its path is part of their values.
const outside = mkdtempSync(join(tmpdir(), 'bad-inputs-outside-'));

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'bad-inputs-'));
  writeFileSync(join(workspace, 'Dockerfile'), DOCKERFILE);
  mkdirSync(join(workspace, 'digests'));
  // What a path input might reach out of the workspace for, and the ways out of it.
  writeFileSync(join(outside, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(outside, 'secret'), 'not for the build\n');
  mkdirSync(join(outside, 'digests'));
  writeFileSync(join(outside, 'digests', 'a'.repeat(64)), '');
  symlinkSync(outside, join(workspace, 'escape'));
  symlinkSync(join(outside, 'nothing'), join(workspace, 'dangling'));
  mkdirSync(join(workspace, 'linked'));
  symlinkSync(join(outside, 'Dockerfile'), join(workspace, 'linked', 'Dockerfile'));
});

type Case = [input: string, value: string, extra?: Record<string, string>];

// The main action: everything else valid, a push that would happen if the input were accepted.
const MAIN: Case[] = [
  ['images', 'Not An Image!'],
  ['images', 'ghcr.io/acmé/app'],
  ['images', 'localhost:5000/app:tag'],
  ['images', `localhost:5000/${'a'.repeat(300)}`],
  ['images', 'localhost:5000/app\nghcr.io//double'],
  ['tags', 'type=semver'],
  ['tags', 'type=nope,value=x'],
  ['tags', 'type=raw'],
  ['tags', 'type=raw,value=bad tag'],
  ['tags', `type=raw,value=${'t'.repeat(129)}`],
  ['tags', 'type=raw,value=-dash'],
  ['tags', 'type=ref,event=nope'],
  ['tags', 'type=raw,value={{broken'],
  ['tags', 'type=raw,value=x,priority=high'],
  ['tags', 'type=raw,value=x,enable=maybe'],
  ['tags', 'type=sha,format=huge'],
  ['tags', 'type=raw,value=a|b'],
  ['tags', `type=raw,value=${HUGE}`],
  ['tags', 'type=raw,value=ok\u0007bell'],
  ['flavor', 'latest=sometimes'],
  ['flavor', 'colour=blue'],
  ['flavor', 'prefix=bad tag-'],
  ['platforms', 'linux'],
  ['platforms', 'linux/amd64/v8/extra'],
  ['platforms', 'windowz/amd64'],
  ['platforms', 'linux/amd6'],
  ['platforms', 'linux/arm/seven'],
  ['platforms', 'linux/amd64;linux/arm64'],
  ['context', 'does/not/exist'],
  ['context', '../../../../etc'],
  ['context', '/etc'],
  ['file', 'missing/Dockerfile'],
  ['file', '../../../../etc/passwd'],
  ['build-args', 'NOVALUE'],
  ['build-args', '=value'],
  ['build-args', 'A=1\nB'],
  ['build-args', 'SPACED KEY=1'],
  ['build-contexts', 'nameonly'],
  ['labels', 'no-equals'],
  ['annotations', 'x'],
  ['secrets', 'novalue'],
  ['secrets', 'bad id!=x'],
  ['secret-envs', 'ID'],
  ['secret-files', 'id=/does/not/exist'],
  ['no-cache', 'yes please'],
  ['pull', 'maybe'],
  ['push', 'True!'],
  ['push', '1'],
  ['load', 'yes'],
  ['provenance', 'mode=ultra,'],
  ['sbom', 'generator'],
  ['attests', 'type=unknown'],
  ['allow', 'network.evil'],
  ['add-hosts', 'nohost'],
  ['shm-size', 'lots'],
  ['ulimit', 'nofile=abc'],
  ['analyze-layers', 'sometimes'],
  ['compare-to', 'Not A Ref'],
  ['comment', 'loud'],
  ['min-change', '5 parsecs'],
  ['min-change', '-5kB'],
  ['size-budget', 'max-compressed=lots'],
  ['size-budget', 'max-everything=1MB'],
  ['size-budget', 'linux/amd64 max-compressed=1MB'],
  ['size-budget', 'max-increase-percent=-3'],
  ['budget-action', 'explode'],
  ['chart', 'pie'],
  ['allow-untrusted-build', 'perhaps'],
  ['advise', 'maybe'],
  ['advice-min-bytes', 'big'],
  ['cache', 'redis'],
  // Local paths: inside the workspace or RUNNER_TEMP, symlinks resolved (src/local-paths.ts).
  ['context', 'escape'],
  ['context', 'linked'], // its Dockerfile is a symlink out
  ['file', 'escape/Dockerfile'],
  ['file', `${outside}/Dockerfile`, { context: 'https://github.com/acme/app.git#main' }],
  ['build-contexts', `extra=${outside}`],
  ['build-contexts', 'extra=../../../../etc'],
  ['build-contexts', 'extra=escape'],
  ['build-contexts', `base=oci-layout://${outside}:1.0`],
  ['secret-files', 'npmrc=escape/secret'],
  ['ssh', `deploy=${outside}/secret`],
  ['cache-from', 'type=local,src=/etc'],
  ['cache-to', `type=local,dest=${outside}/cache,mode=max`],
  ['outputs', `type=local,dest=${outside}/out`],
  ['outputs', 'escape/out'],
  ['outputs', 'type=tar,dest=dangling/image.tar'],
  ['compare-to', 'oci-layout://no/such/dir'],
  ['compare-to', `oci-layout://${outside}`],
  ['compare-to', 'oci-layout://digests'], // a directory, not an image layout
  // Accepted before, then failed or ignored after the push.
  ['push', 'false', { 'push-by-digest': 'true' }],
  ['size-budget', 'max-compressed=1GB', { 'push-by-digest': 'true' }],
  ['size-budget', 'linux/amd46: max-compressed=1MB'],
  ['size-budget', 'linux/arm64: max-compressed=1MB', { platforms: 'linux/amd64' }],
  ['size-budget', 'max-wasted=1MB', { 'analyze-layers': 'false' }],
  ['tags', `${IMAGE}:1@${DIGEST}`],
  ['tags', `type=ref,event=tag,prefix=${'p'.repeat(125)}`],
  // two different names, one tag once sanitized
  ['tags', "type=raw,value={{date 'YYYY/MM/DD'}}\ntype=raw,value={{date 'YYYY-MM-DD'}}"],
  ['tags', 'type=raw,value=x,enable=false'],
  ['comment-key', 'k'.repeat(70_000)],
  ['insecure-registries', 'registry.local:5000/v2'],
  ['allow', 'fs.read=/'],
  // Values buildx would read as options.
  ['context', '--output=type=local,dest=/tmp/x'],
  ['builder', '--bootstrap'],
];

// The inputs a migration from metadata-action and build-push-action brings (docs/migration.md):
// each error names the input and the value.
const MIGRATION: Case[] = [
  ['tags', 'type=match'],
  ['tags', 'type=match,pattern=v(.*'],
  ['tags', 'type=match,pattern=v(.*),group=3'],
  ['tags', 'type=match,pattern=v(.*),group=first'],
  ['tags', 'type=pep440'],
  ['tags', 'type=pep440,pattern={{build}}'],
  ['tags', 'type=pep440,pattern={{version}},match=v\\d'],
  ['tags', 'type=semver,pattern={{version}},match=('],
  ['sep-tags', ':'],
  ['sep-tags', '/'],
  ['sep-labels', '='],
  ['sep-annotations', ':'],
  ['call', 'outline'],
  ['push', 'true', { call: 'check' }],
  ['load', 'true', { call: 'check', push: 'false' }],
  ['outputs', 'type=local,dest=out', { call: 'check', push: 'false' }],
  ['push-by-digest', 'true', { call: 'check' }],
];

// The report action (measure mode and saved-report mode).
const REPORT: Case[] = [
  ['image', ''],
  ['image', 'Not An Image!'],
  ['baseline', 'Not A Ref'],
  ['platforms', 'linux'],
  ['analyze-layers', 'perhaps'],
  ['comment', 'loud'],
  ['min-change', 'lots'],
  ['pr-number', '12abc', { 'size-report': '{}' }],
  ['pr-number', '-3', { 'size-report': '{}' }],
  ['size-report', '{"version":1,"image":"<img src=x>"}', { 'pr-number': '7' }],
  ['size-report', 'not json', { 'pr-number': '7' }],
  ['size-report-file', 'no/such/report.json', { 'pr-number': '7' }],
  ['size-report-file', `${outside}/secret`, { 'pr-number': '7' }],
  ['size-report-file', 'escape/secret', { 'pr-number': '7' }],
  ['image', 'oci-layout://no/such/dir'],
  ['image', `oci-layout://${outside}`],
  ['image', 'oci-layout://digests'],
  ['baseline', 'oci-layout://escape'],
  ['file', '/etc/passwd'],
  ['file', 'escape/Dockerfile'],
  ['comment-key', 'k'.repeat(70_000)],
  ['insecure-registries', 'bad host'],
];

// The merge action.
const MERGE: Case[] = [
  ['digests', ''],
  ['digests', 'sha256:xyz'],
  ['digests', 'md5:0123'],
  ['digests', `sha256:${'a'.repeat(63)}`],
  ['digests-dir', 'no/such/dir'],
  ['digests-dir', '../../../../etc'],
  ['digests-dir', 'digests', { digests: DIGEST }],
  ['images', 'Bad Image', { digests: DIGEST }],
  ['tags', 'type=raw,value=bad tag', { digests: DIGEST }],
  ['size-budget', 'max-compressed=lots', { digests: DIGEST }],
  ['digests-dir', 'escape/digests'],
  ['digests-dir', `${outside}/digests`],
  ['compare-to', 'oci-layout://no/such/dir', { digests: DIGEST }],
  ['compare-to', 'oci-layout://escape', { digests: DIGEST }],
  ['tags', `${IMAGE}:1@${DIGEST}`, { digests: DIGEST }],
  ['comment-key', 'k'.repeat(70_000), { digests: DIGEST }],
  ['insecure-registries', 'registry.local/v2', { digests: DIGEST }],
];

/** A short, printable name for a case: the value cut to 40 characters. */
const named = (cases: Case[]) =>
  cases.map((c): [string, Case] => [`${c[0]}: ${JSON.stringify(c[1].slice(0, 40))}`, c]);

function expectRejected(run: Awaited<ReturnType<typeof runAction>>, input: string, value?: string) {
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  expect({ exitCode: run.exitCode, errors }).toEqual({
    exitCode: 1,
    errors: [
      expect.stringContaining(`Input "${input}"${value === undefined ? '' : `: ${JSON.stringify(value)}`}`),
    ],
  });
  expect(run.stdout).not.toContain('[command]docker');
}

async function check(
  script: string,
  base: Record<string, string>,
  [input, value, extra]: Case,
  namesValue = false,
) {
  const name = `${script.split('/')[1] ?? 'main'} ${input}: ${JSON.stringify(value.slice(0, 40))}`;
  let ok = false;
  try {
    const run = await runAction({
      script,
      inputs: { ...base, ...extra, [input]: value },
      cwd: workspace,
      ...tagPush('v1.2.3'),
    });
    expectRejected(run, input, namesValue ? value : undefined);
    ok = true;
  } finally {
    recordTally({ kind: 'bad-input', name, ok });
  }
}

describe('the main action', () => {
  test.each(named(MAIN))(
    '%s',
    async (_name, c) => {
      await check('dist/index.js', { images: IMAGE, push: 'true', network: 'none' }, c);
    },
    30_000,
  );
});

describe('the main action, inputs of a migration', () => {
  test.each(named(MIGRATION))(
    '%s',
    async (_name, c) => {
      await check('dist/index.js', { images: IMAGE, push: 'true', network: 'none' }, c, true);
    },
    30_000,
  );
});

describe('the report action', () => {
  test.each(named(REPORT))(
    '%s',
    async (_name, c) => {
      await check('dist/report/index.js', { image: `${IMAGE}:1.2.3` }, c);
    },
    30_000,
  );
});

describe('the merge action', () => {
  test.each(named(MERGE))(
    '%s',
    async (_name, c) => {
      await check('dist/merge/index.js', { images: IMAGE, tags: 'type=semver,pattern={{version}}' }, c);
    },
    30_000,
  );
});

afterAll(async () => {
  // Not one tag of the image the cases would have pushed.
  expect(await listTags(IMAGE)).toEqual([]);
});

test('the table covers at least 60 cases', () => {
  expect(MAIN.length + MIGRATION.length + REPORT.length + MERGE.length).toBeGreaterThanOrEqual(60);
});
