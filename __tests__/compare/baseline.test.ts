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
  test('compare-to wins, whatever the event', () => {
    expect(plan('pull-request', { compareTo: 'ghcr.io/x/y:stable' })).toEqual({
      kind: 'reference',
      ref: 'ghcr.io/x/y:stable',
    });
  });

  test.each([
    ['pull-request', 'ghcr.io/octo-org/octo-app:main'],
    ['pull-request-fork', 'ghcr.io/octo-org/octo-app:main'],
    ['pull-request-target', 'ghcr.io/octo-org/octo-app:main'],
  ] as const)('%s: the tag a push to the base branch gets', (fixture, ref) => {
    expect(plan(fixture)).toEqual({ kind: 'reference', ref });
  });

  test('a PR under custom rules: the base branch tag those rules give, prefix included', () => {
    expect(plan('pull-request', { tags: ['type=ref,event=branch,prefix=br-', 'type=ref,event=pr'] })).toEqual(
      {
        kind: 'reference',
        ref: 'ghcr.io/octo-org/octo-app:br-main',
      },
    );
  });

  test('a PR under sha rules only: none (the base commit is not known, the PR sha would name the PR)', () => {
    expect(plan('pull-request', { tags: ['type=sha'] })).toEqual({
      kind: 'none',
      reason: 'no tag rule names a push to main',
    });
  });

  test('a PR whose rules never tag a branch push: none, with the reason', () => {
    expect(plan('pull-request', { tags: ['type=ref,event=pr'] })).toEqual({
      kind: 'none',
      reason: 'no tag rule names a push to main',
    });
  });

  test('a push to a branch: what the branch tag pointed to before the push', () => {
    expect(plan('push-feature-branch')).toEqual({
      kind: 'before-push',
      ref: 'ghcr.io/octo-org/octo-app:feature-x',
    });
    expect(plan('push-default-branch')).toEqual({
      kind: 'before-push',
      ref: 'ghcr.io/octo-org/octo-app:main',
    });
  });

  test('a release tag: the previous release', () => {
    expect(plan('push-tag-v1.2.3')).toEqual({
      kind: 'previous-release',
      repository: 'ghcr.io/octo-org/octo-app',
      version: '1.2.3',
    });
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
