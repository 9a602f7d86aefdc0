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

/***/ 6899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ isRecordPath),
/* harmony export */   WK: () => (/* binding */ parseManifestRecord),
/* harmony export */   Y: () => (/* binding */ parseTemplatesRecord),
/* harmony export */   lT: () => (/* binding */ compactRecord),
/* harmony export */   qY: () => (/* binding */ RECORD_BUDGET)
/* harmony export */ });
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
 *   names of the packages it depends on).
 *
 * Bounded: a record file over MAX_RECORD bytes is not kept, nor any once a layer's records reach
 * RECORD_BUDGET (the advice they feed is then quiet, never wrong by a guess).
 */
const RECORD_BUDGET = 64 * 1024 * 1024;
const MAX_RECORD = 32 * 1024 * 1024;
const MAX_MANIFEST = 1024 * 1024;
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
