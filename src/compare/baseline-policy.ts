/**
 * The one policy for a baseline that cannot be compared with, in every action (main, report,
 * merge): the report is always produced, without a comparison.
 *  - `absent`: there is nothing to compare with yet (no tag names the base, or the tag does not
 *    exist: a first push). An info line; budget rules that need a baseline are not evaluated.
 *  - `unavailable`: the baseline is there, or may be, but cannot be read: broken (its tag
 *    resolves, a manifest or blob under it does not), its registry unreachable or refusing us,
 *    or no image (an artifact, an index of attestations only). A warning that names the cause;
 *    budget rules that need a baseline are not passed but fail or warn per `budget-action`
 *    (budget.ts).
 * Pure: what happened in, the outcome and the words for the log out.
 */
import { isRegistryError } from '../registry/errors.js';
import { NotAnImageError } from '../oci/manifest.js';
import type { BaselineOutcome, BaselineProblem } from '../report/baseline.js';

/** What went wrong reading a baseline. */
export interface BaselineFailure {
  error: unknown;
  /** The baseline's own tag (or digest) was not found: the first fetch, not one under it. */
  tagMissing?: boolean;
  /** What was missing under a tag that resolves: `blob sha256:…`, `manifest sha256:…`. */
  missing?: string;
}

/** The outcome of a failed read of the baseline `ref`. */
export function judgeBaseline(ref: string, failure: BaselineFailure): BaselineOutcome {
  const { error } = failure;
  const message = (error as { message?: unknown } | null)?.message;
  const said = typeof message === 'string' ? message : String(error);
  const unavailable = (problem: BaselineProblem, reason = said): BaselineOutcome => ({
    status: 'unavailable',
    ref,
    problem,
    reason,
  });
  if (error instanceof NotAnImageError) return unavailable('not-an-image');
  if (!isRegistryError(error)) return unavailable('unreadable');
  switch (error.kind) {
    case 'not-found':
      if (failure.tagMissing) return { status: 'absent', reason: `${ref} does not exist yet` };
      return unavailable(
        'broken',
        failure.missing ? `${ref}: its ${failure.missing} is missing (HTTP 404)` : said,
      );
    case 'unauthorized':
    case 'denied':
      return unavailable('unauthorized');
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate-limited':
      return unavailable('unreachable');
    default:
      return unavailable('unreadable');
  }
}

const PROBLEM_WORDS: Record<BaselineProblem, string> = {
  broken: 'the baseline is broken (its tag resolves, not its content)',
  unreachable: "the baseline's registry could not be reached",
  unauthorized: "the baseline's registry refused access",
  'not-an-image': 'the baseline is not an image',
  unreadable: 'the baseline could not be read',
};

/** The log line an outcome gets: info when there is no baseline yet, a warning when it failed. */
export function baselineNote(outcome: BaselineOutcome): { level: 'info' | 'warning'; message: string } {
  if (outcome.status === 'absent') {
    return { level: 'info', message: `Size report: no baseline: ${outcome.reason}.` };
  }
  return {
    level: 'warning',
    message: `Size report: ${PROBLEM_WORDS[outcome.problem]}, so there is no comparison: ${outcome.reason}`,
  };
}
