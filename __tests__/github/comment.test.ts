// The sticky comment, through the real Octokit from src/github/client.ts against the GitHub
// stand-in (every exchange checked against GitHub's OpenAPI description).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient } from '../../src/github/client.js';
import {
  CommentError,
  CommentPermissionError,
  commentMarker,
  findComments,
  shouldComment,
  upsertComment,
  withMarker,
  type CommentFacts,
  type CommentMode,
} from '../../src/github/comment.js';
import {
  ACTIONS_BOT,
  READ_TOKEN,
  WRITE_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.js';

let github: GitHubStandIn;

beforeEach(async () => {
  github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7], issues: [3] }],
  });
});
afterEach(async () => {
  await github.close();
});

/** One action run: a fresh client, as each run of the action makes its own. */
function run(options: {
  token?: string;
  key?: string;
  body: string;
  issueNumber?: number;
  onRetry?: (m: string) => void;
}) {
  const octokit = createGitHubClient({
    token: options.token ?? WRITE_TOKEN,
    env: { GITHUB_API_URL: github.url },
    onRetry: options.onRetry,
  });
  return upsertComment({
    octokit,
    owner: 'acme',
    repo: 'shop',
    issueNumber: options.issueNumber ?? 7,
    key: options.key ?? 'app',
    body: options.body,
  });
}

/** `METHOD path?query -> status` for each request the stand-in saw. */
function exchanges(): string[] {
  return github.requests.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''} -> ${r.status}`);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

const LIST = 'GET /repos/acme/shop/issues/7/comments?per_page=100 -> 200';
/** GITHUB_TOKEN is an installation: GitHub has no user for it, so github-actions[bot] is assumed. */
const WHO = 'GET /user -> 403';
const ours = (key: string, text: string) => `${text}\n\n${commentMarker(key)}\n`;
/** A comment of ours, as an earlier run with GITHUB_TOKEN left it. */
const posted = (key: string, text: string) => ({ body: ours(key, text), user: ACTIONS_BOT });

describe('upsertComment', () => {
  test('creates the comment once, then updates it in place: still one comment', async () => {
    const first = await run({ body: 'report 1' });
    expect(first).toMatchObject({
      action: 'created',
      id: expect.any(Number),
      url: `${github.url}/acme/shop/pull/7#issuecomment-${first.id}`,
    });
    const second = await run({ body: 'report 2' });
    expect(second).toMatchObject({ action: 'updated', id: first.id, url: first.url });

    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([
      [first.id, ours('app', 'report 2')],
    ]);
    expect(exchanges()).toEqual([
      // the first run: no comment ends with the marker; after posting, a second look (see races)
      LIST,
      'POST /repos/acme/shop/issues/7/comments -> 201',
      LIST,
      // the second: a comment ends with the marker, so whose it is matters
      LIST,
      WHO,
      `PATCH /repos/acme/shop/issues/comments/${first.id} -> 200`,
    ]);
    expect(first.removed + second.removed).toBe(0);
    expect(github.violations).toEqual([]);
  });

  test('finds the marker on page 2 of 150 comments and leaves the rest alone', async () => {
    const seeded = github.seedComments('acme', 'shop', 7, 150, (i) =>
      i === 120 ? posted('app', 'old report') : `chatter ${i}`,
    );
    const result = await run({ body: 'new report' });

    expect(result).toMatchObject({ action: 'updated', id: seeded[120].id, url: seeded[120].html_url });
    const now = github.comments('acme', 'shop', 7);
    expect(now).toHaveLength(150);
    expect(now[120].body).toBe(ours('app', 'new report'));
    expect(now.filter((_, i) => i !== 120)).toEqual(seeded.filter((_, i) => i !== 120));
    const id = github.repositoryId('acme', 'shop');
    expect(exchanges()).toEqual([
      LIST,
      `GET /repositories/${id}/issues/7/comments?per_page=100&page=2 -> 200`,
      WHO,
      `PATCH /repos/acme/shop/issues/comments/${seeded[120].id} -> 200`,
    ]);
    expect(github.violations).toEqual([]);
  });

  test('two keys give two comments, each updated on its own', async () => {
    const amd = await run({ key: 'ghcr.io/acme/api', body: 'api report' });
    const web = await run({ key: 'ghcr.io/acme/web', body: 'web report' });
    expect([amd.action, web.action]).toEqual(['created', 'created']);
    expect(web.id).not.toBe(amd.id);

    const again = await run({ key: 'ghcr.io/acme/web', body: 'web report 2' });
    expect(again).toMatchObject({ id: web.id, url: web.url, action: 'updated' });
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual([
      ours('ghcr.io/acme/api', 'api report'),
      ours('ghcr.io/acme/web', 'web report 2'),
    ]);
    expect(github.violations).toEqual([]);
  });

  test("a key is not matched by another key's marker that starts the same way", async () => {
    github.seedComments('acme', 'shop', 7, 1, () => posted('app2', 'the other image'));
    const result = await run({ key: 'app', body: 'this image' });
    expect(result.action).toBe('created');
    expect(github.comments('acme', 'shop', 7)).toHaveLength(2);
  });

  test('with several of ours (an earlier race), the oldest is updated and the others deleted', async () => {
    const seeded = github.seedComments('acme', 'shop', 7, 140, (i) =>
      [10, 70, 130].includes(i) ? posted('app', `old ${i}`) : `chatter ${i}`,
    );
    const result = await run({ body: 'new' });
    expect(result).toMatchObject({ action: 'updated', id: seeded[10].id, removed: 2 });
    const now = github.comments('acme', 'shop', 7);
    expect(now).toHaveLength(138);
    expect(now.filter((c) => c.body.includes('shipshape:app')).map((c) => [c.id, c.body])).toEqual([
      [seeded[10].id, ours('app', 'new')],
    ]);
    expect(exchanges().slice(-3)).toEqual([
      `PATCH /repos/acme/shop/issues/comments/${seeded[10].id} -> 200`,
      `DELETE /repos/acme/shop/issues/comments/${seeded[70].id} -> 204`,
      `DELETE /repos/acme/shop/issues/comments/${seeded[130].id} -> 204`,
    ]);
    expect(github.violations).toEqual([]);
  });

  test('the marker is appended when the body lacks it, and not twice', async () => {
    await run({ body: 'report  \n' });
    expect(github.comments('acme', 'shop', 7)[0].body).toBe('report\n\n<!-- shipshape:app -->\n');
    const withFooter = 'report\n\n---\n<sub>shipshape</sub> <!-- shipshape:app -->';
    await run({ body: withFooter });
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual([withFooter]);
  });

  test('a marker quoted inside another comment (author text in a code span) is not ours', async () => {
    const quoting = ours('other', 'layer `RUN echo <!-- shipshape:app -->` made 5 MB');
    github.seedComments('acme', 'shop', 7, 1, () => ({ body: quoting, user: ACTIONS_BOT }));
    const result = await run({ body: 'new' });
    expect(result.action).toBe('created');
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual([quoting, ours('app', 'new')]);
  });

  test('a comment deleted between the lookup and the update is posted anew', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => posted('app', 'old'));
    github.onRequest = ({ method }) => {
      if (method === 'PATCH') github.deleteComment(seeded.id);
    };
    const result = await run({ body: 'new' });
    expect(result.action).toBe('created');
    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([
      [result.id, ours('app', 'new')],
    ]);
    expect(exchanges()).toEqual([
      LIST,
      WHO,
      `PATCH /repos/acme/shop/issues/comments/${seeded.id} -> 404`,
      'POST /repos/acme/shop/issues/7/comments -> 201',
      LIST,
    ]);
  });

  test('a lookup the caller already made is not repeated', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => posted('app', 'old'));
    const octokit = createGitHubClient({ token: WRITE_TOKEN, env: { GITHUB_API_URL: github.url } });
    const lookup = { octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app' };
    const existing = await findComments(lookup);
    expect(existing).toEqual({
      ours: [
        {
          id: seeded.id,
          url: seeded.html_url,
          body: ours('app', 'old'),
          author: { login: 'github-actions[bot]', id: ACTIONS_BOT.id },
          createdAt: seeded.created_at,
        },
      ],
      othersWithMarker: 0,
      identity: { login: 'github-actions[bot]', source: 'assumed' },
    });
    await upsertComment({ ...lookup, body: 'new', existing });
    const none = { ours: [], othersWithMarker: 0, identity: undefined };
    await upsertComment({ ...lookup, key: 'other', body: 'other', existing: none });
    expect(exchanges()).toEqual([
      LIST,
      WHO,
      `PATCH /repos/acme/shop/issues/comments/${seeded.id} -> 200`,
      'POST /repos/acme/shop/issues/7/comments -> 201',
      LIST, // the second look after a create
    ]);
    expect((await findComments({ ...lookup, key: 'nothing-here' })).ours).toEqual([]);
  });

  test('works on an issue as well as a pull request', async () => {
    const result = await run({ body: 'r', issueNumber: 3 });
    expect(result.url).toBe(`${github.url}/acme/shop/issues/3#issuecomment-${result.id}`);
  });

  test('GitHub Enterprise: an API URL with a path, paginated', async () => {
    const ghes = await startGitHubStandIn({
      pathPrefix: '/api/v3',
      repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }],
    });
    try {
      const seeded = ghes.seedComments('acme', 'shop', 7, 101, (i) =>
        i === 100 ? posted('app', 'old') : `c${i}`,
      );
      const octokit = createGitHubClient({ token: WRITE_TOKEN, env: { GITHUB_API_URL: `${ghes.url}/` } });
      const result = await upsertComment({
        octokit,
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        key: 'app',
        body: 'new',
      });
      expect(result).toMatchObject({ action: 'updated', id: seeded[100].id, url: seeded[100].html_url });
      expect(ghes.requests.map((r) => r.path)).toEqual([
        '/repos/acme/shop/issues/7/comments',
        `/repositories/${ghes.repositoryId('acme', 'shop')}/issues/7/comments`,
        '/user',
        `/repos/acme/shop/issues/comments/${seeded[100].id}`,
      ]);
      expect(ghes.violations).toEqual([]);
    } finally {
      await ghes.close();
    }
  });
});

describe('failures', () => {
  test('a read-only token (a fork PR) gets a CommentPermissionError on create', async () => {
    const error = await rejection(run({ token: READ_TOKEN, body: 'report' }));
    expect(error).toBeInstanceOf(CommentPermissionError);
    expect(error).toBeInstanceOf(CommentError);
    expect(error.message).toBe(
      'The token may not comment on acme/shop#7: GitHub answered 403 Resource not accessible by integration',
    );
    expect((error as CommentPermissionError).skipped).toBe('the PR comment was not posted');
    expect((error as CommentPermissionError).status).toBe(403);
    expect((error as CommentPermissionError).target).toEqual({ owner: 'acme', repo: 'shop', issueNumber: 7 });
    expect(github.comments('acme', 'shop', 7)).toEqual([]);
    expect(exchanges()).toEqual([LIST, 'POST /repos/acme/shop/issues/7/comments -> 403']);
    expect(github.violations).toEqual([]);
  });

  test('... and on the update of our comment: not updated, and no second comment tried', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => posted('app', 'old'));
    const error = await rejection(run({ token: READ_TOKEN, body: 'new' }));
    expect(error).toBeInstanceOf(CommentPermissionError);
    expect(error.message).toBe(
      `The token may not update comment ${seeded.id} on acme/shop#7: GitHub answered 403 Resource not accessible by integration`,
    );
    expect((error as CommentError).skipped).toBe(
      'the PR comment was not updated: it shows the figures of an earlier run',
    );
    expect(exchanges()).toEqual([LIST, WHO, `PATCH /repos/acme/shop/issues/comments/${seeded.id} -> 403`]);
    expect(github.comments('acme', 'shop', 7).map((c) => c.body)).toEqual([ours('app', 'old')]);
  });

  test('404 names owner/repo#number', async () => {
    const error = await rejection(run({ body: 'report', issueNumber: 99 }));
    expect(error).toBeInstanceOf(CommentError);
    expect(error).not.toBeInstanceOf(CommentPermissionError);
    expect(error.message).toBe(
      'Could not list the comments of acme/shop#99: GitHub answered 404 Not Found ' +
        '(no such repository or pull request, or the token cannot see it)',
    );
    expect((error as CommentError).status).toBe(404);
  });

  test('422 on an oversized body surfaces with GitHub’s reason', async () => {
    const error = await rejection(run({ body: 'x'.repeat(70_000) }));
    expect(error).toBeInstanceOf(CommentError);
    expect(error).not.toBeInstanceOf(CommentPermissionError);
    expect(error.message).toBe(
      'Could not comment on acme/shop#7: GitHub answered 422 Validation Failed: ' +
        'Body is too long (maximum is 65536 characters)',
    );
    expect((error as CommentError).status).toBe(422);
    expect(github.comments('acme', 'shop', 7)).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  test('a bad token is a CommentError, not a permission warning', async () => {
    const error = await rejection(run({ token: 'ghp_revoked', body: 'report' }));
    expect(error).not.toBeInstanceOf(CommentPermissionError);
    expect(error.message).toBe(
      'Could not list the comments of acme/shop#7: GitHub rejected the token (401 Bad credentials)',
    );
  });

  test('an exhausted rate limit is not mistaken for a permission problem, and is not waited out for an hour', async () => {
    github.exhaustRateLimit(3600);
    const error = await rejection(run({ body: 'report' }));
    expect(error).toBeInstanceOf(CommentError);
    expect(error).not.toBeInstanceOf(CommentPermissionError);
    expect(error.message).toBe(
      "Could not list the comments of acme/shop#7: GitHub's rate limit (403 API rate limit exceeded for installation ID 4242.)",
    );
    expect(github.requests).toHaveLength(1);
  });

  test('not a pull request number: refused before any request', async () => {
    const error = await rejection(run({ body: 'report', issueNumber: 0 }));
    expect(error.message).toBe('Cannot comment on "acme/shop#0": not a pull request');
    expect(github.requests).toEqual([]);
  });
});

describe('rate limits', () => {
  test('a secondary rate limit with retry-after is waited out and retried: one comment', async () => {
    github.secondaryRateLimit(1, { retryAfter: 1, method: 'POST' });
    const retries: string[] = [];
    const result = await run({ body: 'report', onRetry: (m) => retries.push(m) });

    expect(result.action).toBe('created');
    expect(github.comments('acme', 'shop', 7)).toHaveLength(1);
    expect(exchanges()).toEqual([
      LIST,
      'POST /repos/acme/shop/issues/7/comments -> 403',
      'POST /repos/acme/shop/issues/7/comments -> 201',
      LIST,
    ]);
    const [, limited, retried] = github.requests;
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1000);
    expect(retries).toEqual([
      'GitHub secondary rate limit on POST /repos/acme/shop/issues/7/comments: retrying in 1 s (retry 1 of 3)',
    ]);
    expect(github.violations).toEqual([]);
  });
});

describe('commentMarker', () => {
  test.each([
    ['app', '<!-- shipshape:app -->'],
    ['ghcr.io/acme/my-app', '<!-- shipshape:ghcr.io/acme/my-app -->'],
    ['localhost:5000/a_b@sha256', '<!-- shipshape:localhost:5000/a_b@sha256 -->'],
    ['a-->b', '<!-- shipshape:a%2D-%3Eb -->'],
    ['x--!>', '<!-- shipshape:x%2D-%21%3E -->'],
    ['---', '<!-- shipshape:%2D%2D- -->'],
    ['a b\n<c>', '<!-- shipshape:a%20b%0A%3Cc%3E -->'],
    ['100%2D', '<!-- shipshape:100%252D -->'],
    ["it's (x)*", '<!-- shipshape:it%27s%20%28x%29%2A -->'],
    ['café 🐳', '<!-- shipshape:caf%C3%A9%20%F0%9F%90%B3 -->'],
    ['\uD800', '<!-- shipshape:%EF%BF%BD -->'],
  ])('%j -> %s', (key, marker) => {
    expect(commentMarker(key)).toBe(marker);
  });

  test.each(['-->', '--!>', '-', '->', '<!--', '--', 'a--->', '-->\n<script>', '\u2010->'])(
    'no key can close the HTML comment early or contain "--": %j',
    (key) => {
      const inner = commentMarker(key).slice('<!-- '.length, -' -->'.length);
      expect(inner).not.toMatch(/--|>|</);
    },
  );

  test('different keys never share a marker', () => {
    const keys = ['a-b', 'a%2Db', 'a--b', 'a%2D-b', 'a b', 'a%20b', 'A-B'];
    expect(new Set(keys.map(commentMarker)).size).toBe(keys.length);
  });

  test('withMarker appends once', () => {
    expect(withMarker('body', 'k')).toBe('body\n\n<!-- shipshape:k -->\n');
    expect(withMarker(withMarker('body', 'k'), 'k')).toBe('body\n\n<!-- shipshape:k -->\n');
    // A marker quoted in the text is not the comment's own: it is still appended.
    expect(withMarker('`<!-- shipshape:k -->` quoted', 'k')).toBe(
      '`<!-- shipshape:k -->` quoted\n\n<!-- shipshape:k -->\n',
    );
  });
});

describe('shouldComment', () => {
  const facts = (over: Partial<CommentFacts>): CommentFacts => ({
    isPullRequest: true,
    compressedDelta: 5_000,
    minChange: 1_000,
    existing: false,
    ...over,
  });
  test.each<[CommentMode, Partial<CommentFacts>, boolean]>([
    ['never', {}, false],
    ['never', { existing: true }, false],
    ['always', {}, true],
    ['always', { isPullRequest: false, compressedDelta: 0 }, true],
    ['auto', {}, true],
    ['auto', { compressedDelta: 0 }, true],
    ['auto', { isPullRequest: false }, false],
    ['on-change', { compressedDelta: 1_000 }, true],
    ['on-change', { compressedDelta: -1_000 }, true],
    ['on-change', { compressedDelta: 999 }, false],
    ['on-change', { compressedDelta: -999 }, false],
    ['on-change', { compressedDelta: 0 }, false],
    ['on-change', { compressedDelta: 0, existing: true }, true],
    ['on-change', { compressedDelta: null }, true],
    ['on-change', { compressedDelta: 0, minChange: 0 }, true],
    ['on-change', { isPullRequest: false, compressedDelta: 50_000 }, false],
    ['on-change', { isPullRequest: false, existing: true }, false],
  ])('%s with %j -> %s', (mode, over, expected) => {
    expect(shouldComment(mode, facts(over))).toBe(expected);
  });
});
