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

export const CACHE_KINDS = [
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
] as const;

export type CacheKind = (typeof CACHE_KINDS)[number];

export interface CachePathRule {
  kind: CacheKind;
  /** What a report calls it. */
  label: string;
  patterns: readonly string[];
}

export const CACHE_PATH_RULES: readonly CachePathRule[] = [
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
export const isCleanableCache = (kind: CacheKind): boolean => kind !== 'pkgdb';

/** A pattern (without its leading `**` segment) as a regular-expression source. */
function patternSource(pattern: string): string {
  if (!pattern.endsWith('/')) throw new Error(`cache path pattern must end with '/': ${pattern}`);
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
export function compileCacheMatcher(rules: readonly CachePathRule[] = CACHE_PATH_RULES) {
  const anchored: string[] = [];
  const floating: string[] = [];
  const kinds: CacheKind[] = [];
  for (const [list, anywhere] of [
    [anchored, false],
    [floating, true],
  ] as const) {
    for (const rule of rules) {
      const patterns = rule.patterns.filter((pattern) => pattern.startsWith('**/') === anywhere);
      if (patterns.length === 0) continue;
      list.push(
        `(${patterns.map((pattern) => patternSource(anywhere ? pattern.slice(3) : pattern)).join('|')})`,
      );
      kinds.push(rule.kind);
    }
  }
  const alternatives = [];
  if (anchored.length > 0) alternatives.push(`^(?:${anchored.join('|')})`);
  if (floating.length > 0) alternatives.push(`(?:^|/)(?:${floating.join('|')})`);
  const expression = new RegExp(alternatives.join('|'));
  /** The kind of cache a normalized path is under, or undefined. */
  return (path: string): CacheKind | undefined => {
    const match = expression.exec(path);
    if (match === null) return undefined;
    for (let group = 1; group < match.length; group++) {
      if (match[group] !== undefined) return kinds[group - 1];
    }
    return undefined;
  };
}

/** The kind of cache a normalized path is under (`var/cache/apt/archives/x.deb` -> `apt`). */
export const cacheKindOf = compileCacheMatcher();

/** A zero for each kind, in table order. */
export function emptyCacheBytes(): Record<CacheKind, number> {
  const bytes = {} as Record<CacheKind, number>;
  for (const kind of CACHE_KINDS) bytes[kind] = 0;
  return bytes;
}
