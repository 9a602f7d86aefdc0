import { describe, expect, test } from '@jest/globals';
import { EntryKind, type LayerScan, scanLayer } from '../../src/image/layers.js';
import { type WasteInput, type WasteOptions, computeWaste } from '../../src/image/wasted.js';
import { cacheKindOf } from '../../src/image/cache-paths.js';
import { type FixtureEntry, type TarOptions, blobStream, gzip, tarLayer } from '../support/tar-fixtures.js';

/** Each layer built as a real tar (gzip) and scanned, bottom layer first. */
async function scans(layers: FixtureEntry[][], tarOptions: TarOptions[] = []): Promise<LayerScan[]> {
  return Promise.all(
    layers.map(async (entries, i) =>
      scanLayer(blobStream(gzip(await tarLayer(entries, tarOptions[i] ?? {})))),
    ),
  );
}

async function waste(layers: FixtureEntry[][], options?: WasteOptions, tarOptions?: TarOptions[]) {
  return computeWaste(await scans(layers, tarOptions), options);
}

describe('computeWaste', () => {
  test('a file deleted by a whiteout', async () => {
    const result = await waste([
      [{ dir: 'etc' }, { file: 'etc/big.conf', size: 1000 }, { file: 'etc/keep', size: 10 }],
      [{ dir: 'etc' }, { whiteout: 'etc/big.conf' }],
    ]);
    expect(result).toEqual({
      total: 1000,
      perLayer: [1000, 0],
      pairs: [{ layer: 0, hiddenBy: 1, how: 'deleted', bytes: 1000, count: 1, cacheBytes: {} }],
      hidden: [
        {
          path: 'etc/big.conf',
          size: 1000,
          layer: 0,
          hiddenBy: 1,
          hiddenByPath: 'etc/.wh.big.conf',
          how: 'deleted',
        },
      ],
      hiddenCount: 1,
    });
  });

  test('a directory deleted by a whiteout: every file below it, not its siblings', async () => {
    const result = await waste([
      [
        { dir: 'opt/app' },
        { file: 'opt/app/a', size: 100 },
        { dir: 'opt/app/sub' },
        { file: 'opt/app/sub/b', size: 200 },
        { file: 'opt/app/sub/deeper/c', size: 300 },
        { file: 'opt/apple', size: 50 },
        { file: 'opt/app.bak', size: 60 },
      ],
      [{ dir: 'opt' }, { whiteout: 'opt/app' }],
    ]);
    expect(result.total).toBe(600);
    expect(result.perLayer).toEqual([600, 0]);
    expect(result.hidden).toEqual([
      {
        path: 'opt/app/sub/deeper/c',
        size: 300,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'opt/.wh.app',
        how: 'deleted',
      },
      {
        path: 'opt/app/sub/b',
        size: 200,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'opt/.wh.app',
        how: 'deleted',
      },
      { path: 'opt/app/a', size: 100, layer: 0, hiddenBy: 1, hiddenByPath: 'opt/.wh.app', how: 'deleted' },
    ]);
  });

  test('an opaque directory hides the lower layers below it, not its own layer nor the ones above', async () => {
    const result = await waste([
      [
        { file: 'var/cache/a', size: 100 },
        { file: 'var/cache/sub/b', size: 200 },
        { file: 'var/cachex/c', size: 5 },
        { file: 'var/cache.txt', size: 6 },
      ],
      [{ dir: 'var/cache' }, { opaque: 'var/cache' }, { file: 'var/cache/new', size: 40 }],
      [{ file: 'var/cache/newer', size: 3 }],
    ]);
    expect(result.total).toBe(300);
    expect(result.perLayer).toEqual([300, 0, 0]);
    expect(result.hidden).toEqual([
      {
        path: 'var/cache/sub/b',
        size: 200,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'var/cache/.wh..wh..opq',
        how: 'opaque',
      },
      {
        path: 'var/cache/a',
        size: 100,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'var/cache/.wh..wh..opq',
        how: 'opaque',
      },
    ]);
  });

  test('a file replaced by a directory', async () => {
    const result = await waste([
      [{ dir: 'app' }, { file: 'app/config', size: 500 }],
      [{ dir: 'app/config' }, { file: 'app/config/x', size: 20 }],
    ]);
    expect(result).toEqual({
      total: 500,
      perLayer: [500, 0],
      pairs: [{ layer: 0, hiddenBy: 1, how: 'overwritten', bytes: 500, count: 1, cacheBytes: {} }],
      hidden: [
        {
          path: 'app/config',
          size: 500,
          layer: 0,
          hiddenBy: 1,
          hiddenByPath: 'app/config',
          how: 'overwritten',
        },
      ],
      hiddenCount: 1,
    });
  });

  test('a file replaced by a directory that the tar only implies (no entry of its own)', async () => {
    const result = await waste([
      [{ file: 'app/config', size: 500 }],
      [{ file: 'app/config/sub/x', size: 20 }],
    ]);
    expect(result.total).toBe(500);
    expect(result.hidden).toEqual([
      {
        path: 'app/config',
        size: 500,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'app/config',
        how: 'overwritten',
      },
    ]);
  });

  test('a directory replaced by a file', async () => {
    const result = await waste([
      [{ dir: 'srv/data' }, { file: 'srv/data/a', size: 100 }, { file: 'srv/data/b/c', size: 200 }],
      [{ file: 'srv/data', size: 5 }],
    ]);
    expect(result.total).toBe(300);
    expect(result.perLayer).toEqual([300, 0]);
    expect(result.hidden).toEqual([
      {
        path: 'srv/data/b/c',
        size: 200,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'srv/data',
        how: 'replaced-parent',
      },
      {
        path: 'srv/data/a',
        size: 100,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'srv/data',
        how: 'replaced-parent',
      },
    ]);
  });

  test('a directory replaced by a file two layers up, with a layer between that adds to it', async () => {
    const result = await waste([
      [{ dir: 'srv/data' }, { file: 'srv/data/a', size: 100 }],
      [{ dir: 'srv/data' }, { file: 'srv/data/b', size: 20 }],
      [{ dir: 'srv' }, { file: 'srv/data', size: 5 }],
    ]);
    expect(result).toEqual({
      total: 120,
      perLayer: [100, 20, 0],
      pairs: [
        { layer: 0, hiddenBy: 2, how: 'replaced-parent', bytes: 100, count: 1, cacheBytes: {} },
        { layer: 1, hiddenBy: 2, how: 'replaced-parent', bytes: 20, count: 1, cacheBytes: {} },
      ],
      hidden: [
        {
          path: 'srv/data/a',
          size: 100,
          layer: 0,
          hiddenBy: 2,
          hiddenByPath: 'srv/data',
          how: 'replaced-parent',
        },
        {
          path: 'srv/data/b',
          size: 20,
          layer: 1,
          hiddenBy: 2,
          hiddenByPath: 'srv/data',
          how: 'replaced-parent',
        },
      ],
      hiddenCount: 2,
    });
  });

  test('files of one directory interleaved with others are each looked up right', async () => {
    const result = await waste([
      [
        { file: 'a/1', size: 1 },
        { file: 'b/1', size: 2 },
        { file: 'a/2', size: 4 },
        { file: 'a/sub/3', size: 8 },
        { file: 'a/4', size: 16 },
        { file: 'top', size: 32 },
        { file: 'b/2', size: 64 },
      ],
      [{ whiteout: 'b' }, { opaque: 'a/sub' }, { file: 'top', size: 1 }],
    ]);
    expect(result.total).toBe(2 + 8 + 32 + 64);
    expect(result.hidden.map((h) => [h.path, h.how])).toEqual([
      ['b/2', 'deleted'],
      ['top', 'overwritten'],
      ['a/sub/3', 'opaque'],
      ['b/1', 'deleted'],
    ]);
  });

  test('a file replaced by a symlink, and a directory replaced by a symlink', async () => {
    const result = await waste([
      [{ file: 'usr/bin/tool', size: 800 }, { dir: 'usr/lib/x' }, { file: 'usr/lib/x/y.so', size: 30 }],
      [
        { symlink: 'usr/bin/tool', target: 'tool2' },
        { file: 'usr/bin/tool2', size: 800 },
        { symlink: 'usr/lib/x', target: '/opt/x' },
      ],
    ]);
    expect(result.total).toBe(830);
    expect(result.hidden).toEqual([
      {
        path: 'usr/bin/tool',
        size: 800,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'usr/bin/tool',
        how: 'overwritten',
      },
      {
        path: 'usr/lib/x/y.so',
        size: 30,
        layer: 0,
        hiddenBy: 1,
        hiddenByPath: 'usr/lib/x',
        how: 'replaced-parent',
      },
    ]);
  });

  test('hard links are 0 bytes: never wasted, and a lower file they overwrite is', async () => {
    const layers = await scans([
      [
        { file: 'a', size: 100 },
        { hardlink: 'b', target: 'a' },
        { file: 'c', size: 70 },
      ],
      [
        { file: 'b', size: 10 }, // overwrites the hard link: 0 bytes hidden
        { file: 'd', size: 70 },
        { hardlink: 'c', target: 'd' }, // overwrites the file c: its 70 bytes are hidden
      ],
      [{ whiteout: 'b' }], // deletes the file b: 10 bytes
    ]);
    expect(layers.map((l) => l.uncompressed)).toEqual([170, 80, 0]);
    expect(computeWaste(layers)).toEqual({
      total: 80,
      perLayer: [70, 10, 0],
      pairs: [
        { layer: 0, hiddenBy: 1, how: 'overwritten', bytes: 70, count: 1, cacheBytes: {} },
        { layer: 1, hiddenBy: 2, how: 'deleted', bytes: 10, count: 1, cacheBytes: {} },
      ],
      hidden: [
        { path: 'c', size: 70, layer: 0, hiddenBy: 1, hiddenByPath: 'c', how: 'overwritten' },
        { path: 'b', size: 10, layer: 1, hiddenBy: 2, hiddenByPath: '.wh.b', how: 'deleted' },
      ],
      hiddenCount: 2,
    });
  });

  test('a file overwritten twice: each lower copy once, blamed on the nearest layer above', async () => {
    const result = await waste([
      [{ file: 'f', size: 100 }],
      [{ file: 'f', size: 200 }],
      [{ file: 'f', size: 300 }],
    ]);
    expect(result).toEqual({
      total: 300,
      perLayer: [100, 200, 0],
      pairs: [
        { layer: 0, hiddenBy: 1, how: 'overwritten', bytes: 100, count: 1, cacheBytes: {} },
        { layer: 1, hiddenBy: 2, how: 'overwritten', bytes: 200, count: 1, cacheBytes: {} },
      ],
      hidden: [
        { path: 'f', size: 200, layer: 1, hiddenBy: 2, hiddenByPath: 'f', how: 'overwritten' },
        { path: 'f', size: 100, layer: 0, hiddenBy: 1, hiddenByPath: 'f', how: 'overwritten' },
      ],
      hiddenCount: 2,
    });
  });

  test('a copy hidden in two ways counts once, blamed on the nearest hider', async () => {
    // Layer 1 deletes d; layer 2 writes d/f again: layer 0's d/f is hidden by layer 1.
    const deletedFirst = await waste([
      [{ file: 'd/f', size: 100 }],
      [{ whiteout: 'd' }],
      [{ dir: 'd' }, { file: 'd/f', size: 5 }],
    ]);
    expect(deletedFirst.total).toBe(100);
    expect(deletedFirst.hidden).toEqual([
      { path: 'd/f', size: 100, layer: 0, hiddenBy: 1, hiddenByPath: '.wh.d', how: 'deleted' },
    ]);
    // Layer 1 overwrites d/f; layer 2 deletes d: both lower copies hidden, each once.
    const overwrittenFirst = await waste([
      [{ file: 'd/f', size: 100 }],
      [{ file: 'd/f', size: 5 }],
      [{ whiteout: 'd' }],
    ]);
    expect(overwrittenFirst).toEqual({
      total: 105,
      perLayer: [100, 5, 0],
      pairs: [
        { layer: 0, hiddenBy: 1, how: 'overwritten', bytes: 100, count: 1, cacheBytes: {} },
        { layer: 1, hiddenBy: 2, how: 'deleted', bytes: 5, count: 1, cacheBytes: {} },
      ],
      hidden: [
        { path: 'd/f', size: 100, layer: 0, hiddenBy: 1, hiddenByPath: 'd/f', how: 'overwritten' },
        { path: 'd/f', size: 5, layer: 1, hiddenBy: 2, hiddenByPath: '.wh.d', how: 'deleted' },
      ],
      hiddenCount: 2,
    });
  });

  test('within one layer, an entry at the path names the hider before a whiteout of it', async () => {
    const result = await waste([[{ file: 'x', size: 9 }], [{ whiteout: 'x' }, { file: 'x', size: 1 }]]);
    expect(result.hidden).toEqual([
      { path: 'x', size: 9, layer: 0, hiddenBy: 1, hiddenByPath: 'x', how: 'overwritten' },
    ]);
  });

  test('a whiteout of something that never existed wastes nothing', async () => {
    const result = await waste([
      [
        { file: 'a', size: 10 },
        { file: 'dir/b', size: 20 },
      ],
      [
        { whiteout: 'ghost' },
        { whiteout: 'dir/ghost' },
        { opaque: 'nowhere' },
        { whiteout: 'dir/sub/ghost' },
      ],
    ]);
    expect(result).toEqual({ total: 0, perLayer: [0, 0], pairs: [], hidden: [], hiddenCount: 0 });
  });

  test('the top layer is never wasted, and one layer wastes nothing', async () => {
    expect(await waste([[{ file: 'a', size: 10 }]])).toEqual({
      total: 0,
      perLayer: [0],
      pairs: [],
      hidden: [],
      hiddenCount: 0,
    });
    expect(computeWaste([])).toEqual({ total: 0, perLayer: [], pairs: [], hidden: [], hiddenCount: 0 });
  });

  test('`./`-prefixed and bare layers match the same paths', async () => {
    const result = await waste(
      [[{ file: 'etc/x', size: 40 }], [{ whiteout: 'etc/x' }], [{ file: 'etc/y', size: 1 }]],
      {},
      [{ prefix: './' }, {}, { prefix: './' }],
    );
    expect(result.total).toBe(40);
    expect(result.hidden[0]).toMatchObject({ path: 'etc/x', hiddenByPath: 'etc/.wh.x' });
  });

  test('PAX long names are matched whole', async () => {
    const dir = `opt/${'d'.repeat(120)}`;
    const result = await waste([
      [
        { file: `${dir}/${'f'.repeat(110)}`, size: 300 },
        { file: `${dir}x/${'f'.repeat(110)}`, size: 1 },
      ],
      [{ whiteout: dir }],
    ]);
    expect(result.total).toBe(300);
    expect(result.hidden[0].hiddenByPath).toBe(`opt/.wh.${'d'.repeat(120)}`);
  });

  test('the list of hidden copies is cut at maxHidden, largest first; the totals are not', async () => {
    const lower: FixtureEntry[] = [];
    const upper: FixtureEntry[] = [];
    for (let i = 1; i <= 30; i++) {
      lower.push({ file: `f${i}`, size: i * 10 });
      upper.push({ whiteout: `f${i}` });
    }
    const result = await waste([lower, upper], { maxHidden: 4 });
    expect(result.total).toBe(4650);
    expect(result.hiddenCount).toBe(30);
    expect(result.hidden.map((h) => [h.path, h.size])).toEqual([
      ['f30', 300],
      ['f29', 290],
      ['f28', 280],
      ['f27', 270],
    ]);
  });

  test('pairs: hidden bytes per (layer, hiddenBy), with the share under package caches per kind', async () => {
    const result = await waste(
      [
        [
          { file: 'var/lib/apt/lists/a', size: 300 },
          { file: 'var/cache/apt/archives/b.deb', size: 200 },
          { file: 'root/.cache/pip/c', size: 50 },
          { file: 'etc/conf', size: 7 },
          { file: 'tmp/t', size: 3 },
        ],
        [{ dir: 'var/lib/apt' }, { opaque: 'var/lib/apt/lists' }, { file: 'etc/conf', size: 1 }],
        [{ whiteout: 'var/cache/apt' }, { whiteout: 'root' }, { whiteout: 'tmp' }],
      ],
      { maxHidden: 1 },
    );
    expect(result.pairs).toEqual([
      { layer: 0, hiddenBy: 1, how: 'overwritten', bytes: 7, count: 1, cacheBytes: {} },
      { layer: 0, hiddenBy: 1, how: 'opaque', bytes: 300, count: 1, cacheBytes: { apt: 300 } },
      {
        layer: 0,
        hiddenBy: 2,
        how: 'deleted',
        bytes: 253,
        count: 3,
        cacheBytes: { apt: 200, pip: 50, tmp: 3 },
      },
    ]);
    expect(result.hidden).toHaveLength(1);
  });

  test("a file's cache kind is its directory's (what pairs match once per directory)", () => {
    for (const path of [
      'var/lib/apt/lists/partial/x',
      'var/cache/apt/archives/a.deb',
      'root/.cache/pip/http/a/b',
      'home/u/.cache/pip/x',
      '.cache/pip/x',
      'var/lib/gems/3.1.0/cache/rake.gem',
      'var/lib/gems/3.1.0/rake.gem',
      'app/node_modules/.pnpm-store/v3/x',
      'root/go/pkg/mod/cache/download/x.zip',
      'tmp/x',
      'tmpfile',
      'var/tmp',
      'opt/conda/pkgs/x/y',
      'usr/lib/cache/pip/x',
      'usr/lib/x.so',
    ]) {
      const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
      expect([path, dir === '' ? undefined : cacheKindOf(`${dir}/`)]).toEqual([path, cacheKindOf(path)]);
    }
  });

  test('many layers: each layer is charged what the layers above hide of it', async () => {
    const result = await waste([
      [
        { file: 'a', size: 1 },
        { file: 'b', size: 2 },
        { file: 'keep/c', size: 4 },
      ],
      [
        { file: 'a', size: 8 },
        { file: 'd/e', size: 16 },
      ],
      [{ whiteout: 'b' }, { file: 'd', size: 32 }],
      [{ file: 'a', size: 64 }, { opaque: 'keep' }],
    ]);
    // layer 0: a (by 1), b (by 2), keep/c (by 3's opaque); layer 1: a (by 3), d/e (by 2, replaced-parent)
    expect(result.perLayer).toEqual([7, 24, 0, 0]);
    expect(result.pairs.map((p) => [p.layer, p.hiddenBy, p.how, p.bytes, p.count])).toEqual([
      [0, 1, 'overwritten', 1, 1],
      [0, 2, 'deleted', 2, 1],
      [0, 3, 'opaque', 4, 1],
      [1, 2, 'replaced-parent', 16, 1],
      [1, 3, 'overwritten', 8, 1],
    ]);
    expect(result.total).toBe(31);
    expect(result.hidden.map((h) => [h.path, h.layer, h.hiddenBy, h.how])).toEqual([
      ['d/e', 1, 2, 'replaced-parent'],
      ['a', 1, 3, 'overwritten'],
      ['keep/c', 0, 3, 'opaque'],
      ['b', 0, 2, 'deleted'],
      ['a', 0, 1, 'overwritten'],
    ]);
  });
});

/**
 * A reference: the layers applied one by one to a model filesystem, the way a runtime extracts
 * them (whiteouts and opaque markers first, against the lower layers only; then the entries, each
 * creating its missing parent directories and replacing whatever non-directory stands in the
 * way). A file copy is hidden by the layer during whose application it disappears.
 */
type ModelEntry =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'dir' | 'symlink' | 'hardlink'; path: string }
  | { kind: 'whiteout'; target: string }
  | { kind: 'opaque'; dir: string };

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const markerPath = (entry: ModelEntry) =>
  entry.kind === 'whiteout'
    ? `${entry.target.includes('/') ? `${parentOf(entry.target)}/` : ''}.wh.${entry.target.split('/').pop()}`
    : entry.kind === 'opaque'
      ? `${entry.dir}/.wh..wh..opq`
      : entry.path;

function referenceWaste(layers: ModelEntry[][]) {
  type Node = { dir: boolean; copy?: { layer: number; path: string; size: number } };
  const fs = new Map<string, Node>();
  const hidden: Array<{ layer: number; path: string; size: number; hiddenBy: number }> = [];
  const remove = (path: string, by: number, self: boolean) => {
    for (const [other, node] of [...fs]) {
      if ((self && other === path) || other.startsWith(`${path}/`)) {
        if (node.copy) hidden.push({ ...node.copy, hiddenBy: by });
        fs.delete(other);
      }
    }
  };
  const makeDirectories = (dir: string, by: number) => {
    const segments = dir === '' ? [] : dir.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const ancestor = segments.slice(0, i).join('/');
      const node = fs.get(ancestor);
      if (node && !node.dir) remove(ancestor, by, true);
      if (!fs.has(ancestor)) fs.set(ancestor, { dir: true });
    }
  };
  layers.forEach((entries, layer) => {
    for (const entry of entries) {
      if (entry.kind === 'whiteout') remove(entry.target, layer, true);
      if (entry.kind === 'opaque') remove(entry.dir, layer, false);
    }
    for (const entry of entries) {
      makeDirectories(parentOf(markerPath(entry)), layer);
      if (entry.kind === 'whiteout' || entry.kind === 'opaque') continue;
      if (entry.kind === 'dir') {
        makeDirectories(entry.path, layer);
        continue;
      }
      remove(entry.path, layer, true);
      const copy = entry.kind === 'file' ? { layer, path: entry.path, size: entry.size } : undefined;
      fs.set(entry.path, { dir: false, copy });
    }
  });
  return hidden;
}

function asScan(entries: ModelEntry[]): WasteInput {
  const kindOf = {
    file: EntryKind.File,
    dir: EntryKind.Directory,
    symlink: EntryKind.Other,
    hardlink: EntryKind.HardLink,
  };
  return {
    entries: {
      count: entries.length,
      paths: entries.map(markerPath),
      kinds: Uint8Array.from(
        entries.map((e) =>
          e.kind === 'whiteout'
            ? EntryKind.Whiteout
            : e.kind === 'opaque'
              ? EntryKind.Opaque
              : kindOf[e.kind],
        ),
      ),
      sizes: Float64Array.from(entries.map((e) => (e.kind === 'file' ? e.size : 0))),
    },
  };
}

test('10,000 layers that each write the same file again: linear, each lower copy counted once', () => {
  const layers = Array.from({ length: 10_000 }, () => asScan([{ kind: 'file', path: 'app/same', size: 7 }]));
  const started = performance.now();
  const result = computeWaste(layers);
  const elapsed = performance.now() - started;
  expect([result.total, result.hiddenCount, result.pairs.length]).toEqual([9_999 * 7, 9_999, 9_999]);
  expect(result.pairs[9_998]).toEqual({
    layer: 9_998,
    hiddenBy: 9_999,
    how: 'overwritten',
    bytes: 7,
    count: 1,
    cacheBytes: {},
  });
  // Quadratic, this took seconds; linear, a few milliseconds.
  expect(elapsed).toBeLessThan(1_000);
});

describe('computeWaste against the reference, on random layer stacks', () => {
  test('2000 stacks of 2 to 5 layers over a small tree: the same hidden copies, totals and blame', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const randomPath = () =>
      Array.from({ length: 1 + random(3) }, () => ['a', 'b', 'c'][random(3)]).join('/');
    let checkedCopies = 0;
    for (let stack = 0; stack < 2000; stack++) {
      const layers: ModelEntry[][] = [];
      for (let l = 0, count = 2 + random(4); l < count; l++) {
        const entries: ModelEntry[] = [];
        for (let e = 0, n = 1 + random(7); e < n; e++) {
          const path = randomPath();
          const roll = random(20);
          const entry: ModelEntry =
            roll < 11
              ? { kind: 'file', path, size: 1 + random(1000) }
              : roll < 14
                ? { kind: 'dir', path }
                : roll < 15
                  ? { kind: 'symlink', path }
                  : roll < 16
                    ? { kind: 'hardlink', path }
                    : roll < 19
                      ? { kind: 'whiteout', target: path }
                      : { kind: 'opaque', dir: path };
          // One layer never holds two entries at one path, nor anything below one of its
          // non-directories (a tar that says both is contradictory).
          const marker = markerPath(entry);
          const clash = entries.some((other) => {
            const otherMarker = markerPath(other);
            const nonDirectory = (x: ModelEntry) =>
              x.kind === 'file' || x.kind === 'symlink' || x.kind === 'hardlink';
            return (
              otherMarker === marker ||
              (nonDirectory(other) && marker.startsWith(`${otherMarker}/`)) ||
              (nonDirectory(entry) && otherMarker.startsWith(`${marker}/`))
            );
          });
          if (!clash) entries.push(entry);
        }
        layers.push(entries);
      }
      const expected = referenceWaste(layers);
      const result = computeWaste(layers.map(asScan), { maxHidden: 1000 });
      const key = (h: { layer: number; path: string; hiddenBy: number; size: number }) =>
        `${h.layer}:${h.path}:${h.size}->${h.hiddenBy}`;
      const context = JSON.stringify(layers);
      expect({ stack: context, hidden: result.hidden.map(key).sort() }).toEqual({
        stack: context,
        hidden: expected.map(key).sort(),
      });
      expect(result.total).toBe(expected.reduce((sum, h) => sum + h.size, 0));
      expect(result.hiddenCount).toBe(expected.length);
      expect(result.perLayer).toEqual(
        layers.map((_, layer) =>
          expected.filter((h) => h.layer === layer).reduce((sum, h) => sum + h.size, 0),
        ),
      );
      // Per (layer, hiddenBy), the pairs add up to the reference's copies (the reference does
      // not say how; the listed copies above already check that).
      const sumPairs = (items: { layer: number; hiddenBy: number; bytes: number; count: number }[]) => {
        const sums = new Map<string, { bytes: number; count: number }>();
        for (const item of items) {
          const sum = sums.get(`${item.layer}->${item.hiddenBy}`) ?? { bytes: 0, count: 0 };
          sum.bytes += item.bytes;
          sum.count += item.count;
          sums.set(`${item.layer}->${item.hiddenBy}`, sum);
        }
        return [...sums].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      };
      expect(sumPairs(result.pairs)).toEqual(
        sumPairs(expected.map((h) => ({ layer: h.layer, hiddenBy: h.hiddenBy, bytes: h.size, count: 1 }))),
      );
      for (const pair of result.pairs) {
        const copies = result.hidden.filter(
          (h) => h.layer === pair.layer && h.hiddenBy === pair.hiddenBy && h.how === pair.how,
        );
        expect([pair.bytes, pair.count]).toEqual([copies.reduce((sum, h) => sum + h.size, 0), copies.length]);
      }
      checkedCopies += expected.length;
    }
    expect(checkedCopies).toBeGreaterThan(2000);
  });
});
