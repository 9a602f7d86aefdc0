/**
 * After the build: measure the image (pushed, or its OCI layout), compare it with the
 * baseline, and publish the report: log table, outputs, job summary, PR comment, budget.
 * Loaded lazily by main.ts: a build that reports nothing pays nothing.
 */
import type { Io } from './io/port.js';
import type { BudgetStatus } from './report/budget.js';
import type { ActionInputs } from './inputs/build.js';
import type { GitContext } from './context.js';
import type { BaselinePlan } from './compare/baseline.js';
import { planBaseline, previousRelease } from './compare/baseline.js';
import { evaluateBudget } from './compare/budget.js';
import {
  measureWithScans,
  noteBaseline,
  readBaseline,
  type BaselineInput,
  type RegistryMeasureOptions,
} from './measure/against-baseline.js';
import { judgeBaseline } from './compare/baseline-policy.js';
import { InputError } from './util/errors.js';
import { runAdviceStep, type AdviceSettings } from './advise/advice-step.js';
export { adviceSettings } from './advise/advice-step.js';
import { connect } from './registry/connect.js';
import { isNotFound } from './registry/errors.js';
import { parseReference } from './oci/reference.js';
import { renderReport } from './render/markdown.js';
import { withoutBuildArgValues } from './report/redact.js';
import { sizeTable } from './render/table.js';
import { formatBytes } from './render/format.js';
import { publishReport } from './github/publish.js';
import { OCI_LAYOUT } from './oci/reference.js';
import type { BaselineOutcome } from './report/baseline.js';
import type { TagAndReportInputs } from './inputs/tag-and-report.js';

/** What the size step reads of the inputs: the merge action's have no build, only a push. */
export type SizeStepInputs = TagAndReportInputs & {
  build: Pick<ActionInputs['build'], 'push'> & Partial<Pick<ActionInputs['build'], 'buildArgs'>>;
};

export interface SizeStepInput {
  inputs: SizeStepInputs;
  context: GitContext;
  /** What to measure: `name@digest` after a push, or `oci-layout://PATH`. */
  image: string;
  /** How the image is named in the report (its first tag). */
  shownAs: string;
  /** The baseline, as far as lookUpBaseline got with it before the build. */
  baseline: BaselineInput;
  /** The size advisor's settings (main.ts: adviceSettings); none where there is no Dockerfile. */
  advice?: AdviceSettings;
}

export function measureOptions(io: Io, inputs: SizeStepInputs): RegistryMeasureOptions {
  return {
    platforms: [],
    analyzeLayers: inputs.analyzeLayers,
    insecureRegistries: inputs.insecureRegistries,
    env: io.env,
    onSecret: (secret) => io.mask(secret),
    // Refs and reasons come from branch names and registries: shown, never obeyed.
    log: (line) => io.infoUntrusted(line),
    warn: (line) => io.warning(line),
    debug: (line) => io.debug(line),
  };
}

/**
 * The baseline, planned and read before anything is built or pushed: a reference to measure
 * after the build, or, when there is none or it cannot be read, the outcome the baseline policy
 * gives (compare/baseline-policy.ts), logged here, once. It never fails the step.
 */
export async function lookUpBaseline(
  io: Io,
  inputs: SizeStepInputs,
  context: GitContext,
  now: Date,
): Promise<BaselineInput> {
  const plan = planBaseline({
    compareTo: inputs.compareTo,
    images: inputs.images,
    tagRules: inputs.tagRules,
    flavor: inputs.flavor,
    context,
    now,
  });
  const found = await resolveBaselineBeforeBuild(io, plan, inputs);
  if (typeof found === 'object') noteBaseline(found, measureOptions(io, inputs));
  return found;
}

/**
 * The baseline reference, read before anything is pushed (its manifests and configs: a tag that
 * is an artifact or holds only attestations is found here, not after the push): a push compares
 * with what its tag pointed to before (pinned by digest now, since the push moves the tag), a
 * release with the previous release in the registry.
 */
export async function resolveBaselineBeforeBuild(
  io: Io,
  plan: BaselinePlan,
  inputs: SizeStepInputs,
): Promise<string | BaselineOutcome> {
  if (plan.kind === 'none') return { status: 'absent', reason: plan.reason };
  const options = measureOptions(io, inputs);
  // An OCI layout is on disk: nothing to look up, and nothing a push moves.
  if (plan.kind === 'reference' && plan.ref.startsWith(OCI_LAYOUT)) return plan.ref;
  let ref: string;
  if (plan.kind === 'previous-release') {
    const previous = await previousReleaseOf(plan, options);
    if (typeof previous === 'object') return previous;
    ref = previous;
  } else ref = plan.ref;
  const input = inputs.compareTo && plan.kind === 'reference' ? 'compare-to' : 'images';
  const read = await readBaseline(ref, { ...options, analyzeLayers: false, input });
  if ('outcome' in read) return read.outcome;
  // A compare-to that this push may move (`:main` on a push to main) is pinned by digest now.
  const mayMove = inputs.build.push && plan.kind === 'reference' && plan.ref === inputs.compareTo;
  return plan.kind === 'before-push' || mayMove
    ? `${parseReference(ref).name}@${read.measurement.digest}`
    : ref;
}

// `repository:<the highest release below this one>`, or why there is none.
async function previousReleaseOf(
  plan: Extract<BaselinePlan, { kind: 'previous-release' }>,
  options: RegistryMeasureOptions,
): Promise<string | BaselineOutcome> {
  try {
    const connection = await connect(plan.repository, { ...options, input: 'images' });
    const tags = await connection.client.tags(connection.reference.repository);
    const previous = previousRelease(tags, plan.version);
    if (previous) return `${plan.repository}:${previous}`;
    return { status: 'absent', reason: `no release before ${plan.version} in ${plan.repository} yet` };
  } catch (error) {
    if (error instanceof InputError) throw error;
    return judgeBaseline(plan.repository, { error, tagMissing: isNotFound(error) });
  }
}

/** Measures, compares, advises and publishes; returns the budget's status (`fail` fails the step). */
export async function runSizeStep(io: Io, step: SizeStepInput): Promise<BudgetStatus> {
  const { inputs } = step;
  const { report: measured, scanned } = await measureWithScans(
    step.image,
    step.baseline,
    measureOptions(io, inputs),
  );
  const budget = evaluateBudget(measured, inputs.budgetRules, inputs.budgetAction);
  // The verdict is part of the report only when there is a budget to hold.
  const checked = inputs.budgetRules.length > 0 ? budget : undefined;
  const advice =
    step.advice &&
    (await runAdviceStep(io, { ...step.advice, analyzeLayers: inputs.analyzeLayers, scanned }));
  // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
  const report = withoutBuildArgValues(
    {
      ...measured,
      image: { ...measured.image, ref: step.shownAs },
      budget: checked,
      ...(advice && { advice }),
    },
    inputs.build.buildArgs ?? [],
  );
  const markdown = renderReport(report, { key: inputs.commentKey, budget: checked, chart: inputs.chart });

  // Platform names and refs come from registries and saved reports: shown, never obeyed.
  io.infoUntrusted(sizeTable(report));
  io.setOutput('size-report', JSON.stringify(report));
  io.setOutput('budget-status', budget.status);
  await publishReport(io, report, markdown, {
    token: inputs.githubToken,
    repository: step.context.repository,
    issueNumber: step.context.pullRequest?.number,
    eventName: step.context.eventName,
    key: inputs.commentKey,
    mode: inputs.comment,
    minChange: inputs.minChange,
  });

  const messages = budget.violations.map((v) => {
    const [actual, limit] = v.rule.startsWith('max-increase-percent')
      ? [`${v.actual.toFixed(1)}%`, `${v.limit}%`]
      : [formatBytes(v.actual), formatBytes(v.limit)];
    return `Size budget: ${v.platform} ${v.rule} exceeded (${actual} > ${limit})`;
  });
  for (const u of budget.unchecked ?? []) {
    messages.push(
      `Size budget: ${u.platform} ${u.rule} not checked: it needs the baseline, which could not be read`,
    );
  }
  // A rule for a platform the image does not have (the builder's own platform was another).
  const platforms = measured.platforms.map((p) => p.platform).join(', ');
  for (const a of budget.absent ?? []) {
    messages.push(
      `Size budget: "${a.platform}: ${a.rule}" was not checked: the image has no ${a.platform} (its platforms: ${platforms})`,
    );
  }
  for (const message of messages) {
    if (budget.status === 'fail') io.error(message);
    else io.warning(message);
  }
  return budget.status;
}
