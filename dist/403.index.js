export const id = 403;
export const ids = [403];
export const modules = {

/***/ 9784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MERGED_TREE_DEPTH: () => (/* binding */ MERGED_TREE_DEPTH),
  addToTree: () => (/* binding */ addToTree),
  mergeLayers: () => (/* binding */ mergeLayers)
});

// EXTERNAL MODULE: ./src/image/cache-paths.ts
var cache_paths = __webpack_require__(6734);
// EXTERNAL MODULE: ./src/image/layers.ts + 1 modules
var image_layers = __webpack_require__(7740);
;// CONCATENATED MODULE: ./src/image/wasted.ts
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


const HOW = ['overwritten', 'deleted', 'opaque', 'replaced-parent'];
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
const pack = (layer, how, nonDirectory = 0) => layer * 8 + how * 2 + nonDirectory;
const layerOf = (mark) => Math.floor(mark / 8);
const howOf = (mark) => (mark >> 1) & 3;
const isNonDirectory = (mark) => (mark & 1) === 1;
/** Whether `mark` should replace `current`: a nearer layer, or the same layer more directly. */
function nearer(mark, current) {
    if (current === undefined)
        return true;
    const layer = layerOf(mark);
    const currentLayer = layerOf(current);
    return layer < currentLayer || (layer === currentLayer && PRIORITY[howOf(mark)] > PRIORITY[howOf(current)]);
}
const dirname = (path) => {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
};
/** Whether `path` is directly in directory `dir` (no allocation: checked once per entry). */
const isDirectlyIn = (path, dir) => dir !== '' && path.lastIndexOf('/') === dir.length && path.startsWith(dir);
const whiteoutOf = (path) => {
    const slash = path.lastIndexOf('/');
    return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
};
const whiteoutTarget = (whiteoutPath) => {
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
    same = new Map();
    below = new Map();
    get empty() {
        return this.same.size === 0 && this.below.size === 0;
    }
    setSame(path, mark) {
        const current = this.same.get(path);
        if (!nearer(mark, current))
            return;
        // A file at `path` in a higher layer still hides what lies below `path` in the lower
        // layers once a nearer layer puts a directory there: keep that in `below`. (A nearer
        // file hides below by itself, a nearer whiteout sets `below` itself.)
        if (current !== undefined &&
            isNonDirectory(current) &&
            !isNonDirectory(mark) &&
            howOf(mark) === OVERWRITTEN &&
            layerOf(current) !== layerOf(mark)) {
            this.setBelow(path, pack(layerOf(current), REPLACED_PARENT));
        }
        this.same.set(path, mark);
    }
    setBelow(path, mark) {
        if (nearer(mark, this.below.get(path)))
            this.below.set(path, mark);
    }
    /** Adds what a layer hides from the layers below it. */
    add(layer, scan) {
        const { count, paths, kinds } = scan.entries;
        for (let k = 0; k < count; k++) {
            const path = paths[k];
            switch (kinds[k]) {
                case image_layers.EntryKind.Whiteout: {
                    const target = whiteoutTarget(path);
                    this.setSame(target, pack(layer, DELETED));
                    this.setBelow(target, pack(layer, DELETED));
                    break;
                }
                case image_layers.EntryKind.Opaque:
                    this.setBelow(dirname(path), pack(layer, OPAQUE));
                    break;
                case image_layers.EntryKind.Directory:
                    this.setSame(path, pack(layer, OVERWRITTEN));
                    break;
                default: // a file, hard link, symlink or device: replaces a lower file, or a lower directory
                    this.setSame(path, pack(layer, OVERWRITTEN, 1));
            }
        }
        // A directory the tar does not list but its entries imply (`a/b/c` implies `a/b` and `a`)
        // still replaces a lower file at that path. Each directory is walked once.
        const walked = new Set();
        let lastDir = '';
        for (let k = 0; k < count; k++) {
            if (isDirectlyIn(paths[k], lastDir))
                continue;
            lastDir = dirname(paths[k]);
            for (let dir = lastDir; dir !== '' && !walked.has(dir); dir = dirname(dir)) {
                walked.add(dir);
                const current = this.same.get(dir);
                if (current === undefined || layerOf(current) !== layer)
                    this.setSame(dir, pack(layer, OVERWRITTEN));
            }
        }
    }
    /**
     * The nearest hider of everything below `dir` and its ancestors (`a/b` -> `a`, `a/b`), with
     * the path it stands at; the shallowest wins a tie.
     */
    aboveDirectory(dir) {
        let best;
        let bestKey = '';
        for (let end = dir.indexOf('/');; end = dir.indexOf('/', end + 1)) {
            const ancestor = end < 0 ? dir : dir.slice(0, end);
            const below = this.below.get(ancestor);
            if (below !== undefined && (best === undefined || layerOf(below) < layerOf(best))) {
                best = below;
                bestKey = ancestor;
            }
            const same = this.same.get(ancestor);
            if (same !== undefined &&
                isNonDirectory(same) &&
                (best === undefined || layerOf(same) < layerOf(best))) {
                best = pack(layerOf(same), REPLACED_PARENT);
                bestKey = ancestor;
            }
            if (end < 0)
                break;
        }
        return best === undefined ? undefined : { mark: best, key: bestKey };
    }
}
/** The path of the entry that hid something, from the hidden-or-ancestor path and how. */
function hiderPath(key, how) {
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
function computeWaste(layers, options = {}) {
    const hiders = new Hiders();
    const perLayer = new Array(layers.length).fill(0);
    const largest = new image_layers.Largest(options.maxHidden ?? 100);
    let total = 0;
    let hiddenCount = 0;
    const pairsTopDown = [];
    for (let layer = layers.length - 1; layer >= 0; layer--) {
        const { count, paths, kinds, sizes } = layers[layer].entries;
        // Indexed by hiddenBy * 4 + how: an array slot, not one more map lookup per hidden file.
        const byHider = [];
        // The slots in use: the array is sparse and as long as 4 x the hider's layer, so walking it
        // for every layer made 10,000 repeated layers take seconds (quadratic).
        const used = [];
        const onVisible = options.onVisible;
        if (hiders.empty && onVisible) {
            for (let k = 0; k < count; k++)
                if (kinds[k] === image_layers.EntryKind.File && sizes[k] > 0)
                    onVisible(paths[k], sizes[k]);
        }
        if (!hiders.empty) {
            // Files come grouped by directory: what hides a directory's contents is looked up once.
            let dir;
            let aboveDir;
            let cacheDir;
            let cacheOfDir;
            for (let k = 0; k < count; k++) {
                // Hard links are 0 bytes: never waste. An empty file wastes nothing either.
                if (kinds[k] !== image_layers.EntryKind.File || sizes[k] === 0)
                    continue;
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
                    cacheOfDir = dir === '' ? undefined : (0,cache_paths/* cacheKindOf */.cW)(`${dir}/`);
                }
                if (cacheOfDir !== undefined)
                    pair.cacheBytes[cacheOfDir] = (pair.cacheBytes[cacheOfDir] ?? 0) + size;
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
        pairsTopDown.push(used.sort((a, b) => a - b).map((slot) => byHider[slot]));
        if (layer > 0)
            hiders.add(layer, layers[layer]);
    }
    const pairs = pairsTopDown.reverse().flat();
    return { total, perLayer, pairs, hidden: largest.items, hiddenCount };
}

;// CONCATENATED MODULE: ./src/image/merged.ts
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

/** The deepest path (in segments) the merged tree keeps apart. */
const MERGED_TREE_DEPTH = 6;
function addToTree(tree, path, size, depth = MERGED_TREE_DEPTH) {
    tree.set('', (tree.get('') ?? 0) + size);
    let end = -1;
    for (let level = 0; level < depth; level++) {
        end = path.indexOf('/', end + 1);
        const key = end < 0 ? path : path.slice(0, end);
        tree.set(key, (tree.get(key) ?? 0) + size);
        if (end < 0)
            break;
    }
}
/** The wasted bytes and the merged tree of one platform image, bottom layer first. */
function mergeLayers(layers, options = {}) {
    const tree = new Map([['', 0]]);
    const depth = options.depth ?? MERGED_TREE_DEPTH;
    const waste = computeWaste(layers, {
        ...options,
        onVisible: (path, size) => addToTree(tree, path, size, depth),
    });
    return { waste, tree };
}


/***/ })

};
