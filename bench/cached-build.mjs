#!/usr/bin/env node
// What the action costs on top of buildx: the action (node dist/index.js, as the runner runs
// it) and bare `docker buildx build` with the same flags, alternately, on a fully cached build
// of examples/two-stage. Prints both medians and their ratio. Needs the lab (npm run lab).
//
//   node bench/cached-build.mjs [runs=9]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionNode } from '../scripts/action-node.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 9);
const image = 'localhost:5000/bench/cached';
const sha = '0123456789abcdef0123456789abcdef01234567';

function timed(command, args, env) {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

function runAction() {
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
    INPUT_CONTEXT: 'examples/two-stage',
    INPUT_IMAGES: image,
    INPUT_NETWORK: 'none',
  };
  try {
    return timed(actionNode(), [join(root, 'dist/index.js')], env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The same flags the action passes for these inputs (checked against its log below), with a
// fresh `created` label each run, as the action has.
function bareArgs(dir) {
  const labels = {
    'org.opencontainers.image.created': new Date().toISOString(),
    'org.opencontainers.image.revision': sha,
    'org.opencontainers.image.source': 'https://github.com/acme/app',
    'org.opencontainers.image.title': 'app',
    'org.opencontainers.image.url': 'https://github.com/acme/app',
    'org.opencontainers.image.version': 'main',
  };
  return [
    'buildx',
    'build',
    ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    '--tag',
    `${image}:main`,
    '--network',
    'none',
    '--metadata-file',
    join(dir, 'metadata.json'),
    '--iidfile',
    join(dir, 'iid'),
    'examples/two-stage',
  ];
}

function runBare() {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  try {
    return timed('docker', bareArgs(dir), process.env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const flagsOf = (argv) => argv.filter((a) => a.startsWith('--')).sort();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm up both (fills the cache), and check that both run the same flags.
const warm = runAction();
const logged = /\[command\]\S*docker (buildx build .*)$/m.exec(warm.stdout)?.[1].split(' ') ?? [];
const expected = flagsOf(bareArgs('/x'));
if (JSON.stringify(flagsOf(logged)) !== JSON.stringify(expected)) {
  throw new Error(`the bench's bare flags ${expected} differ from the action's ${flagsOf(logged)}`);
}
runBare();

const action = [];
const bare = [];
for (let i = 0; i < runs; i++) {
  action.push(runAction().seconds);
  bare.push(runBare().seconds);
}
const a = median(action);
const b = median(bare);
console.log(`cached build of examples/two-stage, ${runs} runs each, alternating`);
console.log(
  `  bare docker buildx build: median ${b.toFixed(3)} s  (${bare.map((s) => s.toFixed(3)).join(' ')})`,
);
console.log(
  `  shipshape (node dist/):   median ${a.toFixed(3)} s  (${action.map((s) => s.toFixed(3)).join(' ')})`,
);
console.log(`  ratio ${(a / b).toFixed(3)}, added ${(a - b).toFixed(3)} s (goal: at most 0.150 s)`);
