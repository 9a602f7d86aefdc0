import { describe, expect, test } from '@jest/globals';
import {
  appendRecord,
  HistoryFormatError,
  mergeHistories,
  parseHistory,
  recordOf,
  serializeHistory,
  type HistoryRecord,
} from '../../src/report/history.js';
import type { SizeReport } from '../../src/report/size-report.js';

const digest = (n: number) => `sha256:${String(n).padStart(64, '0')}`;
const rec = (
  n: number,
  ref = 'refs/heads/main',
  time = `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
): HistoryRecord => ({
  time,
  commit: `c${n}`,
  ref,
  digest: digest(n),
  platforms: [
    { platform: 'linux/amd64', compressed: 1000 + n, uncompressed: 2000 + n, wasted: 0, layers: 2 },
  ],
});

describe('merge, append, bound', () => {
  test('a record already there (same digest and ref) is not added twice', () => {
    expect(appendRecord([rec(1), rec(2)], { ...rec(2), time: '2026-02-01T00:00:00.000Z' }, 200)).toEqual([
      rec(1),
      rec(2),
    ]);
  });
  test('the same digest under another ref is another record', () => {
    expect(appendRecord([rec(1)], { ...rec(1), ref: 'refs/tags/v1.0.0' }, 200)).toHaveLength(2);
  });
  test('two writers merging the same records in either order write the same bytes', () => {
    const a = mergeHistories([[rec(1), rec(3)], [rec(2)]], 200);
    const b = mergeHistories([[rec(2)], [rec(3), rec(1)]], 200);
    expect(a.map((r) => r.commit)).toEqual(['c1', 'c2', 'c3']);
    expect(serializeHistory(a)).toBe(serializeHistory(b));
  });
  test('bounded to the last N records, oldest dropped first', () => {
    const records = [1, 2, 3, 4, 5].map((n) => rec(n));
    expect(appendRecord(records, rec(6), 3).map((r) => r.commit)).toEqual(['c4', 'c5', 'c6']);
  });
});

describe('parseHistory', () => {
  test('reads back what serializeHistory writes', () => {
    const records = [rec(1), rec(2)];
    expect(parseHistory(serializeHistory(records))).toEqual(records);
  });
  test.each([
    ['not JSON', '{"version":1,', 'the history is not valid JSON'],
    ['another version', '{"version":2,"records":[]}', 'history.version: expected 1'],
    ['records not an array', '{"version":1,"records":{}}', 'history.records: expected an array'],
    [
      'a size that is a string',
      JSON.stringify({
        version: 1,
        records: [{ ...rec(1), platforms: [{ ...rec(1).platforms[0], compressed: '1e9' }] }],
      }),
      'history.records[0].platforms[0].compressed: expected a whole number',
    ],
    [
      'a digest that is not one',
      JSON.stringify({ version: 1, records: [{ ...rec(1), digest: 'nope' }] }),
      'history.records[0].digest: expected a digest',
    ],
    [
      'a time that is no date',
      JSON.stringify({ version: 1, records: [{ ...rec(1), time: 'yesterday' }] }),
      'history.records[0].time: expected a date',
    ],
  ])('refuses %s, naming the field, not the value', (_, text, message) => {
    expect(() => parseHistory(text)).toThrow(HistoryFormatError);
    expect(() => parseHistory(text)).toThrow(message);
  });
});

test('recordOf takes the figures of every platform of the report', () => {
  const report = {
    image: { ref: 'x:main', digest: digest(9) },
    platforms: [
      { platform: 'linux/amd64', compressed: 10, uncompressed: 20, wasted: 3, layers: [{}, {}, {}] },
      { platform: 'linux/arm64', compressed: 11, uncompressed: null, wasted: null, layers: [{}] },
    ],
  } as unknown as SizeReport;
  expect(
    recordOf(report, { time: new Date('2026-03-01T12:00:00Z'), commit: 'abc', ref: 'refs/heads/main' }),
  ).toEqual({
    time: '2026-03-01T12:00:00.000Z',
    commit: 'abc',
    ref: 'refs/heads/main',
    digest: digest(9),
    platforms: [
      { platform: 'linux/amd64', compressed: 10, uncompressed: 20, wasted: 3, layers: 3 },
      { platform: 'linux/arm64', compressed: 11, uncompressed: null, wasted: null, layers: 1 },
    ],
  });
});

test("a record keeps the platform's base image, reads it back, and refuses one it would not write", () => {
  const report = {
    image: { ref: 'x:main', digest: digest(9) },
    platforms: [
      {
        platform: 'linux/amd64',
        compressed: 10,
        uncompressed: 20,
        wasted: 3,
        layers: [{}],
        base: { name: 'node:22-slim', source: 'dockerfile', layers: 1 },
      },
      {
        platform: 'linux/arm64',
        compressed: 10,
        uncompressed: 20,
        wasted: 3,
        layers: [{}],
        base: { name: 'n'.repeat(513), source: 'annotation', layers: 1 },
      },
    ],
  } as unknown as SizeReport;
  const record = recordOf(report, { time: new Date('2026-03-01T12:00:00Z'), commit: 'abc', ref: 'r' });
  expect(record.platforms.map((p) => p.base)).toEqual([
    { name: 'node:22-slim', source: 'dockerfile' },
    undefined, // too long to read back: left out
  ]);
  expect(parseHistory(serializeHistory([record]))).toEqual([record]);
  const bad = JSON.parse(serializeHistory([record])) as { records: { platforms: { base: unknown }[] }[] };
  bad.records[0]!.platforms[0]!.base = { name: 'x', source: 'guess' };
  expect(() => parseHistory(JSON.stringify(bad))).toThrow('history.records[0].platforms[0].base.source');
  // Older records have none.
  expect(parseHistory(serializeHistory([rec(1)]))[0]!.platforms[0]).not.toHaveProperty('base');
});
