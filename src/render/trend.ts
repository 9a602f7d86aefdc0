/**
 * The trend block of the report (report/trend.ts's data): a collapsed `<details>` whose summary is
 * the trend's sentence, holding a Mermaid line chart of the base branch's compressed size per
 * platform (one line each, at most 4) with this image's size as the last point, and a legend
 * (Mermaid's xychart draws none). The numbers are exact: bytes in the chart's unit with as many
 * decimals as the unit needs. Author text (the branch, platforms, commits) is escaped or reduced
 * to Mermaid's safe characters. Pure: a trend in, a markdown block out.
 */
import { codeSpan, escapeHtml, escapeMarkdown, mermaidText } from './escape.js';
import { trendSentence, type Trend } from '../report/trend.js';

// Fixed colours, so that the legend's squares match the lines (named: a `#` and a digit would
// read as an issue link to our own checks).
const COLOURS = ['royalblue', 'darkorange', 'seagreen', 'crimson'];
const SQUARES = ['🟦', '🟧', '🟩', '🟥'];

const MAX_COMMIT_LABELS = 10;

const UNITS: [string, number, number][] = [
  ['GB', 1e9, 9],
  ['MB', 1e6, 6],
  ['kB', 1e3, 3],
  ['B', 1, 0],
];

/** The collapsed trend block; `subject` names what lands ("this PR"). */
export function renderTrend(trend: Trend, subject = 'this PR'): string {
  // `<summary>` is HTML, where markdown is not parsed: entities, not backslashes.
  const sentence = escapeHtml(trendSentence(trend, subject), { limit: 300 });
  const values = trend.series.flatMap((s) => [...s.points, s.landing]).filter((v): v is number => v !== null);
  const largest = Math.max(0, ...values);
  const [unit, scale, decimals] = UNITS.find(([, size]) => largest >= size) ?? UNITS[UNITS.length - 1];
  const exact = (bytes: number) => Number((bytes / scale).toFixed(decimals));
  // A push that lacked a platform: its line holds the previous figure (Mermaid has no gaps).
  const line = (points: (number | null)[]) => {
    let previous = points.find((p) => p !== null) ?? 0;
    return points.map((p) => exact((previous = p ?? previous)));
  };
  // Short commits while they fit under each other; beyond that, the push's number (1 the oldest).
  const names =
    trend.commits.length <= MAX_COMMIT_LABELS
      ? trend.commits.map((c) => mermaidText(c.slice(0, 7), { limit: 7 }) || '?')
      : trend.commits.map((_, i) => String(i + 1));
  const labels = [...names.map((n) => `"${n}"`), '"PR"'];
  const smallest = Math.min(largest, ...values);
  const chart = [
    '```mermaid',
    `%%{init: {"xyChart": {"height": 300, "titleFontSize": 14}, "themeVariables": {"xyChart": {"plotColorPalette": "${COLOURS.slice(0, trend.series.length).join(', ')}"}}}}%%`,
    'xychart-beta',
    `  title "${mermaidText(trend.branch, { limit: 60 })}: compressed ${unit} per push, then ${mermaidText(subject, { limit: 20 })}"`,
    `  x-axis [${labels.join(', ')}]`,
    // Not from 0: a 2% change on a 40 MB image would be a flat line.
    `  y-axis "${unit}" ${axisBottom(smallest / scale, largest / scale)} --> ${axisTop(largest / scale)}`,
    ...trend.series.map((s) => `  line [${line([...s.points, s.landing]).join(', ')}]`),
    '```',
  ].join('\n');
  const legend = trend.series
    .map((s, i) => `${SQUARES[i]} ${codeSpan(s.platform, { limit: 60 })}`)
    .join(' · ');
  const leftOut =
    trend.platformsLeftOut > 0
      ? ` (${trend.platformsLeftOut} more platform${trend.platformsLeftOut === 1 ? '' : 's'} not drawn)`
      : '';
  const body = [
    chart,
    `${legend}${leftOut}. The last point is ${escapeMarkdown(subject, { limit: 20 })}; the others are the last ${trend.commits.length} pushes recorded in the size history.`,
  ].join('\n\n');
  return `<details><summary>📈 ${sentence}</summary>\n\n${body}\n\n</details>`;
}

/** A round bottom for the y-axis a little below the smallest point (0 when the points span most of the range). */
function axisBottom(smallest: number, largest: number): number {
  if (smallest <= 0 || smallest < largest / 2) return 0;
  const margin = Math.max((largest - smallest) * 0.2, smallest * 0.01);
  const step = 10 ** Math.floor(Math.log10(margin));
  return Number((Math.floor((smallest - margin) / step) * step).toFixed(6));
}

/** A round top for the y-axis a little above the largest point. */
function axisTop(largest: number): number {
  if (largest <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(largest)) / 5;
  return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}
