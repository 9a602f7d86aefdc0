/**
 * The image's names and labels, planned from the inputs and the git context before
 * anything runs: what metadata-action computes, as one pure step.
 */
import type { GitContext } from './context.js';
import { parseReference } from '../oci/reference.js';
import type { Flavor } from './flavor.js';
import { planLabels } from './labels.js';
import { defaultTagRules, planTags, type TagRule } from './tags.js';

export interface PlanInput {
  images: string[];
  tagRules: TagRule[];
  tagReferences: string[];
  flavor: Flavor;
  userLabels: string[];
  context: GitContext;
  now: Date;
}

export interface ImagePlan {
  /** Full references, `image:tag`. */
  tags: string[];
  labels: Record<string, string>;
  /** The main tag's value (`1.2.3`, `pr-12`, `main`), or '' without tags. */
  version: string;
  /** The tags without image: metadata-action's `tag-names`. */
  tagNames: string[];
  /** The labels made from the git context alone, before the user's: metadata-action's annotations. */
  ociLabels: Record<string, string>;
}

export function planImage(input: PlanInput): ImagePlan {
  const useDefaults = input.tagRules.length === 0 && input.tagReferences.length === 0;
  const rules = useDefaults && input.images.length > 0 ? defaultTagRules(input.context) : input.tagRules;
  const { tags, version } = planTags({
    images: input.images,
    rules,
    references: input.tagReferences,
    flavor: input.flavor,
    context: input.context,
    now: input.now,
  });
  const labelInput = { context: input.context, version, now: input.now };
  const labels = planLabels({ ...labelInput, userLabels: input.userLabels });
  const ociLabels = planLabels({ ...labelInput, userLabels: [] });
  // The same tags for every image, in the rules' order, then those of the references.
  const tagNames = [...new Set(tags.map((tag) => parseReference(tag).tag ?? 'latest'))];
  return { tags, labels, version, tagNames, ociLabels };
}
