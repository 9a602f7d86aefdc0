import { expect, test } from '@jest/globals';
import { savedBy, savingsTotal } from '../../src/report/savings.js';

test("a finding's `saves` is its claim; without one it claims nothing, whatever its bytes", () => {
  expect(savedBy({ rule: 'apt-recommends', bytes: 9_000_000, saves: 5_000_000 })).toBe(5_000_000);
  expect(savedBy({ rule: 'hidden-bytes', bytes: 2_000_000, saves: 0 })).toBe(0);
  // questions and bytes that are not a saving: no Saves figure
  for (const rule of ['jdk-runtime', 'base-image-share', 'copy-before-install', 'hidden-bytes', 'merge-runs'])
    expect([rule, savedBy({ rule, bytes: 7_000_000 })]).toEqual([rule, undefined]);
  // a rule this version does not know (a newer report's) states no figure either
  expect(savedBy({ rule: 'some-new-rule', bytes: 7_000_000 })).toBeUndefined();
});

test("an older report's package-cache finding (written before `saves`) still counts its bytes", () => {
  expect(savedBy({ rule: 'package-cache', bytes: 3_000_000 })).toBe(3_000_000);
  expect(
    savingsTotal([
      { rule: 'package-cache', bytes: 3_000_000 },
      { rule: 'copy-before-install', bytes: 50_000_000 },
      { rule: 'add-local-file', bytes: 7_000_000 },
      { rule: 'jdk-runtime', bytes: 60_000_000 },
      { rule: 'jdk-runtime', bytes: 80_000_000, saves: 78_000_000 },
      { rule: 'hidden-bytes', bytes: 2_000_000 },
    ]),
  ).toBe(81_000_000);
});
