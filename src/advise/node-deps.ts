/**
 * Node dev dependencies, measured from what the package manager installed: a project's
 * `package.json` (outside node_modules) names its dependencies; each installed package's own
 * `package.json` names its dependencies; resolving those names the way Node does (the package's
 * own node_modules, then each enclosing one up to the project's) gives every package production
 * needs. The installed packages that are not among them are what `npm ci --omit=dev` (or
 * `yarn install --production`) would not install: their bytes, as the layers hold them, are the
 * dev-only bytes. No list of package names is involved.
 *
 * Quiet (no projects returned) where the records cannot say: a project without devDependencies,
 * pnpm's symlinked store (`node_modules/.pnpm`), manifests the scan did not keep.
 */
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

/** Every Node project in the final filesystem with its installed dev-only packages. */
export function nodeProjects(fs: FinalFilesystem): NodeProject[] {
  // Installed packages by directory, with their bytes per layer.
  const packages = new Map<string, Map<number, number>>();
  for (const [path, file] of fs.files) {
    if (!path.includes('node_modules/')) continue;
    const dir = packageDirOf(path);
    if (dir === undefined) continue;
    const perLayer = packages.get(dir) ?? new Map<number, number>();
    perLayer.set(file.layer, (perLayer.get(file.layer) ?? 0) + file.size);
    packages.set(dir, perLayer);
  }
  const projects: NodeProject[] = [];
  for (const [path, record] of fs.records) {
    if (!path.endsWith('package.json') || path.includes('node_modules/')) continue;
    const dir = path === 'package.json' ? '' : path.slice(0, -'/package.json'.length);
    const manifest = parseManifestRecord(record.text);
    if (!manifest || (manifest.devDependencies ?? []).length === 0) continue;
    const modules = join(dir, 'node_modules/');
    const installed = [...packages.keys()].filter((p) => p.startsWith(modules));
    if (installed.length === 0) continue;
    if ([...fs.files.keys()].some((p) => p.startsWith(`${modules}.pnpm/`))) continue;
    const isInstalled = new Set(installed);
    const resolve = (from: string, name: string): string | undefined => {
      let holder = from;
      for (;;) {
        const candidate = join(holder, `node_modules/${name}`);
        if (isInstalled.has(candidate)) return candidate;
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
    const devOnly: DevOnlyPackage[] = [];
    const byLayer = new Map<number, number>();
    for (const pkg of installed) {
      if (reached.has(pkg)) continue;
      const perLayer = packages.get(pkg)!;
      let bytes = 0;
      for (const [layer, size] of perLayer) {
        bytes += size;
        byLayer.set(layer, (byLayer.get(layer) ?? 0) + size);
      }
      const name = pkg.slice(pkg.lastIndexOf('node_modules/') + 'node_modules/'.length);
      devOnly.push({ dir: pkg, name, bytes });
    }
    devOnly.sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : 1));
    const bytes = devOnly.reduce((sum, p) => sum + p.bytes, 0);
    if (bytes > 0) projects.push({ dir, manager: managerOf(fs, dir, manifest), devOnly, byLayer, bytes });
  }
  return projects;
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
