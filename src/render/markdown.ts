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
import { formatBytes, formatDelta, formatPercent } from './format.js';
import { GRADE_ICONS, gradeChange } from './icons.js';
import type { AdviceEntry, LayerReport, PlatformReport, SizeReport } from '../report/size-report.js';
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
  /** Replaces "Image size" in the heading. */
  title?: string;
  /**
   * Default 65,000; counted in UTF-8 bytes, never fewer than characters however GitHub counts
   * them (emoji, CJK text in an instruction).
   */
  maxLength?: number;
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
} as const;
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
  for (const chart of options.chart ? [true, false] : [false]) {
    const all: Limits = { changed: Infinity, unchanged: Infinity, chart, advice: Infinity };
    if (fits(all)) return render(all);
    // Unchanged layers go first: they are collapsed and least read.
    const unchanged = largestFitting(longest('unchanged'), (n) => fits({ ...all, unchanged: n }));
    if (unchanged !== undefined) return render({ ...all, unchanged });
    const changed = largestFitting(longest('changed'), (n) => fits({ ...all, unchanged: 0, changed: n }));
    if (changed !== undefined) return render({ ...all, unchanged: 0, changed });
  }
  // Advice is what a reader can act on: trimmed after every layer list and the chart.
  const bare: Limits = { changed: 0, unchanged: 0, chart: false, advice: 0 };
  const advice = largestFitting(report.advice?.length ?? 0, (n) => fits({ ...bare, advice: n }));
  if (advice !== undefined) return render({ ...bare, advice });
  const body = renderBody(report, prepared, options, bare).blocks;
  return cutShort(body.join('\n\n'), maxLength, options.key);
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
  /** 1-based position in the image; null for a baseline layer that is gone. */
  position: number | null;
  layer: LayerReport;
  change: 'added' | 'removed' | null;
  markdown: string;
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
    const positioned = platform.layers.map((layer, i) => ({ layer, position: i + 1 }));
    const changes = platform.changes;
    if (!changes || !platform.baseline) {
      const rows = positioned.map(({ layer, position }) => layerRow(layer, position, null));
      return {
        platform,
        kind: report.baseline ? 'new' : 'alone',
        changed: largestFirst(rows),
        unchanged: [],
      };
    }
    const added = new Set(changes.added.map((l) => l.digest));
    const addedRows = positioned
      .filter(({ layer }) => added.has(layer.digest))
      .map(({ layer, position }) => layerRow(layer, position, 'added'));
    const removedRows = changes.removed.map((layer) => layerRow(layer, null, 'removed'));
    const unchangedRows = positioned
      .filter(({ layer }) => !added.has(layer.digest))
      .map(({ layer, position }) => layerRow(layer, position, null));
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

function layerRow(layer: LayerReport, position: number | null, change: LayerRow['change']): LayerRow {
  const number =
    position === null
      ? ''
      : `<span title="${escapeHtml(layer.digest, { limit: LIMITS.digest })}">${position}</span>`;
  const cells = [number, bytes(layer.compressed), bytes(layer.uncompressed), instruction(layer.createdBy)];
  if (change !== null) cells.unshift(change === 'added' ? '➕' : '➖');
  return { position, layer, change, markdown: `| ${cells.join(' | ')} |` };
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
  blocks.push(footer(), commentMarker(options.key));
  return blocks.join('\n\n');
}

/** Everything above the notes and the footer; `trimmed` when a layer list left rows out. */
function renderBody(
  report: SizeReport,
  prepared: Prepared,
  options: RenderOptions,
  limits: Limits,
): { blocks: string[]; trimmed: boolean } {
  const blocks: string[] = [...headline(report, options.title)];
  if (options.budget) blocks.push(budgetBlock(options.budget));
  blocks.push(platformTable(report));
  if (report.removedPlatforms.length > 0) {
    const names = report.removedPlatforms.map((p) => codeSpan(p, { limit: LIMITS.platform }));
    blocks.push(`➖ **Platforms removed:** ${names.join(', ')}`);
  }
  if (report.advice && report.advice.length > 0) {
    blocks.push(adviceSection(report.advice, report.platforms.length, limits.advice));
  }
  let trimmed = false;
  for (const section of prepared.sections) {
    const rendered = platformSection(section, limits);
    trimmed ||= rendered.trimmed;
    blocks.push(...rendered.blocks);
  }
  return { blocks, trimmed };
}

function headline(report: SizeReport, title: string | undefined): string[] {
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
  const compared = report.platforms.filter((p) => p.delta && p.baseline);
  if (compared.length === 0) {
    return [
      `### ${GRADE_ICONS['no-baseline']} ${name}: no platform in common with the baseline`,
      `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}; ` +
        `the baseline ${baseline} has none of them.`,
    ];
  }
  const before = compared.reduce((sum, p) => sum + p.baseline!.compressed, 0);
  const after = compared.reduce((sum, p) => sum + p.compressed, 0);
  const delta = after - before;
  const icon = GRADE_ICONS[gradeChange(delta, before)];
  const change = delta === 0 ? 'no change' : deltaWithPercent(delta, before);
  const scope =
    compared.length === report.platforms.length
      ? platformCount
      : `the ${plural(compared.length, 'platform')} both images have`;
  return [
    `### ${icon} ${name}: ${change}`,
    `${image} compared with ${baseline}: compressed size (what a pull downloads) ` +
      `${bytes(before)} → ${bytes(after)}, ${scope}.`,
  ];
}

function budgetBlock(budget: Budget): string {
  if (budget.status === 'pass') return '✅ **Size budget:** every rule holds.';
  const fails = budget.status === 'fail';
  const blocks: string[] = [];
  if (budget.violations.length > 0) {
    const verdict = fails
      ? '❌ **Size budget exceeded:** this check fails.'
      : '⚠️ **Size budget exceeded** (a warning: `budget-action` is `warn`).';
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
      `${fails ? '❌' : '⚠️'} **Size budget not checked:** ${rules.join(', ')} ` +
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
      `${fails ? '❌' : '⚠️'} **Size budget not checked:** ${rules.join(', ')} ` +
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

function platformTable(report: SizeReport): string {
  const compared = report.baseline !== null;
  const header = ['Platform', 'Compressed', 'Uncompressed', 'Wasted', 'Layers'];
  if (compared) header.push('New to pull');
  const rows = report.platforms.map((p) => {
    const icon = GRADE_ICONS[gradeChange(p.delta?.compressed ?? null, p.baseline?.compressed ?? 0)];
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

function platformSection(section: PlatformSection, limits: Limits): { blocks: string[]; trimmed: boolean } {
  const p = section.platform;
  const name = codeSpan(p.platform, { limit: LIMITS.platform });
  const blocks: string[] = [];
  let trimmed = false;
  // Rows come largest first, so a trimmed list keeps the largest; `image` order then shows
  // them as the Dockerfile made them.
  const list = (rows: LayerRow[], limit: number, order: 'size' | 'image', what: string) => {
    const shown = rows.slice(0, limit);
    trimmed ||= shown.length < rows.length;
    if (order === 'image') shown.sort((a, b) => a.position! - b.position!);
    return layerTable(shown, rows.slice(shown.length), order === 'size', what);
  };

  if (section.kind !== 'compared') {
    const summary = `${section.kind === 'new' ? 'New platform: ' : ''}${plural(p.layers.length, 'layer')}, ${formatBytes(p.compressed)} compressed`;
    blocks.push(`#### ${name}`);
    if (limits.chart) blocks.push(...chart(section));
    blocks.push(details(summary, list(section.changed, limits.changed, 'image', 'layer')));
    return { blocks, trimmed };
  }

  const added = p.changes!.added.length;
  const removed = p.changes!.removed.length;
  const changeSummary =
    added + removed === 0
      ? 'no layer changed'
      : [added && `${plural(added, 'layer')} added`, removed && `${plural(removed, 'layer')} removed`]
          .filter(Boolean)
          .join(', ');
  blocks.push(`#### ${name}: ${changeSummary}`);
  if (limits.chart) blocks.push(...chart(section));
  if (added + removed > 0) blocks.push(list(section.changed, limits.changed, 'size', 'changed layer'));
  if (section.unchanged.length > 0) {
    const unchangedBytes = section.unchanged.reduce((sum, r) => sum + r.layer.compressed, 0);
    const summary = `${plural(section.unchanged.length, 'unchanged layer')}, ${formatBytes(unchangedBytes)} compressed`;
    blocks.push(details(summary, list(section.unchanged, limits.unchanged, 'image', 'unchanged layer')));
  }
  return { blocks, trimmed };
}

/**
 * "Ways to shrink this image": the findings largest first, the first few in a table, the rest
 * collapsed. Messages and fixes quote the Dockerfile: escaped, `code` kept as code.
 */
function adviceSection(advice: AdviceEntry[], platformCount: number, limit: number): string {
  const total = savingsTotal(advice);
  const files = new Set(advice.map((a) => a.file));
  const oneFile = files.size === 1 ? [...files][0] : undefined;
  const shown = advice.slice(0, Math.min(limit, MAX_ADVICE_ROWS));
  const where = oneFile ? ` in ${codeSpan(oneFile, { limit: LIMITS.file })}` : '';
  const lines = [
    `#### 💡 Ways to shrink this image: up to ${bytes(total)}`,
    '',
    `${plural(advice.length, 'finding')}${where}, largest savings first ` +
      '(uncompressed bytes; two fixes can save the same bytes).',
  ];
  const row = (a: AdviceEntry) => {
    const span = a.endLine > a.line ? `${a.line}–${a.endLine}` : String(a.line);
    const place = oneFile ? span : `${codeSpan(a.file, { table: true, limit: LIMITS.file })} ${span}`;
    const only =
      a.platforms.length < platformCount
        ? `<br><sub>only on ${a.platforms.map((p) => codeSpan(p, { table: true, limit: LIMITS.platform })).join(', ')}</sub>`
        : '';
    const what = `${codeSpan(a.rule, { table: true, limit: LIMITS.rule })} ${ruleText(a.message)}`;
    const saved = savedBy(a);
    const saves = saved !== undefined ? unbrokenBytes(saved) : '–';
    return `| ${saves} | ${place} | ${what}<br>**Fix:** ${ruleText(a.fix)}${only} |`;
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
    const more =
      shown.length > 0 ? `…and ${plural(hidden.length, `smaller ${what}`)}` : plural(hidden.length, what);
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
 * number, `+` for an added layer: author text never reaches Mermaid except the platform, reduced
 * to safe characters. One series: Mermaid draws every bar down past its zero line, so a second
 * series of zeros (for colour) would leave a stub under each bar of the first.
 */
function chart(section: PlatformSection): string[] {
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
  const label = (c: (typeof chosen)[number]) => `"${added.has(c.layer.digest) ? '+' : ''}${c.position}"`;
  return [
    [
      '```mermaid',
      CHART_STYLE,
      'xychart-beta',
      `  title "${mermaidText(p.platform, { limit: LIMITS.platform })}: compressed ${unit}, ${which}` +
        `${added.size > 0 ? ' (+ added)' : ''}"`,
      `  x-axis "Layer" [${chosen.map(label).join(', ')}]`,
      // From 0: Mermaid's own range starts at the smallest bar, which would then look empty.
      `  y-axis "${unit}" 0 --> ${axisTop(largest / scale)}`,
      `  bar [${chosen.map((c) => Number((c.layer.compressed / scale).toFixed(2))).join(', ')}]`,
      '```',
    ].join('\n'),
  ];
}

/** A round top for the y-axis a little above the largest bar: 14.8 -> 16, 0.25 -> 0.28. */
function axisTop(largest: number): number {
  if (largest <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(largest)) / 5;
  return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}

// Low, in GitHub's grey.
const CHART_STYLE =
  '%%{init: {"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}}, ' +
  '"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f"}}}}%%';

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

function footer(): string {
  return (
    '<sub>📦 Reported by shipshape. Sizes in decimal units (1 MB = 1,000,000 bytes); hover a size for its bytes. ' +
    'Compressed: what a pull downloads. Wasted: bytes of files that later layers hide. ' +
    'New to pull: compressed layers the baseline does not have.</sub>'
  );
}

/** Last resort (thousands of platforms or violations): whole lines, open `<details>` closed. */
function cutShort(body: string, maxLength: number, key: string): string {
  const note =
    '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.';
  const tail = ['', note, footer(), commentMarker(key)].join('\n\n');
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
