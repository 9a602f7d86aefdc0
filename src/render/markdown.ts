/**
 * The size report as GitHub markdown: one renderer for the sticky PR comment and the job
 * summary. A headline with the total compressed change and an icon, the budget's verdict, a
 * table per platform, the layers that changed (and the instruction that made them), unchanged
 * layers collapsed, an optional Mermaid chart, and a footer whose hidden marker finds the
 * comment again. Always under GitHub's comment limit: layer lists are trimmed first (keeping the
 * largest layers), then the chart, and the comment says so. Pure: a report in, a string out.
 */
import { commentMarker } from './marker.js';
import { cleanCreatedBy } from '../oci/history.js';
import { codeSpan, escapeHtml, escapeMarkdown, mermaidText, sanitize } from './escape.js';
import { savedBy, savingsTotal } from '../report/savings.js';
import { silenceHint } from '../report/silence.js';
import { formatBytes, formatDelta, formatPercent } from './format.js';
import { BUDGET_ICONS, GRADE_ICONS, gradeChange, type ChangeThresholds } from './icons.js';
import type {
  AdviceEntry,
  LayerReport,
  PathChange,
  PlatformReport,
  PullDelta,
  SizeReport,
} from '../report/size-report.js';
import { pullDelta } from '../report/pull-delta.js';
import type { Budget, BudgetViolation } from '../report/budget.js';

/** GitHub rejects a comment body of this many characters or more. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const DEFAULT_MAX_LENGTH = 65_000;

export interface RenderOptions {
  /** Names this report's comment (`comment-key`): goes into the hidden marker. */
  key: string;
  budget?: Budget;
  /** Adds a Mermaid bar chart of layer sizes per platform. */
  chart?: boolean;
  /** A block drawn elsewhere (render/trend.ts: the size trend), shown after the platform sections. */
  trend?: string;
  /** Replaces "Image size" in the heading. */
  title?: string;
  /** When a change is small or large, for its icon (the `change-thresholds` input). */
  thresholds?: ChangeThresholds;
  /** Where the report comes from: linked in the footer, and advice lines link the Dockerfile. */
  context?: RenderContext;
  /**
   * Default 65,000; counted in UTF-8 bytes, never fewer than characters however GitHub counts
   * them (emoji, CJK text in an instruction).
   */
  maxLength?: number;
}

/** The run that made the report; every field is checked before it goes into a link. */
export interface RenderContext {
  /** `https://github.com`, or a GitHub Enterprise Server's URL (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** `owner/name`. */
  repository: string;
  /** The commit the report is about: a pull request's head, not its merge commit. */
  sha: string;
  /** GITHUB_RUN_ID. */
  runId?: string;
  /** When the comment was rendered (ISO 8601). */
  updatedAt?: string;
}

// Lengths of author text in the comment; the JSON has it whole.
const LIMITS = {
  ref: 200,
  platform: 100,
  instruction: 160,
  rule: 100,
  title: 100,
  digest: 100,
  file: 200,
  advice: 400,
  reason: 400,
  path: 200,
} as const;
// Paths shown in a platform's "which paths changed" table (the JSON has up to 200).
const PATH_ROWS = 10;
// Findings shown open; the rest collapsed, and never more than the cap (the JSON has them all).
const ADVICE_ROWS_OPEN = 5;
const MAX_ADVICE_ROWS = 30;
// cleanCreatedBy's suffix pattern is quadratic on a long run of spaces: a huge text is cut first.
const MAX_INSTRUCTION_INPUT = 4_096;
const MAX_CHART_BARS = 20;
const MIN_MAX_LENGTH = 1_000;

/** The hidden line that finds this report's comment again; the same key gives the same line. */
export function renderReport(report: SizeReport, options: RenderOptions): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!(maxLength >= MIN_MAX_LENGTH && maxLength < GITHUB_COMMENT_LIMIT)) {
    throw new RangeError(`maxLength must be from ${MIN_MAX_LENGTH} to ${GITHUB_COMMENT_LIMIT - 1}`);
  }
  const prepared = prepare(report);
  const render = (limits: Limits) => renderWith(report, prepared, options, limits);

  const longest = (kind: ListKind) =>
    Math.max(0, ...prepared.sections.map((s) => (kind === 'changed' ? s.changed : s.unchanged).length));
  const fits = (limits: Limits) => size(render(limits)) <= maxLength;
  // The short form: every layer has the baseline's content, nothing else to say.
  if (isSameContent(report, options)) return sameContentReport(report, options);
  for (const chart of options.chart ? [true, false] : [false]) {
    const full: Limits = {
      changed: Infinity,
      unchanged: Infinity,
      chart,
      advice: Infinity,
      paths: PATH_ROWS,
    };
    if (fits(full)) return render(full);
    // The path list is the first thing to shorten: the JSON has it whole.
    const paths = largestFitting(PATH_ROWS, (n) => fits({ ...full, paths: n }));
    if (paths !== undefined) return render({ ...full, paths });
    const all: Limits = { ...full, paths: 0 };
    // Unchanged layers go first: they are collapsed and least read.
    const unchanged = largestFitting(longest('unchanged'), (n) => fits({ ...all, unchanged: n }));
    if (unchanged !== undefined) return render({ ...all, unchanged });
    const changed = largestFitting(longest('changed'), (n) => fits({ ...all, unchanged: 0, changed: n }));
    if (changed !== undefined) return render({ ...all, unchanged: 0, changed });
  }
  // Advice is what a reader can act on: trimmed after every layer list and the chart.
  const bare: Limits = { changed: 0, unchanged: 0, chart: false, advice: 0, paths: 0 };
  const advice = largestFitting(report.advice?.length ?? 0, (n) => fits({ ...bare, advice: n }));
  if (advice !== undefined) return render({ ...bare, advice });
  const body = renderBody(report, prepared, options, bare).blocks;
  return cutShort(body.join('\n\n'), maxLength, options.key, options.context);
}

type ListKind = 'changed' | 'unchanged';

interface Limits {
  /** Rows per list of added/removed layers (or of all layers, where nothing is compared). */
  changed: number;
  /** Rows per list of unchanged layers. */
  unchanged: number;
  chart: boolean;
  /** Rows of advice. */
  advice: number;
  /** Rows per table of changed paths. */
  paths: number;
}

/** The largest n in [0, max] for which fits(n) holds (fits is monotone), or undefined. */
function largestFitting(max: number, fits: (n: number) => boolean): number | undefined {
  if (!fits(0)) return undefined;
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

// ---- The report, prepared once: rows rendered, lists sorted largest first. ----

interface LayerRow {
  /** 1-based position in the image; for a removed layer, in the baseline. */
  position: number;
  layer: LayerReport;
  change: 'added' | 'removed' | 'base' | null;
  markdown: string;
  /** The layers the row stands for: more than 1 for the base image's row. */
  count: number;
  /** The base image's row: what two alike platforms must share (name, layer counts, change). */
  base?: string;
}

interface PlatformSection {
  platform: PlatformReport;
  /** `compared`: the baseline has this platform; `new`: it does not; `alone`: no baseline at all. */
  kind: 'compared' | 'new' | 'alone';
  /** Added then removed layers (compared), or every layer; each part largest first. */
  changed: LayerRow[];
  unchanged: LayerRow[];
}

interface Prepared {
  sections: PlatformSection[];
}

function prepare(report: SizeReport): Prepared {
  const sections = report.platforms.map((platform): PlatformSection => {
    // The base image's layers (the bottom ones) are one row; `baseCount` 0 when not known.
    const base = platform.base;
    const baseCount = base?.layers ? Math.min(base.layers, platform.layers.length) : 0;
    const positioned = platform.layers
      .map((layer, i) => ({ layer, position: i + 1 }))
      .filter(({ position }) => position > baseCount);
    const changes = platform.changes;
    if (!changes || !platform.baseline) {
      const rows = positioned.map(({ layer, position }) => layerRow(layer, position, null));
      if (baseCount > 0) rows.push(baseRow(platform, baseCount, null));
      return {
        platform,
        kind: report.baseline ? 'new' : 'alone',
        changed: largestFirst(rows),
        unchanged: [],
      };
    }
    const added = new Set(changes.added.map((l) => l.digest));
    const rebuilt = new Set((changes.rebuilt ?? []).map((l) => l.digest));
    const addedRows = positioned
      .filter(({ layer }) => added.has(layer.digest))
      .map(({ layer, position }) => layerRow(layer, position, 'added'));
    // Changed: the report says so, or a base layer is one the baseline does not have.
    const baseChanged =
      baseCount > 0 &&
      (base?.changed === true || platform.layers.slice(0, baseCount).some((l) => added.has(l.digest)));
    // The baseline's base layers are in the base row when the base changed and they are known.
    const theirBase = baseChanged ? (base?.baseline?.layers ?? 0) : 0;
    // Older reports have no index: the baseline position is then unknown (0 shows none).
    const removedRows = changes.removed
      .filter((layer) => !(layer.index !== undefined && layer.index <= theirBase))
      .map((layer) => layerRow(layer, layer.index ?? 0, 'removed'));
    const unchangedRows = positioned
      .filter(({ layer }) => !added.has(layer.digest))
      .map(({ layer, position }) => layerRow(layer, position, null, rebuilt.has(layer.digest)));
    if (baseChanged) addedRows.push(baseRow(platform, baseCount, theirBase));
    else if (baseCount > 0) unchangedRows.push(baseRow(platform, baseCount, null));
    return {
      platform,
      kind: 'compared',
      changed: [...largestFirst(addedRows), ...largestFirst(removedRows)],
      unchanged: largestFirst(unchangedRows),
    };
  });
  return { sections };
}

const largestFirst = (rows: LayerRow[]) => [...rows].sort((a, b) => b.layer.compressed - a.layer.compressed);

function layerRow(
  layer: LayerReport,
  position: number,
  change: LayerRow['change'],
  rebuilt = false,
): LayerRow {
  const digest = escapeHtml(layer.digest, { limit: LIMITS.digest });
  // A removed layer is named by its place in the baseline.
  const number =
    position === 0
      ? '–'
      : `<span title="${digest}">${change === 'removed' ? `was ${position}` : position}</span>`;
  const made = instruction(layer.createdBy) + (rebuilt ? '<br><sub>rebuilt, same content</sub>' : '');
  const cells = [number, bytes(layer.compressed), bytes(layer.uncompressed), made];
  if (change !== null) cells.unshift(change === 'added' ? '➕' : '➖');
  return { position, layer, change, markdown: `| ${cells.join(' | ')} |`, count: 1 };
}

/**
 * The base image's layers (the bottom `count` of the platform) as one row: their place, their
 * summed sizes, and the base's name. `theirs`: the base changed, and the baseline's base had
 * that many layers (0: not known); null: the base is the baseline's, or there is no baseline.
 */
function baseRow(platform: PlatformReport, count: number, theirs: number | null): LayerRow {
  const base = platform.base!;
  const layers = platform.layers.slice(0, count);
  const compressed = layers.reduce((sum, l) => sum + l.compressed, 0);
  const uncompressed = layers.every((l) => l.uncompressed !== null)
    ? layers.reduce((sum, l) => sum + l.uncompressed!, 0)
    : null;
  const layer: LayerReport = { digest: '', compressed, uncompressed, files: null, createdBy: null };
  const span = (n: number) => (n === 1 ? '1' : `1–${n}`);
  const name = codeSpan(base.name, { table: true, limit: LIMITS.ref }) || '–';
  // A sha256 digest shortened as image IDs are (the JSON has it whole); anything else as written.
  const shortDigest =
    base.digest && /^sha256:[0-9a-f]{64}$/.test(base.digest) ? base.digest.slice(0, 19) : base.digest;
  const digest = shortDigest
    ? `<br><sub>${codeSpan(shortDigest, { table: true, limit: LIMITS.digest })}</sub>`
    : '';
  const row = (cells: string[], change: LayerRow['change'], key: string): LayerRow => ({
    position: 1,
    layer,
    change,
    count,
    base: key,
    markdown: `| ${cells.join(' | ')} |`,
  });
  if (theirs === null) {
    const text = `base ${name} (${plural(count, 'layer')})${digest}`;
    return row([span(count), bytes(compressed), bytes(uncompressed), text], null, `${base.name} ${count}`);
  }
  // Against the baseline's base: its layers and sizes when they could be told.
  const old = base.baseline;
  const known = theirs > 0 && old?.compressed !== undefined;
  const was = (value: number | null, before: number | null | undefined) =>
    !known || value === null || before === null || before === undefined
      ? bytes(value)
      : withChange(bytes(value), value === before ? '±0' : signedBytes(value - before));
  const sizes = known ? `${plural(count, 'layer')}, was ${grouped(theirs)}` : plural(count, 'layer');
  const text =
    old?.name && old.name !== base.name
      ? `base changed: ${codeSpan(old.name, { table: true, limit: LIMITS.ref })} → ${name} (${sizes})`
      : `base ${name} changed: its layers are not the baseline's (${sizes})`;
  const cells = [
    '🔄',
    span(count),
    was(compressed, old?.compressed),
    was(uncompressed, old?.uncompressed),
    text + digest,
  ];
  return row(cells, 'base', `${old?.name ?? ''} ${base.name} ${count} ${theirs}`);
}

function instruction(createdBy: string | null): string {
  if (createdBy === null) return '–';
  const text =
    createdBy.length > MAX_INSTRUCTION_INPUT
      ? `${cleanCreatedBy(createdBy.slice(0, MAX_INSTRUCTION_INPUT))}…`
      : cleanCreatedBy(createdBy);
  return codeSpan(text, { table: true, limit: LIMITS.instruction }) || '–';
}

// ---- Rendering at given limits. ----

function renderWith(report: SizeReport, prepared: Prepared, options: RenderOptions, limits: Limits): string {
  const { blocks, trimmed } = renderBody(report, prepared, options, limits);
  const chartLeftOut = Boolean(options.chart) && !limits.chart;
  if (trimmed || chartLeftOut) blocks.push(trimNote(trimmed, chartLeftOut));
  blocks.push(footer(options.context), commentMarker(options.key));
  return blocks.join('\n\n');
}

/** Everything above the notes and the footer; `trimmed` when a layer list left rows out. */
function renderBody(
  report: SizeReport,
  prepared: Prepared,
  options: RenderOptions,
  limits: Limits,
): { blocks: string[]; trimmed: boolean } {
  const blocks: string[] = [...headline(report, options.title, options.thresholds)];
  if (options.budget) blocks.push(budgetBlock(options.budget));
  blocks.push(platformTable(report, options.thresholds));
  if (report.removedPlatforms.length > 0) {
    const names = report.removedPlatforms.map((p) => codeSpan(p, { limit: LIMITS.platform }));
    blocks.push(`➖ **Platforms removed:** ${names.join(', ')}`);
  }
  if (report.advice && report.advice.length > 0) {
    blocks.push(adviceSection(report.advice, report.platforms.length, limits.advice, options.context));
  }
  let trimmed = false;
  for (const group of alikeSections(prepared.sections, limits)) {
    trimmed ||= group.trimmed;
    blocks.push(...group.blocks);
  }
  if (options.trend) blocks.push(options.trend);
  return { blocks, trimmed };
}

/**
 * The platform sections, those that changed alike (alikeChanges) rendered once under all their
 * names: a two-platform image whose layers moved alike gets one table that says so, with the
 * first platform's figures (each platform's own are in the platform table and the JSON).
 */
function alikeSections(
  sections: PlatformSection[],
  limits: Limits,
): { blocks: string[]; trimmed: boolean }[] {
  const groups: PlatformSection[][] = [];
  for (const section of sections) {
    const same = groups.find((g) => alikeChanges(g[0], section));
    if (same) same.push(section);
    else groups.push([section]);
  }
  return groups.map((group) => {
    const names = group.map((s) => codeSpan(s.platform.platform, { limit: LIMITS.platform }));
    if (group.length === 1) return platformSection(group[0], limits, names[0], group[0].platform.platform);
    const note =
      `<sub>The layers and paths of these ${grouped(group.length)} platforms changed alike ` +
      `(the same instructions, sizes within 1% or 1 kB): shown once, with the figures of ${names[0]}.</sub>`;
    return platformSection(
      group[0],
      limits,
      `${names.join(', ')} (alike)`,
      group.map((s) => s.platform.platform).join(', '),
      note,
    );
  });
}

/** Two sizes a reader would not tell apart: within 1% of the larger, or 1 kB. */
const closeBytes = (a: number | null, b: number | null) =>
  a === b ||
  (a !== null && b !== null && Math.abs(a - b) <= Math.max(1_000, Math.max(Math.abs(a), Math.abs(b)) / 100));

/**
 * Whether two compared platforms changed alike: the same layers added and removed (place,
 * instruction, sizes close), the same paths changed (sizes close), the same unchanged layers
 * by instruction (their sizes are the base image's, which differ per platform; a layer rebuilt
 * with the same content on one platform only is no change either).
 */
function alikeChanges(a: PlatformSection, b: PlatformSection): boolean {
  if (a.kind !== 'compared' || b.kind !== 'compared') return false;
  // The base rows: the same base and layer counts (a base's size is its own per platform).
  const rows = (x: LayerRow, y: LayerRow) =>
    x.change === y.change &&
    x.position === y.position &&
    x.base === y.base &&
    x.layer.createdBy === y.layer.createdBy &&
    (x.base !== undefined ||
      (closeBytes(x.layer.compressed, y.layer.compressed) &&
        closeBytes(x.layer.uncompressed, y.layer.uncompressed)));
  const sameList = <T>(xs: T[], ys: T[], same: (x: T, y: T) => boolean) =>
    xs.length === ys.length && xs.every((x, i) => same(x, ys[i]));
  const pathsA = a.platform.paths ?? [];
  const pathsB = b.platform.paths ?? [];
  return (
    sameList(a.changed, b.changed, rows) &&
    sameList(
      pathsA,
      pathsB,
      (x, y) => x.path === y.path && x.status === y.status && closeBytes(x.delta, y.delta),
    ) &&
    sameList(
      [...a.unchanged].sort((x, y) => x.position - y.position),
      [...b.unchanged].sort((x, y) => x.position - y.position),
      (x, y) => x.position === y.position && x.layer.createdBy === y.layer.createdBy && x.base === y.base,
    )
  );
}

function headline(
  report: SizeReport,
  title: string | undefined,
  thresholds: ChangeThresholds | undefined,
): string[] {
  const name = escapeMarkdown(title || 'Image size', { limit: LIMITS.title });
  const image = codeSpan(report.image.ref, { limit: LIMITS.ref });
  const platformCount = plural(report.platforms.length, 'platform');
  const total = report.platforms.reduce((sum, p) => sum + p.compressed, 0);
  const unavailable = report.baselineUnavailable;
  if (!report.baseline && unavailable) {
    return [
      `### ⚠️ ${name}: baseline unavailable`,
      `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
        `The baseline ${codeSpan(unavailable.ref, { limit: LIMITS.ref })} could not be compared with: ` +
        codeSpan(unavailable.reason, { limit: LIMITS.reason }),
    ];
  }
  if (!report.baseline) {
    return [
      `### ${GRADE_ICONS['no-baseline']} ${name}: no baseline yet`,
      `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
        'There is no baseline image to compare it with yet.',
    ];
  }
  const baseline = codeSpan(report.baseline.ref, { limit: LIMITS.ref });
  const pull = report.pullDelta ?? pullDelta(report.platforms);
  if (!pull) {
    return [
      `### ${GRADE_ICONS['no-baseline']} ${name}: no platform in common with the baseline`,
      `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}; ` +
        `the baseline ${baseline} has none of them.`,
    ];
  }
  return perPullHeadline(report, pull, { name, image, baseline, thresholds });
}

/**
 * The headline of a compared image: what one pull of one platform changes. One figure when the
 * platforms moved alike; else the largest change, its platform, and the range. The sum over
 * platforms is shown only as a labelled total.
 */
function perPullHeadline(
  report: SizeReport,
  pull: PullDelta,
  text: { name: string; image: string; baseline: string; thresholds?: ChangeThresholds },
): string[] {
  const { perPull, totalOverPlatforms: total } = pull;
  const icon = GRADE_ICONS[gradeChange(perPull.compressed, perPull.before, text.thresholds)];
  const platform = codeSpan(perPull.platform, { limit: LIMITS.platform });
  const several = total.platforms > 1;
  const change =
    perPull.compressed === 0 && perPull.alike
      ? 'no size change'
      : `${perPull.alike ? '' : 'up to '}${deltaWithPercent(perPull.compressed, perPull.before)} per pull` +
        (perPull.alike ? '' : ` (${platform})`);
  const scope =
    total.platforms === report.platforms.length
      ? several
        ? perPull.alike
          ? `each of the ${grouped(total.platforms)} platforms alike`
          : `${platform}, the largest change of ${grouped(total.platforms)} platforms`
        : platform
      : `${platform}, of the ${plural(total.platforms, 'platform')} both images have`;
  const lines = [
    `${text.image} compared with ${text.baseline}: compressed size of one pull (what a node downloads) ` +
      `${bytes(perPull.before)} → ${bytes(perPull.after)}, ${scope}.`,
  ];
  if (several && !perPull.alike) {
    lines.push(
      `The change per pull ranges from ${signedOrZero(perPull.min)} to ${signedOrZero(perPull.max)} over the platforms.`,
    );
  }
  if (several) {
    lines.push(
      `<sub>Total over ${plural(total.platforms, 'platform')} (a registry stores them all; no node pulls them all): ` +
        `${bytes(total.before)} → ${bytes(total.after)}, ${signedOrZero(total.compressed)}.</sub>`,
    );
  }
  return [`### ${icon} ${text.name}: ${change}`, lines.join(' ')];
}

const signedOrZero = (delta: number) => (delta === 0 ? '±0' : signedBytes(delta));

/** Every platform has the baseline's layers, by digest or by content: nothing else to say. */
function isSameContent(report: SizeReport, options: RenderOptions): boolean {
  return (
    report.baseline !== null &&
    report.platforms.length > 0 &&
    report.platforms.every((p) => p.sameContent === true) &&
    report.removedPlatforms.length === 0 &&
    (options.budget === undefined || options.budget.status === 'pass')
  );
}

/** The one-line comment of a rebuild that changed no file. */
function sameContentReport(report: SizeReport, options: RenderOptions): string {
  const name = escapeMarkdown(options.title || 'Image size', { limit: LIMITS.title });
  const image = codeSpan(report.image.ref, { limit: LIMITS.ref });
  const baseline = codeSpan(report.baseline!.ref, { limit: LIMITS.ref });
  const rebuilt = Math.max(0, ...report.platforms.map((p) => p.changes?.rebuilt?.length ?? 0));
  const why =
    rebuilt > 0
      ? ` (${plural(rebuilt, 'layer')} rebuilt: same files, only their times differ; ` +
        'a reproducible build keeps even the bytes: see `SOURCE_DATE_EPOCH`)'
      : '';
  const blocks = [
    `### ${GRADE_ICONS.none} ${name}: no size change`,
    `${image} has the same layer content as ${baseline} on ${plural(report.platforms.length, 'platform')}${why}.`,
  ];
  if (options.budget) blocks.push(budgetBlock(options.budget));
  blocks.push(footer(options.context), commentMarker(options.key));
  return blocks.join('\n\n');
}

function budgetBlock(budget: Budget): string {
  if (budget.status === 'pass') return `${BUDGET_ICONS.pass} **Size budget:** every rule holds.`;
  const fails = budget.status === 'fail';
  const blocks: string[] = [];
  if (budget.violations.length > 0) {
    const verdict = fails
      ? `${BUDGET_ICONS.fail} **Size budget exceeded:** this check fails.`
      : `${BUDGET_ICONS.warn} **Size budget exceeded** (a warning: \`budget-action\` is \`warn\`).`;
    const rows = budget.violations.map(
      (v) =>
        `| ${codeSpan(v.platform, { table: true, limit: LIMITS.platform })} | ` +
        `${codeSpan(v.rule, { table: true, limit: LIMITS.rule })} | ${limitText(v)} | ${actualText(v)} |`,
    );
    blocks.push(
      [verdict, '', '| Platform | Rule | Limit | Actual |', '| :-- | :-- | --: | --: |', ...rows].join('\n'),
    );
  }
  const unchecked = budget.unchecked ?? [];
  if (unchecked.length > 0) {
    const byRule = new Map<string, string[]>();
    for (const u of unchecked) byRule.set(u.rule, [...(byRule.get(u.rule) ?? []), u.platform]);
    const rules = [...byRule].map(
      ([rule, platforms]) =>
        `${codeSpan(rule, { limit: LIMITS.rule })} (${platforms.map((p) => codeSpan(p, { limit: LIMITS.platform })).join(', ')})`,
    );
    blocks.push(
      `${fails ? BUDGET_ICONS.fail : BUDGET_ICONS.warn} **Size budget not checked:** ${rules.join(', ')} ` +
        `${rules.length === 1 ? 'needs' : 'need'} the baseline, which could not be read` +
        (fails ? ': this check fails.' : ' (a warning: `budget-action` is `warn`).'),
    );
  }
  const absent = budget.absent ?? [];
  if (absent.length > 0) {
    const rules = absent.map(
      (a) => `${codeSpan(`${a.platform}: ${a.rule}`, { limit: LIMITS.rule + LIMITS.platform })}`,
    );
    blocks.push(
      `${fails ? BUDGET_ICONS.fail : BUDGET_ICONS.warn} **Size budget not checked:** ${rules.join(', ')} ` +
        `${rules.length === 1 ? 'names a platform' : 'name platforms'} the image does not have` +
        (fails ? ': this check fails.' : ' (a warning: `budget-action` is `warn`).'),
    );
  }
  return blocks.join('\n\n');
}

const isPercentRule = (v: BudgetViolation) => v.rule.startsWith('max-increase-percent=');

function limitText(v: BudgetViolation): string {
  return isPercentRule(v) ? `${roundPercent(v.limit)}%` : bytes(v.limit);
}

function actualText(v: BudgetViolation): string {
  if (isPercentRule(v)) return `${v.actual > 0 ? '+' : ''}${roundPercent(v.actual)}%`;
  return v.rule.startsWith('max-increase=') ? signedBytes(v.actual) : bytes(v.actual);
}

const roundPercent = (percent: number) => String(Number(percent.toFixed(2)));

function platformTable(report: SizeReport, thresholds?: ChangeThresholds): string {
  const compared = report.baseline !== null;
  const header = ['Platform', 'Compressed', 'Uncompressed', 'Wasted', 'Layers'];
  if (compared) header.push('New to pull');
  const rows = report.platforms.map((p) => {
    const delta = p.delta && (p.sameContent ? 0 : p.delta.compressed);
    const icon = GRADE_ICONS[gradeChange(delta ?? null, p.baseline?.compressed ?? 0, thresholds)];
    const isNew = compared && !p.baseline;
    const cells = [
      `${icon} ${codeSpan(p.platform, { table: true, limit: LIMITS.platform })}`,
      isNew
        ? `${bytes(p.compressed)}<br><sub>new platform</sub>`
        : figure(p.compressed, p.delta?.compressed, p.baseline?.compressed),
      figure(p.uncompressed, p.delta?.uncompressed, p.baseline?.uncompressed),
      figure(p.wasted, p.delta?.wasted, p.baseline?.wasted),
      withChange(String(p.layers.length), p.delta ? signedCount(p.delta.layerCount) : undefined),
    ];
    if (compared) cells.push(p.newToPull === null ? '–' : bytes(p.newToPull));
    return `| ${cells.join(' | ')} |`;
  });
  const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
  return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows].join('\n');
}

/** A size and, under it, its change from the baseline when both are known. */
function figure(
  value: number | null,
  delta: number | null | undefined,
  base: number | null | undefined,
): string {
  if (value === null) return '–';
  if (delta === null || delta === undefined) return bytes(value);
  return withChange(bytes(value), delta === 0 ? '±0' : deltaWithPercent(delta, base ?? 0));
}

const withChange = (value: string, change: string | undefined) =>
  change === undefined ? value : `${value}<br><sub>${change}</sub>`;

/**
 * One platform's section (or several alike ones', under `label`): the layers added, removed and
 * rebuilt, in build order, the paths that changed, the unchanged layers collapsed.
 */
function platformSection(
  section: PlatformSection,
  limits: Limits,
  label: string,
  chartLabel = label,
  note?: string,
): { blocks: string[]; trimmed: boolean } {
  const p = section.platform;
  const blocks: string[] = [];
  let trimmed = false;
  // Rows come largest first, so a trimmed list keeps the largest; shown in build order, added
  // layers before the removed ones (those by their place in the baseline).
  const list = (rows: LayerRow[], limit: number, withChange: boolean, what: string) => {
    const shown = rows.slice(0, limit);
    trimmed ||= shown.length < rows.length;
    shown.sort(
      (a, b) => Number(a.change === 'removed') - Number(b.change === 'removed') || a.position - b.position,
    );
    return layerTable(shown, rows.slice(shown.length), withChange, what);
  };

  if (section.kind !== 'compared') {
    const summary = `${section.kind === 'new' ? 'New platform: ' : ''}${plural(p.layers.length, 'layer')}, ${formatBytes(p.compressed)} compressed`;
    blocks.push(`#### ${label}`);
    if (limits.chart) blocks.push(...chart(section, chartLabel));
    blocks.push(details(summary, list(section.changed, limits.changed, false, 'layer')));
    return { blocks, trimmed };
  }

  // Layers in the base row are counted there, not as added or removed.
  const added = section.changed.filter((r) => r.change === 'added').length;
  const removed = section.changed.filter((r) => r.change === 'removed').length;
  const rebuilt = p.changes!.rebuilt?.length ?? 0;
  const changeSummary =
    [
      added && `${plural(added, 'layer')} added`,
      removed && `${plural(removed, 'layer')} removed`,
      rebuilt && `${grouped(rebuilt)} rebuilt with the same content`,
    ]
      .filter(Boolean)
      .join(', ') || 'no layer changed';
  const baseChanged = section.changed.some((r) => r.change === 'base');
  const heading = !baseChanged
    ? changeSummary
    : added + removed + rebuilt > 0
      ? `base changed, ${changeSummary}`
      : 'base changed';
  blocks.push(`#### ${label}: ${heading}`);
  if (note) blocks.push(note);
  if (limits.chart) blocks.push(...chart(section, chartLabel));
  if (section.changed.length > 0) blocks.push(list(section.changed, limits.changed, true, 'changed layer'));
  const paths = pathSection(p.paths ?? [], limits.paths);
  if (paths) blocks.push(paths);
  if (section.unchanged.length > 0) {
    const unchangedBytes = section.unchanged.reduce((sum, r) => sum + r.layer.compressed, 0);
    const layerCount = section.unchanged.reduce((sum, r) => sum + r.count, 0);
    const fromBase = section.unchanged.find((r) => r.base !== undefined)?.count ?? 0;
    const summary =
      `${plural(layerCount, 'unchanged layer')}` +
      (fromBase > 0
        ? ` (${fromBase === layerCount ? 'the base image' : `${grouped(fromBase)} of the base image`})`
        : '') +
      `, ${formatBytes(unchangedBytes)} compressed`;
    blocks.push(details(summary, list(section.unchanged, limits.unchanged, false, 'unchanged layer')));
  }
  return { blocks, trimmed };
}

/**
 * "Which paths changed": the top paths of the merged filesystem by change (path-delta.ts rolls
 * them up by directory), with new, removed, grown or shrunk. Path names are the image's: shown
 * as escaped code, never as markdown or HTML. '' when there is nothing to show.
 */
function pathSection(paths: PathChange[], limit: number): string {
  if (paths.length === 0 || limit === 0) return '';
  const shown = paths.slice(0, limit);
  const grew = paths.filter((c) => c.delta > 0).reduce((sum, c) => sum + c.delta, 0);
  const shrank = paths.filter((c) => c.delta < 0).reduce((sum, c) => sum - c.delta, 0);
  const status = (c: PathChange) =>
    c.status === 'new'
      ? 'new'
      : c.status === 'removed'
        ? 'removed'
        : `${bytes(c.before)} → ${bytes(c.after)}`;
  const rows = shown.map(
    (c) =>
      `| ${codeSpan(c.path, { table: true, limit: LIMITS.path }) || '–'} | ${signedBytes(c.delta)} | ${status(c)} |`,
  );
  const more =
    paths.length > shown.length
      ? `\n\n<sub>…and ${plural(paths.length - shown.length, 'smaller path')}: the \`size-report\` output lists them.</sub>`
      : '';
  const summary =
    `📂 Paths that changed: ${[grew && `${formatDelta(grew)} grew`, shrank && `${formatBytes(shrank)} shrank`].filter(Boolean).join(', ')}` +
    ` (uncompressed, top ${grouped(shown.length)})`;
  const table = ['| Path | Change | Before → after |', '| :-- | --: | --: |', ...rows].join('\n');
  return details(summary, table + more);
}

/**
 * "Ways to shrink this image": the findings largest first, the first few in a table, the rest
 * collapsed. Messages and fixes quote the Dockerfile: escaped, `code` kept as code. Each row says
 * how to silence its rule.
 */
function adviceSection(
  advice: AdviceEntry[],
  platformCount: number,
  limit: number,
  context?: RenderContext,
): string {
  const total = savingsTotal(advice);
  const files = new Set(advice.map((a) => a.file));
  const oneFile = files.size === 1 ? [...files][0] : undefined;
  const shown = advice.slice(0, Math.min(limit, MAX_ADVICE_ROWS));
  const where = oneFile ? ` in ${codeSpan(oneFile, { limit: LIMITS.file })}` : '';
  const lines = [
    // Findings that claim no saving (a question, a suggestion) make no "up to 0 B".
    `#### 💡 Ways to shrink this image${total > 0 ? `: up to ${bytes(total)}` : ''}`,
    '',
    `${plural(advice.length, 'finding')}${where}, largest savings first ` +
      '(uncompressed bytes; two fixes can save the same bytes).',
  ];
  const row = (a: AdviceEntry) => {
    const span = a.endLine > a.line ? `${a.line}–${a.endLine}` : String(a.line);
    const linked = lineLink(a.file, a.line, span, context);
    const place = oneFile ? linked : `${codeSpan(a.file, { table: true, limit: LIMITS.file })} ${linked}`;
    const only =
      a.platforms.length < platformCount
        ? `<br><sub>only on ${a.platforms.map((p) => codeSpan(p, { table: true, limit: LIMITS.platform })).join(', ')}</sub>`
        : '';
    const what = `${codeSpan(a.rule, { table: true, limit: LIMITS.rule })} ${ruleText(a.message)}`;
    const saved = savedBy(a);
    const saves = saved !== undefined ? unbrokenBytes(saved) : '–';
    const silence = `<br><sub>${ruleText(silenceHint(a.rule))}</sub>`;
    return `| ${saves} | ${place} | ${what}<br>**Fix:** ${ruleText(a.fix)}${silence}${only} |`;
  };
  const table = (rows: AdviceEntry[]) =>
    ['| Saves | Line | Finding |', '| --: | --: | :-- |', ...rows.map(row)].join('\n');
  const first = shown.slice(0, ADVICE_ROWS_OPEN);
  const rest = shown.slice(ADVICE_ROWS_OPEN);
  if (first.length > 0) lines.push('', table(first));
  if (rest.length > 0) {
    const restBytes = savingsTotal(rest);
    lines.push(
      '',
      details(`${plural(rest.length, 'more finding')}, up to ${formatBytes(restBytes)}`, table(rest)),
    );
  }
  if (shown.length < advice.length) {
    const left = advice.slice(shown.length);
    const leftBytes = savingsTotal(left);
    lines.push(
      '',
      `<sub>…and ${plural(left.length, 'smaller finding')} (${formatBytes(leftBytes)}) not shown: ` +
        'the `size-report` output has them all.</sub>',
    );
  }
  return lines.join('\n');
}

/** A rule's message or fix: prose escaped, and what it puts in backticks as code. */
function ruleText(text: string): string {
  const parts = sanitize(text, { limit: LIMITS.advice }).split('`');
  // An odd backtick (the author's, inside a quote) opens nothing: shown as a backtick in code.
  const odd = parts.length % 2 === 0 ? parts.splice(-2, 2) : undefined;
  const rendered = parts.map((part, i) => (i % 2 === 1 ? codeSpan(part, { table: true }) : prose(part)));
  if (odd) rendered.push(prose(odd[0]), codeSpan('`'), prose(odd[1]));
  return rendered.join('');
}

/** Prose between code spans: escaped, with the spaces that part it from them kept. */
function prose(text: string): string {
  const escaped = escapeMarkdown(text);
  if (escaped === '') return text === '' ? '' : ' ';
  return `${/^\s/.test(text) ? ' ' : ''}${escaped}${/\s$/.test(text) ? ' ' : ''}`;
}

function layerTable(shown: LayerRow[], hidden: LayerRow[], withChangeColumn: boolean, what: string): string {
  const lines: string[] = [];
  if (shown.length > 0) {
    const header = ['Layer', 'Compressed', 'Uncompressed', 'Created by'];
    const align = ['--:', '--:', '--:', ':--'];
    if (withChangeColumn) {
      header.unshift('');
      align.unshift(':-:');
    }
    lines.push(`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...shown.map((r) => r.markdown));
  }
  if (hidden.length > 0) {
    const hiddenBytes = hidden.reduce((sum, r) => sum + r.layer.compressed, 0);
    const hiddenCount = hidden.reduce((sum, r) => sum + r.count, 0);
    const more =
      shown.length > 0 ? `…and ${plural(hiddenCount, `smaller ${what}`)}` : plural(hiddenCount, what);
    if (lines.length > 0) lines.push('');
    lines.push(`<sub>${more} (${formatBytes(hiddenBytes)} compressed) not shown.</sub>`);
  }
  return lines.join('\n');
}

// `<summary>` opens an HTML block, where markdown is not parsed: only our own text goes there.
const details = (summary: string, body: string) =>
  `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;

/**
 * A bar per layer (the largest ones when there are many), in image order, labelled by layer
 * number, `+` for an added layer: author text never reaches Mermaid except the platform names,
 * reduced to safe characters. Added layers are a second series in their own colour, drawn over
 * the first (Mermaid puts series at one x on top of each other): the first has 0 where the
 * second has the bar, the y-axis starts at 0, so no stub shows.
 */
function chart(section: PlatformSection, title: string): string[] {
  const p = section.platform;
  if (p.layers.length === 0) return [];
  const added = new Set(section.kind === 'compared' ? p.changes!.added.map((l) => l.digest) : []);
  const chosen = p.layers
    .map((layer, i) => ({ layer, position: i + 1 }))
    .sort((a, b) => b.layer.compressed - a.layer.compressed)
    .slice(0, MAX_CHART_BARS)
    .sort((a, b) => a.position - b.position);
  const largest = chosen.reduce((max, c) => Math.max(max, c.layer.compressed), 0);
  const [unit, scale] =
    largest >= 1e9 ? ['GB', 1e9] : largest >= 1e6 ? ['MB', 1e6] : largest >= 1e3 ? ['kB', 1e3] : ['B', 1];
  const which = chosen.length < p.layers.length ? `${chosen.length} largest layers` : 'per layer';
  const barLabel = (c: (typeof chosen)[number]) => `"${added.has(c.layer.digest) ? '+' : ''}${c.position}"`;
  const isAdded = (c: (typeof chosen)[number]) => added.has(c.layer.digest);
  const series = (keep: (c: (typeof chosen)[number]) => boolean) =>
    `  bar [${chosen.map((c) => (keep(c) ? chartValue(c.layer.compressed / scale) : 0)).join(', ')}]`;
  const bars = added.size > 0 ? [series((c) => !isAdded(c)), series(isAdded)] : [series(() => true)];
  return [
    [
      '```mermaid',
      added.size > 0 ? CHART_STYLE_ADDED : CHART_STYLE,
      'xychart-beta',
      `  title "${mermaidText(title, { limit: LIMITS.platform * 4 })}: compressed ${unit}, ${which}` +
        `${added.size > 0 ? ' (+ added, in blue)' : ''}"`,
      `  x-axis "Layer" [${chosen.map(barLabel).join(', ')}]`,
      // From 0: Mermaid's own range starts at the smallest bar, which would then look empty.
      `  y-axis "${unit}" 0 --> ${axisTop(largest / scale)}`,
      ...bars,
      '```',
    ].join('\n'),
  ];
}

/** A bar's height in the chart's unit: three significant digits, so a 300 B layer is never 0 MB. */
function chartValue(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

/**
 * A round top for the y-axis a little above the largest bar, on a step of 1, 2 or 5 times a
 * power of ten: 14.8 -> 16, 0.25 -> 0.3, so that Mermaid's ticks stay few and round.
 */
function axisTop(largest: number): number {
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest * 1.05));
  const step = [1, 2, 5, 10].map((f) => (f * power) / 5).find((s) => Math.ceil((largest * 1.05) / s) <= 6)!;
  return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}

// Low, in GitHub's grey; added layers in GitHub's blue.
const CHART_CONFIG =
  '"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}, "yAxis": {"labelFontSize": 11}}';
const CHART_STYLE = `%%{init: {${CHART_CONFIG}, "themeVariables": {"xyChart": {"plotColorPalette": "#8c959f"}}}}%%`;
const CHART_STYLE_ADDED = `%%{init: {${CHART_CONFIG}, "themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #0969da"}}}}%%`;

function trimNote(listsTrimmed: boolean, chartLeftOut: boolean): string {
  const what = [
    listsTrimmed && 'layer lists show only the largest layers',
    chartLeftOut && 'the layer chart is left out',
  ].filter(Boolean);
  return (
    `✂️ **Trimmed to fit a GitHub comment** (${grouped(GITHUB_COMMENT_LIMIT)} characters): ` +
    `${what.join('; ')}. The \`size-report\` output has every layer.`
  );
}

function footer(context?: RenderContext): string {
  const where = contextLine(context);
  return (
    (where ? `<sub>${where}</sub>\n\n` : '') +
    '<sub>📦 Reported by shipshape. Sizes in decimal units (1 MB = 1,000,000 bytes); hover a size for its bytes. ' +
    'Compressed: what a pull downloads. Wasted: bytes of files that later layers hide. ' +
    'New to pull: compressed layers the baseline does not have. ' +
    'Icons: 🔸🔶🔺 growth and 🔹🔷🔻 shrink (tiny, small, large: `change-thresholds`); ✅ ⚠️ ❌ the size budget.</sub>'
  );
}

/** `Commit abc1234 · workflow run · updated 2026-12-05 05:20 UTC`, each part only when sound. */
function contextLine(context: RenderContext | undefined): string {
  if (!context) return '';
  const parts: string[] = [];
  const repo = repositoryUrl(context);
  if (repo && /^[0-9a-f]{7,64}$/.test(context.sha))
    parts.push(`Commit [${context.sha.slice(0, 7)}](${repo}/commit/${context.sha})`);
  if (repo && context.runId && /^\d{1,20}$/.test(context.runId))
    parts.push(`[workflow run](${repo}/actions/runs/${context.runId})`);
  const at = context.updatedAt && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.exec(context.updatedAt);
  if (at) parts.push(`updated ${at[0].replace('T', ' ')} UTC`);
  return parts.join(' · ');
}

/** `https://github.com/owner/name`, or undefined when a part is not what GitHub would give. */
function repositoryUrl(context: RenderContext): string | undefined {
  const server = context.serverUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/.test(server)) return undefined;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(context.repository)) return undefined;
  return `${server}/${context.repository}`;
}

/** The line `span` of `file` at the report's commit, as a link; the plain span without a sound context. */
function lineLink(file: string, line: number, span: string, context: RenderContext | undefined): string {
  const repo = context && repositoryUrl(context);
  if (!repo || !/^[0-9a-f]{7,64}$/.test(context.sha)) return span;
  // Every segment percent-encoded (and the characters encodeURIComponent leaves that end a link).
  const path = file
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
  if (path === '' || path.split('/').includes('..')) return span;
  return `[${span}](${repo}/blob/${context.sha}/${path}#L${line})`;
}

/** Last resort (thousands of platforms or violations): whole lines, open `<details>` closed. */
function cutShort(body: string, maxLength: number, key: string, context?: RenderContext): string {
  const note =
    '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.';
  const tail = ['', note, footer(context), commentMarker(key)].join('\n\n');
  const lines = body.split('\n');
  const kept: string[] = [];
  let length = 0;
  let open = 0;
  for (const line of lines) {
    const opens = open + count(line, '<details>') - count(line, '</details>');
    const closing = size('\n\n</details>') * opens;
    if (length + size(line) + 1 + closing + size(tail) > maxLength) break;
    kept.push(line);
    length += size(line) + 1;
    open = opens;
  }
  return [kept.join('\n').trimEnd(), ...Array<string>(open).fill('</details>')].join('\n\n') + tail;
}

/** The length that must stay under the limit: UTF-8 bytes. */
export const size = (markdown: string) => Buffer.byteLength(markdown, 'utf8');

const count = (text: string, part: string) => text.split(part).length - 1;

// ---- Numbers. ----

const grouped = (n: number) => String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `12.3 MB` with the exact bytes in a tooltip (GitHub keeps `title` on `span`). */
function bytes(value: number | null): string {
  if (value === null) return '–';
  return `<span title="${value < 0 ? '-' : ''}${grouped(value)} bytes">${formatBytes(value)}</span>`;
}

/** `bytes`, never wrapped between number and unit (a narrow column beside long text). */
function unbrokenBytes(value: number): string {
  return `<span title="${grouped(value)} bytes">${formatBytes(value).replace(' ', '&nbsp;')}</span>`;
}

function signedBytes(delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
  return `<span title="${sign}${grouped(delta)} bytes">${formatDelta(delta)}</span>`;
}

function deltaWithPercent(delta: number, base: number): string {
  // `<0.1%` as entities: a `<` in markdown is best never left to the parser.
  const percent = formatPercent(delta, base).replace('<', '&lt;').replace('>', '&gt;');
  return percent ? `${signedBytes(delta)} (${percent})` : signedBytes(delta);
}

const signedCount = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n));

const plural = (n: number, noun: string) => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
