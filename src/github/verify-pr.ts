/**
 * Before a `workflow_run` workflow posts a saved report, asks GitHub for the pull request
 * `pr-number` names and refuses (an InputError, nothing posted) unless it is the one the
 * triggering run built: see pr-check.ts.
 */
import { InputError } from '../util/errors.js';
import type { WaitBudget } from './wait-budget.js';
import { prNumberMismatch, type PullRequestHead, type TriggeringRun } from './pr-check.js';

export interface PrNumberCheck {
  token: string;
  /** `owner/name`: where the comment would go. */
  repository: string;
  prNumber: number;
  /** From the event payload; undefined when it names no head_sha. */
  run: TriggeringRun | undefined;
  env: Record<string, string | undefined>;
  onRetry?: (message: string) => void;
  /** Told the proxy's credentials, so that they can be masked. */
  onSecret?: (value: string) => void;
  /** The step's budget for waits on the GitHub API, shared with the comment. */
  waitBudget?: WaitBudget;
}

export async function verifyPrNumber(check: PrNumberCheck): Promise<void> {
  const refuse = (reason: string) =>
    new InputError('pr-number', String(check.prNumber), `${reason}; nothing was posted`);
  if (!check.run?.headSha) throw refuse(prNumberMismatch(check.repository, check.run, undefined)!);
  const { createGitHubClient } = await import('./client.js');
  const octokit = createGitHubClient({
    token: check.token,
    env: check.env,
    onRetry: check.onRetry,
    onSecret: check.onSecret,
    waitBudget: check.waitBudget,
  });
  const [owner, repo] = check.repository.split('/');
  let pull: PullRequestHead | undefined;
  try {
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: check.prNumber });
    pull = { sha: data.head.sha, repository: data.head.repo?.full_name ?? null };
  } catch (error) {
    if ((error as { status?: number }).status !== 404) {
      // Unverified is refused: the check exists because the number may be a fork's lie.
      throw refuse(`could not be checked against the workflow_run: ${(error as Error).message}`);
    }
  }
  const mismatch = prNumberMismatch(check.repository, check.run, pull);
  if (mismatch) throw refuse(mismatch);
}
