/**
 * AdviceInputs without a build: a real Dockerfile parsed by parseDockerfile, and for its layers
 * synthetic scans whose entries are what the instructions would have written (stated by the
 * test, by construction). For rule tables and for the corpus of Dockerfiles whose real bases
 * (debian, python, node, golang) cannot be pulled in the lab.
 *
 * Layers: the base's layers first (attributed to the FROM of the exported chain's root, like
 * attribute.ts does), then one per RUN/COPY/ADD of the exported chain, in order.
 */
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import { stageChain } from '../../src/advise/attribute.js';
import type { AdviceInput, AttributedLayer } from '../../src/advise/model.js';
import { cacheKindOf, emptyCacheBytes } from '../../src/image/cache-paths.js';
import { EntryKind, type LayerScan } from '../../src/image/layers.js';
import { computeWaste } from '../../src/image/wasted.js';
import { compactRecord, isRecordPath } from '../../src/image/records.js';

export type SyntheticEntry =
  /** With `text`: a package-manager record (image/records.ts) the scan keeps, compacted as the scan does. */
  | { file: string; size: number; text?: string }
  | { dir: string }
  | { symlink: string }
  /** `DIR/.wh.NAME`: deletes `path`. */
  | { whiteout: string };

export interface SyntheticSpec {
  /** The base image's layers, bottom first. */
  base?: SyntheticEntry[][];
  /** The entries of the layer each instruction makes, by the instruction's first line. Others: empty. */
  layers?: Record<number, SyntheticEntry[]>;
  file?: string;
  target?: string;
  platform?: string;
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export function syntheticScan(entries: readonly SyntheticEntry[]): LayerScan {
  const paths: string[] = [];
  const kinds: number[] = [];
  const sizes: number[] = [];
  const cacheBytes = emptyCacheBytes();
  let uncompressed = 0;
  let files = 0;
  let whiteouts = 0;
  const records: Record<string, string> = {};
  for (const entry of entries) {
    if ('file' in entry && entry.text !== undefined && isRecordPath(entry.file)) {
      const kept = compactRecord(entry.file, entry.text);
      if (kept !== undefined) records[entry.file] = kept;
    }
    if ('file' in entry) {
      paths.push(entry.file);
      kinds.push(EntryKind.File);
      sizes.push(entry.size);
      uncompressed += entry.size;
      files++;
      const cache = cacheKindOf(entry.file);
      if (cache !== undefined) cacheBytes[cache] += entry.size;
    } else if ('dir' in entry) {
      paths.push(entry.dir);
      kinds.push(EntryKind.Directory);
      sizes.push(0);
    } else if ('symlink' in entry) {
      paths.push(entry.symlink);
      kinds.push(EntryKind.Other);
      sizes.push(0);
    } else {
      const slash = entry.whiteout.lastIndexOf('/');
      paths.push(`${entry.whiteout.slice(0, slash + 1)}.wh.${entry.whiteout.slice(slash + 1)}`);
      kinds.push(EntryKind.Whiteout);
      sizes.push(0);
      whiteouts++;
    }
  }
  const largestFiles = entries
    .filter((entry): entry is { file: string; size: number } => 'file' in entry)
    .map((entry) => ({ path: entry.file, size: entry.size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 10);
  return {
    compression: 'gzip',
    uncompressed,
    files,
    whiteouts,
    largestFiles,
    cacheBytes,
    contentDigest: `sha256:synthetic-${paths.join(',')}`,
    entries: { count: paths.length, paths, kinds: Uint8Array.from(kinds), sizes: Float64Array.from(sizes) },
    ...(Object.keys(records).length > 0 && { records }),
  };
}

export function syntheticInput(dockerfile: string, spec: SyntheticSpec = {}): AdviceInput {
  const model = parseDockerfile(dockerfile, { file: spec.file ?? 'Dockerfile', target: spec.target });
  const chain = stageChain(model);
  const layers: AttributedLayer[] = [];
  const add = (
    entries: readonly SyntheticEntry[],
    instruction: AttributedLayer['instruction'],
    fromBase: boolean,
  ) =>
    layers.push({
      index: layers.length,
      digest: `sha256:${layers.length.toString(16).padStart(64, '0')}`,
      compressed: 0,
      scan: syntheticScan(entries),
      instruction,
      fromBase,
    });
  for (const entries of spec.base ?? []) add(entries, chain[0]!.from, true);
  for (const instruction of chain.flatMap((stage) => stage.instructions)) {
    if (LAYER_KEYWORDS.has(instruction.keyword))
      add(spec.layers?.[instruction.startLine] ?? [], instruction, false);
  }
  const unused = Object.keys(spec.layers ?? {}).filter(
    (line) => !layers.some((layer) => !layer.fromBase && layer.instruction?.startLine === Number(line)),
  );
  if (unused.length > 0)
    throw new Error(`no RUN/COPY/ADD of the exported chain starts at line(s) ${unused.join(', ')}`);
  return {
    dockerfile: model,
    platform: spec.platform ?? 'linux/amd64',
    layers,
    waste: computeWaste(layers.map((layer) => layer.scan)),
  };
}

/** `count` files of `size` bytes under `dir` (`dir/f0`, `dir/f1`, ...): a package's worth of files. */
export function filesUnder(dir: string, count: number, size: number): SyntheticEntry[] {
  return Array.from({ length: count }, (_, i) => ({ file: `${dir}/f${i}`, size }));
}

/** A package.json entry: the manifest's text, its size the text's. */
export function manifest(path: string, json: Record<string, unknown>): SyntheticEntry {
  const text = JSON.stringify(json);
  return { file: path, size: Buffer.byteLength(text), text };
}
