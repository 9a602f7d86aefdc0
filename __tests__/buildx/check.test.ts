// Real output of `docker buildx build --call check,format=json` (buildx 0.29.1, the lab's
// BuildKit), captured into __tests__/fixtures/buildx-check/.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCheckOutput } from '../../src/buildx/check.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'buildx-check', name), 'utf8');

describe('parseCheckOutput', () => {
  test('three warnings, each with its rule, text and line', () => {
    expect(parseCheckOutput(fixture('three-warnings.json'))).toEqual({
      warnings: [
        {
          rule: 'FromAsCasing',
          description: "The 'as' keyword should match the case of the 'from' keyword",
          detail: "'as' and 'FROM' keywords' casing do not match",
          url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
          file: 'Dockerfile',
          line: 1,
          endLine: 1,
        },
        expect.objectContaining({ rule: 'ConsistentInstructionCasing', line: 4, endLine: 4 }),
        expect.objectContaining({
          rule: 'LegacyKeyValueFormat',
          detail: '"ENV key=value" should be used instead of legacy "ENV key value" format',
          line: 2,
        }),
      ],
    });
  });

  test('a clean Dockerfile: "warnings": null is no warning', () => {
    expect(parseCheckOutput(fixture('clean.json'))).toEqual({ warnings: [] });
  });

  test('an undefined variable, on its line', () => {
    const result = parseCheckOutput(fixture('undefined-var.json'));
    expect(result?.warnings.map((w) => [w.rule, w.detail, w.file, w.line])).toEqual([
      ['UndefinedVar', "Usage of undefined variable '$NOPE'", 'Dockerfile', 4],
    ]);
  });

  test('a Dockerfile that does not parse: the build error and its line', () => {
    expect(parseCheckOutput(fixture('parse-error.json'))).toEqual({
      warnings: [],
      error: {
        message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
        file: 'Dockerfile2',
        line: 2,
      },
    });
  });

  test.each(['', 'not json', '[]', 'null', '{"other": 1}'])('%j is not check output', (stdout) => {
    expect(parseCheckOutput(stdout)).toBeUndefined();
  });

  test('odd fields are read as nothing, never thrown on', () => {
    const result = parseCheckOutput(
      JSON.stringify({
        warnings: [{ ruleName: 7, location: { ranges: [{ start: { line: -1 } }], sourceIndex: 9 } }],
      }),
    );
    expect(result?.warnings).toEqual([
      { rule: 'BuildCheck', description: '', detail: '', url: '', file: '', line: 0, endLine: 0 },
    ]);
  });
});
