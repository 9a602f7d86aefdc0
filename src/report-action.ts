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
import { readFile } from 'node:fs/promises';
import * as runner from './runner.js';
import { InputError } from './util/errors.js';
import { parseList } from './util/list.js';
import {
  checkLayoutInputs,
  checkPlatform,
  checkReportPaths,
  readBoolean,
  readChoice,
  readCommentKey,
  readRegistryHosts,
  readSize,
} from './inputs.js';
import { pathRuleOf } from './local-paths.js';
import { readGitContext } from './context.js';
import { measureWithScans } from './measure/against-baseline.js';
import { runAdviceStep } from './advise/advice-step.js';
import { sizeTable } from './render/table.js';
import { parseSizeReport, type SizeReport } from './report/size-report.js';
import { parseReference } from './oci/reference.js';
import { parseRegistryReference } from './registry/reference.js';
import type { ExplicitCredentials } from './registry/auth.js';
import { renderReport } from './render/markdown.js';
import { withoutBuildArgValues } from './report/redact.js';
import { COMMENT_MODES } from './github/comment.js';
import { publishReport } from './github/publish.js';
import { WaitBudget } from './github/wait-budget.js';
import { OCI_LAYOUT } from './oci/reference.js';

async function run(): Promise<void> {
  const password = runner.getInput('password');
  runner.addMask(password);
  runner.addMask(runner.getInput('github-token'));
  try {
    const context = readGitContext();
    checkReportPaths(runner.getInput, pathRuleOf(process.env, process.cwd()));
    // Read now so that a mistake stops the step before anything is asked of a registry or GitHub.
    readCommentKey(runner.getInput, '');
    const insecureRegistries = readRegistryHosts(runner.getInput);
    await checkLayoutInputs(['image', 'baseline'].map((input) => ({ input, value: runner.getInput(input) })));
    const prNumber = readPrNumber(runner.getInput('pr-number')) ?? context.pullRequest?.number;
    const saved = await savedReport();
    const comment = {
      token: runner.getInput('github-token'),
      repository: context.repository,
      eventName: context.eventName,
      prNumberInput: 'pr-number',
      mode: readChoice(runner.getInput, 'comment', COMMENT_MODES, 'auto'),
      minChange: readSize(runner.getInput, 'min-change', 1000),
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
    if (saved !== undefined) {
      if (prNumber === undefined) {
        throw new InputError(
          'pr-number',
          '',
          'is needed to post a saved report outside a pull_request event',
        );
      }
      const key = readCommentKey(runner.getInput, commentKeyOf(saved.image.ref));
      const markdown = renderReport(saved, { key, budget: saved.budget });
      await publishReport(saved, markdown, { ...comment, issueNumber: prNumber, key });
      return;
    }

    const image = runner.getInput('image');
    if (!image) throw new InputError('image', '', 'is required: the reference of the image to measure');
    const baseline = runner.getInput('baseline') || undefined;
    // Checked here, before any request, so a typo names its input instead of a registry error.
    checkImageReference(image, 'image');
    if (baseline) checkImageReference(baseline, 'baseline');
    const platforms = parseList(runner.getInput('platforms'));
    platforms.forEach(checkPlatform);
    const analyzeLayers = readBoolean(runner.getInput, 'analyze-layers', true);
    const adviseInputs = readAdviceInputs();
    const measured = await measureWithScans(image, baseline, {
      platforms,
      analyzeLayers,
      explicitCredentials: credentialsFor(image, password),
      insecureRegistries,
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
    const key = readCommentKey(runner.getInput, commentKeyOf(image));
    const markdown = renderReport(report, { key });
    runner.infoUntrusted(sizeTable(report)); // refs and platforms come from elsewhere
    runner.setOutput('size-report', JSON.stringify(report));
    await publishReport(report, markdown, { ...comment, issueNumber: prNumber, key });
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
  }
}

// The image was built elsewhere: only `file` says which Dockerfile made it.
function readAdviceInputs() {
  const file = runner.getInput('file');
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  return {
    enabled: readBoolean(runner.getInput, 'advise', true),
    minBytes: readSize(runner.getInput, 'advice-min-bytes', 1_000_000),
    location: file
      ? { context: '.', file, cwd: process.cwd(), workspace }
      : { unknown: 'since "file" (the Dockerfile the image was built from) is not set' },
    target: runner.getInput('target') || undefined,
    buildArgs: parseList(runner.getInput('build-args'), { ignoreComma: true }),
  };
}

async function savedReport(): Promise<SizeReport | undefined> {
  const json = runner.getInput('size-report');
  const file = runner.getInput('size-report-file');
  if (json && file)
    throw new InputError('size-report-file', file, 'and "size-report" are both set: give one');
  if (!json && !file) return undefined;
  let text = json;
  if (file) {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError('size-report-file', file, `cannot be read: ${(error as Error).message}`);
    }
  }
  try {
    return parseSizeReport(text);
  } catch (error) {
    throw new InputError(
      file ? 'size-report-file' : 'size-report',
      file || '(JSON)',
      `is not a size report: ${(error as Error).message}`,
    );
  }
}

/**
 * `username` and `password` belong to the registry of `image`, the input they come with: a
 * baseline elsewhere gets its own credentials (docker login) or none, never these.
 */
function credentialsFor(image: string, password: string): ExplicitCredentials | undefined {
  const username = runner.getInput('username');
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

function checkImageReference(ref: string, input: string): void {
  if (!ref.startsWith(OCI_LAYOUT)) parseReference(ref, input);
}

// The main action's default key is the image name; a report of the same image shares its comment.
function commentKeyOf(ref: string): string {
  if (ref.startsWith(OCI_LAYOUT)) return 'default';
  try {
    return parseReference(ref, 'image').name;
  } catch {
    return 'default';
  }
}

function readPrNumber(value: string): number | undefined {
  if (value === '') return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(value))
    throw new InputError('pr-number', value, 'is not a pull request number');
  return Number(value);
}

await run();
