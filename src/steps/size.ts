/**
 * After the build: measure the image (pushed, or its OCI layout), compare it with the
 * baseline, and publish the report: log table, outputs, job summary, PR comment, budget.
 * Loaded lazily by the actions: a build that reports nothing pays nothing.
 */
import type { Io } from '../io/port.js';
import type { BudgetStatus } from '../report/budget.js';
import type { GitContext } from '../plan/context.js';
import { evaluateBudget } from '../compare/budget.js';
import { measureWithScans, type BaselineInput } from './measure.js';
import type { AdviceSettings } from './advice.js';
import { readBaseHint } from './base.js';
import { withBaseImages, withBaselineBaseFromHistory, type BaseHint } from '../compare/base-image.js';
import { renderReport } from '../render/markdown.js';
import { withoutBuildArgValues } from '../report/redact.js';
import { sizeTable } from '../render/table.js';
import { formatBytes } from '../render/format.js';
import { publishReport, renderContextOf } from './publish.js';

import type { ReportingInputs } from '../inputs/tag-and-report.js';
import { measureOptions } from './baseline.js';
import { historyAfterReport, historyBeforeReport, type HistoryStep } from './history.js';
export interface SizeStepInput {
  inputs: ReportingInputs;
  context: GitContext;
  /** What to measure: `name@digest` after a push, or `oci-layout://PATH`. */
  image: string;
  /** How the image is named in the report (its first tag). */
  shownAs: string;
  /** The baseline, as far as lookUpBaseline got with it before the build. */
  baseline: BaselineInput;
  /** The size advisor's settings (actions/build.ts: adviceSettings); none where there is no Dockerfile. */
  advice?: AdviceSettings;
  /** What the Dockerfile says of the base, when the caller read it already (while buildx ran); undefined: it says nothing. */
  baseHint?: BaseHint;
  /** The size history (steps/history.ts): the main action's; the merge action has none. */
  history?: HistoryStep;
}

/** Measures, compares, advises and publishes; returns the budget's status (`fail` fails the step). */
export async function runSizeStep(io: Io, step: SizeStepInput): Promise<BudgetStatus> {
  const { inputs } = step;
  const {
    report: compared,
    scanned,
    measurements,
  } = await measureWithScans(step.image, step.baseline, measureOptions(io, inputs));
  // The base image: the image's annotation, else the Dockerfile's FROM (none for the merge action).
  const hint = 'baseHint' in step ? step.baseHint : step.advice && (await readBaseHint(io, step.advice));
  const measured = withBaseImages(compared, measurements.image, measurements.baseline, hint);
  const budget = evaluateBudget(measured, inputs.budgetRules, inputs.budgetAction);
  // The verdict is part of the report only when there is a budget to hold.
  const checked = inputs.budgetRules.length > 0 ? budget : undefined;
  // The advisor (its rules, the Dockerfile parser's share of them) loads only when it is on.
  const advice =
    step.advice?.enabled &&
    (await (
      await import('./advice.js')
    ).runAdviceStep(io, {
      ...step.advice,
      analyzeLayers: inputs.analyzeLayers,
      scanned,
      compared,
    }));
  // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
  const unnamed = withoutBuildArgValues(
    {
      ...measured,
      image: { ...measured.image, ref: step.shownAs },
      budget: checked,
      ...(advice && { advice }),
    },
    inputs.build.buildArgs ?? [],
  );
  const history = await historyBeforeReport(io, step.history, unnamed);
  // The baseline's base, when its image names none, as the size history recorded it.
  const report = withBaselineBaseFromHistory(unnamed, history.state?.records ?? []);
  const markdown = renderReport(report, {
    key: inputs.commentKey,
    budget: checked,
    chart: inputs.chart,
    trend: history.trend,
    thresholds: inputs.changeThresholds,
    context: renderContextOf(step.context, io.now()),
  });

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
  await historyAfterReport(io, step.history, history.state, report, {
    commit: step.context.sha,
    ref: step.context.ref,
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
