/**
 * apt-recommends: `apt-get install` without `--no-install-recommends` installs the packages the
 * named ones only recommend. Measured from the records the install wrote: the packages new in the
 * RUN's dpkg status that no package installed by hand (apt's extended states) or already there
 * needs through Depends/Pre-Depends, and the bytes their dpkg file lists name in that layer.
 * Quiet when the RUN already says `--no-install-recommends` (or sets Install-Recommends false),
 * or when the layer holds no dpkg records (no measurement, no guess).
 */
import { formatBytes } from '../../render/format.js';
import { autoInstalledAt, dependencyClosure, packageBytesIn, statusAt } from '../dpkg.js';
import { isPlainShellRun, replaceInInstruction } from '../edit.js';
import type { AdviceInput, Finding, Rule } from '../model.js';
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
      const bytes = recommended.reduce((sum, p) => sum + p.bytes, 0);
      if (bytes <= 0) return;
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
          `${formatBytes(bytes)} (${top}${recommended.length > 3 ? ', …' : ''})`,
        fix:
          'Add `--no-install-recommends` (`apt-get install -y --no-install-recommends ...`), and name any ' +
          'recommended package the image does need; silence with `# shipshape-ignore apt-recommends`',
        ...(edit && { edits: [edit] }),
      });
    });
    return findings;
  },
};
