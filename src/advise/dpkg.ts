/**
 * dpkg's and apt's records as the layer scan kept them (image/records.ts): which packages are
 * installed, what each depends on, which apt installed automatically, and the files of each.
 */
import type { AttributedLayer } from './model.js';

export interface DpkgPackage {
  name: string;
  /** As dpkg records it (`7.88.1-10+deb12u5`); '' when the status does not say. */
  version: string;
  /** Each dependency: its alternatives (`a | b`), names only. */
  depends: string[][];
  provides: string[];
}

const STATUS = 'var/lib/dpkg/status';
const STATES = 'var/lib/apt/extended_states';

/** The installed packages of a status file, by name. */
export function parseStatus(text: string): Map<string, DpkgPackage> {
  const packages = new Map<string, DpkgPackage>();
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    const name = fields.get('Package');
    if (!name || !/\binstalled$/.test(fields.get('Status') ?? '')) continue;
    const names = (value: string | undefined) =>
      (value ?? '')
        .split(',')
        .map((dep) =>
          dep
            .split('|')
            .map((alt) => alt.trim().split(/[\s(:]/)[0])
            .filter(Boolean),
        )
        .filter((alts) => alts.length > 0);
    packages.set(name, {
      name,
      version: fields.get('Version') ?? '',
      depends: [...names(fields.get('Pre-Depends')), ...names(fields.get('Depends'))],
      provides: names(fields.get('Provides')).flat(),
    });
  }
  return packages;
}

/** One package of apk's installed database: its version and files (paths without a leading `/`). */
export interface ApkPackage {
  name: string;
  version: string;
  files: string[];
}

export const APK_INSTALLED = 'lib/apk/db/installed';

/** apk's installed database (`P:` name, `V:` version, `F:` directory, `R:` file in it), by name. */
export function parseApkInstalled(text: string): Map<string, ApkPackage> {
  const packages = new Map<string, ApkPackage>();
  for (const stanza of text.split(/\n\s*\n/)) {
    let pkg: ApkPackage | undefined;
    let dir = '';
    for (const line of stanza.split('\n')) {
      const value = line.slice(2);
      if (line.startsWith('P:')) pkg = { name: value, version: '', files: [] };
      else if (!pkg) continue;
      else if (line.startsWith('V:')) pkg.version = value;
      else if (line.startsWith('F:')) dir = value;
      else if (line.startsWith('R:')) pkg.files.push(dir ? `${dir}/${value}` : value);
    }
    if (pkg) packages.set(pkg.name, pkg);
  }
  return packages;
}

/** The packages apt marked as installed automatically. */
export function parseAutoInstalled(text: string): Set<string> {
  const auto = new Set<string>();
  for (const stanza of text.split(/\n\s*\n/)) {
    const name = /^Package:\s*(\S+)/m.exec(stanza)?.[1];
    if (name && /^Auto-Installed:\s*1/m.test(stanza)) auto.add(name);
  }
  return auto;
}

/** The latest text of a record at or below layer position `at`. */
export function recordAt(layers: readonly AttributedLayer[], path: string, at: number): string | undefined {
  for (let i = at; i >= 0; i--) {
    const text = layers[i].scan.records?.[path];
    if (text !== undefined) return text;
  }
  return undefined;
}

export const statusAt = (layers: readonly AttributedLayer[], at: number) => {
  const text = recordAt(layers, STATUS, at);
  return text === undefined ? undefined : parseStatus(text);
};

export const autoInstalledAt = (layers: readonly AttributedLayer[], at: number) =>
  parseAutoInstalled(recordAt(layers, STATES, at) ?? '');

/** Every package `roots` need through Depends and Pre-Depends (the first installed alternative). */
export function dependencyClosure(installed: Map<string, DpkgPackage>, roots: Iterable<string>): Set<string> {
  const providers = new Map<string, string>();
  for (const pkg of installed.values()) for (const virtual of pkg.provides) providers.set(virtual, pkg.name);
  const find = (name: string) => (installed.has(name) ? name : providers.get(name));
  const reached = new Set<string>();
  const queue = [...roots].filter((name) => installed.has(name));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    for (const alternatives of installed.get(name)!.depends) {
      const hit = alternatives.map(find).find((found) => found !== undefined);
      if (hit && !reached.has(hit)) queue.push(hit);
    }
  }
  return reached;
}

/** The bytes a package's files take in a layer, by its file list in that layer (`PKG.list` or `PKG:ARCH.list`). */
export function packageBytesIn(layer: AttributedLayer, name: string): number {
  const records = layer.scan.records ?? {};
  const list = Object.entries(records).find(
    ([path]) =>
      path === `var/lib/dpkg/info/${name}.list` ||
      (path.startsWith(`var/lib/dpkg/info/${name}:`) && path.endsWith('.list')),
  );
  if (!list) return 0;
  const files = new Set(list[1].split('\n').map((line) => line.replace(/^\/+/, '')));
  const { count, paths, sizes } = layer.scan.entries;
  let bytes = 0;
  for (let k = 0; k < count; k++) if (files.has(paths[k])) bytes += sizes[k];
  // dpkg's own records of the package (its file list, checksums, scripts) go with it.
  for (let k = 0; k < count; k++) {
    const path = paths[k];
    if (path.startsWith(`var/lib/dpkg/info/${name}.`) || path.startsWith(`var/lib/dpkg/info/${name}:`))
      bytes += sizes[k];
  }
  return bytes;
}
