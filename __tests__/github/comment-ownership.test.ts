// Only our own comment is ours: a comment that ends with our marker is the sticky report only when
// the account we post as wrote it (src/github/identity.ts), whatever GitHub would let the token edit.
// Through the real Octokit against the GitHub stand-in, whose tokens post as their own users.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient } from '../../src/github/client.js';
import { commentMarker, findComments, upsertComment } from '../../src/github/comment.js';
import { isOurs } from '../../src/github/identity.js';
import {
  ACTIONS_BOT,
  APP_BOT,
  APP_TOKEN,
  MALLORY,
  OCTOCAT,
  PAT_TOKEN,
  SIZE_BOT,
  WRITE_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
  type StandInUser,
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
const by = (user: StandInUser, text: string) => ({ body: ours(text), user });
const comments = () => github.comments('acme', 'shop', 7).map((c) => [c.user.login, c.body]);
const writes = () =>
  github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} -> ${r.status}`);

function run(body: string, token = WRITE_TOKEN) {
  const octokit = createGitHubClient({ token, env: { GITHUB_API_URL: github.url } });
  return upsertComment({ octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app', body });
}

describe('a look-alike by the PR author', () => {
  test('is never edited nor deleted: our own comment is posted beside it, then updated', async () => {
    // GITHUB_TOKEN may edit her comment (write access): only the author check keeps us off it.
    const [hers] = github.seedComments('acme', 'shop', 7, 1, () => by(MALLORY, 'fake: -90%'));
    const first = await run('report 1');
    expect(first).toMatchObject({ action: 'created', removed: 0, othersWithMarker: 1 });
    const second = await run('report 2');
    expect(second).toMatchObject({ action: 'updated', id: first.id, othersWithMarker: 1 });

    expect(comments()).toEqual([
      ['mallory', ours('fake: -90%')],
      ['github-actions[bot]', ours('report 2')],
    ]);
    expect(writes()).toEqual([
      'POST /repos/acme/shop/issues/7/comments -> 201',
      `PATCH /repos/acme/shop/issues/comments/${first.id} -> 200`,
    ]);
    expect(writes().join()).not.toContain(String(hers.id));
  });

  test('several look-alikes give one comment of ours, not one per look-alike', async () => {
    github.seedComments('acme', 'shop', 7, 3, (i) => by(i === 1 ? OCTOCAT : MALLORY, `fake ${i}`));
    for (const n of [1, 2, 3]) await run(`report ${n}`);
    expect(comments()).toEqual([
      ['mallory', ours('fake 0')],
      ['octocat', ours('fake 1')],
      ['mallory', ours('fake 2')],
      ['github-actions[bot]', ours('report 3')],
    ]);
  });

  test('older than ours, it is not taken for the oldest of ours', async () => {
    github.seedComments('acme', 'shop', 7, 2, (i) =>
      i === 0 ? by(MALLORY, 'fake') : by(ACTIONS_BOT, 'old'),
    );
    const result = await run('new');
    expect(result).toMatchObject({ action: 'updated', removed: 0 });
    expect(comments()).toEqual([
      ['mallory', ours('fake')],
      ['github-actions[bot]', ours('new')],
    ]);
  });
});

describe('who we are', () => {
  test("a personal access token: GET /user names its account; GITHUB_TOKEN's comment is not its", async () => {
    github.seedComments('acme', 'shop', 7, 2, (i) =>
      i === 0 ? by(ACTIONS_BOT, 'from GITHUB_TOKEN') : by(SIZE_BOT, 'from the PAT'),
    );
    const octokit = createGitHubClient({ token: PAT_TOKEN, env: { GITHUB_API_URL: github.url } });
    const found = await findComments({ octokit, owner: 'acme', repo: 'shop', issueNumber: 7, key: 'app' });
    expect(found.identity).toEqual({ login: 'size-bot', id: SIZE_BOT.id, source: 'user' });
    expect(found.ours.map((c) => c.body)).toEqual([ours('from the PAT')]);
    expect(found.othersWithMarker).toBe(1);
    const result = await run('new', PAT_TOKEN);
    expect(result).toMatchObject({ action: 'updated', id: found.ours[0].id });
    expect(comments()).toEqual([
      ['github-actions[bot]', ours('from GITHUB_TOKEN')],
      ['size-bot', ours('new')],
    ]);
  });

  test("a GitHub App's token: its comment is learnt from the one it posts, and one comment remains", async () => {
    const first = await run('report 1', APP_TOKEN);
    expect(first.action).toBe('created');
    // Its installation token gets 403 from GET /user, like GITHUB_TOKEN: github-actions[bot] is
    // assumed, nothing matches, and the comment it posts shows who it is.
    const before = github.requests.length;
    const second = await run('report 2', APP_TOKEN);
    expect(second).toMatchObject({ action: 'updated', id: first.id, url: first.url, removed: 1 });
    expect(comments()).toEqual([['shipshape-sizes[bot]', ours('report 2')]]);
    const posted = github.requests.find((r) => r.method === 'POST' && github.requests.indexOf(r) >= before)!;
    const postedId = (posted.responseBody as { id: number }).id;
    expect(
      github.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/\d{10}/, 'N')} -> ${r.status}`),
    ).toEqual([
      'GET /repos/acme/shop/issues/7/comments -> 200',
      'GET /user -> 403',
      'POST /repos/acme/shop/issues/7/comments -> 201',
      'GET /repos/acme/shop/issues/7/comments -> 200',
      'PATCH /repos/acme/shop/issues/comments/N -> 200',
      'DELETE /repos/acme/shop/issues/comments/N -> 204',
    ]);
    expect(github.requests.at(-1)!.path).toContain(String(postedId));
  });

  // We are a user whose id we know, or the account the token is assumed to post as (by login).
  const user = { login: 'size-bot', id: 7, source: 'user' as const };
  const assumed = { login: 'github-actions[bot]', source: 'assumed' as const };
  test.each<[string, typeof user | typeof assumed, Parameters<typeof isOurs>[1], boolean]>([
    ['our id and login', user, { login: 'size-bot', id: 7 }, true],
    ['our id, renamed: the account keeps its comment', user, { login: 'renamed-bot', id: 7 }, true],
    ['our login, another id: a new account took the name', user, { login: 'size-bot', id: 8 }, false],
    ['assumed: the login', assumed, { login: 'github-actions[bot]', id: ACTIONS_BOT.id }, true],
    ['assumed: the login in another case', assumed, { login: 'GitHub-Actions[bot]', id: 1 }, true],
    ['assumed: another bot', assumed, { login: APP_BOT.login, id: APP_BOT.id }, false],
    ['assumed: the login without [bot]', assumed, { login: 'github-actions', id: 1 }, false],
    ['assumed: a deleted account ("ghost")', assumed, null, false],
  ])('isOurs compares ids when known, else logins: %s', (_name, us, author, ours) => {
    expect(isOurs(us, author)).toBe(ours);
  });
});
