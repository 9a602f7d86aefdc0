/**
 * The advice corpus bench's own parts, without building: the corpus is at least 12 Dockerfiles,
 * each expected finding names the first line of an instruction of its Dockerfile, and the
 * scoring counts right findings, false positives and misses by rule and line.
 */
import { describe, expect, test } from '@jest/globals';
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import { corpus, scoreCorpus } from '../support/advice-corpus.js';

describe('the advice corpus', () => {
  const entries = corpus();

  test('at least 12 Dockerfiles, some already good, names unique', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    expect(entries.filter((e) => e.expected.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.fixture.name)).size).toBe(entries.length);
  });

  test.each(entries.map((e) => [e.fixture.name, e] as const))(
    '%s: expected lines start instructions',
    (_n, entry) => {
      const model = parseDockerfile(entry.fixture.dockerfile, { file: 'Dockerfile' });
      const starts = new Set(
        model.stages.flatMap((s) => [s.from, ...s.instructions]).map((i) => i.startLine),
      );
      for (const e of entry.expected)
        expect([e.rule, e.line, starts.has(e.line)]).toEqual([e.rule, e.line, true]);
    },
  );
});

test('scoreCorpus: right by rule and line, a wrong line is a false positive and a miss', () => {
  const { rules, total } = scoreCorpus([
    {
      expected: [
        { rule: 'package-cache', line: 2 },
        { rule: 'apt-recommends', line: 3 },
      ],
      found: [
        { rule: 'package-cache', line: 2 },
        { rule: 'apt-recommends', line: 4 },
      ],
    },
    { expected: [], found: [{ rule: 'base-image-share', line: 1 }] },
  ]);
  expect(rules).toEqual([
    { rule: 'apt-recommends', tp: 0, fp: 1, fn: 1 },
    { rule: 'base-image-share', tp: 0, fp: 1, fn: 0 },
    { rule: 'package-cache', tp: 1, fp: 0, fn: 0 },
  ]);
  expect(total).toEqual({ rule: 'total', tp: 1, fp: 2, fn: 1 });
});
