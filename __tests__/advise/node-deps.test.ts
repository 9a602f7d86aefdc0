import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { finalFilesystem } from '../../src/advise/filesystem.js';
import { nodeProjects, packageDirOf, productionInstall } from '../../src/advise/node-deps.js';
import { compactRecord, isRecordPath } from '../../src/image/records.js';
import { type SyntheticEntry, filesUnder, manifest, syntheticInput } from '../support/synthetic-advice.js';

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
    ['app/node_modules/.package-lock.json', true],
    ['app/node_modules/.pnpm/lock.yaml', true],
    ['app/node_modules/.modules.yaml', true],
    ['app/node_modules/x/node_modules/.package-lock.json', false],
    ['app/node_modules/.pnpm/x@1/node_modules/x/lock.yaml', false],
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

// The project of fixtures/node-records: what npm, pnpm 9 and pnpm 8 installed (sizes as listed
// from the real installs: lib/blob.bin and the package.json each tarball holds).
const fixture = (name: string) => readFileSync(`__tests__/fixtures/node-records/${name}`, 'utf8');
const PACKAGES: Record<string, [number, number]> = {
  '@scope/devx': [7000, 41],
  applib: [4000, 71],
  devhelper: [9000, 39],
  devtool: [25000, 93],
  shared: [1500, 36],
};
const DEV_BYTES = 7000 + 41 + 9000 + 39 + 25000 + 93;
const packageFiles = (dir: string, name: string): SyntheticEntry[] => [
  { file: `${dir}/lib/blob.bin`, size: PACKAGES[name][0] },
  { file: `${dir}/package.json`, size: PACKAGES[name][1] },
];
const record = (path: string, text: string): SyntheticEntry => ({ file: path, size: text.length, text });
const projectJson = (): SyntheticEntry => record('app/package.json', fixture('package.json'));
const projectsOf = (layers: Record<number, SyntheticEntry[]>) =>
  nodeProjects(
    finalFilesystem(syntheticInput('FROM node:20\nCOPY . /app\nCOPY x /app/\n', { layers }).layers),
  );
const npmInstall = (): SyntheticEntry[] => [
  projectJson(),
  record('app/node_modules/.package-lock.json', fixture('npm-package-lock.json')),
  ...Object.keys(PACKAGES).flatMap((name) => packageFiles(`app/node_modules/${name}`, name)),
];

describe('dev-only bytes from the package managers records', () => {
  test('npm: the packages the hidden lockfile marks dev, scoped ones too', () => {
    const [project, ...more] = projectsOf({ 2: npmInstall() });
    expect(more).toEqual([]);
    expect([project.source, project.manager, project.bytes]).toEqual(['npm-lockfile', 'npm', DEV_BYTES]);
    expect(project.devOnly.map((p) => [p.name, p.bytes])).toEqual([
      ['devtool', 25093],
      ['devhelper', 9039],
      ['@scope/devx', 7041],
    ]);
    expect(project.devFiles).toContain('app/node_modules/@scope/devx/lib/blob.bin');
  });

  test('npm: where the record and the manifests disagree, the record wins', () => {
    // The package.json the image shows was changed after `npm ci` (a later `COPY . .`): it now
    // lists devhelper for production. npm installed it as dev, and its record says so.
    const edited = JSON.parse(fixture('package.json')) as { dependencies: Record<string, string> };
    edited.dependencies.devhelper = 'file:vendor/devhelper-1.0.0.tgz';
    const later = { 3: [record('app/package.json', JSON.stringify(edited))] };
    const walked = projectsOf({
      2: npmInstall().filter((e) => !('file' in e && e.file.endsWith('.package-lock.json'))),
      ...later,
    });
    expect([walked[0].source, walked[0].bytes]).toEqual(['manifests', DEV_BYTES - 9039]);
    const [project] = projectsOf({ 2: npmInstall(), ...later });
    expect([project.source, project.bytes]).toEqual(['npm-lockfile', DEV_BYTES]);
  });

  test('npm: nested node_modules belong to their dev package; devOptional, peer and links are not dev-only', () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        'node_modules/app-lib': { version: '1.0.0' },
        'node_modules/app-lib/node_modules/semver': { version: '7.6.0' },
        'node_modules/jest': { version: '29.0.0', dev: true },
        'node_modules/jest/node_modules/semver': { version: '6.3.1', dev: true },
        'node_modules/@types/node': { version: '20.0.0', dev: true },
        'node_modules/fsevents': { version: '2.3.3', devOptional: true, optional: true },
        'node_modules/react': { version: '18.0.0', peer: true },
        'node_modules/workspace-a': { resolved: 'packages/a', link: true, dev: true },
      },
    };
    const [project] = projectsOf({
      2: [
        record('app/node_modules/.package-lock.json', JSON.stringify(lock)),
        ...filesUnder('app/node_modules/app-lib', 1, 100),
        ...filesUnder('app/node_modules/app-lib/node_modules/semver', 1, 200),
        ...filesUnder('app/node_modules/jest', 2, 1_000),
        ...filesUnder('app/node_modules/jest/node_modules/semver', 1, 300),
        // Not in the record, but inside a dev package: it goes with it.
        ...filesUnder('app/node_modules/jest/node_modules/leftover', 1, 50),
        ...filesUnder('app/node_modules/@types/node', 3, 400),
        ...filesUnder('app/node_modules/fsevents', 1, 5_000),
        ...filesUnder('app/node_modules/react', 1, 6_000),
        ...filesUnder('app/packages/a', 1, 7_000),
        { symlink: 'app/node_modules/workspace-a' },
      ],
    });
    // No package.json of the project in the image (only node_modules was copied): the record alone says.
    expect(project.devOnly.map((p) => [p.dir, p.bytes])).toEqual([
      ['app/node_modules/jest', 2_000 + 300 + 50],
      ['app/node_modules/@types/node', 1_200],
    ]);
    expect(project.bytes).toBe(3_550);
  });

  test.each([
    [
      'v9 (pnpm 9)',
      'pnpm9-lock.yaml',
      'pnpm9-modules.yaml',
      (name: string) => `${name.replace('/', '+')}@file+vendor+${name.replace(/[@/]/g, '_')}-1.0.0.tgz`,
    ],
    [
      'v6 (pnpm 8)',
      'pnpm8-lock.yaml',
      'pnpm8-modules.yaml',
      (name: string) => `file+vendor+${name.replace(/[@/]/g, '_')}-1.0.0.tgz`,
    ],
  ])('pnpm lockfile %s: the dev-only packages of its virtual store', (_, lock, modules, storeDir) => {
    const store = Object.keys(PACKAGES).flatMap((name) =>
      packageFiles(`app/node_modules/.pnpm/${storeDir(name)}/node_modules/${name}`, name),
    );
    const links = Object.keys(PACKAGES).map((name) => ({ symlink: `app/node_modules/${name}` }));
    const layer = [
      projectJson(),
      record('app/pnpm-lock.yaml', fixture(lock)),
      record('app/node_modules/.modules.yaml', fixture(modules)),
      record('app/node_modules/.pnpm/lock.yaml', fixture(lock)),
      ...store,
      ...links,
    ];
    const [project, ...more] = projectsOf({ 2: layer });
    expect(more).toEqual([]);
    expect([project.source, project.manager, project.bytes]).toEqual(['pnpm-lockfile', 'pnpm', DEV_BYTES]);
    expect(project.devOnly.map((p) => p.name)).toEqual(['devtool', 'devhelper', '@scope/devx']);
    // Installed with --prod: nothing dev-only, whatever the lockfile lists.
    const prodModules = fixture(modules).replace('devDependencies: true', 'devDependencies: false');
    const prod = layer.map((e) =>
      'file' in e && e.file.endsWith('.modules.yaml') ? record(e.file, prodModules) : e,
    );
    expect(projectsOf({ 2: prod })).toEqual([]);
  });

  test('yarn v1: no dev marks in node_modules, the manifests graph says, and the source is named', () => {
    const [project] = projectsOf({
      2: [
        projectJson(),
        record('app/yarn.lock', '# yarn lockfile v1\n'),
        record('app/node_modules/.yarn-integrity', '{}'),
        ...Object.keys(PACKAGES).flatMap((name) => packageFiles(`app/node_modules/${name}`, name)),
        manifest('app/node_modules/applib/package.json', {
          name: 'applib',
          dependencies: { shared: '^1.0.0' },
        }),
        manifest('app/node_modules/devtool/package.json', {
          name: 'devtool',
          dependencies: { devhelper: '^1.0.0', shared: '^1.0.0' },
        }),
      ],
    });
    expect([project.source, project.manager]).toEqual(['manifests', 'yarn']);
    expect(project.devOnly.map((p) => p.name).sort()).toEqual(['@scope/devx', 'devhelper', 'devtool']);
  });
});
