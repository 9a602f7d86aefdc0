// The GitHub client: base URL from the environment, and its retry policy, both as a pure table
// and through the real Octokit against the GitHub stand-in.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  DEFAULT_API_URL,
  apiBaseUrl,
  createGitHubClient,
  retryDecision,
  type RetryPolicy,
} from '../../src/github/client.js';
import { WaitBudget, WaitBudgetError } from '../../src/github/wait-budget.js';
import { WRITE_TOKEN, startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';

describe('apiBaseUrl', () => {
  test.each([
    [{}, 'https://api.github.com'],
    [{ GITHUB_API_URL: '' }, 'https://api.github.com'],
    [{ GITHUB_API_URL: '  ' }, 'https://api.github.com'],
    [{ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }, 'https://ghe.example.com/api/v3'],
    [{ GITHUB_API_URL: 'http://127.0.0.1:8080' }, 'http://127.0.0.1:8080'],
  ])('%j -> %s', (env, url) => {
    expect(apiBaseUrl(env)).toBe(url);
  });

  test('the client uses it', () => {
    const defaults = (env: Record<string, string>) =>
      createGitHubClient({ token: 't', env }).request.endpoint.DEFAULTS.baseUrl;
    expect(defaults({})).toBe(DEFAULT_API_URL);
    expect(defaults({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toBe(
      'https://ghe.example.com/api/v3',
    );
  });
});

describe('retryDecision', () => {
  const policy: RetryPolicy = { maxRetries: 3, maxWaitSeconds: 60 };
  const now = Date.parse('2024-05-01T12:00:00Z');
  const nowSeconds = now / 1000;
  const failure = (status: number, message: string, headers: Record<string, string> = {}) => ({
    status,
    message,
    response: { headers },
  });
  const secondary =
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

  test.each<[string, unknown, string, number, { waitMs: number; reason: string } | undefined]>([
    [
      'secondary, retry-after',
      failure(403, secondary, { 'retry-after': '5' }),
      'POST',
      0,
      { waitMs: 5000, reason: 'secondary rate limit' },
    ],
    [
      '429 with retry-after',
      failure(429, 'Too Many Requests', { 'retry-after': '2' }),
      'GET',
      0,
      { waitMs: 2000, reason: 'rate limit' },
    ],
    [
      'retry-after as a date',
      failure(403, secondary, { 'retry-after': 'Wed, 01 May 2024 12:00:30 GMT' }),
      'PATCH',
      1,
      { waitMs: 30_000, reason: 'secondary rate limit' },
    ],
    [
      'secondary without retry-after: a minute',
      failure(403, secondary),
      'POST',
      0,
      { waitMs: 60_000, reason: 'secondary rate limit' },
    ],
    [
      'retry-after beyond the longest wait',
      failure(403, secondary, { 'retry-after': '61' }),
      'POST',
      0,
      undefined,
    ],
    [
      'primary limit, reset soon',
      failure(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(nowSeconds + 20),
      }),
      'GET',
      0,
      { waitMs: 21_000, reason: 'rate limit' },
    ],
    [
      'primary limit, reset in an hour',
      failure(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(nowSeconds + 3600),
      }),
      'GET',
      0,
      undefined,
    ],
    [
      'primary limit, reset already past',
      failure(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(nowSeconds - 5),
      }),
      'GET',
      0,
      { waitMs: 1000, reason: 'rate limit' },
    ],
    [
      'permission',
      failure(403, 'Resource not accessible by integration', { 'x-ratelimit-remaining': '4999' }),
      'POST',
      0,
      undefined,
    ],
    ['out of retries', failure(403, secondary, { 'retry-after': '1' }), 'POST', 3, undefined],
    [
      '502 on GET, first retry',
      failure(502, 'Server Error'),
      'GET',
      0,
      { waitMs: 1000, reason: 'server error 502' },
    ],
    [
      '503 on PATCH, third retry',
      failure(503, 'Unavailable'),
      'PATCH',
      2,
      { waitMs: 4000, reason: 'server error 503' },
    ],
    ['502 on POST: may have been created', failure(502, 'Server Error'), 'POST', 0, undefined],
    [
      'network failure on GET',
      { status: 500, message: 'ECONNRESET' },
      'GET',
      0,
      { waitMs: 1000, reason: 'network error (ECONNRESET)' },
    ],
    ['404', failure(404, 'Not Found'), 'GET', 0, undefined],
    ['422', failure(422, 'Validation Failed'), 'POST', 0, undefined],
    ['not an HTTP error', new TypeError('boom'), 'GET', 0, undefined],
    ['not an object', 'boom', 'GET', 0, undefined],
  ])('%s', (_name, error, method, attempt, expected) => {
    expect(retryDecision(error, method, attempt, policy, now)).toEqual(expected);
  });
});

describe('through Octokit against the stand-in', () => {
  let github: GitHubStandIn;
  beforeEach(async () => {
    github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }] });
  });
  afterEach(async () => {
    await github.close();
  });

  function client(sleeps: number[], messages: string[] = [], maxRetries?: number, waitBudget?: WaitBudget) {
    return createGitHubClient({
      token: WRITE_TOKEN,
      env: { GITHUB_API_URL: github.url },
      maxRetries,
      waitBudget,
      onRetry: (m) => messages.push(m),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  }
  const list = { owner: 'acme', repo: 'shop', issue_number: 7 };

  test('sends the token and its own user agent', async () => {
    await client([]).rest.issues.listComments(list);
    expect(github.requests[0].headers.authorization).toBe(`token ${WRITE_TOKEN}`);
    expect(github.requests[0].headers['user-agent']).toMatch(/^shipshape /);
  });

  test('a GET that meets 502s is retried with backoff until it succeeds', async () => {
    github.serverError(2, { status: 502 });
    const sleeps: number[] = [];
    const messages: string[] = [];
    const { status } = await client(sleeps, messages).rest.issues.listComments(list);
    expect(status).toBe(200);
    expect(sleeps).toEqual([1000, 2000]);
    expect(messages).toEqual([
      'GitHub server error 502 on GET /repos/acme/shop/issues/7/comments: retrying in 1 s (retry 1 of 3)',
      'GitHub server error 502 on GET /repos/acme/shop/issues/7/comments: retrying in 2 s (retry 2 of 3)',
    ]);
    expect(github.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  test('a POST that meets a 502 is not retried', async () => {
    github.serverError(1, { status: 502 });
    const sleeps: number[] = [];
    await expect(client(sleeps).rest.issues.createComment({ ...list, body: 'x' })).rejects.toMatchObject({
      status: 502,
    });
    expect(sleeps).toEqual([]);
    expect(github.requests).toHaveLength(1);
  });

  test('retries are bounded: the rate limit error comes through after the last one', async () => {
    github.secondaryRateLimit(10, { retryAfter: 2 });
    const sleeps: number[] = [];
    await expect(
      client(sleeps, [], 2).rest.issues.createComment({ ...list, body: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/secondary rate limit/),
    });
    expect(sleeps).toEqual([2000, 2000]);
    expect(github.requests.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(github.comments('acme', 'shop', 7)).toEqual([]);
  });

  test('a 429 secondary limit is honoured like a 403 one', async () => {
    github.secondaryRateLimit(1, { retryAfter: 3, status: 429 });
    const sleeps: number[] = [];
    const { status } = await client(sleeps).rest.issues.createComment({ ...list, body: 'x' });
    expect(status).toBe(201);
    expect(sleeps).toEqual([3000]);
    expect(github.comments('acme', 'shop', 7)).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  describe('the wait budget: 60 s of waits before retries in all, per step', () => {
    test('a persistent secondary limit without retry-after: one minute waited, then the error says why', async () => {
      github.secondaryRateLimit(10, { retryAfter: null, method: 'PATCH' });
      const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => 'x');
      const sleeps: number[] = [];
      const messages: string[] = [];
      const error = await client(sleeps, messages)
        .rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: seeded.id, body: 'y' })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(WaitBudgetError);
      expect((error as Error).message).toBe(
        `GitHub secondary rate limit on PATCH /repos/acme/shop/issues/comments/${seeded.id}: a retry in 60 s ` +
          "would take this step's waits on the GitHub API past 60 s (60 s waited already)",
      );
      expect((error as WaitBudgetError).cause).toMatchObject({ status: 403 });
      // Without the budget: three one-minute waits (maxRetries 3).
      expect(sleeps).toEqual([60_000]);
      expect(github.requests.map((r) => r.status)).toEqual([403, 403]);
      expect(messages).toHaveLength(1);
    });

    test("the budget is the step's: two clients sharing it wait 60 s between them", async () => {
      const budget = new WaitBudget();
      github.secondaryRateLimit(2, { retryAfter: 25, method: 'GET' });
      const sleeps: number[] = [];
      await client(sleeps, [], 3, budget).rest.issues.listComments(list); // 25 + 25 s
      github.secondaryRateLimit(1, { retryAfter: 25, method: 'GET' });
      await expect(client(sleeps, [], 3, budget).rest.issues.listComments(list)).rejects.toBeInstanceOf(
        WaitBudgetError,
      ); // 25 more would make 75
      expect(sleeps).toEqual([25_000, 25_000]);
      expect(budget.waitedSeconds).toBe(50);
      // a fresh budget (another step) waits again
      github.secondaryRateLimit(1, { retryAfter: 25, method: 'GET' });
      const fresh: number[] = [];
      await client(fresh).rest.issues.listComments(list);
      expect(fresh).toEqual([25_000]);
    });

    test('WaitBudget.fromEnv: 60 s, or SHIPSHAPE_GITHUB_WAIT_BUDGET_MS (tests)', () => {
      expect(WaitBudget.fromEnv({}).limitMs).toBe(60_000);
      expect(WaitBudget.fromEnv({ SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: '2500' }).limitMs).toBe(2500);
      expect(WaitBudget.fromEnv({ SHIPSHAPE_GITHUB_WAIT_BUDGET_MS: 'soon' }).limitMs).toBe(60_000);
      const budget = new WaitBudget(3000);
      expect([budget.take(2000), budget.take(1500), budget.take(1000), budget.take(1)]).toEqual([
        true,
        false,
        true,
        false,
      ]);
      expect(budget.waitedSeconds).toBe(3);
    });
  });
});
