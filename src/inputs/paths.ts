/**
 * The one rule for local paths. Every path an input names, whether the step reads it (a context,
 * a Dockerfile, a secret file, a build context, an SSH key, a local cache, an OCI layout, a saved
 * report, a digests directory) or writes it (an output, a local cache export), must lie in the
 * workspace (GITHUB_WORKSPACE) or in RUNNER_TEMP once every symlink on the way is resolved.
 * Relative paths start from the step's working directory, as buildx reads them. A path elsewhere
 * would let an input (or a pull request that controls one) read the runner's files into an image
 * or a report, or write over them. The actions check every path input with checkPath before
 * anything runs; PATH_INPUTS lists them, and the tests hold each one to the rule.
 *
 * The one exception is the SSH agent socket SSH_AUTH_SOCK names: `ssh: default` uses it anyway,
 * so naming it (`default=${{ env.SSH_AUTH_SOCK }}`) reaches nothing more.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../util/errors.js';
import { ociLayoutPath, parseReference } from '../oci/reference.js';

/** The local path inputs of each action (action.yml, report/action.yml, merge/action.yml). */
export const PATH_INPUTS = {
  main: [
    'context',
    'file',
    'build-contexts',
    'secret-files',
    'ssh',
    'cache-from',
    'cache-to',
    'outputs',
    'compare-to',
  ],
  report: ['image', 'baseline', 'file', 'size-report-file'],
  merge: ['digests-dir', 'compare-to'],
} as const;

export interface PathRule {
  /** Where relative paths start: the step's working directory. */
  cwd: string;
  /** The directories paths must stay in: the workspace and RUNNER_TEMP. */
  roots: string[];
  /** SSH_AUTH_SOCK: the agent socket, allowed by name (see above). */
  agentSocket?: string;
}

/** The rule on a runner: the workspace (the working directory off a runner) and RUNNER_TEMP. */
export function pathRuleOf(env: Record<string, string | undefined>, cwd: string): PathRule {
  const roots = [env.GITHUB_WORKSPACE || cwd, env.RUNNER_TEMP].filter((root): root is string => !!root);
  return { cwd, roots, agentSocket: env.SSH_AUTH_SOCK || undefined };
}

/**
 * `existing`: the step reads the path, so it must exist. `any`: it may not exist yet (an output
 * the build writes, a local cache that a cold run has not made yet); its nearest existing parent
 * is what the rule resolves.
 */
export type PathUse = 'existing' | 'any';

/**
 * Holds `path` (as `value` of `input` names it) to the rule; returns it absolute, symlinks
 * resolved. Throws an InputError naming the input and the value.
 */
export function checkPath(rule: PathRule, input: string, value: string, path: string, use: PathUse): string {
  const absolute = resolve(rule.cwd, path);
  if (use === 'existing' && !existsSync(absolute)) {
    throw new InputError(input, value, `names ${absolute}, which does not exist`);
  }
  const real = use === 'existing' ? realpathSync(absolute) : realPathForWrite(input, value, absolute);
  if (rule.agentSocket && existsSync(rule.agentSocket) && real === realpathSync(rule.agentSocket))
    return real;
  const inside = rule.roots.some((root) => existsSync(root) && isWithin(realpathSync(root), real));
  if (!inside) {
    const shown = real === absolute ? absolute : `${absolute} leads to ${real}`;
    throw new InputError(
      input,
      value,
      `is outside the workspace and RUNNER_TEMP: ${shown}, which is not under ${rule.roots.join(' or ')}`,
    );
  }
  return real;
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

// The nearest part of the path that exists, symlinks resolved, with the parts that do not exist
// yet after it. An entry that exists as a symlink to nowhere would send the write wherever it
// points: refused, since where that is cannot be checked.
function realPathForWrite(input: string, value: string, absolute: string): string {
  const missing: string[] = [];
  let path = absolute;
  for (;;) {
    let exists = true;
    try {
      lstatSync(path);
    } catch {
      exists = false;
    }
    if (exists) {
      try {
        return join(realpathSync(path), ...missing);
      } catch {
        throw new InputError(input, value, `names ${path}, a symlink that leads nowhere`);
      }
    }
    const parent = dirname(path);
    if (parent === path) return absolute;
    missing.unshift(basename(path));
    path = parent;
  }
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
    // Loaded only when an input names a layout.
    const [{ openOciLayout, OciLayoutError }, { ManifestError }] = await Promise.all([
      import('../image/oci-layout.js'),
      import('../oci/manifest.js'),
    ]);
    try {
      await (await openOciLayout(path)).manifest('');
    } catch (error) {
      if (!(error instanceof OciLayoutError || error instanceof ManifestError)) throw error;
      throw new InputError(input, value, `is not an OCI image layout: ${error.message}`);
    }
  }
}

/**
 * An image reference, or `oci-layout://PATH` held to the path rule; '' stays ''. The layout's
 * content is checked (checkLayoutInputs) before anything runs too.
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
export function checkPaths(
  rule: PathRule,
  input: string,
  value: string,
  paths: string[],
  use: PathUse,
): string {
  for (const path of paths) checkPath(rule, input, value, path, use);
  return value;
}
