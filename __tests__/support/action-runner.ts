/**
 * Runs dist/ the way the Actions runner does: `node dist/<action>.js` on the Node that action.yml
 * declares (scripts/action-node.mjs), with INPUT_* variables (upper-cased, hyphens kept), an event
 * payload file, and GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files read back afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionNode } from '../../scripts/action-node.mjs';

export const repoRoot = resolve(import.meta.dirname ?? '.', '..', '..');

/**
 * Where the bundles are: dist/, or SHIPSHAPE_DIST (a private build, so that several checkouts'
 * test runs do not rebuild one dist/ under each other).
 */
const distDir = process.env.SHIPSHAPE_DIST ? resolve(process.env.SHIPSHAPE_DIST) : join(repoRoot, 'dist');

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The variables the step exported for the later steps (GITHUB_ENV). */
  exported: Record<string, string>;
  summary: string;
  /**
   * Every string the step left anywhere a user can see it, for leak checks: the `::add-mask::`
   * commands are left out, since the runner never shows them (they are how secrets get hidden).
   */
  everything: string;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** GITHUB_EVENT_NAME, GITHUB_REF, ... */
  env: Record<string, string>;
  payload?: unknown;
  cwd?: string;
  script?: string;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-run-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.cwd ?? repoRoot,
    RUNNER_TEMP: dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '4242',
    // No progress lines unless a test asks (SHIPSHAPE_PROGRESS_INTERVAL_MS in its env): a slow
    // read on a busy machine would otherwise add lines that the tests' logs do not expect.
    SHIPSHAPE_PROGRESS_INTERVAL_MS: '0',
    ...files,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const script = (options.script ?? 'dist/index.js').replace(/^dist\//, '');
  const child = spawn(actionNode(), [join(distDir, script)], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  const rawOutputs = readFileSync(files.GITHUB_OUTPUT, 'utf8');
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const rawEnv = readFileSync(files.GITHUB_ENV, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(rawOutputs),
    exported: parseOutputFile(rawEnv),
    summary,
    everything: [stdout, stderr, rawOutputs, rawEnv, summary, readFileSync(files.GITHUB_STATE, 'utf8')]
      .join('\n')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
  };
}

/** Reads the runner's `name<<DELIMITER` file format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    outputs[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** The env and payload of a push of tag `tag` to acme/app, as the runner gives them. */
export function tagPush(tag: string, sha = 'f00dfeedcafe0123456789abcdef0123456789ab') {
  return {
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/tags/${tag}`, GITHUB_SHA: sha },
    payload: { ref: `refs/tags/${tag}`, repository: { full_name: 'acme/app', default_branch: 'main' } },
  };
}

/** The head commit `pullRequestEvent` gives a pull request. */
export const PR_HEAD_SHA = 'cccccccccccccccccccccccccccccccccccccccc';

/**
 * The env and payload of a `pull_request` event for PR `number` of acme/shop (from branch
 * `grow`, or a fork's), with the GitHub API at `apiUrl` (the stand-in), as the runner gives them.
 */
export function pullRequestEvent(number: number, apiUrl: string, fork = false) {
  return {
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_SHA: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_BASE_REF: 'main',
      GITHUB_API_URL: apiUrl,
    },
    payload: {
      number,
      pull_request: {
        number,
        base: { ref: 'main', repo: { full_name: 'acme/shop' } },
        head: { ref: 'grow', sha: PR_HEAD_SHA, repo: { full_name: fork ? 'someone/shop' : 'acme/shop' } },
      },
      repository: { full_name: 'acme/shop', default_branch: 'main' },
    },
  };
}
