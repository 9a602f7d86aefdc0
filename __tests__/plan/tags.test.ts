import { describe, expect, test } from '@jest/globals';
import { thrown } from '../support/thrown.js';
import { parseFlavor } from '../../src/plan/flavor.js';
import { defaultTagRules, parseTagRules, planTags, type TagPlan } from '../../src/plan/tags.js';
import { loadContext, type FixtureName } from '../fixtures/events/index.js';

const IMAGE = 'ghcr.io/octo-org/octo-app';
const NOW = new Date('2024-05-02T03:04:05.678Z');

interface PlanOptions {
  /** The `tags` input lines; undefined: the default rules. */
  tags?: string[];
  flavor?: string[];
  images?: string[];
}

function plan(fixture: FixtureName, options: PlanOptions = {}): TagPlan {
  const context = loadContext(fixture);
  const { rules, references } = options.tags
    ? parseTagRules(options.tags)
    : { rules: defaultTagRules(context), references: [] };
  return planTags({
    images: options.images ?? [IMAGE],
    rules,
    references,
    flavor: parseFlavor(options.flavor ?? []),
    context,
    now: NOW,
  });
}

// Short SHAs of the fixtures' GITHUB_SHA.
const SHA = {
  feature: '4c47ed9',
  main: '1822562',
  v123: '62b3b80',
  nonSemver: '6bab5bb',
};

describe('planTags with the default rules', () => {
  test.each<[FixtureName, string[]]>([
    ['push-feature-branch', ['feature-x']],
    ['push-default-branch', ['main']],
    ['push-tag-v1.2.3', ['1.2.3', '1.2', '1', 'latest']],
    ['push-tag-v2.0.0-rc.1', ['2.0.0-rc.1']],
    ['push-tag-v0.3.1', ['0.3.1', '0.3', 'latest']],
    ['push-tag-non-semver', ['deploy-staging', 'latest']],
    ['pull-request', ['pr-42']],
    // The fork's head branch is `main`: it must not pass for the base repository's main.
    ['pull-request-fork', ['pr-57']],
    // Runs on refs/heads/main, but it is a pull request, not a push to main.
    ['pull-request-target', ['pr-58']],
    ['release-published', ['1.2.3', '1.2', '1', 'latest']],
    ['workflow-dispatch', ['main']],
    ['schedule', ['nightly', 'main']],
  ])('%s -> %j', (fixture, tags) => {
    expect(plan(fixture)).toEqual({ version: tags[0], tags: tags.map((t) => `${IMAGE}:${t}`) });
  });
});

interface Case {
  name: string;
  fixture: FixtureName;
  tags: string[];
  flavor?: string[];
  /** Tags of IMAGE, in order. */
  expected: string[];
}

const cases: Case[] = [
  // sha
  {
    name: 'sha: short by default',
    fixture: 'push-feature-branch',
    tags: ['type=sha'],
    expected: [`sha-${SHA.feature}`],
  },
  {
    name: 'sha: long',
    fixture: 'push-feature-branch',
    tags: ['type=sha,format=long'],
    expected: ['sha-4c47ed9a3ebdd5747b280ff12dde0e3a2e54694f'],
  },
  {
    name: 'sha: an empty prefix removes sha-',
    fixture: 'push-feature-branch',
    tags: ['type=sha,prefix='],
    expected: [SHA.feature],
  },
  {
    name: 'sha: of the merge commit on a pull request',
    fixture: 'pull-request',
    tags: ['type=ref,event=pr', 'type=sha'],
    expected: ['pr-42', 'sha-5b35595'],
  },
  // enable
  {
    name: 'latest on the default branch with enable={{is_default_branch}}',
    fixture: 'push-default-branch',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch'],
    expected: ['main', 'latest'],
  },
  {
    name: 'no latest on a feature branch with enable={{is_default_branch}}',
    fixture: 'push-feature-branch',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch'],
    expected: ['feature-x'],
  },
  {
    name: 'pull_request_target is not the default branch',
    fixture: 'pull-request-target',
    tags: [
      'type=raw,value=latest,enable={{is_default_branch}}',
      'type=ref,event=branch',
      'type=ref,event=pr',
    ],
    expected: ['pr-58'],
  },
  {
    name: 'workflow_dispatch on main is the default branch',
    fixture: 'workflow-dispatch',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}'],
    expected: ['latest'],
  },
  {
    name: 'schedule is the default branch although its payload does not say so',
    fixture: 'schedule',
    tags: ['type=schedule', 'type=raw,value=latest,enable={{is_default_branch}}'],
    expected: ['nightly', 'latest'],
  },
  {
    name: 'enable={{is_not_default_branch}} on a feature branch',
    fixture: 'push-feature-branch',
    tags: ['type=sha,enable={{is_not_default_branch}}', 'type=ref,event=branch,enable=false'],
    expected: [`sha-${SHA.feature}`],
  },
  {
    name: 'enable={{is_not_default_branch}} on main',
    fixture: 'push-default-branch',
    tags: ['type=sha,enable={{is_not_default_branch}}', 'type=ref,event=branch,enable=true'],
    expected: ['main'],
  },
  // edge
  {
    name: 'edge on the default branch',
    fixture: 'push-default-branch',
    tags: ['type=edge'],
    expected: ['edge'],
  },
  { name: 'edge not on another branch', fixture: 'push-feature-branch', tags: ['type=edge'], expected: [] },
  {
    name: 'edge on the given branch',
    fixture: 'push-feature-branch',
    tags: ['type=edge,branch=feature/x', 'type=ref,event=branch'],
    expected: ['edge', 'feature-x'],
  },
  {
    name: 'edge not on pull_request_target',
    fixture: 'pull-request-target',
    tags: ['type=edge'],
    expected: [],
  },
  // semver
  {
    name: 'semver: patterns with text and {{raw}}',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=semver,pattern=v{{major}}.{{minor}}', 'type=semver,pattern={{raw}}'],
    expected: ['v1.2', 'v1.2.3', 'latest'],
  },
  {
    name: 'semver: a pre-release collapses every pattern to its version, {{raw}} stays',
    fixture: 'push-tag-v2.0.0-rc.1',
    tags: [
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}}',
      'type=semver,pattern={{raw}}',
    ],
    expected: ['2.0.0-rc.1', 'v2.0.0-rc.1'],
  },
  {
    name: 'semver: no bare 0 for 0.x',
    fixture: 'push-tag-v0.3.1',
    tags: ['type=semver,pattern={{major}}'],
    expected: [],
  },
  {
    name: 'semver: 0.x keeps patterns beyond the major',
    fixture: 'push-tag-v0.3.1',
    tags: ['type=semver,pattern=v{{major}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'],
    expected: ['0.3.1', 'latest'],
  },
  {
    name: 'semver: nothing for a tag that is not a version, and no latest from sha',
    fixture: 'push-tag-non-semver',
    tags: ['type=semver,pattern={{version}}', 'type=sha'],
    expected: [`sha-${SHA.nonSemver}`],
  },
  {
    name: 'semver: nothing on a branch',
    fixture: 'push-default-branch',
    tags: ['type=semver,pattern={{version}}'],
    expected: [],
  },
  {
    name: 'semver: value= gives the version off a tag',
    fixture: 'push-default-branch',
    tags: ['type=semver,pattern={{major}}.{{minor}},value=v3.4.5'],
    expected: ['3.4', 'latest'],
  },
  {
    name: 'ref,event=tag earns latest',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=ref,event=tag', 'type=sha'],
    expected: ['v1.2.3', `sha-${SHA.v123}`, 'latest'],
  },
  // flavor
  {
    name: 'flavor prefix and suffix on every tag but latest',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}'],
    flavor: ['prefix=app-', 'suffix=-alpine'],
    expected: ['app-1.2.3-alpine', 'app-1-alpine', 'latest'],
  },
  {
    name: 'flavor onlatest',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['prefix=app-,onlatest=true', 'suffix=-alpine,onlatest=true'],
    expected: ['app-1.2.3-alpine', 'app-latest-alpine'],
  },
  {
    name: "a rule's own prefix and suffix replace the flavor's",
    fixture: 'push-tag-v1.2.3',
    tags: ['type=semver,pattern={{version}},prefix=v', 'type=semver,pattern={{major}},suffix=', 'type=sha'],
    flavor: ['prefix=app-', 'suffix=-slim'],
    expected: ['v1.2.3-slim', 'app-1', `sha-${SHA.v123}-slim`, 'latest'],
  },
  {
    name: 'flavor latest=false',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['latest=false'],
    expected: ['1.2.3'],
  },
  {
    name: 'flavor latest=true on a branch',
    fixture: 'push-feature-branch',
    tags: ['type=ref,event=branch'],
    flavor: ['latest=true'],
    expected: ['feature-x', 'latest'],
  },
  {
    name: 'flavor latest=true adds no lone latest',
    fixture: 'pull-request',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['latest=true'],
    expected: [],
  },
  {
    name: 'flavor latest=true and a raw latest give one latest',
    fixture: 'push-default-branch',
    tags: ['type=raw,value=latest', 'type=ref,event=branch'],
    flavor: ['latest=true'],
    expected: ['main', 'latest'],
  },
  {
    name: 'flavor prefix with an expression',
    fixture: 'push-default-branch',
    tags: ['type=ref,event=branch'],
    flavor: ["prefix={{date 'YYYYMMDD'}}-"],
    expected: ['20240502-main'],
  },
  // priority and version
  {
    name: 'priority puts a raw tag first and makes it the version',
    fixture: 'push-feature-branch',
    tags: ['type=sha', 'type=ref,event=branch', 'type=raw,value=stable,priority=1000'],
    expected: ['stable', 'feature-x', `sha-${SHA.feature}`],
  },
  {
    name: 'equal priorities keep the order of the rules',
    fixture: 'push-feature-branch',
    tags: ['type=raw,value=b', 'type=raw,value=a', 'type=raw,value=c,priority=199'],
    expected: ['b', 'a', 'c'],
  },
  {
    name: 'schedule outranks everything',
    fixture: 'schedule',
    tags: ['type=sha', "type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}", 'type=edge'],
    expected: ['nightly-20240502', 'edge', `sha-${SHA.main}`],
  },
  {
    name: 'schedule rule does nothing on a push',
    fixture: 'push-default-branch',
    tags: ['type=schedule', 'type=sha'],
    expected: [`sha-${SHA.main}`],
  },
  // expressions
  {
    name: 'raw with branch and sha, sanitized',
    fixture: 'push-feature-branch',
    tags: ['type=raw,value={{branch}}-{{sha}}'],
    expected: [`feature-x-${SHA.feature}`],
  },
  {
    name: 'a prefix with {{branch}}, sanitized with the rest',
    fixture: 'push-feature-branch',
    tags: ['type=sha,prefix={{branch}}-'],
    expected: [`feature-x-${SHA.feature}`],
  },
  {
    name: 'raw with every date token',
    fixture: 'push-default-branch',
    tags: ["type=raw,value=build-{{date 'YYYY.MM.DD-HHmmss'}}", 'type=raw,value={{ date "YYYYMMDD" }}'],
    expected: ['build-2024.05.02-030405', '20240502'],
  },
  {
    name: '{{tag}} on a tag, and nothing from {{branch}} there',
    fixture: 'push-tag-v1.2.3',
    tags: ['type=raw,value={{tag}}', 'type=raw,value={{branch}},suffix=-branch'],
    expected: ['v1.2.3'],
  },
  {
    name: '{{base_ref}} on a pull request',
    fixture: 'pull-request',
    tags: ['type=ref,event=pr,suffix=-into-{{base_ref}}'],
    expected: ['pr-42-into-main'],
  },
  {
    name: '{{is_default_branch}} in a value',
    fixture: 'workflow-dispatch',
    tags: ['type=raw,value=default-{{is_default_branch}}'],
    expected: ['default-true'],
  },
  {
    name: '{{branch}} is empty on a pull request, even from a fork whose branch is main',
    fixture: 'pull-request-fork',
    tags: ['type=raw,value={{branch}}', 'type=ref,event=branch'],
    expected: [],
  },
  // shorthand and dedup
  {
    name: 'shorthand raw lines, comma separated too',
    fixture: 'push-default-branch',
    tags: ['stable', 'v1,edge'],
    expected: ['stable', 'v1', 'edge'],
  },
  {
    name: 'a branch tag and a raw {{branch}} give one tag',
    fixture: 'push-feature-branch',
    tags: ['type=ref,event=branch', 'type=raw,value={{branch}}'],
    expected: ['feature-x'],
  },
  {
    name: 'a line without type= is a raw rule',
    fixture: 'push-default-branch',
    tags: ['value=stable,enable={{is_default_branch}}'],
    expected: ['stable'],
  },
];

describe('planTags with rules', () => {
  // The version is the first tag: `latest` from the flavor always comes last.
  test.each(cases)('$name', ({ fixture, tags, flavor, expected }) => {
    expect(plan(fixture, { tags, flavor })).toEqual({
      version: expected[0] ?? '',
      tags: expected.map((t) => `${IMAGE}:${t}`),
    });
  });
});

describe('planTags images and references', () => {
  test.each<{ name: string; fixture: FixtureName; images: string[]; expected: TagPlan }>([
    {
      name: 'every image gets every tag, images in input order',
      fixture: 'push-tag-v1.2.3',
      images: ['ghcr.io/octo-org/octo-app', 'docker.io/octoorg/octo-app'],
      expected: {
        version: '1.2.3',
        tags: [
          'ghcr.io/octo-org/octo-app:1.2.3',
          'ghcr.io/octo-org/octo-app:1.2',
          'ghcr.io/octo-org/octo-app:1',
          'ghcr.io/octo-org/octo-app:latest',
          'docker.io/octoorg/octo-app:1.2.3',
          'docker.io/octoorg/octo-app:1.2',
          'docker.io/octoorg/octo-app:1',
          'docker.io/octoorg/octo-app:latest',
        ],
      },
    },
    {
      name: 'without images, the version is still planned',
      fixture: 'pull-request',
      images: [],
      expected: { version: 'pr-42', tags: [] },
    },
    {
      name: 'duplicate images are listed once',
      fixture: 'pull-request',
      images: [IMAGE, IMAGE],
      expected: { version: 'pr-42', tags: [`${IMAGE}:pr-42`] },
    },
  ])('$name', ({ fixture, images, expected }) => {
    expect(plan(fixture, { images })).toEqual(expected);
  });

  test('references are appended as is (name lower-cased) and deduplicated', () => {
    expect(
      plan('push-feature-branch', {
        tags: [
          'docker.io/OctoOrg/App:Edge',
          'type=ref,event=branch',
          'ghcr.io/octo-org/octo-app:feature-x',
          'localhost:5000/app, localhost:5000/app:dev',
        ],
      }),
    ).toEqual({
      version: 'feature-x',
      tags: [
        'ghcr.io/octo-org/octo-app:feature-x',
        'docker.io/octoorg/app:Edge',
        'localhost:5000/app',
        'localhost:5000/app:dev',
      ],
    });
  });

  test('a reference with a digest is refused: a push makes the digest, it cannot name it', () => {
    const digest = 'sha256:' + 'ab'.repeat(32);
    const error = thrown(() => parseTagRules([`ghcr.io/octo-org/base:1.0@${digest}`]));
    expect(error.message).toBe(
      `Input "tags": "ghcr.io/octo-org/base:1.0@${digest}" names a digest: a tag is a name to push ` +
        'to, and the digest is what the push makes; give name:tag',
    );
  });
});

describe('planTags never lets two names share a tag', () => {
  // A branch whose name outgrows a tag: renovate's, say.
  const longBranch = `renovate/${'a-very-long-package-name-'.repeat(6)}1.x`;
  const onBranch = (branch: string, tags: string[], flavor: string[] = []) => {
    const context = loadContext('push-feature-branch');
    return planTags({
      images: [IMAGE],
      ...parseTagRules(tags),
      flavor: parseFlavor(flavor),
      context: { ...context, ref: `refs/heads/${branch}` },
      now: NOW,
    });
  };

  test('two flavors of a long branch (matrix legs) keep their suffixes: two tags', () => {
    const [alpine] = onBranch(longBranch, ['type=ref,event=branch'], ['suffix=-alpine']).tags;
    const [debian] = onBranch(longBranch, ['type=ref,event=branch'], ['suffix=-debian']).tags;
    expect(alpine).toMatch(/-alpine$/);
    expect(debian).toMatch(/-debian$/);
    expect(alpine.length - IMAGE.length - 1).toBe(128);
    expect(alpine.replace(/-alpine$/, '')).toBe(debian.replace(/-debian$/, ''));
  });

  test('two long branches that differ only at their end: two tags', () => {
    const one = onBranch(`${longBranch}-one`, ['type=ref,event=branch']).tags[0];
    const two = onBranch(`${longBranch}-two`, ['type=ref,event=branch']).tags[0];
    expect(one).not.toBe(two);
  });

  test('two rules that name the same thing give it once', () => {
    expect(onBranch('feature/x', ['type=ref,event=branch', 'type=raw,value={{branch}}']).tags).toEqual([
      `${IMAGE}:feature-x`,
    ]);
  });

  test('two different names that become one tag are an error naming both rules', () => {
    const error = thrown(() =>
      onBranch('feature/x', ['type=raw,value={{branch}}', 'type=raw,value=feature-x']),
    );
    expect(error.message).toBe(
      'Input "tags": "type=raw,value=feature-x" gives the tag "feature-x" for "feature-x", which ' +
        '"type=raw,value={{branch}}" gives for "feature/x": two names would push one tag; change a rule, ' +
        'a prefix or a suffix so that they differ',
    );
  });

  test('a branch named like the latest tag is not a second name for it', () => {
    expect(onBranch('latest', ['type=ref,event=branch'], ['latest=true']).tags).toEqual([`${IMAGE}:latest`]);
  });

  test('a prefix and suffix that leave no room are an error before anything is built', () => {
    const error = thrown(() => onBranch(longBranch, [`type=ref,event=branch,prefix=${'p'.repeat(120)}`]));
    expect(error.input).toBe('tags');
    expect(error.reason).toMatch(/^gives a prefix and suffix of 120 characters/);
  });
});

describe('parseTagRules', () => {
  test('fills defaults for each type', () => {
    expect(
      parseTagRules([
        'type=sha',
        'type=ref,event=pr',
        'type=schedule',
        'type=edge',
        'type=semver,pattern={{version}},value=1.0.0,priority=-5',
        'TYPE=raw,Value=x,Prefix=a-,Suffix=-b,Enable={{ is_default_branch }}',
      ]),
    ).toEqual({
      rules: [
        { source: 'type=sha', type: 'sha', format: 'short', prefix: 'sha-', enable: 'true', priority: 100 },
        {
          source: 'type=ref,event=pr',
          type: 'ref',
          event: 'pr',
          prefix: 'pr-',
          enable: 'true',
          priority: 600,
        },
        { source: 'type=schedule', type: 'schedule', pattern: 'nightly', enable: 'true', priority: 1000 },
        { source: 'type=edge', type: 'edge', enable: 'true', priority: 700 },
        {
          source: 'type=semver,pattern={{version}},value=1.0.0,priority=-5',
          type: 'semver',
          pattern: '{{version}}',
          value: '1.0.0',
          enable: 'true',
          priority: -5,
        },
        {
          source: 'TYPE=raw,Value=x,Prefix=a-,Suffix=-b,Enable={{ is_default_branch }}',
          type: 'raw',
          value: 'x',
          prefix: 'a-',
          suffix: '-b',
          enable: 'is_default_branch',
          priority: 200,
        },
      ],
      references: [],
    });
  });

  test('skips blank lines', () => {
    expect(parseTagRules(['', '   '])).toEqual({ rules: [], references: [] });
  });

  test.each<[string, string]>([
    ['type=foo', 'has an unknown type "foo" (expected schedule, semver, pep440, match, edge, ref, raw, sha)'],
    [
      'type=sha,length=8',
      'has an unknown attribute "length" for type=sha (expected prefix, suffix, enable, priority, format)',
    ],
    [
      'type=raw,value=x,pattern=y',
      'has an unknown attribute "pattern" for type=raw (expected prefix, suffix, enable, priority, value)',
    ],
    ['type=semver', 'needs a pattern (e.g. pattern={{version}})'],
    ['type=semver,pattern=', 'has an empty pattern'],
    ['type=ref', 'needs an event (event=branch, event=tag or event=pr)'],
    ['type=ref,event=push', 'has an unknown event "push" (expected branch, tag or pr)'],
    ['type=raw,prefix=v', 'needs a value (e.g. value=latest)'],
    ['type=raw,value=', 'has an empty value'],
    ['type=sha,format=medium', 'has an unknown format "medium" (expected short or long)'],
    ['type=edge,branch=', 'has an empty branch'],
    [
      'type=sha,enable=yes',
      'has enable "yes" (expected true, false, {{is_default_branch}} or {{is_not_default_branch}})',
    ],
    ['type=sha,priority=high', 'has priority "high", which is not a whole number'],
    [
      'type=raw,value={{brnch}}',
      'value uses an unknown placeholder "{{brnch}}" (known: branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    [
      'type=raw,value={{version}}',
      'value uses an unknown placeholder "{{version}}" (known: branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    [
      'type=semver,pattern={{mayor}}',
      'pattern uses an unknown placeholder "{{mayor}}" (known: version, major, minor, patch, raw, branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    [
      'type=semver,pattern={{version}},value={{ver}}',
      'value uses an unknown placeholder "{{ver}}" (known: branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    ['type=raw,value={{branch', 'value has an unclosed "{{"'],
    [
      "type=raw,value={{date 'YYYY-WW'}}",
      'value has a date format "YYYY-WW" beyond YYYY, MM, DD, HH, mm and ss',
    ],
    ['type=raw,value=a b', 'value has "a b", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
    ['type=sha,prefix=sha:', 'prefix has "sha:", which a tag cannot hold (only A-Z a-z 0-9 _ . -)'],
    [
      'type=sha,suffix={{nope}}',
      'suffix uses an unknown placeholder "{{nope}}" (known: branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    [
      'type=raw,value=.hidden',
      'has value ".hidden", which is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})',
    ],
    ['-dash', 'has value "-dash", which is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})'],
    ['type=raw,latest', 'has "latest", which is not key=value'],
    ['type=raw,value=a,value=b', 'sets "value" twice'],
    [
      'type=raw,value=a,constructor=b',
      'has an unknown attribute "constructor" for type=raw (expected prefix, suffix, enable, priority, value)',
    ],
    [
      'type=__proto__',
      'has an unknown type "__proto__" (expected schedule, semver, pep440, match, edge, ref, raw, sha)',
    ],
    ['type=match', 'needs a pattern (e.g. pattern=v(.*),group=1)'],
    ['type=match,pattern=', 'has an empty pattern'],
    [
      'type=match,pattern=v(.*',
      'has pattern "v(.*", which is not a regular expression (Invalid regular expression: /v(.*/: Unterminated group)',
    ],
    [
      'type=match,pattern=v(.*),group=one',
      'has group "one", which is not a whole number (0 is the whole match)',
    ],
    ['type=match,pattern=v(.*),group=2', 'has group 2, but the pattern "v(.*)" has 1 group(s)'],
    [
      'type=match,pattern=/v(x)/q',
      'has pattern "/v(x)/q", which is not a regular expression (Invalid flags supplied to RegExp constructor \'q\')',
    ],
    [
      'type=match,pattern=v(.*),format=long',
      'has an unknown attribute "format" for type=match (expected prefix, suffix, enable, priority, pattern, group, value)',
    ],
    ['type=pep440', 'needs a pattern (e.g. pattern={{version}})'],
    [
      'type=pep440,pattern={{build}}',
      'pattern uses an unknown placeholder "{{build}}" (known: version, major, minor, patch, raw, branch, tag, sha, base_ref, is_default_branch, is_not_default_branch, date)',
    ],
    [
      'type=pep440,pattern={{version}},match=v\\d',
      'has match "v\\d", which has no (group): group 1 is the version',
    ],
    [
      'type=semver,pattern={{version}},match=[',
      'has match "[", which is not a regular expression (Invalid regular expression: /[/: Unterminated character class)',
    ],
    [
      'ghcr.io/octo-org/octo-app:bad!tag',
      'is not a valid image reference: tag "bad!tag" must match [A-Za-z0-9_][A-Za-z0-9_.-]*',
    ],
    [
      'ghcr.io/octo org/app:1',
      'is not a valid image reference: path component "octo org" must match [a-z0-9]+ joined by ".", "_", "__" or "-"',
    ],
    [
      'app@sha256:1234',
      'is not a valid image reference: digest "sha256:1234" is not sha256:<64 hex> or sha512:<128 hex>',
    ],
  ])('%s', (line, reason) => {
    const error = thrown(() => parseTagRules(['type=sha', line]));
    expect(error.input).toBe('tags');
    expect(error.value).toBe(line);
    expect(error.message).toBe(`Input "tags": ${JSON.stringify(line)} ${reason}`);
  });
});

describe('defaultTagRules', () => {
  const always = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=pr'];
  test.each<{ name: string; fixture: FixtureName; lines: string[] }>([
    { name: 'a branch push: schedule, branch and pr rules', fixture: 'push-feature-branch', lines: always },
    {
      name: 'a semver tag: the semver trio',
      fixture: 'push-tag-v1.2.3',
      lines: [
        ...always,
        'type=semver,pattern={{version}}',
        'type=semver,pattern={{major}}.{{minor}}',
        'type=semver,pattern={{major}}',
      ],
    },
    {
      name: 'another tag: the tag as is',
      fixture: 'push-tag-non-semver',
      lines: [...always, 'type=ref,event=tag'],
    },
  ])('$name', ({ fixture, lines }) => {
    expect(defaultTagRules(loadContext(fixture)).map((rule) => rule.source)).toEqual(lines);
  });
});

describe('event fixtures', () => {
  test('pull request contexts: number, base, and whether the head is a fork', () => {
    const pr = (fixture: FixtureName) => {
      const { eventName, ref, pullRequest, defaultBranch } = loadContext(fixture);
      return { eventName, ref, defaultBranch, ...pullRequest };
    };
    expect(pr('pull-request')).toEqual({
      eventName: 'pull_request',
      ref: 'refs/pull/42/merge',
      defaultBranch: 'main',
      number: 42,
      baseRef: 'main',
      headRef: 'feature/x',
      headSha: '4c47ed9a3ebdd5747b280ff12dde0e3a2e54694f',
      fromFork: false,
    });
    expect(pr('pull-request-fork')).toMatchObject({ number: 57, headRef: 'main', fromFork: true });
    expect(pr('pull-request-target')).toMatchObject({
      eventName: 'pull_request_target',
      ref: 'refs/heads/main',
      number: 58,
      fromFork: true,
    });
  });

  test('a schedule payload does not name the default branch', () => {
    expect(loadContext('schedule').defaultBranch).toBe('');
  });
});
