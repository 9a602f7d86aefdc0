/**
 * package-noop: package steps that do nothing, read from the package managers' own records.
 *
 * - An upgrade (`apt-get upgrade`, `dist-upgrade`, `full-upgrade`, `apk upgrade`) with no package
 *   index to upgrade from: no `update` before it in the same RUN (nor apk's `-U`/`--no-cache`), and
 *   no index in the filesystem below it (the lists an earlier `apt-get update` left, apk's
 *   APKINDEX). It upgrades nothing, yet apt still writes its caches (pkgcache.bin and
 *   srcpkgcache.bin, 3.4 MB on Debian 12). The fix drops it: an edit that removes the RUN when it
 *   does nothing else (it then saves the layer's bytes, exactly), or the upgrade command from the
 *   RUN (saving is unknown: no Saves figure). Whether upgrades were meant is the author's call,
 *   so the message offers the other fix too (update first, in the same RUN).
 * - An install naming a package that is already installed at the same version (by the base image
 *   or an earlier step): apt and apk install nothing for it. The fix drops the name from the list
 *   (an edit); it saves nothing, so the finding has no Saves figure, and its bytes are what the
 *   package weighs where it is installed (what the line is about, for ranking).
 *
 * Quiet when the RUN mounts a cache where the index lives (it may be in the mount), when a
 * package's version changed (that is an upgrade), and without a package database to read.
 */
import { formatBytes } from '../../render/format.js';
import { APK_INSTALLED, parseApkInstalled, recordAt, statusAt } from '../dpkg.js';
import { finalFilesystem } from '../filesystem.js';
import type { AdviceInput, AttributedLayer, Finding, Instruction, LineEdit, Rule } from '../model.js';
import { cacheMountTargets } from './stage-chain.js';
import { isRunLayer, lineList } from './waste-owners.js';

export const PACKAGE_NOOP = 'package-noop';

const OPT = String.raw`(?:-o\s+\S+|-\S+)`;
const APT = String.raw`apt(?:-get)?`;
const APT_UPGRADE = new RegExp(String.raw`\b${APT}(?:\s+${OPT})*\s+(?:dist-|full-)?upgrade\b`);
const APT_UPDATE = new RegExp(String.raw`\b${APT}(?:\s+${OPT})*\s+update\b`);
const APT_INSTALL = new RegExp(String.raw`\b${APT}(?:\s+${OPT})*\s+install\b`, 'g');
const APK_UPGRADE = /\bapk(?:\s+-\S+)*\s+upgrade\b/;
const APK_UPDATE = /\bapk(?:\s+-\S+)*\s+update\b/;
const APK_ADD = /\bapk(?:\s+-\S+)*\s+add\b/g;
/** An upgrade command as written, with its options, for the edit that removes it. */
const UPGRADE_CALL = new RegExp(
  String.raw`(?:DEBIAN_FRONTEND=\S+\s+)?(?:${APT}(?:\s+${OPT})*\s+(?:dist-|full-)?upgrade|apk(?:\s+-\S+)*\s+upgrade)(?:\s+${OPT})*`,
);
/** Steps that do nothing but tidy up after apt or apk: a RUN of these and a no-op upgrade does nothing. */
const TIDY =
  /^(?:set\s+-\S+|true|:|export\s+\S+=\S*|(?:apt-get|apt)\s+(?:-\S+\s+)*(?:clean|autoclean|autoremove(?:\s+-\S+)*)|apk\s+cache\s+clean|rm\s+-(?:rf|fr|r|f)\s+(?:\/var\/lib\/apt\/lists\S*|\/var\/cache\/\S*|\/tmp\/\S*)(?:\s+(?:\/var\/lib\/apt\/lists\S*|\/var\/cache\/\S*|\/tmp\/\S*))*)$/;
const APT_INDEX = /^var\/lib\/apt\/lists\/[^/]+_Packages(?:\.[a-z0-9]+)?$/;
const APK_INDEX = /^(?:var\/cache\/apk|etc\/apk\/cache)\/APKINDEX\.[^/]+\.tar\.gz$/;

/** The RUN's command as the shell reads it: continuation lines joined, heredocs appended. */
const commandOf = (instruction: Instruction) => instruction.arguments.join('\n').replace(/\\\r?\n/g, ' ');

interface Upgrade {
  manager: 'apt' | 'apk';
  /** Whether the RUN does nothing but the upgrade and tidying up: the fix removes it whole. */
  alone: boolean;
}

/** A RUN's upgrade that has no index to upgrade from, or undefined. */
function noopUpgrade(input: AdviceInput, at: number): Upgrade | undefined {
  const layer = input.layers[at];
  if (!isRunLayer(layer)) return undefined;
  const instruction = layer.instruction!;
  const command = commandOf(instruction);
  const apt = APT_UPGRADE.exec(command);
  const apk = APK_UPGRADE.exec(command);
  const hit = apt ?? apk;
  if (!hit) return undefined;
  const manager = apt ? 'apt' : 'apk';
  const before = command.slice(0, hit.index);
  if (manager === 'apt' && APT_UPDATE.test(before)) return undefined;
  if (manager === 'apk') {
    if (APK_UPDATE.test(before)) return undefined;
    const call = new RegExp(UPGRADE_CALL.source).exec(command.slice(hit.index))?.[0] ?? '';
    if (/(?:^|\s)(?:-U|--update-cache|--no-cache)\b/.test(call)) return undefined;
  }
  const mounted = cacheMountTargets(instruction);
  const indexDirs = manager === 'apt' ? ['/var/lib/apt'] : ['/var/cache/apk', '/etc/apk/cache', '/var/cache'];
  if (mounted.some((target) => indexDirs.some((dir) => target === dir || target.startsWith(`${dir}/`))))
    return undefined;
  const below = finalFilesystem(input.layers.slice(0, at));
  const index = manager === 'apt' ? APT_INDEX : APK_INDEX;
  for (const path of below.files.keys()) if (index.test(path)) return undefined;
  const steps = command
    .split(/&&|\|\||;|\n/)
    .map((step) => step.trim())
    .filter(Boolean);
  const alone = steps.every(
    (step) => TIDY.test(step) || ((APT_UPGRADE.test(step) || APK_UPGRADE.test(step)) && isUpgradeOnly(step)),
  );
  return { manager, alone };
}

/** A step that is one upgrade command with its options (and an env prefix). */
const isUpgradeOnly = (step: string) => new RegExp(`^${UPGRADE_CALL.source}$`).test(step);

/** RUN layers that are wholly a no-op upgrade: package-cache leaves their caches to this rule. */
export function noopUpgradeLayers(input: AdviceInput): Set<number> {
  const layers = new Set<number>();
  input.layers.forEach((_, at) => {
    if (noopUpgrade(input, at)?.alone) layers.add(at);
  });
  return layers;
}

/** The package names an install command names (`apt-get install -y a b=1.2`, `apk add --virtual .x c`). */
export function namedPackages(command: string): { manager: 'apt' | 'apk'; names: string[] }[] {
  const found: { manager: 'apt' | 'apk'; names: string[] }[] = [];
  const text = command.replace(/\\\r?\n/g, ' ');
  for (const [manager, pattern] of [
    ['apt', APT_INSTALL],
    ['apk', APK_ADD],
  ] as const) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      const rest = text.slice(match.index + match[0].length);
      const segment = rest.split(/&&|\|\||[;|)\n]/)[0] ?? '';
      if (/--reinstall\b/.test(`${match[0]} ${segment}`)) continue;
      const names: string[] = [];
      const words = segment.trim().split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word.startsWith('-')) {
          // Options that take the next word as their value.
          if (/^(?:-o|-t|--virtual|-X|--repository|--target-release|-c)$/.test(word)) i++;
          continue;
        }
        const name = word.split(/[=<>~:]/)[0].toLowerCase();
        if (/[$`'"]/.test(word) || /[*?{}[\]]/.test(name) || word.startsWith('.') || word.includes('/'))
          continue;
        if (/^[a-z0-9][a-z0-9+.-]*$/.test(name)) names.push(name);
      }
      if (names.length > 0) found.push({ manager, names });
    }
  }
  return found;
}

interface Installed {
  version: string;
  /** The package's files (no leading `/`), or undefined when the records do not list them. */
  files?: string[];
}

/** The packages installed at or below layer `at`, per manager, with their versions. */
function installedAt(layers: readonly AttributedLayer[], at: number, manager: 'apt' | 'apk') {
  if (at < 0) return undefined;
  if (manager === 'apt') {
    const status = statusAt(layers, at);
    if (!status) return undefined;
    return new Map<string, Installed>([...status].map(([name, pkg]) => [name, { version: pkg.version }]));
  }
  const text = recordAt(layers, APK_INSTALLED, at);
  if (text === undefined) return undefined;
  return new Map<string, Installed>(
    [...parseApkInstalled(text)].map(([name, pkg]) => [name, { version: pkg.version, files: pkg.files }]),
  );
}

/** The bytes of an installed package's files in the filesystem below a layer. */
function installedBytes(fs: ReturnType<typeof finalFilesystem>, name: string, installed: Installed): number {
  let files = installed.files;
  if (!files) {
    const list = [...fs.records].find(
      ([path]) =>
        path === `var/lib/dpkg/info/${name}.list` ||
        (path.startsWith(`var/lib/dpkg/info/${name}:`) && path.endsWith('.list')),
    );
    files = list ? list[1].text.split('\n').map((line) => line.replace(/^\/+/, '')) : [];
  }
  let bytes = 0;
  for (const path of new Set(files)) bytes += fs.files.get(path)?.size ?? 0;
  return bytes;
}

/**
 * The edits that remove package names from the install inside a plain RUN: one per line changed
 * (a continuation line left with only its `\\` goes), or undefined when a name is not found or
 * removing it would empty a line that ends the instruction.
 */
function dropNames(
  input: AdviceInput,
  instruction: Instruction,
  names: readonly string[],
): LineEdit[] | undefined {
  const lines = input.dockerfile.lines;
  let from = instruction.startLine;
  while (from < instruction.endLine && !/\b(?:apt-get|apt|apk)\b/.test(lines[from - 1])) from++;
  const edited = new Map<number, string>();
  for (const name of names) {
    const escaped = name.replace(/[.+]/g, '\\$&');
    const token = new RegExp(String.raw`(\s)${escaped}(?:[=:][^\s\\]*)?(?=\s|\\|$)`);
    let found = false;
    for (let line = from; line <= instruction.endLine && !found; line++) {
      const text = edited.get(line) ?? lines[line - 1];
      if (!token.test(text)) continue;
      const dropped = text.replace(token, '$1').replace(/(\S)[ \t]{2,}(?=\S)/, '$1 ');
      edited.set(line, dropped.replace(/[ \t]+$/, '').replace(/[ \t]{2,}\\$/, ' \\'));
      found = true;
    }
    if (!found) return undefined;
  }
  const edits: LineEdit[] = [];
  for (const [line, text] of edited) {
    if (text.trim() === '\\') edits.push({ line, endLine: line, text: '' });
    else if (text.trim() === '') return undefined;
    else edits.push({ line, endLine: line, text });
  }
  return edits;
}

export const packageNoopRule: Rule = {
  id: PACKAGE_NOOP,
  title: 'Package step that does nothing',
  check(input: AdviceInput): Finding[] {
    const findings: Finding[] = [];
    const file = input.dockerfile.file;
    const lastBase = input.layers.reduce((last, layer, at) => (layer.fromBase ? at : last), -1);
    input.layers.forEach((layer, at) => {
      if (!isRunLayer(layer)) return;
      const instruction = layer.instruction!;
      const upgrade = noopUpgrade(input, at);
      if (upgrade) {
        const update = upgrade.manager === 'apt' ? 'apt-get update' : 'apk update';
        const where = upgrade.manager === 'apt' ? 'no package lists' : 'no APKINDEX';
        const remove =
          !upgrade.alone && instruction.heredocs.length === 0 ? removeUpgrade(input, instruction) : undefined;
        const bytes = upgrade.alone ? layer.scan.uncompressed : 0;
        findings.push({
          rule: PACKAGE_NOOP,
          file,
          line: instruction.startLine,
          endLine: instruction.endLine,
          bytes,
          ...(upgrade.alone && { saves: bytes }),
          message:
            `This ${upgrade.manager === 'apt' ? '`apt-get upgrade`' : '`apk upgrade`'} upgrades nothing: ` +
            `there are ${where} here (no \`${update}\` before it in this RUN, none left by an earlier one)` +
            (bytes > 0 ? `, yet it writes ${formatBytes(bytes)}` : ''),
          fix:
            (upgrade.alone ? 'Remove this RUN' : 'Remove the upgrade from this RUN') +
            `; if upgrades are wanted, run \`${update}\` first in the same RUN (and clean up after)`,
          ...(upgrade.alone
            ? { edits: [{ line: instruction.startLine, endLine: instruction.endLine, text: '' }] }
            : remove && { edits: [remove] }),
        });
      }
      for (const { manager, names } of namedPackages(commandOf(instruction))) {
        const before = installedAt(input.layers, at - 1, manager);
        const after = installedAt(input.layers, at, manager);
        if (!before || !after) continue;
        const fromBase = lastBase >= 0 ? installedAt(input.layers, lastBase, manager) : undefined;
        const noops = [...new Set(names)].filter((name) => {
          const was = before.get(name);
          const now = after.get(name);
          return was !== undefined && now !== undefined && was.version === now.version;
        });
        if (noops.length === 0) continue;
        const fs = finalFilesystem(input.layers.slice(0, at));
        const weighed = noops.map((name) => ({
          name,
          bytes: installedBytes(fs, name, before.get(name)!),
          base: fromBase?.has(name) ?? false,
        }));
        const bytes = weighed.reduce((sum, p) => sum + p.bytes, 0);
        const edits =
          instruction.heredocs.length === 0 && noops.length < new Set(names).size
            ? dropNames(input, instruction, noops)
            : undefined;
        const earlier = input.layers
          .slice(lastBase + 1, at)
          .filter((l) => l.instruction && !l.fromBase)
          .map((l) => l.instruction!);
        const by = weighed.every((p) => p.base)
          ? 'the base image'
          : weighed.some((p) => p.base) || earlier.length === 0
            ? 'the base image or an earlier step'
            : `an earlier step (${lineList(earlier)})`;
        const list = weighed
          .map((p) => `\`${p.name}\`${p.bytes > 0 ? ` ${formatBytes(p.bytes)}` : ''}`)
          .join(', ');
        findings.push({
          rule: PACKAGE_NOOP,
          file,
          line: instruction.startLine,
          endLine: instruction.endLine,
          bytes,
          message: `This install names ${list}, already installed at the same version by ${by}: installing ${noops.length > 1 ? 'them' : 'it'} again does nothing`,
          fix: `Drop ${noops.map((n) => `\`${n}\``).join(', ')} from the list (it saves no bytes; the list then says what this step adds)`,
          ...(edits && edits.length > 0 && { edits }),
        });
      }
    });
    return findings;
  },
};

/** The edit that takes the upgrade command (and the `&&` that joins it) out of a plain shell RUN. */
function removeUpgrade(input: AdviceInput, instruction: Instruction): LineEdit | undefined {
  const call = UPGRADE_CALL.source;
  const patterns = [new RegExp(String.raw`${call}\s*&&\s*`), new RegExp(String.raw`\s*&&\s*${call}`)];
  for (let line = instruction.startLine; line <= instruction.endLine; line++) {
    const text = input.dockerfile.lines[line - 1];
    for (const pattern of patterns)
      if (pattern.test(text)) return { line, endLine: line, text: text.replace(pattern, '') };
  }
  return undefined;
}
