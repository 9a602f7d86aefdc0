/**
 * Wasted bytes across an image's layers (DESIGN.md): bytes of regular files in lower layers that
 * the final filesystem cannot see, because a later layer overwrote them, deleted them with a
 * whiteout, hid them under an opaque directory, or replaced a directory above them with a file
 * or symlink. Each hidden copy counts once, blamed on the nearest later layer that hides it
 * (dive counts some copies twice: its issue #684).
 *
 * One sweep from the top layer down: before a layer's own entries are added to the set of
 * "hiders", its files are looked up against the hiders of the layers above it, so the cost is
 * one map lookup per file plus one per ancestor directory, never a comparison of layer pairs.
 */
import { type CacheKind, cacheKindOf } from './cache-paths.js';
import { EntryKind, type LayerScan, Largest } from './layers.js';

export type HiddenHow = 'overwritten' | 'deleted' | 'opaque' | 'replaced-parent';

export interface HiddenCopy {
  path: string;
  size: number;
  /** Index (bottom = 0) of the layer that holds the copy. */
  layer: number;
  /** The nearest later layer that hides it. */
  hiddenBy: number;
  /**
   * The path of what hid it: the overwriting path (the same path), the whiteout
   * (`etc/.wh.passwd`), the opaque marker (`var/cache/.wh..wh..opq`), or the ancestor that a
   * file or symlink replaced (`opt/app`).
   */
  hiddenByPath: string;
  how: HiddenHow;
}

/**
 * All the copies one layer holds that one later layer hides in one way: what the advisor blames
 * on a pair of Dockerfile lines (a RUN that deletes what an earlier RUN left, a chmod that
 * rewrites what a COPY added).
 */
export interface WastePair {
  /** The layer that holds the copies. */
  layer: number;
  /** The layer that hides them (each copy is blamed on the nearest one). */
  hiddenBy: number;
  how: HiddenHow;
  bytes: number;
  count: number;
  /**
   * Of `bytes`, those under well-known cache directories (cache-paths.ts), per kind, nonzero
   * kinds only: a package-cache finding already counts them, so a hidden-bytes one must not.
   */
  cacheBytes: Partial<Record<CacheKind, number>>;
}

export interface Waste {
  /** Bytes of all hidden copies. */
  total: number;
  /** Per layer (bottom to top): bytes of that layer hidden by the layers above it. */
  perLayer: number[];
  /** Every (layer, hiddenBy, how) with hidden bytes, in that order (never cut, unlike `hidden`). */
  pairs: WastePair[];
  /** The largest hidden copies, largest first, at most `maxHidden`. */
  hidden: HiddenCopy[];
  /** How many hidden copies there are in all (`hidden` may be cut). */
  hiddenCount: number;
}

export interface WasteOptions {
  /** How many hidden copies to list (default 100). */
  maxHidden?: number;
  /**
   * Called for every regular file of more than 0 bytes that the final filesystem shows (no later
   * layer hides it), top layer first: what merged.ts builds the merged tree from, in the same sweep.
   */
  onVisible?: (path: string, size: number) => void;
}

/** The layers of one platform image, in the fields the waste computation reads. */
export type WasteInput = Pick<LayerScan, 'entries'>;

const HOW: readonly HiddenHow[] = ['overwritten', 'deleted', 'opaque', 'replaced-parent'];
const OVERWRITTEN = 0;
const DELETED = 1;
const OPAQUE = 2;
const REPLACED_PARENT = 3;
/** Within one layer, when two entries hide the same path, the more direct one names it. */
const PRIORITY = [3, 0, 1, 2];

/**
 * A hider packed in one small integer (a V8 small integer: no allocation in a Map):
 * layer * 8 + how * 2 + nonDirectory. `nonDirectory` marks an entry at the path that is not a
 * directory (a file, symlink, hard link, device), which also hides everything below the path.
 */
const pack = (layer: number, how: number, nonDirectory = 0) => layer * 8 + how * 2 + nonDirectory;
const layerOf = (mark: number) => Math.floor(mark / 8);
const howOf = (mark: number) => (mark >> 1) & 3;
const isNonDirectory = (mark: number) => (mark & 1) === 1;

/** Whether `mark` should replace `current`: a nearer layer, or the same layer more directly. */
function nearer(mark: number, current: number | undefined): boolean {
  if (current === undefined) return true;
  const layer = layerOf(mark);
  const currentLayer = layerOf(current);
  return layer < currentLayer || (layer === currentLayer && PRIORITY[howOf(mark)] > PRIORITY[howOf(current)]);
}

const dirname = (path: string) => {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
};
/** Whether `path` is directly in directory `dir` (no allocation: checked once per entry). */
const isDirectlyIn = (path: string, dir: string) =>
  dir !== '' && path.lastIndexOf('/') === dir.length && path.startsWith(dir);
const whiteoutOf = (path: string) => {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
};
const whiteoutTarget = (whiteoutPath: string) => {
  const slash = whiteoutPath.lastIndexOf('/');
  return whiteoutPath.slice(0, slash + 1) + whiteoutPath.slice(slash + 1 + '.wh.'.length);
};

/**
 * The hiders of the layers above the one being checked, nearest layer first:
 * - `same`: per path, the nearest layer with an entry at it (or a whiteout of it): it hides the
 *   lower copies of that path; when that entry is no directory, it also hides all below the path;
 * - `below`: per directory path, the nearest layer that hides everything below it in some other
 *   way: a whiteout of it, an opaque marker in it, or a non-directory entry that a nearer
 *   directory entry at the same path superseded in `same`. Few paths: whiteouts are rare.
 */
class Hiders {
  readonly same = new Map<string, number>();
  readonly below = new Map<string, number>();

  get empty(): boolean {
    return this.same.size === 0 && this.below.size === 0;
  }

  private setSame(path: string, mark: number): void {
    const current = this.same.get(path);
    if (!nearer(mark, current)) return;
    // A file at `path` in a higher layer still hides what lies below `path` in the lower
    // layers once a nearer layer puts a directory there: keep that in `below`. (A nearer
    // file hides below by itself, a nearer whiteout sets `below` itself.)
    if (
      current !== undefined &&
      isNonDirectory(current) &&
      !isNonDirectory(mark) &&
      howOf(mark) === OVERWRITTEN &&
      layerOf(current) !== layerOf(mark)
    ) {
      this.setBelow(path, pack(layerOf(current), REPLACED_PARENT));
    }
    this.same.set(path, mark);
  }

  private setBelow(path: string, mark: number): void {
    if (nearer(mark, this.below.get(path))) this.below.set(path, mark);
  }

  /** Adds what a layer hides from the layers below it. */
  add(layer: number, scan: WasteInput): void {
    const { count, paths, kinds } = scan.entries;
    for (let k = 0; k < count; k++) {
      const path = paths[k];
      switch (kinds[k]) {
        case EntryKind.Whiteout: {
          const target = whiteoutTarget(path);
          this.setSame(target, pack(layer, DELETED));
          this.setBelow(target, pack(layer, DELETED));
          break;
        }
        case EntryKind.Opaque:
          this.setBelow(dirname(path), pack(layer, OPAQUE));
          break;
        case EntryKind.Directory:
          this.setSame(path, pack(layer, OVERWRITTEN));
          break;
        default: // a file, hard link, symlink or device: replaces a lower file, or a lower directory
          this.setSame(path, pack(layer, OVERWRITTEN, 1));
      }
    }
    // A directory the tar does not list but its entries imply (`a/b/c` implies `a/b` and `a`)
    // still replaces a lower file at that path. Each directory is walked once.
    const walked = new Set<string>();
    let lastDir = '';
    for (let k = 0; k < count; k++) {
      if (isDirectlyIn(paths[k], lastDir)) continue;
      lastDir = dirname(paths[k]);
      for (let dir = lastDir; dir !== '' && !walked.has(dir); dir = dirname(dir)) {
        walked.add(dir);
        const current = this.same.get(dir);
        if (current === undefined || layerOf(current) !== layer) this.setSame(dir, pack(layer, OVERWRITTEN));
      }
    }
  }

  /**
   * The nearest hider of everything below `dir` and its ancestors (`a/b` -> `a`, `a/b`), with
   * the path it stands at; the shallowest wins a tie.
   */
  aboveDirectory(dir: string): { mark: number; key: string } | undefined {
    let best: number | undefined;
    let bestKey = '';
    for (let end = dir.indexOf('/'); ; end = dir.indexOf('/', end + 1)) {
      const ancestor = end < 0 ? dir : dir.slice(0, end);
      const below = this.below.get(ancestor);
      if (below !== undefined && (best === undefined || layerOf(below) < layerOf(best))) {
        best = below;
        bestKey = ancestor;
      }
      const same = this.same.get(ancestor);
      if (
        same !== undefined &&
        isNonDirectory(same) &&
        (best === undefined || layerOf(same) < layerOf(best))
      ) {
        best = pack(layerOf(same), REPLACED_PARENT);
        bestKey = ancestor;
      }
      if (end < 0) break;
    }
    return best === undefined ? undefined : { mark: best, key: bestKey };
  }
}

/** The path of the entry that hid something, from the hidden-or-ancestor path and how. */
function hiderPath(key: string, how: number): string {
  switch (how) {
    case DELETED:
      return whiteoutOf(key);
    case OPAQUE:
      return `${key}/.wh..wh..opq`;
    default:
      return key; // overwritten: the same path; replaced-parent: the ancestor
  }
}

/** The wasted bytes of one platform image, from its layer scans, bottom layer first. */
export function computeWaste(layers: readonly WasteInput[], options: WasteOptions = {}): Waste {
  const hiders = new Hiders();
  const perLayer = new Array<number>(layers.length).fill(0);
  const largest = new Largest<HiddenCopy>(options.maxHidden ?? 100);
  let total = 0;
  let hiddenCount = 0;
  const pairsTopDown: WastePair[][] = [];
  for (let layer = layers.length - 1; layer >= 0; layer--) {
    const { count, paths, kinds, sizes } = layers[layer].entries;
    // Indexed by hiddenBy * 4 + how: an array slot, not one more map lookup per hidden file.
    const byHider: (WastePair | undefined)[] = [];
    // The slots in use: the array is sparse and as long as 4 x the hider's layer, so walking it
    // for every layer made 10,000 repeated layers take seconds (quadratic).
    const used: number[] = [];
    const onVisible = options.onVisible;
    if (hiders.empty && onVisible) {
      for (let k = 0; k < count; k++)
        if (kinds[k] === EntryKind.File && sizes[k] > 0) onVisible(paths[k], sizes[k]);
    }
    if (!hiders.empty) {
      // Files come grouped by directory: what hides a directory's contents is looked up once.
      let dir: string | undefined;
      let aboveDir: { mark: number; key: string } | undefined;
      let cacheDir: string | undefined;
      let cacheOfDir: CacheKind | undefined;
      for (let k = 0; k < count; k++) {
        // Hard links are 0 bytes: never waste. An empty file wastes nothing either.
        if (kinds[k] !== EntryKind.File || sizes[k] === 0) continue;
        const path = paths[k];
        if (dir === undefined || !isDirectlyIn(path, dir)) {
          dir = dirname(path);
          aboveDir = dir === '' ? undefined : hiders.aboveDirectory(dir);
        }
        // The path itself wins a tie with its ancestors.
        let mark = hiders.same.get(path);
        let key = path;
        if (aboveDir !== undefined && (mark === undefined || layerOf(aboveDir.mark) < layerOf(mark))) {
          ({ mark, key } = aboveDir);
        }
        if (mark === undefined) {
          onVisible?.(path, sizes[k]);
          continue;
        }
        const size = sizes[k];
        const hiddenBy = layerOf(mark);
        const how = howOf(mark);
        total += size;
        perLayer[layer] += size;
        hiddenCount++;
        const slot = hiddenBy * 4 + how;
        let pair = byHider[slot];
        if (pair === undefined) {
          pair = byHider[slot] = { layer, hiddenBy, how: HOW[how], bytes: 0, count: 0, cacheBytes: {} };
          used.push(slot);
        }
        pair.bytes += size;
        pair.count++;
        // Cache patterns name directories, so a file's kind is its directory's: matched once
        // per directory of hidden files, not per file (a regex costs more than the lookups here).
        if (cacheDir !== dir) {
          cacheDir = dir;
          cacheOfDir = dir === '' ? undefined : cacheKindOf(`${dir}/`);
        }
        if (cacheOfDir !== undefined) pair.cacheBytes[cacheOfDir] = (pair.cacheBytes[cacheOfDir] ?? 0) + size;
        if (largest.admits(size)) {
          largest.add(size, {
            path,
            size,
            layer,
            hiddenBy,
            hiddenByPath: hiderPath(key, how),
            how: HOW[how],
          });
        }
      }
    }
    pairsTopDown.push(used.sort((a, b) => a - b).map((slot) => byHider[slot]!));
    if (layer > 0) hiders.add(layer, layers[layer]);
  }
  const pairs = pairsTopDown.reverse().flat();
  return { total, perLayer, pairs, hidden: largest.items, hiddenCount };
}
