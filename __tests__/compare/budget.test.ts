import { describe, expect, test } from '@jest/globals';
import {
  evaluateBudget,
  parseBudget,
  parseBudgetAction,
  parseSize,
  ruleLine,
  rulesForAbsentPlatforms,
  type BudgetRule,
} from '../../src/compare/budget.js';
import { InputError } from '../../src/util/errors.js';
import type { PlatformReport, SizeReport } from '../../src/report/size-report.js';

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseSize', () => {
  test.each<[string, number]>([
    ['300MB', 300_000_000],
    ['1GB', 1_000_000_000],
    ['1.5GB', 1_500_000_000],
    ['.5GB', 500_000_000],
    ['10 mb', 10_000_000],
    ['1kB', 1_000],
    ['1KB', 1_000],
    ['7B', 7],
    ['0B', 0],
    ['2TB', 2_000_000_000_000],
    ['1KiB', 1_024],
    ['512MiB', 536_870_912],
    ['1.5gib', 1_610_612_736],
    ['1TiB', 1_099_511_627_776],
    ['0.0015kB', 2],
  ])('%s = %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  test.each(['300', 'MB', '-1MB', '1e3MB', '1.5.2GB', '10 M', '10Mbps', '1,5GB', '', '5 %'])(
    '%j is not a size',
    (text) => {
      expect(parseSize(text)).toBeUndefined();
    },
  );
});

describe('parseBudget', () => {
  test('every rule kind, with and without a platform, comments and blank lines skipped', () => {
    expect(
      parseBudget([
        '# limits for the API image',
        'max-compressed=300MB',
        '',
        '  max-uncompressed = 1GB  ',
        'max-increase=10MB',
        'max-increase-percent=5',
        'max-wasted=20MB',
        'linux/arm64: max-compressed=250MB',
        'linux/arm/v7:max-increase-percent=2.5%',
      ]),
    ).toEqual([
      { kind: 'max-compressed', limit: 300_000_000, text: 'max-compressed=300MB' },
      { kind: 'max-uncompressed', limit: 1_000_000_000, text: 'max-uncompressed=1GB' },
      { kind: 'max-increase', limit: 10_000_000, text: 'max-increase=10MB' },
      { kind: 'max-increase-percent', limit: 5, text: 'max-increase-percent=5' },
      { kind: 'max-wasted', limit: 20_000_000, text: 'max-wasted=20MB' },
      { kind: 'max-compressed', limit: 250_000_000, platform: 'linux/arm64', text: 'max-compressed=250MB' },
      {
        kind: 'max-increase-percent',
        limit: 2.5,
        platform: 'linux/arm/v7',
        text: 'max-increase-percent=2.5%',
      },
    ] satisfies BudgetRule[]);
  });

  test('no lines: no rules', () => {
    expect(parseBudget([])).toEqual([]);
    expect(parseBudget(['', '  ', '# nothing yet'])).toEqual([]);
  });

  test.each<[string, string]>([
    ['max-compressed', 'is not a rule such as max-compressed=300MB'],
    ['300MB', 'is not a rule such as max-compressed=300MB'],
    ['max-size=300MB', 'has an unknown rule "max-size" (known: max-compressed, max-uncompressed, max-wasted'],
    ['Max-Compressed=300MB', 'has an unknown rule "Max-Compressed"'],
    ['max-compressed=300', 'has a limit that is not a size such as 300MB'],
    ['max-compressed=', 'has a limit that is not a size such as 300MB'],
    ['max-compressed=-5MB', 'has a limit that is not a size such as 300MB'],
    ['max-compressed=300 megabytes', 'has a limit that is not a size such as 300MB'],
    ['max-increase-percent=5MB', 'has a limit that is not a percentage such as 5 or 2.5'],
    ['max-increase-percent=-1', 'has a limit that is not a percentage such as 5 or 2.5'],
    ['linux: max-compressed=300MB', 'has a platform that is not os/arch[/variant], e.g. linux/arm64'],
    ['linux/arm64/v8/x: max-compressed=300MB', 'has a platform that is not os/arch[/variant]'],
    ['Linux/ARM64: max-compressed=300MB', 'has a platform that is not os/arch[/variant]'],
  ])('%j is an input error: %s', (line, reason) => {
    const error = thrown(() => parseBudget(['max-wasted=1MB', line]));
    expect(error.input).toBe('size-budget');
    expect(error.value).toBe(line);
    expect(error.reason).toContain(reason);
  });

  test('a rule given twice for the same scope is an input error; per platform it is not', () => {
    expect(parseBudget(['max-compressed=300MB', 'linux/arm64: max-compressed=250MB'])).toHaveLength(2);
    const twice = thrown(() => parseBudget(['max-compressed=300MB', 'max-compressed=200MB']));
    expect(twice.value).toBe('max-compressed=200MB');
    expect(twice.reason).toBe('repeats a max-compressed rule already given for every platform');
    const twiceArm = thrown(() =>
      parseBudget(['linux/arm64: max-wasted=1MB', 'linux/arm64: max-wasted=2MB']),
    );
    expect(twiceArm.reason).toBe('repeats a max-wasted rule already given for linux/arm64');
  });
});

describe('parseBudgetAction', () => {
  test.each<[string, boolean, string]>([
    ['', true, 'fail'],
    ['', false, 'warn'],
    ['fail', true, 'fail'],
    ['warn', true, 'warn'],
    [' warn ', true, 'warn'],
    ['fail', false, 'fail'],
  ])('%j with a budget: %s -> %s', (value, hasBudget, action) => {
    expect(parseBudgetAction(value, hasBudget)).toBe(action);
  });

  test.each(['error', 'FAIL', 'true'])('%j is an input error', (value) => {
    const error = thrown(() => parseBudgetAction(value, true));
    expect(error.input).toBe('budget-action');
    expect(error.value).toBe(value);
    expect(error.reason).toBe('must be fail or warn');
  });
});

// ---- evaluateBudget ----

interface PlatformFigures {
  compressed: number;
  uncompressed?: number | null;
  wasted?: number | null;
  /** The baseline's compressed size; undefined: the platform has no baseline. */
  baseline?: number;
}

function report(platforms: Record<string, PlatformFigures>): SizeReport {
  return {
    version: 1,
    image: { ref: 'localhost:5000/acme/app:pr-1', digest: 'sha256:1' },
    baseline: { ref: 'localhost:5000/acme/app:main', digest: 'sha256:2' },
    removedPlatforms: [],
    platforms: Object.entries(platforms).map(([platform, f]): PlatformReport => {
      const uncompressed = f.uncompressed === undefined ? f.compressed * 2 : f.uncompressed;
      const wasted = f.wasted === undefined ? 0 : f.wasted;
      const base = f.baseline;
      return {
        platform,
        compressed: f.compressed,
        uncompressed,
        wasted,
        newToPull: base === undefined ? null : Math.max(0, f.compressed - base),
        layers: [],
        baseline:
          base === undefined ? null : { compressed: base, uncompressed: base * 2, wasted: 0, layerCount: 1 },
        delta:
          base === undefined
            ? null
            : {
                compressed: f.compressed - base,
                uncompressed: uncompressed === null ? null : uncompressed - base * 2,
                wasted,
                layerCount: 0,
              },
        changes: base === undefined ? null : { added: [], removed: [] },
      };
    }),
  };
}

const MB = 1_000_000;

describe('evaluateBudget', () => {
  test.each<[string, PlatformFigures, { limit: number; actual: number } | null]>([
    ['max-compressed=300MB', { compressed: 301 * MB }, { limit: 300 * MB, actual: 301 * MB }],
    ['max-compressed=300MB', { compressed: 300 * MB }, null],
    [
      'max-uncompressed=1GB',
      { compressed: MB, uncompressed: 1_000_000_001 },
      { limit: 1e9, actual: 1_000_000_001 },
    ],
    ['max-uncompressed=1GB', { compressed: MB, uncompressed: null }, null],
    ['max-wasted=20MB', { compressed: MB, wasted: 25 * MB }, { limit: 20 * MB, actual: 25 * MB }],
    ['max-wasted=20MB', { compressed: MB, wasted: null }, null],
    ['max-increase=10MB', { compressed: 112 * MB, baseline: 100 * MB }, { limit: 10 * MB, actual: 12 * MB }],
    ['max-increase=10MB', { compressed: 110 * MB, baseline: 100 * MB }, null],
    ['max-increase=10MB', { compressed: 80 * MB, baseline: 100 * MB }, null],
    ['max-increase=10MB', { compressed: 500 * MB }, null],
    ['max-increase=0B', { compressed: 100 * MB + 1, baseline: 100 * MB }, { limit: 0, actual: 1 }],
    ['max-increase-percent=5', { compressed: 106.25 * MB, baseline: 100 * MB }, { limit: 5, actual: 6.25 }],
    ['max-increase-percent=5', { compressed: 105 * MB, baseline: 100 * MB }, null],
    ['max-increase-percent=5', { compressed: 500 * MB }, null],
    ['max-increase-percent=5', { compressed: MB, baseline: 0 }, null],
  ])('%s on %j', (line, figures, violation) => {
    const budget = evaluateBudget(report({ 'linux/amd64': figures }), parseBudget([line]), 'fail');
    expect(budget).toEqual(
      violation
        ? { status: 'fail', violations: [{ platform: 'linux/amd64', rule: line, ...violation }] }
        : { status: 'pass', violations: [] },
    );
  });

  const twoPlatforms = report({
    'linux/amd64': { compressed: 350 * MB },
    'linux/arm64/v8': { compressed: 350 * MB },
  });

  test('a rule without a platform applies to every platform, in report order', () => {
    const budget = evaluateBudget(twoPlatforms, parseBudget(['max-compressed=300MB']), 'fail');
    expect(budget.violations.map((v) => v.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
  });

  test('a platform rule replaces the general rule of its kind for that platform: looser', () => {
    const rules = parseBudget(['max-compressed=300MB', 'linux/arm64: max-compressed=400MB']);
    expect(evaluateBudget(twoPlatforms, rules, 'fail').violations).toEqual([
      { platform: 'linux/amd64', rule: 'max-compressed=300MB', limit: 300 * MB, actual: 350 * MB },
    ]);
  });

  test('a rule for a platform the image does not have is absent: never checked, so never a pass', () => {
    const rules = parseBudget(['max-compressed=1GB', 'linux/s390x: max-compressed=1GB']);
    expect(evaluateBudget(twoPlatforms, rules, 'warn')).toEqual({
      status: 'warn',
      violations: [],
      absent: [{ platform: 'linux/s390x', rule: 'max-compressed=1GB' }],
    });
  });

  test('a platform rule replaces the general rule of its kind for that platform: tighter', () => {
    const rules = parseBudget([
      'max-compressed=400MB',
      'linux/arm64/v8: max-compressed=250MB',
      'max-wasted=1B',
    ]);
    expect(evaluateBudget(twoPlatforms, rules, 'warn')).toEqual({
      status: 'warn',
      violations: [
        { platform: 'linux/arm64/v8', rule: 'max-compressed=250MB', limit: 250 * MB, actual: 350 * MB },
      ],
    });
  });

  test.each<[string, string, boolean]>([
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64/v8', 'linux/arm64', true],
    ['linux/arm64', 'linux/arm64', true],
    ['linux/arm', 'linux/arm/v7', true],
    ['linux/arm/v7', 'linux/arm/v6', false],
    ['linux/arm/v7', 'linux/arm', false],
    ['linux/amd64', 'linux/arm64', false],
    ['windows/amd64', 'linux/amd64', false],
  ])('a %s rule applies to %s: %s', (rulePlatform, platform, applies) => {
    const rules = parseBudget([`${rulePlatform}: max-compressed=1MB`]);
    const budget = evaluateBudget(report({ [platform]: { compressed: 2 * MB } }), rules, 'fail');
    expect(budget.violations).toHaveLength(applies ? 1 : 0);
  });

  test('warn and fail only differ in the status; no violation passes either way', () => {
    const rules = parseBudget(['max-compressed=300MB']);
    expect(evaluateBudget(twoPlatforms, rules, 'warn').status).toBe('warn');
    expect(evaluateBudget(twoPlatforms, rules, 'fail').status).toBe('fail');
    const small = report({ 'linux/amd64': { compressed: MB } });
    expect(evaluateBudget(small, rules, 'fail')).toEqual({ status: 'pass', violations: [] });
    expect(evaluateBudget(small, [], 'fail')).toEqual({ status: 'pass', violations: [] });
  });

  test('several rules on one platform report each violation in rule order', () => {
    const rules = parseBudget(['max-wasted=1MB', 'max-compressed=300MB', 'max-increase=1MB']);
    const budget = evaluateBudget(
      report({ 'linux/amd64': { compressed: 350 * MB, wasted: 2 * MB, baseline: 340 * MB } }),
      rules,
      'fail',
    );
    expect(budget.violations.map((v) => [v.rule, v.actual])).toEqual([
      ['max-wasted=1MB', 2 * MB],
      ['max-compressed=300MB', 350 * MB],
      ['max-increase=1MB', 10 * MB],
    ]);
  });
});

describe('rulesForAbsentPlatforms', () => {
  const rules = parseBudget([
    'max-compressed=1GB',
    'linux/arm64: max-compressed=300MB',
    'linux/arm/v7: max-wasted=1MB',
    'linux/amd46: max-compressed=1MB',
  ]);

  test('a rule for a platform the image has, or for every platform, applies; a typo does not', () => {
    expect(
      rulesForAbsentPlatforms(rules, ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']).map(ruleLine),
    ).toEqual(['linux/amd46: max-compressed=1MB']);
  });

  test('a variant of another arm is another platform', () => {
    expect(rulesForAbsentPlatforms(rules, ['linux/arm64', 'linux/arm/v6']).map(ruleLine)).toEqual([
      'linux/arm/v7: max-wasted=1MB',
      'linux/amd46: max-compressed=1MB',
    ]);
  });
});
