#!/usr/bin/env node
// What `cache: registry` saves on a runner that starts with an empty build cache: the action
// (node dist/index.js, as the runner runs it) building a Dockerfile whose RUN steps burn CPU,
// first cold (nothing to import; it exports <image>:buildcache), then after the engine's build
// cache is cleared, importing that cache. Both push, with the same inputs. Prints both medians
// and their ratio. Needs the lab (npm run lab). Clears the engine's build cache (buildx prune).
//
//   node bench/registry-cache.mjs [runs=3] [loops=800000]
//   SHIPSHAPE_DIST=/tmp/dist-x node bench/registry-cache.mjs   (a private bundle instead of dist/)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionNode } from '../scripts/action-node.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.env.SHIPSHAPE_DIST ?? join(root, 'dist'));
const runs = Number(process.argv[2] ?? 3);
const loops = Number(process.argv[3] ?? 800_000);
const image = 'localhost:5000/bench/registry-cache';
const steps = 3;

function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

// A nonce per round: no earlier round's cache can serve this one's cold build.
function freshContext() {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-cache-'));
  const nonce = randomUUID();
  const lines = ['FROM localhost:5000/lab/busybox:latest'];
  for (let step = 1; step <= steps; step++) {
    lines.push(
      `RUN echo ${nonce}-${step} > /step${step} && i=0; while [ $i -lt ${loops} ]; do i=$((i+1)); done; echo $i >> /step${step}`,
    );
  }
  writeFileSync(join(dir, 'Dockerfile'), lines.join('\n') + '\n');
  return dir;
}

// The containerd image store would otherwise serve the built layers: remove the image too.
function clearBuildCache() {
  run('docker', ['buildx', 'prune', '-af']);
  spawnSync('docker', ['image', 'rm', '-f', `${image}:main`], { stdio: 'ignore' });
}

function timedAction(context) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  for (const f of ['output', 'state', 'summary']) writeFileSync(join(dir, f), '');
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: context, // a context must lie in the workspace (or RUNNER_TEMP)
    INPUT_CONTEXT: context,
    INPUT_IMAGES: image,
    INPUT_PUSH: 'true',
    INPUT_CACHE: 'registry',
    INPUT_NETWORK: 'none',
    'INPUT_ANALYZE-LAYERS': 'false',
  };
  try {
    const start = performance.now();
    const r = run(actionNode(), [join(dist, 'index.js')], env);
    const seconds = (performance.now() - start) / 1000;
    const log = r.stdout + r.stderr;
    const cached = (log.match(/^#\d+ CACHED$/gm) ?? []).length;
    return { seconds, log, cached };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const context = freshContext();
  clearBuildCache();
  const first = timedAction(context);
  clearBuildCache();
  const second = timedAction(context);
  // The second build must have imported the cache, with every RUN step served from it.
  if (!second.log.includes(`importing cache manifest from ${image}:buildcache`)) {
    throw new Error(`round ${i + 1}: the second build did not import the cache:\n${second.log}`);
  }
  if (second.cached < steps) {
    writeFileSync(join(tmpdir(), 'registry-cache-first.log'), first.log);
    throw new Error(
      `round ${i + 1}: only ${second.cached} step(s) CACHED, expected ${steps} RUN steps:\n${second.log}`,
    );
  }
  cold.push(first.seconds);
  warm.push(second.seconds);
  rmSync(context, { recursive: true, force: true });
}
const c = median(cold);
const w = median(warm);
console.log(
  `registry cache: ${steps} RUN steps of ${loops} shell loops each, ${runs} rounds (cold, then after a prune)`,
);
console.log(
  `  cold build (exports the cache):      median ${c.toFixed(2)} s  (${cold.map((s) => s.toFixed(2)).join(' ')})`,
);
console.log(
  `  after prune (imports the cache):     median ${w.toFixed(2)} s  (${warm.map((s) => s.toFixed(2)).join(' ')})`,
);
console.log(`  ratio ${(c / w).toFixed(2)}x faster, ${(c - w).toFixed(2)} s saved`);
