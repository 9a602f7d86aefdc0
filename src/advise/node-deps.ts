/**
 * Node dev dependencies, measured from what the package manager installed, in this order:
 *
 * 1. pnpm's copy of its lockfile (`node_modules/.pnpm/lock.yaml`, with `.modules.yaml`): the
 *    packages it says are dev-only, as its virtual store holds them;
 * 2. npm's hidden lockfile (`node_modules/.package-lock.json`, npm 7+): the packages it marks
 *    `dev`, with all below their directories;
 * 3. else (yarn v1 and berry write no dev marks in node_modules, nor does an npm older than 7):
 *    the dependency graph of the installed package.json files. The project's `package.json`
 *    (outside node_modules) names its dependencies, each installed package's its own; resolving
 *    those names the way Node does (the package's own node_modules, then each enclosing one up to
 *    the project's) gives every package production needs. The installed packages that are not
 *    among them are what `--production` would not install. This is what yarn's production
 *    install computes from the same names (yarn.lock pins versions, not kinds).
 *
 * The bytes are those of the dev-only packages' files as the layers hold them. No list of package
 * names is involved. Quiet where the records cannot say: no record and no devDependencies,
 * pnpm's store without its lock.yaml, manifests the scan did not keep.
 */
import { parseNpmHiddenLock, parsePnpmLock, parsePnpmModules, pnpmStoreName } from '../image/node-records.js';
import { parseManifestRecord, type PackageManifest } from '../image/records.js';
import type { FinalFilesystem } from './filesystem.js';

export type NodeManager = 'npm' | 'yarn' | 'yarn-berry' | 'pnpm';

export interface DevOnlyPackage {
  /** The package's directory (`app/node_modules/typescript`). */
  dir: string;
  name: string;
  bytes: number;
}

export interface NodeProject {
  /** The project's directory ('' for the root). */
  dir: string;
  manager: NodeManager;
  /** Installed packages no production dependency reaches, largest first. */
  devOnly: DevOnlyPackage[];
  /** Their bytes, per layer position (finalFilesystem's). */
  byLayer: Map<number, number>;
  bytes: number;
  /** Which record said what is dev-only. */
  source: DevSource;
  /** The dev-only packages' visible files. */
  devFiles: string[];
}

const join = (dir: string, rest: string) => (dir === '' ? rest : `${dir}/${rest}`);

/** The package directory a path under some node_modules belongs to: the deepest `node_modules/name`. */
export function packageDirOf(path: string): string | undefined {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0 || (at > 0 && path[at - 1] !== '/')) return undefined;
  const rest = path.slice(at + 'node_modules/'.length).split('/');
  if (rest[0].startsWith('.')) return undefined; // .bin, .package-lock.json, .cache, .pnpm
  const depth = rest[0].startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined; // a file directly in node_modules (or a scope)
  return path.slice(0, at) + 'node_modules/' + rest.slice(0, depth).join('/');
}

/** The directory holding the node_modules a package dir is in: the project or a parent package. */
function holderOf(packageDir: string): string {
  const at = packageDir.lastIndexOf('node_modules/');
  return at === 0 ? '' : packageDir.slice(0, at - 1);
}

export function managerOf(fs: FinalFilesystem, dir: string, manifest: PackageManifest): NodeManager {
  const has = (name: string) => fs.files.has(join(dir, name));
  const declared = manifest.packageManager ?? '';
  if (declared.startsWith('pnpm') || has('pnpm-lock.yaml')) return 'pnpm';
  if (/^yarn@[2-9]/.test(declared) || has('.yarnrc.yml')) return 'yarn-berry';
  if (declared.startsWith('yarn') || has('yarn.lock') || has('node_modules/.yarn-integrity')) return 'yarn';
  return 'npm';
}

/** Where a project's dev-only figure comes from. */
export type DevSource = 'npm-lockfile' | 'pnpm-lockfile' | 'manifests';

/** The finding's words for where the figure came from. */
export function sourceText(project: Pick<NodeProject, 'dir' | 'source'>): string {
  const dir = project.dir === '' ? '' : `/${project.dir}`;
  switch (project.source) {
    case 'npm-lockfile':
      return `marked dev in npm's ${dir}/node_modules/.package-lock.json`;
    case 'pnpm-lockfile':
      return `dev-only in pnpm's ${dir}/node_modules/.pnpm/lock.yaml`;
    case 'manifests':
      return `no production dependency of ${dir}/package.json needs, by the installed package.json files`;
  }
}

/** Every Node project in the final filesystem with its installed dev-only packages. */
export function nodeProjects(fs: FinalFilesystem): NodeProject[] {
  // Project dirs: those with a package.json of their own, and those npm or pnpm left a record in.
  const dirs = new Map<string, PackageManifest | undefined>();
  for (const [path, record] of fs.records) {
    if (path.endsWith('package.json') && !path.includes('node_modules/')) {
      const dir = path === 'package.json' ? '' : path.slice(0, -'/package.json'.length);
      dirs.set(dir, parseManifestRecord(record.text));
    }
  }
  for (const path of fs.records.keys()) {
    const at = path.indexOf('node_modules/');
    if (at < 0 || !/node_modules\/(?:\.package-lock\.json|\.pnpm\/lock\.yaml)$/.test(path)) continue;
    const dir = at === 0 ? '' : path.slice(0, at - 1);
    if (!dirs.has(dir)) dirs.set(dir, undefined);
  }
  const projects: NodeProject[] = [];
  for (const [dir, manifest] of dirs) {
    const found = fromPnpmRecord(fs, dir) ?? fromNpmRecord(fs, dir) ?? fromManifests(fs, dir, manifest);
    if (!found) continue;
    const manager: NodeManager =
      found.source === 'npm-lockfile'
        ? 'npm'
        : found.source === 'pnpm-lockfile'
          ? 'pnpm'
          : managerOf(fs, dir, manifest ?? EMPTY);
    const project = summarize(fs, dir, manager, found.source, found.owner);
    if (project.bytes > 0) projects.push(project);
  }
  return projects;
}

const EMPTY: PackageManifest = { dependencies: [], optionalDependencies: [], peerDependencies: [] };

/** A source's answer: for each file under the project's node_modules, the dev-only package it belongs to. */
interface Found {
  source: DevSource;
  owner: (path: string) => { dir: string; name: string } | undefined;
}

/** Files, bytes per layer and packages of what `owner` calls dev-only. */
function summarize(
  fs: FinalFilesystem,
  dir: string,
  manager: NodeManager,
  source: DevSource,
  owner: Found['owner'],
): NodeProject {
  const modules = join(dir, 'node_modules/');
  const byPackage = new Map<string, DevOnlyPackage>();
  const byLayer = new Map<number, number>();
  const devFiles: string[] = [];
  for (const [path, file] of fs.files) {
    if (!path.startsWith(modules)) continue;
    const pkg = owner(path);
    if (!pkg) continue;
    devFiles.push(path);
    const entry = byPackage.get(pkg.dir) ?? { ...pkg, bytes: 0 };
    entry.bytes += file.size;
    byPackage.set(pkg.dir, entry);
    byLayer.set(file.layer, (byLayer.get(file.layer) ?? 0) + file.size);
  }
  const devOnly = [...byPackage.values()].sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : 1));
  const bytes = devOnly.reduce((sum, p) => sum + p.bytes, 0);
  return { dir, manager, source, devOnly, byLayer, bytes, devFiles };
}

const nameIn = (packageDir: string) =>
  packageDir.slice(packageDir.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * npm's hidden lockfile: a package is dev-only when its entry says `dev: true`, and so is all
 * below its directory (its nested node_modules too). `devOptional` is not dev-only: npm sets it
 * on a package that is optional for production and needed for development, which
 * `--omit=dev` still installs (where the platform allows).
 */
function fromNpmRecord(fs: FinalFilesystem, dir: string): Found | undefined {
  const record = fs.records.get(join(dir, 'node_modules/.package-lock.json'));
  if (!record) return undefined;
  const dev = new Set(
    parseNpmHiddenLock(record.text)
      .filter((entry) => entry.dev && !entry.link)
      .map((entry) => join(dir, entry.path)),
  );
  return {
    source: 'npm-lockfile',
    owner: (path) => {
      // The outermost package dir on the path that the record marks dev.
      let found: string | undefined;
      for (let pkg = packageDirOf(path); pkg !== undefined;) {
        if (dev.has(pkg)) found = pkg;
        const holder = holderOf(pkg);
        pkg = holder.includes('node_modules/') ? packageDirOf(`${holder}/`) : undefined;
      }
      return found === undefined ? undefined : { dir: found, name: nameIn(found) };
    },
  };
}

/**
 * pnpm's copy of its lockfile: v6 marks packages `dev: true` (false or absent: production
 * needs it); v9 marks nothing, so a package is dev-only when the importers' devDependencies
 * reach it through the graph and their dependencies and optionalDependencies do not. A package's
 * files are those under its virtual store directory (`node_modules/.pnpm/NAME/`); the top-level
 * `node_modules/x` entries are symlinks into it. Hard links into pnpm's store count no bytes
 * where the scan met the store's copy first (layers count a file once).
 */
function fromPnpmRecord(fs: FinalFilesystem, dir: string): Found | undefined {
  const modulesRecord = fs.records.get(join(dir, 'node_modules/.modules.yaml'));
  const modules = modulesRecord ? parsePnpmModules(modulesRecord.text) : undefined;
  const store = join(dir, `node_modules/${modules?.virtualStoreDir ?? '.pnpm'}/`);
  const record = fs.records.get(join(dir, 'node_modules/.pnpm/lock.yaml'));
  const lock = record && parsePnpmLock(record.text);
  if (!lock) return undefined;
  if (modules && !modules.devIncluded) return { source: 'pnpm-lockfile', owner: () => undefined };
  const keys = Object.keys(lock.packages);
  let devKeys: string[];
  if (keys.some((key) => lock.packages[key].dev !== undefined)) {
    devKeys = keys.filter((key) => lock.packages[key].dev === true);
  } else {
    const reach = (roots: string[]) => {
      const seen = new Set<string>();
      const queue = [...roots];
      while (queue.length > 0) {
        const key = queue.pop()!;
        if (seen.has(key) || !lock.packages[key]) continue;
        seen.add(key);
        queue.push(...lock.packages[key].deps);
      }
      return seen;
    };
    const prod = reach(lock.prod);
    devKeys = [...reach(lock.dev)].filter((key) => !prod.has(key));
  }
  // The store directories the image holds, and which of them are dev-only.
  const storeDirs = new Set<string>();
  for (const path of fs.files.keys()) {
    if (!path.startsWith(store)) continue;
    const slash = path.indexOf('/', store.length);
    if (slash > 0) storeDirs.add(path.slice(store.length, slash));
  }
  const max = modules?.virtualStoreDirMaxLength ?? 120;
  const dev = new Set<string>();
  for (const key of devKeys) {
    const { name, hashed } = pnpmStoreName(key, max);
    if (!hashed) {
      if (storeDirs.has(name)) dev.add(name);
      continue;
    }
    // pnpm hashed the name: the one directory with the prefix it keeps, if only one.
    const matches = [...storeDirs].filter((d) => d.startsWith(name));
    if (matches.length === 1) dev.add(matches[0]);
  }
  return {
    source: 'pnpm-lockfile',
    owner: (path) => {
      if (!path.startsWith(store)) return undefined;
      const rest = path.slice(store.length).split('/');
      if (rest.length < 2 || !dev.has(rest[0])) return undefined;
      // `.pnpm/NAME/node_modules/@s/x/...`: the package's own name, for the message.
      const scoped = rest[2]?.startsWith('@');
      const name = rest[1] === 'node_modules' && rest[2] ? rest.slice(2, scoped ? 4 : 3).join('/') : rest[0];
      return { dir: `${store}${rest[0]}`, name };
    },
  };
}

/**
 * Where no record marks dev (yarn v1 and berry, an npm older than 7, a record the scan did not
 * keep): the installed packages that no production dependency of the project's package.json
 * reaches, resolving names the way Node does.
 */
function fromManifests(
  fs: FinalFilesystem,
  dir: string,
  manifest: PackageManifest | undefined,
): Found | undefined {
  if (!manifest || (manifest.devDependencies ?? []).length === 0) return undefined;
  const modules = join(dir, 'node_modules/');
  const installed = new Set<string>();
  for (const path of fs.files.keys()) {
    if (!path.startsWith(modules)) continue;
    // pnpm's store without its lock.yaml: symlinks the graph cannot follow.
    if (path.startsWith(`${modules}.pnpm/`)) return undefined;
    const pkg = packageDirOf(path);
    if (pkg !== undefined) installed.add(pkg);
  }
  if (installed.size === 0) return undefined;
  const resolve = (from: string, name: string): string | undefined => {
    let holder = from;
    for (;;) {
      const candidate = join(holder, `node_modules/${name}`);
      if (installed.has(candidate)) return candidate;
      if (holder === dir || holder.length <= dir.length) return undefined;
      holder = holderOf(holder);
    }
  };
  const reached = new Set<string>();
  const queue: [string, string[]][] = [[dir, needs(manifest)]];
  while (queue.length > 0) {
    const [from, names] = queue.pop()!;
    for (const name of names) {
      const found = resolve(from, name);
      if (found === undefined || reached.has(found)) continue;
      reached.add(found);
      const own = fs.records.get(`${found}/package.json`);
      const ownManifest = own && parseManifestRecord(own.text);
      if (ownManifest) queue.push([found, needs(ownManifest)]);
    }
  }
  return {
    source: 'manifests',
    owner: (path) => {
      const pkg = packageDirOf(path);
      return pkg === undefined || reached.has(pkg) ? undefined : { dir: pkg, name: nameIn(pkg) };
    },
  };
}

const needs = (manifest: PackageManifest) => [
  ...manifest.dependencies,
  ...manifest.optionalDependencies,
  ...manifest.peerDependencies,
];

/** The command that installs only production dependencies, in the project's package manager. */
export function productionInstall(manager: NodeManager): string {
  switch (manager) {
    case 'npm':
      return 'npm ci --omit=dev';
    case 'yarn':
      return 'yarn install --production --frozen-lockfile';
    case 'yarn-berry':
      return 'yarn workspaces focus --all --production';
    case 'pnpm':
      return 'pnpm install --prod --frozen-lockfile';
  }
}

/** The command that drops dev dependencies from an installed node_modules, in place. */
export function productionPrune(manager: NodeManager): string {
  switch (manager) {
    case 'npm':
      return 'npm prune --omit=dev';
    case 'yarn':
      return 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline';
    case 'yarn-berry':
      return 'yarn workspaces focus --all --production';
    case 'pnpm':
      return 'pnpm prune --prod';
  }
}
