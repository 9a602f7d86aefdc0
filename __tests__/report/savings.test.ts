import { expect, test } from '@jest/globals';
import { savesBytes, savingsTotal } from '../../src/report/savings.js';

test('the order and ADD-for-COPY findings count no saving; the others do', () => {
  expect(savesBytes('copy-before-install')).toBe(false);
  expect(savesBytes('add-local-file')).toBe(false);
  expect(savesBytes('package-cache')).toBe(true);
  expect(
    savingsTotal([
      { rule: 'package-cache', bytes: 3_000_000 },
      { rule: 'copy-before-install', bytes: 50_000_000 },
      { rule: 'add-local-file', bytes: 7_000_000 },
      { rule: 'hidden-bytes', bytes: 2_000_000 },
    ]),
  ).toBe(5_000_000);
});
