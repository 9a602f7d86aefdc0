/**
 * What a finding's fix saves, for the Saves column, the annotation's title and "up to N". The
 * advisor writes `saves` on every finding whose fix is an edit it measured (the claim); a finding
 * without it (a question such as "does a slimmer base serve?", or bytes that are not a saving, like
 * the rebuilt layers of copy-before-install) claims nothing: "–", and not in the total. By rule
 * id, since a saved report carries only the id.
 */

/**
 * Rules whose reports written before `saves` existed had bytes that were what the fix, an edit,
 * saves. Only their reports fall back to the bytes; any other finding without `saves` claims
 * nothing, so a rule (or a newer report's rule) that states no figure never shows one.
 */
const BYTES_WERE_SAVINGS: ReadonlySet<string> = new Set(['package-cache']);

/**
 * What a finding's fix alone saves: its `saves` where the advisor wrote one, else (a report of an
 * older version) its bytes for a rule whose bytes were a saving; undefined for "unknown" or "none",
 * which stays out of the Saves column and the total.
 */
export const savedBy = (finding: { rule: string; bytes: number; saves?: number }): number | undefined =>
  finding.saves ?? (BYTES_WERE_SAVINGS.has(finding.rule) ? finding.bytes : undefined);

/** The bytes the findings could save together (an upper bound: two fixes can save the same bytes). */
export const savingsTotal = (findings: readonly { rule: string; bytes: number; saves?: number }[]): number =>
  findings.reduce((sum, f) => sum + (savedBy(f) ?? 0), 0);
