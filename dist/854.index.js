export const id = 854;
export const ids = [854];
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

/***/ 7592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformName)
/* harmony export */ });
/**
 * The OCI content descriptor and platform, as indexes and manifests carry them.
 */
/** `os/arch[/variant]`. */
function platformName(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H3: () => (/* binding */ isAttestation),
/* harmony export */   VY: () => (/* binding */ parsePlatformFilter),
/* harmony export */   _I: () => (/* binding */ matchesAny)
/* harmony export */ });
/* unused harmony exports PlatformSyntaxError, parsePlatform, platformMatches, selectPlatforms */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
/**
 * Platforms: which descriptors of an index are images (not attestations), `os/arch[/variant]`
 * parsed, and the filter that matches them as containerd does.
 */


/** A platform filter entry that is not `os/arch[/variant]`. */
class PlatformSyntaxError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    value;
    constructor(value) {
        super(`${JSON.stringify(value)} is not a platform: expected os/arch[/variant], like linux/amd64`);
        this.value = value;
        this.name = 'PlatformSyntaxError';
    }
}
const ATTESTATION_TYPE = 'vnd.docker.reference.type';
/** BuildKit's attestation manifests (provenance, SBOM) ride in the index but are no platform. */
function isAttestation(descriptor) {
    if (descriptor.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest')
        return true;
    return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}
/** `linux/arm64/v8` -> { os, architecture, variant }; throws PlatformSyntaxError. */
function parsePlatform(text) {
    const parts = text.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '' || /\s/.test(part))) {
        throw new PlatformSyntaxError(text);
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant && { variant }) };
}
/** A platform filter from a list whose items may themselves be comma-separated. Empty = everything. */
function parsePlatformFilter(list) {
    return list
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map(parsePlatform);
}
// The variant a platform has when it names none (containerd's normalisation).
const DEFAULT_VARIANT = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
const ARCHITECTURE_ALIASES = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };
function normalize(spec) {
    const architecture = spec.architecture.toLowerCase();
    return {
        os: spec.os.toLowerCase(),
        architecture: ARCHITECTURE_ALIASES[architecture] ?? architecture,
        variant: spec.variant?.toLowerCase(),
    };
}
/**
 * Whether an image platform satisfies one filter entry. A filter without a variant takes any
 * variant (`linux/arm64` matches `linux/arm64/v8`); with one, the image's variant (or its
 * architecture's default: arm64 v8, arm v7, amd64 v1) must be equal.
 */
function platformMatches(wanted, actual) {
    const want = normalize(wanted);
    const have = normalize(actual);
    if (want.os !== have.os || want.architecture !== have.architecture)
        return false;
    if (want.variant === undefined)
        return true;
    return want.variant === (have.variant ?? DEFAULT_VARIANT[have.architecture]);
}
function matchesAny(filter, actual) {
    return filter.length === 0 || filter.some((wanted) => platformMatches(wanted, actual));
}
/** The image platforms of an index (attestations left out), those `filter` keeps (all when empty). */
function selectPlatforms(index, filter = []) {
    return index.manifests.filter((descriptor) => !isAttestation(descriptor) &&
        isManifest(descriptor.mediaType) &&
        descriptor.platform !== undefined &&
        matchesAny(filter, descriptor.platform));
}


/***/ }),

/***/ 8436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ totalCompressedDelta),
/* harmony export */   OU: () => (/* binding */ SIZE_REPORT_VERSION)
/* harmony export */ });
/* unused harmony export parseSizeReport */


const SIZE_REPORT_VERSION = 1;
/** The compressed change over all platforms; null when no platform has a baseline. */
function totalCompressedDelta(report) {
    const deltas = report.platforms.flatMap((p) => (p.delta ? [p.delta.compressed] : []));
    return deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) : null;
}
/**
 * A size report read back from JSON that someone else wrote (an artifact of a fork's run):
 * every field the renderer reads is checked for its type, so that no string can stand where
 * a number is printed unescaped. Throws with the path of the first wrong field, never its value
 * (the file may be anything the workflow points at).
 */
function parseSizeReport(json) {
    const value = parseJsonText(json, 'it');
    const r = object(value, 'report');
    if (r.version !== SIZE_REPORT_VERSION)
        throw new Error(`report.version: expected ${SIZE_REPORT_VERSION}`);
    ref(r.image, 'report.image');
    if (r.baseline !== null)
        ref(r.baseline, 'report.baseline');
    if (r.baselineUnavailable !== undefined) {
        const u = object(r.baselineUnavailable, 'report.baselineUnavailable');
        for (const key of ['ref', 'reason'])
            string(u[key], `report.baselineUnavailable.${key}`);
        if (!BASELINE_PROBLEMS.includes(u.problem))
            throw new Error(`report.baselineUnavailable.problem: one of ${BASELINE_PROBLEMS.join(', ')}`);
    }
    array(r.platforms, 'report.platforms').forEach((p, i) => platform(p, `report.platforms[${i}]`));
    array(r.removedPlatforms, 'report.removedPlatforms').forEach((p, i) => string(p, `report.removedPlatforms[${i}]`));
    if (r.budget !== undefined) {
        const b = object(r.budget, 'report.budget');
        if (!['pass', 'warn', 'fail'].includes(b.status))
            throw new Error('report.budget.status: pass, warn or fail');
        array(b.violations, 'report.budget.violations').forEach((v, i) => {
            const o = object(v, `report.budget.violations[${i}]`);
            string(o.platform, `${i}.platform`);
            string(o.rule, `${i}.rule`);
            number(o.limit, `${i}.limit`);
            number(o.actual, `${i}.actual`);
        });
        for (const field of ['unchecked', 'absent']) {
            if (b[field] === undefined)
                continue;
            array(b[field], `report.budget.${field}`).forEach((u, i) => {
                const o = object(u, `report.budget.${field}[${i}]`);
                string(o.platform, `report.budget.${field}[${i}].platform`);
                string(o.rule, `report.budget.${field}[${i}].rule`);
            });
        }
    }
    if (r.advice !== undefined)
        array(r.advice, 'report.advice').forEach((a, i) => adviceEntry(a, `report.advice[${i}]`));
    return value;
}
const ADVICE_KEYS = new Set(['rule', 'file', 'line', 'endLine', 'bytes', 'message', 'fix', 'platforms']);
// Strict: exactly the fields the advisor writes, lines and bytes as whole numbers.
function adviceEntry(value, at) {
    const a = object(value, at);
    for (const key of Object.keys(a))
        if (!ADVICE_KEYS.has(key))
            throw new Error(`${at}: a field the advisor does not write`);
    for (const key of ['rule', 'file', 'message', 'fix'])
        string(a[key], `${at}.${key}`);
    for (const key of ['line', 'endLine', 'bytes'])
        count(a[key], `${at}.${key}`);
    if (a.line < 1)
        throw new Error(`${at}.line: expected a line number`);
    if (a.endLine < a.line)
        throw new Error(`${at}.endLine: before line`);
    array(a.platforms, `${at}.platforms`).forEach((p, i) => string(p, `${at}.platforms[${i}]`));
}
function count(value, at) {
    if (!Number.isSafeInteger(value) || value < 0)
        throw new Error(`${at}: expected a whole number`);
}
function platform(value, at) {
    const p = object(value, at);
    string(p.platform, `${at}.platform`);
    number(p.compressed, `${at}.compressed`);
    for (const key of ['uncompressed', 'wasted', 'newToPull'])
        nullable(p[key], `${at}.${key}`);
    array(p.layers, `${at}.layers`).forEach((l, i) => layer(l, `${at}.layers[${i}]`));
    for (const key of ['baseline', 'delta']) {
        if (p[key] === null)
            continue;
        const f = object(p[key], `${at}.${key}`);
        number(f.compressed, `${at}.${key}.compressed`);
        nullable(f.uncompressed, `${at}.${key}.uncompressed`);
        nullable(f.wasted, `${at}.${key}.wasted`);
        number(f.layerCount, `${at}.${key}.layerCount`);
    }
    if (p.changes !== null) {
        const c = object(p.changes, `${at}.changes`);
        array(c.added, `${at}.changes.added`).forEach((l, i) => layer(l, `${at}.changes.added[${i}]`));
        array(c.removed, `${at}.changes.removed`).forEach((l, i) => layer(l, `${at}.changes.removed[${i}]`));
    }
}
function layer(value, at) {
    const l = object(value, at);
    string(l.digest, `${at}.digest`);
    number(l.compressed, `${at}.compressed`);
    nullable(l.uncompressed, `${at}.uncompressed`);
    nullable(l.files, `${at}.files`);
    if (l.createdBy !== null)
        string(l.createdBy, `${at}.createdBy`);
}
function ref(value, at) {
    const o = object(value, at);
    string(o.ref, `${at}.ref`);
    string(o.digest, `${at}.digest`);
}
function object(value, at) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error(`${at}: expected an object`);
    return value;
}
function array(value, at) {
    if (!Array.isArray(value))
        throw new Error(`${at}: expected an array`);
    return value;
}
function string(value, at) {
    if (typeof value !== 'string')
        throw new Error(`${at}: expected a string`);
}
function number(value, at) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw new Error(`${at}: expected a number`);
}
function nullable(value, at) {
    if (value !== null)
        number(value, at);
}


/***/ }),

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  adviceSettings: () => (/* reexport */ advice.adviceSettings),
  lookUpBaseline: () => (/* binding */ lookUpBaseline),
  measureOptions: () => (/* binding */ measureOptions),
  resolveBaselineBeforeBuild: () => (/* binding */ resolveBaselineBeforeBuild)
});

// EXTERNAL MODULE: ./src/plan/tags.ts + 1 modules
var tags = __webpack_require__(1339);
// EXTERNAL MODULE: ./node_modules/semver/functions/parse.js
var parse = __webpack_require__(6353);
var parse_default = /*#__PURE__*/__webpack_require__.n(parse);
;// CONCATENATED MODULE: ./src/compare/baseline.ts


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
    if (context.ref.startsWith('refs/tags/') && parse_default()(tag, { loose: true })) {
        return { kind: 'previous-release', repository: image, version: tag };
    }
    return { kind: 'before-push', ref: `${image}:${tag}` };
}
function mainTag(input, context, rules) {
    return (0,tags/* planTags */.Vd)({
        images: [],
        rules: rules ?? (0,tags/* defaultTagRules */.Dj)(context),
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
    const current = parse_default()(version, { loose: true });
    if (!current)
        return undefined;
    let best;
    for (const tag of tags) {
        const v = parse_default()(tag, { loose: true });
        if (!v || v.prerelease.length > 0 || v.compare(current) >= 0)
            continue;
        if (!best || v.compare(best.version) > 0)
            best = { tag, version: v };
    }
    return best?.tag;
}

// EXTERNAL MODULE: ./src/steps/measure.ts + 3 modules
var measure = __webpack_require__(5828);
// EXTERNAL MODULE: ./src/compare/baseline-policy.ts
var baseline_policy = __webpack_require__(867);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/steps/advice.ts + 16 modules
var advice = __webpack_require__(892);
// EXTERNAL MODULE: ./src/registry/connect.ts + 23 modules
var connect = __webpack_require__(16);
// EXTERNAL MODULE: ./src/registry/errors.ts
var registry_errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/steps/baseline.ts









function measureOptions(io, inputs) {
    return {
        platforms: [],
        analyzeLayers: inputs.analyzeLayers,
        insecureRegistries: inputs.insecureRegistries,
        ...(0,measure/* measurePorts */.Fg)(io),
    };
}
/**
 * The baseline, planned and read before anything is built or pushed: a reference to measure
 * after the build, or, when there is none or it cannot be read, the outcome the baseline policy
 * gives (compare/baseline-policy.ts), logged here, once. It never fails the step.
 */
async function lookUpBaseline(io, inputs, context, now) {
    const plan = planBaseline({
        compareTo: inputs.compareTo,
        images: inputs.images,
        tagRules: inputs.tagRules,
        flavor: inputs.flavor,
        context,
        now,
    });
    // Kinds only: refs and reasons come from branch names, and a debug line is a workflow command
    // (the notes below show them, inside stop-commands).
    io.debug(`decision: baseline plan: ${plan.kind}`);
    const found = await resolveBaselineBeforeBuild(io, plan, inputs);
    io.debug(`decision: baseline: ${typeof found === 'string' ? 'a reference to measure after the build' : found.status}`);
    if (typeof found === 'object')
        (0,measure/* noteBaseline */.MS)(found, measureOptions(io, inputs));
    return found;
}
/**
 * The baseline reference, read before anything is pushed (its manifests and configs: a tag that
 * is an artifact or holds only attestations is found here, not after the push): a push compares
 * with what its tag pointed to before (pinned by digest now, since the push moves the tag), a
 * release with the previous release in the registry.
 */
async function resolveBaselineBeforeBuild(io, plan, inputs) {
    if (plan.kind === 'none')
        return { status: 'absent', reason: plan.reason };
    const options = measureOptions(io, inputs);
    // An OCI layout is on disk: nothing to look up, and nothing a push moves.
    if (plan.kind === 'reference' && plan.ref.startsWith(reference/* OCI_LAYOUT */.xm))
        return plan.ref;
    let ref;
    if (plan.kind === 'previous-release') {
        const previous = await previousReleaseOf(plan, options);
        if (typeof previous === 'object')
            return previous;
        ref = previous;
    }
    else
        ref = plan.ref;
    const input = inputs.compareTo && plan.kind === 'reference' ? 'compare-to' : 'images';
    const read = await (0,measure/* readBaseline */.mF)(ref, { ...options, analyzeLayers: false, input });
    if ('outcome' in read)
        return read.outcome;
    // A compare-to that this push may move (`:main` on a push to main) is pinned by digest now.
    const mayMove = inputs.build.push && plan.kind === 'reference' && plan.ref === inputs.compareTo;
    return plan.kind === 'before-push' || mayMove
        ? `${(0,reference/* parseReference */.F2)(ref).name}@${read.measurement.digest}`
        : ref;
}
// `repository:<the highest release below this one>`, or why there is none.
async function previousReleaseOf(plan, options) {
    try {
        const connection = await (0,connect/* connect */.N)(plan.repository, { ...options, input: 'images' });
        const tags = await connection.client.tags(connection.reference.repository);
        const previous = previousRelease(tags, plan.version);
        if (previous)
            return `${plan.repository}:${previous}`;
        return { status: 'absent', reason: `no release before ${plan.version} in ${plan.repository} yet` };
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        return (0,baseline_policy/* judgeBaseline */.d)(plan.repository, { error, tagMissing: (0,registry_errors/* isNotFound */.c4)(error) });
    }
}


/***/ }),

/***/ 5828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fg: () => (/* binding */ measurePorts),
  Hw: () => (/* binding */ measureWithScans),
  MS: () => (/* binding */ noteBaseline),
  mF: () => (/* binding */ readBaseline)
});

// UNUSED EXPORTS: measureAgainstBaseline

// EXTERNAL MODULE: ./src/registry/connect.ts + 23 modules
var connect = __webpack_require__(16);
// EXTERNAL MODULE: ./src/image/oci-layout.ts
var oci_layout = __webpack_require__(803);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/compare/baseline-policy.ts
var baseline_policy = __webpack_require__(867);
// EXTERNAL MODULE: ./src/image/layers.ts + 1 modules
var image_layers = __webpack_require__(7740);
// EXTERNAL MODULE: ./src/image/wasted.ts
var wasted = __webpack_require__(5355);
// EXTERNAL MODULE: ./src/util/pool.ts
var pool = __webpack_require__(704);
// EXTERNAL MODULE: ./src/oci/descriptor.ts
var oci_descriptor = __webpack_require__(7592);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(2060);
// EXTERNAL MODULE: ./src/oci/platform.ts
var platform = __webpack_require__(1890);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/oci/history.ts
var oci_history = __webpack_require__(633);
;// CONCATENATED MODULE: ./src/image/load.ts
/**
 * `loadImage`: an image walked through an ImageSource, index -> platform manifests -> configs,
 * into the image model (model.ts). The parsing is oci/'s; this is the walk.
 */






/** How many manifests and configs are fetched at once. */
const DEFAULT_CONCURRENCY = 4;
// An index may point to indexes; an absurd depth (a hostile source) is an error, not a hang.
const MAX_INDEX_DEPTH = 4;
/** A platform filter that matches none of the platforms the image has. */
class PlatformNotFoundError extends util_errors/* ActionError */.lZ {
    image;
    wanted;
    available;
    constructor(image, wanted, available) {
        super(`${image} has no platform matching ${wanted.join(', ')}; it has ` +
            (available.length ? available.join(', ') : 'no image platforms'));
        this.image = image;
        this.wanted = wanted;
        this.available = available;
        this.name = 'PlatformNotFoundError';
    }
}
/**
 * The image `reference` names in `source`: the index (nested indexes included) walked to its
 * platform manifests and their configs, attestations left out, the platform filter applied.
 * Platforms keep the index's order. Throws PlatformNotFoundError when the filter keeps nothing.
 */
async function loadImage(source, reference, options = {}) {
    const filter = (0,platform/* parsePlatformFilter */.VY)(options.platforms ?? []);
    source = bounded(source, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    const top = await source.manifest(reference);
    const parsed = (0,oci_manifest.parseManifest)(top.body, where(source, 'manifest', top.digest), top.mediaType);
    const candidates = parsed.kind === 'manifest'
        ? [{ digest: top.digest, manifest: parsed }]
        : await platformCandidates(source, parsed, filter);
    const loaded = await Promise.all(candidates.map((candidate) => loadPlatform(source, candidate)));
    const images = loaded.filter((image) => image !== undefined);
    const platforms = images.filter((image) => (0,platform/* matchesAny */._I)(filter, image.spec)).map((image) => image.platform);
    if (platforms.length === 0) {
        if (filter.length === 0) {
            throw new oci_manifest.NotAnImageError(where(source, 'manifest', top.digest), 'has no image platforms (only attestations or artifacts)');
        }
        const available = [
            ...(parsed.kind === 'index' ? await allPlatformNames(source, parsed) : []),
            ...images.map((image) => image.platform.platform),
        ];
        throw new PlatformNotFoundError(source.name, filter.map(oci_descriptor/* platformName */.$), [...new Set(available)]);
    }
    return { ref: source.name, digest: top.digest, mediaType: parsed.mediaType, platforms };
}
function where(source, what, digest) {
    return `${source.name}, ${what} ${digest}`;
}
/**
 * The image manifests of an index and of the indexes it points to, in order. Those whose
 * descriptor names a platform are filtered here, before any fetch; those without one are kept,
 * to be filtered once their config tells the platform.
 */
async function platformCandidates(source, index, filter, depth = 0) {
    const walk = async (descriptor) => {
        if ((0,platform/* isAttestation */.H3)(descriptor))
            return [];
        if ((0,media_types/* isIndex */.nw)(descriptor.mediaType)) {
            if (depth + 1 >= MAX_INDEX_DEPTH) {
                throw new oci_manifest.ManifestError(where(source, 'index', descriptor.digest), `indexes nest more than ${MAX_INDEX_DEPTH} deep`);
            }
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind !== 'index')
                return [{ digest: descriptor.digest, manifest: nested }];
            return platformCandidates(source, nested, filter, depth + 1);
        }
        // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
        if (!(0,media_types/* isManifest */.Yh)(descriptor.mediaType))
            return [];
        if (descriptor.platform && !(0,platform/* matchesAny */._I)(filter, descriptor.platform))
            return [];
        return [{ digest: descriptor.digest, descriptor }];
    };
    return (await Promise.all(index.manifests.map(walk))).flat();
}
/** Names of every image platform an index declares, nested indexes included (for errors). */
async function allPlatformNames(source, index, depth = 0) {
    const names = [];
    for (const descriptor of index.manifests) {
        if ((0,platform/* isAttestation */.H3)(descriptor))
            continue;
        if ((0,media_types/* isIndex */.nw)(descriptor.mediaType) && depth + 1 < MAX_INDEX_DEPTH) {
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind === 'index')
                names.push(...(await allPlatformNames(source, nested, depth + 1)));
        }
        else if (descriptor.platform) {
            names.push((0,oci_descriptor/* platformName */.$)(descriptor.platform));
        }
    }
    return names;
}
/** A manifest by descriptor, held to the descriptor's digest and size. */
async function fetchManifest(source, descriptor) {
    const fetched = await source.manifest(descriptor.digest);
    const origin = where(source, 'manifest', descriptor.digest);
    if (fetched.digest !== descriptor.digest) {
        throw new oci_manifest.ManifestError(origin, `the source returned ${fetched.digest} instead`);
    }
    if (fetched.body.length !== descriptor.size) {
        throw new oci_manifest.ManifestError(origin, `is ${fetched.body.length} bytes, the index says ${descriptor.size}`);
    }
    return (0,oci_manifest.parseManifest)(fetched.body, origin, fetched.mediaType || descriptor.mediaType);
}
/** One platform: its manifest (fetched unless given) and config; undefined when it is no image. */
async function loadPlatform(source, candidate) {
    const manifest = candidate.manifest ?? (await fetchManifest(source, candidate.descriptor));
    if (manifest.kind !== 'manifest') {
        throw new oci_manifest.ManifestError(where(source, 'manifest', candidate.digest), `is an index, but the index that points to it says ${candidate.descriptor?.mediaType}`);
    }
    // A manifest whose config is no image config is an artifact riding in the index.
    if (manifest.config.mediaType !== media_types/* OCI_CONFIG */.TF && manifest.config.mediaType !== media_types/* DOCKER_CONFIG */.e6)
        return undefined;
    const configOrigin = where(source, 'config', manifest.config.digest);
    if (manifest.config.size > oci_manifest.MAX_CONFIG_BYTES) {
        throw new oci_manifest.ManifestError(configOrigin, `config is ${manifest.config.size} bytes, more than the ${oci_manifest.MAX_CONFIG_BYTES} a config may have`);
    }
    const body = await source.blob(manifest.config.digest);
    if (body.length !== manifest.config.size) {
        throw new oci_manifest.ManifestError(configOrigin, `is ${body.length} bytes, the manifest says ${manifest.config.size}`);
    }
    const config = (0,oci_manifest.parseImageConfig)(body, configOrigin);
    const spec = candidate.descriptor?.platform ?? configPlatform(config);
    if (spec.os === 'unknown' && spec.architecture === 'unknown')
        return undefined;
    const history = (0,oci_history/* layerHistory */.Mg)(config.history, manifest.layers.length);
    const layers = manifest.layers.map((descriptor, i) => {
        const createdBy = history[i]?.createdBy;
        return {
            digest: descriptor.digest,
            mediaType: descriptor.mediaType,
            compressed: descriptor.size,
            ...(createdBy !== undefined && { createdBy }),
        };
    });
    return {
        spec,
        platform: {
            platform: (0,oci_descriptor/* platformName */.$)(spec),
            manifestDigest: candidate.digest,
            configDigest: manifest.config.digest,
            layers,
            compressed: layers.reduce((sum, layer) => sum + layer.compressed, 0),
        },
    };
}
function configPlatform(config) {
    return {
        os: config.os ?? 'unknown',
        architecture: config.architecture ?? 'unknown',
        ...(config.variant && { variant: config.variant }),
    };
}
/**
 * The source with at most `limit` manifest and blob fetches running at once, however the walk
 * fans out (nested indexes included). Only the fetches wait for a slot, never a task that
 * itself fetches, so the walk cannot deadlock.
 */
function bounded(source, limit) {
    let active = 0;
    const waiting = [];
    const run = async (fetch) => {
        if (active < limit)
            active++;
        else
            await new Promise((resolve) => waiting.push(resolve)); // the slot is handed over
        try {
            return await fetch();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                active--;
        }
    };
    return {
        name: source.name,
        manifest: (reference) => run(() => source.manifest(reference)),
        blob: (digest) => run(() => source.blob(digest)),
        blobStream: (digest, size) => source.blobStream(digest, size),
    };
}

;// CONCATENATED MODULE: ./src/measure/measure.ts





/** Scans by layer digest, each started once; the limit bounds the blobs streamed at once. */
class LayerScans {
    scans = new Map();
    limit;
    constructor(concurrency = 3) {
        this.limit = (0,pool/* limiter */.T)(concurrency);
    }
    scan(source, layer) {
        let scan = this.scans.get(layer.digest);
        if (!scan) {
            scan = this.limit(() => scanReadAgain(source, layer));
            this.scans.set(layer.digest, scan);
        }
        return scan;
    }
}
/**
 * The scan of a layer, started over on a fresh stream when its bytes came back wrong: a digest
 * mismatch, or bytes that would not decode (a flipped byte breaks gzip before the digest is
 * checked), as long as the source says reading again may help.
 */
async function scanReadAgain(source, layer) {
    for (let attempt = 1;; attempt++) {
        try {
            const blob = await source.blobStream(layer.digest, layer.compressed);
            return await (0,image_layers/* scanLayer */.h4)(blob, { mediaType: layer.mediaType });
        }
        catch (error) {
            // Other registry errors had their retries in the transport.
            const wrongBytes = !(0,errors/* isRegistryError */.IP)(error) || (0,errors/* isCorruptAnswer */.Ci)(error);
            if (!wrongBytes || !source.mayReadAgain || !(await source.mayReadAgain(attempt))) {
                throw namedScanError(error, source, layer, attempt);
            }
        }
    }
}
// A decoder's or the tar parser's words do not say which layer of which image they are about.
function namedScanError(error, source, layer, attempts) {
    const tries = attempts > 1 ? ` (read ${attempts} times, wrong each time)` : '';
    if ((0,errors/* isRegistryError */.IP)(error))
        return tries ? (0,errors/* withNote */.dW)(error, tries) : error;
    // Duck-typed: zlib's errors come from another realm under jest.
    const message = error?.message;
    if (typeof message !== 'string' || message.includes(layer.digest))
        return error;
    return new Error(`${source.name}: layer ${layer.digest} cannot be read: ${message}${tries}`, {
        cause: error,
    });
}
async function measureImage(source, reference, options) {
    const image = await loadImage(source, reference, { platforms: options.platforms });
    const scans = options.scans ?? new LayerScans();
    const wanted = options.onlyPlatforms && new Set(options.onlyPlatforms);
    const scanned = [];
    const platforms = await Promise.all(image.platforms
        .filter((p) => !wanted || wanted.has(p.platform))
        .map(async (p) => {
        const base = { platform: p.platform, manifestDigest: p.manifestDigest, compressed: p.compressed };
        if (!options.analyzeLayers) {
            return {
                ...base,
                uncompressed: null,
                wasted: null,
                layers: p.layers.map((l) => ({ ...layerBase(l), uncompressed: null, files: null })),
            };
        }
        const layerScans = await Promise.all(p.layers.map((l) => scans.scan(source, l)));
        const waste = (0,wasted/* computeWaste */.I)(layerScans);
        scanned.push({
            platform: p.platform,
            layers: p.layers.map((l, i) => ({ ...layerBase(l), scan: layerScans[i] })),
            waste,
        });
        return {
            ...base,
            uncompressed: layerScans.reduce((sum, s) => sum + s.uncompressed, 0),
            wasted: waste.total,
            layers: p.layers.map((l, i) => ({
                ...layerBase(l),
                uncompressed: layerScans[i].uncompressed,
                files: layerScans[i].files,
            })),
        };
    }));
    // In the image's platform order, whichever scan finished first.
    const order = platforms.map((p) => p.platform);
    scanned.sort((a, b) => order.indexOf(a.platform) - order.indexOf(b.platform));
    return { image, measurement: { ref: image.ref, digest: image.digest, platforms }, scanned };
}
function layerBase(l) {
    return { digest: l.digest, compressed: l.compressed, createdBy: l.createdBy };
}

// EXTERNAL MODULE: ./src/report/size-report.ts
var size_report = __webpack_require__(8436);
;// CONCATENATED MODULE: ./src/compare/delta.ts

/** The report of `image` against `baseline`, or against none, for the reason `outcome` gives. */
function buildSizeReport(image, baseline, outcome) {
    return {
        version: size_report/* SIZE_REPORT_VERSION */.OU,
        image: { ref: image.ref, digest: image.digest },
        baseline: baseline ? { ref: baseline.ref, digest: baseline.digest } : null,
        ...(!baseline &&
            outcome?.status === 'unavailable' && {
            baselineUnavailable: { ref: outcome.ref, problem: outcome.problem, reason: outcome.reason },
        }),
        platforms: image.platforms.map((p) => platformReport(p, baseline)),
        removedPlatforms: (baseline?.platforms ?? [])
            .map((b) => b.platform)
            .filter((name) => !image.platforms.some((p) => p.platform === name)),
    };
}
function platformReport(p, baseline) {
    const base = baseline?.platforms.find((b) => b.platform === p.platform);
    const baseDigests = new Set(base?.layers.map((l) => l.digest));
    const imageDigests = new Set(p.layers.map((l) => l.digest));
    const layers = p.layers.map(layerReport);
    const added = layers.filter((l) => !baseDigests.has(l.digest));
    // A layer listed twice in one manifest is downloaded once.
    const newToPull = [...new Map(added.map((l) => [l.digest, l.compressed])).values()].reduce((a, b) => a + b, 0);
    return {
        platform: p.platform,
        compressed: p.compressed,
        uncompressed: p.uncompressed,
        wasted: p.wasted,
        newToPull: baseline ? newToPull : null,
        layers,
        baseline: base ? { ...figures(base), layerCount: base.layers.length } : null,
        delta: base
            ? {
                compressed: p.compressed - base.compressed,
                uncompressed: difference(p.uncompressed, base.uncompressed),
                wasted: difference(p.wasted, base.wasted),
                layerCount: p.layers.length - base.layers.length,
            }
            : null,
        changes: base
            ? { added, removed: base.layers.filter((l) => !imageDigests.has(l.digest)).map(layerReport) }
            : null,
    };
}
const layerReport = (l) => ({
    digest: l.digest,
    compressed: l.compressed,
    uncompressed: l.uncompressed,
    files: l.files,
    createdBy: l.createdBy ?? null,
});
const figures = (p) => ({
    compressed: p.compressed,
    uncompressed: p.uncompressed,
    wasted: p.wasted,
});
const difference = (a, b) => (a === null || b === null ? null : a - b);

;// CONCATENATED MODULE: ./src/steps/measure.ts








/**
 * What measuring says and hands over, through the Io: the environment (Docker's config, helpers),
 * every credential to mask, notes (refs and reasons from branch names and registries: shown,
 * never obeyed), warnings and the debug log of registry requests.
 */
function measurePorts(io) {
    return {
        env: io.env,
        onSecret: (secret) => io.mask(secret),
        log: (line) => io.infoUntrusted(line),
        warn: (line) => io.warning(line),
        debug: (line) => io.debug(line),
    };
}
async function measureAgainstBaseline(image, baseline, options) {
    return (await measureWithScans(image, baseline, options)).report;
}
/**
 * The report, and the image's scanned layers per platform (for advice: nothing is scanned twice).
 * The image must be read, or this throws; the baseline follows the baseline policy: whatever
 * goes wrong with it, the report is made without it, and the log says why.
 */
async function measureWithScans(image, baseline, options) {
    const scans = new LayerScans();
    const { measurement: measured, scanned } = await measureReference(image, 'image', options, scans);
    let base = null;
    let outcome = typeof baseline === 'object' ? baseline : undefined;
    if (typeof baseline === 'string') {
        // A baseline is measured on the image's platforms, whatever else it has.
        const read = await readBaseline(baseline, options, scans, measured.platforms.map((p) => p.platform));
        if ('outcome' in read) {
            outcome = read.outcome;
            noteBaseline(outcome, options);
        }
        else
            base = read.measurement;
    }
    return { report: buildSizeReport(measured, base, outcome), scanned };
}
/**
 * Reads the baseline `ref` (its manifests and configs; its layers too with `analyzeLayers`),
 * never throwing: its measurement, or the outcome the baseline policy gives what went wrong.
 */
async function readBaseline(ref, options, scans, onlyPlatforms) {
    const failure = {};
    try {
        const { source, reference } = await openSource(ref, options.input ?? 'baseline', options);
        const { measurement } = await measureImage(watchMissing(source, reference, failure), reference, {
            platforms: [],
            onlyPlatforms,
            analyzeLayers: options.analyzeLayers,
            scans,
        });
        return { measurement: { ...measurement, ref } };
    }
    catch (error) {
        // A reference that does not parse is the user's to fix, named by its input, not a baseline problem.
        if (error instanceof util_errors/* InputError */.dz)
            throw error;
        return { outcome: (0,baseline_policy/* judgeBaseline */.d)(ref, { error, ...failure }) };
    }
}
/** The outcome in the log: an info line for no baseline yet, a warning for one that failed. */
function noteBaseline(outcome, options) {
    const note = (0,baseline_policy/* baselineNote */.O)(outcome);
    (note.level === 'warning' ? (options.warn ?? options.log) : options.log)(note.message);
}
/**
 * `source`, noting in `failure` what a "not found" was about: the baseline's own tag (it does not
 * exist: no baseline yet), or a manifest or blob under a tag that resolves (a broken baseline).
 */
function watchMissing(source, top, failure) {
    const noting = (what, fetch) => fetch.catch((error) => {
        if ((0,errors/* isNotFound */.c4)(error)) {
            // A digest that is gone is no tag that was never pushed.
            if (what === `manifest ${top}` && !top.includes(':'))
                failure.tagMissing = true;
            else
                failure.missing ??= what;
        }
        throw error;
    });
    return {
        name: source.name,
        manifest: (reference) => noting(`manifest ${reference}`, source.manifest(reference)),
        blob: (digest) => noting(`blob ${digest}`, source.blob(digest)),
        blobStream: (digest, size) => noting(`blob ${digest}`, source.blobStream(digest, size)),
        ...(source.mayReadAgain && { mayReadAgain: (attempt) => source.mayReadAgain(attempt) }),
    };
}
async function measureReference(ref, input, options, scans) {
    const { source, reference } = await openSource(ref, input, options);
    const { measurement, scanned } = await measureImage(source, reference, {
        platforms: options.platforms,
        analyzeLayers: options.analyzeLayers,
        scans,
    });
    return { measurement: { ...measurement, ref }, scanned };
}
async function openSource(ref, input, options) {
    const layout = (0,reference/* ociLayoutPath */.tH)(ref);
    if (layout !== undefined) {
        return { source: await (0,oci_layout.openOciLayout)(layout), reference: '' };
    }
    const connection = await (0,connect/* connect */.N)(ref, {
        input,
        explicitCredentials: options.explicitCredentials,
        insecureRegistries: options.insecureRegistries,
        env: options.env,
        onSecret: options.onSecret,
        debug: options.debug,
    });
    return { source: connection.source, reference: connection.manifestReference };
}


/***/ }),

/***/ 704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ limiter)
/* harmony export */ });
/**
 * Runs async work with at most `limit` tasks in flight, so that scanning many layers keeps a
 * bounded number of streams (and their buffers) open at once.
 */
function limiter(limit) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
    let active = 0;
    const waiting = [];
    return async (task) => {
        if (active >= limit)
            await new Promise((start) => waiting.push(start));
        active++;
        try {
            return await task();
        }
        finally {
            active--;
            waiting.shift()?.();
        }
    };
}


/***/ })

};
