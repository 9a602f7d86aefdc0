/**
 * How an input's text becomes a value: booleans (YAML 1.2 core schema, as @actions/core reads
 * them), choices, sizes, registry hosts, the comment key, KEY=VALUE pairs; each mistake an
 * InputError naming the input and the value.
 */
import { GRADE_THRESHOLDS, parseChangeThresholds, type ChangeThresholds } from '../render/icons.js';
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import { isRegistryHost } from '../oci/reference.js';
import { parseSize } from '../compare/budget.js';
import { keyValueProblem, optionLikeProblem, platformProblem } from '../buildx/flags.js';

/** An input's text, trimmed unless `trim: false`. */
export type GetInput = (name: string, options?: { trim?: boolean }) => string;

export const BOOLEAN: Record<string, boolean> = {
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
export const COMMENT_KEY_MAX = 256;

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

/** The `change-thresholds` input (render/icons.ts), or the defaults when empty. */
export function readChangeThresholds(getInput: GetInput): ChangeThresholds {
  const value = getInput('change-thresholds');
  if (value.trim() === '') return GRADE_THRESHOLDS;
  try {
    return parseChangeThresholds(value, parseSize);
  } catch (error) {
    throw new InputError('change-thresholds', value, (error as Error).message);
  }
}

/** `value` of `input`, or an InputError with the reason a buildx flag rule (buildx/flags.ts) gives. */
export function checked(input: string, value: string, problem: string | undefined): string {
  if (problem) throw new InputError(input, value, problem);
  return value;
}

/** A value buildx would take for an option where it expects a name or a path. */
export function notAnOption(input: string, value: string): void {
  checked(input, value, optionLikeProblem(value));
}

export function splitPair(input: string, item: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0 || eq === item.length - 1) throw new InputError(input, item, 'must be KEY=VALUE');
  return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}

export function keyValue(input: string, item: string): string {
  return checked(input, item, keyValueProblem(item));
}

export function checkPlatform(platform: string): void {
  const why = platformProblem(platform);
  if (why) throw new InputError('platforms', platform, why);
}
