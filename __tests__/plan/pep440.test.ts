import { describe, expect, test } from '@jest/globals';
import { isPep440Special, normalizePep440, parsePep440, pep440Parts } from '../../src/plan/pep440.js';

describe('parsePep440 and normalizePep440', () => {
  // Normal forms from PEP 440's "Normalization" section.
  test.each<[string, string, boolean]>([
    ['1.2.3', '1.2.3', false],
    ['v1.2.3', '1.2.3', false],
    ['V1.0', '1.0', false],
    ['01.002.0003', '1.2.3', false],
    ['1!2.0', '1!2.0', false],
    ['0!1.0', '1.0', false],
    ['1.0a1', '1.0a1', true],
    ['1.0-alpha.1', '1.0a1', true],
    ['1.0.beta2', '1.0b2', true],
    ['1.0c1', '1.0rc1', true],
    ['1.0pre', '1.0rc0', true],
    ['1.0preview3', '1.0rc3', true],
    ['1.0RC2', '1.0rc2', true],
    ['1.0-1', '1.0.post1', true],
    ['1.0.post', '1.0.post0', true],
    ['1.0-r4', '1.0.post4', true],
    ['1.0rev_2', '1.0.post2', true],
    ['1.0dev', '1.0.dev0', true],
    ['1.0-dev.7', '1.0.dev7', true],
    ['1.0a1.post2.dev3', '1.0a1.post2.dev3', true],
    ['1.0+Ubuntu-1', '1.0+ubuntu.1', false],
    ['  1.0  ', '1.0', false],
  ])('%j -> %s', (text, normal, special) => {
    const version = parsePep440(text);
    expect(version && normalizePep440(version)).toBe(normal);
    expect(version && isPep440Special(version)).toBe(special);
  });

  test.each(['', 'v', '1.', '.1', '1.0-', 'release-1', '1.0+', '1.0+a..b', 'p1/v1.2.3', '1.0 rc1', '1_0'])(
    '%j is not a version',
    (text) => {
      expect(parsePep440(text)).toBeUndefined();
    },
  );

  test('major, minor and patch: 0 when the release has fewer numbers, big numbers kept as text', () => {
    expect(pep440Parts(parsePep440('2')!)).toEqual({ major: '2', minor: '0', patch: '0' });
    expect(pep440Parts(parsePep440('2024.10.3.1')!)).toEqual({ major: '2024', minor: '10', patch: '3' });
    expect(pep440Parts(parsePep440('99999999999999999999.1')!).major).toBe('99999999999999999999');
  });

  test('raw is the text as given, trimmed', () => {
    expect(parsePep440(' v1.2.3rc2 ')!.raw).toBe('v1.2.3rc2');
  });
});
