export const id = 355;
export const ids = [355];
export const modules = {

/***/ 6734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cW: () => (/* binding */ cacheKindOf),
/* harmony export */   j2: () => (/* binding */ emptyCacheBytes),
/* harmony export */   pM: () => (/* binding */ CACHE_PATH_RULES),
/* harmony export */   ye: () => (/* binding */ isCleanableCache)
/* harmony export */ });
/* unused harmony exports CACHE_KINDS, compileCacheMatcher */
/**
 * Well-known cache directories that package managers leave in images, as data, and one matcher
 * that says which of them (if any) a layer path is under. The layer scan adds up the bytes of
 * regular files per kind, so a report can say "42 MB of apt lists in layer 3".
 *
 * Pattern syntax (paths as they stand in a layer tar, normalized: no leading `/` or `./`):
 * - a plain segment matches itself;
 * - `*` matches exactly one segment (`var/lib/gems/*` matches `var/lib/gems/3.1.0`);
 * - a leading `**` segment matches zero or more leading segments, so the pip pattern with it
 *   matches `root/.cache/pip/`, `home/app/.cache/pip/` and `.cache/pip/`.
 * Every pattern ends with `/`: it names a directory, and matches the paths below it.
 */
const CACHE_KINDS = [
    'apt',
    'apk',
    'yum',
    'pip',
    'npm',
    'yarn',
    'pnpm',
    'go',
    'conda',
    'gem',
    'tmp',
    'pkgdb',
];
const CACHE_PATH_RULES = [
    { kind: 'apt', label: 'apt lists and archives', patterns: ['var/lib/apt/lists/', 'var/cache/apt/'] },
    { kind: 'apk', label: 'apk cache', patterns: ['var/cache/apk/'] },
    { kind: 'yum', label: 'yum/dnf cache', patterns: ['var/cache/yum/', 'var/cache/dnf/'] },
    { kind: 'pip', label: 'pip cache', patterns: ['root/.cache/pip/', '**/.cache/pip/'] },
    { kind: 'npm', label: 'npm cache', patterns: ['root/.npm/', '**/.npm/_cacache/'] },
    { kind: 'yarn', label: 'yarn cache', patterns: ['usr/local/share/.cache/yarn/', '**/.cache/yarn/'] },
    { kind: 'pnpm', label: 'pnpm store', patterns: ['**/.local/share/pnpm/store/', '**/.pnpm-store/'] },
    {
        kind: 'go',
        label: 'Go build and module cache',
        patterns: ['root/.cache/go-build/', '**/.cache/go-build/', '**/go/pkg/mod/cache/'],
    },
    { kind: 'conda', label: 'conda packages', patterns: ['opt/conda/pkgs/', '**/conda/pkgs/'] },
    {
        kind: 'gem',
        label: 'gem cache',
        patterns: ['usr/local/bundle/cache/', '**/.gem/', 'var/lib/gems/*/cache/'],
    },
    { kind: 'tmp', label: 'temporary files', patterns: ['tmp/', 'var/tmp/'] },
    // Not a cache: the package managers' own databases, which every install rewrites (a hidden
    // copy of dpkg's status in each layer that installs). Named so that advice leaves them alone:
    // there is nothing to clean, and deleting them breaks the package manager.
    {
        kind: 'pkgdb',
        label: 'package databases',
        patterns: [
            'var/lib/dpkg/',
            'var/cache/debconf/',
            'lib/apk/db/',
            'var/lib/rpm/',
            'var/lib/dnf/',
            'var/log/apt/',
        ],
    },
];
/** Kinds that are caches to clean; `pkgdb` is bookkeeping that must stay. */
const isCleanableCache = (kind) => kind !== 'pkgdb';
/** A pattern (without its leading `**` segment) as a regular-expression source. */
function patternSource(pattern) {
    if (!pattern.endsWith('/'))
        throw new Error(`cache path pattern must end with '/': ${pattern}`);
    return pattern
        .slice(0, -1)
        .split('/')
        .map((segment) => (segment === '*' ? '[^/]+/' : `${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`))
        .join('');
}
/**
 * One regular expression for the whole table, matched once per path. Anchored patterns stand
 * under `^`; patterns that start with `**` are searched for after `^` or any `/`, which V8 does
 * some ten times faster than a leading `(?:[^/]+/)*` (that backtracks at every segment). The
 * leftmost match wins, so the outermost cache directory names the kind.
 */
function compileCacheMatcher(rules = CACHE_PATH_RULES) {
    const anchored = [];
    const floating = [];
    const kinds = [];
    for (const [list, anywhere] of [
        [anchored, false],
        [floating, true],
    ]) {
        for (const rule of rules) {
            const patterns = rule.patterns.filter((pattern) => pattern.startsWith('**/') === anywhere);
            if (patterns.length === 0)
                continue;
            list.push(`(${patterns.map((pattern) => patternSource(anywhere ? pattern.slice(3) : pattern)).join('|')})`);
            kinds.push(rule.kind);
        }
    }
    const alternatives = [];
    if (anchored.length > 0)
        alternatives.push(`^(?:${anchored.join('|')})`);
    if (floating.length > 0)
        alternatives.push(`(?:^|/)(?:${floating.join('|')})`);
    const expression = new RegExp(alternatives.join('|'));
    /** The kind of cache a normalized path is under, or undefined. */
    return (path) => {
        const match = expression.exec(path);
        if (match === null)
            return undefined;
        for (let group = 1; group < match.length; group++) {
            if (match[group] !== undefined)
                return kinds[group - 1];
        }
        return undefined;
    };
}
/** The kind of cache a normalized path is under (`var/cache/apt/archives/x.deb` -> `apt`). */
const cacheKindOf = compileCacheMatcher();
/** A zero for each kind, in table order. */
function emptyCacheBytes() {
    const bytes = {};
    for (const kind of CACHE_KINDS)
        bytes[kind] = 0;
    return bytes;
}


/***/ }),

/***/ 7740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t0: () => (/* binding */ EntryKind),
  FV: () => (/* binding */ Largest),
  h4: () => (/* binding */ scanLayer)
});

// UNUSED EXPORTS: normalizeTarPath

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/image/cache-paths.ts
var cache_paths = __webpack_require__(6734);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/image/decompress.ts
/**
 * A layer blob as a tar stream. The compression is read from the blob's first bytes, because
 * registries and tools mislabel layers (gzip bytes under a plain-tar media type happen); the
 * media type only decides when the blob is too short to tell.
 */


/** zlib's default output chunk is 16 KiB; 256 KiB halves the per-chunk overhead downstream. */
const OUTPUT_CHUNK_SIZE = 256 * 1024;
/**
 * Network blobs arrive in 16-64 KiB chunks, and each write to zlib is a round trip to the thread
 * pool: handing the decoder 1 MiB at a time took a 200 MB layer from 1.8 s to 1.3 s (bench/).
 */
const INPUT_BATCH_SIZE = 1024 * 1024;
/** What a layer media type declares (`...tar+gzip`, `...rootfs.diff.tar.gzip`, `...tar+zstd`). */
function compressionFromMediaType(mediaType) {
    if (!mediaType)
        return undefined;
    if (mediaType.endsWith('+gzip') || mediaType.endsWith('.gzip'))
        return 'gzip';
    if (mediaType.endsWith('+zstd') || mediaType.endsWith('.zstd'))
        return 'zstd';
    if (mediaType.endsWith('.tar') || mediaType.endsWith('/tar'))
        return 'none';
    return undefined;
}
/** The compression the first bytes show, or undefined when they show neither gzip nor zstd. */
function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4) {
        const magic = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
        if (magic === 0xfd2fb528)
            return 'zstd';
        // A skippable frame (0x184D2A50..5F) may open a zstd stream.
        if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50)
            return 'zstd';
    }
    return undefined;
}
const SNIFF_BYTES = 4;
/**
 * Reads at least `count` bytes (fewer if the blob is shorter) and gives back a stream of the whole
 * blob: the same stream with the bytes put back, or, when the blob ended already, a new one.
 */
async function peek(stream, count) {
    const chunks = [];
    let length = 0;
    let ended = false;
    while (length < count && !ended) {
        const chunk = stream.read();
        if (chunk !== null) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            chunks.push(bytes);
            length += bytes.length;
            continue;
        }
        ended = stream.readableEnded || (await nextReadable(stream));
    }
    const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (ended)
        return { head, blob: external_node_stream_.Readable.from(head.length > 0 ? [head] : [], { objectMode: false }) };
    if (head.length > 0)
        stream.unshift(head);
    return { head, blob: stream };
}
/** Waits for more bytes (false) or the end (true); rejects on the stream's error or early close. */
function nextReadable(stream) {
    if (stream.errored)
        return Promise.reject(stream.errored);
    if (stream.destroyed)
        return Promise.reject(new Error('the layer blob stream closed before its end'));
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            stream.off('error', onError);
            stream.off('close', onClose);
        };
        const onReadable = () => (cleanup(), resolve(false));
        const onEnd = () => (cleanup(), resolve(true));
        const onError = (error) => (cleanup(), reject(error));
        const onClose = () => (cleanup(), reject(new Error('the layer blob stream closed before its end')));
        stream.on('readable', onReadable);
        stream.on('end', onEnd);
        stream.on('error', onError);
        stream.on('close', onClose);
    });
}
/** Whether this Node's zlib has zstd (Node >= 22.15 / 23.8). */
function zlibHasZstd() {
    return typeof zlib.createZstdDecompress === 'function';
}
/** fzstd's push-style decoder as a Transform; loaded only when a zstd layer needs it. */
async function fzstdTransform() {
    const { Decompress } = await __webpack_require__.e(/* import() */ 339).then(__webpack_require__.bind(__webpack_require__, 8339));
    const transform = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            try {
                decoder.push(chunk);
            }
            catch (error) {
                return done(error);
            }
            done();
        },
        flush(done) {
            try {
                // `final` makes fzstd throw on a stream cut short.
                decoder.push(new Uint8Array(0), true);
            }
            catch (error) {
                return done(error);
            }
            done();
        },
    });
    const decoder = new Decompress((data) => {
        // Each block is a fresh array: wrap it, no copy.
        if (data.length > 0)
            transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
    return transform;
}
async function zstdDecoder(choice) {
    const create = (external_node_zlib_default()).createZstdDecompress;
    if (choice === 'zlib' && !create)
        throw new Error(`this Node (${process.version}) has no zstd in zlib`);
    if (create && choice !== 'fzstd')
        return { stream: create({ chunkSize: OUTPUT_CHUNK_SIZE }), name: 'zlib' };
    return { stream: await fzstdTransform(), name: 'fzstd' };
}
/**
 * The tar inside a layer blob: gunzip, zstd or as is, by the first bytes. The blob is read once,
 * as a stream; nothing is buffered beyond the decoders' own windows.
 */
async function decompressLayer(blob, options = {}) {
    const { head, blob: whole } = await peek(blob, SNIFF_BYTES);
    const sniffed = sniffCompression(head);
    // Bytes that are neither gzip nor zstd are a tar (the tar parser says so if not), unless the
    // blob is too short to tell; an empty blob is an empty layer.
    const compression = sniffed ??
        (head.length > 0 && head.length < SNIFF_BYTES
            ? (compressionFromMediaType(options.mediaType) ?? 'none')
            : 'none');
    if (compression === 'none')
        return { compression, tar: whole };
    if (compression === 'gzip') {
        return { compression, tar: joined(whole, external_node_zlib_default().createGunzip({ chunkSize: OUTPUT_CHUNK_SIZE })) };
    }
    const zstd = await zstdDecoder(options.zstd ?? 'auto');
    return { compression, zstdDecoder: zstd.name, tar: joined(whole, zstd.stream) };
}
/** Passes bytes on in chunks of at least `size` (the last one excepted), copying only small ones. */
function batches(size) {
    let pending = [];
    let length = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            if (length === 0 && chunk.length >= size)
                return done(null, chunk);
            pending.push(chunk);
            length += chunk.length;
            if (length < size)
                return done();
            const batch = Buffer.concat(pending, length);
            pending = [];
            length = 0;
            done(null, batch);
        },
        flush(done) {
            done(null, length > 0 ? Buffer.concat(pending, length) : undefined);
        },
    });
}
/** `blob | batches | decoder`; an error of any (a digest mismatch, a reset) destroys the decoder with it. */
function joined(blob, decoder) {
    return (0,external_node_stream_.pipeline)(blob, batches(INPUT_BATCH_SIZE), decoder, () => {
        // pipeline already destroyed the decoder with the error; its reader sees it there.
    });
}

;// CONCATENATED MODULE: ./src/image/layers.ts




/** What an entry is, as far as sizes and hiding go. Stored one byte per entry. */
const EntryKind = {
    /** A regular file: its size counts. */
    File: 0,
    /** A hard link: a second name for a file, 0 bytes. */
    HardLink: 1,
    Directory: 2,
    /** A symlink, device or fifo: no bytes, but it replaces what was at its path. */
    Other: 3,
    /** `DIR/.wh.NAME`: deletes `DIR/NAME` (and all below it) from the layers underneath. */
    Whiteout: 4,
    /** `DIR/.wh..wh..opq`: hides everything below `DIR` in the layers underneath. */
    Opaque: 5,
};
const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/**
 * A tar path as the scan keys it: no leading `./` or `/`, no trailing `/`, no empty or `.`
 * segments. `./` alone (the root) becomes ''.
 */
function normalizeTarPath(name) {
    let start = 0;
    let end = name.length;
    for (;;) {
        if (name.charCodeAt(start) === 47 /* / */)
            start++;
        else if (name.charCodeAt(start) === 46 /* . */ &&
            (name.charCodeAt(start + 1) === 47 || start + 1 === end))
            start += 2;
        else
            break;
    }
    while (end > start && name.charCodeAt(end - 1) === 47)
        end--;
    if (start >= end)
        return '';
    const path = start === 0 && end === name.length ? name : name.slice(start, end);
    // Rare: `a//b`, `a/./b`. Looked for before splitting, so the common path allocates no more.
    return path.includes('//') || path.includes('/./') || path.endsWith('/.') ? cleanSegments(path) : path;
}
function cleanSegments(path) {
    return path
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.')
        .join('/');
}
/**
 * The `limit` largest items seen, largest first, in a small sorted array: an insert costs at most
 * `limit` moves and only happens for an item larger than the current smallest kept.
 */
class Largest {
    limit;
    items = [];
    sizes = [];
    constructor(limit) {
        this.limit = limit;
    }
    /** Whether an item of this size would be kept (cheap: lets callers build the item only then). */
    admits(size) {
        return this.limit > 0 && (this.sizes.length < this.limit || size > this.sizes[this.sizes.length - 1]);
    }
    add(size, item) {
        if (!this.admits(size))
            return;
        let at = this.sizes.length;
        while (at > 0 && this.sizes[at - 1] < size)
            at--;
        this.sizes.splice(at, 0, size);
        this.items.splice(at, 0, item);
        if (this.sizes.length > this.limit) {
            this.sizes.pop();
            this.items.pop();
        }
    }
}
/** Parallel arrays that double when full, trimmed to size at the end. */
class EntriesBuilder {
    count = 0;
    paths = [];
    kinds = new Uint8Array(1024);
    sizes = new Float64Array(1024);
    add(path, kind, size) {
        if (this.count === this.kinds.length) {
            const kinds = new Uint8Array(this.count * 2);
            kinds.set(this.kinds);
            this.kinds = kinds;
            const sizes = new Float64Array(this.count * 2);
            sizes.set(this.sizes);
            this.sizes = sizes;
        }
        this.paths.push(path);
        this.kinds[this.count] = kind;
        this.sizes[this.count] = size;
        this.count++;
    }
    build() {
        return {
            count: this.count,
            paths: this.paths,
            kinds: this.kinds.slice(0, this.count),
            sizes: this.sizes.slice(0, this.count),
        };
    }
}
/** The per-layer figures, fed one tar header at a time. */
class LayerTally {
    uncompressed = 0;
    files = 0;
    whiteouts = 0;
    cacheBytes = (0,cache_paths/* emptyCacheBytes */.j2)();
    largest;
    entries = new EntriesBuilder();
    constructor(largestFiles) {
        this.largest = new Largest(largestFiles);
    }
    add(header) {
        const path = normalizeTarPath(header.name);
        if (path === '')
            return; // the root directory entry
        const slash = path.lastIndexOf('/');
        if (path.startsWith(WHITEOUT_PREFIX, slash + 1)) {
            this.whiteouts++;
            const opaque = path.length - slash - 1 === OPAQUE_MARKER.length && path.endsWith(OPAQUE_MARKER);
            this.entries.add(path, opaque ? EntryKind.Opaque : EntryKind.Whiteout, 0);
            return;
        }
        switch (header.type) {
            case 'file':
            case 'contiguous-file':
            case null:
            case undefined: {
                const size = header.size ?? 0;
                this.files++;
                this.uncompressed += size;
                if (size > 0) {
                    const cache = (0,cache_paths/* cacheKindOf */.cW)(path);
                    if (cache !== undefined)
                        this.cacheBytes[cache] += size;
                    if (this.largest.admits(size))
                        this.largest.add(size, { path, size });
                }
                this.entries.add(path, EntryKind.File, size);
                return;
            }
            case 'link':
                this.entries.add(path, EntryKind.HardLink, 0);
                return;
            case 'directory':
                this.entries.add(path, EntryKind.Directory, 0);
                return;
            default:
                this.entries.add(path, EntryKind.Other, 0);
        }
    }
}
const ignore = () => { };
/**
 * Scans one layer blob: decompresses it (by its first bytes), reads its tar once and drains
 * every entry's contents without keeping them. Rejects on a blob error (a digest mismatch, a
 * reset), a corrupt stream or a truncated tar.
 */
async function scanLayer(blob, options = {}) {
    const { compression, tar } = await decompressLayer(blob, options);
    const tally = new LayerTally(options.largestFiles ?? 10);
    const entries = (0,tar_stream.extract)();
    entries.on('entry', (header, contents, next) => {
        tally.add(header);
        contents.on('end', next);
        // A failing tar destroys the open entry with the same error the pipeline rejects with.
        contents.on('error', ignore);
        contents.resume();
    });
    await (0,promises_.pipeline)(tar, entries);
    return {
        compression,
        uncompressed: tally.uncompressed,
        files: tally.files,
        whiteouts: tally.whiteouts,
        largestFiles: tally.largest.items,
        cacheBytes: tally.cacheBytes,
        entries: tally.entries.build(),
    };
}


/***/ }),

/***/ 5355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ computeWaste)
/* harmony export */ });
/* harmony import */ var _cache_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6734);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7740);
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
                case _layers_js__WEBPACK_IMPORTED_MODULE_1__/* .EntryKind */ .t0.Whiteout: {
                    const target = whiteoutTarget(path);
                    this.setSame(target, pack(layer, DELETED));
                    this.setBelow(target, pack(layer, DELETED));
                    break;
                }
                case _layers_js__WEBPACK_IMPORTED_MODULE_1__/* .EntryKind */ .t0.Opaque:
                    this.setBelow(dirname(path), pack(layer, OPAQUE));
                    break;
                case _layers_js__WEBPACK_IMPORTED_MODULE_1__/* .EntryKind */ .t0.Directory:
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
    const largest = new _layers_js__WEBPACK_IMPORTED_MODULE_1__/* .Largest */ .FV(options.maxHidden ?? 100);
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
        if (!hiders.empty) {
            // Files come grouped by directory: what hides a directory's contents is looked up once.
            let dir;
            let aboveDir;
            let cacheDir;
            let cacheOfDir;
            for (let k = 0; k < count; k++) {
                // Hard links are 0 bytes: never waste. An empty file wastes nothing either.
                if (kinds[k] !== _layers_js__WEBPACK_IMPORTED_MODULE_1__/* .EntryKind */ .t0.File || sizes[k] === 0)
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
                if (mark === undefined)
                    continue;
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
                    cacheOfDir = dir === '' ? undefined : (0,_cache_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .cacheKindOf */ .cW)(`${dir}/`);
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


/***/ })

};
