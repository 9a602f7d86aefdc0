/**
 * Findings whose bytes are not a saving. `copy-before-install` counts the dependency layers every
 * source change rebuilds (the order costs build time, not image size); `add-local-file` counts
 * what ADD stored, which COPY stores just the same (the fix is about clarity). They are shown
 * with their bytes in the message, but add nothing to "up to N" and claim no "Saves" figure.
 * By rule id, since a saved report carries only the id.
 */
const NOT_SAVINGS: ReadonlySet<string> = new Set([
  'copy-before-install',
  'add-local-file',
  'base-image-share',
  // A no-op install saves nothing (its bytes are the package's, for ranking); a no-op upgrade
  // that the fix removes whole carries its own `saves`.
  'package-noop',
  // Rebuilt layers keep their files: a reproducible build changes their digests, not the bytes.
  'reproducible-build',
]);

export const savesBytes = (rule: string): boolean => !NOT_SAVINGS.has(rule);

/**
 * What a finding's fix alone saves: its `saves` where the advisor wrote one (it is the claim),
 * else (a report of an older version) its bytes unless the rule's bytes are not a saving;
 * undefined for "unknown", which stays out of the Saves column and the total.
 */
export const savedBy = (finding: { rule: string; bytes: number; saves?: number }): number | undefined =>
  finding.saves ?? (savesBytes(finding.rule) ? finding.bytes : undefined);

/** The bytes the findings could save together (an upper bound: two fixes can save the same bytes). */
export const savingsTotal = (findings: readonly { rule: string; bytes: number; saves?: number }[]): number =>
  findings.reduce((sum, f) => sum + (savedBy(f) ?? 0), 0);
