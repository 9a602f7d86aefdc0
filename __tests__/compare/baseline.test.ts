import { describe, expect, test } from '@jest/globals';
import { planBaseline, previousRelease } from '../../src/compare/baseline.js';
import { parseFlavor } from '../../src/plan/flavor.js';
import { parseTagRules } from '../../src/plan/tags.js';
import { loadContext } from '../fixtures/events/index.js';

const now = new Date('2026-11-28T00:00:00Z');
const flavor = parseFlavor([]);
const plan = (
  fixture: Parameters<typeof loadContext>[0],
  extra: { compareTo?: string; tags?: string[]; images?: string[] } = {},
) =>
  planBaseline({
    compareTo: extra.compareTo ?? '',
    images: extra.images ?? ['ghcr.io/octo-org/octo-app'],
    tagRules: parseTagRules(extra.tags ?? []).rules,
    flavor,
    context: loadContext(fixture),
    now,
  });

describe('planBaseline', () => {
  const APP = 'ghcr.io/octo-org/octo-app';
  const noBranchTag = { kind: 'none' as const, reason: 'no tag rule names a push to main' };
  // Each row: an event fixture, the inputs that differ from the defaults, and the baseline plan.
  test.each<{
    name: string;
    fixture: Parameters<typeof loadContext>[0];
    extra?: Parameters<typeof plan>[1];
    expected: ReturnType<typeof plan>;
  }>([
    {
      name: 'compare-to wins, whatever the event',
      fixture: 'pull-request',
      extra: { compareTo: 'ghcr.io/x/y:stable' },
      expected: { kind: 'reference', ref: 'ghcr.io/x/y:stable' },
    },
    ...(['pull-request', 'pull-request-fork', 'pull-request-target'] as const).map((fixture) => ({
      name: `${fixture}: the tag a push to the base branch gets`,
      fixture,
      expected: { kind: 'reference' as const, ref: `${APP}:main` },
    })),
    {
      name: 'a PR under custom rules: the base branch tag those rules give, prefix included',
      fixture: 'pull-request',
      extra: { tags: ['type=ref,event=branch,prefix=br-', 'type=ref,event=pr'] },
      expected: { kind: 'reference', ref: `${APP}:br-main` },
    },
    {
      name: 'a PR under sha rules only: none (the base commit is not known, the PR sha would name the PR)',
      fixture: 'pull-request',
      extra: { tags: ['type=sha'] },
      expected: noBranchTag,
    },
    {
      name: 'a PR whose rules never tag a branch push: none, with the reason',
      fixture: 'pull-request',
      extra: { tags: ['type=ref,event=pr'] },
      expected: noBranchTag,
    },
    {
      name: 'a push to a branch: what the branch tag pointed to before the push',
      fixture: 'push-feature-branch',
      expected: { kind: 'before-push', ref: `${APP}:feature-x` },
    },
    {
      name: 'a push to the default branch: what its tag pointed to before the push',
      fixture: 'push-default-branch',
      expected: { kind: 'before-push', ref: `${APP}:main` },
    },
    {
      name: 'a release tag: the previous release',
      fixture: 'push-tag-v1.2.3',
      expected: { kind: 'previous-release', repository: APP, version: '1.2.3' },
    },
  ])('$name', ({ fixture, extra, expected }) => {
    expect(plan(fixture, extra)).toEqual(expected);
  });

  test('no images: none', () => {
    expect(plan('pull-request', { images: [] })).toMatchObject({ kind: 'none' });
  });
});

test.each<[string[], string, string | undefined]>([
  [['1.2.2', '1.2', '1', 'latest', '1.1.9', '1.2.3'], '1.2.3', '1.2.2'],
  [['1.10.0', '1.9.0', '1.2.0'], '1.11.0', '1.10.0'],
  [['v1.0.0', '0.9.0'], '1.1.0', 'v1.0.0'],
  [['2.0.0-rc.1', '1.9.0'], '2.0.0', '1.9.0'],
  [['2.0.0', '3.0.0'], '1.0.0', undefined],
  [[], '1.0.0', undefined],
  [['1.0.0'], 'main', undefined],
])('previousRelease(%j, %s) = %s', (tags, version, expected) => {
  expect(previousRelease(tags, version)).toBe(expected);
});
