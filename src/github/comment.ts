/**
 * The sticky PR comment: one comment per comment key, found again by a hidden marker and
 * updated in place, so that a pull request carries one size report however often it is pushed.
 *
 * Only a type comes from ./client.js: this module (and `shouldComment`) can be imported
 * statically without loading Octokit.
 */
import { commentMarker } from '../render/marker.js';
import type { GitHubClient } from './client.js';
import { identityFromComment, isOurs, tokenIdentity, type CommentAuthor, type Identity } from './identity.js';
import { WaitBudgetError } from './wait-budget.js';

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
  /** Who we post as, when already known (identity.ts); asked for only when it matters. */
  identity?: Identity;
}

export interface FoundComment {
  id: number;
  /** The comment's page on GitHub (`html_url`). */
  url: string;
  body: string;
  author: CommentAuthor | null;
  createdAt: string;
}

export interface CommentsFound {
  /** Our comments with the key's marker, oldest first: the first is the sticky one, any other a duplicate. */
  ours: FoundComment[];
  /** Comments by other accounts that end with the key's marker: never edited, never deleted. */
  othersWithMarker: number;
  /** Who we post as; undefined when no comment ends with the marker (there was nothing to tell apart). */
  identity: Identity | undefined;
}

export interface UpsertResult {
  url: string;
  id: number;
  /** `updated`: an existing comment of ours now holds the body (also after a race settled on it). */
  action: 'created' | 'updated';
  /** Duplicates of ours with this key that were deleted (left by a race, ours or an earlier one). */
  removed: number;
  /** Why duplicates may remain (a delete or the second look failed); the next run removes them. */
  leftOver?: string;
  othersWithMarker: number;
}

/** Something GitHub refused; names the pull request and says what GitHub answered. */
export class CommentError extends Error {
  /** What did not happen, for the warning: "the PR comment was not posted". */
  readonly skipped: string;

  constructor(
    message: string,
    readonly target: CommentTarget,
    /** The HTTP status (undefined when the request never got an answer). */
    readonly status: number | undefined,
    options?: { cause?: unknown; skipped?: string },
  ) {
    super(message, options);
    this.name = 'CommentError';
    this.skipped = options?.skipped ?? NOTHING_DONE;
  }
}

/**
 * The token may not write here: a pull request from a fork gets a read-only GITHUB_TOKEN, as does
 * a workflow without `pull-requests: write`. The caller warns and carries on without the comment.
 */
export class CommentPermissionError extends CommentError {
  constructor(message: string, target: CommentTarget, options?: { cause?: unknown; skipped?: string }) {
    super(message, target, 403, options);
    this.name = 'CommentPermissionError';
  }
}

const NOTHING_DONE = 'the PR comment was neither posted nor updated';
const NOT_POSTED = 'the PR comment was not posted';
const NOT_UPDATED = 'the PR comment was not updated: it shows the figures of an earlier run';

/**
 * Our comments for `key`: those whose body ends with the key's marker and whose author is the
 * account we post as (identity.ts), looked for across every page of the pull request's comments
 * (100 a page), oldest first. The account is asked for only when some comment ends with the marker.
 */
export async function findComments(lookup: CommentLookup): Promise<CommentsFound> {
  const { octokit, owner, repo, issueNumber, key } = lookup;
  checkTarget(lookup);
  const marker = commentMarker(key);
  const marked: FoundComment[] = [];
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
        marked.push({
          id: comment.id,
          url: comment.html_url,
          body: comment.body,
          author: comment.user ? { login: comment.user.login, id: comment.user.id } : null,
          createdAt: comment.created_at,
        });
      }
    }
  } catch (error) {
    throw describeFailure(error, lookup, 'list the comments of', NOTHING_DONE);
  }
  if (marked.length === 0) return { ours: [], othersWithMarker: 0, identity: lookup.identity };
  let identity = lookup.identity;
  try {
    identity ??= await tokenIdentity(octokit);
  } catch (error) {
    throw describeFailure(error, lookup, 'learn which account the token posts as, for', NOTHING_DONE);
  }
  const ours = marked.filter((c) => isOurs(identity, c.author)).sort(oldestFirst);
  return { ours, othersWithMarker: marked.length - ours.length, identity };
}

/** Our comment for `key`, the one that is kept and updated: the oldest of ours. */
export async function findComment(lookup: CommentLookup): Promise<FoundComment | undefined> {
  return (await findComments(lookup)).ours[0];
}

// GitHub's timestamps have whole seconds; ids grow with time and break a tie.
function oldestFirst(a: FoundComment, b: FoundComment): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;
}

/**
 * Puts `body` into our comment for `key`: the oldest of ours is updated and any other of ours
 * deleted, or, with none, a new one is posted. `existing` skips the lookup when the caller already
 * made it. The key's marker is appended to `body` when missing, so that the next run finds it.
 *
 * Two runs with the same key at once (matrix legs, re-runs) may both find nothing and both post.
 * So after a create the comments are listed again and the runs converge on one: the oldest of ours
 * is kept (every run picks the same one, since a run lists after its own create) and gets the
 * body, the others are deleted. A delete another run made first (404) counts as done.
 */
export async function upsertComment(
  args: CommentLookup & { body: string; existing?: CommentsFound },
): Promise<UpsertResult> {
  checkTarget(args);
  const body = withMarker(args.body, args.key);
  const found = args.existing ?? (await findComments(args));
  const [kept, ...duplicates] = found.ours;
  const othersWithMarker = found.othersWithMarker;

  if (kept) {
    const updated = await updateComment(args, kept, body);
    if (updated) {
      const removal = await deleteComments(args, duplicates);
      return { ...updated, action: 'updated', ...removal, othersWithMarker };
    }
    // Deleted since we listed it: a new one is posted below.
  }

  let created: FoundComment;
  try {
    const { data } = await args.octokit.rest.issues.createComment({
      owner: args.owner,
      repo: args.repo,
      issue_number: args.issueNumber,
      body,
    });
    created = {
      id: data.id,
      url: data.html_url,
      body,
      author: data.user ? { login: data.user.login, id: data.user.id } : null,
      createdAt: data.created_at,
    };
  } catch (error) {
    throw describeFailure(error, args, 'comment on', NOT_POSTED);
  }
  // The comment we made says who we are: a GitHub App's token posts as its own bot.
  const identity = identityFromComment(created.author) ?? found.identity;
  return converge({ ...args, identity }, body, created, othersWithMarker);
}

/** The second look after a create: keep the oldest of ours, give it the body, delete the rest. */
async function converge(
  args: CommentLookup,
  body: string,
  created: FoundComment,
  othersBefore: number,
): Promise<UpsertResult> {
  const ownResult = (othersWithMarker: number): UpsertResult => ({
    url: created.url,
    id: created.id,
    action: 'created',
    removed: 0,
    othersWithMarker,
  });
  let again: CommentsFound;
  try {
    again = await findComments(args);
  } catch (error) {
    return { ...ownResult(othersBefore), leftOver: (error as Error).message };
  }
  // A list that lags behind our own create still counts ours.
  const ours = again.ours.some((c) => c.id === created.id)
    ? again.ours
    : [...again.ours, created].sort(oldestFirst);
  const gone = new Set<number>();
  for (const candidate of ours) {
    const others = () => ours.filter((c) => c.id !== candidate.id && !gone.has(c.id));
    if (candidate.id === created.id) {
      return { ...ownResult(again.othersWithMarker), ...(await deleteComments(args, others())) };
    }
    let updated: { url: string; id: number } | undefined;
    try {
      updated = await updateComment(args, candidate, body);
    } catch (error) {
      // Ours stays with the figures; the next run moves them into the older one.
      return { ...ownResult(again.othersWithMarker), leftOver: (error as Error).message };
    }
    if (updated) {
      const removal = await deleteComments(args, others());
      return { ...updated, action: 'updated', ...removal, othersWithMarker: again.othersWithMarker };
    }
    gone.add(candidate.id); // deleted since the list: the next oldest
  }
  return ownResult(again.othersWithMarker); // not reached: ours is in the list
}

/** PATCHes `comment`; undefined when it no longer exists (404). */
async function updateComment(
  args: CommentLookup,
  comment: FoundComment,
  body: string,
): Promise<{ url: string; id: number } | undefined> {
  try {
    const { data } = await args.octokit.rest.issues.updateComment({
      owner: args.owner,
      repo: args.repo,
      comment_id: comment.id,
      body,
    });
    return { url: data.html_url, id: data.id };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw describeFailure(error, args, `update comment ${comment.id} on`, NOT_UPDATED);
  }
}

/** Deletes our duplicates; one already gone (404: another run was first) counts as deleted. */
async function deleteComments(
  args: CommentLookup,
  comments: FoundComment[],
): Promise<{ removed: number; leftOver?: string }> {
  let removed = 0;
  for (const comment of comments) {
    try {
      await args.octokit.rest.issues.deleteComment({
        owner: args.owner,
        repo: args.repo,
        comment_id: comment.id,
      });
      removed++;
    } catch (error) {
      if (statusOf(error) === 404) {
        removed++;
        continue;
      }
      const left = comments.length - removed;
      const why = describeFailure(error, args, `delete duplicate comment ${comment.id} on`, NOTHING_DONE);
      return { removed, leftOver: `${left} duplicate${left === 1 ? '' : 's'} left: ${why.message}` };
    }
  }
  return { removed };
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

/**
 * Turns an Octokit error into a CommentError that says which pull request, what GitHub said, and
 * (`skipped`) what did not happen because of it.
 */
function describeFailure(
  error: unknown,
  { owner, repo, issueNumber }: CommentTarget,
  doing: string,
  skipped: string,
): Error {
  const target: CommentTarget = { owner, repo, issueNumber }; // not the client, nor the body
  const where = `${target.owner}/${target.repo}#${target.issueNumber}`;
  if (error instanceof WaitBudgetError) {
    const status = statusOf(error.cause);
    return new CommentError(`Could not ${doing} ${where}: ${error.message}`, target, status, {
      cause: error,
      skipped,
    });
  }
  const status = statusOf(error);
  if (status === undefined) return error as Error;
  const { response, message = '' } = error as HttpFailure;
  const said = githubSays(response?.data) ?? message;
  const options = { cause: error, skipped };

  if (isRateLimit(error)) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub's rate limit (${status} ${said})`,
      target,
      status,
      options,
    );
  }
  if (status === 403) {
    // What a fork's pull request or a workflow without the permission should do is the caller's to say.
    return new CommentPermissionError(
      `The token may not ${doing} ${where}: GitHub answered 403 ${said}`,
      target,
      options,
    );
  }
  if (status === 404) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub answered 404 ${said} (no such repository or pull request, ` +
        'or the token cannot see it)',
      target,
      status,
      options,
    );
  }
  if (status === 401) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub rejected the token (401 ${said})`,
      target,
      status,
      options,
    );
  }
  if (response) {
    return new CommentError(
      `Could not ${doing} ${where}: GitHub answered ${status} ${said}`,
      target,
      status,
      options,
    );
  }
  // Octokit reports a request that got no answer (DNS, refused, reset) as status 500 without a response.
  return new CommentError(`Could not ${doing} ${where}: ${said}`, target, undefined, options);
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
