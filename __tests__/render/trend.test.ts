import { expect, test } from '@jest/globals';
import { renderTrend } from '../../src/render/trend.js';
import type { Trend } from '../../src/report/trend.js';
import { checkInertMarkdown } from '../support/inert-markdown.js';

const trend = (over: Partial<Trend> = {}): Trend => ({
  branch: 'main',
  commits: ['0123456789abcdef', 'fedcba9876543210'],
  series: [
    { platform: 'linux/amd64', points: [1_234_567, 1_300_001], landing: 1_300_999 },
    { platform: 'linux/arm64', points: [null, 1_100_000], landing: 1_100_000 },
  ],
  platformsLeftOut: 0,
  growth: 5.3,
  change: 0.08,
  ...over,
});

const lines = (markdown: string) =>
  [...markdown.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => m[1].split(', ').map(Number));

test('collapsed, the sentence as summary, one exact line per platform ending where the PR lands', () => {
  const md = renderTrend(trend());
  expect(
    md.startsWith('<details><summary>📈 main grew 5.3% in the last 2 pushes; this PR adds 0.1%</summary>'),
  ).toBe(true);
  expect(md).toContain('x-axis ["0123456", "fedcba9", "PR"]');
  expect(md).toMatch(/y-axis "MB" 1\.\d+ --> 1\.\d+/);
  // Exact bytes: MB with six decimals; a missing point holds the next known figure.
  expect(lines(md).map((l) => l.map((v) => Math.round(v * 1e6)))).toEqual([
    [1_234_567, 1_300_001, 1_300_999],
    [1_100_000, 1_100_000, 1_100_000],
  ]);
  expect(md).toContain('🟦 `linux/amd64` · 🟧 `linux/arm64`');
  expect(md.trim().endsWith('</details>')).toBe(true);
});

test('author text is escaped: a branch name cannot inject markdown, mentions or Mermaid', () => {
  const md = renderTrend(
    trend({
      branch: 'x"] @admin <img src=x> #1',
      series: [{ platform: 'linux/"amd64\n  line [9]', points: [1, 2], landing: 3 }],
    }),
  );
  // The Mermaid block is checked line by line; the rest as markdown.
  expect(checkInertMarkdown(md.replace(/```mermaid[\s\S]*?```/, ''))).toEqual([]);
  const mermaid = /```mermaid\n([\s\S]*?)```/.exec(md)![1].split('\n');
  expect(mermaid.filter((l) => l.startsWith('  ')).map((l) => l.trim().split(' ')[0])).toEqual([
    'title',
    'x-axis',
    'y-axis',
    'line',
  ]);
  expect(mermaid.find((l) => l.startsWith('  title'))).toMatch(/^ {2}title "[^"]*"$/);
  expect(lines(md)).toHaveLength(1);
  expect(md).not.toContain('<img');
  expect(md).not.toMatch(/@admin/);
});
