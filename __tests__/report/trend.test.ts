import { expect, test } from '@jest/globals';
import { buildTrend, trendSentence, TREND_WINDOW } from '../../src/report/trend.js';
import type { HistoryRecord } from '../../src/report/history.js';

const rec = (n: number, sizes: Record<string, number>, ref = 'refs/heads/main'): HistoryRecord => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  commit: `commit${n}`,
  ref,
  digest: `sha256:${String(n).padStart(64, '0')}`,
  platforms: Object.entries(sizes).map(([platform, compressed]) => ({
    platform,
    compressed,
    uncompressed: null,
    wasted: null,
    layers: 1,
  })),
});
const pr = (sizes: Record<string, number>) =>
  ({
    platforms: Object.entries(sizes).map(([platform, compressed]) => ({ platform, compressed })),
  }) as never;

test('the base branch only, its last 30 records, oldest first, and where the PR lands', () => {
  const records = [
    ...Array.from({ length: 40 }, (_, i) => rec(i, { 'linux/amd64': 1000 + i })),
    rec(100, { 'linux/amd64': 1 }, 'refs/tags/v1.0.0'),
    rec(101, { 'linux/amd64': 1 }, 'refs/heads/other'),
  ];
  const trend = buildTrend(records, 'main', pr({ 'linux/amd64': 1042 }))!;
  expect(trend.commits).toHaveLength(TREND_WINDOW);
  expect(trend.commits[0]).toBe('commit10');
  expect(trend.series).toEqual([
    { platform: 'linux/amd64', points: Array.from({ length: 30 }, (_, i) => 1010 + i), landing: 1042 },
  ]);
});

test('the sentence: growth over the window and the PR against the last record', () => {
  const records = [rec(1, { a: 1000, b: 1000 }), rec(2, { a: 1100, b: 1140 })];
  const trend = buildTrend(records, 'main', pr({ a: 1100, b: 1146.72 }))!;
  expect(trend.growth).toBeCloseTo(12);
  expect(trendSentence(trend)).toBe('main grew 12% in the last 2 pushes; this PR adds 0.3%');
});

test.each([
  [[1000, 900], 900, 'main shrank 10% in the last 2 pushes; this PR changes nothing'],
  [[1000, 1000], 990, 'main stayed the same size in the last 2 pushes; this PR removes 1.0%'],
  [[1000], 1000.1, 'main has one push on record; this PR adds <0.1%'],
])('sizes %j, PR %d: %s', (sizes, landing, sentence) => {
  const trend = buildTrend(
    sizes.map((s, i) => rec(i, { a: s })),
    'main',
    pr({ a: landing }),
  )!;
  expect(trendSentence(trend)).toBe(sentence);
});

test('no record of the branch: no trend', () => {
  expect(buildTrend([rec(1, { a: 1 }, 'refs/heads/dev')], 'main', pr({ a: 1 }))).toBeUndefined();
});

test("at most 4 platforms, the PR image's first; the rest counted", () => {
  const sizes = { p1: 1, p2: 2, p3: 3, p4: 4, p5: 5, p6: 6 };
  const trend = buildTrend([rec(1, sizes)], 'main', pr({ p6: 6, p5: 5 }))!;
  expect(trend.series.map((s) => s.platform)).toEqual(['p6', 'p5', 'p1', 'p2']);
  expect(trend.platformsLeftOut).toBe(2);
});

test('a platform a push lacked is null at that point', () => {
  const trend = buildTrend([rec(1, { a: 5 }), rec(2, { a: 6, b: 7 })], 'main', pr({ a: 6 }))!;
  expect(trend.series.find((s) => s.platform === 'b')).toEqual({
    platform: 'b',
    points: [null, 7],
    landing: null,
  });
});
