/**
 * Who posts our comments: only a comment by that account can be the sticky report. Anyone can
 * write our marker at the end of a comment of theirs, and a token with write access may edit
 * anyone's comment (GitHub lets collaborators do so), so the author is checked here, never left
 * to GitHub's permissions.
 *
 * The rule:
 * - `GET /user` names the account of a user's token (a personal access token, an OAuth token):
 *   its login and id. The id is what is compared, so a renamed account keeps its comment.
 * - An installation token (GITHUB_TOKEN, a GitHub App's) is not a user: `GET /user` answers 403
 *   "Resource not accessible by integration". It posts as its app's bot, and nothing an
 *   installation token can call names that bot (`GET /app` needs the app's JWT), so the login is
 *   assumed to be GITHUB_TOKEN's, `github-actions[bot]` (the same on GitHub Enterprise Server).
 * - A comment we create names its author: from then on that account is ours (a GitHub App's
 *   `<app-slug>[bot]`, when the assumption was wrong), so convergence after a create keeps the
 *   app's own older comment and removes the new one.
 *
 * Only a type comes from ./client.js: this module loads no Octokit.
 */
import type { GitHubClient } from './client.js';

/** The bot GITHUB_TOKEN posts as, on github.com and on GitHub Enterprise Server. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface Identity {
  login: string;
  /** Known from `GET /user` or a comment we created; compared first when known. */
  id?: number;
  /** How we know: the token's user, a comment we created, or the GITHUB_TOKEN assumption. */
  source: 'user' | 'created' | 'assumed';
}

/** A comment's `user`, as GitHub lists it (null for a deleted account). */
export interface CommentAuthor {
  login: string;
  id: number;
}

/** Whether `author` is the account we post as. */
export function isOurs(identity: Identity, author: CommentAuthor | null | undefined): boolean {
  if (!author) return false;
  if (identity.id !== undefined) return author.id === identity.id;
  return author.login.toLowerCase() === identity.login.toLowerCase();
}

/** What a comment we created says about us. */
export function identityFromComment(author: CommentAuthor | null | undefined): Identity | undefined {
  return author ? { login: author.login, id: author.id, source: 'created' } : undefined;
}

/**
 * The account the token posts as (see the rule above). A failure other than the installation's
 * 403 is thrown: the caller cannot tell our comment from anyone else's without it.
 */
export async function tokenIdentity(octokit: GitHubClient): Promise<Identity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login, id: data.id, source: 'user' };
  } catch (error) {
    if (isInstallationRefusal(error)) return { login: ACTIONS_BOT_LOGIN, source: 'assumed' };
    throw error;
  }
}

function isInstallationRefusal(error: unknown): boolean {
  const { status, response } = (error ?? {}) as { status?: number; response?: { data?: unknown } };
  const message = (response?.data as { message?: unknown } | undefined)?.message;
  return status === 403 && typeof message === 'string' && /not accessible by integration/i.test(message);
}
