/**
 * Who reports which stored bytes, so that one cause makes one finding and no byte is counted by
 * two rules. Each rule reports on the line whose layer holds the bytes (that is where the fix
 * goes), and the hidden copies (wasted.ts pairs) are shared out like this:
 *
 * - package-cache: every byte a RUN writes under a cache directory (cache-paths.ts), still
 *   visible or hidden by a later layer: deleting a cache in a later RUN does not shrink the image,
 *   and the fix (clean in the same RUN, `--no-cache`, a cache mount) fits the manager, which
 *   "merge the RUNs" would say less well;
 * - add-url: bytes of an `ADD <URL>` layer that a later RUN deletes (a download unpacked and
 *   removed): the fix is to download, unpack and delete in one RUN;
 * - merge-runs: the other bytes a RUN leaves that a later RUN deletes (a whiteout, an opaque
 *   directory, a directory replaced by a file);
 * - hidden-bytes: the rest: copies a later layer overwrites (a chmod/chown rewrite, a file
 *   written twice), what COPY/ADD brings that a later step deletes or replaces, and base-image
 *   bytes that the Dockerfile's own steps delete or overwrite.
 *
 * Nobody reports the old copies of package databases (cache-paths.ts `pkgdb`: every install
 * rewrites them), nor base-image bytes hidden by other base-image layers (the base's own history: the
 * base-image rule judges the base as a whole), nor copies in layers no instruction was matched to.
 */
import type { HiddenHow, WastePair } from '../../image/wasted.js';
import type { AdviceInput, AttributedLayer, Instruction } from '../model.js';

export type WasteOwner = 'package-cache' | 'add-url' | 'merge-runs' | 'hidden-bytes';

/** A pair's bytes that one rule reports. */
export interface OwnedWaste {
  owner: WasteOwner;
  pair: WastePair;
  /** The layer that holds the copies, and the one that hides them. */
  adder: AttributedLayer;
  hider: AttributedLayer;
  bytes: number;
}

/** A layer a RUN of this Dockerfile made. */
export const isRunLayer = (layer: AttributedLayer | undefined): boolean =>
  layer !== undefined && !layer.fromBase && layer.instruction?.keyword === 'RUN';

const URL_SOURCE = /^https?:\/\//i;

/** An ADD source that BuildKit downloads (a git URL is a checkout, not a download). */
export const isUrlSource = (source: string): boolean =>
  URL_SOURCE.test(source) && !/\.git(?:#.*)?$/i.test(source);

/** An ADD of this Dockerfile with at least one URL source. */
export function isAddUrlLayer(layer: AttributedLayer | undefined): boolean {
  const instruction = layer?.instruction;
  if (!layer || layer.fromBase || instruction?.keyword !== 'ADD') return false;
  return instruction.arguments.slice(0, -1).some(isUrlSource);
}

/** Hiding that removes the copy (rather than writing the path again). */
export const isDeletion = (how: HiddenHow): boolean => how !== 'overwritten';

const sum = (values: Iterable<number | undefined>) => {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
};

/** The hidden bytes each rule reports, pair by pair (a pair may give bytes to two owners). */
export function ownedWaste(input: AdviceInput): OwnedWaste[] {
  const owned: OwnedWaste[] = [];
  for (const pair of input.waste.pairs) {
    const adder = input.layers[pair.layer];
    const hider = input.layers[pair.hiddenBy];
    if (!adder?.instruction || !hider) continue;
    if (adder.fromBase && hider.fromBase) continue;
    // Package databases (dpkg's status, apk's installed) are rewritten by every install: no
    // rule owns their old copies, since no fix could avoid them.
    const bookkeeping = pair.cacheBytes.pkgdb ?? 0;
    const cache = isRunLayer(adder) ? sum(Object.values(pair.cacheBytes)) - bookkeeping : 0;
    if (cache > 0) owned.push({ owner: 'package-cache', pair, adder, hider, bytes: cache });
    const rest = pair.bytes - cache - bookkeeping;
    if (rest <= 0) continue;
    let owner: WasteOwner = 'hidden-bytes';
    if (isDeletion(pair.how) && isRunLayer(hider)) {
      if (isAddUrlLayer(adder)) owner = 'add-url';
      else if (isRunLayer(adder)) owner = 'merge-runs';
    }
    owned.push({ owner, pair, adder, hider, bytes: rest });
  }
  return owned;
}

/** `line 7` or `lines 7-9`. */
export function linesOf(instruction: Instruction): string {
  return instruction.startLine === instruction.endLine
    ? `line ${instruction.startLine}`
    : `lines ${instruction.startLine}-${instruction.endLine}`;
}

/** `lines 7 and 12`, `lines 3, 7 and 12`, `line 7`: the first line of each instruction. */
export function lineList(instructions: readonly Instruction[]): string {
  const lines = [...new Set(instructions.map((i) => i.startLine))].sort((a, b) => a - b);
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** Groups items by the instruction of their adder layer, in line order. */
export function byAdderInstruction<T extends { adder: AttributedLayer }>(items: readonly T[]): T[][] {
  const groups = new Map<Instruction, T[]>();
  for (const item of items) {
    const instruction = item.adder.instruction!;
    const group = groups.get(instruction);
    if (group) group.push(item);
    else groups.set(instruction, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.startLine - b.startLine).map(([, group]) => group);
}
