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
import * as runner from './runner.js';
import {
  defaultCommentKey,
  readReportInputs,
  reportSecrets,
  type MeasureInputs,
  type ReportInputs,
} from './inputs/report.js';
import { InputError } from './util/errors.js';
import { pathRuleOf } from './inputs/paths.js';
import { readGitContext } from './context.js';
import { measureWithScans } from './measure/against-baseline.js';
import { runAdviceStep } from './advise/advice-step.js';
import { sizeTable } from './render/table.js';
import { parseRegistryReference } from './registry/reference.js';
import type { ExplicitCredentials } from './registry/auth.js';
import { renderReport } from './render/markdown.js';
import { withoutBuildArgValues } from './report/redact.js';
import { publishReport } from './github/publish.js';
import { WaitBudget } from './github/wait-budget.js';
import { OCI_LAYOUT } from './oci/reference.js';

async function run(): Promise<void> {
  for (const secret of reportSecrets(runner.getInput)) runner.addMask(secret);
  try {
    const context = readGitContext();
    const inputs = await readReportInputs(runner.getInput, pathRuleOf(process.env, process.cwd()));
    const prNumber = inputs.prNumber ?? context.pullRequest?.number;
    const comment = {
      token: inputs.githubToken,
      repository: context.repository,
      eventName: context.eventName,
      prNumberInput: 'pr-number',
      mode: inputs.comment,
      minChange: inputs.minChange,
      // One budget for the step's waits on the GitHub API: the pr-number check's and the comment's.
      waitBudget: WaitBudget.fromEnv(process.env),
    };
    // Under workflow_run the number may come from a fork's artifact: before anything is measured
    // or posted, it must name the pull request whose head the triggering run built.
    if (
      prNumber !== undefined &&
      context.eventName === 'workflow_run' &&
      comment.mode !== 'never' &&
      comment.token
    ) {
      const { verifyPrNumber } = await import('./github/verify-pr.js');
      await verifyPrNumber({
        ...comment,
        prNumber,
        run: context.workflowRunHead,
        env: process.env,
        onRetry: runner.info,
      });
    }
    if (inputs.saved !== undefined) {
      const saved = inputs.saved;
      if (prNumber === undefined) {
        throw new InputError(
          'pr-number',
          '',
          'is needed to post a saved report outside a pull_request event',
        );
      }
      const key = inputs.commentKey || defaultCommentKey(saved.image.ref);
      const markdown = renderReport(saved, { key, budget: saved.budget });
      await publishReport(saved, markdown, { ...comment, issueNumber: prNumber, key });
      return;
    }

    const { image, baseline, platforms, analyzeLayers } = inputs.measure!;
    const adviseInputs = adviceInputs(inputs.measure!);
    const measured = await measureWithScans(image, baseline, {
      platforms,
      analyzeLayers,
      explicitCredentials: credentialsFor(image, inputs),
      insecureRegistries: inputs.insecureRegistries,
      env: process.env,
      onSecret: runner.addMask,
      // The baseline policy's notes name refs from the inputs: shown, never obeyed.
      log: runner.infoUntrusted,
      warn: runner.warning,
    });
    const advice = await runAdviceStep({ ...adviseInputs, analyzeLayers, scanned: measured.scanned });
    // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
    const report = withoutBuildArgValues(
      { ...measured.report, ...(advice && { advice }) },
      adviseInputs.buildArgs,
    );
    const key = inputs.commentKey || defaultCommentKey(image);
    const markdown = renderReport(report, { key });
    runner.infoUntrusted(sizeTable(report)); // refs and platforms come from elsewhere
    runner.setOutput('size-report', JSON.stringify(report));
    await publishReport(report, markdown, { ...comment, issueNumber: prNumber, key });
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
  }
}

// The image was built elsewhere: only `file` says which Dockerfile made it.
function adviceInputs(measure: MeasureInputs) {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  return {
    enabled: measure.advise,
    minBytes: measure.adviceMinBytes,
    location: measure.file
      ? { context: '.', file: measure.file, cwd: process.cwd(), workspace }
      : { unknown: 'since "file" (the Dockerfile the image was built from) is not set' },
    target: measure.target,
    buildArgs: measure.buildArgs,
  };
}

/**
 * `username` and `password` belong to the registry of `image`, the input they come with: a
 * baseline elsewhere gets its own credentials (docker login) or none, never these.
 */
function credentialsFor(image: string, inputs: ReportInputs): ExplicitCredentials | undefined {
  const { username, password } = inputs;
  if (!username && !password) return undefined;
  if (image.startsWith(OCI_LAYOUT)) {
    runner.warning(
      'username and password are for the registry of "image", which is an OCI layout here: they are not used. ' +
        "Log in to the baseline's registry with docker login instead.",
    );
    return undefined;
  }
  return { registry: parseRegistryReference(image, 'image').registry, username, password };
}

await run();
