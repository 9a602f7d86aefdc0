/**
 * Whether this build runs a pull request's code with credentials it must not have: a "pwn
 * request". `pull_request_target` and `workflow_run` run in the base repository with a write
 * token and its secrets; a workflow that checks out the PR head there and builds it lets the PR
 * author's Dockerfile read the build secrets and push any image under the project's name.
 * Pure: the caller finds the built commit.
 */

export const SAFE_PATTERN_URL =
  'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/';

/** Events that run in the base repository's trusted context while a PR is what triggered them. */
const PRIVILEGED_EVENTS = new Set(['pull_request_target', 'workflow_run']);

export interface TrustInput {
  eventName: string;
  /** For workflow_run: the event of the run that triggered it (`pull_request`, `push`...). */
  triggeringEvent?: string;
  /** GITHUB_SHA: the base repository's commit, the only code these events vouch for. */
  trustedSha: string;
  /** The commit the build context holds (`git rev-parse HEAD`), undefined when unknown. */
  builtSha: string | undefined;
  /** What the build could misuse: `push: true`, `secrets`, `ssh`, ... (input names). */
  credentials: string[];
  allowUntrusted: boolean;
}

/** Whether the event is one where the check applies (so the caller looks up the commit only then). */
export function needsTrustCheck(eventName: string, triggeringEvent: string | undefined): boolean {
  if (!PRIVILEGED_EVENTS.has(eventName)) return false;
  // A workflow_run after a push or a schedule builds the repository's own commits.
  return eventName !== 'workflow_run' || (triggeringEvent ?? '').startsWith('pull_request');
}

/** Why the build is refused, or undefined when it may run. */
export function untrustedBuildRefusal(input: TrustInput): string | undefined {
  if (input.allowUntrusted || !needsTrustCheck(input.eventName, input.triggeringEvent)) return undefined;
  if (input.credentials.length === 0) return undefined;
  if (input.builtSha !== undefined && input.builtSha === input.trustedSha) return undefined;

  const what =
    input.builtSha === undefined
      ? `a build context whose commit cannot be shown to be GITHUB_SHA (${input.trustedSha || 'unset'})`
      : `commit ${input.builtSha.slice(0, 12)}, not GITHUB_SHA ${input.trustedSha.slice(0, 12)} (the PR's code, presumably)`;
  return (
    `Refusing to build ${what} under ${input.eventName} with ${input.credentials.join(', ')}. ` +
    `This event runs with a write token and the repository's secrets, so the pull request's ` +
    `Dockerfile could read the build secrets or push any image under your name. Build pull ` +
    `requests in a "pull_request" workflow without credentials and post the report from a ` +
    `"workflow_run" workflow with the report action (docs/forks.md, "Comments on pull requests from forks"; ` +
    `${SAFE_PATTERN_URL}). If you have reviewed the risk, set allow-untrusted-build: true.`
  );
}
