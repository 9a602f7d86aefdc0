/**
 * The report sub-action (`uses: <owner>/shipshape/report@v1`), two jobs:
 *  - measure an image built elsewhere, straight from its registry (or an OCI layout), compare
 *    it with a baseline, and publish the report (log, outputs, job summary, PR comment);
 *  - post a report saved by an earlier, unprivileged run (a fork's PR) as the sticky comment,
 *    from a privileged `workflow_run` workflow: inputs `size-report(-file)` and `pr-number`.
 *    The saved JSON is checked field by field and rendered here, never posted as markdown the
 *    fork wrote, so its text is escaped like any other. Under workflow_run, `pr-number` (which a
 *    fork's artifact may give) must name the pull request whose head the run built (verify-pr.ts),
 *    in both modes.
 */
import type { Io } from '../io/port.js';
import { failureMessage, InputError } from '../util/errors.js';
import { OCI_LAYOUT, parseReference } from '../oci/reference.js';
import { decideHistory } from '../compare/history-policy.js';
import type { HistoryStep } from '../steps/history.js';
import type { ExplicitCredentials } from '../registry/auth.js';
import { parseRegistryReference } from '../registry/reference.js';
import type { SizeReport } from '../report/size-report.js';
import { withoutBuildArgValues } from '../report/redact.js';
import { withBaseImages, withBaselineBaseFromHistory } from '../compare/base-image.js';
import { renderReport } from '../render/markdown.js';
import { sizeTable } from '../render/table.js';
import { readGitContext } from '../github/event.js';
import { WaitBudget } from '../github/wait-budget.js';
import type { GitContext } from '../plan/context.js';
import { pathRuleOf } from '../inputs/paths.js';
import {
  defaultCommentKey,
  readReportInputs,
  reportSecrets,
  type MeasureInputs,
  type ReportInputs,
} from '../inputs/report.js';
import { publishReport, renderContextOf, type CommentTarget } from '../steps/publish.js';
import type { RenderOptions } from '../render/markdown.js';

export async function run(io: Io): Promise<void> {
  for (const secret of reportSecrets((name) => io.input(name))) io.mask(secret);
  try {
    const context = readGitContext(io.env);
    const inputs = await readReportInputs((name) => io.input(name), pathRuleOf(io.env, io.cwd));
    const prNumber = inputs.prNumber ?? context.pullRequest?.number;
    const comment: CommentTarget = {
      token: inputs.githubToken,
      repository: context.repository,
      issueNumber: prNumber,
      eventName: context.eventName,
      prNumberInput: 'pr-number',
      key: '',
      mode: inputs.comment,
      minChange: inputs.minChange,
      // One budget for the step's waits on the GitHub API: the pr-number check's and the comment's.
      waitBudget: WaitBudget.fromEnv(io.env),
    };
    // Under workflow_run the number may come from a fork's artifact: before anything is measured
    // or posted, it must name the pull request whose head the triggering run built.
    if (checksPrNumber(inputs, context, prNumber)) {
      const { verifyPrNumber } = await import('../github/verify-pr.js');
      await verifyPrNumber({
        ...comment,
        prNumber: prNumber!,
        run: context.workflowRunHead,
        env: io.env,
        onRetry: (line) => io.info(line),
        onSecret: (secret) => io.mask(secret),
      });
    }
    io.debug(`decision: ${inputs.saved ? 'post the saved report' : 'measure the image'}`);
    const look = { thresholds: inputs.changeThresholds, context: renderContextOf(context, io.now()) };
    if (inputs.saved) await postSaved(io, inputs.saved, inputs, comment, look);
    else await measureAndPost(io, inputs.measure!, inputs, comment, context, look);
  } catch (error) {
    io.fail(failureMessage(error));
  }
}

/**
 * Whether `pr-number` must be checked against GitHub first: under workflow_run (where a fork's
 * artifact may give it), when there is a number and the step would post with a token.
 */
export function checksPrNumber(
  inputs: ReportInputs,
  context: GitContext,
  prNumber: number | undefined,
): boolean {
  return (
    prNumber !== undefined &&
    context.eventName === 'workflow_run' &&
    inputs.comment !== 'never' &&
    !!inputs.githubToken
  );
}

/**
 * `username` and `password` belong to the registry of `image`, the input they come with: a
 * baseline elsewhere gets its own credentials (docker login) or none, never these. An OCI layout
 * has no registry: a warning says they are not used.
 */
export function credentialsFor(
  image: string,
  inputs: Pick<ReportInputs, 'username' | 'password'>,
): { credentials?: ExplicitCredentials; warning?: string } {
  const { username, password } = inputs;
  if (!username && !password) return {};
  if (image.startsWith(OCI_LAYOUT)) {
    return {
      warning:
        'username and password are for the registry of "image", which is an OCI layout here: they are not used. ' +
        "Log in to the baseline's registry with docker login instead.",
    };
  }
  return { credentials: { registry: parseRegistryReference(image, 'image').registry, username, password } };
}

// A report saved by an earlier run: rendered here from its checked JSON, never posted as it came.
async function postSaved(
  io: Io,
  saved: SizeReport,
  inputs: ReportInputs,
  comment: CommentTarget,
  look: Pick<RenderOptions, 'thresholds' | 'context'>,
): Promise<void> {
  if (comment.issueNumber === undefined) {
    throw new InputError('pr-number', '', 'is needed to post a saved report outside a pull_request event');
  }
  const key = inputs.commentKey || defaultCommentKey(saved.image.ref);
  const markdown = renderReport(saved, { key, budget: saved.budget, ...look });
  await publishReport(io, saved, markdown, { ...comment, key });
}

async function measureAndPost(
  io: Io,
  measure: MeasureInputs,
  inputs: ReportInputs,
  comment: CommentTarget,
  context: GitContext,
  look: Pick<RenderOptions, 'thresholds' | 'context'>,
): Promise<void> {
  const [{ measureWithScans, measurePorts }, { runAdviceStep }, { readBaseHint }] = await Promise.all([
    import('../steps/measure.js'),
    import('../steps/advice.js'),
    import('../steps/base.js'),
  ]);
  const { image, baseline, platforms, analyzeLayers } = measure;
  const { credentials, warning } = credentialsFor(image, inputs);
  if (warning) io.warning(warning);
  const measured = await measureWithScans(image, baseline, {
    platforms,
    analyzeLayers,
    explicitCredentials: credentials,
    insecureRegistries: inputs.insecureRegistries,
    ...measurePorts(io),
  });
  // The image was built elsewhere: only `file` says which Dockerfile made it.
  const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
  const dockerfile = {
    location: measure.file
      ? { context: '.', file: measure.file, cwd: io.cwd, workspace }
      : { unknown: 'since "file" (the Dockerfile the image was built from) is not set' },
    target: measure.target,
    buildArgs: measure.buildArgs,
  };
  const advice = await runAdviceStep(io, {
    enabled: measure.advise,
    minBytes: measure.adviceMinBytes,
    ...dockerfile,
    analyzeLayers,
    scanned: measured.scanned,
    compared: measured.report,
  });
  const { image: measuredImage, baseline: measuredBaseline } = measured.measurements;
  const based = withBaseImages(
    measured.report,
    measuredImage,
    measuredBaseline,
    await readBaseHint(io, dockerfile),
  );
  // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
  const unnamed = withoutBuildArgValues({ ...based, ...(advice && { advice }) }, measure.buildArgs);
  const key = inputs.commentKey || defaultCommentKey(image);
  const { historyBeforeReport } = await import('../steps/history.js');
  const history = await historyBeforeReport(io, reportHistory(image, inputs, context, credentials), unnamed);
  // The baseline's base, when its image names none, as the size history recorded it.
  const report = withBaselineBaseFromHistory(unnamed, history.state?.records ?? []);
  const markdown = renderReport(report, { key, trend: history.trend, ...look });
  io.infoUntrusted(sizeTable(report)); // refs and platforms come from elsewhere
  io.setOutput('size-report', JSON.stringify(report));
  await publishReport(io, report, markdown, { ...comment, key });
}

/**
 * The report action reads the size history of the measured image's repository (never writes it:
 * it pushes nothing); none for an OCI layout, which has no repository.
 */
export function reportHistory(
  image: string,
  inputs: Pick<ReportInputs, 'history' | 'insecureRegistries'>,
  context: GitContext,
  explicitCredentials: ExplicitCredentials | undefined,
): HistoryStep | undefined {
  if (image.startsWith(OCI_LAYOUT)) return undefined;
  const mode = inputs.history.mode === 'reset' ? 'true' : inputs.history.mode;
  return {
    target: {
      repository: parseReference(image, 'image').name,
      inputs: inputs.history,
      insecureRegistries: inputs.insecureRegistries,
      explicitCredentials,
    },
    decision: decideHistory({ mode, pushed: false, context }),
  };
}
