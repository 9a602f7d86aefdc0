/**
 * Why a report has no comparison although there is a baseline (compare/baseline-policy.ts judges
 * it), as the report carries it. Plain data.
 */

export const BASELINE_PROBLEMS = [
  'broken',
  'unreachable',
  'unauthorized',
  'not-an-image',
  'unreadable',
] as const;
export type BaselineProblem = (typeof BASELINE_PROBLEMS)[number];

export type BaselineOutcome =
  | { status: 'absent'; reason: string }
  | { status: 'unavailable'; ref: string; problem: BaselineProblem; reason: string };
