/**
 * The package managers' own records, which the layer scan keeps the text of (every other file's
 * contents are drained unread): what the size advisor needs to measure dev dependencies and
 * recommended packages from what the managers wrote, not from package names it knows.
 *
 * - dpkg: `var/lib/dpkg/status` (cut to the fields that say what is installed and what depends
 *   on what) and `var/lib/dpkg/info/PKG.list` (the files of each package);
 * - apt: `var/lib/apt/extended_states` (which packages apt installed automatically);
 * - apk: `lib/apk/db/installed` (cut to each package's name, version and files);
 * - debconf: `var/cache/debconf/templates.dat` and its `-old` copy (cut to each template's package,
 *   the part of its name before `/`, and the bytes it takes, translations included);
 * - npm, yarn, pnpm: `package.json` of a project (outside node_modules: its dependencies and dev
 *   dependencies) and of each installed package (inside node_modules: cut to its name and the
 *   names of the packages it depends on);
 * - npm: `node_modules/.package-lock.json` (the hidden lockfile's `dev`, `devOptional`,
 *   `optional`, `peer` marks by install path); pnpm: `node_modules/.modules.yaml` and
 *   `node_modules/.pnpm/lock.yaml` (node-records.ts cuts them).
 *
 * Bounded: a record file over MAX_RECORD bytes is not kept, nor any once a layer's records reach
 * RECORD_BUDGET (the advice they feed is then quiet, never wrong by a guess).
 */

import { compactNpmHiddenLock, compactPnpmLock, compactPnpmModules } from './node-records.js';

export const RECORD_BUDGET = 64 * 1024 * 1024;
const MAX_RECORD = 32 * 1024 * 1024;
const MAX_MANIFEST = 1024 * 1024;
const NPM_HIDDEN_LOCK = /(?:^|\/)node_modules\/\.package-lock\.json$/;
const PNPM_MODULES = /(?:^|\/)node_modules\/\.modules\.yaml$/;
const PNPM_LOCK = /(?:^|\/)node_modules\/\.pnpm\/lock\.yaml$/;

const DPKG_STATUS = 'var/lib/dpkg/status';
const APT_STATES = 'var/lib/apt/extended_states';
const APK_INSTALLED = 'lib/apk/db/installed';
const DEBCONF_TEMPLATES = /^var\/cache\/debconf\/templates\.dat(?:-old)?$/;
const DPKG_LIST = /^var\/lib\/dpkg\/info\/[^/]+\.list$/;
/** A package's own manifest in a node_modules: `…/node_modules/name/package.json`, `…/@scope/name/…`. */
const PACKAGE_MANIFEST = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@.][^/]*\/package\.json$/;
const STATUS_FIELDS = /^(?:Package|Status|Version|Architecture|Depends|Pre-Depends|Provides|Installed-Size):/;
/** apk's installed database: package (P), version (V), directory (F) and file (R) lines. */
const APK_FIELDS = /^[PVFR]:/;

export function isRecordPath(path: string): boolean {
  if (
    path === DPKG_STATUS ||
    path === APT_STATES ||
    path === APK_INSTALLED ||
    DPKG_LIST.test(path) ||
    DEBCONF_TEMPLATES.test(path)
  )
    return true;
  // A project's own records, not those of a package's nested node_modules (npm writes none there).
  // (The cheap suffix test first: this runs for every file of every layer.)
  if (
    (path.endsWith('.json') || path.endsWith('.yaml')) &&
    (NPM_HIDDEN_LOCK.test(path) || PNPM_MODULES.test(path) || PNPM_LOCK.test(path))
  )
    return !path.slice(0, path.lastIndexOf('node_modules/')).includes('node_modules/');
  if (!path.endsWith('package.json') || !(path === 'package.json' || path.endsWith('/package.json')))
    return false;
  return path.includes('node_modules/') ? PACKAGE_MANIFEST.test(path) : true;
}

/** The part of a record the advisor reads, or undefined to keep nothing (too big, not JSON). */
export function compactRecord(path: string, text: string): string | undefined {
  if (text.length > MAX_RECORD) return undefined;
  if (path === DPKG_STATUS)
    return text
      .split('\n')
      .filter((line) => line === '' || STATUS_FIELDS.test(line))
      .join('\n');
  if (path === APK_INSTALLED)
    return text
      .split('\n')
      .filter((line) => line === '' || APK_FIELDS.test(line))
      .join('\n');
  if (DEBCONF_TEMPLATES.test(path)) return compactTemplates(text);
  if (NPM_HIDDEN_LOCK.test(path)) return compactNpmHiddenLock(text);
  if (PNPM_MODULES.test(path)) return compactPnpmModules(text);
  if (PNPM_LOCK.test(path)) return compactPnpmLock(text);
  if (!path.endsWith('package.json')) return text;
  if (text.length > MAX_MANIFEST) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const manifest = json as Record<string, unknown>;
  const names = (field: string) => {
    const value = manifest[field];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  };
  const compact: PackageManifest = {
    name: typeof manifest.name === 'string' ? manifest.name : undefined,
    dependencies: names('dependencies'),
    optionalDependencies: names('optionalDependencies'),
    peerDependencies: names('peerDependencies'),
  };
  if (!path.includes('node_modules/')) {
    compact.devDependencies = names('devDependencies');
    if (typeof manifest.packageManager === 'string') compact.packageManager = manifest.packageManager;
  }
  return JSON.stringify(compact);
}

/** A manifest as compactRecord keeps it: dependency names only. */
export interface PackageManifest {
  name?: string;
  dependencies: string[];
  optionalDependencies: string[];
  peerDependencies: string[];
  /** Only for a project's own manifest (outside node_modules). */
  devDependencies?: string[];
  packageManager?: string;
}

export function parseManifestRecord(text: string): PackageManifest | undefined {
  try {
    const value = JSON.parse(text) as PackageManifest;
    return Array.isArray(value.dependencies) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * debconf's templates as `PACKAGE<TAB>BYTES` lines, one per template: the package it is named
 * after ('' for `shared/...` ones too, which no single package owns) and the bytes its stanza and
 * the blank line after it take in the file.
 */
function compactTemplates(text: string): string {
  const out: string[] = [];
  for (const stanza of text.split('\n\n')) {
    if (stanza.trim() === '') continue;
    // A template is named after its package (`ca-certificates/trust_new_crts`); `Owners:`
    // names the questions using it, not packages.
    const prefix = /^Name:\s*([^/\s]+)\//m.exec(stanza)?.[1] ?? '';
    const owner = prefix === 'shared' ? '' : prefix;
    out.push(`${owner}\t${Buffer.byteLength(stanza) + 2}`);
  }
  return out.join('\n');
}

/** A compacted templates record: each template's owners and bytes. */
export function parseTemplatesRecord(text: string): { owners: string[]; bytes: number }[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [owners, bytes] = line.split('\t');
      return { owners: (owners ?? '').split(',').filter(Boolean), bytes: Number(bytes) || 0 };
    });
}
