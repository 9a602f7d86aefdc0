#!/usr/bin/env node
// The action's own wall time on the push path: bare `docker buildx build --push` and the
// action (node dist/index.js on the Node of action.yml, as the runner runs it) pushing a fully
// cached build of examples/two-stage to the lab registry, in two configurations:
//   - reporting off: analyze-layers: false, advise: false, comment: never (manifests only);
//   - the default inputs (layers streamed, advice, the baseline: the tag before the push).
// The three run in turn, in a rotating order, `runs` rounds; prints each median and what the
// action adds to bare buildx as `+X s (xR)`. Needs the lab (npm run lab) and a built dist/;
// hold the lab lock while it runs:
//
//   flock /tmp/shipshape-lab.lock node bench/push-overhead.mjs [runs=11]
//   SHIPSHAPE_DIST=/tmp/dist-x ... (a private bundle instead of dist/)
//   SHIPSHAPE_BASELINE_DIST=/path/to/main/dist ... (another bundle, e.g. main's, timed in the
//     same rounds in both configurations: a change compared with what it changes, in one run)
//   SHIPSHAPE_BENCH_IMAGE=registry.shipshape.test:5443/bench/push-overhead ... (another lab
//     registry: this one is HTTPS with its CA in certs.d, where the TLS trust is built and used)
import { resolve } from 'node:path';
import { bareBuildArgs, checkSameFlags, median, runAction, runBareBuild, seconds } from './action-run.mjs';

const runs = Number(process.argv[2] ?? 11);
const image = process.env.SHIPSHAPE_BENCH_IMAGE || 'localhost:5000/bench/push-overhead';
const context = 'examples/two-stage';
// The lab has no bridge network: RUN steps need network none (the cache is keyed on it too).
const pushInputs = { context, images: image, network: 'none', push: 'true' };
const flags = ['--tag', `${image}:main`, '--network', 'none', '--push'];

// Reporting off is every report switched off: the size history (issue 16) came after this
// configuration was named and is reporting too.
const off = { ...pushInputs, 'analyze-layers': 'false', advise: 'false', comment: 'never', history: 'false' };
const configurations = {
  bare: { label: 'bare docker buildx build --push', run: () => runBareBuild(flags, context) },
  off: {
    label: 'shipshape, reporting off',
    target: 0.25,
    run: () => runAction(off),
  },
  default: { label: 'shipshape, default inputs', target: 0.4, run: () => runAction(pushInputs) },
};
const baselineDist = process.env.SHIPSHAPE_BASELINE_DIST && resolve(process.env.SHIPSHAPE_BASELINE_DIST);
if (baselineDist) {
  for (const [name, inputs] of [
    ['off', off],
    ['default', pushInputs],
  ]) {
    const { label, target } = configurations[name];
    configurations[`${name}@baseline`] = {
      label: label.replace('shipshape', 'baseline'),
      target,
      run: () => runAction(inputs, { bundle: baselineDist }),
    };
  }
}

// Each configuration must do what it is named for, or the figures compare other work.
function checkReport(configuration, { stdout, outputs }) {
  if (configuration === 'bare') return;
  const name = configuration.replace('@baseline', '');
  const report = /^size-report<<(.+)\n([\s\S]*?)\n\1$/m.exec(outputs);
  if (!report) throw new Error(`${name}: no size-report output\n${stdout}`);
  // Only the size report's own figures say whether layers were read (the history output
  // carries older records' uncompressed sizes).
  const layers = /"uncompressed":\s*\d/.test(report[2]);
  const advised = /^Size advice/m.test(stdout);
  if (name === 'off' && (layers || advised))
    throw new Error(`reporting off still analysed layers or advised\n${stdout}`);
  if (name === 'default' && !(layers && advised))
    throw new Error(`the default run did not analyse or advise\n${stdout}`);
}

// Warm up (the cache, the registry's blobs, a baseline tag), and check the flags and the work.
const warm = configurations.off.run();
checkSameFlags(warm.stdout, bareBuildArgs(flags, context, '/x'));
for (const [name, c] of Object.entries(configurations)) checkReport(name, c.run());

const names = Object.keys(configurations);
const times = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < runs; i++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length];
    const run = configurations[name].run();
    checkReport(name, run);
    times[name].push(run.seconds);
  }
}

const bare = median(times.bare);
console.log(`push of a fully cached build of ${context} to ${image}, ${runs} rounds, interleaved`);
if (baselineDist) console.log(`  (baseline: ${baselineDist})`);
console.log(
  `  ${configurations.bare.label.padEnd(32)} median ${bare.toFixed(3)} s  (${seconds(times.bare)})`,
);
for (const name of names.filter((n) => n !== 'bare')) {
  const { label, target } = configurations[name];
  const m = median(times[name]);
  const added = m - bare;
  const verdict = added <= target ? 'met' : 'missed';
  console.log(
    `  ${label.padEnd(32)} median ${m.toFixed(3)} s  ${added < 0 ? '-' : '+'}${Math.abs(added).toFixed(2)} s (${(m / bare).toFixed(2)}x)` +
      `  target <= +${target.toFixed(2)} s: ${verdict}  (${seconds(times[name])})`,
  );
}
if (baselineDist) {
  for (const name of ['off', 'default']) {
    const change = median(times[name]) - median(times[`${name}@baseline`]);
    console.log(
      `  ${configurations[name].label}: ${change < 0 ? '-' : '+'}${Math.abs(change).toFixed(3)} s against the baseline dist`,
    );
  }
}
