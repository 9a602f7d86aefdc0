/**
 * The report model: the `size-report` output, a versioned JSON document that later features only
 * add fields to, as plain data, and its parsing back from JSON someone else wrote. The renderers
 * (render/) read it; compare/delta.ts makes it from measurements.
 */
import type { Budget } from './budget.js';
import { BASELINE_PROBLEMS, type BaselineProblem } from './baseline.js';
import { parseJsonText } from '../util/json.js';

export const SIZE_REPORT_VERSION = 1;

export interface Figures {
  compressed: number;
  uncompressed: number | null;
  wasted: number | null;
}

export interface LayerReport {
  digest: string;
  compressed: number;
  uncompressed: number | null;
  files: number | null;
  createdBy: string | null;
  /** 1-based position in its image (a removed layer: in the baseline). Absent in older reports. */
  index?: number;
  /** SHA-256 of the layer's files, their bytes and metadata, without file times (layers.ts). */
  contentDigest?: string | null;
}

/** A layer built again with the same files as a baseline layer: only file times differ. */
export interface RebuiltLayer extends LayerReport {
  baselineDigest: string;
  baselineIndex: number;
  baselineCompressed: number;
}

export interface LayerChanges {
  /** Layers whose digest and content the baseline's same platform does not have, in image order. */
  added: LayerReport[];
  /** The baseline's layers this image no longer has (nor their content), in baseline order. */
  removed: LayerReport[];
  /** Layers whose digest is new but whose content a baseline layer has: not a change. */
  rebuilt?: RebuiltLayer[];
}

/** A path of the merged filesystem whose bytes changed (compare/path-delta.ts). */
export interface PathChange {
  /** `/usr/lib/python3.11`: a directory's bytes include all below it. */
  path: string;
  /** Bytes of regular files the final filesystem shows under the path (uncompressed). */
  before: number;
  after: number;
  delta: number;
  status: 'new' | 'removed' | 'grown' | 'shrunk';
}

/**
 * What one pull of one platform changes, the headline's figure, and the total over platforms,
 * labelled as one. `alike`: every compared platform's change is within 1% or 1 kB of the others,
 * so one figure says it; otherwise `compressed` is the largest change (by size) and `min`/`max`
 * the range. A platform whose layers all have the baseline's content counts as 0.
 */
export interface PullDelta {
  perPull: {
    compressed: number;
    /** The platform with the largest change. */
    platform: string;
    before: number;
    after: number;
    alike: boolean;
    min: number;
    max: number;
  };
  totalOverPlatforms: { before: number; after: number; compressed: number; platforms: number };
}

export interface PlatformReport extends Figures {
  platform: string;
  /** Compressed bytes of layers the baseline's same platform does not have; null without a baseline. */
  newToPull: number | null;
  layers: LayerReport[];
  /** The baseline's same platform, or null (no baseline, or the platform is new). */
  baseline: (Figures & { layerCount: number }) | null;
  /** This image minus the baseline; null where either side has no figure. */
  delta: (Figures & { layerCount: number }) | null;
  /** Layers matched by digest against the baseline's same platform; null without one. */
  changes: LayerChanges | null;
  /** Every layer is the baseline's, by digest or by content: no size change, whatever the bytes say. */
  sameContent?: boolean;
  /** The paths that grew or shrank, largest change first (at most 200); null without layer scans. */
  paths?: PathChange[] | null;
  /** The image this one is built on, and how many of its bottom layers are that image's; absent when unknown. */
  base?: BaseImageReport;
}

/** A base image as far as it is known (compare/base-image.ts). */
export interface BaseImage {
  /**
   * `debian:bookworm-slim`: the `org.opencontainers.image.base.name` annotation, else the final
   * stage's FROM (through stage names, ARGs expanded, build-arg values hidden as `${NAME}`),
   * else the label of that name. null: not known (a baseline that names none).
   */
  name: string | null;
  /** `org.opencontainers.image.base.digest`, when the image carries it. */
  digest?: string;
  /** Where `name` comes from. */
  source?: 'annotation' | 'dockerfile' | 'label';
  /** How many of the image's bottom layers are the base image's (0: scratch); null when not known. */
  layers: number | null;
  /** The sums over those layers, when they are known. */
  compressed?: number;
  uncompressed?: number | null;
}

/** A platform's base image, and, against a baseline, the baseline's and whether they differ. */
export interface BaseImageReport extends BaseImage {
  name: string;
  /** The baseline's base: its name when it names one, its layers when they can be told. */
  baseline?: BaseImage;
  /**
   * true: another name (from the same kind of source) or other layers than the baseline's base;
   * absent without a baseline or when the layers are not known.
   */
  changed?: boolean;
}

export interface SizeReport {
  version: typeof SIZE_REPORT_VERSION;
  image: { ref: string; digest: string };
  baseline: { ref: string; digest: string } | null;
  /** Why `baseline` is null although there is one to compare with (compare/baseline-policy.ts). */
  baselineUnavailable?: { ref: string; problem: BaselineProblem; reason: string };
  platforms: PlatformReport[];
  /** The per-pull change and the total over platforms; absent without a compared platform. */
  pullDelta?: PullDelta;
  /** Platforms the baseline has and this image no longer does (empty without a baseline). */
  removedPlatforms: string[];
  /** The size budget's verdict, when the action checked one. */
  budget?: Budget;
  /** Ways to shrink the image, largest savings first, when the advisor ran (empty: nothing worth saying). */
  advice?: AdviceEntry[];
}

/** One Dockerfile finding with the bytes it costs, as the advisor merged it over the platforms. */
export interface AdviceEntry {
  /** The rule's stable id (`package-cache`, `hidden-bytes`, ...). */
  rule: string;
  file: string;
  line: number;
  endLine: number;
  /** Uncompressed bytes the fix would save (or, for ordering, keep from rebuilding), as measured. */
  bytes: number;
  /** One line: what costs the bytes. Dockerfile text in it is the author's: escaped by the renderer. */
  message: string;
  /** One line: the concrete fix. */
  fix: string;
  /**
   * Uncompressed bytes the image loses when this fix alone is applied (other findings' fixes
   * not). Absent when the rule cannot know (`base-image-share`) or the bytes are not a saving
   * (`copy-before-install`, `add-local-file`); older reports have none (savings.ts).
   */
  saves?: number;
  /** Other lines whose fixes, applied with this one, save more than the two claims apart, or that this fix edits too. */
  withLines?: number[];
  /** The platforms the rule fired on. */
  platforms: string[];
}

/**
 * The change `comment: on-change` weighs: what one pull changes at most (pullDelta: 0 when every
 * layer has the baseline's content); for an older report, the compressed change over all
 * platforms. Null when no platform has a baseline.
 */
export function totalCompressedDelta(report: SizeReport): number | null {
  if (report.pullDelta) return report.pullDelta.perPull.compressed;
  const deltas = report.platforms.flatMap((p) => (p.delta ? [p.delta.compressed] : []));
  return deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) : null;
}

/**
 * A size report read back from JSON that someone else wrote (an artifact of a fork's run):
 * every field the renderer reads is checked for its type, so that no string can stand where
 * a number is printed unescaped. Throws with the path of the first wrong field, never its value
 * (the file may be anything the workflow points at).
 */
export function parseSizeReport(json: string): SizeReport {
  const value = parseJsonText(json, 'it');
  const r = object(value, 'report');
  if (r.version !== SIZE_REPORT_VERSION) throw new Error(`report.version: expected ${SIZE_REPORT_VERSION}`);
  ref(r.image, 'report.image');
  if (r.baseline !== null) ref(r.baseline, 'report.baseline');
  if (r.baselineUnavailable !== undefined) {
    const u = object(r.baselineUnavailable, 'report.baselineUnavailable');
    for (const key of ['ref', 'reason']) string(u[key], `report.baselineUnavailable.${key}`);
    if (!BASELINE_PROBLEMS.includes(u.problem as BaselineProblem))
      throw new Error(`report.baselineUnavailable.problem: one of ${BASELINE_PROBLEMS.join(', ')}`);
  }
  array(r.platforms, 'report.platforms').forEach((p, i) => platform(p, `report.platforms[${i}]`));
  array(r.removedPlatforms, 'report.removedPlatforms').forEach((p, i) =>
    string(p, `report.removedPlatforms[${i}]`),
  );
  if (r.budget !== undefined) {
    const b = object(r.budget, 'report.budget');
    if (!['pass', 'warn', 'fail'].includes(b.status as string))
      throw new Error('report.budget.status: pass, warn or fail');
    array(b.violations, 'report.budget.violations').forEach((v, i) => {
      const o = object(v, `report.budget.violations[${i}]`);
      string(o.platform, `${i}.platform`);
      string(o.rule, `${i}.rule`);
      number(o.limit, `${i}.limit`);
      number(o.actual, `${i}.actual`);
    });
    for (const field of ['unchecked', 'absent'] as const) {
      if (b[field] === undefined) continue;
      array(b[field], `report.budget.${field}`).forEach((u, i) => {
        const o = object(u, `report.budget.${field}[${i}]`);
        string(o.platform, `report.budget.${field}[${i}].platform`);
        string(o.rule, `report.budget.${field}[${i}].rule`);
      });
    }
  }
  if (r.pullDelta !== undefined) {
    const d = object(r.pullDelta, 'report.pullDelta');
    const per = object(d.perPull, 'report.pullDelta.perPull');
    string(per.platform, 'report.pullDelta.perPull.platform');
    for (const key of ['compressed', 'before', 'after', 'min', 'max'])
      number(per[key], `report.pullDelta.perPull.${key}`);
    if (typeof per.alike !== 'boolean') throw new Error('report.pullDelta.perPull.alike: expected a boolean');
    const total = object(d.totalOverPlatforms, 'report.pullDelta.totalOverPlatforms');
    for (const key of ['before', 'after', 'compressed', 'platforms'])
      number(total[key], `report.pullDelta.totalOverPlatforms.${key}`);
  }
  if (r.advice !== undefined)
    array(r.advice, 'report.advice').forEach((a, i) => adviceEntry(a, `report.advice[${i}]`));
  return value as SizeReport;
}

const ADVICE_KEYS = new Set([
  'rule',
  'file',
  'line',
  'endLine',
  'bytes',
  'message',
  'fix',
  'saves',
  'withLines',
  'platforms',
]);

// Strict: exactly the fields the advisor writes, lines and bytes as whole numbers.
function adviceEntry(value: unknown, at: string): void {
  const a = object(value, at);
  for (const key of Object.keys(a))
    if (!ADVICE_KEYS.has(key)) throw new Error(`${at}: a field the advisor does not write`);
  for (const key of ['rule', 'file', 'message', 'fix']) string(a[key], `${at}.${key}`);
  for (const key of ['line', 'endLine', 'bytes']) count(a[key], `${at}.${key}`);
  if (a.saves !== undefined) count(a.saves, `${at}.saves`);
  if (a.withLines !== undefined)
    array(a.withLines, `${at}.withLines`).forEach((l, i) => count(l, `${at}.withLines[${i}]`));
  if ((a.line as number) < 1) throw new Error(`${at}.line: expected a line number`);
  if ((a.endLine as number) < (a.line as number)) throw new Error(`${at}.endLine: before line`);
  array(a.platforms, `${at}.platforms`).forEach((p, i) => string(p, `${at}.platforms[${i}]`));
}

function count(value: unknown, at: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new Error(`${at}: expected a whole number`);
}

function platform(value: unknown, at: string): void {
  const p = object(value, at);
  string(p.platform, `${at}.platform`);
  number(p.compressed, `${at}.compressed`);
  for (const key of ['uncompressed', 'wasted', 'newToPull']) nullable(p[key], `${at}.${key}`);
  array(p.layers, `${at}.layers`).forEach((l, i) => layer(l, `${at}.layers[${i}]`));
  for (const key of ['baseline', 'delta']) {
    if (p[key] === null) continue;
    const f = object(p[key], `${at}.${key}`);
    number(f.compressed, `${at}.${key}.compressed`);
    nullable(f.uncompressed, `${at}.${key}.uncompressed`);
    nullable(f.wasted, `${at}.${key}.wasted`);
    number(f.layerCount, `${at}.${key}.layerCount`);
  }
  if (p.changes !== null) {
    const c = object(p.changes, `${at}.changes`);
    array(c.added, `${at}.changes.added`).forEach((l, i) => layer(l, `${at}.changes.added[${i}]`));
    array(c.removed, `${at}.changes.removed`).forEach((l, i) => layer(l, `${at}.changes.removed[${i}]`));
    if (c.rebuilt !== undefined)
      array(c.rebuilt, `${at}.changes.rebuilt`).forEach((l, i) => {
        const where = `${at}.changes.rebuilt[${i}]`;
        layer(l, where);
        const o = l as Record<string, unknown>;
        string(o.baselineDigest, `${where}.baselineDigest`);
        number(o.baselineIndex, `${where}.baselineIndex`);
        number(o.baselineCompressed, `${where}.baselineCompressed`);
      });
  }
  if (p.base !== undefined) {
    baseImage(p.base, `${at}.base`, false);
    const b = p.base as Record<string, unknown>;
    if (b.baseline !== undefined) baseImage(b.baseline, `${at}.base.baseline`, true);
    if (b.changed !== undefined && typeof b.changed !== 'boolean')
      throw new Error(`${at}.base.changed: expected a boolean`);
  }
  if (p.sameContent !== undefined && typeof p.sameContent !== 'boolean')
    throw new Error(`${at}.sameContent: expected a boolean`);
  if (p.paths !== undefined && p.paths !== null)
    array(p.paths, `${at}.paths`).forEach((c, i) => {
      const o = object(c, `${at}.paths[${i}]`);
      string(o.path, `${at}.paths[${i}].path`);
      for (const key of ['before', 'after', 'delta']) number(o[key], `${at}.paths[${i}].${key}`);
      if (!['new', 'removed', 'grown', 'shrunk'].includes(o.status as string))
        throw new Error(`${at}.paths[${i}].status: new, removed, grown or shrunk`);
    });
}

function baseImage(value: unknown, at: string, nameMayBeNull: boolean): void {
  const b = object(value, at);
  if (!(nameMayBeNull && b.name === null)) string(b.name, `${at}.name`);
  if (b.digest !== undefined) string(b.digest, `${at}.digest`);
  if (b.source !== undefined && !['annotation', 'dockerfile', 'label'].includes(b.source as string))
    throw new Error(`${at}.source: annotation, dockerfile or label`);
  if (b.layers !== null) count(b.layers, `${at}.layers`);
  if (b.compressed !== undefined) count(b.compressed, `${at}.compressed`);
  if (b.uncompressed !== undefined && b.uncompressed !== null) count(b.uncompressed, `${at}.uncompressed`);
}

function layer(value: unknown, at: string): void {
  const l = object(value, at);
  string(l.digest, `${at}.digest`);
  number(l.compressed, `${at}.compressed`);
  nullable(l.uncompressed, `${at}.uncompressed`);
  nullable(l.files, `${at}.files`);
  if (l.createdBy !== null) string(l.createdBy, `${at}.createdBy`);
  if (l.index !== undefined) number(l.index, `${at}.index`);
  if (l.contentDigest !== undefined && l.contentDigest !== null)
    string(l.contentDigest, `${at}.contentDigest`);
}

function ref(value: unknown, at: string): void {
  const o = object(value, at);
  string(o.ref, `${at}.ref`);
  string(o.digest, `${at}.digest`);
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${at}: expected an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${at}: expected an array`);
  return value;
}

function string(value: unknown, at: string): void {
  if (typeof value !== 'string') throw new Error(`${at}: expected a string`);
}

function number(value: unknown, at: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${at}: expected a number`);
}

function nullable(value: unknown, at: string): void {
  if (value !== null) number(value, at);
}
