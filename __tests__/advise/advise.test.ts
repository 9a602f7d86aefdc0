import { describe, expect, test } from '@jest/globals';
import { advise } from '../../src/advise/advise.js';
import { parseDockerfile } from '../../src/advise/dockerfile.js';
import type { AdviceInput, Finding, Rule } from '../../src/advise/model.js';
import { computeWaste } from '../../src/image/wasted.js';

const DOCKERFILE = [
  'FROM busybox', // 1
  'RUN echo one', // 2
  '# shipshape-ignore package-cache', // 3
  'RUN echo two && \\', // 4
  '    echo three', // 5
  'RUN echo four # shipshape-ignore hidden-bytes', // 6 (not a comment: part of the command)
  '# shipshape-ignore hidden-bytes, package-cache', // 7
  'COPY a /a', // 8
].join('\n');
const dockerfile = parseDockerfile(DOCKERFILE, { file: 'app/Dockerfile' });

const input = (platform: string): AdviceInput => ({
  dockerfile,
  platform,
  layers: [],
  waste: computeWaste([]),
});

const finding = (rule: string, line: number, bytes: number, endLine = line): Finding => ({
  rule,
  file: 'app/Dockerfile',
  line,
  endLine,
  bytes,
  message: `${rule} on ${line}: ${bytes}`,
  fix: `fix ${rule}`,
  saves: bytes,
});

/** A rule that finds, per platform, what the table says. */
const rule = (id: string, perPlatform: Record<string, Finding[]>): Rule => ({
  id,
  title: id,
  check: (i) => perPlatform[i.platform] ?? [],
});

const MB = 1_000_000;

describe('advise', () => {
  test('runs every rule on every platform; largest savings first; the total is their sum', () => {
    const rules = [
      rule('package-cache', { amd64: [finding('package-cache', 2, 3 * MB)] }),
      rule('hidden-bytes', {
        amd64: [finding('hidden-bytes', 6, 1 * MB)],
        arm64: [finding('hidden-bytes', 2, 5 * MB)],
      }),
    ];
    const advice = advise([input('amd64'), input('arm64')], { rules, minBytes: 0 });
    expect(advice.findings.map((f) => [f.rule, f.line, f.bytes, f.platforms])).toEqual([
      ['hidden-bytes', 2, 5 * MB, ['arm64']],
      ['package-cache', 2, 3 * MB, ['amd64']],
      ['hidden-bytes', 6, 1 * MB, ['amd64']],
    ]);
    expect(advice.total).toBe(9 * MB);
    expect(advice.failures).toEqual([]);
  });

  test('the same rule and line on two platforms is one finding: the larger, with its own message', () => {
    const rules = [
      rule('package-cache', {
        amd64: [finding('package-cache', 2, 2 * MB)],
        arm64: [finding('package-cache', 2, 7 * MB)],
        riscv: [finding('package-cache', 2, 1 * MB)],
      }),
    ];
    const advice = advise([input('amd64'), input('arm64'), input('riscv')], { rules, minBytes: 0 });
    expect(advice.findings).toEqual([
      { ...finding('package-cache', 2, 7 * MB), platforms: ['amd64', 'arm64', 'riscv'] },
    ]);
    expect(advice.total).toBe(7 * MB);
  });

  test('findings under minBytes are dropped, after merging (the largest platform decides)', () => {
    const rules = [
      rule('package-cache', {
        amd64: [finding('package-cache', 2, MB - 1), finding('package-cache', 8, MB - 1)],
        arm64: [finding('package-cache', 2, MB)],
      }),
    ];
    const advice = advise([input('amd64'), input('arm64')], { rules, minBytes: MB });
    expect(advice.findings.map((f) => [f.line, f.bytes, f.platforms])).toEqual([[2, MB, ['amd64', 'arm64']]]);
    expect(advice.total).toBe(MB);
  });

  test('# shipshape-ignore RULE silences that rule on the instruction below, every line of it', () => {
    const rules = [
      rule('package-cache', {
        amd64: [
          finding('package-cache', 4, 9 * MB, 5),
          finding('package-cache', 5, 8 * MB),
          finding('package-cache', 2, MB),
        ],
      }),
      rule('hidden-bytes', {
        amd64: [finding('hidden-bytes', 4, 2 * MB, 5), finding('hidden-bytes', 6, 3 * MB)],
      }),
      rule('other', { amd64: [finding('other', 8, 4 * MB)] }),
    ];
    const advice = advise([input('amd64')], { rules, minBytes: 0 });
    // line 3 silences package-cache only; line 7 silences both rules it names on COPY (8), not `other`
    expect(advice.findings.map((f) => [f.rule, f.line])).toEqual([
      ['other', 8],
      ['hidden-bytes', 6],
      ['hidden-bytes', 4],
      ['package-cache', 2],
    ]);
  });

  test('ties are ordered by file, line and rule, so the report is stable', () => {
    const rules = [
      rule('b-rule', { amd64: [finding('b-rule', 2, MB)] }),
      rule('a-rule', { amd64: [finding('a-rule', 2, MB), finding('a-rule', 1, MB)] }),
    ];
    const advice = advise([input('amd64')], { rules, minBytes: 0 });
    expect(advice.findings.map((f) => `${f.rule}:${f.line}`)).toEqual(['a-rule:1', 'a-rule:2', 'b-rule:2']);
  });

  test('a rule that throws costs its findings, not the others; a malformed finding is dropped', () => {
    const broken: Rule = {
      id: 'broken',
      title: 'broken',
      check: () => {
        throw new Error('bad index');
      },
    };
    const sloppy = rule('sloppy', {
      amd64: [
        finding('sloppy', 2, Number.NaN),
        finding('sloppy', 0, MB),
        finding('sloppy', 5, MB, 4),
        finding('sloppy', 2, -1),
        finding('sloppy', 2, 1.5),
        finding('sloppy', 8, 2 * MB),
      ],
    });
    const advice = advise([input('amd64')], { rules: [broken, sloppy], minBytes: 0 });
    expect(advice.failures).toEqual([{ rule: 'broken', platform: 'amd64', message: 'bad index' }]);
    expect(advice.findings.map((f) => [f.line, f.bytes])).toEqual([[8, 2 * MB]]);
  });

  test('no rules, or no platforms: no findings, total 0', () => {
    expect(advise([input('amd64')], { rules: [], minBytes: 0 })).toEqual({
      findings: [],
      total: 0,
      failures: [],
    });
    expect(advise([], { rules: [rule('x', {})], minBytes: 0 }).findings).toEqual([]);
  });
});
