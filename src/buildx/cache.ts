/**
 * The build cache as data: the `cache` shorthand turned into `--cache-from` / `--cache-to`
 * entries, merged with the user's own, and every export made best-effort. Pure: the event,
 * the token and the repository come in as arguments.
 */
import { parseList } from '../util/list.js';

/** What the `cache` input accepts; `none` (or empty) leaves the cache to cache-from / cache-to. */
export const CACHE_MODES = ['registry', 'gha', 'none'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** The tag of the derived registry cache: `<image>:buildcache`. */
export const CACHE_TAG = 'buildcache';

export interface CachePlanInput {
  mode: CacheMode;
  /** The first image's name (no tag); required for `registry` (inputs/build.ts checks that). */
  image?: string;
  /** The platforms input: one platform gets a cache of its own (matrix legs do not overwrite each other's). */
  platforms: string[];
  /** The build pushes: its credentials can write to the registry. */
  push: boolean;
  /** The event is a pull request (of any kind): the registry cache is only read. */
  pullRequest: boolean;
  cacheFrom: string[];
  cacheTo: string[];
  /** `owner/name`, for gha exports (BuildKit lists cache entries through the GitHub API). */
  repository: string;
  githubToken: string;
}

export interface CachePlan {
  cacheFrom: string[];
  cacheTo: string[];
  /** What the shorthand did, one line each, for the log. */
  notes: string[];
}

export function planCache(i: CachePlanInput): CachePlan {
  const shorthand = shorthandEntries(i);
  const cacheTo = unique([...i.cacheTo, ...shorthand.to]).map((entry) =>
    bestEffort(withGithubApi(entry, i.repository, i.githubToken)),
  );
  return { cacheFrom: unique([...i.cacheFrom, ...shorthand.from]), cacheTo, notes: shorthand.notes };
}

function shorthandEntries(i: CachePlanInput): { from: string[]; to: string[]; notes: string[] } {
  const suffix = i.platforms.length === 1 ? `-${i.platforms[0].replace(/\//g, '-')}` : '';
  if (i.mode === 'registry') {
    if (!i.image) return { from: [], to: [], notes: [] };
    const ref = `${i.image}:${CACHE_TAG}${suffix}`;
    const from = [`type=registry,ref=${ref}`];
    // A pull request (a fork's above all) cannot write to the registry, and must not replace the
    // base branch's cache with its own; a build that does not push may hold no credentials.
    if (i.pullRequest || !i.push) {
      const why = i.pullRequest ? 'a pull request only reads it' : 'the build does not push';
      return { from, to: [], notes: [`Build cache: importing ${ref}; not exporting (${why}).`] };
    }
    return {
      from,
      to: [`type=registry,ref=${ref},mode=max`],
      notes: [`Build cache: importing and exporting ${ref} (mode=max).`],
    };
  }
  if (i.mode === 'gha') {
    // The Actions cache keeps a pull request's entries to that pull request: exporting is safe.
    const scope = `${i.image ?? 'buildkit'}${suffix}`;
    return {
      from: [`type=gha,scope=${scope}`],
      to: [`type=gha,scope=${scope},mode=max`],
      notes: [`Build cache: importing and exporting the GitHub Actions cache, scope ${scope} (mode=max).`],
    };
  }
  return { from: [], to: [], notes: [] };
}

/**
 * `ignore-error=true` (BuildKit >= 0.12; an older one ignores the attribute): a cache that
 * cannot be written costs the next build its cache, never this build. The user's own
 * `ignore-error` wins. An inline cache is part of the image export: nothing to add.
 */
export function bestEffort(entry: string): string {
  const { type, attrs } = cacheEntry(entry);
  if (type === 'inline' || attrs.has('ignore-error')) return entry;
  return `${normalized(entry)},ignore-error=true`;
}

/**
 * gha exports get `repository` and `ghtoken`, as docker/build-push-action adds them: BuildKit
 * then finds cache entries through the GitHub API instead of the throttled cache API.
 */
function withGithubApi(entry: string, repository: string, githubToken: string): string {
  const { type, attrs } = cacheEntry(entry);
  if (type !== 'gha') return entry;
  let out = entry;
  if (!attrs.has('repository') && repository) out += `,repository=${repository}`;
  if (!attrs.has('ghtoken') && githubToken) out += `,ghtoken=${githubToken}`;
  return out;
}

/** A bare `--cache-to user/app:cache` is buildx's short form of `type=registry,ref=user/app:cache`. */
function normalized(entry: string): string {
  return isBareReference(entry) ? `type=registry,ref=${entry.trim()}` : entry;
}

function isBareReference(entry: string): boolean {
  return !entry.includes('=');
}

/** The type and attributes of a cache entry, as buildx reads them (CSV; no type means registry). */
export function cacheEntry(entry: string): { type: string; attrs: Map<string, string> } {
  if (isBareReference(entry)) return { type: 'registry', attrs: new Map([['ref', entry.trim()]]) };
  const attrs = new Map<string, string>();
  for (const field of parseList(entry)) {
    const eq = field.indexOf('=');
    if (eq < 0) attrs.set(field, '');
    else attrs.set(field.slice(0, eq).trim(), field.slice(eq + 1).trim());
  }
  return { type: attrs.get('type') || 'registry', attrs };
}

// Where a cache goes, never how it authenticates (s3/azblob keys, gha tokens stay out of logs).
const LOCATION = ['ref', 'dest', 'src', 'scope', 'bucket', 'region', 'prefix', 'name', 'account_url'];

/** A cache entry named by its type and location only: `type=registry,ref=host/app:buildcache`. */
export function cacheDestination(entry: string): string {
  const { type, attrs } = cacheEntry(entry);
  const where = LOCATION.filter((key) => attrs.get(key)).map((key) => `${key}=${attrs.get(key)}`);
  return [`type=${type}`, ...where].join(',');
}

/**
 * The cache types a BuildKit progress vertex exports to, from its name ("exporting cache to
 * registry", "exporting to GitHub Actions Cache", ...); undefined when the vertex exports no
 * cache, [] when it exports a cache of a kind the name does not tell.
 */
export function cacheTypesOfVertex(name: string): string[] | undefined {
  if (!/^exporting (cache\b|to .*\bcache\b)/i.test(name)) return undefined;
  const known: [RegExp, string][] = [
    [/registry/i, 'registry'],
    [/client directory|local/i, 'local'],
    [/github actions/i, 'gha'],
    [/\bs3\b/i, 's3'],
    [/azure/i, 'azblob'],
  ];
  return known.filter(([pattern]) => pattern.test(name)).map(([, type]) => type);
}

function unique(entries: string[]): string[] {
  return [...new Set(entries)];
}

/**
 * The cache exports a builder cannot write. The docker driver (the default builder without
 * setup-buildx-action) exports a cache only from an engine with the containerd image store;
 * without it buildx fails the whole build ("Cache export feature is currently not supported
 * for docker driver"). An inline cache rides on the image export and always works.
 */
export function unsupportedCacheExports(
  cacheTo: string[],
  driver: string | undefined,
  containerdStore: boolean | undefined,
): string[] {
  if (driver !== 'docker' || containerdStore !== false) return [];
  return cacheTo.filter((entry) => cacheEntry(entry).type !== 'inline');
}
