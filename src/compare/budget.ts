/**
 * The size budget: rules from the `size-budget` input, checked against a size report.
 * Pure: rules and a report in, a verdict out.
 */
import { InputError } from '../util/errors.js';
import type { PlatformReport, SizeReport } from '../report/size-report.js';
import type { Budget, BudgetUnchecked, BudgetViolation } from '../report/budget.js';

export const BUDGET_RULE_KINDS = [
  'max-compressed',
  'max-uncompressed',
  'max-wasted',
  'max-increase',
  'max-increase-percent',
] as const;

export type BudgetRuleKind = (typeof BUDGET_RULE_KINDS)[number];

export interface BudgetRule {
  kind: BudgetRuleKind;
  /** Bytes; a percentage for `max-increase-percent`. */
  limit: number;
  /** Only this platform (`os/arch[/variant]`); undefined for every platform. */
  platform?: string;
  /** The rule as written, without the platform prefix: `max-compressed=300MB`. */
  text: string;
}

export type BudgetAction = 'fail' | 'warn';
/** The rules that compare with the baseline. */
export const BASELINE_RULE_KINDS: readonly BudgetRuleKind[] = ['max-increase', 'max-increase-percent'];

// Decimal units as registries show sizes, binary ones for those who think in MiB.
const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

const RULE = /^(?:([^\s:=]+)\s*:\s*)?([A-Za-z-]+)\s*=\s*(.*)$/;
const SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-z]+)$/;
const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/;
const PLATFORM = /^[a-z0-9_.-]+\/[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)?$/;

/** One rule a line; blank lines and `#` comments are skipped. Throws InputError('size-budget'). */
export function parseBudget(lines: string[]): BudgetRule[] {
  const rules: BudgetRule[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const rule = parseRule(line);
    const scope = rule.platform ?? 'every platform';
    if (rules.some((r) => r.kind === rule.kind && r.platform === rule.platform)) {
      throw new InputError('size-budget', line, `repeats a ${rule.kind} rule already given for ${scope}`);
    }
    rules.push(rule);
  }
  return rules;
}

function parseRule(line: string): BudgetRule {
  const match = RULE.exec(line);
  if (!match) {
    throw new InputError('size-budget', line, 'is not a rule such as max-compressed=300MB');
  }
  const [, platform, name, value] = match;
  if (platform !== undefined && !PLATFORM.test(platform)) {
    throw new InputError(
      'size-budget',
      line,
      'has a platform that is not os/arch[/variant], e.g. linux/arm64',
    );
  }
  if (!(BUDGET_RULE_KINDS as readonly string[]).includes(name)) {
    throw new InputError(
      'size-budget',
      line,
      `has an unknown rule "${name}" (known: ${BUDGET_RULE_KINDS.join(', ')})`,
    );
  }
  const kind = name as BudgetRuleKind;
  const written = value.trim();
  const limit = kind === 'max-increase-percent' ? parsePercent(written) : parseSize(written);
  if (limit === undefined) {
    const expected =
      kind === 'max-increase-percent'
        ? 'a percentage such as 5 or 2.5'
        : 'a size such as 300MB, 1.5GB or 512MiB (units B, kB, MB, GB, TB, KiB, MiB, GiB, TiB)';
    throw new InputError('size-budget', line, `has a limit that is not ${expected}`);
  }
  return { kind, limit, ...(platform !== undefined && { platform }), text: `${kind}=${written}` };
}

/** `300MB`, `1.5 gb`, `512MiB` -> bytes; undefined when it is not a size with a unit. */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text);
  const unit = match && UNITS[match[2].toLowerCase()];
  return unit ? Math.round(Number(match[1]) * unit) : undefined;
}

function parsePercent(text: string): number | undefined {
  const match = PERCENT.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The `budget-action` input: `fail` (the default with a budget) or `warn`. */
export function parseBudgetAction(value: string, hasBudget: boolean): BudgetAction {
  const action = value.trim();
  // Without a budget nothing can be exceeded; `warn` says so if the value is ever read.
  if (action === '') return hasBudget ? 'fail' : 'warn';
  if (action === 'fail' || action === 'warn') return action;
  throw new InputError('budget-action', value, 'must be fail or warn');
}

/**
 * Checks every platform of the report against the rules. A rule with a platform replaces the
 * rules of the same kind without one for that platform (so `linux/arm64: max-compressed=400MB`
 * can loosen a global limit as well as tighten it). A figure that was not measured, or an
 * increase without a baseline for the platform (none yet, or a new platform), is not evaluated:
 * only a measured excess is a violation, and a limit that is reached exactly holds. But a
 * baseline that exists and could not be read never lets an increase rule pass: each such rule is
 * `unchecked`, and the verdict is `action` (compare/baseline-policy.ts). A rule for a platform the
 * image does not have is never checked either: it is `absent`, and the verdict is `action` too.
 */
export function evaluateBudget(report: SizeReport, rules: BudgetRule[], action: BudgetAction): Budget {
  const violations: BudgetViolation[] = [];
  const unchecked: BudgetUnchecked[] = [];
  for (const platform of report.platforms) {
    for (const rule of rulesFor(platform.platform, rules)) {
      if (report.baselineUnavailable && BASELINE_RULE_KINDS.includes(rule.kind)) {
        unchecked.push({ platform: platform.platform, rule: rule.text });
        continue;
      }
      const actual = figure(rule.kind, platform);
      if (actual !== null && actual > rule.limit) {
        violations.push({ platform: platform.platform, rule: rule.text, limit: rule.limit, actual });
      }
    }
  }
  const absent = rulesForAbsentPlatforms(
    rules,
    report.platforms.map((p) => p.platform),
  ).map((rule) => ({ platform: rule.platform!, rule: rule.text }));
  return {
    status: violations.length === 0 && unchecked.length === 0 && absent.length === 0 ? 'pass' : action,
    violations,
    ...(unchecked.length > 0 && { unchecked }),
    ...(absent.length > 0 && { absent }),
  };
}

/**
 * The rules for a platform that none of `platforms` is (a typo such as `linux/amd46`, or a
 * platform that is not built): they would never apply, and the budget would pass unchecked.
 */
export function rulesForAbsentPlatforms(rules: BudgetRule[], platforms: readonly string[]): BudgetRule[] {
  return rules.filter(
    (rule) => rule.platform !== undefined && !platforms.some((p) => platformMatches(rule.platform!, p)),
  );
}

/** The rule as the user wrote it, platform included: `linux/arm64: max-compressed=250MB`. */
export function ruleLine(rule: BudgetRule): string {
  return rule.platform === undefined ? rule.text : `${rule.platform}: ${rule.text}`;
}

function rulesFor(platform: string, rules: BudgetRule[]): BudgetRule[] {
  const specific = rules.filter((r) => r.platform !== undefined && platformMatches(r.platform, platform));
  return rules.filter(
    (r) => specific.includes(r) || (r.platform === undefined && !specific.some((s) => s.kind === r.kind)),
  );
}

// `linux/arm64` in a rule covers `linux/arm64/v8` in a report; arm64 without a variant is v8,
// as containerd normalises it, so `linux/arm64/v8` also covers `linux/arm64`.
function platformMatches(rulePlatform: string, reportPlatform: string): boolean {
  const [ruleOs, ruleArch, ruleVariant] = rulePlatform.split('/');
  const [os, arch, variant] = reportPlatform.split('/');
  if (ruleOs !== os || ruleArch !== arch) return false;
  if (ruleVariant === undefined) return true;
  const normal = (v: string | undefined) => v ?? (arch === 'arm64' ? 'v8' : undefined);
  return normal(ruleVariant) === normal(variant);
}

function figure(kind: BudgetRuleKind, p: PlatformReport): number | null {
  switch (kind) {
    case 'max-compressed':
      return p.compressed;
    case 'max-uncompressed':
      return p.uncompressed;
    case 'max-wasted':
      return p.wasted;
    case 'max-increase':
      return p.delta ? p.delta.compressed : null;
    case 'max-increase-percent':
      // From an empty baseline any growth is an infinite percentage: no meaningful figure.
      return p.delta && p.baseline && p.baseline.compressed > 0
        ? (p.delta.compressed / p.baseline.compressed) * 100
        : null;
  }
}
