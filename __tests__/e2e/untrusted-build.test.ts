/**
 * The "pwn request" guard on the lab: under pull_request_target, a checkout of the PR head built
 * with push is refused before buildx runs, and nothing reaches the registry; the base commit, or
 * an explicit opt-in, builds.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/action-runner.js';
import { freshRepo, LAB, listTags } from '../support/registry.js';

const BASE_SHA = 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0';
let workspace: string;
let headSha: string;

beforeAll(() => {
  // The workflow checked out the PR head, as a vulnerable pull_request_target workflow does.
  workspace = mkdtempSync(join(tmpdir(), 'untrusted-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', workspace, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
      encoding: 'utf8',
    });
  git('init', '-q');
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM localhost:5000/lab/busybox:latest\nRUN echo pr > /pr\n');
  git('add', '.');
  git('commit', '-qm', 'the PR');
  headSha = git('rev-parse', 'HEAD').trim();
});

function prTarget(sha: string) {
  return {
    env: { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: sha },
    payload: {
      number: 9,
      pull_request: {
        number: 9,
        base: { ref: 'main', repo: { full_name: 'acme/app' } },
        head: { ref: 'evil', sha: headSha, repo: { full_name: 'mallory/app' } },
      },
      repository: { full_name: 'acme/app', default_branch: 'main' },
    },
  };
}

const inputs = (image: string) => ({ images: image, push: 'true', network: 'none', comment: 'never' });

test('the PR head with push: refused before any build, nothing pushed', async () => {
  const image = freshRepo(LAB, 'untrusted');
  const run = await runAction({ inputs: inputs(image), cwd: workspace, ...prTarget(BASE_SHA) });
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toContain(`::error::Refusing to build commit ${headSha.slice(0, 12)}`);
  expect(run.stdout).toContain('allow-untrusted-build: true');
  expect(run.stdout).not.toContain('[command]docker');
  expect(await listTags(image)).toEqual([]);
}, 60_000);

test('the base commit (GITHUB_SHA) builds and pushes', async () => {
  const image = freshRepo(LAB, 'trusted');
  const run = await runAction({ inputs: inputs(image), cwd: workspace, ...prTarget(headSha) });
  expect(run.stdout).not.toContain('Refusing');
  expect(run.exitCode).toBe(0);
  expect(await listTags(image)).toEqual(['pr-9']);
}, 120_000);

test('allow-untrusted-build: true builds the PR head', async () => {
  const image = freshRepo(LAB, 'optin');
  const run = await runAction({
    inputs: { ...inputs(image), 'allow-untrusted-build': 'true' },
    cwd: workspace,
    ...prTarget(BASE_SHA),
  });
  expect(run.exitCode).toBe(0);
  expect(await listTags(image)).toEqual(['pr-9']);
}, 120_000);
