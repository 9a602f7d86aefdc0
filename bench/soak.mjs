#!/usr/bin/env node
// Soak: the report action (measure mode, layers analysed) run N times against the lab registry
// through a fault proxy that breaks ~10% of requests at random with every kind of fault the e2e
// tests inject one by one (support/fault-proxy.ts), posting its sticky comment to the GitHub
// stand-in through a second proxy with ~10% random faults of its own. The runs go in pairs: two
// concurrent writers of the same comment key on one PR, with the comment list answered late; each
// PR gets two pairs, the first finding no comment (both may post, and must converge on one), the
// second updating it. Each run must end with the figures of a fault-free run; or without the
// baseline when its faults left it unread (the baseline policy: the image's own figures, the report
// saying why, one warning naming the baseline); or with a clear error (exit 1, an error naming the
// image, no size report). A comment must never hold other figures than one of those runs', and
// each PR must end with exactly one comment. Needs
// the lab (npm run lab) and a built bundle (dist/, or SHIPSHAPE_DIST).
//
//   node bench/soak.mjs [runs=200] [faultRate=0.1] [seed]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { actionNode } from '../scripts/action-node.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = process.env.SHIPSHAPE_DIST ? resolve(process.env.SHIPSHAPE_DIST) : join(root, 'dist');
const runs = Number(process.argv[2] ?? 200);
const faultRate = Number(process.argv[3] ?? 0.1);
const random = seeded(Number(process.argv[4] ?? Date.now() % 1_000_000));
const TIMEOUT_MS = 1500;
// Two pairs of writers per PR: the first creates the comment, the second updates it.
const PRS = Array.from({ length: Math.ceil(runs / 4) }, (_, i) => i + 1);
// Comment lists answered this late (under the GitHub timeout): the two writers of a pair, started
// together, then often both find no comment and both post.
const LIST_DELAY_MS = 1000;

// The test support is TypeScript: transpiled under node_modules/.cache so that its imports
// (ajv, @octokit/openapi) resolve from the project's node_modules.
async function importSupport(entry) {
  const outDir = join(root, 'node_modules', '.cache', 'shipshape-soak');
  const pending = [join(root, entry)];
  const done = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(resolve(dirname(file), `${specifier}.ts`));
    }
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
  return import(pathToFileURL(join(outDir, entry.replace(/\.ts$/, '.js'))).href);
}

// A small deterministic PRNG (mulberry32), so that a soak can be replayed with its seed.
function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.seed = seed;
  return next;
}

const pick = (items) => items[Math.floor(random() * items.length)];

function docker(args) {
  return new Promise((done, fail) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`docker ${args.join(' ')}: ${stderr}`)),
    );
  });
}

// The image of the fault tests: busybox + 2 MiB of random bytes + a text file; its baseline
// without the random bytes.
async function pushImages(repository) {
  const work = mkdtempSync(join(tmpdir(), 'shipshape-soak-'));
  for (const [tag, files] of [
    ['1', ['payload.bin', 'notes.txt']],
    ['base', ['notes.txt']],
  ]) {
    const context = join(work, tag);
    mkdirSync(context);
    writeFileSync(join(context, 'payload.bin'), randomBytes(2 * 1024 * 1024));
    writeFileSync(join(context, 'notes.txt'), 'shipshape soak\n'.repeat(200));
    const lines = ['FROM localhost:5000/lab/busybox:amd64', ...files.map((f) => `COPY ${f} /data/${f}`)];
    writeFileSync(join(context, 'Dockerfile'), lines.join('\n') + '\n');
    await docker([
      'buildx',
      'build',
      '--network',
      'none',
      '--platform',
      'linux/amd64',
      '--push',
      '-t',
      `localhost:5000/${repository}:${tag}`,
      context,
    ]);
  }
  rmSync(work, { recursive: true, force: true });
}

/** The report action as the runner runs it (support/action-runner.ts, in plain JS). */
function runReport(inputs, env) {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-soak-run-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, '{}');
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    ...files,
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((done) => {
    const child = spawn(actionNode(), [join(dist, 'report', 'index.js')], {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    child.on('close', (code) => {
      const outputs = parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
      rmSync(dir, { recursive: true, force: true });
      done({ exitCode: code, stdout, outputs });
    });
  });
}

function parseOutputs(text) {
  const outputs = {};
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

const commandLines = (run, command) =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${command}`))
    .map((l) =>
      l
        .slice(l.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    );

// 5.5 MB of valid manifest JSON: the 4 MiB limit, not the parser, must stop it.
const OVERSIZED = `{"schemaVersion":2,"layers":[${'{"size":1},'.repeat(500_000)}{"size":1}]}`;

function registryFault(request, storageUrl) {
  if (random() >= faultRate) return undefined;
  const manifest = /\/manifests\//.test(request.path) && request.method === 'GET';
  const blob = /\/blobs\//.test(request.path);
  const kinds = [
    () => ({ type: 'status', status: 429, retryAfter: 1 }),
    () => ({ type: 'status', status: 429 }),
    () => ({ type: 'status', status: pick([500, 502, 503]) }),
    () => ({ type: 'reset' }),
    () => ({ type: 'reset-mid-body', afterBytes: Math.floor(random() * 1_500_000) }),
    () => ({ type: 'delay', ms: TIMEOUT_MS * 2 }),
    () => ({ type: 'stall-mid-body', afterBytes: Math.floor(random() * 1_500_000), ms: TIMEOUT_MS * 2 }),
    () => ({ type: 'truncate', afterBytes: Math.floor(random() * 1_500_000) }),
    () => ({ type: 'corrupt' }),
    () => ({ type: 'redirect-loop' }),
    ...(manifest
      ? [
          () => ({
            type: 'status',
            status: 200,
            headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
            body: '{"schemaVersion":2,"layers":[{"digest":',
          }),
          () => ({
            type: 'status',
            status: 200,
            headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
            body: OVERSIZED,
          }),
        ]
      : []),
    ...(blob ? [() => ({ type: 'redirect', to: storageUrl })] : []),
  ];
  return pick(kinds)();
}

function githubFault() {
  if (random() >= faultRate) return undefined;
  const secondary = (status) => ({
    type: 'status',
    status,
    retryAfter: 1,
    body: JSON.stringify({
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: String(status),
    }),
  });
  return pick([
    () => ({ type: 'status', status: pick([500, 502, 503]), body: '{"message":"Server Error"}' }),
    () => secondary(403),
    () => secondary(429),
    () => ({ type: 'reset' }),
    () => ({ type: 'reset-mid-body', afterBytes: Math.floor(random() * 2000) }),
    () => ({ type: 'truncate', afterBytes: Math.floor(random() * 2000) }),
    () => ({ type: 'delay', ms: TIMEOUT_MS * 2 }),
  ])();
}

async function main() {
  const { startFaultProxy } = await importSupport('__tests__/support/fault-proxy.ts');
  const { startGitHubStandIn, WRITE_TOKEN } = await importSupport('__tests__/support/github-stand-in.ts');
  const repository = `bench/soak-${Date.now().toString(36)}`;
  console.log(
    `node ${process.version}; ${runs} runs, fault rate ${faultRate}, seed ${random.seed}; pushing ${repository}...`,
  );
  await pushImages(repository);

  const github = await startGitHubStandIn({
    repositories: [{ owner: 'acme', name: 'app', pullRequests: PRS }],
    validate: false,
  });
  const registry = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
  const storage = await startFaultProxy({ upstream: 'http://127.0.0.1:5000' });
  const api = await startFaultProxy({ upstream: github.url });
  const image = `${registry.host}/${repository}`;
  const inputs = {
    image: `${image}:1`,
    baseline: `${image}:base`,
    'github-token': WRITE_TOKEN,
  };
  const env = {
    GITHUB_API_URL: api.url,
    SHIPSHAPE_REGISTRY_TIMEOUT_MS: String(TIMEOUT_MS),
    SHIPSHAPE_GITHUB_TIMEOUT_MS: String(TIMEOUT_MS),
  };
  const ours = (pr) => github.comments('acme', 'app', pr);

  // The fault-free figures (no comment: the first one is made under faults).
  const reference = await runReport({ ...inputs, 'pr-number': String(PRS[0]), comment: 'never' }, env);
  if (reference.exitCode !== 0) throw new Error(`the fault-free run failed:\n${reference.stdout}`);
  const figures = JSON.stringify(JSON.parse(reference.outputs['size-report']).platforms);
  const body = reference.outputs['comment-body'].trim();
  const imageFigures = (report) =>
    JSON.stringify(
      report.platforms.map(({ platform, compressed, uncompressed, wasted, layers }) => ({
        platform,
        compressed,
        uncompressed,
        wasted,
        layers,
      })),
    );
  const ownFigures = imageFigures(JSON.parse(reference.outputs['size-report']));

  const storageUrl = storage.url.replace('127.0.0.1', 'localhost');
  registry.add({ path: /./, fault: (request) => registryFault(request, storageUrl) });
  api.add({ path: /./, fault: () => githubFault() });
  github.listDelayMs = LIST_DELAY_MS;

  const tally = {
    ok: 0,
    withoutBaseline: 0,
    clearErrors: 0,
    wrongFigures: 0,
    unclear: 0,
    commentMisses: 0,
    badComments: 0,
  };
  const writers = { pairs: 0, raced: 0, duplicatesLeft: 0 };
  const causes = new Map();
  const started = performance.now();

  // What a PR's comment may hold: the reference, or the report of a run that went on without the baseline.
  const commentBodies = new Map(PRS.map((pr) => [pr, body]));

  /** Classifies one run; returns the comment body it may have left, if it made a report. */
  const check = (run, i) => {
    const errors = commandLines(run, 'error');
    const warnings = commandLines(run, 'warning');
    const report = run.exitCode === 0 && errors.length === 0 && JSON.parse(run.outputs['size-report']);
    if (report && report.baseline === null) {
      // The baseline policy: its faults left it unread. Right only with the image's own figures,
      // the report saying why, and one warning that names the baseline.
      if (
        imageFigures(report) === ownFigures &&
        report.baselineUnavailable?.ref === `${image}:base` &&
        warnings.filter((w) => w.includes(`${image}:base`)).length === 1
      ) {
        tally.withoutBaseline++;
        const cause = `${report.baselineUnavailable.problem}: ${report.baselineUnavailable.reason}`;
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
      } else {
        tally.wrongFigures++;
        console.log(`run ${i}: WRONG FIGURES (no baseline)`);
      }
      if (!run.outputs['comment-url']) tally.commentMisses++;
    } else if (report) {
      if (JSON.stringify(report.platforms) === figures && run.outputs['comment-body'].trim() === body)
        tally.ok++;
      else {
        tally.wrongFigures++;
        console.log(`run ${i}: WRONG FIGURES`);
      }
      if (!run.outputs['comment-url']) tally.commentMisses++;
    } else if (
      run.exitCode === 1 &&
      errors.length === 1 &&
      (errors[0].includes(`${image}:1`) || errors[0].includes(`${image}:base`)) &&
      run.outputs['size-report'] === undefined
    ) {
      tally.clearErrors++;
      const cause = errors[0]
        .replace(/^.*?:(1|base)\b:? ?/, '')
        .replace(/[0-9a-f]{64}/g, '…')
        .replace(/\d+/g, 'N');
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    } else {
      tally.unclear++;
      console.log(
        `run ${i}: UNCLEAR (exit ${run.exitCode}): ${errors.join(' | ')}\n${run.stdout.slice(-2000)}`,
      );
    }
    return report ? run.outputs['comment-body'].trim() : undefined;
  };

  for (let i = 1; i <= runs; i += 2) {
    const pr = PRS[Math.floor(writers.pairs++ / 2)];
    const logStart = registry.log.length;
    const requestStart = github.requests.length;
    const pair = await Promise.all(
      [i, i + 1].filter((n) => n <= runs).map(() => runReport({ ...inputs, 'pr-number': String(pr) }, env)),
    );
    const made = pair.map((run, k) => check(run, i + k)).filter((b) => b !== undefined);
    const posted = github.requests
      .slice(requestStart)
      .filter((r) => r.method === 'POST' && r.status === 201).length;
    if (posted > 1) writers.raced++;
    // Two of ours after a pair: a delete the faults defeated (the run warned); the next pair removes it.
    const comments = ours(pr);
    if (comments.length > 1) writers.duplicatesLeft++;
    const allowed = [commentBodies.get(pr), ...made];
    if (comments.some((c) => !allowed.includes(c.body.trim()))) {
      tally.badComments++;
      console.log(`runs ${i}-${i + 1}: a comment with other figures on PR ${pr}`);
    } else if (comments.length === 1) commentBodies.set(pr, comments[0].body.trim());
    const faults = registry.log.slice(logStart).filter((r) => r.fault).length;
    if ((i + 1) % 20 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `${i + 1} runs, ${s} s: ok ${tally.ok}, without the baseline ${tally.withoutBaseline}, ` +
          `clear errors ${tally.clearErrors}, pairs that both posted ` +
          `${writers.raced} (last pair: ${faults} registry faults)`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const injected = (proxy) => {
    const byKind = {};
    for (const r of proxy.log) if (r.fault) byKind[r.fault] = (byKind[r.fault] ?? 0) + 1;
    return { requests: proxy.log.length, faults: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
  };
  const comments = PRS.map((pr) => ours(pr).length);
  console.log('\nregistry requests/faults:', JSON.stringify(injected(registry)));
  console.log('GitHub requests/faults:  ', JSON.stringify(injected(api)));
  console.log('clear errors and runs without the baseline, by cause:');
  for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${n} x ${cause}`);
  console.log(
    `\nsoak: ${runs} runs in ${seconds.toFixed(0)} s (${(seconds / runs).toFixed(2)} s a run); ` +
      `runs with the reference figures: ${tally.ok} (${((tally.ok / runs) * 100).toFixed(1)}%, target 99%); ` +
      `runs without the baseline, with a warning naming it: ${tally.withoutBaseline}; ` +
      `runs with clear errors: ${tally.clearErrors}; wrong figures: ${tally.wrongFigures}; ` +
      `unclear failures: ${tally.unclear}; runs without the comment posted: ${tally.commentMisses}; ` +
      `writers: ${writers.pairs} pairs of two at once on ${PRS.length} PRs, ${writers.raced} pairs both posted, ` +
      `${writers.duplicatesLeft} left a duplicate for a later pair; PRs with exactly one comment at the end: ` +
      `${comments.filter((n) => n === 1).length} / ${PRS.length} (comments with other figures seen: ${tally.badComments})`,
  );
  await Promise.all([registry.close(), storage.close(), api.close(), github.close()]);
  const failed = tally.wrongFigures + tally.unclear + tally.badComments > 0 || comments.some((n) => n !== 1);
  process.exit(failed ? 1 : 0);
}

await main();
