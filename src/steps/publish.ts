/**
 * Posts the report as the sticky PR comment, as the mode asks. Never fails the build: the
 * report is in the job summary and the outputs whatever happens here.
 */
import type { Io } from '../io/port.js';
import { totalCompressedDelta, type SizeReport } from '../report/size-report.js';
import {
  CommentError,
  CommentPermissionError,
  findComments,
  shouldComment,
  upsertComment,
  type CommentMode,
  type UpsertResult,
} from '../github/comment.js';
import { WaitBudget } from '../github/wait-budget.js';
import type { GitContext } from '../plan/context.js';
import type { RenderContext } from '../render/markdown.js';

/**
 * What the comment's footer links: the commit the report is about (a pull request's head, or
 * the head a workflow_run's triggering run built; not the merge commit), the run, the time.
 */
export function renderContextOf(context: GitContext, now: Date): RenderContext {
  return {
    serverUrl: context.serverUrl,
    repository: context.repository,
    sha: context.pullRequest?.headSha || context.workflowRunHead?.headSha || context.sha,
    runId: context.runId,
    updatedAt: now.toISOString(),
  };
}

export interface CommentTarget {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** The pull request to comment on; undefined when the event names none. */
  issueNumber: number | undefined;
  /** GITHUB_EVENT_NAME, to say why there is no pull request. */
  eventName: string;
  /** Set when an input can name the pull request outside pull_request events (the report action's). */
  prNumberInput?: string;
  key: string;
  mode: CommentMode;
  /** Bytes of compressed change below which `on-change` stays quiet. */
  minChange: number;
  /** The step's budget for waits before retries to the GitHub API (wait-budget.ts); a new one by default. */
  waitBudget?: WaitBudget;
}

// Said once, after GitHub's 403: what a fork's pull request and other workflows can do about it.
const FORK_HELP =
  'A pull request from a fork gets a read-only GITHUB_TOKEN: the report is in the job summary and the ' +
  'size-report output; to post it, save that as an artifact and comment from a workflow_run ' +
  'workflow with shipshape/report (inputs size-report-file and pr-number), see docs/forks.md. ' +
  'Elsewhere the workflow needs `permissions: pull-requests: write`.';

/** `delta`: the compressed change in bytes, or null without a baseline (a saved body: null). */
export async function publishComment(
  io: Io,
  target: CommentTarget,
  markdown: string,
  delta: number | null,
): Promise<void> {
  if (target.mode === 'never') return;
  if (target.issueNumber === undefined) {
    // `auto` and `on-change` comment on pull requests only: quiet elsewhere, as documented.
    if (target.mode === 'always') {
      const hint = target.prNumberInput ? ` (the input ${target.prNumberInput} names one)` : '';
      io.info(
        `Size report: no PR comment: comment is "always", but this ${target.eventName || 'unknown'} event ` +
          `names no pull request to comment on${hint}.`,
      );
    }
    return;
  }
  if (!target.token) {
    io.warning('Size report: no github-token, so no PR comment; the report is in the job summary.');
    return;
  }
  try {
    const { createGitHubClient } = await import('../github/client.js');
    const octokit = createGitHubClient({
      token: target.token,
      env: io.env,
      onRetry: (line) => io.info(line),
      onSecret: (secret) => io.mask(secret),
      waitBudget: target.waitBudget,
    });
    const [owner, repo] = target.repository.split('/');
    const where = { octokit, owner, repo, issueNumber: target.issueNumber, key: target.key };
    const existing = target.mode === 'on-change' ? await findComments(where) : undefined;
    const facts = {
      isPullRequest: true,
      compressedDelta: delta,
      minChange: target.minChange,
      existing: (existing?.ours.length ?? 0) > 0,
    };
    if (!shouldComment(target.mode, facts)) {
      io.info(`Size report: no PR comment (the change is under min-change, ${target.minChange} bytes).`);
      return;
    }
    const result = await upsertComment({ ...where, body: markdown, existing });
    io.setOutput('comment-url', result.url);
    logResult(io, result);
  } catch (error) {
    const skipped =
      error instanceof CommentError ? error.skipped : 'the PR comment was neither posted nor updated';
    const help = error instanceof CommentPermissionError ? ` ${FORK_HELP}` : '';
    const message = (error as Error).message.replace(/\.$/, '');
    io.warning(`Size report: ${skipped}. ${message}.${help}`);
  }
}

function logResult(io: Io, result: UpsertResult): void {
  const removed =
    result.removed > 0
      ? ` (${result.removed} duplicate${result.removed === 1 ? '' : 's'} of it deleted)`
      : '';
  io.info(`Size report: PR comment ${result.action}: ${result.url}${removed}`);
  if (result.othersWithMarker > 0) {
    const n = result.othersWithMarker;
    io.info(
      `Size report: ${n} comment${n === 1 ? '' : 's'} by other accounts end${n === 1 ? 's' : ''} with this ` +
        "report's marker: not ours, left alone.",
    );
  }
  if (result.leftOver) {
    io.warning(
      `Size report: the PR comment is ${result.url}, but duplicates of it may remain until the next run: ` +
        `${result.leftOver}.`,
    );
  }
}

/**
 * The report's markdown where users read it: the `comment-body` output, the job summary, and
 * the sticky comment as `comment` asks.
 */
export async function publishReport(
  io: Io,
  report: SizeReport,
  markdown: string,
  comment?: CommentTarget,
): Promise<void> {
  // A masked value is hidden in the comment as in the log (outputs and summary: the runner module).
  const shown = io.redact(markdown);
  io.setOutput('comment-body', shown);
  await io.appendSummary(shown);
  if (comment) await publishComment(io, comment, shown, totalCompressedDelta(report));
}
