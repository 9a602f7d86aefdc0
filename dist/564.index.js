export const id = 564;
export const ids = [564,385];
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

/***/ 1509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ formatDelta),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/**
 * Numbers as people read them: decimal units (kB, MB, GB, as registries and `docker images`
 * show sizes), signed deltas, percentages. The exact bytes stay in the JSON.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
/** `0 B`, `999 B`, `1.00 kB`, `12.3 MB`, `123 MB`: three significant digits from 1 kB up. */
function formatBytes(bytes) {
    const abs = Math.abs(bytes);
    if (abs < 1000)
        return `${bytes} B`;
    let unit = 0;
    let value = abs;
    while (value >= 999.5 && unit < UNITS.length - 1) {
        value /= 1000;
        unit++;
    }
    const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
    return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
}
/** `+1.20 kB`, `-3.4 MB`, `0 B`. */
function formatDelta(bytes) {
    return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
/** `+4.1%`, `-0.3%`, `0%`, or '' when there is nothing to compare with. */
function formatPercent(delta, base) {
    if (base === 0)
        return '';
    const percent = (delta / base) * 100;
    if (percent === 0)
        return '0%';
    const text = Math.abs(percent) < 0.1 ? (percent > 0 ? '<0.1' : '>-0.1') : percent.toFixed(1);
    return `${percent > 0 && !text.startsWith('<') ? '+' : ''}${text}%`;
}


/***/ }),

/***/ 1988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ pullDelta)
/* harmony export */ });
/* unused harmony export ALIKE */
/** One platform's change "alike" another's: within 1% (of the larger) or 1 kB. */
const ALIKE = { percent: 1, bytes: 1_000 };
/**
 * What one pull of one platform changes (PullDelta), from the compared platforms; undefined
 * when none is compared. A platform with the baseline's content throughout counts 0.
 */
function pullDelta(platforms) {
    const compared = platforms.filter((p) => p.delta && p.baseline);
    if (compared.length === 0)
        return undefined;
    const change = (p) => (p.sameContent ? 0 : p.delta.compressed);
    const changes = compared.map(change);
    const min = Math.min(...changes);
    const max = Math.max(...changes);
    const largest = compared.reduce((a, b) => (Math.abs(change(b)) > Math.abs(change(a)) ? b : a));
    const spread = max - min;
    const alike = spread <= ALIKE.bytes || spread <= (Math.max(Math.abs(min), Math.abs(max)) * ALIKE.percent) / 100;
    const before = compared.reduce((sum, p) => sum + p.baseline.compressed, 0);
    return {
        perPull: {
            compressed: change(largest),
            platform: largest.platform,
            before: largest.baseline.compressed,
            after: largest.baseline.compressed + change(largest),
            alike,
            min,
            max,
        },
        totalOverPlatforms: {
            before,
            after: before + changes.reduce((a, b) => a + b, 0),
            compressed: changes.reduce((a, b) => a + b, 0),
            platforms: compared.length,
        },
    };
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
/**
 * The change `comment: on-change` weighs: what one pull changes at most (pullDelta: 0 when every
 * layer has the baseline's content); for an older report, the compressed change over all
 * platforms. Null when no platform has a baseline.
 */
function totalCompressedDelta(report) {
    if (report.pullDelta)
        return report.pullDelta.perPull.compressed;
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
    if (r.pullDelta !== undefined) {
        const d = object(r.pullDelta, 'report.pullDelta');
        const per = object(d.perPull, 'report.pullDelta.perPull');
        string(per.platform, 'report.pullDelta.perPull.platform');
        for (const key of ['compressed', 'before', 'after', 'min', 'max'])
            number(per[key], `report.pullDelta.perPull.${key}`);
        if (typeof per.alike !== 'boolean')
            throw new Error('report.pullDelta.perPull.alike: expected a boolean');
        const total = object(d.totalOverPlatforms, 'report.pullDelta.totalOverPlatforms');
        for (const key of ['before', 'after', 'compressed', 'platforms'])
            number(total[key], `report.pullDelta.totalOverPlatforms.${key}`);
    }
    if (r.advice !== undefined)
        array(r.advice, 'report.advice').forEach((a, i) => adviceEntry(a, `report.advice[${i}]`));
    return value;
}
const ADVICE_KEYS = new Set([
    'rule',
    'file',
    'line',
    'endLine',
    'bytes',
    'message',
    'fix',
    'saves',
    'withLines',
    'platforms',
]);
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
    if (a.saves !== undefined)
        count(a.saves, `${at}.saves`);
    if (a.withLines !== undefined)
        array(a.withLines, `${at}.withLines`).forEach((l, i) => count(l, `${at}.withLines[${i}]`));
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
        if (c.rebuilt !== undefined)
            array(c.rebuilt, `${at}.changes.rebuilt`).forEach((l, i) => {
                const where = `${at}.changes.rebuilt[${i}]`;
                layer(l, where);
                const o = l;
                string(o.baselineDigest, `${where}.baselineDigest`);
                number(o.baselineIndex, `${where}.baselineIndex`);
                number(o.baselineCompressed, `${where}.baselineCompressed`);
            });
    }
    if (p.base !== undefined) {
        baseImage(p.base, `${at}.base`, false);
        const b = p.base;
        if (b.baseline !== undefined)
            baseImage(b.baseline, `${at}.base.baseline`, true);
        if (b.changed !== undefined && typeof b.changed !== 'boolean')
            throw new Error(`${at}.base.changed: expected a boolean`);
    }
    if (p.sameContent !== undefined && typeof p.sameContent !== 'boolean')
        throw new Error(`${at}.sameContent: expected a boolean`);
    if (p.paths !== undefined && p.paths !== null)
        array(p.paths, `${at}.paths`).forEach((c, i) => {
            const o = object(c, `${at}.paths[${i}]`);
            string(o.path, `${at}.paths[${i}].path`);
            for (const key of ['before', 'after', 'delta'])
                number(o[key], `${at}.paths[${i}].${key}`);
            if (!['new', 'removed', 'grown', 'shrunk'].includes(o.status))
                throw new Error(`${at}.paths[${i}].status: new, removed, grown or shrunk`);
        });
}
function baseImage(value, at, nameMayBeNull) {
    const b = object(value, at);
    if (!(nameMayBeNull && b.name === null))
        string(b.name, `${at}.name`);
    if (b.digest !== undefined)
        string(b.digest, `${at}.digest`);
    if (b.source !== undefined && !['annotation', 'dockerfile', 'label'].includes(b.source))
        throw new Error(`${at}.source: annotation, dockerfile or label`);
    if (b.layers !== null)
        count(b.layers, `${at}.layers`);
    if (b.compressed !== undefined)
        count(b.compressed, `${at}.compressed`);
    if (b.uncompressed !== undefined && b.uncompressed !== null)
        count(b.uncompressed, `${at}.uncompressed`);
}
function layer(value, at) {
    const l = object(value, at);
    string(l.digest, `${at}.digest`);
    number(l.compressed, `${at}.compressed`);
    nullable(l.uncompressed, `${at}.uncompressed`);
    nullable(l.files, `${at}.files`);
    if (l.createdBy !== null)
        string(l.createdBy, `${at}.createdBy`);
    if (l.index !== undefined)
        number(l.index, `${at}.index`);
    if (l.contentDigest !== undefined && l.contentDigest !== null)
        string(l.contentDigest, `${at}.contentDigest`);
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

/***/ 6564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lookUpBaseline: () => (/* binding */ lookUpBaseline),
/* harmony export */   measureOptions: () => (/* binding */ measureOptions),
/* harmony export */   noteBaselineFound: () => (/* binding */ noteBaselineFound),
/* harmony export */   readPinnedBaseline: () => (/* binding */ readPinnedBaseline)
/* harmony export */ });
/* harmony import */ var _compare_baseline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5460);
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(810);
/* harmony import */ var _compare_baseline_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(867);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _registry_connect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3434);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6764);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2148);
/* harmony import */ var _baseline_pin_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6870);








function measureOptions(io, inputs) {
    return {
        platforms: [],
        analyzeLayers: inputs.analyzeLayers,
        insecureRegistries: inputs.insecureRegistries,
        ...(0,_measure_js__WEBPACK_IMPORTED_MODULE_1__/* .measurePorts */ .Fg)(io),
    };
}
/**
 * The baseline, planned and read before anything is built or pushed (the merge action's order:
 * it builds nothing): a reference to measure, or, when there is none or it cannot be read, the
 * outcome the baseline policy gives (compare/baseline-policy.ts), logged here, once. It never
 * fails the step. The main action splits it around the build (actions/build.ts).
 */
async function lookUpBaseline(io, inputs, context, now) {
    const found = await readPinnedBaseline(io, inputs, await (0,_baseline_pin_js__WEBPACK_IMPORTED_MODULE_7__.pinBaseline)(io, inputs, context, now));
    noteBaselineFound(io, inputs, found);
    return found;
}
/**
 * The rest of the baseline after `pinBaseline`, read while the build runs: its manifests and
 * configs (a tag that is an artifact or holds only attestations is found here), or the previous
 * release among the repository's tags. The reference to measure after the build, or the outcome.
 */
async function readPinnedBaseline(io, inputs, pinned) {
    if ('outcome' in pinned)
        return pinned.outcome;
    const options = measureOptions(io, inputs);
    let ref;
    let input = 'images';
    if ('ref' in pinned) {
        // An OCI layout is on disk: nothing to look up.
        if (pinned.ref.startsWith(_oci_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .OCI_LAYOUT */ .xm))
            return pinned.ref;
        ({ ref, input } = pinned);
    }
    else {
        const previous = await previousReleaseOf(pinned.plan, options);
        if (typeof previous === 'object')
            return previous;
        ref = previous;
    }
    const read = await (0,_measure_js__WEBPACK_IMPORTED_MODULE_1__/* .readBaseline */ .mF)(ref, { ...options, analyzeLayers: false, input });
    return 'outcome' in read ? read.outcome : ref;
}
/** What the baseline came to, in the debug log, and as a note when there is none. */
function noteBaselineFound(io, inputs, found) {
    io.debug(`decision: baseline: ${typeof found === 'string' ? 'a reference to measure after the build' : found.status}`);
    if (typeof found === 'object')
        (0,_measure_js__WEBPACK_IMPORTED_MODULE_1__/* .noteBaseline */ .MS)(found, measureOptions(io, inputs));
}
// `repository:<the highest release below this one>`, or why there is none.
async function previousReleaseOf(plan, options) {
    try {
        const connection = await (0,_registry_connect_js__WEBPACK_IMPORTED_MODULE_4__/* .connect */ .N)(plan.repository, { ...options, input: 'images' });
        const tags = await connection.client.tags(connection.reference.repository);
        const previous = (0,_compare_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .previousRelease */ .F)(tags, plan.version);
        if (previous)
            return `${plan.repository}:${previous}`;
        return { status: 'absent', reason: `no release before ${plan.version} in ${plan.repository} yet` };
    }
    catch (error) {
        if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz)
            throw error;
        return (0,_compare_baseline_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeBaseline */ .d)(plan.repository, { error, tagMissing: (0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(error) });
    }
}


/***/ }),

/***/ 810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fg: () => (/* binding */ measurePorts),
  Hw: () => (/* binding */ measureWithScans),
  MS: () => (/* binding */ noteBaseline),
  mF: () => (/* binding */ readBaseline)
});

// UNUSED EXPORTS: measureAgainstBaseline

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
// EXTERNAL MODULE: ./src/compare/baseline-policy.ts
var baseline_policy = __webpack_require__(867);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
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
                return [{ digest: descriptor.digest, manifest: nested, indexAnnotations: index.annotations }];
            return platformCandidates(source, nested, filter, depth + 1);
        }
        // Artifacts (signatures, SBOMs pushed by other tools) are no platform.
        if (!(0,media_types/* isManifest */.Yh)(descriptor.mediaType))
            return [];
        if (descriptor.platform && !(0,platform/* matchesAny */._I)(filter, descriptor.platform))
            return [];
        return [{ digest: descriptor.digest, descriptor, indexAnnotations: index.annotations }];
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
    const declaredBase = declared(manifest.annotations, 'annotation') ??
        declared(candidate.indexAnnotations, 'annotation') ??
        declared(config.labels, 'label');
    return {
        spec,
        platform: {
            platform: (0,oci_descriptor/* platformName */.$)(spec),
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
        this.limit = (0,pool/* limiter */.T)(concurrency);
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
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(740), __webpack_require__.e(403)]).then(__webpack_require__.bind(__webpack_require__, 9784)),
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
// EXTERNAL MODULE: ./src/report/size-report.ts
var size_report = __webpack_require__(8436);
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
        clients: (0,registry_clients.registryClientsOf)(io),
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
