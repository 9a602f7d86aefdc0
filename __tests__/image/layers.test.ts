import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  CACHE_KINDS,
  cacheKindOf,
  compileCacheMatcher,
  emptyCacheBytes,
} from '../../src/image/cache-paths.js';
import { zlibHasZstd } from '../../src/image/decompress.js';
import { EntryKind, Largest, type LayerScan, normalizeTarPath, scanLayer } from '../../src/image/layers.js';
import {
  type FixtureEntry,
  GZIP_MEDIA_TYPE,
  TAR_MEDIA_TYPE,
  ZSTD_MEDIA_TYPE,
  blobStream,
  filler,
  gzip,
  tarLayer,
  zstd,
} from '../support/tar-fixtures.js';

describe('normalizeTarPath', () => {
  test.each([
    ['usr/bin/env', 'usr/bin/env'],
    ['./usr/bin/env', 'usr/bin/env'],
    ['/usr/bin/env', 'usr/bin/env'],
    ['usr/bin/', 'usr/bin'],
    ['./usr/bin/', 'usr/bin'],
    ['././etc', 'etc'],
    ['./', ''],
    ['.', ''],
    ['/', ''],
    ['.hidden/file', '.hidden/file'],
    ['./.wh..wh..opq', '.wh..wh..opq'],
    ['usr//lib/./x', 'usr/lib/x'],
    ['usr/lib/.', 'usr/lib'],
  ])('%j -> %j', (name, expected) => {
    expect(normalizeTarPath(name)).toBe(expected);
  });
});

describe('cache paths', () => {
  test.each([
    ['var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease', 'apt'],
    ['var/cache/apt/archives/curl_7.88.deb', 'apt'],
    ['var/cache/apt/pkgcache.bin', 'apt'],
    ['var/cache/apk/APKINDEX.tar.gz', 'apk'],
    ['var/cache/yum/x86_64/repomd.xml', 'yum'],
    ['var/cache/dnf/fedora.solv', 'yum'],
    ['root/.cache/pip/http/a/b', 'pip'],
    ['home/app/.cache/pip/wheels/x.whl', 'pip'],
    ['.cache/pip/x', 'pip'],
    ['root/.npm/_logs/debug.log', 'npm'],
    ['home/node/.npm/_cacache/index-v5/aa', 'npm'],
    ['usr/local/share/.cache/yarn/v6/pkg', 'yarn'],
    ['home/node/.cache/yarn/v6/pkg', 'yarn'],
    ['root/.local/share/pnpm/store/v3/files/aa', 'pnpm'],
    ['app/.pnpm-store/v3/files/aa', 'pnpm'],
    ['root/.cache/go-build/ab/abcdef-d', 'go'],
    ['home/gopher/.cache/go-build/ab/x', 'go'],
    ['go/pkg/mod/cache/download/x.zip', 'go'],
    ['root/go/pkg/mod/cache/download/x.zip', 'go'],
    ['opt/conda/pkgs/numpy-1.26.tar.bz2', 'conda'],
    ['home/u/miniconda3/conda/pkgs/x', 'conda'],
    ['usr/local/bundle/cache/rack-3.0.gem', 'gem'],
    ['root/.gem/specs/x', 'gem'],
    ['var/lib/gems/3.1.0/cache/rake.gem', 'gem'],
    ['tmp/build.log', 'tmp'],
    ['var/tmp/x', 'tmp'],
  ])('%s is %s', (path, kind) => {
    expect(cacheKindOf(path)).toBe(kind);
  });

  test.each([
    'var/lib/apt/listsx/y',
    'var/lib/apt/lists', // the directory itself holds no bytes
    'srv/var/cache/apt/x', // anchored at the root
    'home/app/.cache/pipx/f',
    'go/pkg/mod/github.com/x/y.go', // the module source, not its download cache
    'var/lib/gems/3.1.0/gems/rake/x.rb',
    'var/lib/gems/cache/x', // `*` is one segment: a version must stand there
    'usr/tmp/x',
    'tmpfile',
    'opt/app/node_modules/x.js',
  ])('%s is no cache', (path) => {
    expect(cacheKindOf(path)).toBeUndefined();
  });

  test.each([
    ['a.b/1/c/f', 'gem'],
    ['x/y/a.b/1/c/f', 'gem'],
    ['axb/1/c/f', undefined],
    ['a.b/1/2/c/f', undefined],
  ])(
    'a table of one rule (`**/a.b/*/c/`): `*` is one segment, a leading `**` any number, dots are literal: %s -> %p',
    (path, kind) => {
      const match = compileCacheMatcher([{ kind: 'gem', label: 'x', patterns: ['**/a.b/*/c/'] }]);
      expect(match(path)).toBe(kind);
    },
  );

  test('a path under two caches counts for the outermost one', () => {
    expect(cacheKindOf('tmp/build/.cache/pip/x')).toBe('tmp');
    expect(cacheKindOf('home/u/.cache/yarn/v6/.npm/_cacache/x')).toBe('yarn');
    expect(cacheKindOf('root/.cache/go-build/x/.gem/y')).toBe('go');
  });

  test('emptyCacheBytes has every kind at 0', () => {
    expect(Object.entries(emptyCacheBytes())).toEqual(CACHE_KINDS.map((kind) => [kind, 0]));
  });
});

describe('Largest', () => {
  test('keeps the n largest, largest first, earlier first on a tie', () => {
    const largest = new Largest<string>(3);
    for (const [size, name] of [
      [5, 'a'],
      [1, 'b'],
      [9, 'c'],
      [5, 'd'],
      [7, 'e'],
      [5, 'f'],
      [2, 'g'],
    ] as const) {
      largest.add(size, name);
    }
    expect(largest.items).toEqual(['c', 'e', 'a']);
    expect(largest.admits(5)).toBe(false);
    expect(largest.admits(6)).toBe(true);
  });

  test('a limit of 0 keeps nothing', () => {
    const none = new Largest<string>(0);
    none.add(10, 'x');
    expect(none.items).toEqual([]);
  });
});

// One layer that touches every figure. Sizes are chosen so that every sum is distinct.
const CACHE_LAYER: FixtureEntry[] = [
  { dir: 'etc' },
  { file: 'etc/os-release', content: 'ID=test\n' },
  { dir: 'var/lib/apt/lists' },
  { file: 'var/lib/apt/lists/deb_Packages', size: 3000 },
  { file: 'var/cache/apt/archives/x.deb', size: 2000 },
  { file: 'var/cache/apk/APKINDEX.tar.gz', size: 100 },
  { file: 'var/cache/dnf/repo.solv', size: 110 },
  { file: 'var/cache/yum/x', size: 5 },
  { file: 'root/.cache/pip/http/a', size: 120 },
  { file: 'home/app/.cache/pip/b', size: 7 },
  { file: 'root/.npm/_cacache/index', size: 130 },
  { file: 'home/node/.npm/_cacache/c', size: 3 },
  { file: 'usr/local/share/.cache/yarn/v6/p', size: 140 },
  { file: 'home/u/.cache/yarn/q', size: 4 },
  { file: 'root/.local/share/pnpm/store/v3/f', size: 150 },
  { file: 'app/.pnpm-store/v3/g', size: 6 },
  { file: 'root/.cache/go-build/ab/c', size: 160 },
  { file: 'go/pkg/mod/cache/download/x', size: 9 },
  { file: 'opt/conda/pkgs/numpy.tar.bz2', size: 170 },
  { file: 'usr/local/conda/pkgs/y', size: 2 },
  { file: 'usr/local/bundle/cache/rack.gem', size: 180 },
  { file: 'root/.gem/specs/z', size: 1 },
  { file: 'var/lib/gems/3.1.0/cache/w.gem', size: 11 },
  { file: 'tmp/build.log', size: 190 },
  { file: 'var/tmp/t', size: 12 },
  { file: 'var/lib/apt/listsx', size: 13 }, // near miss: no cache
  { file: 'usr/bin/app', size: 5000 },
  { file: 'usr/bin/empty', size: 0 },
  { hardlink: 'usr/bin/app2', target: 'usr/bin/app' },
  { symlink: 'usr/bin/sh', target: 'busybox' },
  { whiteout: 'etc/old.conf' },
  { opaque: 'var/log' },
];
const CACHE_LAYER_FILE_BYTES =
  8 +
  3000 +
  2000 +
  100 +
  110 +
  5 +
  120 +
  7 +
  130 +
  3 +
  140 +
  4 +
  150 +
  6 +
  160 +
  9 +
  170 +
  2 +
  180 +
  1 +
  11 +
  190;
const CACHE_LAYER_EXPECTED = {
  uncompressed: CACHE_LAYER_FILE_BYTES + 12 + 13 + 5000,
  files: 26,
  whiteouts: 2,
  cacheBytes: {
    apt: 5000,
    apk: 100,
    yum: 115,
    pip: 127,
    npm: 133,
    yarn: 144,
    pnpm: 156,
    go: 169,
    conda: 172,
    gem: 192,
    tmp: 202,
  },
};

describe('scanLayer', () => {
  test('sizes, counts, whiteouts, largest files and cache bytes of a layer', async () => {
    const scan = await scanLayer(blobStream(await tarLayer(CACHE_LAYER)), { largestFiles: 3 });
    expect(scan).toMatchObject({ compression: 'none', ...CACHE_LAYER_EXPECTED });
    expect(scan.largestFiles).toEqual([
      { path: 'usr/bin/app', size: 5000 },
      { path: 'var/lib/apt/lists/deb_Packages', size: 3000 },
      { path: 'var/cache/apt/archives/x.deb', size: 2000 },
    ]);
    expect(scan.entries.count).toBe(CACHE_LAYER.length);
  });

  test('the largest files default to 10', async () => {
    const scan = await scanLayer(blobStream(await tarLayer(CACHE_LAYER)));
    expect(scan.largestFiles.map((f) => f.size)).toEqual([
      5000, 3000, 2000, 190, 180, 170, 160, 150, 140, 130,
    ]);
  });

  test('entries: normalized paths, kinds and sizes in tar order; hard links 0 bytes', async () => {
    const tar = await tarLayer(
      [
        { dir: 'app' },
        { file: 'app/a.bin', size: 300 },
        { hardlink: 'app/b.bin', target: 'app/a.bin' },
        { symlink: 'app/c', target: 'a.bin' },
        { whiteout: 'app/old' },
        { opaque: 'app/cache' },
      ],
      { prefix: './' },
    );
    const scan = await scanLayer(blobStream(tar));
    expect(scan.entries.paths).toEqual([
      'app',
      'app/a.bin',
      'app/b.bin',
      'app/c',
      'app/.wh.old',
      'app/cache/.wh..wh..opq',
    ]);
    expect(Array.from(scan.entries.kinds)).toEqual([
      EntryKind.Directory,
      EntryKind.File,
      EntryKind.HardLink,
      EntryKind.Other,
      EntryKind.Whiteout,
      EntryKind.Opaque,
    ]);
    expect(Array.from(scan.entries.sizes)).toEqual([0, 300, 0, 0, 0, 0]);
    expect(scan).toMatchObject({ uncompressed: 300, files: 1, whiteouts: 2 });
  });

  test('a `./`-prefixed layer gives the same figures and paths as a bare one', async () => {
    const bare = await scanLayer(blobStream(await tarLayer(CACHE_LAYER)));
    const dotted = await scanLayer(blobStream(await tarLayer(CACHE_LAYER, { prefix: './' })));
    expect(dotted).toEqual(bare);
  });

  test('a root entry `./` is not an entry', async () => {
    const scan = await scanLayer(blobStream(await tarLayer([{ dir: '.' }, { file: 'x', size: 4 }])));
    expect(scan.entries.paths).toEqual(['x']);
  });

  test('PAX long names (> 100 chars, no ustar split) are read whole', async () => {
    const longName = `opt/${'n'.repeat(150)}.bin`;
    const deepName = `${'d123456789/'.repeat(30)}leaf.txt`; // 338 chars: beyond ustar's prefix
    const tar = await tarLayer([
      { file: longName, size: 1234 },
      { file: deepName, size: 55 },
      { whiteout: `var/${'w'.repeat(120)}` },
    ]);
    // The pack really wrote PAX headers (typeflag 'x'), not ustar fields.
    expect(tar[156]).toBe('x'.charCodeAt(0));
    const scan = await scanLayer(blobStream(tar, 100));
    expect(scan.entries.paths).toEqual([longName, deepName, `var/.wh.${'w'.repeat(120)}`]);
    expect(scan).toMatchObject({ uncompressed: 1289, files: 2, whiteouts: 1 });
    expect(scan.largestFiles[0]).toEqual({ path: longName, size: 1234 });
  });

  describe('compressions give the same scan', () => {
    let plain: LayerScan;
    const expectSameAsPlain = (scan: LayerScan) => {
      expect({ ...scan, compression: 'none' }).toEqual(plain);
    };

    test('plain tar', async () => {
      plain = await scanLayer(blobStream(await tarLayer(CACHE_LAYER)), { mediaType: TAR_MEDIA_TYPE });
      expect(plain).toMatchObject({ compression: 'none', ...CACHE_LAYER_EXPECTED });
    });

    test('gzip', async () => {
      const blob = gzip(await tarLayer(CACHE_LAYER));
      const scan = await scanLayer(blobStream(blob, 333), { mediaType: GZIP_MEDIA_TYPE });
      expect(scan.compression).toBe('gzip');
      expectSameAsPlain(scan);
    });

    test('gzip bytes under a plain-tar media type', async () => {
      const blob = gzip(await tarLayer(CACHE_LAYER));
      const scan = await scanLayer(blobStream(blob), { mediaType: TAR_MEDIA_TYPE });
      expect(scan.compression).toBe('gzip');
      expectSameAsPlain(scan);
    });

    test('zstd by fzstd', async () => {
      const blob = zstd(await tarLayer(CACHE_LAYER));
      const scan = await scanLayer(blobStream(blob, 333), { mediaType: ZSTD_MEDIA_TYPE, zstd: 'fzstd' });
      expect(scan.compression).toBe('zstd');
      expectSameAsPlain(scan);
    });

    (zlibHasZstd() ? test : test.skip)('zstd by zlib (Node >= 22.15)', async () => {
      const blob = zstd(await tarLayer(CACHE_LAYER));
      const scan = await scanLayer(blobStream(blob, 333), { mediaType: ZSTD_MEDIA_TYPE, zstd: 'zlib' });
      expect(scan.compression).toBe('zstd');
      expectSameAsPlain(scan);
    });

    test('plain tar bytes under a gzip media type', async () => {
      const scan = await scanLayer(blobStream(await tarLayer(CACHE_LAYER)), { mediaType: GZIP_MEDIA_TYPE });
      expect(scan.compression).toBe('none');
      expectSameAsPlain(scan);
    });
  });

  test('an empty blob is an empty layer', async () => {
    const scan = await scanLayer(blobStream(Buffer.alloc(0)), { mediaType: GZIP_MEDIA_TYPE });
    expect(scan).toMatchObject({ compression: 'none', uncompressed: 0, files: 0, whiteouts: 0 });
    expect(scan.entries.count).toBe(0);
  });

  test('a truncated tar rejects', async () => {
    const tar = await tarLayer([{ file: 'a', size: 5000 }]);
    await expect(scanLayer(blobStream(tar.subarray(0, 2048)))).rejects.toThrow('Unexpected end of data');
  });

  test('a truncated gzip layer rejects', async () => {
    const blob = gzip(await tarLayer([{ file: 'a', size: 50_000 }]));
    await expect(scanLayer(blobStream(blob.subarray(0, blob.length - 20)))).rejects.toThrow(
      'unexpected end of file',
    );
  });

  test('an error of the blob stream (a digest mismatch) rejects the scan with it', async () => {
    const blob = gzip(await tarLayer([{ file: 'a', size: 50_000 }]));
    const source = blobStream(blob, 1000);
    let sent = 0;
    source.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > 2000) source.destroy(new Error('digest mismatch for sha256:abc'));
    });
    await expect(scanLayer(source)).rejects.toThrow('digest mismatch for sha256:abc');
  });
});

describe('scanLayer agrees with GNU tar', () => {
  test('uncompressed bytes and file count equal the sums over `tar -tvzf`', async () => {
    const entries: FixtureEntry[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647);
    for (let d = 0; d < 12; d++) {
      entries.push({ dir: `srv/d${d}` });
      for (let f = 0; f < 40; f++) {
        const size = random() % 3 === 0 ? 0 : random() % 20_000;
        entries.push({ file: `srv/d${d}/f${f}.dat`, size });
      }
      entries.push({ hardlink: `srv/d${d}/link`, target: `srv/d${d}/f1.dat` });
      entries.push({ symlink: `srv/d${d}/sym`, target: 'f2.dat' });
    }
    entries.push({ file: `srv/${'long-'.repeat(40)}name.bin`, content: filler(777, 3) });
    const blob = gzip(await tarLayer(entries, { prefix: './' }));

    const dir = mkdtempSync(join(tmpdir(), 'shipshape-layer-'));
    try {
      const path = join(dir, 'layer.tar.gz');
      writeFileSync(path, blob);
      const listing = spawnSync('tar', ['-tvzf', path], { encoding: 'utf8' });
      expect(listing.status).toBe(0);
      const regular = listing.stdout.split('\n').filter((line) => line.startsWith('-'));
      const tarBytes = regular.reduce((sum, line) => sum + Number(line.split(/\s+/)[2]), 0);
      expect(regular.length).toBe(12 * 40 + 1);
      expect(tarBytes).toBeGreaterThan(1_000_000);

      const scan = await scanLayer(blobStream(blob, 65536), { mediaType: GZIP_MEDIA_TYPE });
      expect(scan.uncompressed).toBe(tarBytes);
      expect(scan.files).toBe(regular.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the content digest: what a layer holds, whatever its file times', () => {
  const LAYER: FixtureEntry[] = [
    { dir: 'app' },
    { file: 'app/main.py', content: 'print(1)\n' },
    { symlink: 'app/current', target: 'main.py' },
    { hardlink: 'app/again.py', target: 'app/main.py' },
    { whiteout: 'etc/old' },
  ];
  const digestOf = async (entries: FixtureEntry[], options = {}) =>
    (await scanLayer(blobStream(gzip(await tarLayer(entries, options))))).contentDigest;

  test('the same files written at another time: the same digest, though the blobs differ', async () => {
    const early = await tarLayer(LAYER, { mtime: new Date(Date.UTC(2020, 0, 1)) });
    const late = await tarLayer(LAYER, { mtime: new Date(Date.UTC(2026, 11, 5)) });
    expect(early.equals(late)).toBe(false);
    const [a, b] = await Promise.all(
      [early, late].map(async (t) => (await scanLayer(blobStream(gzip(t)))).contentDigest),
    );
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  test.each<[string, FixtureEntry[]]>([
    ['one byte of a file', LAYER.map((e) => ('file' in e ? { file: e.file, content: 'print(2)\n' } : e))],
    ['a file renamed', LAYER.map((e) => ('file' in e ? { file: 'app/main2.py', content: 'print(1)\n' } : e))],
    ['a symlink target', LAYER.map((e) => ('symlink' in e ? { symlink: e.symlink, target: 'other.py' } : e))],
    ['a whiteout left out', LAYER.filter((e) => !('whiteout' in e))],
    ['a file added', [...LAYER, { file: 'app/extra', size: 1 }]],
  ])('%s: another digest', async (_, changed) => {
    expect(await digestOf(changed)).not.toBe(await digestOf(LAYER));
  });

  test('bytes that move between files are a change (each file is framed by its size)', async () => {
    const one = await digestOf([
      { file: 'a', content: 'xy' },
      { file: 'b', content: '' },
    ]);
    const other = await digestOf([
      { file: 'a', content: 'x' },
      { file: 'b', content: 'y' },
    ]);
    expect(one).not.toBe(other);
  });
});
