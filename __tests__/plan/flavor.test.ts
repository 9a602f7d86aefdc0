import { describe, expect, test } from '@jest/globals';
import { thrown } from '../support/thrown.js';
import { DEFAULT_FLAVOR, parseFlavor, type Flavor } from '../../src/plan/flavor.js';

describe('parseFlavor', () => {
  test('no lines: auto latest, no prefix or suffix', () => {
    expect(parseFlavor([])).toEqual({
      latest: 'auto',
      prefix: '',
      prefixOnLatest: false,
      suffix: '',
      suffixOnLatest: false,
    });
  });

  test.each<[string[], Partial<Flavor>]>([
    [['latest=true'], { latest: 'true' }],
    [['latest=false'], { latest: 'false' }],
    [['latest=auto'], { latest: 'auto' }],
    [['latest = FALSE'], { latest: 'false' }],
    [['prefix=v'], { prefix: 'v' }],
    [['prefix=v,onlatest=true'], { prefix: 'v', prefixOnLatest: true }],
    [['prefix=v, onlatest=false'], { prefix: 'v', prefixOnLatest: false }],
    [['suffix=-alpine'], { suffix: '-alpine' }],
    [['suffix=-alpine,onlatest=true'], { suffix: '-alpine', suffixOnLatest: true }],
    [['prefix=', 'suffix='], {}],
    [["prefix={{date 'YYYYMMDD'}}-{{sha}}-"], { prefix: "{{date 'YYYYMMDD'}}-{{sha}}-" }],
    [
      ['latest=false', 'prefix=app-,onlatest=true', 'suffix=-slim', '', 'latest=true'],
      { latest: 'true', prefix: 'app-', prefixOnLatest: true, suffix: '-slim' },
    ],
    // A later line replaces the earlier one, onlatest included.
    [['prefix=a-,onlatest=true', 'prefix=b-'], { prefix: 'b-', prefixOnLatest: false }],
  ])('%j', (lines, expected) => {
    expect(parseFlavor(lines)).toEqual({ ...DEFAULT_FLAVOR, ...expected });
  });

  test.each<[string, string]>([
    ['tag=v', 'has an unknown key "tag" (expected latest, prefix or suffix)'],
    ['onlatest=true', 'has an unknown key "onlatest" (expected latest, prefix or suffix)'],
    ['latest=maybe', 'has latest "maybe" (expected auto, true or false)'],
    ['latest=', 'has latest "" (expected auto, true or false)'],
    ['latest=true,onlatest=true', 'sets latest and something else on one line'],
    ['prefix=v,onlatest=yes', 'has onlatest "yes" (expected true or false)'],
    ['suffix=-x,latest=true', 'has an unknown attribute "latest" (expected onlatest)'],
    ['prefix', 'has "prefix", which is not key=value'],
    ['prefix=v,onlatest', 'has "onlatest", which is not key=value'],
    [
      'prefix={{nope}}-',
      'prefix uses an unknown placeholder "{{nope}}" (known: branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    ['suffix=@beta', 'suffix has "@beta", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
    ['prefix={{branch', 'prefix has an unclosed "{{"'],
  ])('%s', (line, reason) => {
    const error = thrown(() => parseFlavor(['latest=auto', line]));
    expect(error.input).toBe('flavor');
    expect(error.value).toBe(line);
    expect(error.message).toBe(`Input "flavor": ${JSON.stringify(line)} ${reason}`);
  });
});
