/**
 * The action's inputs, read once, validated, and turned into typed data. The one place
 * (with action.yml) that knows input names. Every mistake is an InputError naming the
 * input and the value, raised before anything is built or pushed.
 */
import { readHistoryInputs, type HistoryInputs } from './history.js';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import { ruleLine, rulesForAbsentPlatforms } from '../compare/budget.js';
import type { BuildOptions } from '../buildx/buildx.js';
import {
  addHostProblem,
  attestProblem,
  attestationProblem,
  entitlementProblem,
  shmSizeProblem,
  ulimitProblem,
} from '../buildx/flags.js';
import { CACHE_MODES, type CacheMode } from '../buildx/cache.js';
import { checkPath, type PathRule } from './paths.js';
import {
  buildContextPath,
  cachePaths,
  isRemoteContext,
  outputPaths,
  sshPaths,
} from '../buildx/flag-paths.js';
import {
  type GetInput,
  BOOLEAN,
  checkPlatform,
  checked,
  keyValue,
  notAnOption,
  readBoolean,
  readChoice,
  readSize,
  splitPair,
} from './read.js';
import { checkPaths } from './paths.js';
import { readTagAndReportInputs, type TagAndReportInputs } from './tag-and-report.js';
import type { Separators } from '../plan/outputs.js';

export interface SecretValue {
  id: string;
  value: string;
}

/** The inputs that go to buildx as they are; labels, tags and secrets are planned first. */
export type BuildInputs = Omit<
  BuildOptions,
  'labels' | 'tags' | 'secrets' | 'metadataFile' | 'iidFile' | 'builderId'
>;

export interface ActionInputs extends TagAndReportInputs {
  build: BuildInputs;
  /** The user's labels, KEY=VALUE: merged over the OCI labels by the plan. */
  labels: string[];
  secrets: SecretValue[];
  secretEnvs: { id: string; env: string }[];
  secretFiles: { id: string; src: string }[];
  /** Dockerfile advice from the measured layers (needs analyzeLayers). */
  advise: boolean;
  /** Findings that save fewer bytes than this are not shown. */
  adviceMinBytes: number;
  /** Build a PR's code under pull_request_target / workflow_run with credentials (buildx/trust.ts). */
  allowUntrustedBuild: boolean;
  /** The `cache` shorthand (buildx/cache.ts); `none` when empty. */
  cache: CacheMode;
  /** A leg of a multi-platform build: one platform, pushed by digest without tags (steps/legs.ts). */
  pushByDigest: boolean;
  /** `sep-tags`, `sep-labels`, `sep-annotations`: how the metadata outputs join their lists. */
  separators: Separators;
  /** The size history kept beside the image (inputs/history.ts). */
  history: HistoryInputs;
}

const CALLS = ['build', 'check'] as const;

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
 * `where`: the rule every local path input is held to (paths.ts); a directory alone stands
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
      ...(readChoice(getInput, 'call', CALLS, 'build') === 'check' && { call: 'check' as const }),
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
    separators: {
      tags: separator(getInput, 'sep-tags'),
      labels: separator(getInput, 'sep-labels'),
      annotations: separator(getInput, 'sep-annotations'),
    },
    history: readHistoryInputs(getInput),
  };
  checkCall(inputs);
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

// As metadata-action: the text as given, spaces kept; a newline when empty.
function separator(getInput: GetInput, name: string): string {
  return getInput(name, { trim: false }) || '\n';
}

// A check builds nothing: an input that asks for the image to go somewhere is a mistake.
function checkCall(i: ActionInputs): void {
  if (i.build.call !== 'check') return;
  const conflicts: [string, boolean, string][] = [
    ['push-by-digest', i.pushByDigest, 'true'],
    ['push', i.build.push, 'true'],
    ['load', i.build.load, 'true'],
    ['outputs', i.build.outputs.length > 0, i.build.outputs.join('\n')],
    ['size-budget', i.budgetRules.length > 0, i.budgetRules.map(ruleLine).join('\n')],
  ];
  for (const [input, set, value] of conflicts) {
    if (set) {
      throw new InputError(
        input,
        value,
        'cannot be set with call: check, which runs the build checks and builds nothing: drop it, or set call: build',
      );
    }
  }
}

function checkBuildContext(entry: string, rule: PathRule): string {
  const path = buildContextPath(entry);
  if (path === '') throw new InputError('build-contexts', entry, 'names no path');
  if (path !== undefined) checkPath(rule, 'build-contexts', entry, path, 'existing');
  return entry;
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

function checkShmSize(value: string): string | undefined {
  return value === '' ? undefined : checked('shm-size', value, shmSizeProblem(value));
}

function checkPushByDigest(i: ActionInputs, getInput: GetInput): void {
  if (!i.pushByDigest) return;
  // A leg is pushed by digest, untagged, and reports nothing. Tags and flavor still name the
  // version label (actions/build.ts says so); a budget would never be checked.
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
