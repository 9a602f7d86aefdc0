/**
 * The size budget's verdict, as the report carries it (compare/budget.ts gives it). Plain data.
 */

export type BudgetStatus = 'pass' | 'warn' | 'fail';

export interface BudgetViolation {
  platform: string;
  /** The rule as written, without the platform prefix. */
  rule: string;
  /** Bytes; a percentage for `max-increase-percent`. */
  limit: number;
  /** Bytes (for `max-increase`, the growth); a percentage for `max-increase-percent`. */
  actual: number;
}

/** A rule that needs the baseline, which could not be read (report.baselineUnavailable). */
export interface BudgetUnchecked {
  platform: string;
  /** The rule as written, without the platform prefix. */
  rule: string;
}

export interface Budget {
  status: BudgetStatus;
  violations: BudgetViolation[];
  /** Rules not checked for want of a baseline that exists but could not be read; absent when none. */
  unchecked?: BudgetUnchecked[];
  /**
   * Rules for a platform the image does not have, so never checked (the platforms were the
   * builder's own; a platforms input or the merge's legs refuse them before anything is pushed).
   */
  absent?: BudgetUnchecked[];
}
