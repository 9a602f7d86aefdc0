import { expect, test } from '@jest/globals';
import { decideHistory, type HistoryMode } from '../../src/compare/history-policy.js';

const pr = { number: 7, baseRef: 'main', headRef: 'x', headSha: 'c', fromFork: false };
const fork = { ...pr, fromFork: true };

test.each([
  // mode, pushed, event, ref, default branch, pull request -> read, write, trend branch
  ['true', true, 'push', 'refs/heads/main', 'main', undefined, true, true, undefined],
  ['true', true, 'push', 'refs/tags/v1.2.3', 'main', undefined, true, true, undefined],
  ['true', true, 'release', 'refs/tags/v1.2.3', 'main', undefined, true, true, undefined],
  ['true', true, 'workflow_dispatch', 'refs/heads/main', 'main', undefined, true, true, undefined],
  ['reset', true, 'push', 'refs/heads/main', 'main', undefined, true, true, undefined],
  ['true', true, 'push', 'refs/heads/feature', 'main', undefined, true, false, undefined],
  ['true', true, 'push', 'refs/heads/main', '', undefined, true, false, undefined],
  ['true', false, 'push', 'refs/heads/main', 'main', undefined, true, false, undefined],
  ['true', true, 'schedule', 'refs/heads/main', 'main', undefined, true, false, undefined],
  ['true', true, 'workflow_run', 'refs/heads/main', 'main', undefined, true, false, undefined],
  ['true', true, 'pull_request', 'refs/pull/7/merge', 'main', pr, true, false, 'main'],
  ['true', false, 'pull_request', 'refs/pull/7/merge', 'main', fork, true, false, 'main'],
  ['true', true, 'pull_request_target', 'refs/heads/main', 'main', pr, true, false, 'main'],
  ['false', true, 'push', 'refs/heads/main', 'main', undefined, false, false, undefined],
  ['false', false, 'pull_request', 'refs/pull/7/merge', 'main', pr, false, false, undefined],
] as const)(
  '%s, pushed %s, %s of %s (default %s) -> read %s, write %s',
  (mode, pushed, eventName, ref, defaultBranch, pullRequest, read, write, trendBranch) => {
    const decision = decideHistory({
      mode: mode as HistoryMode,
      pushed,
      context: { eventName, ref, defaultBranch, pullRequest },
    });
    expect([decision.read, decision.write, decision.trendBranch]).toEqual([read, write, trendBranch]);
    expect(decision.why).not.toContain(ref);
  },
);
