/**
 * The release workflow: what it runs before it writes, and its two writing steps against real
 * git repositories made here. The tag step is taken from release.yml as it is and run as the
 * runner would (bash, TAG in its env) in a clone of a local bare repository, the "origin".
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  uses?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
}
const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  on: Record<string, { types: string[] }>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const ci = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { on: Record<string, unknown> };

const stepNamed = (name: string) =>
  Object.values(release.jobs)
    .flatMap((job) => job.steps ?? [])
    .find((step) => step.name === name)!;

describe('release.yml', () => {
  test('runs on a published release only', () => {
    expect(release.on).toEqual({ release: { types: ['published'] } });
  });

  test("runs ci.yml's checks (dist/ fresh, lint, unit and end-to-end tests) before the job that writes", () => {
    expect(ci.on).toHaveProperty('workflow_call');
    const checks = Object.entries(release.jobs).find(([, job]) => job.uses === './.github/workflows/ci.yml');
    expect(checks).toBeDefined();
    const writers = Object.entries(release.jobs).filter(([, job]) => job.permissions?.contents === 'write');
    expect(writers).toHaveLength(1);
    expect([writers[0][1].needs].flat()).toContain(checks![0]);
    expect(release.permissions).toEqual({ contents: 'read' });
  });

  test('moves no tag for a pre-release', () => {
    const writer = Object.values(release.jobs).find((job) => job.permissions?.contents === 'write')!;
    expect(writer.if).toContain('!github.event.release.prerelease');
  });

  test('takes the tag from the release event, as data', () => {
    for (const name of ['Move the major and minor tags', 'Release notes from the commit messages'])
      expect(stepNamed(name).env?.TAG).toBe('${{ github.event.release.tag_name }}');
  });
});

// --- git repositories for the two steps ---

let work: string;
let origin: string;
let maintainer: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'init.defaultBranch=main', ...args],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).trim();

/** A commit on the maintainer's clone, pushed; its full hash. */
function commit(subject: string): string {
  writeFileSync(join(maintainer, 'log.txt'), `${subject}\n`, { flag: 'a' });
  git(maintainer, 'add', '-A');
  git(maintainer, 'commit', '-q', '-m', subject);
  git(maintainer, 'push', '-q', 'origin', 'HEAD');
  return git(maintainer, 'rev-parse', 'HEAD');
}

/** An annotated release tag on HEAD, pushed, as publishing a GitHub release creates it. */
function tag(name: string): void {
  git(maintainer, 'tag', '-a', name, '-m', name);
  git(maintainer, 'push', '-q', 'origin', `refs/tags/${name}`);
}

/** What the origin's tag names, as a commit, or undefined. */
function originTag(name: string): string | undefined {
  const out = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`], {
    cwd: origin,
    encoding: 'utf8',
  });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

const originTags = () => git(origin, 'for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/tags');

/** The workflow's step, in a fresh clone of the origin at `tagName` (what actions/checkout gives it). */
function runStep(name: string, tagName: string): { status: number; output: string } {
  const runner = mkdtempSync(join(work, 'runner-'));
  git(work, 'clone', '-q', origin, runner);
  git(runner, 'checkout', '-q', tagName);
  const out = spawnSync('bash', ['-e', '-c', stepNamed(name).run!], {
    cwd: runner,
    env: { PATH: process.env.PATH, HOME: work, TAG: tagName },
    encoding: 'utf8',
  });
  return { status: out.status ?? -1, output: out.stdout + out.stderr };
}
const moveTags = (tagName: string) => runStep('Move the major and minor tags', tagName);

const notes = (tagName: string, body?: string) => {
  const args = [join(maintainer, 'scripts/release-notes.sh'), tagName];
  if (body !== undefined) {
    writeFileSync(join(work, 'body.md'), body);
    args.push(join(work, 'body.md'));
  }
  return execFileSync('bash', args, { cwd: maintainer, encoding: 'utf8' });
};
const short = (hash: string) => hash.slice(0, 7);

let a: string; // v1.0.0
let b: string; // v1.1.0
let c: string; // v1.0.1, a fix on the 1.0 line after 1.1.0
let d: string; // v2.0.0

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipshape-release-'));
  origin = join(work, 'origin.git');
  maintainer = join(work, 'maintainer');
  git(work, 'init', '-q', '--bare', origin);
  git(work, 'clone', '-q', origin, maintainer);
  mkdirSync(join(maintainer, 'scripts'));
  for (const script of ['move-major-tags.sh', 'release-notes.sh'])
    copyFileSync(join('scripts', script), join(maintainer, 'scripts', script));
  a = commit('First release');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the tag step, against a bare repository', () => {
  test('the first release: v1 and v1.0 name its commit', () => {
    tag('v1.0.0');
    const run = moveTags('v1.0.0');
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain(`v1 -> v1.0.0 (${short(a)})`);
    expect([originTag('v1'), originTag('v1.0')]).toEqual([a, a]);
  });

  test('a minor release: v1 moves, v1.1 appears, v1.0 stays', () => {
    commit('Add a feature');
    b = commit('Document the feature');
    tag('v1.1.0');
    expect(moveTags('v1.1.0')).toMatchObject({ status: 0 });
    expect([originTag('v1'), originTag('v1.1'), originTag('v1.0')]).toEqual([b, b, a]);
  });

  test('a fix released for the older minor: only v1.0 moves, v1 stays on the newer release', () => {
    git(maintainer, 'checkout', '-q', '-b', 'release-1.0', 'v1.0.0');
    c = commit('Fix a crash on empty input');
    tag('v1.0.1');
    const run = moveTags('v1.0.1');
    expect(run).toMatchObject({ status: 0 });
    expect(run.output).toContain(`v1 stays at ${short(b)}: v1.1.0 is newer than v1.0.1`);
    expect([originTag('v1'), originTag('v1.0'), originTag('v1.1')]).toEqual([b, c, b]);
    git(maintainer, 'checkout', '-q', 'main');
  });

  test('a new major: v2 and v2.0, v1 untouched; run again, nothing is pushed', () => {
    d = commit('Drop the old input names');
    tag('v2.0.0');
    expect(moveTags('v2.0.0')).toMatchObject({ status: 0 });
    expect([originTag('v2'), originTag('v2.0'), originTag('v1')]).toEqual([d, d, b]);
    const before = originTags();
    const again = moveTags('v2.0.0');
    expect(again).toMatchObject({ status: 0 });
    expect(again.output).toContain('v2 is at v2.0.0 already');
    expect(originTags()).toBe(before);
  });

  test.each(['v2.1', '2.1.0', 'v2.1.0-rc.1', 'v02.1.0'])('%s: not a release tag, nothing moves', (name) => {
    git(maintainer, 'tag', name);
    git(maintainer, 'push', '-q', 'origin', `refs/tags/${name}`);
    const before = originTags();
    const run = moveTags(name);
    expect(run.status).toBe(1);
    expect(run.output).toContain(`'${name}' is not a release tag vX.Y.Z`);
    expect(originTags()).toBe(before);
  });

  test('a tag the remote does not have: an error naming it', () => {
    const runner = mkdtempSync(join(work, 'runner-'));
    git(work, 'clone', '-q', origin, runner);
    const out = spawnSync('bash', ['scripts/move-major-tags.sh', 'v9.9.9'], {
      cwd: runner,
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('origin has no tag v9.9.9');
  });
});

describe('the release notes, from the commit messages', () => {
  test('the author’s notes, then every commit since the previous release, oldest first', () => {
    const log = git(maintainer, 'log', '--format=%h', 'v1.0.0..v1.1.0').split('\n').reverse();
    expect(notes('v1.1.0', 'Faster reports.\n')).toBe(
      'Faster reports.\n\n## Changes since v1.0.0\n\n' +
        `- Add a feature (${log[0]})\n- Document the feature (${log[1]})\n`,
    );
  });

  test('a fix on an older line: since the release before it in version order', () => {
    expect(notes('v1.0.1')).toBe(`## Changes since v1.0.0\n\n- Fix a crash on empty input (${short(c)})\n`);
  });

  test('a new major: since the newest release among its ancestors, not a fix on an older line', () => {
    expect(notes('v2.0.0')).toBe(`## Changes since v1.1.0\n\n- Drop the old input names (${short(d)})\n`);
  });

  test('the first release: every commit', () => {
    expect(notes('v1.0.0')).toBe(`## Changes\n\n- First release (${short(a)})\n`);
  });

  test('notes that have the section already (a re-run): unchanged', () => {
    const done = `Faster.\n\n## Changes since v1.1.0\n\n- Drop the old input names (${short(d)})\n`;
    expect(notes('v2.0.0', done)).toBe(done);
  });

  test('merge commits are left out: their branches’ commits speak', () => {
    git(maintainer, 'checkout', '-q', '-b', 'topic');
    const topic = commit('Explain the budget');
    git(maintainer, 'checkout', '-q', 'main');
    git(maintainer, 'merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic');
    git(maintainer, 'push', '-q', 'origin', 'HEAD');
    tag('v2.0.1');
    expect(notes('v2.0.1')).toBe(`## Changes since v2.0.0\n\n- Explain the budget (${short(topic)})\n`);
  });
});
