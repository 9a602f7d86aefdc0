/**
 * The merged filesystem of one platform image (its layers stacked, whiteouts and opaque
 * directories applied), as bytes per directory: what the path delta (compare/path-delta.ts)
 * compares. Made in the same top-down sweep as the wasted bytes (wasted.ts), from the entries
 * the layer scan kept; nothing is read again.
 *
 * Memory stays bounded by the shape of the tree, not the number of files: each file adds its
 * bytes to its ancestors up to `depth` path segments, so a million files under
 * `usr/lib/python3.11/site-packages/...` are a few thousand keys.
 */
import { computeWaste, type Waste, type WasteInput, type WasteOptions } from './wasted.js';

/** The deepest path (in segments) the merged tree keeps apart. */
export const MERGED_TREE_DEPTH = 6;

/**
 * Bytes of the regular files the final filesystem shows, per path: '' is the whole image; a key
 * of fewer than `depth` segments holds everything below it; a file no deeper than `depth` is a
 * key of its own. Keys have no leading slash (`usr/lib`).
 */
export type MergedTree = Map<string, number>;

export function addToTree(tree: MergedTree, path: string, size: number, depth = MERGED_TREE_DEPTH): void {
  tree.set('', (tree.get('') ?? 0) + size);
  let end = -1;
  for (let level = 0; level < depth; level++) {
    end = path.indexOf('/', end + 1);
    const key = end < 0 ? path : path.slice(0, end);
    tree.set(key, (tree.get(key) ?? 0) + size);
    if (end < 0) break;
  }
}

/** The wasted bytes and the merged tree of one platform image, bottom layer first. */
export function mergeLayers(
  layers: readonly WasteInput[],
  options: Omit<WasteOptions, 'onVisible'> & { depth?: number } = {},
): { waste: Waste; tree: MergedTree } {
  const tree: MergedTree = new Map([['', 0]]);
  const depth = options.depth ?? MERGED_TREE_DEPTH;
  const waste = computeWaste(layers, {
    ...options,
    onVisible: (path, size) => addToTree(tree, path, size, depth),
  });
  return { waste, tree };
}
