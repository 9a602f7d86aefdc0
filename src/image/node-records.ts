/**
 * What npm and pnpm record in node_modules about the dependency kind of each installed package,
 * cut at scan time to what the advisor reads (records.ts keeps them):
 *
 * - npm 7+: `node_modules/.package-lock.json`, the hidden lockfile. Its `packages` map is keyed
 *   by install path (`node_modules/a`, `node_modules/a/node_modules/b`, `node_modules/@s/x`);
 *   npm marks each entry `dev`, `devOptional`, `optional`, `peer` as its own flags say. Kept as
 *   one line per entry: `FLAGS<TAB>PATH`, FLAGS the letters of the marks (d dev, D devOptional,
 *   o optional, p peer, l link), `-` for none.
 * - pnpm: `node_modules/.modules.yaml` (kept: which dependency kinds were installed, the virtual
 *   store's name and its length limit) and `node_modules/.pnpm/lock.yaml`, pnpm's copy of the
 *   lockfile as installed. Lockfile v6 (pnpm 8) marks each package `dev: true|false` (absent:
 *   both); v9 (pnpm 9, 10) marks nothing, the importers' `devDependencies` decide through the
 *   `snapshots` graph. Kept as JSON (PnpmLock below): each package's key, its dev mark, and the
 *   keys of the packages it depends on, resolved here while the whole text is at hand.
 *
 * Both YAML files are machine-written in a small subset (block maps, `- item` lists, one-line
 * scalars and flow maps), which readYamlMap reads; a file outside it is not kept.
 */

/** npm's hidden lockfile cut to `FLAGS\tPATH` lines, or undefined when it is not one. */
export function compactNpmHiddenLock(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const packages = (json as { packages?: unknown } | null)?.packages;
  if (typeof packages !== 'object' || packages === null || Array.isArray(packages)) return undefined;
  const lines: string[] = [];
  for (const [path, entry] of Object.entries(packages as Record<string, unknown>)) {
    if (path === '' || typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const flags =
      (e.dev === true ? 'd' : '') +
      (e.devOptional === true ? 'D' : '') +
      (e.optional === true ? 'o' : '') +
      (e.peer === true ? 'p' : '') +
      (e.link === true ? 'l' : '');
    lines.push(`${flags || '-'}\t${path}`);
  }
  return lines.join('\n');
}

export interface NpmLockEntry {
  /** The install path, relative to the project (`node_modules/@s/x`). */
  path: string;
  dev: boolean;
  devOptional: boolean;
  optional: boolean;
  peer: boolean;
  link: boolean;
}

export function parseNpmHiddenLock(text: string): NpmLockEntry[] {
  return text
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [flags, path] = line.split('\t') as [string, string];
      return {
        path,
        dev: flags.includes('d'),
        devOptional: flags.includes('D'),
        optional: flags.includes('o'),
        peer: flags.includes('p'),
        link: flags.includes('l'),
      };
    });
}

type Yaml = string | YamlMap | string[];
interface YamlMap {
  [key: string]: Yaml;
}

const unquote = (text: string) => {
  const t = text.trim();
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) return t.slice(1, -1).replace(/''/g, "'");
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  return t;
};

/** The `key: value` split of a YAML line: the first `: ` (or final `:`) outside quotes. */
function splitKey(line: string): [string, string] | undefined {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if ((c === "'" || c === '"') && i === 0) quote = c;
    else if (c === ':' && (i === line.length - 1 || line[i + 1] === ' ')) {
      return [unquote(line.slice(0, i)), line.slice(i + 1).trim()];
    }
  }
  return undefined;
}

/**
 * A machine-written YAML document's block maps, lists of scalars and scalars (flow maps and
 * other one-line values kept as their text, `{}` as an empty map). undefined outside that subset.
 */
export function readYamlMap(text: string): YamlMap | undefined {
  const root: YamlMap = {};
  // Open blocks, innermost last: the indent of their lines, and the last key of a map.
  type Block = { indent: number; map?: YamlMap; list?: string[]; last?: string };
  const stack: Block[] = [{ indent: 0, map: root }];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---') continue;
    const indent = raw.length - raw.trimStart().length;
    while (stack.length > 1 && indent < stack.at(-1)!.indent) stack.pop();
    let top = stack.at(-1)!;
    const item = line === '-' || line.startsWith('- ');
    if (indent > top.indent || (item && top.map && top.last !== undefined && top.map[top.last] === '')) {
      // A nested block: under the last key of the enclosing map, whose value was left empty.
      if (!top.map || top.last === undefined || top.map[top.last] !== '') return undefined;
      const block: Block = item ? { indent, list: [] } : { indent, map: {} };
      top.map[top.last] = (block.list ?? block.map)!;
      stack.push(block);
      top = block;
    } else if (indent !== top.indent) return undefined;
    if (item) {
      if (!top.list) return undefined;
      top.list.push(unquote(line.slice(1)));
      continue;
    }
    const pair = top.map && splitKey(line);
    if (!pair) return undefined;
    const [key, value] = pair;
    top.map![key] = value === '{}' ? {} : value === '' ? '' : unquote(value);
    top.last = key;
  }
  return root;
}

/** pnpm's lockfile as the advisor reads it: the dependency graph and dev marks, by package key. */
export interface PnpmLock {
  lockfileVersion: string;
  /** Keys of the packages the importers depend on for production (dependencies, optionalDependencies). */
  prod: string[];
  /** Keys of the packages the importers list as devDependencies. */
  dev: string[];
  packages: Record<string, { deps: string[]; dev?: boolean }>;
}

const isMap = (value: Yaml | undefined): value is YamlMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function compactPnpmLock(text: string): string | undefined {
  const doc = readYamlMap(text);
  if (!doc || typeof doc.lockfileVersion !== 'string') return undefined;
  const version = doc.lockfileVersion;
  const v9 = Number.parseFloat(version) >= 9;
  // v9: `packages` holds metadata, `snapshots` the graph; v6: `packages` holds both.
  const graph = (v9 ? doc.snapshots : doc.packages) ?? {};
  const meta = doc.packages ?? {};
  if (!isMap(graph) || !isMap(meta)) return undefined;
  const keys = new Set(Object.keys(graph));
  // A dependency's version resolves to a key: `name@1.0.0(peer@2)` (v9), `/name@1.0.0` (v6),
  // or is a key itself (aliases, `file:` in v6); `link:` (a workspace) is no package.
  const resolve = (name: string, version: string): string | undefined =>
    [`${name}@${version}`, `/${name}@${version}`, version].find((k) => keys.has(k));
  const depsOf = (entry: Yaml | undefined, fields: string[]) =>
    fields.flatMap((field) => {
      const map = isMap(entry) ? entry[field] : undefined;
      if (!isMap(map)) return [];
      return Object.entries(map).flatMap(([name, value]) => {
        const v = isMap(value) ? value.version : value; // importers: {specifier, version}
        const key = typeof v === 'string' ? resolve(name, v) : undefined;
        return key === undefined ? [] : [key];
      });
    });
  const importers = isMap(doc.importers) ? Object.values(doc.importers) : [doc];
  const lock: PnpmLock = {
    lockfileVersion: version,
    prod: [...new Set(importers.flatMap((i) => depsOf(i, ['dependencies', 'optionalDependencies'])))],
    dev: [...new Set(importers.flatMap((i) => depsOf(i, ['devDependencies'])))],
    packages: {},
  };
  for (const key of keys) {
    const entry = graph[key];
    const mark = isMap(meta[key]) ? (meta[key] as YamlMap).dev : undefined;
    lock.packages[key] = {
      deps: depsOf(entry, ['dependencies', 'optionalDependencies']),
      ...(mark === 'true' && { dev: true }),
      ...(mark === 'false' && { dev: false }),
    };
  }
  return JSON.stringify(lock);
}

export function parsePnpmLock(text: string): PnpmLock | undefined {
  try {
    const value = JSON.parse(text) as PnpmLock;
    return Array.isArray(value.prod) && typeof value.packages === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** pnpm's `.modules.yaml` as the advisor reads it. */
export interface PnpmModules {
  /** Whether devDependencies were installed (`included.devDependencies`). */
  devIncluded: boolean;
  virtualStoreDir: string;
  /** How long a store directory's name may be before pnpm hashes it. */
  virtualStoreDirMaxLength: number;
}

export function compactPnpmModules(text: string): string | undefined {
  const doc = readYamlMap(text);
  if (!doc) return undefined;
  const included = isMap(doc.included) ? doc.included : {};
  const max = Number(doc.virtualStoreDirMaxLength);
  const modules: PnpmModules = {
    devIncluded: included.devDependencies !== 'false',
    virtualStoreDir: typeof doc.virtualStoreDir === 'string' ? doc.virtualStoreDir : '.pnpm',
    virtualStoreDirMaxLength: Number.isInteger(max) && max > 27 ? max : 120,
  };
  return JSON.stringify(modules);
}

export function parsePnpmModules(text: string): PnpmModules | undefined {
  try {
    const value = JSON.parse(text) as PnpmModules;
    return typeof value.devIncluded === 'boolean' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The directory pnpm gives a package key in its virtual store (`.pnpm/NAME`), as pnpm's
 * depPathToFilename makes it; a name pnpm would hash (too long, or with capitals) is returned
 * as the prefix it keeps, ending in `_`, for the caller to match.
 */
export function pnpmStoreName(key: string, maxLength: number): { name: string; hashed: boolean } {
  let name = key.startsWith('file:') ? key.replace(':', '+') : key.startsWith('/') ? key.slice(1) : key;
  name = name.replace(/[\\/:*?"<>|]/g, '+');
  if (name.includes('(')) name = name.replace(/\)$/, '').replace(/(\)\()|\(|\)/g, '_');
  if (name.length > maxLength || (name !== name.toLowerCase() && !name.startsWith('file+')))
    return { name: `${name.slice(0, maxLength - 27)}_`, hashed: true };
  return { name, hashed: false };
}
