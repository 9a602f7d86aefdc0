export const id = 774;
export const ids = [774];
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

/***/ 3774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  measureAgainstBaseline: () => (/* binding */ measureAgainstBaseline),
  measurePorts: () => (/* binding */ measurePorts),
  measureWithScans: () => (/* binding */ measureWithScans),
  noteBaseline: () => (/* binding */ noteBaseline),
  readBaseline: () => (/* binding */ readBaseline)
});

// EXTERNAL MODULE: ./src/registry/connect.ts + 9 modules
var connect = __webpack_require__(3434);
// EXTERNAL MODULE: ./src/image/oci-layout.ts
var oci_layout = __webpack_require__(803);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/oci/manifest.ts
var oci_manifest = __webpack_require__(2060);
;// CONCATENATED MODULE: ./src/compare/baseline-policy.ts
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
    if (error instanceof oci_manifest.NotAnImageError)
        return unavailable('not-an-image');
    if (!(0,errors/* isRegistryError */.IP)(error))
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/util/pool.ts
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

;// CONCATENATED MODULE: ./src/oci/descriptor.ts
/**
 * The OCI content descriptor and platform, as indexes and manifests carry them.
 */
/** `os/arch[/variant]`. */
function platformName(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/oci/platform.ts
/**
 * Platforms: which descriptors of an index are images (not attestations), `os/arch[/variant]`
 * parsed, and the filter that matches them as containerd does.
 */


/** A platform filter entry that is not `os/arch[/variant]`. */
class PlatformSyntaxError extends util_errors/* ActionError */.lZ {
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
    const filter = parsePlatformFilter(options.platforms ?? []);
    source = bounded(source, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    const top = await source.manifest(reference);
    const parsed = (0,oci_manifest.parseManifest)(top.body, where(source, 'manifest', top.digest), top.mediaType);
    const candidates = parsed.kind === 'manifest'
        ? [{ digest: top.digest, manifest: parsed }]
        : await platformCandidates(source, parsed, filter);
    const loaded = await Promise.all(candidates.map((candidate) => loadPlatform(source, candidate)));
    const images = loaded.filter((image) => image !== undefined);
    const platforms = images.filter((image) => matchesAny(filter, image.spec)).map((image) => image.platform);
    if (platforms.length === 0) {
        if (filter.length === 0) {
            throw new oci_manifest.NotAnImageError(where(source, 'manifest', top.digest), 'has no image platforms (only attestations or artifacts)');
        }
        const available = [
            ...(parsed.kind === 'index' ? await allPlatformNames(source, parsed) : []),
            ...images.map((image) => image.platform.platform),
        ];
        throw new PlatformNotFoundError(source.name, filter.map(platformName), [...new Set(available)]);
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
        if (isAttestation(descriptor))
            return [];
        if ((0,media_types/* isIndex */.nw)(descriptor.mediaType)) {
            if (depth + 1 >= MAX_INDEX_DEPTH) {
                throw new oci_manifest.ManifestError(where(source, 'index', descriptor.digest), `indexes nest more than ${MAX_INDEX_DEPTH} deep`);
            }
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind !== 'index')
                return [{ digest: descriptor.digest, manifest: nested, indexAnnotations: index.annotations }];
            return platformCandidates(source, nested, filter, depth + 1);
        }
        // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
        if (!(0,media_types/* isManifest */.Yh)(descriptor.mediaType))
            return [];
        if (descriptor.platform && !matchesAny(filter, descriptor.platform))
            return [];
        return [{ digest: descriptor.digest, descriptor, indexAnnotations: index.annotations }];
    };
    return (await Promise.all(index.manifests.map(walk))).flat();
}
/** Names of every image platform an index declares, nested indexes included (for errors). */
async function allPlatformNames(source, index, depth = 0) {
    const names = [];
    for (const descriptor of index.manifests) {
        if (isAttestation(descriptor))
            continue;
        if ((0,media_types/* isIndex */.nw)(descriptor.mediaType) && depth + 1 < MAX_INDEX_DEPTH) {
            const nested = await fetchManifest(source, descriptor);
            if (nested.kind === 'index')
                names.push(...(await allPlatformNames(source, nested, depth + 1)));
        }
        else if (descriptor.platform) {
            names.push(platformName(descriptor.platform));
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
    const declaredBase = declared(manifest.annotations, 'annotation') ??
        declared(candidate.indexAnnotations, 'annotation') ??
        declared(config.labels, 'label');
    return {
        spec,
        platform: {
            platform: platformName(spec),
            manifestDigest: candidate.digest,
            configDigest: manifest.config.digest,
            layers,
            compressed: layers.reduce((sum, layer) => sum + layer.compressed, 0),
            ...(declaredBase && { declaredBase }),
        },
    };
}
const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';
/** The base image a set of annotations or labels names; undefined without a (non-blank) name. */
function declared(values, from) {
    const name = values && Object.hasOwn(values, BASE_NAME) ? values[BASE_NAME].trim() : '';
    if (name === '')
        return undefined;
    const digest = Object.hasOwn(values, BASE_DIGEST) ? values[BASE_DIGEST].trim() : '';
    return { name, ...(digest !== '' && { digest }), from };
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/measure/young-generation.ts
/**
 * Keeps V8's young generation at its starting size while layers are scanned.
 *
 * A scan makes garbage fast (a decompressed chunk and a few small objects per tar entry) while
 * every path it keeps survives a scavenge or two. V8 reads those survivors as a reason to grow
 * new space, which on Node 24 goes from 1 MiB to 128 MiB; between scavenges the dead chunks'
 * off-heap bytes wait too. Two 1 GB layers of 100,000 files scanned at once then peak at
 * ~215 MB RSS instead of ~125 MB (bench/layer-scan.mjs prints both), in the same time: the
 * survivors are few, so the extra scavenges are cheap. The runner starts `node` without flags
 * and `resourceLimits` only sizes workers, so the flag is set at run time: V8 reads the growth
 * factor each time it would grow new space, and 1 means it stays.
 */

let capped = false;
/** Idempotent; process-wide (the action is one short process, whose later work is small). */
function keepYoungGenerationSmall() {
    if (capped)
        return;
    capped = true;
    (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
}

;// CONCATENATED MODULE: ./src/measure/measure.ts
/**
 * Measures an image from its source (a registry repository or an OCI layout): the manifests
 * give compressed sizes; streaming each layer blob once gives uncompressed sizes, file counts
 * and wasted bytes. A layer shared by platforms, or with the baseline, is scanned once.
 */





/** Scans by layer digest, each started once; the limit bounds the blobs streamed at once. */
class LayerScans {
    scans = new Map();
    limit;
    constructor(concurrency = 3) {
        this.limit = limiter(concurrency);
    }
    scan(source, layer, progress) {
        let scan = this.scans.get(layer.digest);
        if (!scan) {
            scan = this.limit(async () => {
                // Tracked from when its bytes start to flow, not while it waits for a turn.
                const tracker = progress?.tracker.layer({ ...progress.place, size: layer.compressed });
                try {
                    return await scanReadAgain(source, layer, tracker);
                }
                finally {
                    tracker?.done();
                }
            });
            this.scans.set(layer.digest, scan);
        }
        return scan;
    }
}
/**
 * The tar reader and the merged tree, loaded when layers are read: a run with analyze-layers
 * false (manifests only) does not load or compile them, nor caps the young generation.
 */
async function layerAnalysis() {
    const [{ scanLayer }, { mergeLayers }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(740)]).then(__webpack_require__.bind(__webpack_require__, 7740)),
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(740), __webpack_require__.e(784)]).then(__webpack_require__.bind(__webpack_require__, 9784)),
    ]);
    keepYoungGenerationSmall();
    return { scanLayer, mergeLayers };
}
/**
 * The scan of a layer, started over on a fresh stream when its bytes came back wrong: a digest
 * mismatch, or bytes that would not decode (a flipped byte breaks gzip before the digest is
 * checked), as long as the source says reading again may help.
 */
async function scanReadAgain(source, layer, tracker) {
    for (let attempt = 1;; attempt++) {
        try {
            const blob = await source.blobStream(layer.digest, layer.compressed);
            const { scanLayer } = await layerAnalysis();
            return await scanLayer(tracker ? counted(blob, tracker) : blob, { mediaType: layer.mediaType });
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
/** `blob`, its chunks counted as they pass; its error passed on as it came (the same object). */
function counted(blob, tracker) {
    const counter = new external_node_stream_.PassThrough({
        transform(chunk, _encoding, callback) {
            tracker.read(chunk.length);
            callback(null, chunk);
        },
    });
    (0,external_node_stream_.pipeline)(blob, counter, () => { });
    return counter;
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
    const prefix = options.phasePrefix ?? '';
    const endManifests = options.progress?.phase(`${prefix}manifests`);
    const image = await loadImage(source, reference, { platforms: options.platforms });
    endManifests?.();
    const endLayers = options.analyzeLayers ? options.progress?.phase(`${prefix}layers`) : undefined;
    const scans = options.scans ?? new LayerScans();
    const wanted = options.onlyPlatforms && new Set(options.onlyPlatforms);
    const scanned = [];
    const platforms = await Promise.all(image.platforms
        .filter((p) => !wanted || wanted.has(p.platform))
        .map(async (p) => {
        const base = {
            platform: p.platform,
            manifestDigest: p.manifestDigest,
            compressed: p.compressed,
            ...(p.declaredBase && { declaredBase: p.declaredBase }),
        };
        if (!options.analyzeLayers) {
            return {
                ...base,
                uncompressed: null,
                wasted: null,
                layers: p.layers.map((l) => ({ ...layerBase(l), uncompressed: null, files: null })),
            };
        }
        const count = p.layers.length;
        const tracker = options.progress;
        const layerScans = await Promise.all(p.layers.map((l, i) => scans.scan(source, l, tracker && { tracker, place: { platform: p.platform, index: i + 1, count } })));
        const { waste, tree } = (await layerAnalysis()).mergeLayers(layerScans);
        scanned.push({
            platform: p.platform,
            layers: p.layers.map((l, i) => ({ ...layerBase(l), scan: layerScans[i] })),
            waste,
        });
        return {
            ...base,
            uncompressed: layerScans.reduce((sum, s) => sum + s.uncompressed, 0),
            wasted: waste.total,
            tree,
            layers: p.layers.map((l, i) => ({
                ...layerBase(l),
                uncompressed: layerScans[i].uncompressed,
                files: layerScans[i].files,
                contentDigest: layerScans[i].contentDigest,
            })),
        };
    }));
    endLayers?.();
    // In the image's platform order, whichever scan finished first.
    const order = platforms.map((p) => p.platform);
    scanned.sort((a, b) => order.indexOf(a.platform) - order.indexOf(b.platform));
    return { image, measurement: { ref: image.ref, digest: image.digest, platforms }, scanned };
}
function layerBase(l) {
    return { digest: l.digest, compressed: l.compressed, createdBy: l.createdBy };
}

// EXTERNAL MODULE: ./src/image/cache-paths.ts
var cache_paths = __webpack_require__(6734);
;// CONCATENATED MODULE: ./src/compare/path-delta.ts

/** Share of a directory's growth (or loss) a subdirectory must hold to stand for it. */
const ROLL_UP_SHARE = 0.8;
/** Paths kept in the report (the comment shows fewer). */
const MAX_PATHS = 200;
function pathDelta(base, head, maxPaths = MAX_PATHS) {
    const keys = new Set([...base.keys(), ...head.keys()]);
    keys.delete('');
    const children = new Map();
    for (const key of keys) {
        const parent = parentOf(key);
        const list = children.get(parent);
        if (list)
            list.push(key);
        else
            children.set(parent, [key]);
    }
    const delta = (key) => (head.get(key) ?? 0) - (base.get(key) ?? 0);
    // Growth and loss under each path, summed over the leaves (the deepest keys) below it.
    const growth = new Map();
    const loss = new Map();
    for (const key of keys) {
        if (children.has(key))
            continue;
        const d = delta(key);
        if (d === 0)
            continue;
        const into = d > 0 ? growth : loss;
        for (let at = key; at !== undefined; at = at === '' ? undefined : parentOf(at)) {
            into.set(at, (into.get(at) ?? 0) + Math.abs(d));
        }
    }
    const chosen = new Map();
    for (const [share, sign] of [
        [growth, 1],
        [loss, -1],
    ]) {
        for (const top of children.get('') ?? []) {
            const amount = share.get(top) ?? 0;
            if (amount === 0)
                continue;
            let at = top;
            for (;;) {
                if ((0,cache_paths/* cacheKindOf */.cW)(`${at}/`) !== undefined)
                    break;
                if (sign < 0 && !head.has(at) && at.includes('/'))
                    break;
                const total = share.get(at);
                const next = (children.get(at) ?? []).find((c) => (share.get(c) ?? 0) >= ROLL_UP_SHARE * total);
                if (next === undefined)
                    break;
                at = next;
            }
            chosen.set(at, Math.max(chosen.get(at) ?? 0, share.get(at)) * sign);
        }
    }
    return [...chosen.keys()]
        .map((key) => {
        const before = base.get(key) ?? 0;
        const after = head.get(key) ?? 0;
        const status = !base.has(key)
            ? 'new'
            : !head.has(key)
                ? 'removed'
                : after >= before
                    ? 'grown'
                    : 'shrunk';
        return { path: `/${key}`, before, after, delta: after - before, status };
    })
        .filter((c) => c.delta !== 0)
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.path < b.path ? -1 : 1))
        .slice(0, maxPaths);
}
const parentOf = (key) => {
    const slash = key.lastIndexOf('/');
    return slash < 0 ? '' : key.slice(0, slash);
};

// EXTERNAL MODULE: ./src/report/pull-delta.ts
var pull_delta = __webpack_require__(1988);
// EXTERNAL MODULE: ./src/report/size-report.ts + 1 modules
var size_report = __webpack_require__(5583);
;// CONCATENATED MODULE: ./src/compare/delta.ts



/** The report of `image` against `baseline`, or against none, for the reason `outcome` gives. */
function buildSizeReport(image, baseline, outcome) {
    const platforms = image.platforms.map((p) => platformReport(p, baseline));
    const pull = (0,pull_delta/* pullDelta */.C)(platforms);
    return {
        version: size_report/* SIZE_REPORT_VERSION */.OU,
        image: { ref: image.ref, digest: image.digest },
        baseline: baseline ? { ref: baseline.ref, digest: baseline.digest } : null,
        ...(!baseline &&
            outcome?.status === 'unavailable' && {
            baselineUnavailable: { ref: outcome.ref, problem: outcome.problem, reason: outcome.reason },
        }),
        platforms,
        ...(pull && { pullDelta: pull }),
        removedPlatforms: (baseline?.platforms ?? [])
            .map((b) => b.platform)
            .filter((name) => !image.platforms.some((p) => p.platform === name)),
    };
}
function platformReport(p, baseline) {
    const base = baseline?.platforms.find((b) => b.platform === p.platform);
    const layers = p.layers.map((l, i) => layerReport(l, i));
    const matched = base
        ? matchLayers(layers, base.layers.map((l, i) => layerReport(l, i)))
        : undefined;
    const added = matched?.added ?? layers;
    // A layer listed twice in one manifest is downloaded once.
    const newToPull = [...new Map(added.map((l) => [l.digest, l.compressed])).values()].reduce((a, b) => a + b, 0);
    const paths = base?.tree && p.tree ? pathDelta(base.tree, p.tree) : null;
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
        changes: matched ?? null,
        ...(matched && { sameContent: matched.added.length === 0 && matched.removed.length === 0 }),
        ...(base && { paths }),
    };
}
/**
 * Layers matched against the baseline's: by digest first, then the rest by content digest
 * (a rebuild whose files are the same, only their times differ), each baseline layer once.
 */
function matchLayers(layers, baseLayers) {
    const baseDigests = new Set(baseLayers.map((l) => l.digest));
    const imageDigests = new Set(layers.map((l) => l.digest));
    const unmatched = baseLayers.filter((l) => !imageDigests.has(l.digest));
    const byContent = new Map();
    for (const l of unmatched) {
        if (!l.contentDigest)
            continue;
        byContent.set(l.contentDigest, [...(byContent.get(l.contentDigest) ?? []), l]);
    }
    const added = [];
    const rebuilt = [];
    const used = new Set();
    for (const l of layers) {
        if (baseDigests.has(l.digest))
            continue;
        const twin = l.contentDigest ? byContent.get(l.contentDigest)?.shift() : undefined;
        if (twin) {
            used.add(twin);
            rebuilt.push({
                ...l,
                baselineDigest: twin.digest,
                baselineIndex: twin.index,
                baselineCompressed: twin.compressed,
            });
        }
        else
            added.push(l);
    }
    return { added, removed: unmatched.filter((l) => !used.has(l)), rebuilt };
}
const layerReport = (l, i) => ({
    digest: l.digest,
    compressed: l.compressed,
    uncompressed: l.uncompressed,
    files: l.files,
    createdBy: l.createdBy ?? null,
    index: i + 1,
    contentDigest: l.contentDigest ?? null,
});
const figures = (p) => ({
    compressed: p.compressed,
    uncompressed: p.uncompressed,
    wasted: p.wasted,
});
const difference = (a, b) => (a === null || b === null ? null : a - b);

// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/steps/read-progress.ts
/**
 * Progress while layers stream from the registry, so that a long read is not minutes of silence:
 * every few seconds, a line per layer still streaming (platform, layer i/n, bytes read of its
 * size, rate); a closing line for each layer that took long enough to be reported; and, at the
 * end, one line with the time each phase took. Pure: bytes and a clock in, lines out through `log`.
 *
 *   const progress = new ReadProgress({ log: io.info, now: Date.now });
 *   const end = progress.phase('layers');
 *   const layer = progress.layer({ platform: 'linux/amd64', index: 3, count: 7, size: 1_270_000_000 });
 *   stream.on('data', (chunk) => layer.read(chunk.length));
 *   layer.done();
 *   end();
 *   progress.finish(); // "read in 12.4 s: manifests 0.08 s, layers 12.3 s (1.27 GB, 103 MB/s)"
 */

/**
 * The progress of a step's reads, as the environment asks: a round of lines every 5 s, or every
 * SHIPSHAPE_PROGRESS_INTERVAL_MS (`0`: none at all); the closing line only for a read that took
 * an interval or longer, so that a quick read (a small image, a test) stays quiet.
 */
function progressFromEnv(env, log, now) {
    const value = env.SHIPSHAPE_PROGRESS_INTERVAL_MS?.trim();
    const interval = value && /^\d{1,9}$/.test(value) ? Number(value) : DEFAULT_PROGRESS_INTERVAL_MS;
    if (interval === 0)
        return undefined;
    return new ReadProgress({ log, now, interval, closingAfter: interval });
}
const DEFAULT_PROGRESS_INTERVAL_MS = 5_000;
class ReadProgress {
    options;
    interval;
    started;
    lastRound;
    active = new Set();
    phases = [];
    constructor(options) {
        this.options = options;
        this.interval = options.interval ?? DEFAULT_PROGRESS_INTERVAL_MS;
        this.started = options.now();
        this.lastRound = this.started;
    }
    /** Starts phase `name`, ending the one before; the returned function ends it (once). */
    phase(name) {
        this.closePhase();
        const phase = { name, ms: 0, bytes: 0, start: this.options.now(), open: true };
        this.phases.push(phase);
        return () => this.closePhase(phase);
    }
    layer(info) {
        const layer = { ...info, started: this.options.now(), bytes: 0, shown: false };
        this.active.add(layer);
        const phase = this.phases.at(-1)?.open ? this.phases.at(-1) : undefined;
        let finished = false;
        return {
            read: (bytes) => {
                if (finished)
                    return;
                layer.bytes += bytes;
                if (phase)
                    phase.bytes += bytes;
                this.maybeRound();
            },
            done: () => {
                if (finished)
                    return;
                finished = true;
                this.active.delete(layer);
                if (layer.shown) {
                    const ms = this.options.now() - layer.started;
                    this.options.log(`${read_progress_name(layer)}: ${(0,format/* formatBytes */.z3)(layer.bytes)} in ${seconds(ms)} (${rate(layer.bytes, ms)})`);
                }
                this.maybeRound();
            },
        };
    }
    /** The closing line: the whole read and each phase, with bytes and rate where bytes flowed. */
    finish() {
        this.closePhase();
        const total = this.options.now() - this.started;
        if (total < (this.options.closingAfter ?? 0))
            return;
        const parts = this.phases.map((p) => `${p.name} ${seconds(p.ms)}${p.bytes > 0 ? ` (${(0,format/* formatBytes */.z3)(p.bytes)}, ${rate(p.bytes, p.ms)})` : ''}`);
        this.options.log(`read in ${seconds(total)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`);
    }
    // The given phase, or whichever is open.
    closePhase(phase = this.phases.at(-1)) {
        if (!phase?.open)
            return;
        phase.open = false;
        phase.ms = this.options.now() - phase.start;
    }
    // One line per layer still streaming, at most once per interval.
    maybeRound() {
        const now = this.options.now();
        if (now - this.lastRound < this.interval || this.active.size === 0)
            return;
        this.lastRound = now;
        for (const layer of this.active) {
            layer.shown = true;
            const ms = now - layer.started;
            const of = layer.size > 0
                ? ` of ${(0,format/* formatBytes */.z3)(layer.size)} (${Math.floor((layer.bytes / layer.size) * 100)}%)`
                : '';
            this.options.log(`${read_progress_name(layer)}: ${(0,format/* formatBytes */.z3)(layer.bytes)}${of}, ${rate(layer.bytes, ms)}`);
        }
    }
}
function read_progress_name(layer) {
    return `${layer.platform} layer ${layer.index}/${layer.count}`;
}
function seconds(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
function rate(bytes, ms) {
    if (ms <= 0)
        return `${(0,format/* formatBytes */.z3)(bytes)}/s`;
    return `${(0,format/* formatBytes */.z3)(Math.round((bytes * 1000) / ms))}/s`;
}

// EXTERNAL MODULE: ./src/steps/registry-clients.ts + 1 modules
var registry_clients = __webpack_require__(4385);
;// CONCATENATED MODULE: ./src/steps/measure.ts










/**
 * What measuring says and hands over, through the Io: the environment (Docker's config, helpers),
 * every credential to mask, notes (refs and reasons from branch names and registries: shown,
 * never obeyed), warnings and the debug log of registry requests.
 */
function measurePorts(io) {
    return {
        clients: (0,registry_clients/* registryClientsOf */.$)(io),
        env: io.env,
        startProgress: () => progressFromEnv(io.env, (line) => io.info(line), () => io.now().getTime()),
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
    const progress = options.analyzeLayers ? options.startProgress?.() : undefined;
    const { measurement: measured, scanned } = await measureReference(image, 'image', options, scans, progress);
    let base = null;
    let outcome = typeof baseline === 'object' ? baseline : undefined;
    if (typeof baseline === 'string') {
        // A baseline is measured on the image's platforms, whatever else it has.
        const read = await readBaseline(baseline, options, scans, measured.platforms.map((p) => p.platform), progress);
        if ('outcome' in read) {
            outcome = read.outcome;
            noteBaseline(outcome, options);
        }
        else
            base = read.measurement;
    }
    progress?.finish();
    return {
        report: buildSizeReport(measured, base, outcome),
        scanned,
        measurements: { image: measured, baseline: base },
    };
}
/**
 * Reads the baseline `ref` (its manifests and configs; its layers too with `analyzeLayers`),
 * never throwing: its measurement, or the outcome the baseline policy gives what went wrong.
 */
async function readBaseline(ref, options, scans, onlyPlatforms, progress) {
    const failure = {};
    try {
        const { source, reference } = await openSource(ref, options.input ?? 'baseline', options);
        const { measurement } = await measureImage(watchMissing(source, reference, failure), reference, {
            platforms: [],
            onlyPlatforms,
            analyzeLayers: options.analyzeLayers,
            scans,
            progress,
            phasePrefix: 'baseline ',
        });
        return { measurement: { ...measurement, ref } };
    }
    catch (error) {
        // A reference that does not parse is the user's to fix, named by its input, not a baseline problem.
        if (error instanceof util_errors/* InputError */.dz)
            throw error;
        return { outcome: judgeBaseline(ref, { error, ...failure }) };
    }
}
/** The outcome in the log: an info line for no baseline yet, a warning for one that failed. */
function noteBaseline(outcome, options) {
    const note = baselineNote(outcome);
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
async function measureReference(ref, input, options, scans, progress) {
    const { source, reference } = await openSource(ref, input, options);
    const { measurement, scanned } = await measureImage(source, reference, {
        platforms: options.platforms,
        analyzeLayers: options.analyzeLayers,
        scans,
        progress,
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
        clients: options.clients,
    });
    return { source: connection.source, reference: connection.manifestReference };
}


/***/ })

};
