export const id = 740;
export const ids = [740];
export const modules = {

/***/ 7740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EntryKind: () => (/* binding */ EntryKind),
  Largest: () => (/* binding */ Largest),
  normalizeTarPath: () => (/* binding */ normalizeTarPath),
  scanLayer: () => (/* binding */ scanLayer)
});

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./src/image/records.ts
var image_records = __webpack_require__(6899);
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
    content = (0,external_node_crypto_.createHash)('sha256');
    constructor(largestFiles) {
        this.largest = new Largest(largestFiles);
    }
    add(header) {
        const path = normalizeTarPath(header.name);
        if (path === '')
            return; // the root directory entry
        // Times (mtime, and the PAX atime/ctime) are left out on purpose: they are what a rebuild
        // changes. The file's bytes follow this record in the hash (scanLayer feeds them). A hard
        // link's target is a tar path, normalized like the entry's; a symlink's is kept as written.
        const target = header.type === 'link' ? normalizeTarPath(header.linkname ?? '') : (header.linkname ?? '');
        this.content.update(`${path}\0${header.type ?? 'file'}\0${header.mode ?? 0}\0${header.uid ?? 0}\0${header.gid ?? 0}\0` +
            `${header.size ?? 0}\0${target}\0${header.devmajor ?? 0}\0${header.devminor ?? 0}\n`);
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
    const records = {};
    let recordBytes = 0;
    entries.on('entry', (header, contents, next) => {
        tally.add(header);
        // The bytes go into the content digest as they stream past (one hash per layer, no copy).
        if ((header.size ?? 0) > 0)
            contents.on('data', (chunk) => void tally.content.update(chunk));
        const path = normalizeTarPath(header.name);
        const size = header.size ?? 0;
        const type = header.type;
        const isFile = type === 'file' || type === 'contiguous-file' || type === null || type === undefined;
        if (isFile && size > 0 && recordBytes + size <= image_records/* RECORD_BUDGET */.qY && (0,image_records/* isRecordPath */.$k)(path)) {
            recordBytes += size;
            const chunks = [];
            contents.on('data', (chunk) => chunks.push(chunk));
            contents.on('end', () => {
                const text = (0,image_records/* compactRecord */.lT)(path, Buffer.concat(chunks).toString('utf8'));
                if (text !== undefined)
                    records[path] = text;
                next();
            });
            contents.on('error', ignore);
            return;
        }
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
        contentDigest: `sha256:${tally.content.digest('hex')}`,
        ...(Object.keys(records).length > 0 && { records }),
    };
}


/***/ }),

/***/ 9858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ compactNpmHiddenLock),
/* harmony export */   Gn: () => (/* binding */ parsePnpmModules),
/* harmony export */   QQ: () => (/* binding */ parsePnpmLock),
/* harmony export */   m8: () => (/* binding */ compactPnpmLock),
/* harmony export */   oc: () => (/* binding */ pnpmStoreName),
/* harmony export */   uj: () => (/* binding */ parseNpmHiddenLock),
/* harmony export */   yo: () => (/* binding */ compactPnpmModules)
/* harmony export */ });
/* unused harmony export readYamlMap */
/**
 * What npm and pnpm record in node_modules about the dependency kind of each installed package,
 * cut at scan time to what the advisor reads (records.ts keeps them):
 *
 * - npm 7+: `node_modules/.package-lock.json`, the hidden lockfile. Its `packages` map is keyed
 *   by install path (`node_modules/a`, `node_modules/a/node_modules/b`, `node_modules/@s/x`);
 *   npm marks each entry `dev`, `devOptional`, `optional`, `peer` as its own flags say. Kept as
 *   one line per entry: `FLAGS<TAB>PATH`, FLAGS the letters of the marks (d dev, D devOptional,
 *   o optional, p peer, l link), `-` for none.
 * - pnpm: `node_modules/.modules.yaml` (kept: which dependency kinds were installed, the virtual
 *   store's name and its length limit) and `node_modules/.pnpm/lock.yaml`, pnpm's copy of the
 *   lockfile as installed. Lockfile v6 (pnpm 8) marks each package `dev: true|false` (absent:
 *   both); v9 (pnpm 9, 10) marks nothing, the importers' `devDependencies` decide through the
 *   `snapshots` graph. Kept as JSON (PnpmLock below): each package's key, its dev mark, and the
 *   keys of the packages it depends on, resolved here while the whole text is at hand.
 *
 * Both YAML files are machine-written in a small subset (block maps, `- item` lists, one-line
 * scalars and flow maps), which readYamlMap reads; a file outside it is not kept.
 */
/** npm's hidden lockfile cut to `FLAGS\tPATH` lines, or undefined when it is not one. */
function compactNpmHiddenLock(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const packages = json?.packages;
    if (typeof packages !== 'object' || packages === null || Array.isArray(packages))
        return undefined;
    const lines = [];
    for (const [path, entry] of Object.entries(packages)) {
        if (path === '' || typeof entry !== 'object' || entry === null)
            continue;
        const e = entry;
        const flags = (e.dev === true ? 'd' : '') +
            (e.devOptional === true ? 'D' : '') +
            (e.optional === true ? 'o' : '') +
            (e.peer === true ? 'p' : '') +
            (e.link === true ? 'l' : '');
        lines.push(`${flags || '-'}\t${path}`);
    }
    return lines.join('\n');
}
function parseNpmHiddenLock(text) {
    return text
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => {
        const [flags, path] = line.split('\t');
        return {
            path,
            dev: flags.includes('d'),
            devOptional: flags.includes('D'),
            optional: flags.includes('o'),
            peer: flags.includes('p'),
            link: flags.includes('l'),
        };
    });
}
const unquote = (text) => {
    const t = text.trim();
    if (t.startsWith("'") && t.endsWith("'") && t.length >= 2)
        return t.slice(1, -1).replace(/''/g, "'");
    if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
        try {
            return JSON.parse(t);
        }
        catch {
            return t.slice(1, -1);
        }
    }
    return t;
};
/** The `key: value` split of a YAML line: the first `: ` (or final `:`) outside quotes. */
function splitKey(line) {
    let quote = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
            if (c === quote)
                quote = '';
        }
        else if ((c === "'" || c === '"') && i === 0)
            quote = c;
        else if (c === ':' && (i === line.length - 1 || line[i + 1] === ' ')) {
            return [unquote(line.slice(0, i)), line.slice(i + 1).trim()];
        }
    }
    return undefined;
}
/**
 * A machine-written YAML document's block maps, lists of scalars and scalars (flow maps and
 * other one-line values kept as their text, `{}` as an empty map). undefined outside that subset.
 */
function readYamlMap(text) {
    const root = {};
    const stack = [{ indent: 0, map: root }];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line === '---')
            continue;
        const indent = raw.length - raw.trimStart().length;
        while (stack.length > 1 && indent < stack.at(-1).indent)
            stack.pop();
        let top = stack.at(-1);
        const item = line === '-' || line.startsWith('- ');
        if (indent > top.indent || (item && top.map && top.last !== undefined && top.map[top.last] === '')) {
            // A nested block: under the last key of the enclosing map, whose value was left empty.
            if (!top.map || top.last === undefined || top.map[top.last] !== '')
                return undefined;
            const block = item ? { indent, list: [] } : { indent, map: {} };
            top.map[top.last] = (block.list ?? block.map);
            stack.push(block);
            top = block;
        }
        else if (indent !== top.indent)
            return undefined;
        if (item) {
            if (!top.list)
                return undefined;
            top.list.push(unquote(line.slice(1)));
            continue;
        }
        const pair = top.map && splitKey(line);
        if (!pair)
            return undefined;
        const [key, value] = pair;
        top.map[key] = value === '{}' ? {} : value === '' ? '' : unquote(value);
        top.last = key;
    }
    return root;
}
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function compactPnpmLock(text) {
    const doc = readYamlMap(text);
    if (!doc || typeof doc.lockfileVersion !== 'string')
        return undefined;
    const version = doc.lockfileVersion;
    const v9 = Number.parseFloat(version) >= 9;
    // v9: `packages` holds metadata, `snapshots` the graph; v6: `packages` holds both.
    const graph = (v9 ? doc.snapshots : doc.packages) ?? {};
    const meta = doc.packages ?? {};
    if (!isMap(graph) || !isMap(meta))
        return undefined;
    const keys = new Set(Object.keys(graph));
    // A dependency's version resolves to a key: `name@1.0.0(peer@2)` (v9), `/name@1.0.0` (v6),
    // or is a key itself (aliases, `file:` in v6); `link:` (a workspace) is no package.
    const resolve = (name, version) => [`${name}@${version}`, `/${name}@${version}`, version].find((k) => keys.has(k));
    const depsOf = (entry, fields) => fields.flatMap((field) => {
        const map = isMap(entry) ? entry[field] : undefined;
        if (!isMap(map))
            return [];
        return Object.entries(map).flatMap(([name, value]) => {
            const v = isMap(value) ? value.version : value; // importers: {specifier, version}
            const key = typeof v === 'string' ? resolve(name, v) : undefined;
            return key === undefined ? [] : [key];
        });
    });
    const importers = isMap(doc.importers) ? Object.values(doc.importers) : [doc];
    const lock = {
        lockfileVersion: version,
        prod: [...new Set(importers.flatMap((i) => depsOf(i, ['dependencies', 'optionalDependencies'])))],
        dev: [...new Set(importers.flatMap((i) => depsOf(i, ['devDependencies'])))],
        packages: {},
    };
    for (const key of keys) {
        const entry = graph[key];
        const mark = isMap(meta[key]) ? meta[key].dev : undefined;
        lock.packages[key] = {
            deps: depsOf(entry, ['dependencies', 'optionalDependencies']),
            ...(mark === 'true' && { dev: true }),
            ...(mark === 'false' && { dev: false }),
        };
    }
    return JSON.stringify(lock);
}
function parsePnpmLock(text) {
    try {
        const value = JSON.parse(text);
        return Array.isArray(value.prod) && typeof value.packages === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function compactPnpmModules(text) {
    const doc = readYamlMap(text);
    if (!doc)
        return undefined;
    const included = isMap(doc.included) ? doc.included : {};
    const max = Number(doc.virtualStoreDirMaxLength);
    const modules = {
        devIncluded: included.devDependencies !== 'false',
        virtualStoreDir: typeof doc.virtualStoreDir === 'string' ? doc.virtualStoreDir : '.pnpm',
        virtualStoreDirMaxLength: Number.isInteger(max) && max > 27 ? max : 120,
    };
    return JSON.stringify(modules);
}
function parsePnpmModules(text) {
    try {
        const value = JSON.parse(text);
        return typeof value.devIncluded === 'boolean' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The directory pnpm gives a package key in its virtual store (`.pnpm/NAME`), as pnpm's
 * depPathToFilename makes it; a name pnpm would hash (too long, or with capitals) is returned
 * as the prefix it keeps, ending in `_`, for the caller to match.
 */
function pnpmStoreName(key, maxLength) {
    let name = key.startsWith('file:') ? key.replace(':', '+') : key.startsWith('/') ? key.slice(1) : key;
    name = name.replace(/[\\/:*?"<>|]/g, '+');
    if (name.includes('('))
        name = name.replace(/\)$/, '').replace(/(\)\()|\(|\)/g, '_');
    if (name.length > maxLength || (name !== name.toLowerCase() && !name.startsWith('file+')))
        return { name: `${name.slice(0, maxLength - 27)}_`, hashed: true };
    return { name, hashed: false };
}


/***/ }),

/***/ 6899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ isRecordPath),
/* harmony export */   WK: () => (/* binding */ parseManifestRecord),
/* harmony export */   Y: () => (/* binding */ parseTemplatesRecord),
/* harmony export */   lT: () => (/* binding */ compactRecord),
/* harmony export */   qY: () => (/* binding */ RECORD_BUDGET)
/* harmony export */ });
/* harmony import */ var _node_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9858);
/**
 * The package managers' own records, which the layer scan keeps the text of (every other file's
 * contents are drained unread): what the size advisor needs to measure dev dependencies and
 * recommended packages from what the managers wrote, not from package names it knows.
 *
 * - dpkg: `var/lib/dpkg/status` (cut to the fields that say what is installed and what depends
 *   on what) and `var/lib/dpkg/info/PKG.list` (the files of each package);
 * - apt: `var/lib/apt/extended_states` (which packages apt installed automatically);
 * - apk: `lib/apk/db/installed` (cut to each package's name, version and files);
 * - debconf: `var/cache/debconf/templates.dat` and its `-old` copy (cut to each template's package,
 *   the part of its name before `/`, and the bytes it takes, translations included);
 * - npm, yarn, pnpm: `package.json` of a project (outside node_modules: its dependencies and dev
 *   dependencies) and of each installed package (inside node_modules: cut to its name and the
 *   names of the packages it depends on);
 * - npm: `node_modules/.package-lock.json` (the hidden lockfile's `dev`, `devOptional`,
 *   `optional`, `peer` marks by install path); pnpm: `node_modules/.modules.yaml` and
 *   `node_modules/.pnpm/lock.yaml` (node-records.ts cuts them).
 *
 * Bounded: a record file over MAX_RECORD bytes is not kept, nor any once a layer's records reach
 * RECORD_BUDGET (the advice they feed is then quiet, never wrong by a guess).
 */

const RECORD_BUDGET = 64 * 1024 * 1024;
const MAX_RECORD = 32 * 1024 * 1024;
const MAX_MANIFEST = 1024 * 1024;
const NPM_HIDDEN_LOCK = /(?:^|\/)node_modules\/\.package-lock\.json$/;
const PNPM_MODULES = /(?:^|\/)node_modules\/\.modules\.yaml$/;
const PNPM_LOCK = /(?:^|\/)node_modules\/\.pnpm\/lock\.yaml$/;
const DPKG_STATUS = 'var/lib/dpkg/status';
const APT_STATES = 'var/lib/apt/extended_states';
const APK_INSTALLED = 'lib/apk/db/installed';
const DEBCONF_TEMPLATES = /^var\/cache\/debconf\/templates\.dat(?:-old)?$/;
const DPKG_LIST = /^var\/lib\/dpkg\/info\/[^/]+\.list$/;
/** A package's own manifest in a node_modules: `…/node_modules/name/package.json`, `…/@scope/name/…`. */
const PACKAGE_MANIFEST = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@.][^/]*\/package\.json$/;
const STATUS_FIELDS = /^(?:Package|Status|Version|Architecture|Depends|Pre-Depends|Provides|Installed-Size):/;
/** apk's installed database: package (P), version (V), directory (F) and file (R) lines. */
const APK_FIELDS = /^[PVFR]:/;
function isRecordPath(path) {
    if (path === DPKG_STATUS ||
        path === APT_STATES ||
        path === APK_INSTALLED ||
        DPKG_LIST.test(path) ||
        DEBCONF_TEMPLATES.test(path))
        return true;
    // A project's own records, not those of a package's nested node_modules (npm writes none there).
    // (The cheap suffix test first: this runs for every file of every layer.)
    if ((path.endsWith('.json') || path.endsWith('.yaml')) &&
        (NPM_HIDDEN_LOCK.test(path) || PNPM_MODULES.test(path) || PNPM_LOCK.test(path)))
        return !path.slice(0, path.lastIndexOf('node_modules/')).includes('node_modules/');
    if (!path.endsWith('package.json') || !(path === 'package.json' || path.endsWith('/package.json')))
        return false;
    return path.includes('node_modules/') ? PACKAGE_MANIFEST.test(path) : true;
}
/** The part of a record the advisor reads, or undefined to keep nothing (too big, not JSON). */
function compactRecord(path, text) {
    if (text.length > MAX_RECORD)
        return undefined;
    if (path === DPKG_STATUS)
        return text
            .split('\n')
            .filter((line) => line === '' || STATUS_FIELDS.test(line))
            .join('\n');
    if (path === APK_INSTALLED)
        return text
            .split('\n')
            .filter((line) => line === '' || APK_FIELDS.test(line))
            .join('\n');
    if (DEBCONF_TEMPLATES.test(path))
        return compactTemplates(text);
    if (NPM_HIDDEN_LOCK.test(path))
        return (0,_node_records_js__WEBPACK_IMPORTED_MODULE_0__/* .compactNpmHiddenLock */ .An)(text);
    if (PNPM_MODULES.test(path))
        return (0,_node_records_js__WEBPACK_IMPORTED_MODULE_0__/* .compactPnpmModules */ .yo)(text);
    if (PNPM_LOCK.test(path))
        return (0,_node_records_js__WEBPACK_IMPORTED_MODULE_0__/* .compactPnpmLock */ .m8)(text);
    if (!path.endsWith('package.json'))
        return text;
    if (text.length > MAX_MANIFEST)
        return undefined;
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        return undefined;
    const manifest = json;
    const names = (field) => {
        const value = manifest[field];
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    };
    const compact = {
        name: typeof manifest.name === 'string' ? manifest.name : undefined,
        dependencies: names('dependencies'),
        optionalDependencies: names('optionalDependencies'),
        peerDependencies: names('peerDependencies'),
    };
    if (!path.includes('node_modules/')) {
        compact.devDependencies = names('devDependencies');
        if (typeof manifest.packageManager === 'string')
            compact.packageManager = manifest.packageManager;
    }
    return JSON.stringify(compact);
}
function parseManifestRecord(text) {
    try {
        const value = JSON.parse(text);
        return Array.isArray(value.dependencies) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * debconf's templates as `PACKAGE<TAB>BYTES` lines, one per template: the package it is named
 * after ('' for `shared/...` ones too, which no single package owns) and the bytes its stanza and
 * the blank line after it take in the file.
 */
function compactTemplates(text) {
    const out = [];
    for (const stanza of text.split('\n\n')) {
        if (stanza.trim() === '')
            continue;
        // A template is named after its package (`ca-certificates/trust_new_crts`); `Owners:`
        // names the questions using it, not packages.
        const prefix = /^Name:\s*([^/\s]+)\//m.exec(stanza)?.[1] ?? '';
        const owner = prefix === 'shared' ? '' : prefix;
        out.push(`${owner}\t${Buffer.byteLength(stanza) + 2}`);
    }
    return out.join('\n');
}
/** A compacted templates record: each template's owners and bytes. */
function parseTemplatesRecord(text) {
    return text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const [owners, bytes] = line.split('\t');
        return { owners: (owners ?? '').split(',').filter(Boolean), bytes: Number(bytes) || 0 };
    });
}


/***/ })

};
