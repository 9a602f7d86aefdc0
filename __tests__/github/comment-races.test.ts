// One comment under races: runs with the same key at the same time (matrix legs, re-runs) that
// both find nothing and both post converge on one comment, the oldest, with the body. The
// stand-in answers comment lists late (read on arrival), as a lagging replica would, so that the
// runs overlap for certain.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient } from '../../src/github/client.js';
import { commentMarker, upsertComment } from '../../src/github/comment.js';
import {
  ACTIONS_BOT,
  WRITE_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.js';

let github: GitHubStandIn;

beforeEach(async () => {
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }] });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

const ours = (text: string) => `${text}\n\n${commentMarker('app')}\n`;
const bodies = () => github.comments('acme', 'shop', 7).map((c) => c.body);
const count = (method: string, status: number) =>
  github.requests.filter((r) => r.method === method && r.status === status).length;

function run(body: string) {
  const octokit = createGitHubClient({ token: WRITE_TOKEN, env: { GITHUB_API_URL: github.url } });
  return upsertComment({ octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app', body });
}

describe('two runs at once', () => {
  test('both post, then both settle on the older comment: one comment remains', async () => {
    github.listDelayMs = 300;
    const [a, b] = await Promise.all([run('report'), run('report')]);

    // The race happened: both found nothing and posted.
    expect(count('POST', 201)).toBe(2);
    const posted = github.requests
      .filter((r) => r.method === 'POST')
      .map((r) => (r.responseBody as { id: number }).id);
    const older = Math.min(...posted);
    const newer = Math.max(...posted);
    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([[older, ours('report')]]);
    // Both runs report the comment that remains.
    expect([a.id, b.id]).toEqual([older, older]);
    expect([a.url, b.url]).toEqual([github.comments('acme', 'shop', 7)[0].html_url, expect.any(String)]);
    expect(b.url).toBe(a.url);
    // The newer one is deleted (by one run, or by both: the second gets 404, which counts as done).
    const deletes = github.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual(
      deletes.map(() => `/repos/acme/shop/issues/comments/${newer}`),
    );
    expect(count('DELETE', 204)).toBe(1);
    expect(a.removed + b.removed).toBeGreaterThanOrEqual(1);
  });

  test('with different bodies, the one comment holds one of them, whole', async () => {
    github.listDelayMs = 300;
    await Promise.all([run('report from leg A'), run('report from leg B')]);
    expect(bodies()).toHaveLength(1);
    expect([ours('report from leg A'), ours('report from leg B')]).toContain(bodies()[0]);
  });

  test('five runs at once still leave one comment, and the next run updates it', async () => {
    github.listDelayMs = 300;
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => run(`report ${n}`)));
    expect(count('POST', 201)).toBe(5);
    const [kept] = github.comments('acme', 'shop', 7);
    expect(github.comments('acme', 'shop', 7)).toHaveLength(1);
    expect(results.map((r) => r.id)).toEqual(results.map(() => kept.id));

    github.listDelayMs = 0;
    const next = await run('report 6');
    expect(next).toMatchObject({ action: 'updated', id: kept.id, removed: 0 });
    expect(bodies()).toEqual([ours('report 6')]);
  });

  test('when both find the comment, both update it: still one', async () => {
    const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => ({
      body: ours('old'),
      user: ACTIONS_BOT,
    }));
    github.listDelayMs = 300;
    const [a, b] = await Promise.all([run('new'), run('new')]);
    expect([a.action, b.action]).toEqual(['updated', 'updated']);
    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([[seeded.id, ours('new')]]);
    expect(count('POST', 201)).toBe(0);
    expect(count('PATCH', 200)).toBe(2);
  });

  test("a run whose first look missed another's comment still ends on that (older) comment", async () => {
    github.listDelayMs = 300;
    const b = run('from B'); // B's list is read now, before any comment exists, and answered late
    await new Promise((resolve) => setTimeout(resolve, 50));
    github.listDelayMs = 0;
    const a = await run('from A'); // A lists, finds nothing, posts: the older comment
    const settled = await b; // B posts too, looks again, finds A's: updates it, deletes its own
    expect(settled).toMatchObject({ action: 'updated', id: a.id, removed: 1 });
    expect(github.comments('acme', 'shop', 7).map((c) => [c.id, c.body])).toEqual([[a.id, ours('from B')]]);
  });
});

describe('settling when GitHub does not cooperate', () => {
  test('a duplicate that cannot be deleted is reported as left over, and the next run removes it', async () => {
    github.listDelayMs = 300;
    github.serverError(100, { status: 502, method: 'DELETE' });
    const sleepless = (body: string) =>
      upsertComment({
        octokit: createGitHubClient({
          token: WRITE_TOKEN,
          env: { GITHUB_API_URL: github.url },
          sleep: async () => {},
        }),
        owner: 'acme',
        repo: 'shop',
        issueNumber: 7,
        key: 'app',
        body,
      });
    const results = await Promise.all([sleepless('r'), sleepless('r')]);
    expect(results.map((r) => r.leftOver).filter(Boolean)).toEqual([
      expect.stringMatching(
        /^1 duplicate left: Could not delete duplicate comment \d+ on acme\/shop#7: GitHub answered 502/,
      ),
      expect.stringMatching(/^1 duplicate left: /),
    ]);
    expect(github.comments('acme', 'shop', 7)).toHaveLength(2);

    github.clearFaults();
    github.listDelayMs = 0;
    const next = await run('r2');
    expect(next).toMatchObject({ action: 'updated', removed: 1 });
    expect(next.leftOver).toBeUndefined();
    expect(bodies()).toEqual([ours('r2')]);
  });

  test('the older comment deleted by a person mid-race: never two comments, and the next run posts one', async () => {
    github.listDelayMs = 300;
    let deleted = false;
    github.onRequest = ({ method }) => {
      // as one run is about to move its figures into the older comment, someone deletes that one
      if (method === 'PATCH' && !deleted) {
        deleted = true;
        github.deleteComment(github.comments('acme', 'shop', 7)[0].id);
      }
    };
    await Promise.all([run('r'), run('r')]);
    expect(deleted).toBe(true);
    // The run whose comment was the newer falls back on its own, which the other run, settling on
    // the older one at the same time, may have deleted: at most one comment, never two.
    expect(github.comments('acme', 'shop', 7).length).toBeLessThanOrEqual(1);
    github.onRequest = undefined;
    github.listDelayMs = 0;
    await run('r2');
    expect(bodies()).toEqual([ours('r2')]);
  });
});
