/**
 * When the size history is read and when it is written (issue 16): pure, so that every case is a
 * row of a table (__tests__/compare/history-policy.test.ts).
 *  - `history: false`: neither.
 *  - Read: whenever a report is made, in the main action and the report action; the trend
 *    needs only read access (a fork's pull request reads it too).
 *  - Write: only on a push of a tag others compare against: a push (or release, or manual run)
 *    of the default branch or of a git tag. Never for a pull request (a fork's token is
 *    read-only, and a PR's image is no baseline), never under workflow_run or
 *    pull_request_target, never without a push or for one leg of a push-by-digest (the merge
 *    step tags the image; it neither reads nor writes the history).
 */
import type { GitContext } from '../plan/context.js';

export const HISTORY_MODES = ['true', 'false', 'reset'] as const;
export type HistoryMode = (typeof HISTORY_MODES)[number];

export interface HistoryFacts {
  mode: HistoryMode;
  /** The image was pushed, with its tags (not a push-by-digest leg). */
  pushed: boolean;
  context: Pick<GitContext, 'eventName' | 'ref' | 'defaultBranch' | 'pullRequest'>;
}

export interface HistoryDecision {
  read: boolean;
  write: boolean;
  /** Why it is written or not: for the debug log (no ref text: a kind only). */
  why: string;
  /** The branch whose trend the report shows: a pull request's base; undefined elsewhere. */
  trendBranch?: string;
}

const WRITING_EVENTS = new Set(['push', 'release', 'workflow_dispatch']);

export function decideHistory(facts: HistoryFacts): HistoryDecision {
  const { mode, pushed, context } = facts;
  if (mode === 'false') return { read: false, write: false, why: 'history is false' };
  const trendBranch = context.pullRequest?.baseRef || undefined;
  const read = { read: true, ...(trendBranch && { trendBranch }) };
  if (context.pullRequest) return { ...read, write: false, why: 'a pull request never writes the history' };
  if (!WRITING_EVENTS.has(context.eventName))
    return {
      ...read,
      write: false,
      why: `a ${context.eventName || 'unknown'} event does not write the history`,
    };
  if (!pushed) return { ...read, write: false, why: 'nothing was pushed' };
  if (context.ref.startsWith('refs/tags/'))
    return { ...read, write: true, why: 'a release (git tag) was pushed' };
  if (context.defaultBranch && context.ref === `refs/heads/${context.defaultBranch}`)
    return { ...read, write: true, why: 'the default branch was pushed' };
  return {
    ...read,
    write: false,
    why: context.defaultBranch
      ? 'only the default branch and git tags write the history'
      : 'the event does not name the default branch',
  };
}
