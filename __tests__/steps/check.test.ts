import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeIo } from '../../src/io/fake.js';
import { parseCheckOutput, type CheckResult, type CheckWarning } from '../../src/buildx/check.js';
import { reportCheckResult } from '../../src/steps/check.js';

const captured = (name: string) =>
  parseCheckOutput(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'buildx-check', name), 'utf8'))!;

const warning = (over: Partial<CheckWarning> = {}): CheckWarning => ({
  rule: 'UndefinedVar',
  description: 'Variables should be defined before their use',
  detail: "Usage of undefined variable '$NOPE'",
  url: 'https://docs.docker.com/go/dockerfile/rule/undefined-var/',
  file: 'Dockerfile',
  line: 4,
  endLine: 4,
  ...over,
});

function report(result: CheckResult, target = { file: 'app/Dockerfile', shownAs: 'app/Dockerfile' }) {
  const io = new FakeIo();
  let error: Error | undefined;
  try {
    reportCheckResult(io, result, target);
  } catch (e) {
    error = e as Error;
  }
  return { io, error };
}

describe('reportCheckResult', () => {
  test("buildx's warnings: one annotation each on its line, and the step fails naming the rules", () => {
    const { io, error } = report(captured('three-warnings.json'));
    expect(
      io.log.filter((l) => l.kind === 'warning').map((l) => [l.properties, l.text.split('\n')[0]]),
    ).toEqual([
      [
        { title: 'Build check: FromAsCasing', file: 'app/Dockerfile', startLine: 1, endLine: 1 },
        "'as' and 'FROM' keywords' casing do not match",
      ],
      [
        {
          title: 'Build check: ConsistentInstructionCasing',
          file: 'app/Dockerfile',
          startLine: 4,
          endLine: 4,
        },
        "Command 'from' should match the case of the command majority (uppercase)",
      ],
      [
        { title: 'Build check: LegacyKeyValueFormat', file: 'app/Dockerfile', startLine: 2, endLine: 2 },
        '"ENV key=value" should be used instead of legacy "ENV key value" format',
      ],
    ]);
    expect(error?.name).toBe('StepError');
    expect(error?.message).toBe(
      'Build checks: 3 warning(s) in app/Dockerfile (FromAsCasing, ConsistentInstructionCasing, LegacyKeyValueFormat); buildx fails a check on warnings.',
    );
  });

  test('no warnings: a log line, no failure', () => {
    const { io, error } = report(captured('clean.json'));
    expect(error).toBeUndefined();
    expect(io.lines('untrusted')).toEqual(['Build checks: no warnings in app/Dockerfile.']);
    expect(io.lines('warning')).toEqual([]);
  });

  test('a parse error: an error annotation on its line, and the failure', () => {
    const { io, error } = report(captured('parse-error.json'));
    expect(io.log.filter((l) => l.kind === 'error')).toEqual([
      {
        kind: 'error',
        text: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
        properties: {
          title: 'Build check: the Dockerfile does not parse',
          file: 'app/Dockerfile',
          startLine: 2,
        },
      },
    ]);
    expect(error?.message).toMatch(/^Build checks: app\/Dockerfile does not parse: dockerfile parse error/);
  });

  test("text the Dockerfile's author wrote is shown, never obeyed: no line breaks or control characters", () => {
    const { io, error } = report({
      warnings: [warning({ detail: "Usage of '$X'\n::error::pwned\u0007", rule: 'Undefined\nVar' })],
    });
    const [annotation] = io.log.filter((l) => l.kind === 'warning');
    // One line of ours between the detail and the rule's description; none from the text.
    expect(annotation.text.split('\n')).toHaveLength(2);
    expect(annotation.text).not.toMatch(/\n::error/);
    expect(annotation.text).not.toContain('\u0007');
    expect(annotation.properties?.title).not.toContain('\n');
    expect(error?.message).not.toContain('\n');
  });

  test('more warnings than GitHub shows: the first 10 annotated, the rest in the log', () => {
    const warnings = Array.from({ length: 12 }, (_, i) => warning({ line: i + 1, endLine: i + 1 }));
    const { io, error } = report({ warnings });
    expect(io.lines('warning')).toHaveLength(10);
    expect(io.lines('untrusted')).toEqual([
      "Build check UndefinedVar at app/Dockerfile:11: Usage of undefined variable '$NOPE'",
      "Build check UndefinedVar at app/Dockerfile:12: Usage of undefined variable '$NOPE'",
    ]);
    expect(error?.message).toContain('12 warning(s)');
  });

  test('a Dockerfile outside the workspace, or another source file: no file property, the place in the text', () => {
    const outside = report({ warnings: [warning()] }, { shownAs: '/elsewhere/Dockerfile' } as never);
    expect(outside.io.log.find((l) => l.kind === 'warning')).toMatchObject({
      text: expect.stringMatching(/^\/elsewhere\/Dockerfile:4: Usage of undefined variable/),
      properties: { title: 'Build check: UndefinedVar' },
    });
    expect(outside.io.log.find((l) => l.kind === 'warning')?.properties).not.toHaveProperty('file');
    const other = report({ warnings: [warning({ file: 'other.Dockerfile' })] });
    expect(other.io.log.find((l) => l.kind === 'warning')?.properties).not.toHaveProperty('file');
  });
});
