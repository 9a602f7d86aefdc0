export const id = 803;
export const ids = [803];
export const modules = {

/***/ 803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BlobDigestError: () => (/* binding */ BlobDigestError),
/* harmony export */   OciLayoutError: () => (/* binding */ OciLayoutError),
/* harmony export */   digestVerifier: () => (/* binding */ digestVerifier),
/* harmony export */   indexTar: () => (/* binding */ indexTar),
/* harmony export */   openOciLayout: () => (/* binding */ openOciLayout)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2060);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9217);
/**
 * An ImageSource over an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as
 * `buildx --output type=oci` writes it: a directory (`tar=false`) or a tar of one. So an image
 * that was built but not pushed (a PR from a fork) can be measured like a pushed one.
 *
 * A tar is never extracted: its headers are read once to find where each blob's bytes lie,
 * and blobs are streamed from those offsets. Every blob is checked against its digest while it
 * streams.
 */








/** The layout is missing, malformed, or does not hold what was asked for. */
// Blobs are read 1 MiB at a time: zlib works faster on large inputs (64 KiB reads cost ~0.15 s per 200 MB).
const READ_CHUNK = 1 << 20;
class OciLayoutError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    constructor(message) {
        super(message);
        this.name = 'OciLayoutError';
    }
}
/** A blob whose bytes do not hash to (or do not have the size of) its digest. */
class BlobDigestError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    digest;
    actual;
    constructor(digest, actual, message) {
        super(message);
        this.digest = digest;
        this.actual = actual;
        this.name = 'BlobDigestError';
    }
}
const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';
// Algorithms we can verify; other digests are refused rather than served unchecked.
const HASHES = { sha256: 'sha256', sha512: 'sha512' };
/** Opens a layout directory or a tar of one; fails early when it is neither. */
async function openOciLayout(path) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)(path);
    }
    catch (error) {
        throw new OciLayoutError(`OCI layout ${path} cannot be read: ${error.message}`);
    }
    const files = info.isDirectory()
        ? new DirectoryFiles(path)
        : new TarFiles(path, await indexTar(path));
    const marker = await files.read('oci-layout', 64 * 1024).catch(() => undefined);
    if (marker === undefined) {
        throw new OciLayoutError(`${path} is not an OCI image layout: it has no oci-layout file`);
    }
    let version;
    try {
        version = JSON.parse(marker.toString('utf8')).imageLayoutVersion;
    }
    catch {
        version = undefined;
    }
    if (typeof version !== 'string' || !version.startsWith('1.')) {
        // Not what it says instead: the file may be anything the path points at.
        throw new OciLayoutError(`${path}: its oci-layout file does not say imageLayoutVersion 1.x`);
    }
    const indexBytes = await files.read('index.json', _oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__.MAX_MANIFEST_BYTES).catch((error) => {
        throw new OciLayoutError(`${path} is not an OCI image layout: index.json: ${error.message}`);
    });
    const index = (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__.parseManifest)(indexBytes, `${path}, index.json`, _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .OCI_INDEX */ .$p);
    if (index.kind !== 'index')
        throw new OciLayoutError(`${path}: index.json is not an image index`);
    return new OciLayoutSource(path, files, indexBytes, index);
}
class OciLayoutSource {
    name;
    files;
    indexBytes;
    index;
    indexDigest;
    constructor(name, files, indexBytes, index) {
        this.name = name;
        this.files = files;
        this.indexBytes = indexBytes;
        this.index = index;
        this.indexDigest = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(indexBytes).digest('hex')}`;
    }
    /**
     * '' is the layout's image: the one manifest index.json lists, or index.json itself when it
     * lists several. Otherwise a digest, or a name from the `org.opencontainers.image.ref.name`
     * (`1.2.3`) or `io.containerd.image.name` (`example.com/app:1.2.3`) annotations.
     */
    async manifest(reference) {
        const manifests = this.index.manifests;
        if (reference === this.indexDigest || (reference === '' && manifests.length !== 1)) {
            return { digest: this.indexDigest, mediaType: this.index.mediaType, body: this.indexBytes };
        }
        if (reference === '')
            return this.fetch(manifests[0].digest, manifests[0]);
        if ((0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__.isDigest)(reference)) {
            return this.fetch(reference, manifests.find((descriptor) => descriptor.digest === reference));
        }
        const named = manifests.filter((descriptor) => descriptor.annotations?.[REF_NAME] === reference ||
            descriptor.annotations?.[CONTAINERD_NAME] === reference);
        if (named.length === 1)
            return this.fetch(named[0].digest, named[0]);
        if (named.length > 1) {
            throw new OciLayoutError(`${this.name}: ${named.length} images are named ${reference}: ${named.map((d) => d.digest).join(', ')}`);
        }
        const names = manifests.map((descriptor) => descriptor.annotations?.[REF_NAME]).filter(Boolean);
        throw new OciLayoutError(`${this.name} has no image named ${reference}; ` +
            (names.length ? `its names are ${names.join(', ')}` : 'its images have no names'));
    }
    async blob(digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    async blobStream(digest) {
        const path = this.blobPath(digest);
        const size = await this.files.size(path);
        if (size === undefined)
            throw new OciLayoutError(`${this.name} has no blob ${digest}`);
        const verifier = digestVerifier(digest, size, `${this.name}: blob ${digest}`);
        // pipeline: an error on either side (or the reader stopping) tears both down.
        return (0,node_stream__WEBPACK_IMPORTED_MODULE_5__.pipeline)(this.files.stream(path, size), verifier, () => { });
    }
    async fetch(digest, descriptor) {
        const size = await this.files.size(this.blobPath(digest));
        if (size === undefined)
            throw new OciLayoutError(`${this.name} has no manifest ${digest}`);
        if (size > _oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__.MAX_MANIFEST_BYTES) {
            throw new OciLayoutError(`${this.name}: manifest ${digest} is ${size} bytes, more than a manifest may have`);
        }
        const body = await this.blob(digest);
        return { digest, mediaType: descriptor?.mediaType ?? declaredMediaType(body), body };
    }
    blobPath(digest) {
        const [algorithm, hex] = digest.split(':', 2);
        // The digest becomes a path: only well-formed ones, so `sha256:../../x` reads nothing.
        if (!(0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_6__.isDigest)(digest) || !HASHES[algorithm] || hex === undefined) {
            throw new OciLayoutError(`${this.name}: ${JSON.stringify(digest)} is not a sha256 or sha512 digest`);
        }
        return `blobs/${algorithm}/${hex}`;
    }
}
/** A manifest's own `mediaType`, else its shape's (OCI allows leaving it out). */
function declaredMediaType(body) {
    try {
        const json = JSON.parse(body.toString('utf8'));
        if (typeof json.mediaType === 'string')
            return json.mediaType;
        return Array.isArray(json.manifests) ? _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .OCI_INDEX */ .$p : _oci_media_types_js__WEBPACK_IMPORTED_MODULE_7__/* .OCI_MANIFEST */ .EG;
    }
    catch {
        return ''; // not JSON: parseManifest reports it, naming the digest
    }
}
/**
 * A pass-through that hashes what flows and, at the end, errors with BlobDigestError when
 * the bytes do not hash to `digest` or are not `size` long (a truncated or tampered blob).
 */
function digestVerifier(digest, size, what) {
    const [algorithm, expected] = digest.split(':', 2);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)(HASHES[algorithm] ?? algorithm);
    let length = 0;
    return new node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            length += chunk.length;
            callback(null, chunk);
        },
        flush(callback) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            if (size !== undefined && length !== size) {
                callback(new BlobDigestError(digest, actual, `${what} is ${length} bytes, expected ${size}`));
            }
            else if (actual !== `${algorithm}:${expected}`) {
                callback(new BlobDigestError(digest, actual, `${what} does not match its digest: its bytes hash to ${actual}`));
            }
            else {
                callback();
            }
        },
    });
}
class DirectoryFiles {
    root;
    constructor(root) {
        this.root = root;
    }
    async size(path) {
        try {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.root, path));
            return info.isFile() ? info.size : undefined;
        }
        catch {
            return undefined;
        }
    }
    stream(path) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.root, path), { highWaterMark: READ_CHUNK });
    }
    async read(path, maxBytes) {
        const size = await this.size(path);
        if (size === undefined)
            throw new Error(`no ${path}`);
        if (size > maxBytes)
            throw new Error(`${path} is ${size} bytes, more than ${maxBytes}`);
        return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(this.root, path));
    }
}
class TarFiles {
    tarPath;
    entries;
    constructor(tarPath, entries) {
        this.tarPath = tarPath;
        this.entries = entries;
    }
    async size(path) {
        return this.entries.get(path)?.size;
    }
    stream(path) {
        const entry = this.entries.get(path);
        // createReadStream's `end` is inclusive, and an empty range is not expressible.
        if (entry.size === 0)
            return node_stream__WEBPACK_IMPORTED_MODULE_5__.Readable.from([]);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(this.tarPath, {
            start: entry.offset,
            end: entry.offset + entry.size - 1,
            highWaterMark: READ_CHUNK,
        });
    }
    async read(path, maxBytes) {
        const entry = this.entries.get(path);
        if (!entry)
            throw new Error(`no ${path}`);
        if (entry.size > maxBytes)
            throw new Error(`${path} is ${entry.size} bytes, more than ${maxBytes}`);
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(this.tarPath, 'r');
        try {
            return await readAt(handle, entry.offset, entry.size, this.tarPath);
        }
        finally {
            await handle.close();
        }
    }
}
const BLOCK = 512;
// PAX and GNU long-name records hold a name or two; more is a hostile or broken tar.
const MAX_META_BYTES = 1024 * 1024;
/**
 * The regular files of a tar (name without a leading `./` -> data offset and size), from its
 * headers alone: ustar (with the name prefix field), PAX `x` headers (`path`, `size`, `linkpath`),
 * GNU `L`/`K` long names and base-256 sizes. Hard links point to their target's bytes.
 */
async function indexTar(path) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(path, 'r');
    try {
        const { size: tarSize } = await handle.stat();
        const entries = new Map();
        const links = [];
        let pending = {};
        let offset = 0;
        const magic = await readAt(handle, 0, Math.min(2, tarSize), path);
        if (magic[0] === 0x1f && magic[1] === 0x8b) {
            throw new OciLayoutError(`${path} is gzip-compressed: decompress it first (gunzip), then measure the tar`);
        }
        if (tarSize < BLOCK)
            throw new OciLayoutError(`${path} is not a tar archive (${tarSize} bytes)`);
        while (offset + BLOCK <= tarSize) {
            const header = await readAt(handle, offset, BLOCK, path);
            if (header.every((byte) => byte === 0))
                break; // end-of-archive marker
            if (!checksumMatches(header)) {
                throw new OciLayoutError(`${path} is not a tar archive (bad header checksum at byte ${offset})`);
            }
            const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
            const dataOffset = offset + BLOCK;
            let size = readNumber(header, 124, 12);
            if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
                if (size > MAX_META_BYTES) {
                    throw new OciLayoutError(`${path}: a ${type} header at byte ${offset} is ${size} bytes long`);
                }
                const data = await readAt(handle, dataOffset, size, path);
                if (type === 'x')
                    pending = { ...pending, ...paxRecords(data) };
                if (type === 'L')
                    pending.path = cString(data);
                if (type === 'K')
                    pending.linkpath = cString(data);
                // 'g' (global) records describe the whole archive, not one file's name: ignored.
            }
            else {
                const name = normalizeName(pending.path ?? headerName(header));
                if (pending.size !== undefined)
                    size = pending.size;
                if (type === '0' || type === '7')
                    entries.set(name, { offset: dataOffset, size });
                if (type === '1')
                    links.push([name, normalizeName(pending.linkpath ?? cString(header.subarray(157, 257)))]);
                pending = {};
            }
            if (dataOffset + size > tarSize) {
                throw new OciLayoutError(`${path} is truncated: the entry at byte ${offset} runs past its end`);
            }
            offset = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
        }
        for (const [name, target] of links) {
            const entry = entries.get(target);
            if (entry)
                entries.set(name, entry);
        }
        return entries;
    }
    finally {
        await handle.close();
    }
}
async function readAt(handle, offset, length, path) {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0)
            throw new OciLayoutError(`${path} is truncated at byte ${offset + done}`);
        done += bytesRead;
    }
    return buffer;
}
// The checksum is the byte sum of the header with its own field read as spaces. Old tars
// summed signed bytes; both are accepted.
function checksumMatches(header) {
    const stored = readNumber(header, 148, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : header[i];
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    return stored === unsigned || stored === signed;
}
/** An octal field, or GNU's base-256 form (high bit set) for sizes over 8 GiB. */
function readNumber(header, offset, length) {
    const field = header.subarray(offset, offset + length);
    if (field[0] & 0x80) {
        let value = field[0] & 0x7f;
        for (let i = 1; i < length; i++)
            value = value * 256 + field[i];
        return value;
    }
    const text = cString(field).trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}
// POSIX ustar splits long names into prefix (345..500) + name; GNU tars use those bytes for
// other things, so the prefix counts only with the POSIX magic.
function headerName(header) {
    const name = cString(header.subarray(0, 100));
    const posix = header.subarray(257, 263).toString('latin1') === 'ustar\0';
    const prefix = posix ? cString(header.subarray(345, 500)) : '';
    return prefix ? `${prefix}/${name}` : name;
}
/** PAX records: `<length> <key>=<value>\n`, where length counts the whole record in bytes. */
function paxRecords(data) {
    const result = {};
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        const length = space === -1 ? NaN : parseInt(data.subarray(at, space).toString('latin1'), 10);
        if (!Number.isSafeInteger(length) || length <= 0)
            break; // padding or garbage: stop
        const record = data.subarray(space + 1, at + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        const key = record.slice(0, equals);
        const value = record.slice(equals + 1);
        if (key === 'path')
            result.path = value;
        if (key === 'linkpath')
            result.linkpath = value;
        if (key === 'size')
            result.size = Number(value);
        at += length;
    }
    return result;
}
function normalizeName(name) {
    return name.replace(/^(?:\.?\/)+/, '');
}


/***/ }),

/***/ 2060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_CONFIG_BYTES: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   MAX_MANIFEST_BYTES: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   ManifestError: () => (/* binding */ ManifestError),
/* harmony export */   NotAnImageError: () => (/* binding */ NotAnImageError),
/* harmony export */   isDigest: () => (/* binding */ isDigest),
/* harmony export */   parseImageConfig: () => (/* binding */ parseImageConfig),
/* harmony export */   parseManifest: () => (/* binding */ parseManifest)
/* harmony export */ });
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4976);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);



/** Registries must accept manifests up to 4 MiB (distribution spec); nothing real is larger. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Configs carry the history and env; a few hundred kB is already extreme. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** Bytes that are not the JSON they claim to be. The message starts with where they came from. */
class ManifestError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    source;
    constructor(
    /** Where the bytes came from: `localhost:5000/app:1, manifest sha256:...`. */
    source, reason) {
        super(`${source}: ${reason}`);
        this.source = source;
        this.name = 'ManifestError';
    }
}
/** Bytes that are a manifest, but of no image: an artifact, or an index of attestations only. */
class NotAnImageError extends ManifestError {
    constructor(source, reason) {
        super(source, reason);
        this.name = 'NotAnImageError';
    }
}
// The OCI digest grammar; sha256/sha512 are further held to their hex length.
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Whether `value` is a well-formed digest (`sha256:` + 64 lowercase hex, or another algorithm). */
function isDigest(value) {
    if (!DIGEST.test(value))
        return false;
    const [algorithm, encoded] = value.split(':', 2);
    const length = HEX_LENGTH[algorithm];
    return length === undefined || (encoded.length === length && /^[0-9a-f]+$/.test(encoded));
}
/**
 * An index or manifest from its bytes. The kind comes from the body's `mediaType`, else from
 * `mediaType` (the Content-Type it was served with), else from its shape (OCI allows omitting it).
 */
function parseManifest(body, source, mediaType) {
    const json = parseJson(body, source, 'manifest', MAX_MANIFEST_BYTES);
    const fields = new Fields(json, source);
    const schemaVersion = json.schemaVersion;
    if (schemaVersion === 1) {
        throw new ManifestError(source, 'is a Docker schema 1 manifest, which is not supported (deprecated since 2017: push the image again)');
    }
    if (schemaVersion !== 2) {
        throw new ManifestError(source, `schemaVersion must be 2, got ${kindOf(schemaVersion)}`);
    }
    const declared = fields.optionalString('mediaType');
    const type = declared ?? knownType(mediaType) ?? (Array.isArray(json.manifests) ? _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p : _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG);
    const annotations = fields.optionalStringMap('annotations');
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(type)) {
        const manifests = fields.array('manifests').map((_, i) => fields.descriptor(`manifests[${i}]`));
        return { kind: 'index', mediaType: type, manifests, ...(annotations && { annotations }) };
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifest */ .Yh)(type)) {
        const config = fields.descriptor('config');
        const layers = fields.array('layers').map((_, i) => fields.descriptor(`layers[${i}]`));
        return { kind: 'manifest', mediaType: type, config, layers, ...(annotations && { annotations }) };
    }
    throw new NotAnImageError(source, `has media type ${type}, which is not an image index or manifest (${[_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p, _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_MANIFEST_LIST */ .m6, _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG, _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_MANIFEST */ .Vv].join(', ')})`);
}
function knownType(mediaType) {
    return mediaType && ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(mediaType) || (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifest */ .Yh)(mediaType)) ? mediaType : undefined;
}
/** An image config (OCI or Docker) from its bytes: platform, history, diff IDs. */
function parseImageConfig(body, source) {
    const json = parseJson(body, source, 'config', MAX_CONFIG_BYTES);
    const fields = new Fields(json, source);
    const os = fields.optionalString('os');
    const architecture = fields.optionalString('architecture');
    const variant = fields.optionalString('variant');
    const created = fields.optionalString('created');
    const history = (fields.optionalArray('history') ?? []).map((_, i) => {
        const entry = fields.at(`history[${i}]`);
        const createdBy = entry.optionalString('created_by');
        const entryCreated = entry.optionalString('created');
        const comment = entry.optionalString('comment');
        return {
            ...(entryCreated !== undefined && { created: entryCreated }),
            ...(createdBy !== undefined && { createdBy }),
            ...(comment !== undefined && { comment }),
            emptyLayer: entry.optionalBoolean('empty_layer') ?? false,
        };
    });
    const rootfs = json.rootfs === undefined ? undefined : fields.at('rootfs');
    const diffIds = (rootfs?.optionalArray('diff_ids') ?? []).map((_, i) => rootfs.string(`diff_ids[${i}]`));
    const labels = stringEntries(isObject(json.config) ? json.config.Labels : undefined);
    return {
        ...(os !== undefined && { os }),
        ...(architecture !== undefined && { architecture }),
        ...(variant !== undefined && { variant }),
        ...(created !== undefined && { created }),
        history,
        diffIds,
        ...(labels && { labels }),
    };
}
/** The string-valued entries of an object (no prototype keys), or undefined when there are none. */
function stringEntries(value) {
    if (!isObject(value))
        return undefined;
    const entries = Object.entries(value).filter((entry) => typeof entry[1] === 'string');
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
function parseJson(body, source, what, maxBytes) {
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    if (size > maxBytes) {
        throw new ManifestError(source, `${what} is ${size} bytes, more than the ${maxBytes} a ${what} may have`);
    }
    const text = typeof body === 'string' ? body : body.toString('utf8');
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        // Where, never what: V8's message quotes the bytes, and they may come from any file.
        throw new ManifestError(source, `${what} is not valid JSON${(0,_util_json_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonSyntaxWhere */ .n)(error, text)}`);
    }
    if (!isObject(json))
        throw new ManifestError(source, `${what} must be a JSON object, got ${kindOf(json)}`);
    return json;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * What a value is; a number or boolean as it is, a string by its length only: the bytes may come
 * from any file an OCI layout path led to, and a string there may be a secret.
 */
function kindOf(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `a string of ${value.length} characters`;
    return `${typeof value} ${String(value)}`;
}
/** Typed reads of a JSON object; errors name the field's path (`manifests[2].digest`). */
class Fields {
    object;
    source;
    path;
    constructor(object, source, path = '') {
        this.object = object;
        this.source = source;
        this.path = path;
    }
    fail(key, expected, value) {
        throw new ManifestError(this.source, `${this.path}${key} must be ${expected}, got ${kindOf(value)}`);
    }
    value(key) {
        // `a[2]` reads index 2 of array `a`.
        const item = /^(.*)\[(\d+)\]$/.exec(key);
        if (!item)
            return this.object[key];
        const array = this.object[item[1]];
        return Array.isArray(array) ? array[Number(item[2])] : undefined;
    }
    at(key) {
        const value = this.value(key);
        if (!isObject(value))
            this.fail(key, 'an object', value);
        return new Fields(value, this.source, `${this.path}${key}.`);
    }
    string(key) {
        const value = this.value(key);
        if (typeof value !== 'string')
            this.fail(key, 'a string', value);
        return value;
    }
    optionalString(key) {
        return this.value(key) === undefined ? undefined : this.string(key);
    }
    optionalBoolean(key) {
        const value = this.value(key);
        if (value === undefined || typeof value === 'boolean')
            return value;
        this.fail(key, 'true or false', value);
    }
    array(key) {
        const value = this.value(key);
        if (!Array.isArray(value))
            this.fail(key, 'an array', value);
        return value;
    }
    optionalArray(key) {
        const value = this.value(key);
        // Go's encoders write a nil slice as null: the same as absent.
        return value === undefined || value === null ? undefined : this.array(key);
    }
    optionalStringMap(key) {
        const value = this.value(key);
        if (value === undefined || value === null)
            return undefined;
        if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
            this.fail(key, 'an object of strings', value);
        }
        return value;
    }
    descriptor(key) {
        const fields = this.at(key);
        const mediaType = fields.string('mediaType');
        const digest = fields.string('digest');
        if (!isDigest(digest))
            fields.fail('digest', 'a digest (algorithm:hex)', digest);
        const size = fields.value('size');
        if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
            fields.fail('size', 'a byte count (an integer >= 0)', size);
        }
        const platform = fields.value('platform') === undefined ? undefined : fields.platform('platform');
        const annotations = fields.optionalStringMap('annotations');
        return {
            mediaType,
            digest,
            size,
            ...(platform && { platform }),
            ...(annotations && { annotations }),
        };
    }
    platform(key) {
        const fields = this.at(key);
        const os = fields.string('os');
        const architecture = fields.string('architecture');
        const variant = fields.optionalString('variant');
        return { os, architecture, ...(variant && { variant }) };
    }
}


/***/ })

};
