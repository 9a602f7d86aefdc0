import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDockerfileSource } from '../../src/advise/dockerfile-source.js';

let workspace: string;
let outside: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'integrate-ws-'));
  outside = mkdtempSync(join(tmpdir(), 'integrate-out-'));
  mkdirSync(join(workspace, 'app/docker'), { recursive: true });
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM root\n');
  writeFileSync(join(workspace, 'app/docker/Dockerfile'), 'FROM sub\n');
  writeFileSync(join(workspace, 'app/Dockerfile.prod'), 'FROM prod\n');
  mkdirSync(join(workspace, '..weird'), { recursive: true });
  writeFileSync(join(workspace, '..weird/Dockerfile'), 'FROM weird\n');
  writeFileSync(join(outside, 'Dockerfile'), 'FROM outside\n');
  writeFileSync(join(workspace, 'huge'), Buffer.alloc(1_000_001, 0x41));
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('readDockerfileSource', () => {
  test.each<[string, { context: string; file?: string }, string, string]>([
    ['the context Dockerfile', { context: '.' }, 'Dockerfile', 'FROM root\n'],
    ['a context in a subfolder', { context: 'app/docker' }, 'app/docker/Dockerfile', 'FROM sub\n'],
    [
      'file, relative to the working directory',
      { context: 'app', file: 'app/Dockerfile.prod' },
      'app/Dockerfile.prod',
      'FROM prod\n',
    ],
    [
      'file given absolute',
      { context: '.', file: '<ws>/app/docker/Dockerfile' },
      'app/docker/Dockerfile',
      'FROM sub\n',
    ],
    [
      'a folder whose name starts with two dots',
      { context: '..weird' },
      '..weird/Dockerfile',
      'FROM weird\n',
    ],
  ])('%s: named from the workspace', async (_name, where, file, text) => {
    const source = await readDockerfileSource({
      cwd: workspace,
      workspace,
      ...where,
      file: where.file?.replace('<ws>', workspace),
    });
    expect(source).toEqual({ found: true, file, text, inWorkspace: true });
  });

  test('the working directory below the workspace: still named from the workspace', async () => {
    const source = await readDockerfileSource({ context: 'docker', cwd: join(workspace, 'app'), workspace });
    expect(source).toMatchObject({ found: true, file: 'app/docker/Dockerfile' });
  });

  test('outside the workspace: found, but no annotations can point at it', async () => {
    const source = await readDockerfileSource({ context: outside, cwd: workspace, workspace });
    expect(source).toEqual({
      found: true,
      file: `${outside}/Dockerfile`,
      text: 'FROM outside\n',
      inWorkspace: false,
    });
  });

  test.each([
    ['a Git context', { context: 'https://github.com/acme/app.git#main' }, /remote \(Git or URL\)/],
    ['a Git context with a file', { context: 'git@github.com:acme/app.git', file: 'Dockerfile' }, /remote/],
    ['stdin', { context: '.', file: '-' }, /stdin/],
    [
      'a missing file',
      { context: '.', file: 'nope/Dockerfile' },
      /nope\/Dockerfile cannot be read \(ENOENT\)/,
    ],
    ['a directory', { context: '.', file: 'app' }, /app is not a file/],
    ['a huge file', { context: '.', file: 'huge' }, /1000001 bytes, too large/],
  ])('%s: no advice, and why', async (_name, where, reason) => {
    const source = await readDockerfileSource({ cwd: workspace, workspace, ...where });
    expect(source.found).toBe(false);
    expect(!source.found && source.reason).toMatch(reason);
  });
});
