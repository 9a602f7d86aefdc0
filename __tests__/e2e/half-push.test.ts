/**
 * Nothing half-pushed, on the lab: the main action (buildx pushing to several images) and the
 * merge action (our client tagging an index in several repositories), with a second repository
 * that refuses the push. Refused access is found before the first write (nothing built, no tag
 * anywhere); a write that fails anyway (a proxy in front of the registry refuses tag PUTs after
 * the access check passed) ends with an error that lists exactly what was written, as the
 * registries show it afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush, type ActionRun } from '../support/action-runner.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { LAB, LAB_AUTH, listTags } from '../support/registry.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry.js';
import { tallied } from '../support/tally.js';

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const repo = (host: string, name: string) => `${host}/half/${name}-${unique}`;
const RELEASE = tagPush('v1.0.0');
const TAGS = 'type=semver,pattern={{version}}\ntype=raw,value=stable';

let work: string;
let proxy: FaultProxy;
let tokenRegistry: TokenRegistry;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'half-push-'));
  writeFileSync(
    join(work, 'Dockerfile'),
    `FROM localhost:5000/lab/busybox:latest\nRUN echo ${unique} > /half\n`,
  );
  // In front of localhost:5000: passes everything, except what a test tells it to refuse.
  proxy = await startFaultProxy({ upstream: `http://${LAB}` });
  // A token-auth registry of this file's own: anonymous callers get pull-only tokens.
  tokenRegistry = await startTokenRegistry();
});

afterAll(async () => {
  await proxy.close();
  await tokenRegistry.close();
});

/** The proxy answers 403 DENIED to every tag PUT (not by digest) into `repository`. */
function refuseTags(repository: string): void {
  const path = repository.slice(repository.indexOf('/') + 1);
  proxy.add({
    method: 'PUT',
    path: new RegExp(`^/v2/${path}/manifests/(?!sha256:)`),
    fault: {
      type: 'status',
      status: 403,
      headers: { 'Content-Type': 'application/json' },
      body: '{"errors":[{"code":"DENIED","message":"tags are immutable here"}]}',
    },
  });
}

const errorsOf = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length).replace(/%0A/g, '\n'));

function build(images: string[], extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    cwd: work,
    inputs: { context: '.', network: 'none', images: images.join('\n'), tags: TAGS, push: 'true', ...extra },
    ...RELEASE,
  });
}

/** A leg pushed by digest to `image` by the main action; its digest. */
async function pushLeg(image: string): Promise<string> {
  const run = await runAction({
    cwd: work,
    inputs: { context: '.', network: 'none', images: image, 'push-by-digest': 'true' },
    ...RELEASE,
  });
  expect(run.exitCode).toBe(0);
  return run.outputs.digest;
}

function merge(images: string[], digest: string): Promise<ActionRun> {
  return runAction({
    script: 'dist/merge/index.js',
    cwd: work,
    inputs: { images: images.join('\n'), tags: TAGS, digests: digest, comment: 'never' },
    ...RELEASE,
  });
}

describe('the main action, pushing to two images', () => {
  test(
    'a registry that refuses the push: found before the build, nothing tagged anywhere',
    tallied('fault', 'push: the second of two images refuses (main action)', async () => {
      const first = repo(LAB, 'main-a');
      const refusing = repo(LAB_AUTH, 'main-b'); // basic auth, and this run has no login for it
      const run = await build([first, refusing]);
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run)).toEqual([
        `Cannot push to 1 of the 2 repositories, so nothing was pushed:\n` +
          `  ${refusing}: authentication required for ${refusing}: no credentials`,
      ]);
      expect(run.stdout).not.toContain('[command]docker buildx build');
      expect(await listTags(first)).toEqual([]);
    }),
    120_000,
  );

  test(
    'a push that fails after the check: the error lists the tags written, as the registries have them',
    tallied('fault', 'push: tag refused after the access check (main action)', async () => {
      const first = repo(LAB, 'main-c');
      const second = repo(proxy.host, 'main-d');
      refuseTags(second);
      const run = await build([first, second]);
      expect(run.exitCode).toBe(1);
      const inFirst = (await listTags(first)).map((tag) => `${first}:${tag}`);
      const inSecond = (await listTags(repo(LAB, 'main-d'))).map((tag) => `${second}:${tag}`);
      expect(inSecond).toEqual([]);
      const written = [...inFirst, ...inSecond].sort();
      const [error] = errorsOf(run);
      const listed = /^The build failed; tagged before the failure: (.*)\.$/.exec(error.split('\n')[0])?.[1];
      if (written.length > 0) expect(listed?.split(', ').sort()).toEqual(written);
      else expect(error.split('\n')[0]).toBe('The build failed; no tag was written.');
      expect(error).toContain('tags are immutable here');
    }),
    180_000,
  );
});

describe('the merge action, tagging in two repositories', () => {
  test(
    'a repository that refuses the push (a pull-only token): found before the first write',
    tallied('fault', 'push: the second repository refuses (merge action)', async () => {
      const first = repo(LAB, 'merge-a');
      const refusing = repo(tokenRegistry.host, 'merge-a'); // anonymous: the token server grants pull only
      const digest = await pushLeg(first);
      const run = await merge([first, refusing], digest);
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run)).toEqual([
        `Cannot push to 1 of the 2 repositories, so nothing was pushed:\n` +
          `  ${refusing}: authentication required for ${refusing}: no credentials (insufficient_scope)`,
      ]);
      expect(await listTags(first)).toEqual([]);
      expect(run.outputs.tags).toBeUndefined();
    }),
    180_000,
  );

  test(
    'a tag refused after the check: the error and the outputs list what was tagged',
    tallied('fault', 'push: tag refused after the access check (merge action)', async () => {
      const first = repo(LAB, 'merge-b');
      const second = repo(proxy.host, 'merge-b2');
      const digest = await pushLeg(first);
      refuseTags(second);
      const run = await merge([first, second], digest);
      expect(run.exitCode).toBe(1);
      expect(await listTags(first)).toEqual(['1.0.0', 'latest', 'stable']);
      expect(await listTags(repo(LAB, 'merge-b2'))).toEqual([]);
      const [error] = errorsOf(run);
      const index = /^Tagging the index (sha256:[0-9a-f]{64}) as /.exec(error)?.[1];
      expect(error).toBe(
        `Tagging the index ${index} as ${second}:1.0.0 failed: access to push of manifest 1.0.0 to ` +
          `${second}:1.0.0 denied (HTTP 403): DENIED tags are immutable here\n` +
          `Tagged before the failure: ${first}:1.0.0, ${first}:stable, ${first}:latest; ` +
          `not tagged: ${second}:1.0.0, ${second}:stable, ${second}:latest`,
      );
      expect(run.outputs.tags).toBe(`${first}:1.0.0\n${first}:stable\n${first}:latest`);
      expect(run.outputs.digest).toBe(index);
    }),
    180_000,
  );
});
