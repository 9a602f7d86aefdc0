// The GitHub stand-in itself: GitHub's behaviour on the endpoints we call, and every exchange
// conforming to GitHub's OpenAPI description (support/openapi.ts), which is itself shown to catch
// what does not conform.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  ACTIONS_BOT,
  APP_BOT,
  APP_TOKEN,
  AUTHOR_TOKEN,
  MALLORY,
  MAX_COMMENT_LENGTH,
  PAT_TOKEN,
  READ_TOKEN,
  SIZE_BOT,
  WRITE_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.js';
import { GLOBAL_STATUSES, loadGitHubOpenApi } from '../support/openapi.js';

let github: GitHubStandIn;
const COMMENTS = '/repos/acme/shop/issues/7/comments';

beforeEach(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7], issues: [3] }],
  });
});
afterEach(async () => {
  await github.close();
});

interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(
  method: string,
  path: string,
  {
    token = WRITE_TOKEN as string | null,
    body = undefined as unknown,
    raw = undefined as string | undefined,
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token !== null) headers.authorization = `token ${token}`;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const url = path.startsWith('http') ? path : `${github.url}${path}`;
  const response = await fetch(url, { method, headers, body: text });
  const content = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: content ? JSON.parse(content) : undefined,
  };
}

function seed150(): number[] {
  return github.seedComments('acme', 'shop', 7, 150, (i) => `comment ${i}`).map((c) => c.id);
}

describe('listing comments', () => {
  test('30 a page by default, with GitHub Link headers on the /repositories/{id} form', async () => {
    const ids = seed150();
    const base = `${github.url}/repositories/${github.repositoryId('acme', 'shop')}/issues/7/comments`;

    const first = await call('GET', COMMENTS);
    expect(first.status).toBe(200);
    expect(first.body.map((c: { id: number }) => c.id)).toEqual(ids.slice(0, 30));
    expect(first.headers.get('link')).toBe(`<${base}?page=2>; rel="next", <${base}?page=5>; rel="last"`);

    const middle = await call('GET', `${COMMENTS}?per_page=50&page=2`);
    expect(middle.body.map((c: { id: number }) => c.id)).toEqual(ids.slice(50, 100));
    expect(middle.headers.get('link')).toBe(
      `<${base}?per_page=50&page=1>; rel="prev", <${base}?per_page=50&page=3>; rel="next", ` +
        `<${base}?per_page=50&page=3>; rel="last", <${base}?per_page=50&page=1>; rel="first"`,
    );

    // page first in the query: GitHub keeps the order and replaces page in place
    const last = await call('GET', `${COMMENTS}?page=2&per_page=100`);
    expect(last.body.map((c: { id: number }) => c.id)).toEqual(ids.slice(100));
    expect(last.headers.get('link')).toBe(
      `<${base}?page=1&per_page=100>; rel="prev", <${base}?page=1&per_page=100>; rel="first"`,
    );
    expect(github.violations).toEqual([]);
  });

  test('the next link, followed as given, serves the next page', async () => {
    const ids = seed150();
    const first = await call('GET', `${COMMENTS}?per_page=100`);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
    const second = await call('GET', next);
    expect(second.status).toBe(200);
    expect(second.body.map((c: { id: number }) => c.id)).toEqual(ids.slice(100));
    expect(github.requests.map((r) => r.path)).toEqual([
      COMMENTS,
      `/repositories/${github.repositoryId('acme', 'shop')}/issues/7/comments`,
    ]);
    expect(github.violations).toEqual([]);
  });

  test('per_page is capped at 100; a page past the end is empty; one page has no Link', async () => {
    seed150();
    const capped = await call('GET', `${COMMENTS}?per_page=500`);
    expect(capped.body).toHaveLength(100);
    const past = await call('GET', `${COMMENTS}?per_page=100&page=9`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);

    github.seedComments('acme', 'shop', 3, 2, (i) => `on the issue ${i}`);
    const single = await call('GET', '/repos/acme/shop/issues/3/comments');
    expect(single.body.map((c: { body: string }) => c.body)).toEqual(['on the issue 0', 'on the issue 1']);
    expect(single.headers.has('link')).toBe(false);
    expect(github.violations).toEqual([]);
  });

  test('owner and repository names are case-insensitive; since filters by update time', async () => {
    github.seedComments('acme', 'shop', 7, 3, (i) => `c${i}`); // 2024-01-01T00:00, 00:01, 00:02
    const answer = await call('GET', '/repos/ACME/Shop/issues/7/comments?since=2024-01-01T00:01:00Z');
    expect(answer.body.map((c: { body: string }) => c.body)).toEqual(['c1', 'c2']);
    expect(github.violations).toEqual([]);
  });

  test('a read-only token and an anonymous caller can list', async () => {
    github.seedComments('acme', 'shop', 7, 1, () => 'hello');
    expect((await call('GET', COMMENTS, { token: READ_TOKEN })).status).toBe(200);
    const anonymous = await call('GET', COMMENTS, { token: null });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60');
    expect(github.violations).toEqual([]);
  });
});

describe('creating and updating', () => {
  test('POST answers 201 with the comment GitHub would return, and keeps it', async () => {
    const before = Date.now();
    const created = await call('POST', COMMENTS, { body: { body: 'size report' } });
    expect(created.status).toBe(201);
    const comment = created.body;
    const api = `${github.url}/repos/acme/shop`;
    expect(comment).toMatchObject({
      body: 'size report',
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `${github.url}/acme/shop/pull/7#issuecomment-${comment.id}`,
      issue_url: `${api}/issues/7`,
      author_association: 'NONE',
      user: { login: ACTIONS_BOT.login, id: ACTIONS_BOT.id, type: 'Bot' },
      reactions: { total_count: 0 },
    });
    expect(comment.id).toBeGreaterThan(2 ** 31);
    expect(comment.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(comment.created_at)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created.headers.get('location')).toBe(comment.url);
    expect(github.comments('acme', 'shop', 7)).toEqual([comment]);
    expect(github.violations).toEqual([]);
  });

  test('an issue comment links to /issues/, a pull request comment to /pull/', async () => {
    const onIssue = await call('POST', '/repos/acme/shop/issues/3/comments', { body: { body: 'x' } });
    expect(onIssue.body.html_url).toBe(`${github.url}/acme/shop/issues/3#issuecomment-${onIssue.body.id}`);
  });

  test('PATCH answers 200 with the updated comment', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => 'old');
    const updated = await call('PATCH', `/repos/acme/shop/issues/comments/${seeded.id}`, {
      body: { body: 'new' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: seeded.id, body: 'new', created_at: seeded.created_at });
    expect(updated.body.updated_at > seeded.updated_at).toBe(true);
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual(['new']);
    expect(github.violations).toEqual([]);
  });
});

describe('authors: each token posts as its user', () => {
  test.each([
    ['GITHUB_TOKEN', WRITE_TOKEN, ACTIONS_BOT],
    ["a GitHub App's installation token", APP_TOKEN, APP_BOT],
    ["a machine user's personal token", PAT_TOKEN, SIZE_BOT],
    ["the PR author's personal token", AUTHOR_TOKEN, MALLORY],
  ])('%s', async (_name, token, user) => {
    const created = await call('POST', COMMENTS, { token, body: { body: 'x' } });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ login: user.login, id: user.id, type: user.type });
    expect(created.body.author_association).toBe(user.association);
    expect(github.violations).toEqual([]);
  });

  test('GET /user: a user token gets its user; an installation token (a Bot) 403; no token 401', async () => {
    const pat = await call('GET', '/user', { token: PAT_TOKEN });
    expect(pat.status).toBe(200);
    expect(pat.body).toMatchObject({
      login: 'size-bot',
      id: SIZE_BOT.id,
      type: 'User',
      user_view_type: 'public',
    });
    for (const token of [WRITE_TOKEN, READ_TOKEN, APP_TOKEN]) {
      const installation = await call('GET', '/user', { token });
      expect(installation.status).toBe(403);
      expect(installation.body).toEqual({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        status: '403',
      });
    }
    expect((await call('GET', '/user', { token: null })).status).toBe(401);
    expect(github.violations).toEqual([]);
  });

  test("write access edits and deletes anyone's comment, as GitHub lets collaborators do", async () => {
    const [hers, octocats] = github.seedComments('acme', 'shop', 7, 2, (i) =>
      i === 0 ? { body: 'hers', user: MALLORY } : 'octocat',
    );
    const patched = await call('PATCH', `/repos/acme/shop/issues/comments/${hers.id}`, {
      body: { body: 'overwritten' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.user.login).toBe('mallory'); // the author stays hers
    const deleted = await call('DELETE', `/repos/acme/shop/issues/comments/${octocats.id}`, {
      token: PAT_TOKEN,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([[hers.id, 'overwritten']]);
    const again = await call('DELETE', `/repos/acme/shop/issues/comments/${octocats.id}`);
    expect(again.status).toBe(404);
    expect(github.violations).toEqual([]);
  });

  test('a token that may only comment edits and deletes its own comments, and gets 403 on others', async () => {
    const [bots] = github.seedComments('acme', 'shop', 7, 1, () => ({ body: 'ours', user: ACTIONS_BOT }));
    const own = await call('POST', COMMENTS, { token: AUTHOR_TOKEN, body: { body: 'mine' } });
    const refused = [
      await call('PATCH', `/repos/acme/shop/issues/comments/${bots.id}`, {
        token: AUTHOR_TOKEN,
        body: { body: 'x' },
      }),
      await call('DELETE', `/repos/acme/shop/issues/comments/${bots.id}`, { token: AUTHOR_TOKEN }),
    ];
    expect(refused.map((a) => [a.status, a.body.message])).toEqual([
      [403, 'Must have admin rights to Repository.'],
      [403, 'Must have admin rights to Repository.'],
    ]);
    const ownEdit = await call('PATCH', `/repos/acme/shop/issues/comments/${own.body.id}`, {
      token: AUTHOR_TOKEN,
      body: { body: 'mine, edited' },
    });
    expect(ownEdit.status).toBe(200);
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual(['ours', 'mine, edited']);
    expect(
      (await call('DELETE', `/repos/acme/shop/issues/comments/${own.body.id}`, { token: AUTHOR_TOKEN }))
        .status,
    ).toBe(204);
    const readOnly = await call('DELETE', `/repos/acme/shop/issues/comments/${bots.id}`, {
      token: READ_TOKEN,
    });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.message).toBe('Resource not accessible by integration');
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual(['ours']);
    expect(github.violations).toEqual([]);
  });

  test('listDelayMs: the list is read on arrival and answered later', async () => {
    github.listDelayMs = 400;
    const started = Date.now();
    const pending = call('GET', COMMENTS);
    await new Promise((r) => setTimeout(r, 100));
    const created = await call('POST', COMMENTS, { body: { body: 'made meanwhile' } });
    expect(created.status).toBe(201);
    const listed = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(listed.body).toEqual([]); // as it was when the request arrived
    github.listDelayMs = 0;
    expect((await call('GET', COMMENTS)).body.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
  });
});

describe('refusals, as GitHub words them', () => {
  test('a read-only token gets 403 on writes, and nothing is written', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => 'old');
    const docs = 'https://docs.github.com/rest/issues/comments';
    const post = await call('POST', COMMENTS, { token: READ_TOKEN, body: { body: 'x' } });
    expect(post.status).toBe(403);
    expect(post.body).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: `${docs}#create-an-issue-comment`,
      status: '403',
    });
    expect(post.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write');
    const patch = await call('PATCH', `/repos/acme/shop/issues/comments/${seeded.id}`, {
      token: READ_TOKEN,
      body: { body: 'x' },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.documentation_url).toBe(`${docs}#update-an-issue-comment`);
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual(['old']);
    expect(github.violations).toEqual([]);
  });

  test('an unknown token is 401 Bad credentials; a write without a token is 401 Requires authentication', async () => {
    const bad = await call('GET', COMMENTS, { token: 'ghp_nope' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    const anonymous = await call('POST', COMMENTS, { token: null, body: { body: 'x' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('Requires authentication');
    expect(github.violations).toEqual([]);
  });

  test.each([
    ['an unknown repository', 'GET', '/repos/acme/nope/issues/7/comments'],
    ['an unknown issue', 'GET', '/repos/acme/shop/issues/8/comments'],
    ['a create on an unknown issue', 'POST', '/repos/acme/shop/issues/8/comments'],
    ['an unknown comment', 'PATCH', '/repos/acme/shop/issues/comments/12345'],
    ['an unknown repository id', 'GET', '/repositories/1/issues/7/comments'],
  ])('%s is 404 Not Found', async (_name, method, path) => {
    const answer = await call(method, path, { body: method === 'GET' ? undefined : { body: 'x' } });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ message: 'Not Found', status: '404' });
    expect(github.violations).toEqual([]);
  });

  test("another repository's comment id is 404 there", async () => {
    github.addRepository({ owner: 'acme', name: 'other', pullRequests: [1] });
    const [elsewhere] = github.seedComments('acme', 'other', 1, 1, () => 'theirs');
    const answer = await call('PATCH', `/repos/acme/shop/issues/comments/${elsewhere.id}`, {
      body: { body: 'x' },
    });
    expect(answer.status).toBe(404);
    expect(github.comments('acme', 'other', 1)[0].body).toBe('theirs');
  });

  test.each([
    ['empty', '', { resource: 'IssueComment', code: 'missing_field', field: 'body' }],
    ['blank', ' \n\t', { resource: 'IssueComment', code: 'missing_field', field: 'body' }],
    [
      'one character too long',
      'x'.repeat(MAX_COMMENT_LENGTH + 1),
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: 'Body is too long (maximum is 65536 characters)',
      },
    ],
  ])('a %s body is 422 Validation Failed', async (_name, text, error) => {
    const answer = await call('POST', COMMENTS, { body: { body: text } });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: 'Validation Failed',
      errors: [error],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });
    expect(github.comments('acme', 'shop', 7)).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  test('the limit is in characters: 65,536 of them (astral ones included) are accepted', async () => {
    const text = '🐳'.repeat(MAX_COMMENT_LENGTH); // 131,072 UTF-16 units
    expect((await call('POST', COMMENTS, { body: { body: text } })).status).toBe(201);
    expect(github.violations).toEqual([]);
  });

  test('malformed JSON is 400 Problems parsing JSON', async () => {
    const answer = await call('POST', COMMENTS, { raw: '{"body":' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Problems parsing JSON');
  });
});

describe('rate limits', () => {
  test('every response carries x-ratelimit-* headers, counted per token', async () => {
    const first = await call('GET', COMMENTS);
    const second = await call('POST', COMMENTS, { body: { body: 'x' } });
    const other = await call('GET', COMMENTS, { token: READ_TOKEN });
    const refused = await call('GET', '/repos/acme/nope/issues/1/comments');
    for (const answer of [first, second, other, refused]) {
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5000');
      expect(answer.headers.get('x-ratelimit-resource')).toBe('core');
      expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
    expect([first, second, refused].map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual([
      '4999',
      '4998',
      '4997',
    ]);
    expect([first, second, refused].map((a) => a.headers.get('x-ratelimit-used'))).toEqual(['1', '2', '3']);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  test('a secondary rate limit answers the next N requests with 403 and retry-after', async () => {
    github.secondaryRateLimit(2, { retryAfter: 7 });
    const limited = [await call('GET', COMMENTS), await call('POST', COMMENTS, { body: { body: 'x' } })];
    for (const answer of limited) {
      expect(answer.status).toBe(403);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(answer.headers.get('x-ratelimit-remaining')).not.toBe('0');
      expect(answer.body.message).toMatch(
        /^You have exceeded a secondary rate limit\. Please wait a few minutes/,
      );
      expect(answer.body.status).toBe('403');
    }
    expect(github.comments('acme', 'shop', 7)).toEqual([]);
    expect((await call('GET', COMMENTS)).status).toBe(200);
    expect(github.violations).toEqual([]);
  });

  test('or come without retry-after, as GitHub sometimes answers', async () => {
    github.secondaryRateLimit(1, { retryAfter: null });
    const answer = await call('GET', COMMENTS);
    expect(answer.status).toBe(403);
    expect(answer.headers.has('retry-after')).toBe(false);
    expect(answer.body.message).toMatch(/secondary rate limit/);
    expect(github.violations).toEqual([]);
  });

  test('it can be 429, and aimed at one method', async () => {
    github.secondaryRateLimit(1, { retryAfter: 1, status: 429, method: 'POST' });
    expect((await call('GET', COMMENTS)).status).toBe(200);
    const post = await call('POST', COMMENTS, { body: { body: 'x' } });
    expect(post.status).toBe(429);
    expect(post.body.status).toBe('429');
    expect((await call('POST', COMMENTS, { body: { body: 'x' } })).status).toBe(201);
    expect(github.violations).toEqual([]);
  });

  test('an exhausted primary limit is 403 with remaining 0 and the reset time', async () => {
    github.exhaustRateLimit(600);
    const answer = await call('GET', COMMENTS);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe('API rate limit exceeded for installation ID 4242.');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(answer.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(590);
    expect(answer.headers.has('retry-after')).toBe(false);
  });

  test('server errors for the next N requests', async () => {
    github.serverError(1, { status: 503 });
    expect((await call('GET', COMMENTS)).status).toBe(503);
    expect((await call('GET', COMMENTS)).status).toBe(200);
    expect(github.violations).toEqual([]);
  });
});

describe('getting a pull request', () => {
  const FORK_HEAD = 'f'.repeat(40);

  test('its head: the sha and repository given, or one derived per number; issues and unknowns are 404', async () => {
    github.addRepository({
      owner: 'acme',
      name: 'shop',
      pullHeads: { 12: { sha: FORK_HEAD, repository: 'someone/shop' } },
    });
    const fork = await call('GET', '/repos/acme/shop/pulls/12', { token: READ_TOKEN });
    expect(fork.status).toBe(200);
    expect(fork.body.number).toBe(12);
    expect(fork.body.head.sha).toBe(FORK_HEAD);
    expect(fork.body.head.repo.full_name).toBe('someone/shop');
    expect(fork.body.base.repo.full_name).toBe('acme/shop');

    const own = await call('GET', '/repos/acme/shop/pulls/7', { token: null });
    expect(own.status).toBe(200);
    expect(own.body.head.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(own.body.head.sha).not.toBe(FORK_HEAD);
    expect(own.body.head.repo.full_name).toBe('acme/shop');
    // a pull request is an issue to the comments API: a comment can be posted on PR 12
    expect((await call('POST', '/repos/acme/shop/issues/12/comments', { body: { body: 'hi' } })).status).toBe(
      201,
    );

    for (const path of [
      '/repos/acme/shop/pulls/3',
      '/repos/acme/shop/pulls/99',
      '/repos/acme/gone/pulls/7',
    ]) {
      const missing = await call('GET', path);
      expect([missing.status, missing.body.message]).toEqual([404, 'Not Found']);
    }
    expect(github.violations).toEqual([]);
  });
});

describe('GitHub Enterprise path prefix', () => {
  test('serves under /api/v3 and links there', async () => {
    const ghes = await startGitHubStandIn({
      pathPrefix: '/api/v3',
      repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }],
    });
    try {
      expect(ghes.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      ghes.seedComments('acme', 'shop', 7, 31, (i) => `c${i}`);
      const answer = await fetch(`${ghes.url}${COMMENTS}`, {
        headers: { authorization: `token ${WRITE_TOKEN}` },
      });
      expect(answer.status).toBe(200);
      const id = ghes.repositoryId('acme', 'shop');
      expect(answer.headers.get('link')).toContain(
        `<${ghes.url}/repositories/${id}/issues/7/comments?page=2>; rel="next"`,
      );
      const outside = await fetch(ghes.url.replace(/\/api\/v3$/, COMMENTS));
      expect(outside.status).toBe(404);
      expect(ghes.requests.map((r) => [r.path, r.status])).toEqual([
        [COMMENTS, 200],
        [COMMENTS, 404],
      ]);
    } finally {
      await ghes.close();
    }
  });
});

describe('the OpenAPI check catches what does not conform', () => {
  test('bad query parameters and unknown ones are recorded, while the answer stays GitHub-like', async () => {
    const answer = await call('GET', `${COMMENTS}?per_page=lots&perpage=100`);
    expect(answer.status).toBe(200);
    expect(github.violations).toEqual([
      'GET /repos/acme/shop/issues/7/comments (issues/list-comments): query has unknown property "perpage"',
      'GET /repos/acme/shop/issues/7/comments (issues/list-comments): query /per_page must be integer',
    ]);
  });

  test('a request body of the wrong shape is recorded', async () => {
    const answer = await call('POST', COMMENTS, { body: { body: 42 } });
    expect(answer.status).toBe(422);
    expect(github.violations).toEqual([
      'POST /repos/acme/shop/issues/7/comments (issues/create-comment): request body /body must be string',
    ]);
  });

  test('an endpoint GitHub does not have is recorded', async () => {
    await call('DELETE', COMMENTS);
    expect(github.violations).toEqual([
      'DELETE /repos/acme/shop/issues/7/comments: no documented operation for this method and path',
    ]);
  });

  const openapi = loadGitHubOpenApi();
  const comment = {
    id: 1,
    node_id: 'IC_1',
    url: 'https://api.github.com/repos/a/b/issues/comments/1',
    html_url: 'https://github.com/a/b/pull/1#issuecomment-1',
    issue_url: 'https://api.github.com/repos/a/b/issues/1',
    user: null,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  };
  const exchange = {
    method: 'GET',
    path: '/repos/a/b/issues/1/comments',
    query: new URLSearchParams(),
    status: 200,
    responseContentType: 'application/json; charset=utf-8',
  };

  test('responses: the schema, the status, the content type', () => {
    expect(openapi.check({ ...exchange, responseBody: [comment] })).toEqual([]);
    const withoutUser: Record<string, unknown> = { ...comment };
    delete withoutUser.user;
    expect(openapi.check({ ...exchange, responseBody: [withoutUser] })).toEqual([
      "GET /repos/a/b/issues/1/comments (issues/list-comments): 200 body /0 must have required property 'user'",
    ]);
    expect(openapi.check({ ...exchange, responseBody: [{ ...comment, created_at: 'yesterday' }] })).toEqual([
      'GET /repos/a/b/issues/1/comments (issues/list-comments): 200 body /0/created_at must match format "date-time"',
    ]);
    expect(openapi.check({ ...exchange, status: 201, responseBody: [] })).toEqual([
      'GET /repos/a/b/issues/1/comments (issues/list-comments): status 201 is not documented',
    ]);
    expect(openapi.check({ ...exchange, responseContentType: 'text/html', responseBody: [] })).toEqual([
      'GET /repos/a/b/issues/1/comments (issues/list-comments): response Content-Type "text/html" is not one of application/json',
    ]);
  });

  test('statuses GitHub gives anywhere are checked against its basic-error schema', () => {
    expect([...GLOBAL_STATUSES]).toEqual([301, 302, 307, 308, 400, 401, 403, 404, 429, 500, 502, 503]);
    const patch = { ...exchange, method: 'PATCH', path: '/repos/a/b/issues/comments/5', requestBody: '' };
    // 403 is not listed for update-comment, though GitHub answers it to a read-only token.
    expect(openapi.check({ ...patch, status: 403, responseBody: { message: 'Forbidden' } })).toEqual([
      'PATCH /repos/a/b/issues/comments/5 (issues/update-comment): the request body is required',
    ]);
    expect(openapi.check({ ...patch, status: 403, responseBody: { message: 42 } })).toContain(
      'PATCH /repos/a/b/issues/comments/5 (issues/update-comment): 403 body (basic-error) /message must be string',
    );
  });

  test('path templates, parameters and the /repositories/{id} form', () => {
    expect(openapi.operation('GET', '/repositories/42/issues/7/comments')).toEqual({
      operationId: 'issues/list-comments',
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    });
    expect(openapi.operation('PATCH', '/repos/a/b/issues/comments/5')?.operationId).toBe(
      'issues/update-comment',
    );
    expect(
      openapi.check({ ...exchange, path: '/repos/a/b/issues/seven/comments', responseBody: [] }),
    ).toEqual([
      'GET /repos/a/b/issues/seven/comments (issues/list-comments): path parameters /issue_number must be integer',
    ]);
  });
});
