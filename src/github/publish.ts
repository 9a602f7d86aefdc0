/**
 * Posts the report as the sticky PR comment, as the mode asks. Never fails the build: the
 * report is in the job summary and the outputs whatever happens here.
 */
import * as runner from '../runner.js';
import { totalCompressedDelta, type SizeReport } from '../report/size-report.js';
import {
  CommentPermissionError,
  findComment,
  shouldComment,
  upsertComment,
  type CommentMode,
} from './comment.js';

export interface CommentTarget {
  token: string;
  /** `owner/name`. */
  repository: string;
  issueNumber: number;
  key: string;
  mode: CommentMode;
  /** Bytes of compressed change below which `on-change` stays quiet. */
  minChange: number;
}

const FORK_HELP =
  'A pull request from a fork gets a read-only token. The report is in the job summary and the ' +
  'size-report output; to post it, save that as an artifact and comment from a workflow_run ' +
  'workflow with shipshape/report (inputs size-report-file and pr-number): see the README.';

/** `delta`: the compressed change in bytes, or null without a baseline (a saved body: null). */
export async function publishComment(
  target: CommentTarget,
  markdown: string,
  delta: number | null,
): Promise<void> {
  if (target.mode === 'never') return;
  if (!target.token) {
    runner.warning('Size report: no github-token, so no PR comment; the report is in the job summary.');
    return;
  }
  try {
    const { createGitHubClient } = await import('./client.js');
    const octokit = createGitHubClient({ token: target.token, env: process.env, onRetry: runner.info });
    const [owner, repo] = target.repository.split('/');
    const where = { octokit, owner, repo, issueNumber: target.issueNumber, key: target.key };
    const existing = target.mode === 'on-change' ? ((await findComment(where)) ?? null) : undefined;
    const facts = {
      isPullRequest: true,
      compressedDelta: delta,
      minChange: target.minChange,
      existing: !!existing,
    };
    if (!shouldComment(target.mode, facts)) {
      runner.info(`Size report: no PR comment (the change is under min-change, ${target.minChange} bytes).`);
      return;
    }
    const result = await upsertComment({ ...where, body: markdown, existing });
    runner.setOutput('comment-url', result.url);
    runner.info(`Size report: PR comment ${result.action}: ${result.url}`);
  } catch (error) {
    const help = error instanceof CommentPermissionError ? ` ${FORK_HELP}` : '';
    runner.warning(`Size report: the PR comment could not be posted: ${(error as Error).message}${help}`);
  }
}

/**
 * The report's markdown where users read it: the `comment-body` output, the job summary, and,
 * when there is a pull request to comment on, the sticky comment.
 */
export async function publishReport(
  report: SizeReport,
  markdown: string,
  comment?: CommentTarget,
): Promise<void> {
  // A masked value is hidden in the comment as in the log (outputs and summary: the runner module).
  const shown = runner.redactMasked(markdown);
  runner.setOutput('comment-body', shown);
  runner.appendSummary(shown);
  if (comment) await publishComment(comment, shown, totalCompressedDelta(report));
}
