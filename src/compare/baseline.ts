/**
 * Which image a build is compared with, decided from the inputs and the git context before
 * anything runs. Pure: the registry look-ups the decision calls for are the caller's.
 */
import type { GitContext } from '../plan/context.js';
import type { Flavor } from '../plan/flavor.js';
import { defaultTagRules, planTags, type TagRule } from '../plan/tags.js';
import parse from 'semver/functions/parse.js';

export type BaselinePlan =
  /** Nothing to compare with (no images, or no tag names the base). */
  | { kind: 'none'; reason: string }
  /** Compare with this reference as it is now (`compare-to`, or a PR's base branch tag). */
  | { kind: 'reference'; ref: string }
  /** A push: compare with what this tag pointed to before the push, read before pushing. */
  | { kind: 'before-push'; ref: string }
  /** A release: compare with the highest earlier release tag in the repository. */
  | { kind: 'previous-release'; repository: string; version: string };

export interface BaselineInput {
  compareTo: string;
  images: string[];
  tagRules: TagRule[];
  flavor: Flavor;
  context: GitContext;
  now: Date;
}

export function planBaseline(input: BaselineInput): BaselinePlan {
  if (input.compareTo) return { kind: 'reference', ref: input.compareTo };
  const image = input.images[0];
  if (!image) return { kind: 'none', reason: 'no image name to look the baseline up by ("images" is empty)' };
  const { context } = input;
  const rules = input.tagRules.length > 0 ? input.tagRules : undefined;

  if (context.pullRequest) {
    // The tag a push to the base branch gets under the same rules: `:main`.
    const base = `refs/heads/${context.pullRequest.baseRef}`;
    const pushContext: GitContext = { ...context, eventName: 'push', ref: base, pullRequest: undefined };
    // The base branch's commit is not known here: a sha tag could only name this PR's own.
    const tag = mainTag(
      input,
      pushContext,
      rules?.filter((rule) => rule.type !== 'sha'),
    );
    return tag
      ? { kind: 'reference', ref: `${image}:${tag}` }
      : { kind: 'none', reason: `no tag rule names a push to ${context.pullRequest.baseRef}` };
  }
  const tag = mainTag(input, context, rules);
  if (!tag) return { kind: 'none', reason: 'no tag rule applies to this event' };
  if (context.ref.startsWith('refs/tags/') && parse(tag, { loose: true })) {
    return { kind: 'previous-release', repository: image, version: tag };
  }
  return { kind: 'before-push', ref: `${image}:${tag}` };
}

function mainTag(input: BaselineInput, context: GitContext, rules: TagRule[] | undefined): string {
  return planTags({
    images: [],
    rules: rules ?? defaultTagRules(context),
    references: [],
    flavor: input.flavor,
    context,
    now: input.now,
  }).version;
}

/**
 * The highest release in `tags` below `version`: full versions only (`1.2.3`, not `1.2`), no
 * pre-releases, compared as semver. undefined when there is none.
 */
export function previousRelease(tags: string[], version: string): string | undefined {
  const current = parse(version, { loose: true });
  if (!current) return undefined;
  let best: { tag: string; version: NonNullable<ReturnType<typeof parse>> } | undefined;
  for (const tag of tags) {
    const v = parse(tag, { loose: true });
    if (!v || v.prerelease.length > 0 || v.compare(current) >= 0) continue;
    if (!best || v.compare(best.version) > 0) best = { tag, version: v };
  }
  return best?.tag;
}
