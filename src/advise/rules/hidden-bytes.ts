/**
 * hidden-bytes: files a later layer deletes or overwrites. The image still ships the lower copy,
 * so deleting or rewriting in a later step costs the bytes twice or saves nothing. The finding
 * stands on the line that added the bytes (a FROM for the base image's files), names the lines
 * that hid them, and counts each hidden copy once (wasted.ts).
 *
 * It reports what waste-owners.ts leaves to it: overwrites (a chmod/chown or a second write of
 * the same file), what COPY/ADD brings in that a later step deletes or replaces, and base-image
 * files the Dockerfile deletes or rewrites. A RUN's leftovers that a later RUN deletes are
 * merge-runs', package caches are package-cache's, an ADD <URL> download deleted later is
 * add-url's. One finding per line that added bytes, whatever the number of lines that hid them.
 *
 * What to change (which line writes the final copy, what a COPY leaves out) depends on why the
 * Dockerfile hides the files, which the layers do not say: the fix is a question, no edit, and
 * claims no bytes (`saves` absent); the message says the bytes as what the line added.
 */
import { formatBytes } from '../../render/format.js';
import type { AdviceInput, AttributedLayer, Finding, Instruction, Rule } from '../model.js';
import { type OwnedWaste, byAdderInstruction, isDeletion, lineList, ownedWaste } from './waste-owners.js';

export const HIDDEN_BYTES = 'hidden-bytes';

interface HiderPart {
  hider: Instruction;
  deletes: boolean;
  bytes: number;
}

/** The hidden bytes of one adder, per hiding line and way (deleted or overwritten), most first. */
function hiderParts(items: readonly OwnedWaste[]): HiderPart[] {
  const parts = new Map<string, HiderPart>();
  for (const item of items) {
    const hider = item.hider.instruction;
    if (!hider) continue;
    const deletes = isDeletion(item.pair.how);
    const key = `${hider.startLine}:${deletes}`;
    const part = parts.get(key) ?? { hider, deletes, bytes: 0 };
    part.bytes += item.bytes;
    parts.set(key, part);
  }
  return [...parts.values()].sort((a, b) => b.bytes - a.bytes || a.hider.startLine - b.hider.startLine);
}

const describePart = (part: HiderPart) =>
  `${formatBytes(part.bytes)} ${part.deletes ? 'deleted' : 'overwritten'} by the ${part.hider.keyword} at line ${part.hider.startLine}`;

const text = (instruction: Instruction) => [...instruction.flags, ...instruction.arguments].join(' ');
const CHMOD = /\bch(?:mod|own|grp)\b/;
const UPGRADE =
  /\b(?:apt-get|apt|apk|dnf|microdnf)\s+(?:-\S+\s+)*(?:upgrade|dist-upgrade|full-upgrade)\b|\byum\s+(?:-\S+\s+)*(?:update|upgrade)\b/;

/** The fix for the largest part, as a question: what the adding line and the hiding line are. */
export function hiddenBytesFix(adder: AttributedLayer, part: HiderPart | undefined): string {
  const hider = part?.hider;
  const adding = adder.instruction!;
  if (hider && hider.keyword === 'RUN' && CHMOD.test(text(hider))) {
    return adder.fromBase
      ? 'Can the base-image files keep their owner and mode, or a base that has them right serve? Changing them copies every file touched into a new layer'
      : `Could the owner and mode be set where the files are written (\`${adding.keyword === 'RUN' ? 'chmod/chown in that RUN' : `${adding.keyword} --chown=... --chmod=...`}\`)? A later RUN copies every file it touches`;
  }
  if (adder.fromBase) {
    if (hider && hider.keyword === 'RUN' && UPGRADE.test(text(hider))) {
      return 'Would a newer tag of the base image serve instead of the upgrade? Upgrading its packages stores each upgraded file twice';
    }
    return 'Deleting or rewriting base-image files does not shrink the image: would a base (or a slimmer variant) without them serve, or a multi-stage build that copies what you need into a slim base?';
  }
  if (adding.keyword === 'COPY' || adding.keyword === 'ADD') {
    return part?.deletes
      ? `Could this ${adding.keyword} leave out what a later step deletes (narrower sources, or those paths in .dockerignore)?`
      : `Could each file be copied once, in its final form (these paths left out of this ${adding.keyword}, or of the later step)?`;
  }
  if (hider && (hider.keyword === 'COPY' || hider.keyword === 'ADD')) {
    return `Does this ${adding.keyword} need to create the files that the ${hider.keyword} at line ${hider.startLine} replaces, or could that ${hider.keyword} come before it?`;
  }
  return `Could the change be made in the ${adding.keyword} that writes the files (the steps merged), so only the final copy is stored?`;
}

export const hiddenBytesRule: Rule = {
  id: HIDDEN_BYTES,
  title: 'Bytes hidden by a later layer',
  check(input: AdviceInput): Finding[] {
    const mine = ownedWaste(input).filter((item) => item.owner === HIDDEN_BYTES);
    const findings: Finding[] = [];
    for (const group of byAdderInstruction(mine)) {
      const bytes = group.reduce((total, item) => total + item.bytes, 0);
      if (bytes <= 0) continue;
      const adder = group[0].adder;
      const instruction = adder.instruction!;
      const parts = hiderParts(group);
      const shown = parts.slice(0, 3).map(describePart);
      if (parts.length > 3) shown.push(`${parts.length - 3} more`);
      const what = adder.fromBase
        ? `${formatBytes(bytes)} of the base image's files are hidden by later lines`
        : `${formatBytes(bytes)} that this ${instruction.keyword} adds are hidden by ${parts.length > 0 ? lineList(parts.map((p) => p.hider)) : 'a later layer'}`;
      findings.push({
        rule: HIDDEN_BYTES,
        file: input.dockerfile.file,
        line: instruction.startLine,
        endLine: instruction.endLine,
        bytes,
        message: `${what}${shown.length > 0 ? ` (${shown.join(', ')})` : ''}; the image still ships them`,
        fix: hiddenBytesFix(adder, parts[0]),
      });
    }
    return findings;
  },
};
