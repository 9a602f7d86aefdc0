/**
 * docker/metadata-action's README documents, for each tag rule, what a git tag and a pattern give.
 * Its rows for the rules added for migration (type=match, type=pep440, the match= of semver and
 * pep440) are copied here as they are documented, with the event they imply (a push of that git
 * tag): the same rule on the same event must give the same tag. Where shipshape differs on purpose
 * (docs/migration.md), the row says so.
 */
import { describe, expect, test } from '@jest/globals';
import type { GitContext } from '../../src/plan/context.js';
import { DEFAULT_FLAVOR } from '../../src/plan/flavor.js';
import { parseTagRules, planTags } from '../../src/plan/tags.js';

const IMAGE = 'name/app';
const NOW = new Date('2020-01-10T00:30:00Z');

function tagPush(tag: string): GitContext {
  return {
    eventName: 'push',
    ref: `refs/tags/${tag}`,
    sha: '90dd6032fac8bda1b6c4436a2e65de27961ed071',
    repository: 'octocat/Hello-World',
    serverUrl: 'https://github.com',
    runId: '1',
    defaultBranch: 'master',
  };
}

/** The tags (without image) and the version a rule gives on a push of `gitTag`. */
function run(gitTag: string, rule: string) {
  const { rules, references } = parseTagRules([rule]);
  const plan = planTags({
    images: [IMAGE],
    rules,
    references,
    flavor: { ...DEFAULT_FLAVOR },
    context: tagPush(gitTag),
    now: NOW,
  });
  return { version: plan.version, tags: plan.tags.map((t) => t.slice(IMAGE.length + 1)) };
}

describe('type=match: metadata-action README, "type=match" table', () => {
  // | Git tag | Pattern | Group | Output |; latest comes with it (latest=auto, "Latest tag").
  test.each<[string, string, string, string]>([
    ['v1.2.3', '\\d.\\d.\\d', '0', '1.2.3'],
    ['v2.0.8-beta.67', 'v(.*)', '1', '2.0.8-beta.67'],
    ['v2.0.8-beta.67', 'v(\\d.\\d)', '1', '2.0'],
    ['20200110-RC2', '\\d+', '0', '20200110'],
    ['p1/v1.2.3', 'p1/v(\\d.\\d.\\d)', '1', '1.2.3'],
  ])('%s, pattern %s, group %s -> %s', (gitTag, pattern, group, output) => {
    expect(run(gitTag, `type=match,pattern=${pattern},group=${group}`)).toEqual({
      version: output,
      tags: [output, 'latest'],
    });
  });

  test('the README examples of the rule lines parse, with their defaults', () => {
    const { rules } = parseTagRules([
      'type=match,pattern=\\d.\\d.\\d',
      'type=match,pattern=v(.*),group=1',
      'type=match,pattern=v(.*),group=1,value=v1.0.0',
      'type=match,enable=true,priority=800,prefix=,suffix=,pattern=v(.*),group=0,value=',
    ]);
    expect(rules.map((r) => [r.type, r.priority, r.type === 'match' && r.group])).toEqual([
      ['match', 800, 0],
      ['match', 800, 1],
      ['match', 800, 1],
      ['match', 800, 0],
    ]);
  });

  test('value= is matched instead of the git tag, on any event', () => {
    const onBranch = { ...tagPush('x'), ref: 'refs/heads/master' };
    const { rules } = parseTagRules(['type=match,pattern=v(.*),group=1,value=v1.0.0']);
    const plan = planTags({
      images: [IMAGE],
      rules,
      references: [],
      flavor: { ...DEFAULT_FLAVOR },
      context: onBranch,
      now: NOW,
    });
    expect(plan.tags).toEqual([`${IMAGE}:1.0.0`, `${IMAGE}:latest`]);
  });

  test('no match, or a group that took no part in it: the rule gives nothing', () => {
    expect(run('release-1', 'type=match,pattern=v(\\d+)')).toEqual({ version: '', tags: [] });
    expect(run('v1', 'type=match,pattern=v(\\d+)|(x),group=2')).toEqual({ version: '', tags: [] });
  });

  test('a /regex/flags pattern, as metadata-action reads one', () => {
    expect(run('V1.2', 'type=match,pattern=/v(\\d+)/i,group=1').tags).toEqual(['1', 'latest']);
  });
});

describe('type=pep440: metadata-action README, "type=pep440" table', () => {
  // | Git tag | Pattern | Match | Output |; * = dev/pre/post: only the version, no latest.
  test.each<[string, string, string, string, boolean]>([
    ['1.2.3', '{{raw}}', '', '1.2.3', true],
    ['1.2.3', '{{version}}', '', '1.2.3', true],
    ['v1.2.3', '{{version}}', '', '1.2.3', true],
    ['1.2.3', '{{major}}.{{minor}}', '', '1.2', true],
    ['1.2.3', 'v{{major}}', '', 'v1', true],
    ['v1.2.3rc2', '{{raw}}', '', 'v1.2.3rc2', false],
    ['1.2.3rc2', '{{version}}', '', '1.2.3rc2', false],
    ['p1/v1.2.3', '{{version}}', 'v(\\d.\\d.\\d)$', '1.2.3', true],
    ['1.2.3rc2', '{{major}}.{{minor}}', '', '1.2.3rc2', false],
    ['1.2.3post1', '{{major}}.{{minor}}', '', '1.2.3.post1', false],
    ['1.2.3beta2', '{{major}}.{{minor}}', '', '1.2.3b2', false],
    ['1.0dev4', '{{major}}.{{minor}}', '', '1.0.dev4', false],
  ])('%s, pattern %s, match %s -> %s', (gitTag, pattern, match, output, latest) => {
    const rule = `type=pep440,pattern=${pattern}${match ? `,match=${match}` : ''}`;
    expect(run(gitTag, rule)).toEqual({ version: output, tags: latest ? [output, 'latest'] : [output] });
  });

  test('the README examples of the rule lines parse, with their defaults', () => {
    const { rules } = parseTagRules([
      'type=pep440,pattern={{version}}',
      'type=pep440,pattern={{version}},value=1.0.0',
      'type=pep440,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$',
      'type=pep440,enable=true,priority=900,prefix=,suffix=,pattern={{version}},value=',
    ]);
    expect(rules.map((r) => [r.type, r.priority])).toEqual([
      ['pep440', 900],
      ['pep440', 900],
      ['pep440', 900],
      ['pep440', 900],
    ]);
  });

  test('value= and match= together: the README line gives 1.0.0 on any event', () => {
    expect(run('unrelated', 'type=pep440,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$')).toEqual(
      {
        version: '1.0.0',
        tags: ['1.0.0', 'latest'],
      },
    );
  });

  test('a tag that is not a PEP 440 version gives nothing', () => {
    expect(run('release-candidate', 'type=pep440,pattern={{version}}')).toEqual({ version: '', tags: [] });
  });

  // Differs on purpose, as for semver (docs/migration.md): no bare `0` for a 0.x release.
  test('0.x: no bare major tag', () => {
    expect(run('0.3.1', 'type=pep440,pattern={{major}}').tags).toEqual([]);
    expect(run('0.3.1', 'type=pep440,pattern={{major}}.{{minor}}').tags).toEqual(['0.3', 'latest']);
  });
});

describe('type=semver match=: metadata-action README, "type=semver" table', () => {
  test.each<[string, string, string, string]>([
    ['p1/v1.2.3', '{{version}}', 'v(\\d.\\d.\\d)$', '1.2.3'],
    ['v1.2.3', '{{raw}}', '', 'v1.2.3'],
    ['v2.0.8-beta.67', '{{raw}}', '', 'v2.0.8-beta.67'],
    ['v2.0.8-beta.67', '{{major}}', '', '2.0.8-beta.67'],
  ])('%s, pattern %s, match %s -> %s', (gitTag, pattern, match, output) => {
    const rule = `type=semver,pattern=${pattern}${match ? `,match=${match}` : ''}`;
    expect(run(gitTag, rule).version).toBe(output);
  });
});
