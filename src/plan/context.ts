/**
 * The git context of a run (event, ref, sha, repository, pull request) as plain data, made from
 * the runner's environment and the event payload (github/event.ts reads the payload file).
 */

/** What the GitHub event says about the code being built, as plain data. */
export interface GitContext {
  /** `push`, `pull_request`, `pull_request_target`, `release`, `schedule`, `workflow_dispatch`, ... */
  eventName: string;
  /** `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/12/merge`. */
  ref: string;
  /** GITHUB_SHA: the commit checked out and built (for pull_request, the merge commit, as metadata-action). */
  sha: string;
  /** `owner/name`. */
  repository: string;
  /** `https://github.com`, or the GitHub Enterprise host. */
  serverUrl: string;
  /** The workflow run, for provenance's builder id. */
  runId: string;
  /** The repository's default branch, when the event payload says. */
  defaultBranch: string;
  /** Set for every pull request event (pull_request, pull_request_target, ...). */
  pullRequest?: PullRequestContext;
  /** For workflow_run: the event of the run that triggered it (`pull_request`, `push`, ...). */
  workflowRunEvent?: string;
  /** For workflow_run: what the triggering run built (head_sha) and from where (head_repository). */
  workflowRunHead?: { headSha: string; headRepository?: string };
}

export interface PullRequestContext {
  number: number;
  baseRef: string;
  headRef: string;
  headSha: string;
  /** The head lives in another repository: the workflow cannot push with its token. */
  fromFork: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The shape of the event payload fields we read; everything is optional. */
export interface EventPayload {
  repository?: { default_branch?: string; full_name?: string; html_url?: string };
  pull_request?: {
    number?: number;
    base?: { ref?: string; repo?: { full_name?: string } };
    head?: { ref?: string; sha?: string; repo?: { full_name?: string } | null };
  };
  number?: number;
  workflow_run?: { event?: string; head_sha?: string; head_repository?: { full_name?: string } | null };
}

export function gitContextFrom(env: Env, payload: EventPayload): GitContext {
  const repository = env.GITHUB_REPOSITORY || payload.repository?.full_name || '';
  const pr = payload.pull_request;
  const pullRequest: PullRequestContext | undefined = pr
    ? {
        number: pr.number ?? payload.number ?? 0,
        baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
        headRef: pr.head?.ref ?? env.GITHUB_HEAD_REF ?? '',
        headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
        // A deleted fork shows as `head.repo: null`: still a fork, still a read-only token.
        fromFork:
          pr.head?.repo === null ||
          (!!pr.head?.repo?.full_name && pr.head.repo.full_name !== (pr.base?.repo?.full_name ?? repository)),
      }
    : undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID ?? '',
    defaultBranch: payload.repository?.default_branch ?? '',
    pullRequest,
    ...(payload.workflow_run?.event !== undefined && { workflowRunEvent: payload.workflow_run.event }),
    ...(payload.workflow_run?.head_sha && {
      workflowRunHead: {
        headSha: payload.workflow_run.head_sha,
        ...(payload.workflow_run.head_repository?.full_name && {
          headRepository: payload.workflow_run.head_repository.full_name,
        }),
      },
    }),
  };
}
