import { describe, expect, test } from '@jest/globals';
import { needsTrustCheck, untrustedBuildRefusal, type TrustInput } from '../../src/buildx/trust.js';

const BASE = 'b'.repeat(40);
const HEAD = 'a'.repeat(40);
const prTarget: TrustInput = {
  eventName: 'pull_request_target',
  trustedSha: BASE,
  builtSha: HEAD,
  credentials: ['push'],
  allowUntrusted: false,
};

describe('untrustedBuildRefusal', () => {
  test.each<[string, Partial<TrustInput>, boolean]>([
    ['pull_request_target building the PR head with push', {}, true],
    ['pull_request_target building the PR head with secrets', { credentials: ['secrets'] }, true],
    ['pull_request_target with a commit that cannot be told', { builtSha: undefined }, true],
    ['pull_request_target building the base commit', { builtSha: BASE }, false],
    ['pull_request_target without credentials', { credentials: [] }, false],
    ['pull_request_target, opted in', { allowUntrusted: true }, false],
    [
      'workflow_run after a pull_request',
      { eventName: 'workflow_run', triggeringEvent: 'pull_request' },
      true,
    ],
    [
      'workflow_run after a pull_request_target',
      { eventName: 'workflow_run', triggeringEvent: 'pull_request_target' },
      true,
    ],
    ['workflow_run after a push', { eventName: 'workflow_run', triggeringEvent: 'push' }, false],
    ['pull_request (read-only token for forks)', { eventName: 'pull_request' }, false],
    ['push', { eventName: 'push' }, false],
  ])('%s', (_name, change, refused) => {
    expect(untrustedBuildRefusal({ ...prTarget, ...change }) !== undefined).toBe(refused);
  });

  test('the refusal names the event, the commits, the credentials, the safe pattern and the opt-in', () => {
    const message = untrustedBuildRefusal({ ...prTarget, credentials: ['push', 'secrets'] }) ?? '';
    expect(message).toContain('pull_request_target');
    expect(message).toContain(`commit ${HEAD.slice(0, 12)}, not GITHUB_SHA ${BASE.slice(0, 12)}`);
    expect(message).toContain('with push, secrets');
    expect(message).toContain('workflow_run');
    expect(message).toContain('https://securitylab.github.com/');
    expect(message).toContain('allow-untrusted-build: true');
  });
});

test.each<[string, string | undefined, boolean]>([
  ['pull_request_target', undefined, true],
  ['workflow_run', 'pull_request', true],
  ['workflow_run', 'schedule', false],
  ['workflow_run', undefined, false],
  ['pull_request', undefined, false],
])(
  'needsTrustCheck: only the privileged events that a pull request triggered: %s (of %p) -> %p',
  (event, triggeredBy, needed) => {
    expect(needsTrustCheck(event, triggeredBy)).toBe(needed);
  },
);
