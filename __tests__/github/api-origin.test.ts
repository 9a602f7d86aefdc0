// The GitHub token goes to GITHUB_API_URL's origin only: the real Octokit (createGitHubClient)
// against the GitHub stand-in, whose Link headers and redirects are pointed at a third host that
// records what it gets.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { ForeignHostError } from '../../src/github/api-origin.js';
import { WRITE_TOKEN, startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { startThirdHost, type ThirdHost } from '../support/third-host.js';
import { recordTally } from '../support/tally.js';

const PR = 7;
let github: GitHubStandIn;
let third: ThirdHost;
let octokit: GitHubClient;

beforeAll(async () => {
  third = await startThirdHost(() => ({ status: 200, body: '[]' }));
});
afterAll(() => third.close());

beforeEach(async () => {
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [PR] }] });
  github.seedComments('acme', 'shop', PR, 150, (i) => `chat ${i}`);
  third.visits.length = 0;
  octokit = createGitHubClient({
    token: WRITE_TOKEN,
    env: { GITHUB_API_URL: github.url },
    sleep: async () => {},
  });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

const listAll = () =>
  octokit.paginate(octokit.rest.issues.listComments, {
    owner: 'acme',
    repo: 'shop',
    issue_number: PR,
    per_page: 100,
  });

/** What reached the third host, recorded as one leak check of the tally. */
function expectNothingReached(name: string): void {
  const seen = third.credentialsSeen([WRITE_TOKEN]);
  recordTally({ kind: 'leak', name: `GitHub token: ${name}`, ok: third.visits.length === 0 });
  expect(seen).toEqual([]);
  expect(third.visits).toEqual([]);
}

describe('pagination', () => {
  test('a Link rel="next" on another host is not followed: an error, the host gets nothing', async () => {
    github.linkOrigin = third.url;
    const error = await listAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignHostError);
    expect((error as Error).message).toBe(
      `GitHub's answer led GET /repositories/${github.repositoryId('acme', 'shop')}/issues/${PR}/comments ` +
        `to another host (${third.host}) than the API's (${new URL(github.url).host}); not followed with the token`,
    );
    expectNothingReached('a Link rel="next" to another host');
    expect(github.requests).toHaveLength(1); // refused at once, not retried
  });

  test('a Link on the API host is followed, with the token', async () => {
    expect(await listAll()).toHaveLength(150);
    expect(github.requests.map((r) => r.headers.authorization)).toEqual([
      `token ${WRITE_TOKEN}`,
      `token ${WRITE_TOKEN}`,
    ]);
  });
});

describe('redirects', () => {
  test.each(['GET', 'POST'])(
    'a %s redirected to another host: an error, the host gets nothing',
    async (method) => {
      github.redirect(1, third.url, { method });
      const request =
        method === 'GET'
          ? listAll()
          : octokit.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: PR, body: 'hi' });
      const error = await request.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignHostError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^GitHub's answer to ${method} /repos/acme/shop/issues/${PR}/comments redirects to another host \\(${third.host}\\)`,
        ),
      );
      expectNothingReached(`a ${method} redirected to another host`);
      expect(github.requests).toHaveLength(1);
      expect(github.comments('acme', 'shop', PR)).toHaveLength(150);
    },
  );

  test.each([301, 307, 308] as const)(
    'a %d within the API host is followed, with the token',
    async (status) => {
      github.redirect(1, new URL(github.url).origin, { status, method: 'GET' });
      expect(await listAll()).toHaveLength(150);
      expect(github.requests.map((r) => [r.status, r.headers.authorization])).toEqual([
        [status, `token ${WRITE_TOKEN}`],
        [200, `token ${WRITE_TOKEN}`],
        [200, `token ${WRITE_TOKEN}`],
      ]);
    },
  );

  test('a POST redirected with 302 within the API host becomes a GET, as fetch does', async () => {
    github.redirect(1, new URL(github.url).origin, { status: 302, method: 'POST' });
    // 302 after a POST: fetch re-sends a GET without the body; the list answers it.
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'acme',
      repo: 'shop',
      issue_number: PR,
      body: 'hi',
    });
    expect(Array.isArray(data)).toBe(true);
    expect(github.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });
});
