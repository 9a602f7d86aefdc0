/**
 * Findings whose bytes are not a saving. `copy-before-install` counts the dependency layers every
 * source change rebuilds (the order costs build time, not image size); `add-local-file` counts
 * what ADD stored, which COPY stores just the same (the fix is about clarity). They are shown
 * with their bytes in the message, but add nothing to "up to N" and claim no "Saves" figure.
 * By rule id, since a saved report carries only the id.
 */
const NOT_SAVINGS: ReadonlySet<string> = new Set(['copy-before-install', 'add-local-file']);

export const savesBytes = (rule: string): boolean => !NOT_SAVINGS.has(rule);

/** The bytes the findings could save together (an upper bound: two fixes can save the same bytes). */
export const savingsTotal = (findings: readonly { rule: string; bytes: number }[]): number =>
  findings.reduce((sum, f) => sum + (savesBytes(f.rule) ? f.bytes : 0), 0);
