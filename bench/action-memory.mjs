#!/usr/bin/env node
// Peak RSS of the whole action (node dist/index.js on the Node of action.yml, as the runner runs
// it) measuring a pushed image of one 1 GB layer of ~100,000 files against a baseline of the same
// shape: both layers streamed from the lab registry, scanned at once, merged, path-deltaed,
// advised on (issue 14's goal: under 200 MB). The baseline is pushed with bare buildx; the action
// builds the other context, pushes it and compares it with `compare-to`. The first run builds and
// pushes; later ones are fully cached, so they time the reading alone. Needs the lab and a built
// dist/; hold the lab lock while it runs:
//
//   flock /tmp/shipshape-lab.lock node bench/action-memory.mjs [runs=3] [MB=1000]
//   SHIPSHAPE_BASELINE_DIST=/path/to/other/dist ... (another bundle in the same rounds)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dist, median, runAction } from './action-run.mjs';
import { prng } from './prng.mjs';

const runs = Number(process.argv[2] ?? 3);
const targetBytes = Number(process.argv[3] ?? 1000) * 1e6;
const repository = 'localhost:5000/bench/action-memory';
const work = mkdtempSync(join(tmpdir(), 'shipshape-action-memory-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/**
 * A context of `FROM scratch` + `COPY data /data`: ~10 kB a file on average (90% of 0.25-4 kB,
 * the rest 8-148 kB), a tenth of them incompressible. Returns what was written.
 */
function generateContext(dir, seed) {
  const random = prng(seed);
  const words = ['lorem', 'ipsum', 'import', 'export', 'function', 'return', 'usr/lib', 'error', '\n', '{'];
  const text = Buffer.alloc(8e6);
  let at = 0;
  while (at < text.length - 16) {
    const word =
      random() < 0.2 ? String(Math.floor(random() * 1e6)) : words[Math.floor(random() * words.length)];
    at += text.write(`${word} `, at, 'latin1');
  }
  const bytes = Buffer.alloc(32e6);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(Math.floor(random() * 4294967296), i);
  let total = 0;
  let files = 0;
  for (let d = 0; total < targetBytes; d++) {
    const sub = join(dir, 'data', `package-${d % 97}`, `module-${d}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < 100 && total < targetBytes; f++) {
      const compressible = random() >= 0.1;
      const size = random() < 0.9 ? 256 + Math.floor(random() * 4000) : 8192 + Math.floor(random() * 140_000);
      const pool = compressible ? text : bytes;
      const from = Math.floor(random() * (pool.length - size));
      writeFileSync(join(sub, `file-${f}.${compressible ? 'txt' : 'bin'}`), pool.subarray(from, from + size));
      total += size;
      files++;
    }
  }
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY data /data\n');
  return { files, bytes: total };
}

// The peak RSS of the action's own process, written as it exits.
const hook = join(work, 'peak-rss.mjs');
writeFileSync(
  hook,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
`,
);

const workspace = join(work, 'workspace');
let start = performance.now();
const baseline = generateContext(join(workspace, 'baseline'), 3);
const head = generateContext(join(workspace, 'head'), 4);
console.log(
  `contexts: baseline ${baseline.files} files, ${(baseline.bytes / 1e6).toFixed(1)} MB; ` +
    `new ${head.files} files, ${(head.bytes / 1e6).toFixed(1)} MB; written in ${((performance.now() - start) / 1000).toFixed(1)} s`,
);
start = performance.now();
const pushed = spawnSync(
  'docker',
  ['buildx', 'build', '--push', '--network', 'none', '-t', `${repository}:base`, join(workspace, 'baseline')],
  { encoding: 'utf8' },
);
if (pushed.status !== 0) throw new Error(`the baseline push failed:\n${pushed.stderr}`);
console.log(`baseline pushed by bare buildx in ${((performance.now() - start) / 1000).toFixed(1)} s`);

const inputs = {
  context: join(workspace, 'head'),
  images: repository,
  network: 'none',
  push: 'true',
  'compare-to': `${repository}:base`,
};
const bundles = { shipshape: dist };
if (process.env.SHIPSHAPE_BASELINE_DIST) bundles.baseline = resolve(process.env.SHIPSHAPE_BASELINE_DIST);
const results = Object.fromEntries(Object.keys(bundles).map((name) => [name, []]));

for (let round = 0; round < runs; round++) {
  for (const [name, bundle] of Object.entries(bundles)) {
    const peakFile = join(work, 'peak');
    const run = runAction(inputs, {
      bundle,
      nodeArgs: ['--import', hook],
      env: { GITHUB_WORKSPACE: workspace, PEAK_RSS_FILE: peakFile },
    });
    const peakMB = Number(readFileSync(peakFile, 'utf8')) / 1024;
    const report = /^size-report<<(.+)\n([\s\S]*?)\n\1$/m.exec(run.outputs);
    if (!report) throw new Error(`${name}: no size-report output\n${run.stdout}`);
    const platform = JSON.parse(report[2]).platforms[0];
    // The figures must be the generated ones, or the run measured something else.
    const files = platform.layers.reduce((sum, layer) => sum + layer.files, 0);
    if (platform.uncompressed !== head.bytes || files !== head.files) {
      throw new Error(
        `${name}: the report says ${platform.uncompressed} bytes in ${files} files; the context has ${head.bytes} in ${head.files}`,
      );
    }
    const first = Object.values(results).every((list) => list.length === 0);
    results[name].push({ peakMB, seconds: run.seconds, cached: !first });
    console.log(
      `  round ${round + 1} ${name}: peak RSS ${peakMB.toFixed(0)} MB, ${run.seconds.toFixed(1)} s${first ? ' (built and pushed)' : ''}`,
    );
  }
}
for (const [name, list] of Object.entries(results)) {
  const peaks = list.map((r) => r.peakMB);
  const cached = list.filter((r) => r.cached).map((r) => r.seconds);
  console.log(
    `${name}: peak RSS median ${median(peaks).toFixed(0)} MB, highest ${Math.max(...peaks).toFixed(0)} MB ` +
      `(goal < 200 MB)` +
      (cached.length > 0 ? `; cached runs median ${median(cached).toFixed(1)} s` : ''),
  );
}
