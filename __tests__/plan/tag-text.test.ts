import { describe, expect, test } from '@jest/globals';
import { isValidTag } from '../../src/oci/reference.js';
import { composeTag, TAG_MAX } from '../../src/plan/tag-text.js';

const tagOf = (prefix: string, value: string, suffix = '') => {
  const composed = composeTag({ prefix, value, suffix });
  if ('problem' in composed) throw new Error(composed.problem);
  return composed.tag;
};

describe('characters a tag cannot hold', () => {
  test.each<[string, string]>([
    ['feature/x', 'feature-x'],
    ['feature//deep/x', 'feature-deep-x'],
    ['fix: a b!', 'fix-a-b-'],
    ['v1.2.3+build.5', 'v1.2.3-build.5'],
    ['.hidden', 'hidden'],
    ['--x', 'x'],
    ['/x', 'x'],
    ['ünïcode', 'n-code'],
    ['Keep_Case.1', 'Keep_Case.1'],
    ['---', ''],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(tagOf('', value)).toBe(expected);
    if (expected !== '') expect(isValidTag(expected)).toBe(true);
  });

  test('a leading . or - goes from the prefix, the value keeps its own after a prefix', () => {
    expect(tagOf('-v', '1.0')).toBe('v1.0');
    expect(tagOf('pr-', '.x')).toBe('pr-.x');
    expect(tagOf('/', '-x')).toBe('x');
  });

  test('a value with nothing usable gives no tag, never a bare prefix or suffix', () => {
    expect(tagOf('pr-', '', '-x')).toBe('');
  });
});

describe('the length cut', () => {
  const long = 'renovate/' + 'a-very-long-package-name-'.repeat(6);

  test('a tag of 128 characters is kept whole', () => {
    expect(tagOf('', 'a'.repeat(TAG_MAX))).toBe('a'.repeat(TAG_MAX));
  });

  test('a longer one is cut in its value, which ends in - and 7 hex digits of its sha256', () => {
    const tag = tagOf('v-', long + 'major', '-alpine');
    expect(tag).toHaveLength(TAG_MAX);
    expect(tag).toMatch(/^v-renovate-a-very-long-package-name-.*-[0-9a-f]{7}-alpine$/);
    expect(isValidTag(tag)).toBe(true);
  });

  test('the prefix and suffix survive it: two flavors on a long branch are two tags', () => {
    const alpine = tagOf('', long, '-alpine');
    const debian = tagOf('', long, '-debian');
    expect(alpine.endsWith('-alpine') && debian.endsWith('-debian')).toBe(true);
    expect(alpine.slice(0, -7)).toBe(debian.slice(0, -7));
  });

  test('two long values that differ only after the cut are two tags', () => {
    const a = tagOf('', long + 'major');
    const b = tagOf('', long + 'minor');
    expect(a).not.toBe(b);
    expect(a.slice(0, -8)).toBe(b.slice(0, -8));
  });

  test('the same value always gives the same tag (runs agree)', () => {
    expect(tagOf('', long)).toBe(tagOf('', long));
  });

  test('a prefix and suffix that leave no room for the value are a problem, not a cut', () => {
    expect(composeTag({ prefix: 'p'.repeat(60), value: long, suffix: 's'.repeat(60) })).toEqual({
      problem:
        `gives a prefix and suffix of 120 characters ("${'p'.repeat(60)}", "${'s'.repeat(60)}"), ` +
        'which leave no room for the value in a tag of at most 128',
    });
    // with room for 9 characters, the value is cut to one and the hash
    const tag = tagOf('p'.repeat(59), long, 's'.repeat(60));
    expect(tag).toMatch(/^p{59}r-[0-9a-f]{7}s{60}$/);
  });
});
