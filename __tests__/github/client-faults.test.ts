/**
 * The GitHub client's own defences, through a fault proxy in front of the stand-in: a per-request
 * timeout (undici alone waits minutes), and 2xx answers whose JSON body broke off, which Octokit
 * hands over as a string (a comment list read that way looks empty: a second comment follows).
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { createGitHubClient } from '../../src/github/client.js';
import { findComment, upsertComment } from '../../src/github/comment.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startGitHubStandIn, WRITE_TOKEN, type GitHubStandIn } from '../support/github-stand-in.js';

let github: GitHubStandIn;
let proxy: FaultProxy;
const list = { owner: 'acme', repo: 'shop', issue_number: 7 };

beforeEach(async () => {
  github = await startGitHubStandIn({ repositories: [{ owner: 'acme', name: 'shop', pullRequests: [7] }] });
  proxy = await startFaultProxy({ upstream: github.url });
});
afterEach(async () => {
  await proxy.close();
  await github.close();
});

function client(sleeps: number[], timeout?: number) {
  return createGitHubClient({
    token: WRITE_TOKEN,
    env: { GITHUB_API_URL: proxy.url },
    timeout,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

test('a GET slower than the timeout is cut off and retried', async () => {
  await client([]).rest.issues.listComments(list); // the stand-in's first answer is slow (its OpenAPI checks)
  proxy.add({ method: 'GET', path: /\/comments/, times: 1, fault: { type: 'delay', ms: 3000 } });
  const sleeps: number[] = [];
  const started = Date.now();
  const { status } = await client(sleeps, 1000).rest.issues.listComments(list);
  expect(status).toBe(200);
  expect(sleeps).toEqual([1000]);
  expect(Date.now() - started).toBeLessThan(2500);
});

test('a POST slower than the timeout fails with the cause, and is not sent again', async () => {
  proxy.add({ method: 'POST', path: /\/comments/, fault: { type: 'delay', ms: 3000 } });
  const sleeps: number[] = [];
  await expect(client(sleeps, 1000).rest.issues.createComment({ ...list, body: 'x' })).rejects.toMatchObject({
    status: 500,
    message: 'GitHub did not answer POST /repos/acme/shop/issues/7/comments within 1 s',
  });
  expect(sleeps).toEqual([]);
  expect(proxy.log.filter((r) => r.method === 'POST')).toHaveLength(1);
});

test.each([
  ['reset in the middle of the body', { type: 'reset-mid-body', afterBytes: 3000 } as const],
  ['truncated (ends cleanly, short)', { type: 'truncate', afterBytes: 3000 } as const],
])('a comment list whose body is %s is read again, and our comment is found', async (_, fault) => {
  github.seedComments('acme', 'shop', 7, 30, (i) => `chatter ${i} `.repeat(20));
  const octokit = client([]);
  const where = { octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app' };
  const first = await upsertComment({ ...where, body: 'size report' });
  proxy.add({ method: 'GET', path: /\/comments/, times: 1, fault });
  expect(await findComment(where)).toMatchObject({ id: first.id });
  expect(proxy.log.filter((r) => r.fault === fault.type)).toHaveLength(1);
  proxy.add({ method: 'GET', path: /\/comments/, times: 1, fault });
  expect(await upsertComment({ ...where, body: 'size report 2' })).toMatchObject({
    id: first.id,
    action: 'updated',
  });
  expect(github.comments('acme', 'shop', 7).filter((c) => c.body.includes('size report'))).toHaveLength(1);
});

test('a create whose answer broke off after the comment was made: an error, not a success without a URL', async () => {
  proxy.add({
    method: 'POST',
    path: /\/comments/,
    times: 1,
    fault: { type: 'reset-mid-body', afterBytes: 10 },
  });
  const octokit = client([]);
  const where = { octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app' };
  await expect(upsertComment({ ...where, body: 'size report' })).rejects.toThrow(
    /Could not comment on acme\/shop#7: GitHub's answer to POST \/repos\/acme\/shop\/issues\/7\/comments broke off/,
  );
  // The next run finds the comment that was made, and updates it.
  expect(await upsertComment({ ...where, body: 'size report' })).toMatchObject({ action: 'updated' });
  expect(github.comments('acme', 'shop', 7)).toHaveLength(1);
});

test("a DELETE's 204 is no answer that broke off, whatever its Content-Type says", async () => {
  const [seeded] = github.seedComments('acme', 'shop', 7, 1, () => 'x');
  proxy.add({
    method: 'DELETE',
    path: /\/comments\//,
    times: 1,
    fault: {
      type: 'status',
      status: 204,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '',
    },
  });
  const sleeps: number[] = [];
  const { status } = await client(sleeps).rest.issues.deleteComment({
    owner: 'acme',
    repo: 'shop',
    comment_id: seeded.id,
  });
  expect(status).toBe(204);
  expect(sleeps).toEqual([]);
  expect(proxy.log.filter((r) => r.method === 'DELETE')).toHaveLength(1);
});
