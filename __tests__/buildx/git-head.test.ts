import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { builtCommit } from '../../src/buildx/git-head.js';

test('a local context: the checkout HEAD, from the workspace or an absolute path', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'git-head-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
      encoding: 'utf8',
    });
  git('init', '-q');
  writeFileSync(join(repo, 'Dockerfile'), 'FROM scratch\n');
  git('add', '.');
  git('commit', '-qm', 'one');
  const head = git('rev-parse', 'HEAD').trim();
  expect(await builtCommit('.', repo)).toBe(head);
  expect(await builtCommit(repo, '/')).toBe(head);
});

test('not a Git checkout: unknown', async () => {
  expect(await builtCommit('.', mkdtempSync(join(tmpdir(), 'no-git-')))).toBeUndefined();
});

test.each([
  [`https://github.com/acme/app.git#${'c'.repeat(40)}`, 'c'.repeat(40)],
  [`https://github.com/acme/app.git#${'c'.repeat(40)}:sub/dir`, 'c'.repeat(40)],
  ['https://github.com/acme/app.git#refs/pull/7/head', undefined],
  ['https://github.com/acme/app.git', undefined],
  ['git@github.com:acme/app.git#main', undefined],
])('a Git URL context %s pins %s', async (context, sha) => {
  expect(await builtCommit(context, '/')).toBe(sha);
});
