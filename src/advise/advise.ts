/**
 * The size advisor's engine: every rule on every platform's attributed image, then what the
 * user sees: findings the Dockerfile silences (`# shipshape-ignore RULE-ID`) or that save less
 * than the threshold dropped, one finding per rule and line however many platforms have it,
 * largest savings first. Pure: inputs in, advice out.
 */
import type { AdviceInput, Finding, Rule } from './model.js';
import { isIgnored } from './dockerfile.js';
import { savingsTotal } from '../report/savings.js';

/** A finding as reported: the platform where it saves the most, and every platform that has it. */
export interface AdviceFinding extends Finding {
  /** The platforms the rule fired on, in input order. */
  platforms: string[];
}

export interface Advice {
  /** Largest savings first. */
  findings: AdviceFinding[];
  /** Bytes the findings save (savings.ts): an upper bound, since two fixes can save the same bytes. */
  total: number;
  /** Rules that threw: advice is a bonus, so a broken rule costs its findings, not the report. */
  failures: { rule: string; platform: string; message: string }[];
}

export interface AdviseOptions {
  rules: readonly Rule[];
  /** Findings that save fewer bytes than this are left out (input `advice-min-bytes`). */
  minBytes: number;
}

export function advise(inputs: readonly AdviceInput[], options: AdviseOptions): Advice {
  const merged = new Map<string, AdviceFinding>();
  const failures: Advice['failures'] = [];
  for (const input of inputs) {
    for (const rule of options.rules) {
      let findings: Finding[];
      try {
        findings = rule.check(input);
      } catch (error) {
        failures.push({ rule: rule.id, platform: input.platform, message: (error as Error).message });
        continue;
      }
      for (const finding of findings) {
        if (!isWellFormed(finding)) continue;
        if (isIgnored(input.dockerfile, finding.rule, finding.line)) continue;
        // The same line costs different bytes per platform (arm64 packages are bigger):
        // the report names the largest, with the message and fix that go with it.
        const key = `${finding.rule}\0${finding.file}\0${finding.line}`;
        const seen = merged.get(key);
        if (!seen) {
          merged.set(key, { ...finding, platforms: [input.platform] });
          continue;
        }
        if (!seen.platforms.includes(input.platform)) seen.platforms.push(input.platform);
        if (finding.bytes > seen.bytes) merged.set(key, { ...finding, platforms: seen.platforms });
      }
    }
  }
  const findings = [...merged.values()]
    .filter((f) => f.bytes >= options.minBytes)
    .sort(
      (a, b) => b.bytes - a.bytes || compare(a.file, b.file) || a.line - b.line || compare(a.rule, b.rule),
    );
  return { findings, total: savingsTotal(findings), failures };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A rule's bug must not put NaN bytes or line 0 into the report, the annotations or the JSON.
function isWellFormed(f: Finding): boolean {
  return (
    Number.isSafeInteger(f.bytes) &&
    f.bytes >= 0 &&
    Number.isSafeInteger(f.line) &&
    f.line >= 1 &&
    Number.isSafeInteger(f.endLine) &&
    f.endLine >= f.line &&
    (f.saves === undefined || (Number.isSafeInteger(f.saves) && f.saves >= 0))
  );
}
