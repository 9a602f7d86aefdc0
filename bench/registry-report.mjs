#!/usr/bin/env node
// The compressed-size report of a ~100 MB image straight from the registry against what a user
// does without shipshape: `docker pull` + `docker image inspect`. Two shipshape figures:
//  - in process: the report step as the main action runs it after a push (Node already up);
//  - the report action from a cold start (node dist/report/index.js, as the runner runs it).
// Alternating runs; prints medians and ratios. Needs the lab (npm run lab) and a built dist/.
//
//   node bench/registry-report.mjs [runs=5]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionNode } from '../scripts/action-node.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const image = 'localhost:5000/bench/hundred-mb:1';

function run(command, args, options = {}) {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

// The image: four layers of random (incompressible) bytes, 25 MB each, pushed once.
function ensureImage() {
  const probe = spawnSync('docker', ['buildx', 'imagetools', 'inspect', image], { encoding: 'utf8' });
  if (probe.status === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  const lines = ['FROM localhost:5000/lab/busybox:amd64'];
  for (let i = 0; i < 4; i++) lines.push(`RUN dd if=/dev/urandom of=/blob${i} bs=1M count=25 2>/dev/null`);
  writeFileSync(join(dir, 'Dockerfile'), lines.join('\n') + '\n');
  run('docker', ['buildx', 'build', '--network', 'none', '--provenance=false', '--push', '-t', image, dir]);
  rmSync(dir, { recursive: true, force: true });
}

function reportAction() {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  writeFileSync(join(dir, 'output'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: join(dir, 'output'),
    RUNNER_TEMP: dir,
    INPUT_IMAGE: image,
    'INPUT_ANALYZE-LAYERS': 'false',
  };
  try {
    return run(actionNode(), [join(root, 'dist/report/index.js')], { env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pullAndInspect() {
  spawnSync('docker', ['image', 'rm', '-f', image], { stdio: 'ignore' });
  spawnSync('docker', ['builder', 'prune', '-af'], { stdio: 'ignore' });
  const pull = run('docker', ['pull', '-q', image]);
  const inspect = run('docker', ['image', 'inspect', '--format', '{{.Size}}', image]);
  return { seconds: pull.seconds + inspect.seconds, size: Number(inspect.stdout.trim()) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The measuring step itself, bundled from src/ as dist/ is.
const bundle = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
execFileSync('npx', ['ncc', 'build', 'src/steps/measure.ts', '-o', bundle, '-q'], { cwd: root });
const { measureAgainstBaseline } = await import(join(bundle, 'index.js'));
async function inProcess() {
  const start = performance.now();
  await measureAgainstBaseline(image, undefined, {
    platforms: [],
    analyzeLayers: false,
    insecureRegistries: [],
    env: process.env,
    onSecret: () => {},
    log: () => {},
  });
  return (performance.now() - start) / 1000;
}

ensureImage();
await inProcess();
const first = reportAction();
const compressed = /linux\/amd64\s+(\S+ \S+)/.exec(first.stdout)?.[1];
const shipshape = [];
const warm = [];
const docker = [];
let dockerSize = 0;
for (let i = 0; i < runs; i++) {
  warm.push(await inProcess());
  shipshape.push(reportAction().seconds);
  const d = pullAndInspect();
  docker.push(d.seconds);
  dockerSize = d.size;
}
spawnSync('docker', ['image', 'rm', '-f', image], { stdio: 'ignore' });
rmSync(bundle, { recursive: true, force: true });
const a = median(shipshape);
const w = median(warm);
const b = median(docker);
console.log(
  `compressed-size report of ${image} (${compressed} compressed; docker says ${(dockerSize / 1e6).toFixed(1)} MB), ${runs} runs each`,
);
console.log(
  `  docker pull + image inspect:   median ${b.toFixed(3)} s  (${docker.map((s) => s.toFixed(3)).join(' ')})`,
);
console.log(
  `  shipshape, in process:         median ${w.toFixed(3)} s  (${warm.map((s) => s.toFixed(3)).join(' ')})`,
);
console.log(
  `  shipshape report, cold start:  median ${a.toFixed(3)} s  (${shipshape.map((s) => s.toFixed(3)).join(' ')})`,
);
console.log(
  `  in process ${(b / w).toFixed(1)}x faster, cold start ${(b / a).toFixed(1)}x faster (goal: at least 20x)`,
);
