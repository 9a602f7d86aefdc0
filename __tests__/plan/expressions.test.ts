import { describe, expect, test } from '@jest/globals';
import {
  GLOBAL_EXPRESSIONS,
  SEMVER_EXPRESSIONS,
  isStatic,
  namesUsed,
  placeholderProblem,
  renderTemplate,
  soleName,
  templateProblem,
} from '../../src/plan/expressions.js';

const NOW = new Date('2024-01-09T08:07:06.005Z');
const KNOWN = 'branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date';

describe('expression names', () => {
  test('the globals, and the semver placeholders before them', () => {
    expect([...GLOBAL_EXPRESSIONS]).toEqual([
      'branch',
      'tag',
      'sha',
      'base_ref',
      'is_default_branch',
      'is_not_default_branch',
    ]);
    expect(SEMVER_EXPRESSIONS).toEqual(['version', 'major', 'minor', 'patch', 'raw', ...GLOBAL_EXPRESSIONS]);
  });
});

describe('templateProblem', () => {
  test.each([
    'latest',
    '',
    '{{branch}}-{{sha}}',
    '{{ branch }}',
    "{{date 'YYYYMMDD-HHmmss'}}",
    '{{ date "YYYY.MM.DD" }}',
    "v{{date ''}}",
  ])('%j is a valid template', (text) => {
    expect(templateProblem(text)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['{{brnch}}', `uses an unknown placeholder "{{brnch}}" (known: ${KNOWN})`],
    ['{{ version }}', `uses an unknown placeholder "{{version}}" (known: ${KNOWN})`],
    ['{{}}', `uses an unknown placeholder "{{}}" (known: ${KNOWN})`],
    ['{{date YYYY}}', `uses an unknown placeholder "{{date YYYY}}" (known: ${KNOWN})`],
    ['a-{{branch', 'has an unclosed "{{"'],
    ['{{branch}}-{{', 'has an unclosed "{{"'],
    // An unclosed `{{` before a placeholder is reported first, whatever the placeholder.
    ['{{x\n{{nope}}', 'has an unclosed "{{"'],
    ["{{date 'YYYY-WW'}}", 'has a date format "YYYY-WW" beyond YYYY, MM, DD, HH, mm and ss'],
    ['{{date "hh"}}', 'has a date format "hh" beyond YYYY, MM, DD, HH, mm and ss'],
    ['a b', 'has "a b", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
    ['{{branch}}:{{sha}}', 'has ":", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
    ['x}}', 'has "x}}", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
  ])('%j: %s', (text, problem) => {
    expect(templateProblem(text)).toBe(problem);
  });

  test('checks against the names given', () => {
    expect(templateProblem('{{major}}.{{minor}}', SEMVER_EXPRESSIONS)).toBeUndefined();
    expect(templateProblem('{{mayor}}', ['major'])).toBe(
      'uses an unknown placeholder "{{mayor}}" (known: major, date)',
    );
  });
});

describe('placeholderProblem', () => {
  test('checks placeholders but not the characters around them', () => {
    expect(placeholderProblem('v1.2.3+build/7 {{sha}}')).toBeUndefined();
    expect(placeholderProblem('{{ver}}')).toBe(`uses an unknown placeholder "{{ver}}" (known: ${KNOWN})`);
    expect(placeholderProblem('v{{tag')).toBe('has an unclosed "{{"');
  });
});

describe('renderTemplate', () => {
  const values = { branch: 'main', sha: 'abc1234' };

  test.each<[string, string]>([
    ['plain', 'plain'],
    ['', ''],
    ['{{branch}}-{{sha}}', 'main-abc1234'],
    ['{{ branch }}{{branch}}', 'mainmain'],
    ["nightly-{{date 'YYYYMMDD'}}", 'nightly-20240109'],
    // Every token, zero-padded, in UTC.
    ["{{date 'YYYY-MM-DD HH:mm:ss'}}", '2024-01-09 08:07:06'],
    ['{{date "DD.MM"}}', '09.01'],
  ])('%j -> %j', (text, rendered) => {
    expect(renderTemplate(text, values, NOW)).toBe(rendered);
  });

  test('the date is in UTC, whatever the time of day', () => {
    expect(renderTemplate("{{date 'YYYYMMDDHH'}}", {}, new Date('2023-12-31T23:30:00-05:00'))).toBe(
      '2024010104',
    );
  });

  test('a name with no value is a bug, not a silent empty string', () => {
    expect(() => renderTemplate('{{tag}}', values, NOW)).toThrow(
      'Template "{{tag}}" uses an unknown placeholder "{{tag}}" (known: branch, sha, date)',
    );
  });
});

describe('helpers', () => {
  test('isStatic: no placeholder at all', () => {
    expect(isStatic('latest')).toBe(true);
    expect(isStatic('{{sha}}')).toBe(false);
    expect(isStatic('a{{')).toBe(false);
  });

  test('namesUsed: names, not dates', () => {
    expect([...namesUsed("v{{major}}.{{ minor }}-{{date 'YYYY'}}-{{major}}")]).toEqual(['major', 'minor']);
    expect(namesUsed('latest').size).toBe(0);
  });

  test.each<[string, string | undefined]>([
    ['{{raw}}', 'raw'],
    ['{{ is_default_branch }}', 'is_default_branch'],
    ['v{{raw}}', undefined],
    ['{{raw}}{{raw}}', undefined],
    ["{{date 'YYYY'}}", undefined],
    ['raw', undefined],
  ])('soleName(%j) is %j', (text, name) => {
    expect(soleName(text)).toBe(name);
  });
});
