import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  compactNpmHiddenLock,
  compactPnpmLock,
  compactPnpmModules,
  parseNpmHiddenLock,
  parsePnpmLock,
  parsePnpmModules,
  pnpmStoreName,
  readYamlMap,
} from '../../src/image/node-records.js';

// Written by npm 11, pnpm 9 and pnpm 8 installing one project (fixtures/node-records/README.md).
const fixture = (name: string) => readFileSync(`__tests__/fixtures/node-records/${name}`, 'utf8');

describe("npm's hidden lockfile", () => {
  test('cut to the marks of each install path, as npm wrote them', () => {
    const entries = parseNpmHiddenLock(compactNpmHiddenLock(fixture('npm-package-lock.json'))!);
    expect(entries.filter((e) => e.dev).map((e) => e.path)).toEqual([
      'node_modules/@scope/devx',
      'node_modules/devhelper',
      'node_modules/devtool',
    ]);
    expect(entries.filter((e) => !e.dev).map((e) => e.path)).toEqual([
      'node_modules/applib',
      'node_modules/shared',
    ]);
  });

  test('devOptional, optional, peer and link are kept apart from dev', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'app' },
        'node_modules/fsevents': { version: '2.3.3', devOptional: true, optional: true },
        'node_modules/react': { version: '18.0.0', peer: true },
        'node_modules/ws': { version: '8.0.0', dev: true, optional: true },
        'node_modules/lib': { resolved: 'packages/lib', link: true, dev: true },
      },
    });
    expect(parseNpmHiddenLock(compactNpmHiddenLock(text)!)).toEqual([
      {
        path: 'node_modules/fsevents',
        dev: false,
        devOptional: true,
        optional: true,
        peer: false,
        link: false,
      },
      {
        path: 'node_modules/react',
        dev: false,
        devOptional: false,
        optional: false,
        peer: true,
        link: false,
      },
      { path: 'node_modules/ws', dev: true, devOptional: false, optional: true, peer: false, link: false },
      { path: 'node_modules/lib', dev: true, devOptional: false, optional: false, peer: false, link: true },
    ]);
    expect(compactNpmHiddenLock('{"lockfileVersion":3}')).toBeUndefined();
    expect(compactNpmHiddenLock('not json')).toBeUndefined();
  });
});

describe("pnpm's records", () => {
  test('lockfile v9: the importers say what is dev, the snapshots give the graph', () => {
    const lock = parsePnpmLock(compactPnpmLock(fixture('pnpm9-lock.yaml'))!)!;
    expect(lock.lockfileVersion).toBe('9.0');
    expect(lock.prod).toEqual(['applib@file:vendor/applib-1.0.0.tgz', 'shared@file:vendor/shared-1.0.0.tgz']);
    expect(lock.dev).toEqual([
      '@scope/devx@file:vendor/_scope_devx-1.0.0.tgz',
      'devhelper@file:vendor/devhelper-1.0.0.tgz',
      'devtool@file:vendor/devtool-1.0.0.tgz',
    ]);
    expect(lock.packages['devtool@file:vendor/devtool-1.0.0.tgz']).toEqual({
      deps: ['devhelper@file:vendor/devhelper-1.0.0.tgz', 'shared@file:vendor/shared-1.0.0.tgz'],
    });
  });

  test('lockfile v6: dev marks as pnpm 8 wrote them (absent: both kinds need it)', () => {
    const lock = parsePnpmLock(compactPnpmLock(fixture('pnpm8-lock.yaml'))!)!;
    const marks = Object.fromEntries(Object.entries(lock.packages).map(([k, v]) => [k, v.dev]));
    expect(marks).toEqual({
      'file:vendor/_scope_devx-1.0.0.tgz': true,
      'file:vendor/applib-1.0.0.tgz': false,
      'file:vendor/devhelper-1.0.0.tgz': true,
      'file:vendor/devtool-1.0.0.tgz': true,
      'file:vendor/shared-1.0.0.tgz': undefined,
    });
    expect(lock.packages['file:vendor/applib-1.0.0.tgz'].deps).toEqual(['file:vendor/shared-1.0.0.tgz']);
  });

  test('registry packages with peers resolve by name and version (v9 and v6 keys)', () => {
    const v9 = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      react-dom:',
      '        specifier: ^18.2.0',
      '        version: 18.2.0(react@18.2.0)',
      'packages:',
      '  react-dom@18.2.0:',
      '    resolution: {integrity: sha512-x}',
      'snapshots:',
      '  react-dom@18.2.0(react@18.2.0):',
      '    dependencies:',
      '      react: 18.2.0',
      '  react@18.2.0: {}',
    ].join('\n');
    const lock = parsePnpmLock(compactPnpmLock(v9)!)!;
    expect(lock.prod).toEqual(['react-dom@18.2.0(react@18.2.0)']);
    expect(lock.packages['react-dom@18.2.0(react@18.2.0)'].deps).toEqual(['react@18.2.0']);
    const v6 = [
      "lockfileVersion: '6.0'",
      'devDependencies:',
      '  typescript:',
      '    specifier: ^5.0.0',
      '    version: 5.4.5',
      'packages:',
      '  /typescript@5.4.5:',
      '    resolution: {integrity: sha512-y}',
      "    engines: {node: '>=14.17'}",
      '    hasBin: true',
      '    dev: true',
    ].join('\n');
    expect(parsePnpmLock(compactPnpmLock(v6)!)).toEqual({
      lockfileVersion: '6.0',
      prod: [],
      dev: ['/typescript@5.4.5'],
      packages: { '/typescript@5.4.5': { deps: [], dev: true } },
    });
  });

  test('.modules.yaml: which kinds were installed, and the store', () => {
    expect(parsePnpmModules(compactPnpmModules(fixture('pnpm9-modules.yaml'))!)).toEqual({
      devIncluded: true,
      virtualStoreDir: '.pnpm',
      virtualStoreDirMaxLength: 120,
    });
    const prodOnly = fixture('pnpm9-modules.yaml').replace('devDependencies: true', 'devDependencies: false');
    expect(parsePnpmModules(compactPnpmModules(prodOnly)!)!.devIncluded).toBe(false);
  });

  test('YAML outside the subset pnpm writes is not read', () => {
    expect(readYamlMap('a:\n  b: 1\n c: 2\n')).toBeUndefined(); // indent of no open block
    expect(readYamlMap('text: |\n  line one\n  line two\n')).toBeUndefined();
    expect(readYamlMap("a:\n  - x\n  - 'y'\nb: {}\n")).toEqual({ a: ['x', 'y'], b: {} });
  });

  test.each([
    // The store directories pnpm 9 and 8 made for the fixture's packages.
    ['@scope/devx@file:vendor/_scope_devx-1.0.0.tgz', '@scope+devx@file+vendor+_scope_devx-1.0.0.tgz', false],
    ['file:vendor/_scope_devx-1.0.0.tgz', 'file+vendor+_scope_devx-1.0.0.tgz', false],
    ['/@types/node@20.1.0', '@types+node@20.1.0', false],
    ['react-dom@18.2.0(react@18.2.0)', 'react-dom@18.2.0_react@18.2.0', false],
    ['/JSONStream@1.3.5', 'JSONStream@1.3.5'.slice(0, 93) + '_', true],
    [`a@1.0.0(${'b'.repeat(150)}@1.0.0)`, `a@1.0.0_${'b'.repeat(150)}`.slice(0, 93) + '_', true],
  ])('store name of %s', (key, name, hashed) => {
    expect(pnpmStoreName(key, 120)).toEqual({ name, hashed });
  });
});
