import { describe, expect, test } from '@jest/globals';
import { finalFilesystem } from '../../src/advise/filesystem.js';
import { nodeProjects, packageDirOf, productionInstall } from '../../src/advise/node-deps.js';
import { compactRecord, isRecordPath } from '../../src/image/records.js';
import { filesUnder, manifest, syntheticInput } from '../support/synthetic-advice.js';

describe('records the scan keeps', () => {
  test.each([
    ['var/lib/dpkg/status', true],
    ['var/lib/apt/extended_states', true],
    ['var/lib/dpkg/info/curl.list', true],
    ['app/package.json', true],
    ['package.json', true],
    ['app/node_modules/express/package.json', true],
    ['app/node_modules/@types/node/package.json', true],
    ['app/node_modules/express/lib/package.json', false], // a "type" marker, not the package's
    ['app/node_modules/.package-lock.json', false],
    ['usr/bin/curl', false],
  ])('%s: %p', (path, kept) => {
    expect(isRecordPath(path)).toBe(kept);
  });

  test('a package manifest in node_modules is cut to dependency names; dpkg status to the fields read', () => {
    const text = JSON.stringify({
      name: 'x',
      version: '1',
      readme: 'x'.repeat(5000),
      dependencies: { a: '1' },
    });
    expect(JSON.parse(compactRecord('node_modules/x/package.json', text)!)).toEqual({
      name: 'x',
      dependencies: ['a'],
      optionalDependencies: [],
      peerDependencies: [],
    });
    expect(compactRecord('node_modules/x/package.json', '{not json')).toBeUndefined();
    const status = 'Package: curl\nStatus: install ok installed\nMaintainer: someone\nDescription: x\n';
    expect(compactRecord('var/lib/dpkg/status', status)).toBe(
      'Package: curl\nStatus: install ok installed\n',
    );
  });
});

describe('nodeProjects', () => {
  test.each([
    ['app/node_modules/a/index.js', 'app/node_modules/a'],
    ['app/node_modules/@s/a/lib/x.js', 'app/node_modules/@s/a'],
    ['node_modules/a/node_modules/b/x.js', 'node_modules/a/node_modules/b'],
    ['app/node_modules/.bin/tsc', undefined],
    ['app/node_modules/.package-lock.json', undefined],
  ])('packageDirOf(%s) = %p', (path, dir) => {
    expect(packageDirOf(path)).toBe(dir);
  });

  test('resolves like Node: a nested copy wins, a hoisted one serves the rest', () => {
    const input = syntheticInput('FROM node:20\nCOPY . /app\n', {
      layers: {
        2: [
          manifest('app/package.json', { dependencies: { a: '1' }, devDependencies: { d: '1' } }),
          manifest('app/node_modules/a/package.json', { dependencies: { b: '2' } }),
          ...filesUnder('app/node_modules/a/node_modules/b', 2, 100), // a's own b@2: production
          ...filesUnder('app/node_modules/b', 3, 1_000), // b@1 at the top: only d needs it
          manifest('app/node_modules/d/package.json', { dependencies: { b: '1' } }),
          ...filesUnder('app/node_modules/d', 1, 10_000),
        ],
      },
    });
    const [project, ...more] = nodeProjects(finalFilesystem(input.layers));
    expect(more).toEqual([]);
    expect(project.manager).toBe('npm');
    expect(project.devOnly.map((p) => p.dir).sort()).toEqual(['app/node_modules/b', 'app/node_modules/d']);
    const dManifest = JSON.stringify({ dependencies: { b: '1' } }).length;
    expect(project.bytes).toBe(3_000 + 10_000 + dManifest);
  });

  test('quiet without devDependencies, and for pnpm stores', () => {
    const plain = syntheticInput('FROM node:20\nCOPY . /app\n', {
      layers: {
        2: [manifest('app/package.json', { dependencies: {} }), ...filesUnder('app/node_modules/x', 2, 5)],
      },
    });
    expect(nodeProjects(finalFilesystem(plain.layers))).toEqual([]);
    const pnpm = syntheticInput('FROM node:20\nCOPY . /app\n', {
      layers: {
        2: [
          manifest('app/package.json', { devDependencies: { x: '1' } }),
          ...filesUnder('app/node_modules/.pnpm/x@1/node_modules/x', 2, 5),
        ],
      },
    });
    expect(nodeProjects(finalFilesystem(pnpm.layers))).toEqual([]);
    expect(productionInstall('yarn-berry')).toBe('yarn workspaces focus --all --production');
  });
});
