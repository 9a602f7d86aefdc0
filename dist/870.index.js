export const id = 870;
export const ids = [870,385];
export const modules = {

/***/ 867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ baselineNote),
/* harmony export */   d: () => (/* binding */ judgeBaseline)
/* harmony export */ });
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6764);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2060);
/**
 * The one policy for a baseline that cannot be compared with, in every action (main, report,
 * merge): the report is always produced, without a comparison.
 *  - `absent`: there is nothing to compare with yet (no tag names the base, or the tag does not
 *    exist: a first push). An info line; budget rules that need a baseline are not evaluated.
 *  - `unavailable`: the baseline is there, or may be, but cannot be read: broken (its tag
 *    resolves, a manifest or blob under it does not), its registry unreachable or refusing us,
 *    or no image (an artifact, an index of attestations only). A warning that names the cause;
 *    budget rules that need a baseline are not passed but fail or warn per `budget-action`
 *    (budget.ts).
 * Pure: what happened in, the outcome and the words for the log out.
 */


/** The outcome of a failed read of the baseline `ref`. */
function judgeBaseline(ref, failure) {
    const { error } = failure;
    const message = error?.message;
    const said = typeof message === 'string' ? message : String(error);
    const unavailable = (problem, reason = said) => ({
        status: 'unavailable',
        ref,
        problem,
        reason,
    });
    if (error instanceof _oci_manifest_js__WEBPACK_IMPORTED_MODULE_1__.NotAnImageError)
        return unavailable('not-an-image');
    if (!(0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRegistryError */ .IP)(error))
        return unavailable('unreadable');
    switch (error.kind) {
        case 'not-found':
            if (failure.tagMissing)
                return { status: 'absent', reason: `${ref} does not exist yet` };
            return unavailable('broken', failure.missing ? `${ref}: its ${failure.missing} is missing (HTTP 404)` : said);
        case 'unauthorized':
        case 'denied':
            return unavailable('unauthorized');
        case 'network':
        case 'timeout':
        case 'server':
        case 'rate-limited':
            return unavailable('unreachable');
        default:
            return unavailable('unreadable');
    }
}
const PROBLEM_WORDS = {
    broken: 'the baseline is broken (its tag resolves, not its content)',
    unreachable: "the baseline's registry could not be reached",
    unauthorized: "the baseline's registry refused access",
    'not-an-image': 'the baseline is not an image',
    unreadable: 'the baseline could not be read',
};
/** The log line an outcome gets: info when there is no baseline yet, a warning when it failed. */
function baselineNote(outcome) {
    if (outcome.status === 'absent') {
        return { level: 'info', message: `Size report: no baseline: ${outcome.reason}.` };
    }
    return {
        level: 'warning',
        message: `Size report: ${PROBLEM_WORDS[outcome.problem]}, so there is no comparison: ${outcome.reason}`,
    };
}


/***/ }),

/***/ 5460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ previousRelease),
/* harmony export */   H: () => (/* binding */ planBaseline)
/* harmony export */ });
/* harmony import */ var _plan_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3862);
/* harmony import */ var semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6353);
/* harmony import */ var semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1__);


function planBaseline(input) {
    if (input.compareTo)
        return { kind: 'reference', ref: input.compareTo };
    const image = input.images[0];
    if (!image)
        return { kind: 'none', reason: 'no image name to look the baseline up by ("images" is empty)' };
    const { context } = input;
    const rules = input.tagRules.length > 0 ? input.tagRules : undefined;
    if (context.pullRequest) {
        // The tag a push to the base branch gets under the same rules: `:main`.
        const base = `refs/heads/${context.pullRequest.baseRef}`;
        const pushContext = { ...context, eventName: 'push', ref: base, pullRequest: undefined };
        // The base branch's commit is not known here: a sha tag could only name this PR's own.
        const tag = mainTag(input, pushContext, rules?.filter((rule) => rule.type !== 'sha'));
        return tag
            ? { kind: 'reference', ref: `${image}:${tag}` }
            : { kind: 'none', reason: `no tag rule names a push to ${context.pullRequest.baseRef}` };
    }
    const tag = mainTag(input, context, rules);
    if (!tag)
        return { kind: 'none', reason: 'no tag rule applies to this event' };
    if (context.ref.startsWith('refs/tags/') && semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default()(tag, { loose: true })) {
        return { kind: 'previous-release', repository: image, version: tag };
    }
    return { kind: 'before-push', ref: `${image}:${tag}` };
}
function mainTag(input, context, rules) {
    return (0,_plan_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .planTags */ .Vd)({
        images: [],
        rules: rules ?? (0,_plan_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultTagRules */ .Dj)(context),
        references: [],
        flavor: input.flavor,
        context,
        now: input.now,
    }).version;
}
/**
 * The highest release in `tags` below `version`: full versions only (`1.2.3`, not `1.2`), no
 * pre-releases, compared as semver. undefined when there is none.
 */
function previousRelease(tags, version) {
    const current = semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default()(version, { loose: true });
    if (!current)
        return undefined;
    let best;
    for (const tag of tags) {
        const v = semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default()(tag, { loose: true });
        if (!v || v.prerelease.length > 0 || v.compare(current) >= 0)
            continue;
        if (!best || v.compare(best.version) > 0)
            best = { tag, version: v };
    }
    return best?.tag;
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


/***/ }),

/***/ 6870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pinBaseline: () => (/* binding */ pinBaseline)
/* harmony export */ });
/* harmony import */ var _compare_baseline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5460);
/* harmony import */ var _compare_baseline_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(867);
/* harmony import */ var _registry_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3434);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6764);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2148);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _registry_clients_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4385);







async function pinBaseline(io, inputs, context, now) {
    const plan = (0,_compare_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .planBaseline */ .H)({
        compareTo: inputs.compareTo,
        images: inputs.images,
        tagRules: inputs.tagRules,
        flavor: inputs.flavor,
        context,
        now,
    });
    // Kinds only: refs and reasons come from branch names, and a debug line is a workflow command
    // (the notes after the build show them, inside stop-commands).
    io.debug(`decision: baseline plan: ${plan.kind}`);
    if (plan.kind === 'none')
        return { plan, outcome: { status: 'absent', reason: plan.reason } };
    if (plan.kind === 'previous-release')
        return { plan };
    const input = inputs.compareTo && plan.kind === 'reference' ? 'compare-to' : 'images';
    // An OCI layout is on disk: no push moves it.
    if (plan.ref.startsWith(_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .OCI_LAYOUT */ .xm) || !movesWithPush(plan, inputs))
        return { plan, ref: plan.ref, input };
    try {
        const connection = await (0,_registry_connect_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .N)(plan.ref, {
            clients: (0,_registry_clients_js__WEBPACK_IMPORTED_MODULE_6__.registryClientsOf)(io),
            env: io.env,
            insecureRegistries: inputs.insecureRegistries,
            onSecret: (secret) => io.mask(secret),
            debug: (line) => io.debug(line),
            input,
        });
        const { digest } = await connection.client.manifest(connection.reference.repository, connection.manifestReference);
        return { plan, ref: `${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(plan.ref).name}@${digest}`, input };
    }
    catch (error) {
        if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz)
            throw error;
        return { plan, outcome: (0,_compare_baseline_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .judgeBaseline */ .d)(plan.ref, { error, tagMissing: (0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isNotFound */ .c4)(error) }) };
    }
}
/** A push compares with what its own tag held before; so does a `compare-to` this push moves (`:main` on main). */
function movesWithPush(plan, inputs) {
    return plan.kind === 'before-push' || (inputs.build.push && plan.ref === inputs.compareTo);
}


/***/ }),

/***/ 4385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registryClientsOf: () => (/* binding */ registryClientsOf)
});

// EXTERNAL MODULE: ./src/registry/client.ts + 8 modules
var registry_client = __webpack_require__(1229);
;// CONCATENATED MODULE: ./src/registry/clients.ts

class RegistryClients {
    clients = new Map();
    found = new Map();
    /**
     * The credentials for a registry, looked up once a run (Docker's config is read and a
     * credential helper run once, not at every connect); a lookup that failed is tried again.
     */
    credentials(registry, explicit, lookUp) {
        const key = JSON.stringify([registry, explicit ?? null]);
        let found = this.found.get(key);
        if (!found) {
            found = lookUp();
            this.found.set(key, found);
            found.catch(() => this.found.delete(key));
        }
        return found;
    }
    /** The pool's client for these options, made on first use. */
    client(options) {
        const key = poolKey(options);
        let client = this.clients.get(key);
        if (!client) {
            client = new registry_client/* RegistryClient */.bP(options);
            this.clients.set(key, client);
        }
        return client;
    }
    /** How many clients the pool holds (one per host and credentials). */
    get size() {
        return this.clients.size;
    }
}
function poolKey(options) {
    const credentials = options.credentials ?? {};
    return JSON.stringify([
        options.host.toLowerCase(),
        credentials.username ?? null,
        credentials.password ?? null,
        credentials.identityToken ?? null,
        [...(options.insecureRegistries ?? [])].sort(),
        options.timeout ?? null,
    ]);
}

;// CONCATENATED MODULE: ./src/steps/registry-clients.ts

const pools = new WeakMap();
function registryClientsOf(io) {
    let pool = pools.get(io);
    if (!pool) {
        pool = new RegistryClients();
        pools.set(io, pool);
    }
    return pool;
}


/***/ })

};
