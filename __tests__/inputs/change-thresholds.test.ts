/**
 * The `change-thresholds` input (inputs/read.ts readChangeThresholds): what each level becomes,
 * the parts left out keeping their defaults, and every mistake an InputError that names the input
 * and quotes the value.
 */
import { describe, expect, test } from '@jest/globals';
import { readChangeThresholds } from '../../src/inputs/read.js';
import { GRADE_THRESHOLDS, gradeChange } from '../../src/render/icons.js';
import { InputError } from '../../src/util/errors.js';
import { thrown } from '../support/thrown.js';

const read = (value: string) => readChangeThresholds((name) => (name === 'change-thresholds' ? value : ''));

describe('readChangeThresholds', () => {
  test.each([
    ['', GRADE_THRESHOLDS],
    ['   ', GRADE_THRESHOLDS],
    [
      'small=1%,5MB large=10%,50MB',
      { small: { percent: 1, bytes: 5_000_000 }, large: { percent: 10, bytes: 50_000_000 } },
    ],
    [
      'small=0.5%,1MB large=5%,20MB',
      { small: { percent: 0.5, bytes: 1_000_000 }, large: { percent: 5, bytes: 20_000_000 } },
    ],
    // Newlines (a YAML block) and `;` part the levels too; sizes in any unit parseSize reads, or bytes.
    [
      'small=2%,500kB\nlarge=20%,1GB',
      { small: { percent: 2, bytes: 500_000 }, large: { percent: 20, bytes: 1_000_000_000 } },
    ],
    [
      'small=2%,1000;large=20%,2000',
      { small: { percent: 2, bytes: 1_000 }, large: { percent: 20, bytes: 2_000 } },
    ],
    // A part left out keeps its default; the order of the parts in a level is free.
    ['small=3%', { small: { percent: 3, bytes: 5_000_000 }, large: GRADE_THRESHOLDS.large }],
    ['large=40MB,12%', { small: GRADE_THRESHOLDS.small, large: { percent: 12, bytes: 40_000_000 } }],
  ])('%j', (value, expected) => {
    expect(read(value)).toEqual(expected);
  });

  test('the defaults are not shared: a parsed value never changes them', () => {
    read('small=3%,3MB large=30%,30MB');
    expect(GRADE_THRESHOLDS).toEqual({
      small: { percent: 1, bytes: 5_000_000 },
      large: { percent: 10, bytes: 50_000_000 },
    });
  });

  test('what it reads decides the icon: 2 MB on 100 MB is small under small=1%,1MB, tiny by default', () => {
    expect(gradeChange(2_000_000, 100_000_000, read('small=1%,1MB'))).toBe('small-growth');
    expect(gradeChange(2_000_000, 1_000_000_000, read(''))).toBe('tiny-growth');
  });

  test.each([
    ['medium=5%', /"medium=5%" is not small=PERCENT%,SIZE or large=PERCENT%,SIZE/],
    ['small', /"small" is not small=PERCENT%,SIZE/],
    ['small=five', /"five" in "small=five" is neither a percentage \(1%\) nor a size \(5MB\)/],
    ['small=1%,5XB', /"5XB" in "small=1%,5XB" is neither/],
    ['small=-1%', /"-1%" in "small=-1%" is neither/],
    ['small=1%,,5MB', /"" in "small=1%,,5MB" is neither/],
    ['small=20%', /large must be at least small, in percent and in bytes/],
    ['large=1MB', /large must be at least small/],
    ['small=1%,5MB large=10%,4MB', /large must be at least small/],
  ])('%j is refused, naming the input and the value', (value, reason) => {
    const error = thrown(() => read(value));
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('change-thresholds');
    expect(error.value).toBe(value);
    expect(error.message).toMatch(/^Input "change-thresholds": /);
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).toMatch(reason);
  });
});
