#!/usr/bin/env node
// What the size history (docs/history.md) costs a push to main: the action pushes a cached build
// of examples/two-stage to the lab, reporting manifests only (analyze-layers: false, advise:
// false), `runs` times with history: true and `runs` times with history: false, alternating.
// From the step-debug log of the history runs it takes, per run:
//   - the read: its time (the step's own "read in X s") and its registry requests (between the
//     "decision: size history" line and the read's info line);
//   - the write (an append after the push): its time ("in X s"), its requests and the settle wait;
// and prints their medians, with the median wall time of the two configurations and the
// difference. Needs the lab (npm run lab) and a built dist/; hold the lab lock while it runs:
//
//   flock /tmp/shipshape-lab.lock node bench/history-cost.mjs [runs=7]
import { median, runAction } from './action-run.mjs';

const runs = Number(process.argv[2] ?? 7);
const image = `localhost:5000/bench/history-cost-${Date.now().toString(36)}`;
const inputs = {
  context: 'examples/two-stage',
  images: image,
  network: 'none',
  push: 'true',
  'analyze-layers': 'false',
  advise: 'false',
  comment: 'never',
};
const env = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

function costs(stdout) {
  const lines = stdout.split('\n');
  const at = (test) => lines.findIndex(test);
  const decided = at((l) => l.includes('decision: size history'));
  const readLine = at((l) => /^Size history: \d+ record\(s\) in .* \(read in [\d.]+ s\)/.test(l));
  const appending = at((l) => l.includes('history: appending this push'));
  const written = at((l) => /^Size history: \d+ record\(s\) written to /.test(l));
  if ([decided, readLine, appending, written].includes(-1))
    throw new Error(`no history read and write in:\n${stdout}`);
  const requests = (from, to) => lines.slice(from, to).filter((l) => /^::debug::registry: /.test(l)).length;
  const write = /in ([\d.]+) s, (\d+) attempts?, (\d+) ms settle/.exec(lines[written]);
  return {
    read: Number(/read in ([\d.]+) s/.exec(lines[readLine])[1]),
    readRequests: requests(decided, readLine),
    write: Number(write[1]),
    writeRequests: requests(appending, written),
    attempts: Number(write[2]),
    settle: Number(write[3]),
  };
}

// Warm up: the build cache, the registry's blobs, a first history record.
runAction({ ...inputs, history: 'true' }, { env });
runAction({ ...inputs, history: 'false' }, { env });

const wall = { true: [], false: [] };
const seen = [];
for (let i = 0; i < runs; i++) {
  for (const history of i % 2 ? ['false', 'true'] : ['true', 'false']) {
    const run = runAction({ ...inputs, history }, { env });
    wall[history].push(run.seconds);
    if (history === 'true') seen.push(costs(run.stdout));
    else if (/Size history/.test(run.stdout))
      throw new Error(`history: false still touched the history:\n${run.stdout}`);
  }
}

const m = (key) => median(seen.map((s) => s[key]));
const s = (x) => `${x.toFixed(2)} s`;
console.log(`history-cost: ${runs} runs each, ${image}`);
console.log(`  read:  ${s(m('read'))}, ${m('readRequests')} registry requests (median)`);
console.log(
  `  write: ${s(m('write'))}, ${m('writeRequests')} registry requests, ${m('attempts')} attempt(s), ` +
    `${m('settle')} ms settle wait (median)`,
);
console.log(
  `  whole run: history true ${s(median(wall.true))}, false ${s(median(wall.false))}: ` +
    `${median(wall.true) - median(wall.false) >= 0 ? '+' : ''}${s(median(wall.true) - median(wall.false))}`,
);
