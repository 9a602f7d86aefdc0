/**
 * After the build: measure the image (pushed, or its OCI layout), compare it with the
 * baseline, and publish the report: log table, outputs, job summary, PR comment, budget.
 * Loaded lazily by main.ts: a build that reports nothing pays nothing.
 */
import * as runner from './runner.js';
import type { ActionInputs, TagAndReportInputs } from './inputs.js';
import type { GitContext } from './context.js';
import type { BaselinePlan } from './compare/baseline.js';
import { planBaseline, previousRelease } from './compare/baseline.js';
import { evaluateBudget } from './compare/budget.js';
import {
  measureWithScans,
  OCI_LAYOUT_PREFIX,
  type RegistryMeasureOptions,
} from './measure/against-baseline.js';
import { runAdviceStep, type AdviceSettings } from './advise/advice-step.js';
export { adviceSettings } from './advise/advice-step.js';
import { connect } from './registry/connect.js';
import { isNotFound } from './registry/errors.js';
import { parseReference } from './plan/reference.js';
import { renderReport } from './report/markdown.js';
import { withoutBuildArgValues } from './report/redact.js';
import { sizeTable } from './report/table.js';
import { formatBytes } from './report/format.js';
import { publishReport } from './github/publish.js';

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
  /** The baseline, resolved as far as it can be before the build (see resolveBaselineBeforeBuild). */
  baseline: string | undefined;
  /** The size advisor's settings (main.ts: adviceSettings); none where there is no Dockerfile. */
  advice?: AdviceSettings;
}

export function measureOptions(inputs: SizeStepInputs): RegistryMeasureOptions {
  return {
    platforms: [],
    analyzeLayers: inputs.analyzeLayers,
    insecureRegistries: inputs.insecureRegistries,
    env: process.env,
    onSecret: runner.addMask,
    log: runner.info,
  };
}

/**
 * The baseline, planned and looked up before anything is pushed. It cannot fail the step:
 * without one the report says so.
 */
export async function lookUpBaseline(
  inputs: SizeStepInputs,
  context: GitContext,
  now: Date,
): Promise<string | undefined> {
  const plan = planBaseline({
    compareTo: inputs.compareTo,
    images: inputs.images,
    tagRules: inputs.tagRules,
    flavor: inputs.flavor,
    context,
    now,
  });
  try {
    return await resolveBaselineBeforeBuild(plan, inputs);
  } catch (error) {
    runner.warning(
      `Size report: the baseline could not be looked up, so there is none: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/**
 * The baseline reference, looked up before anything is pushed: a push compares with what its
 * tag pointed to before (pinned by digest now, since the push moves the tag), a release with
 * the previous release in the registry. undefined when there is none yet.
 */
export async function resolveBaselineBeforeBuild(
  plan: BaselinePlan,
  inputs: SizeStepInputs,
): Promise<string | undefined> {
  if (plan.kind === 'none') {
    runner.info(`Size report: no baseline (${plan.reason}).`);
    return undefined;
  }
  // A compare-to that this push may move (`:main` on a push to main) is pinned by digest now.
  const mayMove = inputs.build.push && plan.kind === 'reference' && plan.ref === inputs.compareTo;
  if (plan.kind === 'reference' && (!mayMove || plan.ref.startsWith(OCI_LAYOUT_PREFIX))) return plan.ref;
  const ref = plan.kind === 'previous-release' ? plan.repository : plan.ref;
  const connection = await connect(ref, { ...measureOptions(inputs), input: 'images' });
  try {
    if (plan.kind !== 'previous-release') {
      const head = await connection.client.headManifest(
        connection.reference.repository,
        connection.manifestReference,
      );
      return `${parseReference(plan.ref).name}@${head.digest}`;
    }
    const tags = await connection.client.tags(connection.reference.repository);
    const previous = previousRelease(tags, plan.version);
    if (!previous) runner.info(`Size report: no release before ${plan.version} in ${plan.repository} yet.`);
    return previous && `${plan.repository}:${previous}`;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    runner.info(`Size report: no baseline yet: ${ref} does not exist.`);
    return undefined;
  }
}

export async function runSizeStep(step: SizeStepInput): Promise<void> {
  const { inputs } = step;
  const { report: measured, scanned } = await measureWithScans(
    step.image,
    step.baseline,
    measureOptions(inputs),
  );
  const budget = evaluateBudget(measured, inputs.budgetRules, inputs.budgetAction);
  // The verdict is part of the report only when there is a budget to hold.
  const checked = inputs.budgetRules.length > 0 ? budget : undefined;
  const advice =
    step.advice && (await runAdviceStep({ ...step.advice, analyzeLayers: inputs.analyzeLayers, scanned }));
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
  runner.infoUntrusted(sizeTable(report));
  runner.setOutput('size-report', JSON.stringify(report));
  runner.setOutput('budget-status', budget.status);
  const pr = step.context.pullRequest;
  await publishReport(
    report,
    markdown,
    pr && {
      token: inputs.githubToken,
      repository: step.context.repository,
      issueNumber: pr.number,
      key: inputs.commentKey,
      mode: inputs.comment,
      minChange: inputs.minChange,
    },
  );

  for (const v of budget.violations) {
    const [actual, limit] = v.rule.startsWith('max-increase-percent')
      ? [`${v.actual.toFixed(1)}%`, `${v.limit}%`]
      : [formatBytes(v.actual), formatBytes(v.limit)];
    const message = `Size budget: ${v.platform} ${v.rule} exceeded (${actual} > ${limit})`;
    if (budget.status === 'fail') runner.error(message);
    else runner.warning(message);
  }
  if (budget.status === 'fail') process.exitCode = 1;
}
