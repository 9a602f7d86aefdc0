/**
 * The action's inputs, read once, validated, and turned into typed data. The one place
 * (with action.yml) that knows input names. Every mistake is an InputError naming the
 * input and the value, raised before anything is built or pushed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from './util/errors.js';
import { parseList } from './util/list.js';
import { isRegistryHost, parseImageName, parseReference } from './oci/reference.js';
import {
  parseBudget,
  parseBudgetAction,
  parseSize,
  ruleLine,
  rulesForAbsentPlatforms,
  type BudgetAction,
  type BudgetRule,
} from './compare/budget.js';
import { parseTagRules, type TagRule } from './plan/tags.js';
import { parseFlavor, type Flavor } from './plan/flavor.js';
import type { BuildOptions } from './buildx/buildx.js';
import {
  addHostProblem,
  attestProblem,
  attestationProblem,
  entitlementProblem,
  keyValueProblem,
  optionLikeProblem,
  platformProblem,
  shmSizeProblem,
  ulimitProblem,
} from './buildx/flags.js';
import { digestOfFileName, parseDigestList } from './merge/digests.js';
import { COMMENT_MODES, type CommentMode } from './github/comment.js';
import { CACHE_MODES, type CacheMode } from './buildx/cache.js';
import { openOciLayout, OciLayoutError } from './image/oci-layout.js';
import { ManifestError } from './oci/manifest.js';
import { checkPath, type PathRule, type PathUse } from './local-paths.js';
import { ociLayoutPath } from './oci/reference.js';
import { buildContextPath, cachePaths, isRemoteContext, outputPaths, sshPaths } from './buildx/flag-paths.js';

export type GetInput = (name: string) => string;

export interface SecretValue {
  id: string;
  value: string;
}

/** The inputs that go to buildx as they are; labels, tags and secrets are planned first. */
export type BuildInputs = Omit<
  BuildOptions,
  'labels' | 'tags' | 'secrets' | 'metadataFile' | 'iidFile' | 'builderId'
>;

export interface ActionInputs {
  build: BuildInputs;
  /** The user's labels, KEY=VALUE: merged over the OCI labels by the plan. */
  labels: string[];
  secrets: SecretValue[];
  secretEnvs: { id: string; env: string }[];
  secretFiles: { id: string; src: string }[];
  githubToken: string;
  images: string[];
  tagRules: TagRule[];
  tagReferences: string[];
  flavor: Flavor;
  /** Measure the pushed image's layers (uncompressed, wasted), not only its manifests. */
  analyzeLayers: boolean;
  insecureRegistries: string[];
  /** The baseline reference; '' for the default (see compare/baseline.ts). */
  compareTo: string;
  comment: CommentMode;
  /** Tells our comments apart: several images or matrix legs keep one comment each. */
  commentKey: string;
  /** Bytes of compressed change below which `comment: on-change` stays quiet. */
  minChange: number;
  budgetRules: BudgetRule[];
  budgetAction: BudgetAction;
  /** A Mermaid chart of layer sizes in the report. */
  chart: boolean;
  /** Dockerfile advice from the measured layers (needs analyzeLayers). */
  advise: boolean;
  /** Findings that save fewer bytes than this are not shown. */
  adviceMinBytes: number;
  /** Build a PR's code under pull_request_target / workflow_run with credentials (buildx/trust.ts). */
  allowUntrustedBuild: boolean;
  /** The `cache` shorthand (buildx/cache.ts); `none` when empty. */
  cache: CacheMode;
  /** A leg of a multi-platform build: one platform, pushed by digest without tags (legs/leg-step.ts). */
  pushByDigest: boolean;
}

/** Inputs whose values are secrets: masked before anything else reads them. */
export function secretValues(getInput: GetInput): string[] {
  const values = [getInput('github-token')];
  for (const item of parseList(getInput('secrets'), { ignoreComma: true })) {
    const eq = item.indexOf('=');
    if (eq > 0) values.push(item.slice(eq + 1));
  }
  return values.filter((v) => v !== '');
}

/**
 * `where`: the rule every local path input is held to (local-paths.ts); a directory alone stands
 * for a rule whose only root is that directory (tests, and runs off a runner).
 */
export function readInputs(getInput: GetInput, where: string | PathRule): ActionInputs {
  const rule = typeof where === 'string' ? { cwd: where, roots: [where] } : where;
  const list = (name: string) => parseList(getInput(name));
  const lines = (name: string) => parseList(getInput(name), { ignoreComma: true });
  const optional = (name: string) => getInput(name) || undefined;

  const context = getInput('context') || '.';
  const platforms = list('platforms');
  platforms.forEach(checkPlatform);
  const file = optional('file');
  checkContextAndFile(context, file, rule);
  const builder = optional('builder');
  if (builder !== undefined) notAnOption('builder', builder);

  const inputs: ActionInputs = {
    build: {
      context,
      file,
      target: optional('target'),
      buildArgs: lines('build-args').map((a) => keyValue('build-args', a)),
      buildContexts: lines('build-contexts').map((c) =>
        checkBuildContext(keyValue('build-contexts', c), rule),
      ),
      platforms,
      annotations: lines('annotations').map((a) => keyValue('annotations', a)),
      ssh: list('ssh').map((entry) => checkPaths(rule, 'ssh', entry, sshPaths(entry), 'existing')),
      cacheFrom: lines('cache-from').map((e) => checkPaths(rule, 'cache-from', e, cachePaths(e), 'any')),
      cacheTo: lines('cache-to').map((e) => checkPaths(rule, 'cache-to', e, cachePaths(e), 'any')),
      network: optional('network'),
      noCache: readBoolean(getInput, 'no-cache'),
      noCacheFilters: list('no-cache-filters'),
      pull: readBoolean(getInput, 'pull'),
      push: readBoolean(getInput, 'push'),
      load: readBoolean(getInput, 'load'),
      outputs: parseList(getInput('outputs'), { ignoreComma: true, noQuotes: true }).map((o) =>
        checkPaths(rule, 'outputs', o, outputPaths(o), 'any'),
      ),
      provenance: attestationSetting('provenance', getInput('provenance')),
      sbom: attestationSetting('sbom', getInput('sbom')),
      attests: lines('attests').map((a) => checked('attests', a, attestProblem(a))),
      builder,
      allow: list('allow').map((a) => checked('allow', a, entitlementProblem(a))),
      addHosts: list('add-hosts').map((h) => checked('add-hosts', h, addHostProblem(h))),
      shmSize: checkShmSize(getInput('shm-size')),
      ulimits: lines('ulimit').map((u) => checked('ulimit', u, ulimitProblem(u))),
      cgroupParent: optional('cgroup-parent'),
    },
    labels: lines('labels').map((l) => keyValue('labels', l)),
    secrets: lines('secrets').map(secretValue),
    secretEnvs: list('secret-envs').map((s) => {
      const [id, env] = splitPair('secret-envs', s);
      return { id, env };
    }),
    secretFiles: lines('secret-files').map((s) => {
      const [id, path] = splitPair('secret-files', s);
      // The path as given, made absolute: buildx reads it, and a symlink in it is the user's to keep.
      checkPath(rule, 'secret-files', s, path, 'existing');
      return { id, src: resolve(rule.cwd, path) };
    }),
    ...readTagAndReportInputs(getInput, rule),
    allowUntrustedBuild: readBoolean(getInput, 'allow-untrusted-build'),
    advise: readBoolean(getInput, 'advise', true),
    adviceMinBytes: readSize(getInput, 'advice-min-bytes', 1_000_000),
    cache: readChoice(getInput, 'cache', CACHE_MODES, 'none'),
    pushByDigest: readBoolean(getInput, 'push-by-digest'),
  };
  checkPushByDigest(inputs, getInput);
  const absent = platforms.length > 0 ? rulesForAbsentPlatforms(inputs.budgetRules, platforms) : [];
  if (absent.length > 0) {
    throw new InputError(
      'size-budget',
      ruleLine(absent[0]),
      `is for ${absent[0].platform}, which this build does not make (platforms: ${platforms.join(', ')})`,
    );
  }
  // A leg pushes: the trust check, the cache export and everything else that asks see a push.
  if (inputs.pushByDigest) inputs.build.push = true;
  checkCombinations(inputs);
  return inputs;
}

/** The naming and report inputs: the main action's, and the merge action's with the same meaning. */
export type TagAndReportInputs = Pick<
  ActionInputs,
  | 'githubToken'
  | 'images'
  | 'tagRules'
  | 'tagReferences'
  | 'flavor'
  | 'analyzeLayers'
  | 'insecureRegistries'
  | 'compareTo'
  | 'comment'
  | 'commentKey'
  | 'minChange'
  | 'budgetRules'
  | 'budgetAction'
  | 'chart'
>;

/** The naming and report inputs, read for readInputs and readMergeInputs alike. */
export function readTagAndReportInputs(getInput: GetInput, rule: PathRule): TagAndReportInputs {
  const { rules, references } = parseTagRules(
    parseList(getInput('tags'), { ignoreComma: true, comment: '#' }),
  );
  const images = readImages(getInput('images'));
  const analyzeLayers = readBoolean(getInput, 'analyze-layers', true);
  const budgetRules = parseBudget(parseList(getInput('size-budget'), { ignoreComma: true }));
  budgetRules.forEach((budgetRule) => checkBudgetRule(budgetRule, analyzeLayers));
  return {
    githubToken: getInput('github-token'),
    images,
    tagRules: rules,
    tagReferences: references,
    flavor: parseFlavor(parseList(getInput('flavor'), { ignoreComma: true, comment: '#' })),
    analyzeLayers,
    insecureRegistries: readRegistryHosts(getInput),
    compareTo: checkImageOrLayout('compare-to', getInput('compare-to'), rule),
    comment: readChoice(getInput, 'comment', COMMENT_MODES, 'auto'),
    commentKey: readCommentKey(getInput, images[0] || 'default'),
    minChange: readSize(getInput, 'min-change', 1000),
    budgetRules,
    budgetAction: parseBudgetAction(getInput('budget-action'), budgetRules.length > 0),
    chart: readBoolean(getInput, 'chart', false),
  };
}

/**
 * Opens each `oci-layout://PATH` input (its oci-layout file, index.json and the image it names)
 * before anything runs: a directory or tar that is not an image layout is then an input error,
 * not a failure after the push.
 */
export async function checkLayoutInputs(inputs: { input: string; value: string }[]): Promise<void> {
  for (const { input, value } of inputs) {
    const path = ociLayoutPath(value);
    if (!path) continue;
    try {
      await (await openOciLayout(path)).manifest('');
    } catch (error) {
      if (!(error instanceof OciLayoutError || error instanceof ManifestError)) throw error;
      throw new InputError(input, value, `is not an OCI image layout: ${error.message}`);
    }
  }
}

/**
 * The report action's local paths (report/action.yml), held to the rule before anything runs:
 * `image` and `baseline` as oci-layout://PATH, the Dockerfile in `file`, the saved report in
 * `size-report-file`.
 */
export function checkReportPaths(getInput: GetInput, rule: PathRule): void {
  for (const input of ['image', 'baseline']) checkImageOrLayout(input, getInput(input), rule);
  for (const input of ['file', 'size-report-file']) {
    const value = getInput(input);
    if (value) checkPath(rule, input, value, value, 'existing');
  }
}

/** The merge action's inputs (merge/action.yml): the legs' digests, and the tag and report inputs. */
export interface MergeInputs extends TagAndReportInputs {
  /** `sha256:...`, each once. */
  digests: string[];
}

export function readMergeInputs(getInput: GetInput, where: string | PathRule): MergeInputs {
  const rule = typeof where === 'string' ? { cwd: where, roots: [where] } : where;
  const shared = readTagAndReportInputs(getInput, rule);
  if (shared.images.length === 0 && shared.tagReferences.length === 0) {
    throw new InputError(
      'images',
      '',
      'is required: the image names to push the merged index to (or full references in "tags")',
    );
  }
  const list = getInput('digests');
  const dir = getInput('digests-dir');
  if (list && dir) throw new InputError('digests-dir', dir, 'and "digests" are both set: give one');
  if (!list && !dir) {
    throw new InputError('digests', '', 'is required (or "digests-dir"): the digests the legs pushed');
  }
  const digests = list ? parseDigestList(parseList(list), 'digests') : readDigestsDir(dir, rule);
  if (digests.length === 0) {
    throw new InputError(list ? 'digests' : 'digests-dir', list || dir, 'names no digest');
  }
  return { ...shared, digests };
}

// The files directly in `dir`, and in its subdirectories (download-artifact without merge-multiple).
function readDigestsDir(dir: string, rule: PathRule): string[] {
  const root = resolve(rule.cwd, dir);
  if (!statSync(checkPath(rule, 'digests-dir', dir, dir, 'existing')).isDirectory()) {
    throw new InputError('digests-dir', dir, `is not a directory (looked for ${root})`);
  }
  const digests: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const names = entry.isDirectory()
      ? readdirSync(join(root, entry.name)).map((name) => [name, `${entry.name}/${name}`])
      : [[entry.name, entry.name]];
    for (const [name, path] of names) digests.push(digestOfFileName(name, `${dir}/${path}`, 'digests-dir'));
  }
  return parseDigestList(digests.sort(), 'digests-dir');
}

const BOOLEAN: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

/** YAML 1.2 core-schema booleans, as @actions/core accepts; empty gives the default. */
export function readBoolean(getInput: GetInput, name: string, defaultValue = false): boolean {
  const value = getInput(name);
  if (value === '') return defaultValue;
  if (value in BOOLEAN) return BOOLEAN[value];
  throw new InputError(name, value, 'is not a boolean: use true or false');
}

// The key rides in a hidden marker at the end of every comment: a long one would push the body
// past GitHub's 65,536 characters (a 422 after the push).
const COMMENT_KEY_MAX = 256;

/** The `comment-key` input, or `fallback` when empty. */
export function readCommentKey(getInput: GetInput, fallback: string): string {
  const key = getInput('comment-key');
  if (key.length > COMMENT_KEY_MAX) {
    throw new InputError(
      'comment-key',
      key,
      `is ${key.length} characters long; a key has at most ${COMMENT_KEY_MAX}`,
    );
  }
  return key || fallback;
}

/** The `insecure-registries` input: registry hosts, `host[:port]` (a scheme or trailing / is dropped). */
export function readRegistryHosts(getInput: GetInput): string[] {
  return parseList(getInput('insecure-registries')).map((entry) => {
    const host = entry.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
    if (!isRegistryHost(host)) {
      throw new InputError(
        'insecure-registries',
        entry,
        'is not a registry host[:port], e.g. registry.local:5000',
      );
    }
    return entry;
  });
}

// A rule that could never be checked would let the budget pass unchecked.
function checkBudgetRule(budgetRule: BudgetRule, analyzeLayers: boolean): void {
  const why = budgetRule.platform === undefined ? undefined : platformProblem(budgetRule.platform);
  if (why) throw new InputError('size-budget', ruleLine(budgetRule), why);
  if (!analyzeLayers && (budgetRule.kind === 'max-uncompressed' || budgetRule.kind === 'max-wasted')) {
    throw new InputError(
      'size-budget',
      ruleLine(budgetRule),
      'needs analyze-layers: true (uncompressed and wasted bytes are read from the layers)',
    );
  }
}

/** One of `choices`, or `fallback` when empty. */
export function readChoice<T extends string>(
  getInput: GetInput,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = getInput(name);
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(name, value, `must be one of ${choices.join(', ')}`);
}

/** A size in bytes (`1000`) or with a unit (`1kB`, `2MB`), or `fallback` when empty. */
export function readSize(getInput: GetInput, name: string, fallback: number): number {
  const value = getInput(name);
  if (value === '') return fallback;
  const bytes = /^\d+$/.test(value) ? Number(value) : parseSize(value);
  if (bytes === undefined) throw new InputError(name, value, 'is not a size such as 1kB, 500kB or 2MB');
  return bytes;
}

/**
 * An image reference, or `oci-layout://PATH` held to the path rule; '' stays ''. The layout's
 * content is checked (openLayoutInputs) before anything runs too.
 */
export function checkImageOrLayout(input: string, value: string, rule: PathRule): string {
  if (value === '') return value;
  const layout = ociLayoutPath(value);
  if (layout === undefined) parseReference(value, input);
  else if (layout === '') throw new InputError(input, value, 'names no path after oci-layout://');
  else checkPath(rule, input, value, layout, 'existing');
  return value;
}

/** Checks each of `paths` (what `value` of `input` names) against the rule; returns `value`. */
function checkPaths(rule: PathRule, input: string, value: string, paths: string[], use: PathUse): string {
  for (const path of paths) checkPath(rule, input, value, path, use);
  return value;
}

function checkBuildContext(entry: string, rule: PathRule): string {
  const path = buildContextPath(entry);
  if (path === '') throw new InputError('build-contexts', entry, 'names no path');
  if (path !== undefined) checkPath(rule, 'build-contexts', entry, path, 'existing');
  return entry;
}

/** A value buildx would take for an option where it expects a name or a path. */
function notAnOption(input: string, value: string): void {
  checked(input, value, optionLikeProblem(value));
}

function splitPair(input: string, item: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0 || eq === item.length - 1) throw new InputError(input, item, 'must be KEY=VALUE');
  return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}

function keyValue(input: string, item: string): string {
  return checked(input, item, keyValueProblem(item));
}

// Never echoes the value: only the id, so an error cannot print the secret.
function secretValue(item: string): SecretValue {
  const eq = item.indexOf('=');
  if (eq <= 0)
    throw new InputError('secrets', '(value hidden)', 'must be ID=VALUE; an entry has no "=" or no id');
  const id = item.slice(0, eq).trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError('secrets', id, 'is not a valid secret id (letters, digits, _ . -)');
  return { id, value: item.slice(eq + 1) };
}

export function checkPlatform(platform: string): void {
  const why = platformProblem(platform);
  if (why) throw new InputError('platforms', platform, why);
}

/**
 * A local context must be a directory, and its Dockerfile (the `file` input, or the context's own
 * `Dockerfile`, which may be a symlink too) must exist: both held to the path rule. With a remote
 * context, buildx reads `file` from the remote source, unless it is absolute: then from disk.
 */
function checkContextAndFile(context: string, file: string | undefined, rule: PathRule): void {
  notAnOption('context', context);
  if (isRemoteContext(context)) {
    if (file && isAbsolute(file)) checkPath(rule, 'file', file, file, 'existing');
    return;
  }
  const dir = resolve(rule.cwd, context);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError('context', context, `is not a directory (looked for ${dir})`);
  }
  checkPath(rule, 'context', context, dir, 'existing');
  if (file === '-') return;
  // A template, not resolve(dir, 'Dockerfile'): ncc would take that for an asset to bundle.
  const dockerfile = file ? resolve(rule.cwd, file) : `${dir}/Dockerfile`;
  if (!existsSync(dockerfile)) {
    throw new InputError(
      file ? 'file' : 'context',
      file ?? context,
      `has no Dockerfile: ${dockerfile} does not exist`,
    );
  }
  checkPath(rule, file ? 'file' : 'context', file ?? context, dockerfile, 'existing');
}

function attestationSetting(input: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (value in BOOLEAN) return String(BOOLEAN[value]);
  return checked(input, value, attestationProblem(value));
}

/** `value` of `input`, or an InputError with the reason a buildx flag rule (buildx/flags.ts) gives. */
function checked(input: string, value: string, problem: string | undefined): string {
  if (problem) throw new InputError(input, value, problem);
  return value;
}

function checkShmSize(value: string): string | undefined {
  return value === '' ? undefined : checked('shm-size', value, shmSizeProblem(value));
}

/** `images`: one name per line or comma, or metadata-action's `name=...,enable=false` form. */
function readImages(input: string): string[] {
  const images: string[] = [];
  for (const line of parseList(input, { ignoreComma: true, comment: '#' })) {
    if (!line.includes('=')) {
      images.push(...parseList(line).map((name) => parseImageName(name, 'images')));
      continue;
    }
    const attrs = Object.fromEntries(parseList(line).map((kv) => splitPair('images', kv)));
    for (const key of Object.keys(attrs)) {
      if (key !== 'name' && key !== 'enable')
        throw new InputError('images', line, `has an unknown attribute "${key}"`);
    }
    if (!attrs.name) throw new InputError('images', line, 'has no name=');
    const enable = attrs.enable ?? 'true';
    if (!(enable in BOOLEAN)) throw new InputError('images', line, 'has enable= that is not true or false');
    if (BOOLEAN[enable]) images.push(parseImageName(attrs.name, 'images'));
  }
  return [...new Set(images)];
}

function checkPushByDigest(i: ActionInputs, getInput: GetInput): void {
  if (!i.pushByDigest) return;
  // A leg is pushed by digest, untagged, and reports nothing. Tags and flavor still name the
  // version label (main.ts says so); a budget would never be checked.
  if (getInput('push') !== '' && !i.build.push) {
    throw new InputError(
      'push',
      getInput('push'),
      'is false, but push-by-digest pushes the leg: leave push unset (or true), or set push-by-digest: false',
    );
  }
  if (i.budgetRules.length > 0) {
    throw new InputError(
      'size-budget',
      getInput('size-budget'),
      'cannot be set with push-by-digest: a leg has no size report; the merge step checks the budget',
    );
  }
  if (i.images.length === 0) {
    throw new InputError(
      'push-by-digest',
      'true',
      'needs "images": the repositories to push the leg to by digest (tags are not pushed in this mode)',
    );
  }
  if (i.build.platforms.length > 1) {
    throw new InputError(
      'platforms',
      i.build.platforms.join(','),
      'has several platforms, but push-by-digest builds one per leg: give one (or none for the builder’s own) and run a leg per platform',
    );
  }
  if (i.build.outputs.length > 0)
    throw new InputError(
      'outputs',
      i.build.outputs.join('\n'),
      'cannot be set with push-by-digest, which decides the output',
    );
  if (i.build.load)
    throw new InputError('load', 'true', 'cannot be set with push-by-digest, which pushes the image');
}

function checkCombinations(i: ActionInputs): void {
  const named = i.images.length > 0 || i.tagReferences.length > 0;
  if (i.build.push && !named) {
    throw new InputError(
      'push',
      'true',
      'needs a name to push to: set "images" (or full references in "tags")',
    );
  }
  if (i.cache === 'registry' && !named) {
    throw new InputError(
      'cache',
      'registry',
      'needs an image to derive the cache reference (<image>:buildcache) from: set "images", or use cache-from/cache-to',
    );
  }
  if (!named && i.tagRules.length > 0) {
    throw new InputError(
      'tags',
      i.tagRules.map((r) => r.source).join('\n'),
      'are tag rules but "images" is empty',
    );
  }
  if (
    i.build.push &&
    i.build.outputs.some((o) => /(^|,)type=registry(,|$)/.test(o) || /(^|,)push=true(,|$)/.test(o))
  ) {
    throw new InputError(
      'outputs',
      i.build.outputs.join('\n'),
      'already pushes; set either "push: true" or a registry output',
    );
  }
}
