export const id = 60;
export const ids = [60,217];
export const modules = {

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


/***/ }),

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   TF: () => (/* binding */ OCI_CONFIG),
/* harmony export */   Vv: () => (/* binding */ DOCKER_MANIFEST),
/* harmony export */   Yh: () => (/* binding */ isManifest),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   e6: () => (/* binding */ DOCKER_CONFIG),
/* harmony export */   m6: () => (/* binding */ DOCKER_MANIFEST_LIST),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* unused harmony exports OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD, OCI_LAYER_NONDISTRIBUTABLE, OCI_LAYER_NONDISTRIBUTABLE_GZIP, OCI_LAYER_NONDISTRIBUTABLE_ZSTD, DOCKER_LAYER_GZIP, DOCKER_LAYER_FOREIGN_GZIP, isNondistributable, layerCompression */
/**
 * The media types of the OCI image spec and of Docker's v2 schema 2 that shipshape reads.
 */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
const OCI_LAYER_NONDISTRIBUTABLE = 'application/vnd.oci.image.layer.nondistributable.v1.tar';
const OCI_LAYER_NONDISTRIBUTABLE_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
const OCI_LAYER_NONDISTRIBUTABLE_ZSTD = 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Windows base layers: "foreign", the registry usually does not hold their bytes. */
const DOCKER_LAYER_FOREIGN_GZIP = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';
/** What a manifest request accepts, indexes first so that a tag gives every platform. */
const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];
function isIndex(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
function isManifest(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
/** Layers whose bytes registries may legally refuse to serve (nondistributable, foreign). */
function isNondistributable(mediaType) {
    return mediaType.includes('.nondistributable.') || mediaType.includes('.foreign.');
}
/** How a layer blob is compressed, from its media type; undefined when it is no layer type we know. */
function layerCompression(mediaType) {
    switch (mediaType) {
        case OCI_LAYER_GZIP:
        case OCI_LAYER_NONDISTRIBUTABLE_GZIP:
        case DOCKER_LAYER_GZIP:
        case DOCKER_LAYER_FOREIGN_GZIP:
            return 'gzip';
        case OCI_LAYER_ZSTD:
        case OCI_LAYER_NONDISTRIBUTABLE_ZSTD:
            return 'zstd';
        case OCI_LAYER:
        case OCI_LAYER_NONDISTRIBUTABLE:
            return 'none';
        default:
            return undefined;
    }
}


/***/ })

};
