/**
 * A local stand-in for the GitHub REST API, reached the way GitHub Enterprise is
 * (`GITHUB_API_URL=http://127.0.0.1:PORT`), serving the endpoints shipshape calls with GitHub's
 * behaviour, so that the real Octokit can be tested against it without mocks:
 *
 *   GET    /repos/{owner}/{repo}/issues/{issue_number}/comments   per_page (default 30, max 100),
 *                                                                   page, since; Link headers
 *   POST   /repos/{owner}/{repo}/issues/{issue_number}/comments   201 + the comment
 *   PATCH  /repos/{owner}/{repo}/issues/comments/{comment_id}     200 + the comment
 *   DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}     204
 *   GET    /repos/{owner}/{repo}/pulls/{pull_number}               200 + the pull request (its head
 *                                                                   sha: `pullHeads`, support/github-pulls.ts)
 *   GET    /user                                                   200 + the token's user; 403 for an
 *                                                                   installation (a Bot: GITHUB_TOKEN, an app)
 *
 * and the same under `/repositories/{repository_id}/...`, the form GitHub writes in its Link
 * headers. Each token acts as a user (the author of what it posts) with an access level:
 * `write` (a collaborator with write access, or an installation token with `pull-requests:
 * write`: GitHub lets it edit and delete anyone's comment), `comment` (may comment, and edit or
 * delete only its own comments: 403 on anyone else's) or `read` (a fork PR's token: 403 "Resource
 * not accessible by integration" on writes); an unknown token gets 401 "Bad credentials", no token
 * reads anonymously. Unknown repositories, issues and comments are 404; an empty body or one over
 * 65,536 characters is 422. Every response carries `x-ratelimit-*` headers; switches inject
 * secondary rate limits (403/429, with or without `retry-after`), an exhausted primary limit, 5xx,
 * slow comment lists (`listDelayMs`: the list is read when the request arrives and answered that
 * much later, as a lagging replica would, which lets two runs race), redirects (to another host,
 * say), and Link headers that name another origin.
 *
 *   const github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }] });
 *   github.seedComments('acme', 'shop', 7, 150, (i) => (i === 120 ? 'ours <!-- shipshape:app -->' : `chat ${i}`));
 *   ... createGitHubClient({ token: WRITE_TOKEN, env: { GITHUB_API_URL: github.url } }) ...
 *   expect(github.violations).toEqual([]);   // every exchange checked against GitHub's OpenAPI
 *   await github.close();
 *
 * Every exchange is recorded in `requests` and checked against GitHub's OpenAPI description
 * (support/openapi.ts); what does not conform is in `violations`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadGitHubOpenApi, type OpenApiChecker } from './openapi.js';
import { defaultHeadSha, presentPull, type PullHead } from './github-pulls.js';

/** GITHUB_TOKEN of a pull request in the repository: github-actions[bot], write access. */
export const WRITE_TOKEN = 'ghs_standInWriteToken0000000000000000';
/** GITHUB_TOKEN of a fork's pull request: github-actions[bot], read-only. */
export const READ_TOKEN = 'ghs_standInReadToken00000000000000000';
/** A GitHub App's installation token: `shipshape-sizes[bot]`, write access. */
export const APP_TOKEN = 'ghs_standInAppToken000000000000000000';
/** A personal access token of a machine user with write access (`size-bot`). */
export const PAT_TOKEN = 'ghp_standInPatToken000000000000000000';
/** A personal access token of the PR author (`mallory`): may comment, and edit only her own. */
export const AUTHOR_TOKEN = 'ghp_standInAuthorToken000000000000000';

/** GitHub's limit on an issue comment body, in characters. */
export const MAX_COMMENT_LENGTH = 65_536;

export type TokenAccess = 'write' | 'comment' | 'read';

export interface StandInUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
  /** How the user relates to the repository, as GitHub reports it on their comments. */
  association?: string;
}

/** Who GITHUB_TOKEN comments as. */
export const ACTIONS_BOT: StandInUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  association: 'NONE',
};
export const OCTOCAT: StandInUser = { login: 'octocat', id: 583231, type: 'User', association: 'MEMBER' };
export const APP_BOT: StandInUser = {
  login: 'shipshape-sizes[bot]',
  id: 190000001,
  type: 'Bot',
  association: 'NONE',
};
export const SIZE_BOT: StandInUser = {
  login: 'size-bot',
  id: 190000002,
  type: 'User',
  association: 'COLLABORATOR',
};
/** The pull request's author, who may write our marker into a comment of hers. */
export const MALLORY: StandInUser = {
  login: 'mallory',
  id: 190000003,
  type: 'User',
  association: 'CONTRIBUTOR',
};

const DEFAULT_TOKENS: Record<string, { access: TokenAccess; user: StandInUser }> = {
  [WRITE_TOKEN]: { access: 'write', user: ACTIONS_BOT },
  [READ_TOKEN]: { access: 'read', user: ACTIONS_BOT },
  [APP_TOKEN]: { access: 'write', user: APP_BOT },
  [PAT_TOKEN]: { access: 'write', user: SIZE_BOT },
  [AUTHOR_TOKEN]: { access: 'comment', user: MALLORY },
};

export interface StandInRepository {
  owner: string;
  name: string;
  /** Issue numbers that exist. */
  issues?: number[];
  /** Pull request numbers that exist (a pull request is an issue to the comments API). */
  pullRequests?: number[];
  /** Pull requests' heads (these exist too); any other pull request's head sha is derived from its number. */
  pullHeads?: Record<number, PullHead>;
}

export interface GitHubStandInOptions {
  /**
   * Token -> access (and the user it acts as; github-actions[bot] by default). By default the
   * five tokens above.
   */
  tokens?: Record<string, TokenAccess | { access: TokenAccess; user: StandInUser }>;
  repositories?: StandInRepository[];
  /** `/api/v3` to look like GitHub Enterprise Server; '' (the default) like api.github.com. */
  pathPrefix?: string;
  /** Check every exchange against GitHub's OpenAPI description (default true). */
  validate?: boolean;
  /** The primary rate limit per token (default 5000; 60 for anonymous callers). */
  rateLimit?: number;
  /**
   * Serve HTTPS with this certificate (a test CA's, as a GitHub Enterprise Server with a private
   * CA has): `url` is then `https://127.0.0.1:PORT`. Plain HTTP when left out.
   */
  tls?: { cert: string; key: string };
}

export interface RecordedRequest {
  method: string;
  /** The path below the API root (prefix removed), undecoded: `/repos/acme/shop/issues/7/comments`. */
  path: string;
  /** The query string as received, without `?` ('' when none). */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  body: string;
  user: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  issue_url: string;
  author_association: string;
  performed_via_github_app: null;
  reactions: Record<string, unknown>;
  pin: null;
  minimized: null;
}

export interface SeedComment {
  body: string;
  user?: StandInUser;
}

export interface GitHubStandIn {
  /** What GITHUB_API_URL gets: `http://127.0.0.1:PORT` (`https:` with `tls`; + the path prefix). */
  url: string;
  requests: RecordedRequest[];
  /** Departures from GitHub's OpenAPI description, one line each. */
  violations: string[];
  /** Runs before each request is handled (after it is read): tests change state mid-flight with it. */
  onRequest: ((request: { method: string; path: string }) => void) | undefined;
  /** Comment lists are read on arrival and answered this many ms later (0 by default). */
  listDelayMs: number;
  addRepository(repository: StandInRepository): void;
  /** The id GitHub would give the repository (it appears in Link headers). */
  repositoryId(owner: string, repo: string): number;
  /** Adds comments (oldest first, one minute apart, before any comment created over HTTP). */
  seedComments(
    owner: string,
    repo: string,
    issueNumber: number,
    count: number,
    make: (index: number) => string | SeedComment,
  ): IssueComment[];
  /** The issue's comments as GitHub would list them (oldest first). */
  comments(owner: string, repo: string, issueNumber: number): IssueComment[];
  deleteComment(id: number): boolean;
  /**
   * The next `count` requests (matching `method` when given) get a secondary rate limit:
   * `status` (403 by default, as GitHub mostly answers; or 429) with `retry-after` (60 s by
   * default; `null`: without the header, as GitHub sometimes answers).
   */
  secondaryRateLimit(
    count: number,
    options?: { retryAfter?: number | null; status?: 403 | 429; method?: string },
  ): void;
  /** Uses up every token's primary rate limit until `resetInSeconds` from now. */
  exhaustRateLimit(resetInSeconds: number): void;
  /** The next `count` requests (matching `method` when given) fail with a server error. */
  serverError(count: number, options?: { status?: 500 | 502 | 503; method?: string }): void;
  /** Drops the rate limits and server errors not yet served. */
  clearFaults(): void;
  /**
   * The next `count` requests (matching `method` when given) are redirected (307 by default) to
   * `origin` + the same path and query, as GitHub redirects a renamed repository's requests.
   */
  redirect(
    count: number,
    origin: string,
    options?: { status?: 301 | 302 | 307 | 308; method?: string },
  ): void;
  /** Link headers name this origin instead of the stand-in's own (a hostile proxy in between). */
  linkOrigin: string | undefined;
  close(): Promise<void>;
}

interface StoredRepository {
  id: number;
  owner: string;
  name: string;
  /** number -> is it a pull request */
  issues: Map<number, boolean>;
  heads: Map<number, PullHead>;
}

interface StoredComment {
  id: number;
  repository: StoredRepository;
  issueNumber: number;
  body: string;
  user: StandInUser;
  createdAt: string;
  updatedAt: string;
}

interface Fault {
  remaining: number;
  method?: string;
  status: number;
  kind: 'secondary' | 'server' | 'redirect';
  /** Seconds, for a secondary limit; null: no retry-after header. */
  retryAfter?: number | null;
  /** A redirect to this origin. */
  origin?: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const LIST_DOCS = `${DOCS}/issues/comments#list-issue-comments`;
const CREATE_DOCS = `${DOCS}/issues/comments#create-an-issue-comment`;
const UPDATE_DOCS = `${DOCS}/issues/comments#update-an-issue-comment`;
const DELETE_DOCS = `${DOCS}/issues/comments#delete-an-issue-comment`;
const PULL_DOCS = `${DOCS}/pulls/pulls#get-a-pull-request`;
const USER_DOCS = `${DOCS}/users/users#get-the-authenticated-user`;
const SECONDARY_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const PRIMARY_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits';
const REDIRECT_DOCS = `${DOCS}/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects`;
const SEED_EPOCH = Date.parse('2024-01-01T00:00:00Z');

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const openapi: OpenApiChecker | undefined = options.validate === false ? undefined : loadGitHubOpenApi();
  const tokens = new Map<string, { access: TokenAccess; user: StandInUser }>(
    Object.entries(options.tokens ?? DEFAULT_TOKENS).map(([token, grant]) => [
      token,
      typeof grant === 'string' ? { access: grant, user: ACTIONS_BOT } : grant,
    ]),
  );
  const repositories = new Map<string, StoredRepository>();
  const comments = new Map<number, StoredComment>();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: Fault[] = [];
  const usage = new Map<string, number>();
  let nextRepositoryId = 700_000_001;
  let nextCommentId = 2_900_000_001; // beyond 2^31, like GitHub's: no int32 assumptions
  let seeded = 0;
  let rateLimitReset = Math.floor(Date.now() / 1000) + 3600;
  let exhaustedUntil = 0;

  let root = '';
  let web = '';

  const standIn: GitHubStandIn = {
    url: '',
    requests,
    violations,
    onRequest: undefined,
    listDelayMs: 0,
    addRepository(repository) {
      const key = repoKey(repository.owner, repository.name);
      const stored: StoredRepository = repositories.get(key) ?? {
        id: nextRepositoryId++,
        owner: repository.owner,
        name: repository.name,
        issues: new Map(),
        heads: new Map(),
      };
      for (const n of repository.issues ?? []) stored.issues.set(n, false);
      for (const n of repository.pullRequests ?? []) stored.issues.set(n, true);
      for (const [n, head] of Object.entries(repository.pullHeads ?? {})) {
        stored.issues.set(Number(n), true);
        stored.heads.set(Number(n), head);
      }
      repositories.set(key, stored);
    },
    repositoryId(owner, repo) {
      const repository = repositories.get(repoKey(owner, repo));
      if (!repository) throw new Error(`stand-in: no repository ${owner}/${repo}`);
      return repository.id;
    },
    seedComments(owner, repo, issueNumber, count, make) {
      const repository = repositories.get(repoKey(owner, repo));
      if (!repository?.issues.has(issueNumber))
        throw new Error(`stand-in: no issue ${owner}/${repo}#${issueNumber}`);
      const made: IssueComment[] = [];
      for (let i = 0; i < count; i++) {
        const seed = make(i);
        const { body, user = OCTOCAT } = typeof seed === 'string' ? { body: seed } : seed;
        const at = timestamp(SEED_EPOCH + seeded++ * 60_000);
        const stored: StoredComment = {
          id: nextCommentId++,
          repository,
          issueNumber,
          body,
          user,
          createdAt: at,
          updatedAt: at,
        };
        comments.set(stored.id, stored);
        made.push(present(stored));
      }
      return made;
    },
    comments(owner, repo, issueNumber) {
      const repository = repositories.get(repoKey(owner, repo));
      return repository ? commentsOf(repository, issueNumber).map(present) : [];
    },
    deleteComment(id) {
      return comments.delete(id);
    },
    secondaryRateLimit(count, { retryAfter = 60, status = 403, method } = {}) {
      faults.push({ remaining: count, method, status, kind: 'secondary', retryAfter });
    },
    exhaustRateLimit(resetInSeconds) {
      exhaustedUntil = Math.floor(Date.now() / 1000) + resetInSeconds;
    },
    serverError(count, { status = 502, method } = {}) {
      faults.push({ remaining: count, method, status, kind: 'server' });
    },
    clearFaults() {
      faults.length = 0;
    },
    redirect(count, origin, { status = 307, method } = {}) {
      faults.push({ remaining: count, method, status, kind: 'redirect', origin: origin.replace(/\/+$/, '') });
    },
    linkOrigin: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  for (const repository of options.repositories ?? []) standIn.addRepository(repository);

  function commentsOf(repository: StoredRepository, issueNumber: number): StoredComment[] {
    return [...comments.values()]
      .filter((c) => c.repository === repository && c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  }

  function present(c: StoredComment): IssueComment {
    const repoApi = `${root}/repos/${c.repository.owner}/${c.repository.name}`;
    const kind = c.repository.issues.get(c.issueNumber) ? 'pull' : 'issues';
    return {
      id: c.id,
      node_id: `IC_kwDO${Buffer.from(String(c.id)).toString('base64url')}`,
      url: `${repoApi}/issues/comments/${c.id}`,
      html_url: `${web}/${c.repository.owner}/${c.repository.name}/${kind}/${c.issueNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: simpleUser(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${repoApi}/issues/${c.issueNumber}`,
      author_association: c.user.association ?? 'NONE',
      performed_via_github_app: null,
      reactions: {
        url: `${repoApi}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      pin: null,
      minimized: null,
    };
  }

  function simpleUser(user: StandInUser): Record<string, unknown> {
    const login = encodeURIComponent(user.login);
    const api = `${root}/users/${login}`;
    return {
      login: user.login,
      id: user.id,
      node_id: user.type === 'Bot' ? `BOT_kgDO${user.id}` : `MDQ6VXNlcj${user.id}`,
      avatar_url: `https://avatars.githubusercontent.com/${user.type === 'Bot' ? 'in' : 'u'}/${user.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: user.type === 'Bot' ? `${web}/apps/${login.replace(/%5Bbot%5D$/, '')}` : `${web}/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  function rateHeaders(identity: string, limit: number): Record<string, string> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    if (nowSeconds >= rateLimitReset) {
      usage.clear();
      rateLimitReset = nowSeconds + 3600;
    }
    const exhausted = nowSeconds < exhaustedUntil;
    const used = exhausted ? limit : Math.min(limit, usage.get(identity) ?? 0);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(limit - used),
      'x-ratelimit-reset': String(exhausted ? exhaustedUntil : rateLimitReset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
    };
  }

  function handle(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: IncomingHttpHeaders,
    raw: string,
  ): Reply {
    // Authentication first: GitHub rejects a bad token before anything else.
    const credentials = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '');
    const grant = credentials ? tokens.get(credentials[1]) : undefined;
    if (headers.authorization !== undefined && !grant) {
      return { status: 401, body: basicError('Bad credentials', DOCS, 401) };
    }
    const identity = credentials?.[1] ?? 'anonymous';
    const limit = grant ? (options.rateLimit ?? 5000) : 60;

    const nowSeconds = Math.floor(Date.now() / 1000);
    const count = (usage.get(identity) ?? 0) + 1;
    if (nowSeconds < exhaustedUntil || count > limit) {
      const who = grant ? 'installation ID 4242' : '127.0.0.1';
      return { status: 403, body: basicError(`API rate limit exceeded for ${who}.`, PRIMARY_DOCS, 403) };
    }
    usage.set(identity, count);

    const fault = faults.find((f) => f.remaining > 0 && (!f.method || f.method === method));
    if (fault) {
      fault.remaining--;
      if (fault.kind === 'redirect' && fault.origin !== undefined) {
        const search = query.toString();
        const location = `${fault.origin}${prefix}${path}${search ? `?${search}` : ''}`;
        return {
          status: fault.status,
          headers: { location },
          body: { message: 'Moved Permanently', url: location, documentation_url: REDIRECT_DOCS },
        };
      }
      if (fault.kind === 'secondary') {
        const requestId = randomBytes(6).toString('hex').toUpperCase();
        return {
          status: fault.status,
          headers: fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter) },
          body: basicError(
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
              `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
            SECONDARY_DOCS,
            fault.status,
          ),
        };
      }
      return { status: fault.status, body: { message: 'Server Error' } };
    }

    if (path === '/user' && method === 'GET') return authenticatedUser(grant);

    const route = routeOf(method, path);
    if (!route) return notFound(DOCS);
    const repository = route.repositoryId
      ? [...repositories.values()].find((r) => r.id === route.repositoryId)
      : repositories.get(repoKey(route.owner ?? '', route.repo ?? ''));
    const docs = {
      list: LIST_DOCS,
      create: CREATE_DOCS,
      update: UPDATE_DOCS,
      delete: DELETE_DOCS,
      pull: PULL_DOCS,
    }[route.kind];
    if (!repository) return notFound(docs);

    if (route.kind === 'pull') {
      if (!repository.issues.get(route.number)) return notFound(PULL_DOCS);
      const head = repository.heads.get(route.number) ?? {
        sha: defaultHeadSha(repository.owner, repository.name, route.number),
      };
      return {
        status: 200,
        body: presentPull({ root, web, base: repository, number: route.number, head, simpleUser }),
      };
    }

    if (route.kind !== 'list') {
      if (!grant) return { status: 401, body: basicError('Requires authentication', docs, 401) };
      if (grant.access === 'read') {
        return {
          status: 403,
          headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
          body: basicError('Resource not accessible by integration', docs, 403),
        };
      }
    }

    if (route.kind === 'list') {
      if (!repository.issues.has(route.number)) return notFound(docs);
      return listComments(repository, route.number, route.linkBase(repository), query);
    }

    if (route.kind === 'delete') {
      const stored = comments.get(route.number);
      if (!stored || stored.repository !== repository) return notFound(docs);
      const refused = notTheirs(grant!, stored, docs);
      if (refused) return refused;
      comments.delete(stored.id);
      return { status: 204 };
    }

    const parsed = parseBody(raw, docs);
    if ('status' in parsed) return parsed;

    if (route.kind === 'create') {
      if (!repository.issues.has(route.number)) return notFound(docs);
      const invalid = invalidBody(parsed.body, docs);
      if (invalid) return invalid;
      const at = timestamp(Date.now());
      const stored: StoredComment = {
        id: nextCommentId++,
        repository,
        issueNumber: route.number,
        body: parsed.body as string,
        user: grant!.user,
        createdAt: at,
        updatedAt: at,
      };
      comments.set(stored.id, stored);
      const body = present(stored);
      return { status: 201, headers: { location: body.url }, body };
    }

    const stored = comments.get(route.number);
    if (!stored || stored.repository !== repository) return notFound(docs);
    const refused = notTheirs(grant!, stored, docs);
    if (refused) return refused;
    const invalid = invalidBody(parsed.body, docs);
    if (invalid) return invalid;
    stored.body = parsed.body as string;
    stored.updatedAt = timestamp(Date.now());
    return { status: 200, body: present(stored) };
  }

  /**
   * GitHub lets anyone with write access edit and delete anyone's comment (which is why the
   * action checks authors itself); others only their own.
   */
  function notTheirs(
    grant: { access: TokenAccess; user: StandInUser },
    stored: StoredComment,
    docs: string,
  ): Reply | undefined {
    if (grant.access === 'write' || stored.user.id === grant.user.id) return undefined;
    return { status: 403, body: basicError('Must have admin rights to Repository.', docs, 403) };
  }

  /** GET /user: the token's user; an installation (GITHUB_TOKEN, an app) is not a user: 403. */
  function authenticatedUser(grant: { access: TokenAccess; user: StandInUser } | undefined): Reply {
    if (!grant) return { status: 401, body: basicError('Requires authentication', USER_DOCS, 401) };
    if (grant.user.type === 'Bot') {
      return { status: 403, body: basicError('Resource not accessible by integration', USER_DOCS, 403) };
    }
    const since = timestamp(SEED_EPOCH - 86_400_000 * 365);
    return {
      status: 200,
      body: {
        ...simpleUser(grant.user),
        name: null,
        company: null,
        blog: '',
        location: null,
        email: null,
        hireable: null,
        bio: null,
        twitter_username: null,
        public_repos: 2,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: since,
        updated_at: since,
      },
    };
  }

  function listComments(
    repository: StoredRepository,
    issueNumber: number,
    linkBase: string,
    query: URLSearchParams,
  ): Reply {
    const perPage = Math.min(100, positiveInteger(query.get('per_page')) ?? 30);
    const page = positiveInteger(query.get('page')) ?? 1;
    const since = query.get('since');
    const sinceMs = since ? Date.parse(since) : NaN;
    const all = commentsOf(repository, issueNumber).filter(
      (c) => Number.isNaN(sinceMs) || Date.parse(c.updatedAt) >= sinceMs,
    );
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage).map(present);
    const headers: Record<string, string> = {};
    const link = linkHeader(linkBase, query, page, lastPage);
    if (link) headers.link = link;
    return { status: 200, body: items, headers };
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const target = new URL(req.url ?? '/', 'http://stand-in');
      const method = req.method ?? 'GET';
      const inside = target.pathname === prefix || target.pathname.startsWith(`${prefix}/`);
      const path = inside ? target.pathname.slice(prefix.length) || '/' : target.pathname;
      let reply: Reply;
      try {
        standIn.onRequest?.({ method, path });
        reply = inside ? handle(method, path, target.searchParams, req.headers, raw) : notFound(DOCS);
      } catch (error) {
        violations.push(`${method} ${path}: the stand-in failed: ${(error as Error).stack ?? String(error)}`);
        reply = { status: 500, body: { message: 'Server Error' } };
      }
      const credentials = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const grant = credentials ? tokens.get(credentials[1]) : undefined;
      const responseHeaders: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id':
          `${randomBytes(4).toString('hex')}:${randomBytes(4).toString('hex')}`.toUpperCase(),
        ...rateHeaders(grant ? credentials![1] : 'anonymous', grant ? (options.rateLimit ?? 5000) : 60),
        ...reply.headers,
      };
      if (reply.status === 204) delete responseHeaders['content-type']; // GitHub sends none with a 204
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      requests.push({
        method,
        path,
        query: target.search.replace(/^\?/, ''),
        headers: req.headers,
        body: raw,
        status: reply.status,
        responseHeaders,
        responseBody: reply.body,
        at,
      });
      if (openapi) {
        violations.push(
          ...openapi.check({
            method,
            path,
            query: target.searchParams,
            requestContentType: req.headers['content-type'],
            requestBody: raw,
            status: reply.status,
            responseContentType: responseHeaders['content-type'],
            responseBody: reply.body,
          }),
        );
      }
      const send = () => {
        res.writeHead(reply.status, {
          ...responseHeaders,
          'content-length': String(Buffer.byteLength(text)),
        });
        res.end(text);
      };
      const delay = method === 'GET' && /\/comments$/.test(path) ? standIn.listDelayMs : 0;
      if (delay > 0) setTimeout(send, delay);
      else send();
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  web = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  root = `${web}${prefix}`;
  standIn.url = root;

  function routeOf(method: string, path: string) {
    const pull = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path);
    if (pull && method === 'GET') {
      const [owner, repo] = [safeDecode(pull[1]), safeDecode(pull[2])];
      return { kind: 'pull' as const, owner, repo, repositoryId: undefined, number: Number(pull[3]) };
    }
    const byName = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(.+)$/.exec(path);
    const byId = /^\/repositories\/(\d+)\/issues\/(.+)$/.exec(path);
    if (!byName && !byId) return undefined;
    const rest = byName ? byName[3] : byId![2];
    const owner = byName ? safeDecode(byName[1]) : undefined;
    const repo = byName ? safeDecode(byName[2]) : undefined;
    const repositoryId = byId ? Number(byId[1]) : undefined;
    const list = /^(\d+)\/comments$/.exec(rest);
    const one = /^comments\/(\d+)$/.exec(rest);
    const linkBase = (repository: StoredRepository) =>
      `${standIn.linkOrigin ?? web}${prefix}/repositories/${repository.id}/issues/${rest}`;
    if (list && method === 'GET')
      return { kind: 'list' as const, owner, repo, repositoryId, number: Number(list[1]), linkBase };
    if (list && method === 'POST')
      return { kind: 'create' as const, owner, repo, repositoryId, number: Number(list[1]), linkBase };
    if (one && method === 'PATCH')
      return { kind: 'update' as const, owner, repo, repositoryId, number: Number(one[1]), linkBase };
    if (one && method === 'DELETE')
      return { kind: 'delete' as const, owner, repo, repositoryId, number: Number(one[1]), linkBase };
    return undefined;
  }

  return standIn;
}

/**
 * GitHub's Link header: the request's own query with `page` replaced in place (or appended),
 * relations in GitHub's order: prev, next, last, first. None when everything fits on one page.
 */
export function linkHeader(
  base: string,
  query: URLSearchParams,
  page: number,
  lastPage: number,
): string | undefined {
  const at = (n: number) => {
    const params = new URLSearchParams();
    let placed = false;
    for (const [name, value] of query) {
      if (name === 'page') {
        if (!placed) params.append('page', String(n));
        placed = true;
      } else params.append(name, value);
    }
    if (!placed) params.append('page', String(n));
    return `<${base}?${params.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length > 0 ? links.join(', ') : undefined;
}

function parseBody(raw: string, docs: string): { body: unknown } | Reply {
  let data: unknown;
  try {
    data = JSON.parse(raw || 'null');
  } catch {
    return { status: 400, body: basicError('Problems parsing JSON', docs, 400) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { status: 400, body: basicError('Problems parsing JSON', docs, 400) };
  }
  return { body: (data as Record<string, unknown>).body };
}

function invalidBody(body: unknown, docs: string): Reply | undefined {
  if (body === undefined || body === null) {
    return {
      status: 422,
      body: {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        documentation_url: docs,
        status: '422',
      },
    };
  }
  if (typeof body !== 'string') {
    return {
      status: 422,
      body: {
        message: `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`,
        documentation_url: docs,
        status: '422',
      },
    };
  }
  if (body.trim() === '') {
    return validationFailed(docs, { resource: 'IssueComment', code: 'missing_field', field: 'body' });
  }
  if ([...body].length > MAX_COMMENT_LENGTH) {
    return validationFailed(docs, {
      resource: 'IssueComment',
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
    });
  }
  return undefined;
}

function validationFailed(docs: string, error: Record<string, string>): Reply {
  return {
    status: 422,
    body: { message: 'Validation Failed', errors: [error], documentation_url: docs, status: '422' },
  };
}

function basicError(message: string, docs: string, status: number) {
  return { message, documentation_url: docs, status: String(status) };
}

function notFound(docs: string): Reply {
  return { status: 404, body: basicError('Not Found', docs, 404) };
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase(); // GitHub's names are case-insensitive
}

/** GitHub's timestamps: ISO 8601 in UTC without milliseconds. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
