import { describe, expect, test } from '@jest/globals';
import { addToTree, type MergedTree } from '../../src/image/merged.js';
import { MAX_PATHS, pathDelta } from '../../src/compare/path-delta.js';
import { buildSizeReport } from '../../src/compare/delta.js';
import type { ImageMeasurement } from '../../src/measure/measurement.js';
import { parseSizeReport } from '../../src/report/size-report.js';

const tree = (files: Record<string, number>): MergedTree => {
  const t: MergedTree = new Map([['', 0]]);
  for (const [path, size] of Object.entries(files)) addToTree(t, path, size);
  return t;
};

const MB = 1_000_000;

describe('pathDelta: which paths grew, rolled up by directory', () => {
  const base = tree({
    'usr/bin/python3': 5 * MB,
    'usr/lib/python3.11/os.py': 1 * MB,
    'usr/share/doc/x': 2 * MB,
    'etc/passwd': 1000,
  });

  test('the deepest directory holding 80% of a growth stands for it, a cache directory whole; new ones say so', () => {
    const head = tree({
      'usr/bin/python3': 5 * MB,
      'usr/lib/python3.11/os.py': 1 * MB,
      'usr/lib/python3.11/site-packages/numpy/core.so': 30 * MB,
      'usr/lib/python3.11/site-packages/pandas/lib.so': 15 * MB,
      'usr/share/doc/x': 2 * MB,
      'root/.cache/pip/http/a': 8 * MB,
      'root/.cache/pip/http/b': 4 * MB,
      'etc/passwd': 1000,
    });
    expect(pathDelta(base, head)).toEqual([
      {
        path: '/usr/lib/python3.11/site-packages',
        before: 0,
        after: 45 * MB,
        delta: 45 * MB,
        status: 'new',
      },
      { path: '/root/.cache/pip', before: 0, after: 12 * MB, delta: 12 * MB, status: 'new' },
    ]);
  });

  test('growth and loss are both shown; a removed directory is named, not the files in it', () => {
    const head = tree({
      'usr/bin/python3': 5 * MB,
      'usr/lib/python3.11/os.py': 4 * MB,
      'etc/passwd': 1000,
    });
    expect(pathDelta(base, head)).toEqual([
      { path: '/usr/lib/python3.11/os.py', before: 1 * MB, after: 4 * MB, delta: 3 * MB, status: 'grown' },
      { path: '/usr/share', before: 2 * MB, after: 0, delta: -2 * MB, status: 'removed' },
    ]);
  });

  test('the same tree: nothing', () => {
    expect(
      pathDelta(base, tree({ ...Object.fromEntries([...base].filter(([k]) => k.includes('/'))) })),
    ).toEqual(expect.any(Array));
    const same = tree({
      'usr/bin/python3': 5 * MB,
      'usr/lib/python3.11/os.py': 1 * MB,
      'usr/share/doc/x': 2 * MB,
      'etc/passwd': 1000,
    });
    expect(pathDelta(base, same)).toEqual([]);
  });

  test('at most the limit, largest change first', () => {
    const head = tree(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}/f`, (i + 1) * 1000])));
    const paths = pathDelta(tree({}), head, 10);
    expect(paths).toHaveLength(10);
    expect(paths[0]).toMatchObject({ path: '/d49/f', delta: 50_000 });
    expect(paths.map((p) => p.delta)).toEqual([...paths.map((p) => p.delta)].sort((a, b) => b - a));
  });
});

describe('the path delta in the size-report JSON', () => {
  // 160 top-level directories gone and 160 new, one file each: 320 changed paths, with ties
  // (the same size removed and added) that the documented order breaks by path.
  const sizeOf = (i: number) => ((i % 80) + 1) * 1000;
  const platform = (ref: string, files: Record<string, number>): ImageMeasurement => ({
    ref,
    digest: `sha256:${ref.length.toString(16).padStart(64, '0')}`,
    platforms: [
      {
        platform: 'linux/amd64',
        manifestDigest: `sha256:${'e'.repeat(64)}`,
        compressed: 1,
        uncompressed: Object.values(files).reduce((a, b) => a + b, 0),
        wasted: 0,
        layers: [],
        tree: tree(files),
      },
    ],
  });
  const files = (prefix: string) =>
    Object.fromEntries(Array.from({ length: 160 }, (_, i) => [`${prefix}${i}/f`, sizeOf(i)]));

  test(`keeps the ${MAX_PATHS} largest changes by default, largest first, ties by path`, () => {
    const report = buildSizeReport(
      platform('localhost:5000/a:pr', { ...files('new'), 'keep/f': 5 }),
      platform('localhost:5000/a:main', { ...files('gone'), 'keep/f': 5 }),
    );
    const paths = parseSizeReport(JSON.stringify(report)).platforms[0]!.paths!;
    // Every changed path, stated from the construction: one line per directory's file.
    const all = Array.from({ length: 160 }, (_, i) => [
      { path: `/gone${i}/f`, before: sizeOf(i), after: 0, delta: -sizeOf(i), status: 'removed' },
      { path: `/new${i}/f`, before: 0, after: sizeOf(i), delta: sizeOf(i), status: 'new' },
    ]).flat();
    expect(all).toHaveLength(320);
    const expected = all
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.path < b.path ? -1 : 1))
      .slice(0, MAX_PATHS);
    expect(MAX_PATHS).toBe(200);
    expect(paths).toEqual(expected);
    // Four paths per size: the 50 largest sizes are kept (80 kB down to 31 kB), the smaller left out.
    expect(paths[0]).toMatchObject({ path: '/gone159/f', delta: -80_000 });
    expect(paths[1]).toMatchObject({ path: '/gone79/f', delta: -80_000 });
    expect(paths[2]).toMatchObject({ path: '/new159/f', delta: 80_000 });
    expect(Math.min(...paths.map((p) => Math.abs(p.delta)))).toBe(31_000);
  });
});
