/**
 * The size report as a plain-text table for the step log.
 */
import { sanitize } from './escape.js';
import { formatBytes, formatDelta, formatPercent } from './format.js';
import type { BaseImageReport, PlatformReport, SizeReport } from '../report/size-report.js';

export function sizeTable(report: SizeReport): string {
  // Refs and platform names come from registries and saved reports: one line each, controls shown.
  const lines = [`Image ${plain(report.image.ref)} (${plain(report.image.digest)})`];
  const unavailable = report.baselineUnavailable;
  lines.push(
    report.baseline
      ? `Baseline ${plain(report.baseline.ref)} (${plain(report.baseline.digest)})`
      : unavailable
        ? `Baseline ${plain(unavailable.ref)}: unavailable (${unavailable.problem}, see the warning)`
        : 'Baseline: none',
  );
  const header = ['platform', 'compressed', 'uncompressed', 'wasted', 'layers'];
  if (report.baseline) header.push('new to pull', 'change (compressed)');
  const rows = report.platforms.map((p) => row(p, report.baseline !== null));
  lines.push('', ...align([header, ...rows]));
  const bases = report.platforms.flatMap((p) =>
    p.base ? [`${plain(p.platform)}: ${baseText(p.base)}`] : [],
  );
  if (bases.length > 0) lines.push('', 'Base image:', ...bases.map((line) => `  ${line}`));
  return lines.join('\n');
}

/** `debian:bookworm-slim, 3 layers (changed: was node:20, 2 layers)`; names shown, never obeyed. */
function baseText(base: BaseImageReport): string {
  const count = (n: number | null) => (n === null ? 'layers unknown' : `${n} layer${n === 1 ? '' : 's'}`);
  const own = `${plain(base.name)}${base.digest ? `@${plain(base.digest)}` : ''}, ${count(base.layers)}`;
  if (!base.changed) return base.changed === false ? `${own} (unchanged)` : own;
  const old = base.baseline;
  const was = [old?.name ? plain(old.name) : '', old?.layers ? count(old.layers) : ''].filter(Boolean);
  return `${own} (changed${was.length > 0 ? `: was ${was.join(', ')}` : ''})`;
}

function row(p: PlatformReport, withBaseline: boolean): string[] {
  const cells = [
    plain(p.platform),
    formatBytes(p.compressed),
    maybe(p.uncompressed),
    maybe(p.wasted),
    String(p.layers.length),
  ];
  if (withBaseline) {
    cells.push(maybe(p.newToPull));
    cells.push(
      p.delta && p.baseline ? withPercent(p.delta.compressed, p.baseline.compressed) : 'new platform',
    );
  }
  return cells;
}

function withPercent(delta: number, base: number): string {
  const percent = formatPercent(delta, base);
  return percent ? `${formatDelta(delta)} (${percent})` : formatDelta(delta);
}

const plain = (text: string) => sanitize(text, { limit: 200 });

const maybe = (bytes: number | null) => (bytes === null ? '-' : formatBytes(bytes));

function align(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}
