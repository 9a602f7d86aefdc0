import { expect, test } from '@jest/globals';
import { formatBytes, formatDelta, formatPercent } from '../../src/render/format.js';

test.each<[number, string]>([
  [0, '0 B'],
  [1, '1 B'],
  [999, '999 B'],
  [1000, '1.00 kB'],
  [1234, '1.23 kB'],
  [9994, '9.99 kB'],
  [9995, '10.0 kB'],
  [99_949, '99.9 kB'],
  [99_950, '100 kB'],
  [999_499, '999 kB'],
  [999_500, '1.00 MB'],
  [12_345_678, '12.3 MB'],
  [2_900_000_000, '2.90 GB'],
  [-1234, '-1.23 kB'],
  [-12, '-12 B'],
])('formatBytes(%d) = %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test.each<[number, string]>([
  [0, '0 B'],
  [12_300_000, '+12.3 MB'],
  [-4096, '-4.10 kB'],
])('formatDelta(%d) = %s', (bytes, text) => {
  expect(formatDelta(bytes)).toBe(text);
});

test.each<[number, number, string]>([
  [41, 1000, '+4.1%'],
  [-3, 1000, '-0.3%'],
  [0, 1000, '0%'],
  [1, 100_000, '<0.1%'],
  [-1, 100_000, '>-0.1%'],
  [5, 0, ''],
  [1000, 1000, '+100.0%'],
])('formatPercent(%d, %d) = %s', (delta, base, text) => {
  expect(formatPercent(delta, base)).toBe(text);
});
