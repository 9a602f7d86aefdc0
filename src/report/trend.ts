/**
 * The trend a pull request's report shows: the base branch's compressed size over its last 30
 * records of the history (report/history.ts), one series per platform (at most 4), and where
 * this image would land; and the sentence that says it ("main grew 12% in the last 30 pushes;
 * this PR adds 0.3%"). Plain data: render/trend.ts draws it.
 */
import type { HistoryRecord } from './history.js';
import type { SizeReport } from './size-report.js';

export const TREND_WINDOW = 30;
export const TREND_MAX_PLATFORMS = 4;

export interface TrendSeries {
  platform: string;
  /** Compressed bytes per record of the window, oldest first; null where that push lacked the platform. */
  points: (number | null)[];
  /** This image's compressed bytes on the platform; null when it has none. */
  landing: number | null;
}

export interface Trend {
  /** The branch, as people name it: `main`. */
  branch: string;
  /** The window's commits, oldest first (the x-axis). */
  commits: string[];
  series: TrendSeries[];
  /** Platforms left out beyond TREND_MAX_PLATFORMS. */
  platformsLeftOut: number;
  /** The branch's change over the window, in percent of its first record; null with one record. */
  growth: number | null;
  /** This image against the branch's last record, in percent; null when no platform is on both. */
  change: number | null;
}

/**
 * The trend of `branch` (records whose ref is `refs/heads/<branch>`) and where `report` lands,
 * or undefined when the history has no record of that branch.
 */
export function buildTrend(
  records: readonly HistoryRecord[],
  branch: string,
  report: Pick<SizeReport, 'platforms'>,
  window = TREND_WINDOW,
): Trend | undefined {
  const ref = `refs/heads/${branch}`;
  const mine = records.filter((r) => r.ref === ref).slice(-window);
  if (mine.length === 0) return undefined;
  const last = mine[mine.length - 1];
  // This image's platforms first (their order), then the branch's others: the ones a reader asked about.
  const names = [
    ...new Set([
      ...report.platforms.map((p) => p.platform).filter((name) => mine.some((r) => has(r, name))),
      ...last.platforms.map((p) => p.platform),
      ...mine.flatMap((r) => r.platforms.map((p) => p.platform)),
    ]),
  ];
  const shown = names.slice(0, TREND_MAX_PLATFORMS);
  const series = shown.map((platform) => ({
    platform,
    points: mine.map((r) => r.platforms.find((p) => p.platform === platform)?.compressed ?? null),
    landing: report.platforms.find((p) => p.platform === platform)?.compressed ?? null,
  }));
  return {
    branch,
    commits: mine.map((r) => r.commit),
    series,
    platformsLeftOut: names.length - shown.length,
    growth: mine.length > 1 ? percent(total(mine[0], shown, last), total(last, shown, mine[0])) : null,
    change: landingChange(last, report),
  };
}

const has = (r: HistoryRecord, platform: string) => r.platforms.some((p) => p.platform === platform);

// Compressed bytes of `r` over the platforms of `among` that `other` has too: like with like.
function total(r: HistoryRecord, among: string[], other: HistoryRecord): number {
  return r.platforms
    .filter((p) => among.includes(p.platform) && has(other, p.platform))
    .reduce((sum, p) => sum + p.compressed, 0);
}

function landingChange(last: HistoryRecord, report: Pick<SizeReport, 'platforms'>): number | null {
  const common = report.platforms.filter((p) => has(last, p.platform));
  if (common.length === 0) return null;
  const before = common.reduce(
    (s, p) => s + last.platforms.find((q) => q.platform === p.platform)!.compressed,
    0,
  );
  const after = common.reduce((s, p) => s + p.compressed, 0);
  return percent(before, after);
}

function percent(before: number, after: number): number | null {
  if (before === 0) return null;
  return ((after - before) / before) * 100;
}

/** `12%`, `0.3%`, `<0.1%`: one decimal below 10, none above. */
function percentText(value: number): string {
  const abs = Math.abs(value);
  if (abs > 0 && abs < 0.05) return '<0.1%';
  return `${abs >= 9.95 ? abs.toFixed(0) : abs.toFixed(1)}%`;
}

/**
 * One sentence: "main grew 12% in the last 30 pushes; this PR adds 0.3%". The branch name is the
 * author's text: the renderer escapes the sentence as a whole.
 */
export function trendSentence(trend: Trend, subject = 'this PR'): string {
  const pushes = trend.commits.length;
  let first: string;
  if (trend.growth === null)
    first = `${trend.branch} has ${pushes === 1 ? 'one push' : `${pushes} pushes`} on record`;
  else {
    const verb =
      Math.abs(trend.growth) < 0.05 ? 'stayed the same size' : trend.growth > 0 ? 'grew' : 'shrank';
    const by = verb === 'stayed the same size' ? '' : ` ${percentText(trend.growth)}`;
    first = `${trend.branch} ${verb}${by} in the last ${pushes} pushes`;
  }
  if (trend.change === null) return first;
  const second =
    Math.abs(trend.change) < 0.0005
      ? `${subject} changes nothing`
      : `${subject} ${trend.change > 0 ? 'adds' : 'removes'} ${percentText(trend.change)}`;
  return `${first}; ${second}`;
}
