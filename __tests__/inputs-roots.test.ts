import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { checkInsideRoots } from '../src/inputs.js';
import { thrown } from './support/thrown.js';

const workspace = mkdtempSync(join(tmpdir(), 'roots-ws-'));
const temp = mkdtempSync(join(tmpdir(), 'roots-tmp-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'roots-else-'));
mkdirSync(join(workspace, 'app'));
writeFileSync(join(elsewhere, 'Dockerfile'), 'FROM scratch\n');
symlinkSync(elsewhere, join(workspace, 'escape'));

test.each([
  ['the workspace itself', workspace],
  ['a folder in it', join(workspace, 'app')],
  ['RUNNER_TEMP', temp],
])('inside: %s', (_name, path) => {
  expect(() => checkInsideRoots('context', path, path, [workspace, temp])).not.toThrow();
});

test.each([
  ['another directory', elsewhere],
  ['a symlink out of the workspace', join(workspace, 'escape')],
  ['a file through that symlink', join(workspace, 'escape', 'Dockerfile')],
  ['a prefix that is not a parent', `${workspace}-other`],
])('outside: %s', (_name, path) => {
  mkdirSync(`${workspace}-other`, { recursive: true });
  expect(thrown(() => checkInsideRoots('file', 'the value', path, [workspace, temp])).message).toMatch(
    /^Input "file": "the value" is outside the workspace/,
  );
});
