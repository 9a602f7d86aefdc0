/**
 * apt-recommends: `apt-get install` without `--no-install-recommends` installs the packages the
 * named ones only recommend. Measured from the records the install wrote: the packages new in the
 * RUN's dpkg status that no package installed by hand (apt's extended states) or already there
 * needs through Depends/Pre-Depends, and the bytes their dpkg file lists name in that layer, plus
 * what their installation adds beside their files: debconf's database (rewritten whole in the
 * layer when only they have templates among the packages added, else their templates' bytes)
 * and the files their maintainer scripts generate in a directory only they own
 * (`/etc/ssl/certs/ca-certificates.crt`), and their .debs when apt's archive cache is left.
 * Quiet when the RUN already says `--no-install-recommends` (or sets Install-Recommends false),
 * or when the layer holds no dpkg records (no measurement, no guess).
 */
import { formatBytes } from '../../render/format.js';
import { EntryKind } from '../../image/layers.js';
import { parseTemplatesRecord } from '../../image/records.js';
import { autoInstalledAt, dependencyClosure, packageBytesIn, statusAt } from '../dpkg.js';
import { finalFilesystem } from '../filesystem.js';
import { isPlainShellRun, replaceInInstruction } from '../edit.js';
import type { AdviceInput, AttributedLayer, Finding, Rule } from '../model.js';
import { isRunLayer } from './waste-owners.js';

export const APT_RECOMMENDS = 'apt-recommends';
const INSTALL = /\bapt(?:-get)?\s+((?:-\S+\s+)*)install\b/;

export const aptRecommendsRule: Rule = {
  id: APT_RECOMMENDS,
  title: 'Recommended packages installed',
  check(input: AdviceInput): Finding[] {
    const findings: Finding[] = [];
    input.layers.forEach((layer, at) => {
      if (!isRunLayer(layer)) return;
      const instruction = layer.instruction!;
      const command = instruction.arguments.join('\n');
      if (
        !INSTALL.test(command) ||
        /--no-install-recommends|Install-Recommends[= ]+"?(?:false|0)/i.test(command)
      )
        return;
      const after = layer.scan.records?.['var/lib/dpkg/status'];
      if (after === undefined) return;
      const before = statusAt(input.layers, at - 1) ?? new Map();
      const now = statusAt(input.layers, at)!;
      const auto = autoInstalledAt(input.layers, at);
      const added = [...now.keys()].filter((name) => !before.has(name));
      const manual = added.filter((name) => !auto.has(name));
      if (manual.length === 0) return;
      const needed = dependencyClosure(now, [...manual, ...before.keys()]);
      const recommended = added
        .filter((name) => !needed.has(name))
        .map((name) => ({ name, bytes: packageBytesIn(layer, name) }))
        .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
      const own = recommended.reduce((sum, p) => sum + p.bytes, 0);
      if (own <= 0) return;
      const names = new Set(recommended.map((p) => p.name));
      const extra =
        debconfBytes(layer, names, added) + generatedBytes(input, at, names) + archiveBytes(layer, names);
      const bytes = own + extra;
      const top = recommended
        .slice(0, 3)
        .map((p) => `${p.name} ${formatBytes(p.bytes)}`)
        .join(', ');
      const edit = isPlainShellRun(input.dockerfile, instruction)
        ? replaceInInstruction(
            input.dockerfile,
            instruction,
            INSTALL,
            (whole: string) => `${whole} --no-install-recommends`,
          )
        : undefined;
      findings.push({
        rule: APT_RECOMMENDS,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        saves: bytes,
        message:
          `This \`apt-get install\` also installs ${recommended.length} package(s) that are only recommended, ` +
          `${formatBytes(bytes)} (${top}${recommended.length > 3 ? ', …' : ''}` +
          `${extra > 0 ? `; ${formatBytes(extra)} of it their debconf templates, generated files and .debs` : ''})`,
        fix:
          'Add `--no-install-recommends` (`apt-get install -y --no-install-recommends ...`), and name any ' +
          'recommended package the image does need',
        ...(edit && { edits: [edit] }),
      });
    });
    return findings;
  },
};

/**
 * What the debconf database costs the layer for the packages named (the recommended ones, of the
 * packages `added` in the layer): when only they have templates among the packages the layer
 * added, debconf ran for them alone and every copy of its files in the layer (templates.dat,
 * config.dat and their -old copies, rewritten whole) goes with them; otherwise their templates'
 * bytes in the templates files.
 */
function debconfBytes(layer: AttributedLayer, names: ReadonlySet<string>, added: readonly string[]): number {
  const records = layer.scan.records ?? {};
  const templates = ['var/cache/debconf/templates.dat', 'var/cache/debconf/templates.dat-old']
    .map((path) => records[path])
    .filter((text): text is string => text !== undefined)
    .flatMap(parseTemplatesRecord);
  const ours = templates.filter(
    (t) => t.owners.length > 0 && t.owners.every((o) => names.has(o.split(':')[0])),
  );
  if (ours.length === 0) return 0;
  const others = new Set(added.filter((name) => !names.has(name)));
  if (templates.some((t) => t.owners.some((o) => others.has(o.split(':')[0]))))
    return ours.reduce((sum, t) => sum + t.bytes, 0);
  const { count, paths, sizes } = layer.scan.entries;
  let bytes = 0;
  for (let k = 0; k < count; k++)
    if (/^var\/cache\/debconf\/[^/]+\.dat(?:-old)?$/.test(paths[k])) bytes += sizes[k];
  return bytes;
}

/** The .deb files of the packages named that apt left in its archive cache in the layer. */
function archiveBytes(layer: AttributedLayer, names: ReadonlySet<string>): number {
  const { count, paths, sizes } = layer.scan.entries;
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const match = /^var\/cache\/apt\/archives\/([^/_]+)_[^/]*\.deb$/.exec(paths[k]);
    if (match && names.has(decodeURIComponent(match[1]))) bytes += sizes[k];
  }
  return bytes;
}

/** dpkg's and apt's own bookkeeping, which every install rewrites: not a package's files. */
const BOOKKEEPING = /^(?:var\/lib\/(?:dpkg|apt|ucf)|var\/cache\/(?:debconf|apt|ldconfig)|var\/log)\//;

/**
 * Files the layer adds that no package lists, in a directory that only the packages named list
 * (and at least one of them): what their maintainer scripts generated there.
 */
function generatedBytes(input: AdviceInput, at: number, names: ReadonlySet<string>): number {
  const fs = finalFilesystem(input.layers.slice(0, at + 1));
  const listed = new Set<string>();
  const dirOwners = new Map<string, Set<string>>();
  for (const [path, record] of fs.records) {
    const match = /^var\/lib\/dpkg\/info\/([^/:]+)(?::[^/]+)?\.list$/.exec(path);
    if (!match) continue;
    for (const line of record.text.split('\n')) {
      const file = line.replace(/^\/+/, '');
      if (!file) continue;
      listed.add(file);
      const owners = dirOwners.get(file) ?? new Set<string>();
      owners.add(match[1]);
      dirOwners.set(file, owners);
    }
  }
  const layer = input.layers[at];
  const { count, paths, kinds, sizes } = layer.scan.entries;
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const path = paths[k];
    if (kinds[k] !== EntryKind.File || listed.has(path) || BOOKKEEPING.test(path)) continue;
    const owners = dirOwners.get(path.slice(0, Math.max(0, path.lastIndexOf('/'))));
    if (owners && owners.size > 0 && [...owners].every((owner) => names.has(owner))) bytes += sizes[k];
  }
  return bytes;
}
