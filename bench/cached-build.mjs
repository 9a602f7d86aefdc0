#!/usr/bin/env node
// What the action costs on top of buildx: the action (node dist/index.js, as the runner runs
// it) and bare `docker buildx build` with the same flags, alternately, on a fully cached build
// of examples/two-stage. Prints both medians and their ratio. Needs the lab (npm run lab).
//
//   node bench/cached-build.mjs [runs=9]
import { bareBuildArgs, checkSameFlags, median, runAction, runBareBuild, seconds } from './action-run.mjs';

const runs = Number(process.argv[2] ?? 9);
const image = 'localhost:5000/bench/cached';
const context = 'examples/two-stage';
const inputs = { context, images: image, network: 'none' };
// The flags the action passes for these inputs (checked against its log below).
const flags = ['--tag', `${image}:main`, '--network', 'none'];

// Warm up both (fills the cache), and check that both run the same flags.
checkSameFlags(runAction(inputs).stdout, bareBuildArgs(flags, context, '/x'));
runBareBuild(flags, context);

const action = [];
const bare = [];
for (let i = 0; i < runs; i++) {
  action.push(runAction(inputs).seconds);
  bare.push(runBareBuild(flags, context).seconds);
}
const a = median(action);
const b = median(bare);
console.log(`cached build of ${context}, ${runs} runs each, alternating`);
console.log(`  bare docker buildx build: median ${b.toFixed(3)} s  (${seconds(bare)})`);
console.log(`  shipshape (node dist/):   median ${a.toFixed(3)} s  (${seconds(action)})`);
console.log(`  ratio ${(a / b).toFixed(3)}, added ${(a - b).toFixed(3)} s (goal: at most 0.150 s)`);
