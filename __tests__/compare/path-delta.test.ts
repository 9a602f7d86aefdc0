import { describe, expect, test } from '@jest/globals';
import { addToTree, type MergedTree } from '../../src/image/merged.js';
import { pathDelta } from '../../src/compare/path-delta.js';

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
