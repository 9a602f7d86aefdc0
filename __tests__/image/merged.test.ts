import { describe, expect, test } from '@jest/globals';
import { addToTree, mergeLayers, type MergedTree } from '../../src/image/merged.js';
import { computeWaste } from '../../src/image/wasted.js';
import { scanLayer } from '../../src/image/layers.js';
import { type FixtureEntry, blobStream, tarLayer } from '../support/tar-fixtures.js';

const scans = (layers: FixtureEntry[][]) =>
  Promise.all(layers.map(async (entries) => scanLayer(blobStream(await tarLayer(entries)))));

describe('mergeLayers: the final filesystem, as bytes per path', () => {
  test('whiteouts, opaque directories and overwrites hide lower files; the tree sums what is left', async () => {
    const layers = await scans([
      [
        { file: 'usr/lib/a.so', size: 1000 },
        { file: 'usr/lib/b.so', size: 500 },
        { file: 'var/cache/apt/pkg.deb', size: 4000 },
        { file: 'etc/passwd', size: 10 },
      ],
      [
        { whiteout: 'usr/lib/b.so' },
        { opaque: 'var/cache' },
        { file: 'var/cache/new', size: 7 },
        { file: 'etc/passwd', size: 12 },
      ],
    ]);
    const { tree, waste } = mergeLayers(layers);
    expect(Object.fromEntries(tree)).toEqual({
      '': 1000 + 7 + 12,
      usr: 1000,
      'usr/lib': 1000,
      'usr/lib/a.so': 1000,
      var: 7,
      'var/cache': 7,
      'var/cache/new': 7,
      etc: 12,
      'etc/passwd': 12,
    });
    // the same sweep as the wasted bytes, and the same figure
    expect(waste.total).toBe(computeWaste(layers).total);
    expect(waste.total).toBe(500 + 4000 + 10);
  });

  test('a deep tree is kept to the depth: files below it add to their ancestors only', () => {
    const tree: MergedTree = new Map();
    for (let i = 0; i < 1000; i++) addToTree(tree, `a/b/c/d/e/f/g/h/file${i}`, 1);
    addToTree(tree, 'a/x', 5);
    expect(tree.get('')).toBe(1005);
    expect(tree.get('a')).toBe(1005);
    expect(tree.get('a/b/c/d/e/f')).toBe(1000);
    expect(tree.has('a/b/c/d/e/f/g')).toBe(false);
    // a thousand files, a handful of keys
    expect(tree.size).toBe(8);
  });
});
