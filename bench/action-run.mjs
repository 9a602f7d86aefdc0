// What the wall-time benches share: running dist/ the way the runner does (the Node of
// action.yml, a fresh runner directory with an event, the output, state and summary files)
// and bare docker, timed, and the medians of the times.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionNode } from '../scripts/action-node.mjs';

export const root = resolve(import.meta.dirname, '..');
export const sha = '0123456789abcdef0123456789abcdef01234567';
/** The bundle to run: dist/, or SHIPSHAPE_DIST (another build, e.g. main's, for a comparison). */
export const dist = resolve(process.env.SHIPSHAPE_DIST ?? join(root, 'dist'));

/** Runs a command to its end; the wall time in seconds and its output. Throws if it fails. */
export function timed(command, args, env) {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

/**
 * `node dist/index.js` (or SHIPSHAPE_DIST's) on a push to main of acme/app, with these inputs (name: value, as in a
 * workflow's `with:`). Returns the time, the log and the GITHUB_OUTPUT file's text.
 */
export function runAction(inputs, { nodeArgs = [], env: extraEnv = {}, bundle = dist } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  for (const f of ['output', 'state', 'summary']) writeFileSync(join(dir, f), '');
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...extraEnv,
  };
  try {
    const run = timed(actionNode(), [...nodeArgs, join(bundle, 'index.js')], env);
    return { ...run, outputs: readFileSync(join(dir, 'output'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The OCI labels the action sets on that push, with a fresh `created` each run, as it has. */
export function actionLabels() {
  return {
    'org.opencontainers.image.created': new Date().toISOString(),
    'org.opencontainers.image.revision': sha,
    'org.opencontainers.image.source': 'https://github.com/acme/app',
    'org.opencontainers.image.title': 'app',
    'org.opencontainers.image.url': 'https://github.com/acme/app',
    'org.opencontainers.image.version': 'main',
  };
}

/** `docker buildx build` with these flags, and a metadata file and an iidfile, as the action asks for. */
export function runBareBuild(flags, context) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  try {
    return timed('docker', bareBuildArgs(flags, context, dir), process.env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function bareBuildArgs(flags, context, dir) {
  return [
    'buildx',
    'build',
    ...Object.entries(actionLabels()).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...flags,
    '--metadata-file',
    join(dir, 'metadata.json'),
    '--iidfile',
    join(dir, 'iid'),
    context,
  ];
}

/** Throws unless the action's logged buildx command has the same flags as the bare one. */
export function checkSameFlags(actionLog, bareArgs) {
  const flagsOf = (argv) => argv.filter((a) => a.startsWith('--') && a !== '--').sort();
  const logged = /\[command\]\S*docker (buildx build .*)$/m.exec(actionLog)?.[1].split(' ') ?? [];
  const [want, got] = [flagsOf(bareArgs), flagsOf(logged)];
  if (JSON.stringify(want) !== JSON.stringify(got)) {
    throw new Error(`the bench's bare flags ${want} differ from the action's ${got}`);
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const seconds = (xs) => xs.map((s) => s.toFixed(3)).join(' ');
