/**
 * The naming and report inputs that the main action and the merge action share with the same
 * meaning: images, tags, flavor, the baseline, the comment and the size budget.
 */
import type { ChangeThresholds } from '../render/icons.js';
import { InputError } from '../util/errors.js';
import { parseList } from '../util/list.js';
import { parseImageName } from '../oci/reference.js';
import { parseBudget, parseBudgetAction, ruleLine, type BudgetRule } from '../compare/budget.js';
import { parseTagRules } from '../plan/tags.js';
import { parseFlavor } from '../plan/flavor.js';
import { platformProblem } from '../buildx/flags.js';
import { COMMENT_MODES } from '../github/comment.js';
import { type PathRule } from './paths.js';
import {
  type GetInput,
  BOOLEAN,
  readBoolean,
  readChoice,
  readCommentKey,
  readRegistryHosts,
  readSize,
  readChangeThresholds,
  splitPair,
} from './read.js';
import { checkImageOrLayout } from './paths.js';
import type { TagRule } from '../plan/tags.js';
import type { Flavor } from '../plan/flavor.js';
import type { BudgetAction } from '../compare/budget.js';
import type { CommentMode } from '../github/comment.js';

/** The naming and report inputs: the main action's, and the merge action's with the same meaning. */
export interface TagAndReportInputs {
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
  /** `change-thresholds`: when a change is small, when large (the icons). */
  changeThresholds: ChangeThresholds;
  budgetRules: BudgetRule[];
  budgetAction: BudgetAction;
  /** A Mermaid chart of layer sizes in the report. */
  chart: boolean;
}

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
    changeThresholds: readChangeThresholds(getInput),
    budgetRules,
    budgetAction: parseBudgetAction(getInput('budget-action'), budgetRules.length > 0),
    chart: readBoolean(getInput, 'chart', false),
  };
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

/** What reporting reads of the inputs: the merge action's have no build, only a push. */
export type ReportingInputs = TagAndReportInputs & {
  build: { push: boolean; buildArgs?: string[] };
};
