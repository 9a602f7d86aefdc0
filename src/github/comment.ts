/**
 * The sticky PR comment: one comment per comment key, found again by a hidden marker and
 * updated in place, so that a pull request carries one size report however often it is pushed.
 *
 * Only a type comes from ./client.js: this module (and `shouldComment`) can be imported
 * statically without loading Octokit.
 */
import { commentMarker } from '../report/marker.js';
import type { GitHubClient } from './client.js';

export type CommentMode = 'auto' | 'always' | 'on-change' | 'never';
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'on-change', 'never'];

export interface CommentFacts {
  /** There is a pull request to comment on (the event is one, or its number was given). */
  isPullRequest: boolean;
  /** Total compressed delta against the baseline, in bytes; null without a baseline. */
  compressedDelta: number | null;
  /** The smallest |delta| that is worth a new comment in `on-change` mode, in bytes. */
  minChange: number;
  /** Our comment is already on the pull request. */
  existing: boolean;
}

/**
 * Whether to post or update the comment:
 * - `never`: no.
 * - `always`: yes, whatever the event; the caller still needs an issue or PR number.
 * - `auto`: on pull requests.
 * - `on-change`: on pull requests, when |delta| >= minChange, or when there is no baseline (the
 *   whole image is new); an existing comment is updated regardless, so it never shows stale figures.
 */
export function shouldComment(mode: CommentMode, facts: CommentFacts): boolean {
  switch (mode) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'auto':
      return facts.isPullRequest;
    case 'on-change':
      if (!facts.isPullRequest) return false;
      if (facts.existing || facts.compressedDelta === null) return true;
      return Math.abs(facts.compressedDelta) >= facts.minChange;
  }
}

/** The body with the key's marker at its end, unless it already ends with it. */
export function withMarker(body: string, key: string): string {
  const marker = commentMarker(key);
  return endsWithMarker(body, marker) ? body : `${body.trimEnd()}\n\n${marker}\n`;
}

// Only at the very end: a report quotes image history, so a marker of another key may sit in a
// code span inside it, and would otherwise hand this comment over to that key's runs.
const endsWithMarker = (body: string, marker: string) => body.trimEnd().endsWith(marker);

export interface CommentTarget {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  issueNumber: number;
}

export interface CommentLookup extends CommentTarget {
  octokit: GitHubClient;
  key: string;
}

export interface FoundComment {
  id: number;
  /** The comment's page on GitHub (`html_url`). */
  url: string;
  body: string;
}

export interface UpsertResult {
  url: string;
  id: number;
  action: 'created' | 'updated';
}

/** Something GitHub refused; names the pull request and says what GitHub answered. */
export class CommentError extends Error {
  constructor(
    message: string,
    readonly target: CommentTarget,
    /** The HTTP status (undefined when the request never got an answer). */
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CommentError';
  }
}

/**
 * The token may not write here: a pull request from a fork gets a read-only GITHUB_TOKEN, as does
 * a workflow without `pull-requests: write`. The caller warns and carries on without the comment.
 */
export class CommentPermissionError extends CommentError {
  constructor(message: string, target: CommentTarget, options?: { cause?: unknown }) {
    super(message, target, 403, options);
    this.name = 'CommentPermissionError';
  }
}

/**
 * Our comment for `key`: the newest comment carrying its marker, looked for across every page of
 * the pull request's comments (100 a page).
 */
export async function findComment(lookup: CommentLookup): Promise<FoundComment | undefined> {
  const { octokit, owner, repo, issueNumber, key } = lookup;
  checkTarget(lookup);
  const marker = commentMarker(key);
  let newest: { found: FoundComment; createdAt: number } | undefined;
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    for await (const { data } of pages) {
      for (const comment of data) {
        if (!comment.body || !endsWithMarker(comment.body, marker)) continue;
        // GitHub lists oldest first: a later entry wins a tie on created_at.
        const createdAt = Date.parse(comment.created_at);
        if (!newest || !(createdAt < newest.createdAt)) {
          newest = { found: { id: comment.id, url: comment.html_url, body: comment.body }, createdAt };
        }
      }
    }
  } catch (error) {
    throw describeFailure(error, lookup, 'list the comments of');
  }
  return newest?.found;
}

/**
 * Updates our comment for `key` in place, or creates it. `existing` skips the lookup when the
 * caller already made it (`null`: known to be absent). The key's marker is appended to `body`
 * when missing, so that the next run finds the comment.
 */
export async function upsertComment(
  args: CommentLookup & { body: string; existing?: FoundComment | null },
): Promise<UpsertResult> {
  const { octokit, owner, repo, issueNumber, key } = args;
  checkTarget(args);
  const body = withMarker(args.body, key);
  const existing = args.existing === undefined ? await findComment(args) : args.existing;

  if (existing) {
    try {
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body,
      });
      return { url: data.html_url, id: data.id, action: 'updated' };
    } catch (error) {
      // Deleted since we listed it, or not ours to edit (someone else wrote our marker into
      // a comment of theirs: 403): post a new one rather than fail. A token that cannot write
      // at all fails the create below as well.
      const status = statusOf(error);
      if (status !== 404 && !(status === 403 && !isRateLimit(error))) {
        throw describeFailure(error, args, `update comment ${existing.id} on`);
      }
    }
  }
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    return { url: data.html_url, id: data.id, action: 'created' };
  } catch (error) {
    throw describeFailure(error, args, 'comment on');
  }
}

function checkTarget({ owner, repo, issueNumber }: CommentTarget): void {
  if (!owner || !repo || !Number.isSafeInteger(issueNumber) || issueNumber < 1) {
    throw new Error(
      `Cannot comment on ${JSON.stringify(`${owner}/${repo}#${issueNumber}`)}: not a pull request`,
    );
  }
}

interface HttpFailure {
  status?: number;
  message?: string;
  response?: {
    headers?: Record<string, string | number | undefined>;
    data?: unknown;
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as HttpFailure | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A 403/429 that says "slow down", not "you may not". */
function isRateLimit(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return false;
  const { response, message = '' } = error as HttpFailure;
  const headers = response?.headers ?? {};
  return (
    /rate limit/i.test(githubSays(response?.data) ?? message) ||
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0'
  );
}

/** Turns an Octokit error into a CommentError that says which pull request and what GitHub said. */
function describeFailure(error: unknown, { owner, repo, issueNumber }: CommentTarget, doing: string): Error {
  const target: CommentTarget = { owner, repo, issueNumber }; // not the client, nor the body
  const status = statusOf(error);
  if (status === undefined) return error as Error;
  const { response, message = '' } = error as HttpFailure;
  const where = `${target.owner}/${target.repo}#${target.issueNumber}`;
  const said = githubSays(response?.data) ?? message;
  const cause = { cause: error };

  if (isRateLimit(error)) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub's rate limit (${status} ${said})`,
      target,
      status,
      cause,
    );
  }
  if (status === 403) {
    return new CommentPermissionError(
      `The token may not ${doing} ${where}: GitHub answered 403 ${said}. A pull request from a fork gets a ` +
        'read-only GITHUB_TOKEN; elsewhere the workflow needs `permissions: pull-requests: write`.',
      target,
      cause,
    );
  }
  if (status === 404) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub answered 404 ${said} (no such repository or pull request, ` +
        'or the token cannot see it)',
      target,
      status,
      cause,
    );
  }
  if (status === 401) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub rejected the token (401 ${said})`,
      target,
      status,
      cause,
    );
  }
  if (response) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub answered ${status} ${said}`,
      target,
      status,
      cause,
    );
  }
  // Octokit reports a request that got no answer (DNS, refused, reset) as status 500 without a response.
  return new CommentError(`Could not ${doing} ${where}: ${said}`, target, undefined, cause);
}

/** GitHub's error message with the details of its `errors` list. */
function githubSays(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  if (typeof message !== 'string') return undefined;
  const details = Array.isArray(errors)
    ? errors
        .map((e: { message?: unknown; code?: unknown; field?: unknown }) =>
          typeof e?.message === 'string' ? e.message : [e?.code, e?.field].filter(Boolean).join(' '),
        )
        .filter(Boolean)
    : [];
  return details.length > 0 ? `${message}: ${details.join('; ')}` : message;
}

export { commentMarker };
