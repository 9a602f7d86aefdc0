import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitContextFrom, type EventPayload } from '../../src/plan/context.js';
import { fixtureEnv, fixturePayload } from '../fixtures/events/index.js';
import { readGitContext } from '../../src/github/event.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-context-'));

describe('readGitContext on the event fixtures', () => {
  type Context = ReturnType<typeof readGitContext>;
  type FixtureName = Parameters<typeof fixtureEnv>[0];
  // Each row: a fixture and what its context must be: the whole context, or only the fields named.
  test.each<{ name: string; fixture: FixtureName; whole?: true; expected: Partial<Context> }>([
    {
      name: 'push to a branch: no pull request',
      fixture: 'push-feature-branch',
      whole: true,
      expected: {
        eventName: 'push',
        ref: 'refs/heads/feature/x',
        sha: '4c47ed9a3ebdd5747b280ff12dde0e3a2e54694f',
        repository: 'octo-org/octo-app',
        serverUrl: 'https://github.com',
        runId: '9072118340',
        defaultBranch: 'main',
        pullRequest: undefined,
      },
    },
    {
      name: 'push of a tag',
      fixture: 'push-tag-v1.2.3',
      expected: {
        eventName: 'push',
        ref: 'refs/tags/v1.2.3',
        sha: '62b3b806467443d1392184587d975bd385b56d2c',
        defaultBranch: 'main',
        pullRequest: undefined,
      },
    },
    {
      name: 'pull request from a branch of the same repository',
      fixture: 'pull-request',
      whole: true,
      expected: {
        eventName: 'pull_request',
        ref: 'refs/pull/42/merge',
        // The merge commit is what gets built; the head is the branch's own commit.
        sha: '5b35595db3a4e0e268ef5cd40048fdd8edf1c90c',
        repository: 'octo-org/octo-app',
        serverUrl: 'https://github.com',
        runId: '9072140557',
        defaultBranch: 'main',
        pullRequest: {
          number: 42,
          baseRef: 'main',
          headRef: 'feature/x',
          headSha: '4c47ed9a3ebdd5747b280ff12dde0e3a2e54694f',
          fromFork: false,
        },
      },
    },
    {
      name: 'pull request from a fork',
      fixture: 'pull-request-fork',
      expected: {
        pullRequest: {
          number: 57,
          baseRef: 'main',
          headRef: 'main',
          headSha: 'aac55e79279c82944dd3387c96736f73cb2c44ac',
          fromFork: true,
        },
      },
    },
    {
      name: 'pull_request_target: runs on the base branch, still a pull request',
      fixture: 'pull-request-target',
      expected: {
        eventName: 'pull_request_target',
        ref: 'refs/heads/main',
        sha: '1822562e6f0f2444bd907e99197d5656c194d113',
        pullRequest: {
          number: 58,
          baseRef: 'main',
          headRef: 'patch-1',
          headSha: '7ec484861514920b48928c6c8e27b657aac5e731',
          fromFork: true,
        },
      },
    },
    {
      name: 'schedule: the payload names no default branch',
      fixture: 'schedule',
      expected: { eventName: 'schedule', ref: 'refs/heads/main', defaultBranch: '', pullRequest: undefined },
    },
  ])('$name', ({ fixture, whole, expected }) => {
    const context = readGitContext(fixtureEnv(fixture));
    expect(Object.keys(context).sort()).toEqual([
      'defaultBranch',
      'eventName',
      'pullRequest',
      'ref',
      'repository',
      'runId',
      'serverUrl',
      'sha',
    ]);
    expect(context).toEqual(whole ? expected : { ...context, ...expected });
  });

  test('pull request from a fork that was deleted (head.repo is null): still a fork', () => {
    const context = gitContextFrom(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/app', GITHUB_REF: 'refs/pull/9/merge' },
      {
        pull_request: {
          number: 9,
          base: { ref: 'main', repo: { full_name: 'acme/app' } },
          head: { ref: 'x', sha: 'abc', repo: null },
        },
      },
    );
    expect(context.pullRequest?.fromFork).toBe(true);
  });
});

describe('gitContextFrom with fields missing', () => {
  test('an empty environment and payload: empty strings and github.com', () => {
    expect(gitContextFrom({}, {})).toEqual({
      eventName: '',
      ref: '',
      sha: '',
      repository: '',
      serverUrl: 'https://github.com',
      runId: '',
      defaultBranch: '',
      pullRequest: undefined,
    });
  });

  test('the repository from the payload when GITHUB_REPOSITORY is unset or empty', () => {
    const payload = { repository: { full_name: 'octo-org/from-payload' } };
    expect(gitContextFrom({}, payload).repository).toBe('octo-org/from-payload');
    expect(gitContextFrom({ GITHUB_REPOSITORY: '' }, payload).repository).toBe('octo-org/from-payload');
    expect(gitContextFrom({ GITHUB_REPOSITORY: 'octo-org/env' }, payload).repository).toBe('octo-org/env');
  });

  test('a bare pull_request object: number, refs and sha from the environment', () => {
    const env = {
      GITHUB_REPOSITORY: 'octo-org/octo-app',
      GITHUB_BASE_REF: 'release/1.x',
      GITHUB_HEAD_REF: 'fix/y',
      GITHUB_SHA: 'f00d',
    };
    expect(gitContextFrom(env, { number: 7, pull_request: {} }).pullRequest).toEqual({
      number: 7,
      baseRef: 'release/1.x',
      headRef: 'fix/y',
      headSha: 'f00d',
      fromFork: false,
    });
  });

  test("the pull request's own number wins over the payload's", () => {
    expect(gitContextFrom({}, { number: 7, pull_request: { number: 8 } }).pullRequest?.number).toBe(8);
  });

  test('no number anywhere: 0, and empty refs without the environment', () => {
    expect(gitContextFrom({}, { pull_request: {} }).pullRequest).toEqual({
      number: 0,
      baseRef: '',
      headRef: '',
      headSha: '',
      fromFork: false,
    });
  });

  test.each<[string, EventPayload, boolean]>([
    ['head and base in the same repository', sameRepoPr('octo-org/octo-app', 'octo-org/octo-app'), false],
    ['head in another repository', sameRepoPr('jdoe/octo-app', 'octo-org/octo-app'), true],
    // Without the base repository, the workflow's repository is the base.
    [
      'no base repository, head elsewhere',
      { pull_request: { head: { repo: { full_name: 'jdoe/x' } } } },
      true,
    ],
    [
      'no base repository, head here',
      { pull_request: { head: { repo: { full_name: 'octo-org/octo-app' } } } },
      false,
    ],
    ['no head repository', { pull_request: { head: { ref: 'x' } } }, false],
  ])('fromFork: %s', (_name, payload, fromFork) => {
    expect(gitContextFrom({ GITHUB_REPOSITORY: 'octo-org/octo-app' }, payload).pullRequest?.fromFork).toBe(
      fromFork,
    );
  });

  test.each<[string | undefined, string]>([
    [undefined, 'https://github.com'],
    ['', 'https://github.com'],
    ['https://github.example.com/', 'https://github.example.com'],
    ['https://github.example.com//', 'https://github.example.com'],
    ['https://github.example.com', 'https://github.example.com'],
  ])('GITHUB_SERVER_URL %j -> %j', (serverUrl, expected) => {
    expect(gitContextFrom({ GITHUB_SERVER_URL: serverUrl }, {}).serverUrl).toBe(expected);
  });
});

function sameRepoPr(head: string, base: string): EventPayload {
  return {
    pull_request: {
      number: 1,
      base: { ref: 'main', repo: { full_name: base } },
      head: { repo: { full_name: head } },
    },
  };
}

describe('readGitContext and the event file', () => {
  test('without GITHUB_EVENT_PATH: the environment alone', () => {
    expect(readGitContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' })).toMatchObject({
      eventName: 'push',
      ref: 'refs/heads/main',
      defaultBranch: '',
      pullRequest: undefined,
    });
  });

  test('the payload read from the file', () => {
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify(fixturePayload('pull-request')));
    const env = { ...fixtureEnv('pull-request'), GITHUB_EVENT_PATH: path };
    expect(readGitContext(env).pullRequest?.number).toBe(42);
  });

  test('a missing file: the path and the reason, with the cause attached', () => {
    const path = join(dir, 'no-such-event.json');
    let thrown: unknown;
    try {
      readGitContext({ GITHUB_EVENT_PATH: path });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(
      `Cannot read the event payload ${path}: ENOENT: no such file or directory, open '${path}'`,
    );
    expect(((thrown as Error).cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  test('a file that is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"pull_request": ');
    let thrown: unknown;
    try {
      readGitContext({ GITHUB_EVENT_PATH: path });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe(`The event payload ${path} is not valid JSON (it ends too early)`);
    writeFileSync(path, '{"pull_request": {"title": secret-title}}');
    expect(() => readGitContext({ GITHUB_EVENT_PATH: path })).toThrow(
      new Error(`The event payload ${path} is not valid JSON`),
    );
    writeFileSync(path, 'null');
    expect(() => readGitContext({ GITHUB_EVENT_PATH: path })).toThrow(
      new Error(`The event payload ${path} is not a JSON object`),
    );
  });

  test('a directory in place of the file', () => {
    expect(() => readGitContext({ GITHUB_EVENT_PATH: dir })).toThrow(
      `Cannot read the event payload ${dir}: EISDIR: illegal operation on a directory, read`,
    );
  });
});
