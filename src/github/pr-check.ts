/**
 * Does `pr-number` name the pull request whose run a `workflow_run` workflow follows? The number
 * comes from the triggering run's artifact, which a fork's pull request writes: unchecked, it could
 * send the privileged workflow's comment to any other pull request. The pull request GitHub reports
 * under that number must have the head the run built (`workflow_run.head_sha`), in the repository
 * it came from (`workflow_run.head_repository`). Pure: the adapter (verify-pr.ts) fetches the facts.
 */

/** The run that triggered the workflow_run, from the event payload. */
export interface TriggeringRun {
  /** `workflow_run.head_sha`: the commit the run built. */
  headSha: string;
  /** `workflow_run.head_repository.full_name`, when the payload has it. */
  headRepository?: string;
}

/** The pull request's head, as GitHub reports it now. */
export interface PullRequestHead {
  sha: string;
  /** `head.repo.full_name`; null when the head's repository was deleted. */
  repository: string | null;
}

/**
 * Why the comment must not go to that pull request (to follow `Input "pr-number": "N"`), or
 * undefined when it may. `pull` undefined: GitHub has no pull request of that number (404).
 */
export function prNumberMismatch(
  repository: string,
  run: TriggeringRun | undefined,
  pull: PullRequestHead | undefined,
): string | undefined {
  if (!run?.headSha)
    return 'cannot be checked: the workflow_run event payload has no head_sha (the commit the run built)';
  if (!pull) return `is not a pull request of ${repository} (GitHub answers 404)`;
  if (pull.sha.toLowerCase() !== run.headSha.toLowerCase()) {
    return (
      `does not name the pull request this workflow_run follows: its head is ${pull.sha}, ` +
      `the run built ${run.headSha} (a newer push to it has a run of its own)`
    );
  }
  // GitHub's names are case-insensitive; a deleted fork (null) cannot be compared, the sha matched.
  if (
    run.headRepository &&
    pull.repository &&
    pull.repository.toLowerCase() !== run.headRepository.toLowerCase()
  ) {
    return (
      `does not name the pull request this workflow_run follows: its head is in ${pull.repository}, ` +
      `the run built ${run.headRepository}`
    );
  }
  return undefined;
}
