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
import type { Io } from './io/port.js';
import { createCoreIo } from './io/core.js';
import {
  defaultCommentKey,
  readReportInputs,
  reportSecrets,
  type MeasureInputs,
  type ReportInputs,
} from './inputs/report.js';
import { failureMessage, InputError } from './util/errors.js';
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

async function run(io: Io): Promise<void> {
  for (const secret of reportSecrets((name) => io.input(name))) io.mask(secret);
  try {
    const context = readGitContext(io.env);
    const inputs = await readReportInputs((name) => io.input(name), pathRuleOf(io.env, io.cwd));
    const prNumber = inputs.prNumber ?? context.pullRequest?.number;
    const comment = {
      token: inputs.githubToken,
      repository: context.repository,
      eventName: context.eventName,
      prNumberInput: 'pr-number',
      mode: inputs.comment,
      minChange: inputs.minChange,
      // One budget for the step's waits on the GitHub API: the pr-number check's and the comment's.
      waitBudget: WaitBudget.fromEnv(io.env),
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
        env: io.env,
        onRetry: (line) => io.info(line),
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
      await publishReport(io, saved, markdown, { ...comment, issueNumber: prNumber, key });
      return;
    }

    const { image, baseline, platforms, analyzeLayers } = inputs.measure!;
    const adviseInputs = adviceInputs(io, inputs.measure!);
    const measured = await measureWithScans(image, baseline, {
      platforms,
      analyzeLayers,
      explicitCredentials: credentialsFor(io, image, inputs),
      insecureRegistries: inputs.insecureRegistries,
      env: io.env,
      onSecret: (secret) => io.mask(secret),
      // The baseline policy's notes name refs from the inputs: shown, never obeyed.
      log: (line) => io.infoUntrusted(line),
      warn: (line) => io.warning(line),
      debug: (line) => io.debug(line),
    });
    const advice = await runAdviceStep(io, { ...adviseInputs, analyzeLayers, scanned: measured.scanned });
    // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
    const report = withoutBuildArgValues(
      { ...measured.report, ...(advice && { advice }) },
      adviseInputs.buildArgs,
    );
    const key = inputs.commentKey || defaultCommentKey(image);
    const markdown = renderReport(report, { key });
    io.infoUntrusted(sizeTable(report)); // refs and platforms come from elsewhere
    io.setOutput('size-report', JSON.stringify(report));
    await publishReport(io, report, markdown, { ...comment, issueNumber: prNumber, key });
  } catch (error) {
    io.fail(failureMessage(error));
  }
}

// The image was built elsewhere: only `file` says which Dockerfile made it.
function adviceInputs(io: Io, measure: MeasureInputs) {
  const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
  return {
    enabled: measure.advise,
    minBytes: measure.adviceMinBytes,
    location: measure.file
      ? { context: '.', file: measure.file, cwd: io.cwd, workspace }
      : { unknown: 'since "file" (the Dockerfile the image was built from) is not set' },
    target: measure.target,
    buildArgs: measure.buildArgs,
  };
}

/**
 * `username` and `password` belong to the registry of `image`, the input they come with: a
 * baseline elsewhere gets its own credentials (docker login) or none, never these.
 */
function credentialsFor(io: Io, image: string, inputs: ReportInputs): ExplicitCredentials | undefined {
  const { username, password } = inputs;
  if (!username && !password) return undefined;
  if (image.startsWith(OCI_LAYOUT)) {
    io.warning(
      'username and password are for the registry of "image", which is an OCI layout here: they are not used. ' +
        "Log in to the baseline's registry with docker login instead.",
    );
    return undefined;
  }
  return { registry: parseRegistryReference(image, 'image').registry, username, password };
}

await run(createCoreIo());
