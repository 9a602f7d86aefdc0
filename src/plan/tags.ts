/**
 * The `tags` input, read the way docker/metadata-action reads it: each line is a rule
 * (`type=semver,pattern={{version}}`), rules are data, and one pure function turns
 * (rules, git context, flavor, clock) into image references.
 */
// One function, not the whole package: loading all of semver costs ~12 ms per run.
import parse from 'semver/functions/parse.js';
import type { SemVer } from 'semver';
import type { GitContext } from './context.js';
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import {
  SEMVER_EXPRESSIONS,
  SEMVER_PLACEHOLDERS,
  isStatic,
  namesUsed,
  placeholderProblem,
  renderTemplate,
  soleName,
  templateProblem,
  type GlobalExpression,
  type SemverPlaceholder,
} from './expressions.js';
import type { Flavor } from './flavor.js';
import { formatReference, isValidTag, parseReference } from '../oci/reference.js';
import { composeTag, type TagParts } from './tag-text.js';
import { isPep440Special, normalizePep440, parsePep440, pep440Parts } from './pep440.js';

export type TagRuleType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha';
export type RefEvent = 'branch' | 'tag' | 'pr';
export type ShaFormat = 'short' | 'long';
/** `enable=`: a constant, or a test of the git context made when the plan is computed. */
export type EnableCondition = 'true' | 'false' | 'is_default_branch' | 'is_not_default_branch';

interface RuleCommon {
  /** The line the rule came from, for logs and error messages. */
  source: string;
  /** Set on the rule: replaces the flavor's prefix (an empty one included). */
  prefix?: string;
  suffix?: string;
  enable: EnableCondition;
  priority: number;
}

export type TagRule =
  | (RuleCommon & { type: 'schedule'; pattern: string })
  | (RuleCommon & { type: 'semver' | 'pep440'; pattern: string; value?: string; match?: RegExp })
  | (RuleCommon & { type: 'match'; pattern: RegExp; group: number; value?: string })
  | (RuleCommon & { type: 'edge'; branch?: string })
  | (RuleCommon & { type: 'ref'; event: RefEvent })
  | (RuleCommon & { type: 'raw'; value: string })
  | (RuleCommon & { type: 'sha'; format: ShaFormat });

/** Higher first; the first tag produced is the `version` output (metadata-action's order). */
export const DEFAULT_PRIORITIES: Readonly<Record<TagRuleType, number>> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};

const TYPE_ATTRIBUTES: Readonly<Record<TagRuleType, readonly string[]>> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format'],
};
const COMMON_ATTRIBUTES = ['type', 'prefix', 'suffix', 'enable', 'priority'];
const REF_EVENTS: readonly RefEvent[] = ['branch', 'tag', 'pr'];
const SHA_FORMATS: readonly ShaFormat[] = ['short', 'long'];
const SHORT_SHA = 7;

// ---------------------------------------------------------------------------------------------
// Parsing

export interface TagInput {
  rules: TagRule[];
  /** Full references given as is (`ghcr.io/o/app:stable`), normalized. */
  references: string[];
}

/**
 * Reads the `tags` input lines (already split, comments dropped). A line with `key=value` fields
 * is a rule (`type=` defaults to raw, as metadata-action); a line without `=` holds comma
 * separated items, each a full image reference when it has `:`, `/` or `@` (as
 * docker/build-push-action's `tags`), else the shorthand for `type=raw,value=<item>`.
 */
export function parseTagRules(lines: string[]): TagInput {
  const rules: TagRule[] = [];
  const references: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.includes('=')) {
      for (const item of parseList(line)) {
        if (/[:/@]/.test(item)) references.push(fullReference(item));
        else rules.push(parseRule(item, { type: 'raw', value: item }));
      }
      continue;
    }
    rules.push(parseRule(line, readAttributes(line)));
  }
  return { rules, references };
}

// A name to push to: `name:tag`, never `@digest`, which the push makes (buildx would refuse it
// with its own words, after the build).
function fullReference(item: string): string {
  const reference = parseReference(item, 'tags');
  if (reference.digest) {
    throw new InputError(
      'tags',
      item,
      'names a digest: a tag is a name to push to, and the digest is what the push makes; give name:tag',
    );
  }
  return formatReference(reference);
}

function readAttributes(line: string): Record<string, string> {
  // No prototype: a key such as `constructor` or `__proto__` is then just an unknown attribute.
  const attrs: Record<string, string> = Object.create(null);
  for (const field of parseList(line)) {
    const eq = field.indexOf('=');
    if (eq <= 0) throw new InputError('tags', line, `has "${field}", which is not key=value`);
    const key = field.slice(0, eq).trim().toLowerCase();
    if (key in attrs) throw new InputError('tags', line, `sets "${key}" twice`);
    attrs[key] = field.slice(eq + 1).trim();
  }
  return attrs;
}

function parseRule(line: string, attrs: Record<string, string>): TagRule {
  const fail: (reason: string) => never = (reason) => {
    throw new InputError('tags', line, reason);
  };
  const check = (key: string, problem: string | undefined) => {
    if (problem) fail(`${key} ${problem}`);
  };

  const type = (attrs.type ?? 'raw') as TagRuleType;
  if (!Object.hasOwn(DEFAULT_PRIORITIES, type)) {
    fail(`has an unknown type "${type}" (expected ${Object.keys(DEFAULT_PRIORITIES).join(', ')})`);
  }
  for (const key of Object.keys(attrs)) {
    if (!COMMON_ATTRIBUTES.includes(key) && !TYPE_ATTRIBUTES[type].includes(key)) {
      const allowed = [...COMMON_ATTRIBUTES.slice(1), ...TYPE_ATTRIBUTES[type]].join(', ');
      fail(`has an unknown attribute "${key}" for type=${type} (expected ${allowed})`);
    }
  }

  let priority = DEFAULT_PRIORITIES[type];
  if (attrs.priority !== undefined) {
    if (!/^-?\d+$/.test(attrs.priority)) {
      fail(`has priority "${attrs.priority}", which is not a whole number`);
    }
    priority = Number(attrs.priority);
  }
  const common: RuleCommon = { source: line, enable: parseEnable(attrs.enable, fail), priority };
  for (const key of ['prefix', 'suffix'] as const) {
    if (attrs[key] === undefined) continue;
    check(key, templateProblem(attrs[key]));
    common[key] = attrs[key];
  }

  switch (type) {
    case 'schedule': {
      if (attrs.pattern === undefined) attrs.pattern = 'nightly';
      if (attrs.pattern === '') fail('has an empty pattern');
      check('pattern', templateProblem(attrs.pattern));
      return { ...common, type, pattern: attrs.pattern };
    }
    case 'semver':
    case 'pep440': {
      if (attrs.pattern === undefined) fail('needs a pattern (e.g. pattern={{version}})');
      if (attrs.pattern === '') fail('has an empty pattern');
      check('pattern', templateProblem(attrs.pattern, SEMVER_EXPRESSIONS));
      const rule: TagRule = { ...common, type, pattern: attrs.pattern };
      if (attrs.match !== undefined && attrs.match !== '') {
        // Group 1 of the match is the version: a pattern without a group has nothing to give.
        rule.match = readRegExp(attrs.match, 'match', fail);
        if (groupCount(rule.match) < 1)
          fail(`has match "${attrs.match}", which has no (group): group 1 is the version`);
      }
      if (attrs.value === undefined || attrs.value === '') return rule;
      // The value is a version to parse, not a tag: only its placeholders need checking.
      check('value', placeholderProblem(attrs.value));
      return { ...rule, value: attrs.value };
    }
    case 'match': {
      if (attrs.pattern === undefined) fail('needs a pattern (e.g. pattern=v(.*),group=1)');
      if (attrs.pattern === '') fail('has an empty pattern');
      const pattern = readRegExp(attrs.pattern, 'pattern', fail);
      const groupText = attrs.group ?? '0';
      if (!/^\d+$/.test(groupText))
        fail(`has group "${groupText}", which is not a whole number (0 is the whole match)`);
      const group = Number(groupText);
      if (group > groupCount(pattern)) {
        fail(`has group ${group}, but the pattern "${attrs.pattern}" has ${groupCount(pattern)} group(s)`);
      }
      const rule: TagRule = { ...common, type, pattern, group };
      if (attrs.value === undefined || attrs.value === '') return rule;
      check('value', placeholderProblem(attrs.value));
      return { ...rule, value: attrs.value };
    }
    case 'edge': {
      if (attrs.branch === '') fail('has an empty branch');
      return attrs.branch === undefined ? { ...common, type } : { ...common, type, branch: attrs.branch };
    }
    case 'ref': {
      const event = attrs.event as RefEvent | undefined;
      if (event === undefined) fail('needs an event (event=branch, event=tag or event=pr)');
      if (!REF_EVENTS.includes(event)) fail(`has an unknown event "${event}" (expected branch, tag or pr)`);
      // pr-12, not 12: a bare number would collide with version tags.
      if (event === 'pr' && common.prefix === undefined) common.prefix = 'pr-';
      return { ...common, type, event };
    }
    case 'raw': {
      if (attrs.value === undefined) fail('needs a value (e.g. value=latest)');
      if (attrs.value === '') fail('has an empty value');
      check('value', templateProblem(attrs.value));
      if (isStatic(attrs.value) && !isValidTag(attrs.value)) {
        fail(`has value "${attrs.value}", which is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`);
      }
      return { ...common, type, value: attrs.value };
    }
    case 'sha': {
      const format = (attrs.format ?? 'short') as ShaFormat;
      if (!SHA_FORMATS.includes(format)) fail(`has an unknown format "${format}" (expected short or long)`);
      if (common.prefix === undefined) common.prefix = 'sha-';
      return { ...common, type, format };
    }
  }
}

/**
 * A regular expression as metadata-action reads one: `/source/flags`, or the text itself as the
 * source (`v(\\d.\\d)`, `\\d+`). JavaScript's syntax, checked when the input is read.
 */
function readRegExp(text: string, key: string, fail: (reason: string) => never): RegExp {
  const slashed = /^\/(.+)\/([a-z]*)$/.exec(text);
  try {
    // Without g and y: those make exec() remember where it stopped, from one tag to the next.
    return slashed ? new RegExp(slashed[1], slashed[2].replace(/[gy]/g, '')) : new RegExp(text);
  } catch (error) {
    return fail(`has ${key} "${text}", which is not a regular expression (${(error as Error).message})`);
  }
}

// The number of capturing groups: an alternative that matches '' makes every group show, unset.
function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`, re.flags).exec('')?.length ?? 1) - 1;
}

function parseEnable(value: string | undefined, fail: (reason: string) => never): EnableCondition {
  if (value === undefined) return 'true';
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'false') return v;
  const name = soleName(v);
  if (name === 'is_default_branch' || name === 'is_not_default_branch') return name;
  return fail(
    `has enable "${value}" (expected true, false, {{is_default_branch}} or {{is_not_default_branch}})`,
  );
}

/**
 * The rules used when the `tags` input is empty: nightly on schedule, the branch name on a
 * push, pr-N on a pull request, and for a tag the semver trio (or the tag as is when it is
 * not a version). No `latest` on the default branch: ask for it with
 * `type=raw,value=latest,enable={{is_default_branch}}`.
 */
export function defaultTagRules(context: GitContext): TagRule[] {
  const lines = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=pr'];
  const tag = tagName(context);
  if (tag !== '') {
    if (parseVersion(tag)) {
      lines.push(
        'type=semver,pattern={{version}}',
        'type=semver,pattern={{major}}.{{minor}}',
        'type=semver,pattern={{major}}',
      );
    } else {
      lines.push('type=ref,event=tag');
    }
  }
  return parseTagRules(lines).rules;
}

// ---------------------------------------------------------------------------------------------
// Planning

export interface TagPlanInput {
  /** Normalized image names (see parseImageName), in the order tags are listed. */
  images: string[];
  rules: TagRule[];
  references: string[];
  flavor: Flavor;
  context: GitContext;
  now: Date;
}

export interface TagPlan {
  /** The highest-priority tag, without image: the `version` output. '' when no rule applied. */
  version: string;
  /** `image:tag` for every image and tag, then the references given as is; no duplicates. */
  tags: string[];
}

// What the git context says, once, in the words the rules use.
interface Facts {
  context: GitContext;
  /** Branch pushed to; '' for tags and for every pull request event. */
  branch: string;
  tag: string;
  isDefaultBranch: boolean;
  /** Values of the global expressions. */
  values: Record<GlobalExpression, string>;
  now: Date;
}

export function planTags(input: TagPlanInput): TagPlan {
  const facts = factsOf(input.context, input.now);
  const { flavor } = input;
  const ordered = input.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);

  const values: string[] = [];
  // Each tag, with the name it was made from and the rule that made it: two different names
  // that sanitizing or the length cut turn into one tag are an error, not one silent tag.
  const madeFrom = new Map<string, { name: string; source: string }>();
  const add = (parts: TagParts, source: { input: string; value: string }): string => {
    const composed = composeTag(parts);
    if ('problem' in composed) throw new InputError(source.input, source.value, composed.problem);
    const tag = composed.tag;
    if (tag === '') return tag;
    const name = `${parts.prefix}${parts.value}${parts.suffix}`;
    const earlier = madeFrom.get(tag);
    if (earlier && earlier.name !== name) {
      throw new InputError(
        source.input,
        source.value,
        `gives the tag "${tag}" for "${name}", which "${earlier.source}" gives for "${earlier.name}": ` +
          'two names would push one tag; change a rule, a prefix or a suffix so that they differ',
      );
    }
    if (!earlier) {
      madeFrom.set(tag, { name, source: source.value });
      values.push(tag);
    }
    return tag;
  };

  let latestFromRules = false;
  for (const rule of ordered) {
    if (!isEnabled(rule.enable, facts)) continue;
    const produced = produce(rule, facts);
    // An empty core (no branch on a tag build, say) means the rule does not apply: never tag
    // a bare prefix or suffix.
    if (!produced || produced.value === '') continue;
    const prefix = renderGlobal(rule.prefix ?? flavor.prefix, facts);
    const suffix = renderGlobal(rule.suffix ?? flavor.suffix, facts);
    const tag = add({ prefix, value: produced.value, suffix }, { input: 'tags', value: rule.source });
    if (tag !== '') latestFromRules ||= produced.latest;
  }

  // As metadata-action: `latest` only ever joins other tags, it never stands alone.
  const latest = values.length > 0 && (flavor.latest === 'auto' ? latestFromRules : flavor.latest === 'true');
  const version = values[0] ?? '';
  if (latest) {
    const prefix = flavor.prefixOnLatest ? renderGlobal(flavor.prefix, facts) : '';
    const suffix = flavor.suffixOnLatest ? renderGlobal(flavor.suffix, facts) : '';
    add({ prefix, value: 'latest', suffix }, { input: 'flavor', value: `latest=${flavor.latest}` });
  }

  const tags: string[] = [];
  for (const image of input.images) {
    for (const tag of values) tags.push(`${image}:${tag}`);
  }
  tags.push(...input.references);
  return { version, tags: [...new Set(tags)] };
}

function factsOf(context: GitContext, now: Date): Facts {
  const isPullRequest = context.pullRequest !== undefined;
  // pull_request_target runs on refs/heads/<base>: that is not a push to the base branch.
  const branch = !isPullRequest && context.ref.startsWith('refs/heads/') ? context.ref.slice(11) : '';
  const tag = tagName(context);
  // A schedule always runs on the default branch, and its payload does not name it.
  const isDefaultBranch =
    branch !== '' && (branch === context.defaultBranch || context.eventName === 'schedule');
  return {
    context,
    branch,
    tag,
    isDefaultBranch,
    now,
    values: {
      branch,
      tag,
      sha: context.sha.slice(0, SHORT_SHA),
      base_ref: context.pullRequest?.baseRef ?? '',
      is_default_branch: String(isDefaultBranch),
      is_not_default_branch: String(!isDefaultBranch),
    },
  };
}

function tagName(context: GitContext): string {
  return context.ref.startsWith('refs/tags/') ? context.ref.slice(10) : '';
}

function isEnabled(enable: EnableCondition, facts: Facts): boolean {
  switch (enable) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'is_default_branch':
      return facts.isDefaultBranch;
    case 'is_not_default_branch':
      return !facts.isDefaultBranch;
  }
}

function renderGlobal(text: string, facts: Facts): string {
  return renderTemplate(text, facts.values, facts.now);
}

interface Produced {
  /** The tag before prefix, suffix and sanitizing. */
  value: string;
  /** Whether this tag, with flavor latest=auto, earns `latest`. */
  latest: boolean;
}

function produce(rule: TagRule, facts: Facts): Produced | undefined {
  const { context } = facts;
  switch (rule.type) {
    case 'schedule':
      if (context.eventName !== 'schedule') return undefined;
      return { value: renderGlobal(rule.pattern, facts), latest: false };
    case 'semver':
      return produceSemver(rule.pattern, versionText(rule, facts), facts);
    case 'pep440':
      return producePep440(rule.pattern, versionText(rule, facts), facts);
    case 'match': {
      const text = rule.value !== undefined ? renderGlobal(rule.value, facts) : facts.tag;
      if (text === '') return undefined;
      const m = rule.pattern.exec(text);
      const value = m?.[rule.group];
      return value ? { value, latest: true } : undefined;
    }
    case 'edge': {
      if (facts.branch === '') return undefined;
      const onEdgeBranch = rule.branch === undefined ? facts.isDefaultBranch : facts.branch === rule.branch;
      return onEdgeBranch ? { value: 'edge', latest: false } : undefined;
    }
    case 'ref':
      switch (rule.event) {
        case 'branch':
          return facts.branch ? { value: facts.branch, latest: false } : undefined;
        case 'tag':
          return facts.tag ? { value: facts.tag, latest: true } : undefined;
        case 'pr': {
          const pr = prNumber(context);
          return pr ? { value: pr, latest: false } : undefined;
        }
      }
      return undefined;
    case 'raw':
      return { value: renderGlobal(rule.value, facts), latest: false };
    case 'sha':
      if (context.sha === '') return undefined;
      return {
        value: rule.format === 'short' ? context.sha.slice(0, SHORT_SHA) : context.sha,
        latest: false,
      };
  }
}

function prNumber(context: GitContext): string {
  if (context.pullRequest && context.pullRequest.number > 0) return String(context.pullRequest.number);
  // A payload without the number: the merge ref still has it.
  const m = /^refs\/pull\/(\d+)\//.exec(context.ref);
  return context.pullRequest && m ? m[1] : '';
}

function parseVersion(text: string): SemVer | null {
  return parse(text, { loose: true });
}

/**
 * The version text of a semver or pep440 rule, as metadata-action takes it: the `value` (or the git
 * tag), then group 1 of `match` when it matches, with `/` as `-`. '' when there is none.
 */
function versionText(rule: { value?: string; match?: RegExp }, facts: Facts): string {
  let text = rule.value !== undefined ? renderGlobal(rule.value, facts) : facts.tag;
  if (text === '') return '';
  const m = rule.match?.exec(text);
  if (m?.[1] !== undefined) text = m[1];
  return text.replace(/\//g, '-');
}

function produceSemver(pattern: string, text: string, facts: Facts): Produced | undefined {
  if (text === '') return undefined;
  const version = parseVersion(text);
  if (!version) return undefined;
  const placeholders: Record<SemverPlaceholder | GlobalExpression, string> = {
    ...facts.values,
    version: version.version,
    major: String(version.major),
    minor: String(version.minor),
    patch: String(version.patch),
    raw: version.raw,
  };
  if (version.prerelease.length > 0) {
    // A pre-release moves no floating tag: 2.0.0-rc.1 must not become `2` or `2.0`. A pattern of
    // exactly {{raw}} is kept, as metadata-action: it names this version and nothing else.
    const only = soleName(pattern) === 'raw' ? pattern : '{{version}}';
    return { value: renderTemplate(only, placeholders, facts.now), latest: false };
  }
  // 0.x promises no compatibility, so a `0` tag would float across breaking releases.
  if (version.major === 0 && mentionsOnlyMajor(pattern)) return undefined;
  return { value: renderTemplate(pattern, placeholders, facts.now), latest: true };
}

function producePep440(pattern: string, text: string, facts: Facts): Produced | undefined {
  const version = text === '' ? undefined : parsePep440(text);
  if (!version) return undefined;
  const normalized = normalizePep440(version);
  if (isPep440Special(version)) {
    // As a semver pre-release: the version itself (or {{raw}} when that is the whole pattern), no floating tag.
    return { value: soleName(pattern) === 'raw' ? version.raw : normalized, latest: false };
  }
  const parts = pep440Parts(version);
  if (parts.major === '0' && mentionsOnlyMajor(pattern)) return undefined;
  const placeholders: Record<SemverPlaceholder | GlobalExpression, string> = {
    ...facts.values,
    ...parts,
    version: normalized,
    raw: version.raw,
  };
  return { value: renderTemplate(pattern, placeholders, facts.now), latest: true };
}

function mentionsOnlyMajor(pattern: string): boolean {
  const used = namesUsed(pattern);
  return used.has('major') && !SEMVER_PLACEHOLDERS.some((name) => name !== 'major' && used.has(name));
}
