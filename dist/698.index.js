export const id = 698;
export const ids = [698];
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

/***/ 5537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ savingsTotal),
/* harmony export */   l: () => (/* binding */ savedBy)
/* harmony export */ });
/**
 * What a finding's fix saves, for the Saves column, the annotation's title and "up to N". The
 * advisor writes `saves` on every finding whose fix is an edit it measured (the claim); a finding
 * without it (a question such as "does a slimmer base serve?", or bytes that are not a saving, like
 * the rebuilt layers of copy-before-install) claims nothing: "–", and not in the total. By rule
 * id, since a saved report carries only the id.
 */
/**
 * Rules whose reports written before `saves` existed had bytes that were what the fix, an edit,
 * saves. Only their reports fall back to the bytes; any other finding without `saves` claims
 * nothing, so a rule (or a newer report's rule) that states no figure never shows one.
 */
const BYTES_WERE_SAVINGS = new Set(['package-cache']);
/**
 * What a finding's fix alone saves: its `saves` where the advisor wrote one, else (a report of an
 * older version) its bytes for a rule whose bytes were a saving; undefined for "unknown" or "none",
 * which stays out of the Saves column and the total.
 */
const savedBy = (finding) => finding.saves ?? (BYTES_WERE_SAVINGS.has(finding.rule) ? finding.bytes : undefined);
/** The bytes the findings could save together (an upper bound: two fixes can save the same bytes). */
const savingsTotal = (findings) => findings.reduce((sum, f) => sum + (savedBy(f) ?? 0), 0);


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ silenceHint)
/* harmony export */ });
/**
 * How to silence a rule, said with every finding shown (the comment's row, the annotation): the
 * comment advise/dockerfile.ts reads. One text for every rule, so no rule can leave it out.
 */
const silenceHint = (rule) => `Silence with \`# shipshape-ignore ${rule}\` above the instruction`;


/***/ })

};
