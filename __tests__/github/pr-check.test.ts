// pr-number under workflow_run: the pure decision as a table, the workflow_run payload as read
// from the event, and the adapter through the real Octokit against the GitHub stand-in.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { prNumberMismatch, type PullRequestHead, type TriggeringRun } from '../../src/github/pr-check.js';
import { verifyPrNumber } from '../../src/github/verify-pr.js';
import { gitContextFrom } from '../../src/plan/context.js';
import { WRITE_TOKEN, startGitHubStandIn, type GitHubStandIn } from '../support/github-stand-in.js';
import { InputError } from '../../src/util/errors.js';

/** The InputError the promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => new Error('expected a refusal, it passed'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof InputError)) throw error;
  return error;
}

const BUILT = 'c'.repeat(40);
const OTHER = 'd'.repeat(40);

describe('prNumberMismatch', () => {
  const fork = (repository: string | null, sha = BUILT): PullRequestHead => ({ sha, repository });
  test.each<[string, TriggeringRun | undefined, PullRequestHead | undefined, string | undefined]>([
    [
      'same sha, same fork',
      { headSha: BUILT, headRepository: 'someone/shop' },
      fork('someone/shop'),
      undefined,
    ],
    [
      'names are case-insensitive',
      { headSha: BUILT, headRepository: 'Someone/Shop' },
      fork('someone/shop'),
      undefined,
    ],
    ['shas too', { headSha: BUILT.toUpperCase() }, fork('someone/shop'), undefined],
    [
      'no head_repository in the payload: the sha decides',
      { headSha: BUILT },
      fork('someone/shop'),
      undefined,
    ],
    [
      'a deleted fork: the sha decides',
      { headSha: BUILT, headRepository: 'someone/shop' },
      fork(null),
      undefined,
    ],
    [
      'another head',
      { headSha: BUILT, headRepository: 'someone/shop' },
      fork('someone/shop', OTHER),
      `does not name the pull request this workflow_run follows: its head is ${OTHER}, the run built ${BUILT} (a newer push to it has a run of its own)`,
    ],
    [
      'the same commit from another repository',
      { headSha: BUILT, headRepository: 'someone/shop' },
      fork('mallory/shop'),
      'does not name the pull request this workflow_run follows: its head is in mallory/shop, the run built someone/shop',
    ],
    [
      'no such pull request',
      { headSha: BUILT },
      undefined,
      'is not a pull request of acme/shop (GitHub answers 404)',
    ],
    [
      'nothing to check against',
      undefined,
      fork('someone/shop'),
      'cannot be checked: the workflow_run event payload has no head_sha (the commit the run built)',
    ],
    [
      'an empty head_sha',
      { headSha: '' },
      fork('someone/shop'),
      expect.stringContaining('no head_sha') as never,
    ],
  ])('%s', (_, run, pull, reason) => {
    expect(prNumberMismatch('acme/shop', run, pull)).toEqual(reason);
  });
});

test('the workflow_run payload: head_sha and head_repository', () => {
  const payload = {
    workflow_run: { event: 'pull_request', head_sha: BUILT, head_repository: { full_name: 'someone/shop' } },
  };
  expect(gitContextFrom({}, payload).workflowRunHead).toEqual({
    headSha: BUILT,
    headRepository: 'someone/shop',
  });
  expect(
    gitContextFrom({}, { workflow_run: { head_sha: BUILT, head_repository: null } }).workflowRunHead,
  ).toEqual({ headSha: BUILT });
  expect(gitContextFrom({}, { workflow_run: { event: 'push' } }).workflowRunHead).toBeUndefined();
  expect(gitContextFrom({}, {}).workflowRunHead).toBeUndefined();
});

describe('verifyPrNumber, against the stand-in', () => {
  let github: GitHubStandIn;
  beforeAll(async () => {
    github = await startGitHubStandIn({
      repositories: [
        {
          owner: 'acme',
          name: 'shop',
          pullHeads: { 11: { sha: BUILT, repository: 'someone/shop' }, 12: { sha: OTHER } },
        },
      ],
    });
  });
  afterAll(async () => {
    expect(github.violations).toEqual([]);
    await github.close();
  });
  const verify = (prNumber: number, run: TriggeringRun | undefined = { headSha: BUILT }) =>
    verifyPrNumber({
      token: WRITE_TOKEN,
      repository: 'acme/shop',
      prNumber,
      run,
      env: { GITHUB_API_URL: github.url },
    });

  test('the pull request the run built passes', async () => {
    await expect(verify(11, { headSha: BUILT, headRepository: 'someone/shop' })).resolves.toBeUndefined();
    expect(github.requests.at(-1)?.path).toBe('/repos/acme/shop/pulls/11');
  });

  test('another pull request, an unknown one, or no head_sha: refused, naming pr-number and why', async () => {
    expect((await refusal(verify(12))).message).toBe(
      `Input "pr-number": "12" does not name the pull request this workflow_run follows: its head is ${OTHER}, ` +
        `the run built ${BUILT} (a newer push to it has a run of its own); nothing was posted`,
    );
    expect((await refusal(verify(404))).message).toBe(
      'Input "pr-number": "404" is not a pull request of acme/shop (GitHub answers 404); nothing was posted',
    );
    const before = github.requests.length;
    expect((await refusal(verify(11, { headSha: '' }))).message).toMatch(
      /^Input "pr-number": "11" cannot be checked/,
    );
    expect(github.requests.length).toBe(before); // nothing to compare with: not even asked
  });

  test('an error from GitHub refuses too: unverified is not posted', async () => {
    const message = (
      await refusal(
        verifyPrNumber({
          token: 'ghs_revoked',
          repository: 'acme/shop',
          prNumber: 11,
          run: { headSha: BUILT },
          env: { GITHUB_API_URL: github.url },
        }),
      )
    ).message;
    expect(message).toBe(
      'Input "pr-number": "11" could not be checked against the workflow_run: Bad credentials - ' +
        'https://docs.github.com/rest; nothing was posted',
    );
  });
});
