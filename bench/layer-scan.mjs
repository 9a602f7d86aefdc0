#!/usr/bin/env node
// The layer scan (src/image/layers.ts), measured on generated gzip layers:
//  (a) throughput on a >= 200 MB gzip layer: scanLayer (in a child node, as the action runs it)
//      against `gzip -dc blob | tar -t > /dev/null` on the same blob, alternately; medians, MB/s
//      and their ratio, on the scan's own time and on the child's wall time with node's start-up
//      (goal: scanLayer at least 1.5x faster);
//      and against bare `gzip -dc blob > /dev/null` (goal: the scan, content hashing included,
//      within 1.5x of bare gunzip's time);
//  (c) peak RSS of a child process that scans a >= 1 GB (uncompressed) layer of many files
//      (goal: under 200 MB), and of one that also computes the waste of two such layers;
//  (d) peak RSS of the report's path delta: a baseline and a new image of one 1 GB layer of
//      100,000 files each, both scanned and held (as measure.ts holds them), each merged into
//      its tree (image/merged.ts), then the two trees compared (compare/path-delta.ts)
//      (goal: under 200 MB).
// Every scan runs with the young-generation cap measure.ts sets (measure/young-generation.ts);
// (c) and (d) also run once without it, for the bytes it saves.
// The modules are bundled with ncc into a temp dir first (dist/ is not touched). Needs gzip and tar.
//
//   node bench/layer-scan.mjs [runs=5] [throughputMB=440] [rssMB=1100] [deltaMB=1000]
// LAYER_SCAN_CASES=acd (the default) picks the cases to run, `d` for the path delta alone.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { pack } from 'tar-stream';
import { actionNode } from '../scripts/action-node.mjs';
import { prng } from './prng.mjs';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const throughputBytes = Number(process.argv[3] ?? 440) * 1e6;
const rssBytes = Number(process.argv[4] ?? 1100) * 1e6;
const deltaBytes = Number(process.argv[5] ?? 1000) * 1e6;
const cases = process.env.LAYER_SCAN_CASES ?? 'acd';
const MB = 1e6;

const work = mkdtempSync(join(tmpdir(), 'shipshape-layer-scan-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

function bundle(entry, name) {
  const out = join(work, name);
  run('npx', ['ncc', 'build', entry, '-o', out, '--quiet']);
  return join(out, 'index.js');
}

// ---- layer generation: deterministic, mixed compressible and incompressible files ----

/** A pool of text (words, paths, numbers: compresses ~3x) and one of random bytes (does not). */
function pools(random) {
  const words = [
    'lorem',
    'ipsum',
    'import',
    'export',
    'function',
    'return',
    'const',
    'usr/lib',
    'x86_64',
    'error',
    'value',
    'index',
    'module',
    'package',
    'version',
    'license',
    'string',
    'number',
    '\n',
    '{',
    '}',
  ];
  const text = Buffer.alloc(8 * MB);
  let at = 0;
  while (at < text.length - 16) {
    const word =
      random() < 0.2 ? String(Math.floor(random() * 1e6)) : words[Math.floor(random() * words.length)];
    at += text.write(`${word} `, at, 'latin1');
  }
  const bytes = Buffer.alloc(32 * MB);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(Math.floor(random() * 4294967296), i);
  return { text, bytes };
}

/**
 * Writes a gzip layer of about `targetBytes` of regular files and returns its figures as made.
 * `mix`: share of incompressible files; `small`: share of files that are small (256 B to
 * `smallMax`), the others being 8 KB to `largeMax`.
 */
async function generateLayer(
  path,
  { targetBytes, mix, small, smallMax, largeMax, level, seed, root = 'usr/share/bench' },
) {
  const random = prng(seed);
  const { text, bytes } = pools(random);
  const tar = pack();
  const written = pipeline(tar, zlib.createGzip({ level }), createWriteStream(path));
  const add = (header, body) =>
    new Promise((resolvePromise, reject) => {
      const done = (error) => (error ? reject(error) : resolvePromise());
      if (body) tar.entry(header, body, done);
      else tar.entry(header, done);
    });
  let total = 0;
  let files = 0;
  let entries = 0;
  for (let dir = 0; total < targetBytes; dir++) {
    const dirName = `${root}/package-${dir % 97}/lib/module-${dir}`;
    await add({ name: `${dirName}/`, type: 'directory', mode: 0o755 });
    entries++;
    for (let f = 0; f < 100 && total < targetBytes; f++) {
      const compressible = random() >= mix;
      const size =
        random() < small ? 256 + Math.floor(random() * smallMax) : 8192 + Math.floor(random() * largeMax);
      const pool = compressible ? text : bytes;
      const from = Math.floor(random() * (pool.length - size));
      await add(
        { name: `${dirName}/file-${f}.${compressible ? 'txt' : 'bin'}`, size, mode: 0o644 },
        pool.subarray(from, from + size),
      );
      total += size;
      files++;
      entries++;
    }
    await add({ name: `${dirName}/latest`, type: 'symlink', linkname: 'file-0.txt' });
    entries++;
  }
  tar.finalize();
  await written;
  return { uncompressed: total, files, entries, blobBytes: statSync(path).size };
}

// ---- measuring ----

const childScript = join(work, 'scan-child.mjs');
writeFileSync(
  childScript,
  `import { createReadStream } from 'node:fs';
const [layersBundle, wasteBundle, capBundle, blob, withWaste] = process.argv.slice(2);
// As measure.ts does before the first scan; '' for the uncapped baseline.
if (capBundle) (await import(capBundle)).keepYoungGenerationSmall();
const { scanLayer } = await import(layersBundle);
const start = performance.now();
// 1 MiB reads: what a file source should use (64 KiB reads cost this node ~0.15 s more per 200 MB).
const scan = await scanLayer(createReadStream(blob, { highWaterMark: 1 << 20 }), {
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
});
const scanSeconds = (performance.now() - start) / 1000;
let wasted = null;
if (withWaste === 'waste') {
  // The same layer twice: every file of the lower copy is overwritten by the upper one.
  const { computeWaste } = await import(wasteBundle);
  wasted = computeWaste([scan, scan]).total;
}
console.log(JSON.stringify({
  scanSeconds,
  uncompressed: scan.uncompressed,
  files: scan.files,
  entries: scan.entries.count,
  wasted,
  maxRssKB: process.resourceUsage().maxRSS,
}));
`,
);

// (d): two layers scanned and kept, as the report keeps an image's and its baseline's scans.
const deltaScript = join(work, 'delta-child.mjs');
writeFileSync(
  deltaScript,
  `import { createReadStream } from 'node:fs';
const [layersBundle, mergedBundle, deltaBundle, capBundle, baseBlob, headBlob] = process.argv.slice(2);
if (capBundle) (await import(capBundle)).keepYoungGenerationSmall();
const { scanLayer } = await import(layersBundle);
const { mergeLayers } = await import(mergedBundle);
const { pathDelta } = await import(deltaBundle);
const mediaType = 'application/vnd.oci.image.layer.v1.tar+gzip';
const scan = (blob) => scanLayer(createReadStream(blob, { highWaterMark: 1 << 20 }), { mediaType });
const start = performance.now();
const peak = () => process.resourceUsage().maxRSS;
const [baseScan, headScan] = await Promise.all([scan(baseBlob), scan(headBlob)]);
const scanned = performance.now();
const scannedRssKB = peak();
const base = mergeLayers([baseScan]);
const head = mergeLayers([headScan]);
const merged = performance.now();
const mergedRssKB = peak();
const paths = pathDelta(base.tree, head.tree);
const done = performance.now();
console.log(JSON.stringify({
  scanSeconds: (scanned - start) / 1000,
  mergeSeconds: (merged - scanned) / 1000,
  deltaSeconds: (done - merged) / 1000,
  files: [baseScan.files, headScan.files],
  uncompressed: [baseScan.uncompressed, headScan.uncompressed],
  treeKeys: [base.tree.size, head.tree.size],
  treeBytes: [base.tree.get(''), head.tree.get('')],
  paths: paths.length,
  top: paths[0],
  scannedRssKB,
  mergedRssKB,
  maxRssKB: peak(),
}));
`,
);

function scanInChild(layersBundle, wasteBundle, blob, withWaste = '', capBundle = youngBundle) {
  const start = performance.now();
  const r = run(actionNode(), [childScript, layersBundle, wasteBundle, capBundle, blob, withWaste]);
  return { seconds: (performance.now() - start) / 1000, ...JSON.parse(r.stdout) };
}

function gzipTar(blob) {
  const start = performance.now();
  run('sh', ['-c', 'gzip -dc "$1" | tar -t > /dev/null', 'sh', blob]);
  return (performance.now() - start) / 1000;
}

function gunzip(blob) {
  const start = performance.now();
  run('sh', ['-c', 'gzip -dc "$1" > /dev/null', 'sh', blob]);
  return (performance.now() - start) / 1000;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes) => (bytes / MB).toFixed(1);

console.log(
  `child node ${run(actionNode(), ['--version']).stdout.trim()}, ${runs} runs each; bundling scanLayer with ncc...`,
);
const layersBundle = bundle('src/image/layers.ts', 'layers');
const wasteBundle = bundle('src/image/wasted.ts', 'wasted');
const mergedBundle = bundle('src/image/merged.ts', 'merged');
const deltaBundle = bundle('src/compare/path-delta.ts', 'path-delta');
// The young-generation cap measure.ts sets before scanning: on in every case, and off once in
// (c) and (d) for the figure it saves.
const youngBundle = bundle('src/measure/young-generation.ts', 'young-generation');

let start;
// (a) throughput
if (cases.includes('a')) {
  const blobA = join(work, 'layer-a.tar.gz');
  start = performance.now();
  const a = await generateLayer(blobA, {
    targetBytes: throughputBytes,
    ...{ mix: 0.3, small: 0.5, smallMax: 16_000, largeMax: 400_000, level: 6, seed: 1 },
  });
  console.log(
    `\n(a) layer: ${mb(a.blobBytes)} MB gzip, ${mb(a.uncompressed)} MB in ${a.files} files ` +
      `(${a.entries} entries), made in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  if (a.blobBytes < 200 * MB) console.log(`    note: the blob is under 200 MB; raise throughputMB`);
  const scanTimes = [];
  const scanOnlyTimes = [];
  const tarTimes = [];
  const gunzipTimes = [];
  for (let i = 0; i < runs; i++) {
    const scan = scanInChild(layersBundle, wasteBundle, blobA);
    if (scan.uncompressed !== a.uncompressed || scan.files !== a.files) {
      throw new Error(
        `scanLayer counted ${scan.uncompressed} bytes in ${scan.files} files; the layer has ${a.uncompressed} in ${a.files}`,
      );
    }
    scanTimes.push(scan.seconds);
    scanOnlyTimes.push(scan.scanSeconds);
    tarTimes.push(gzipTar(blobA));
    gunzipTimes.push(gunzip(blobA));
  }
  const scanMedian = median(scanOnlyTimes);
  const wallMedian = median(scanTimes);
  const tarMedian = median(tarTimes);
  const gunzipMedian = median(gunzipTimes);
  const rate = (seconds) =>
    `${(a.blobBytes / MB / seconds).toFixed(0)} MB/s of blob, ${(a.uncompressed / MB / seconds).toFixed(0)} MB/s of files`;
  const list = (times) => times.map((t) => t.toFixed(2)).join(' ');
  console.log(
    `    scanLayer, the scan:          median ${scanMedian.toFixed(2)} s, ${rate(scanMedian)} (runs ${list(scanOnlyTimes)})`,
  );
  console.log(
    `    scanLayer, child node wall:   median ${wallMedian.toFixed(2)} s, ${rate(wallMedian)} (runs ${list(scanTimes)})`,
  );
  console.log(
    `    gzip -dc | tar -t > /dev/null: median ${tarMedian.toFixed(2)} s, ${rate(tarMedian)} (runs ${list(tarTimes)})`,
  );
  console.log(
    `    gzip -dc > /dev/null:          median ${gunzipMedian.toFixed(2)} s, ${rate(gunzipMedian)} (runs ${list(gunzipTimes)})`,
  );
  console.log(
    `    ratio: the scan (content hashed) takes ${(scanMedian / gunzipMedian).toFixed(2)}x bare gunzip's time (goal <= 1.5x)`,
  );
  console.log(
    `    ratio: the scan is ${(tarMedian / scanMedian).toFixed(2)}x as fast as gzip -dc | tar -t (goal >= 1.5x); ` +
      `with node's start-up and module load, ${(tarMedian / wallMedian).toFixed(2)}x`,
  );
  rmSync(blobA, { force: true });
}

// (c) peak RSS
if (cases.includes('c')) {
  const blobC = join(work, 'layer-c.tar.gz');
  start = performance.now();
  const c = await generateLayer(blobC, {
    targetBytes: rssBytes,
    ...{ mix: 0.1, small: 0.998, smallMax: 4000, largeMax: 2 * MB, level: 1, seed: 2 },
  });
  console.log(
    `\n(c) layer: ${mb(c.blobBytes)} MB gzip, ${mb(c.uncompressed)} MB in ${c.files} files ` +
      `(${c.entries} entries), made in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  const idle = JSON.parse(
    run(actionNode(), [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(layersBundle)}); console.log(JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }))`,
    ]).stdout,
  );
  const scanC = scanInChild(layersBundle, wasteBundle, blobC);
  const wasteC = scanInChild(layersBundle, wasteBundle, blobC, 'waste');
  const uncappedC = scanInChild(layersBundle, wasteBundle, blobC, '', '');
  if (scanC.uncompressed !== c.uncompressed || wasteC.wasted !== c.uncompressed) {
    throw new Error(
      `figures differ: scan ${scanC.uncompressed}, waste ${wasteC.wasted}, layer ${c.uncompressed}`,
    );
  }
  const tarC = gzipTar(blobC);
  console.log(`    node with the bundle loaded, idle:  peak RSS ${(idle.maxRssKB / 1024).toFixed(0)} MB`);
  console.log(
    `    scanLayer:                          peak RSS ${(scanC.maxRssKB / 1024).toFixed(0)} MB (goal < 200 MB); ` +
      `scan ${scanC.scanSeconds.toFixed(1)} s (gzip -dc | tar -t: ${tarC.toFixed(1)} s)`,
  );
  console.log(
    `    scanLayer + computeWaste([it, it]): peak RSS ${(wasteC.maxRssKB / 1024).toFixed(0)} MB ` +
      `(${wasteC.entries} entries a layer, ${mb(wasteC.wasted)} MB wasted)`,
  );
  console.log(
    `    scanLayer, young generation uncapped: peak RSS ${(uncappedC.maxRssKB / 1024).toFixed(0)} MB ` +
      `(the cap saves ${((uncappedC.maxRssKB - scanC.maxRssKB) / 1024).toFixed(0)} MB; ` +
      `scan ${uncappedC.scanSeconds.toFixed(1)} s uncapped, ${scanC.scanSeconds.toFixed(1)} s capped)`,
  );
  rmSync(blobC, { force: true });
}

// (d) peak RSS of the path delta of two images
if (cases.includes('d')) {
  const blobBase = join(work, 'layer-d-base.tar.gz');
  const blobHead = join(work, 'layer-d-head.tar.gz');
  start = performance.now();
  // ~10 kB a file on average: 1 GB is ~100,000 files. The new image's files sit under another
  // root: no key in common, the most the delta's maps hold (every path new or removed).
  const shape = {
    targetBytes: deltaBytes,
    mix: 0.1,
    small: 0.9,
    smallMax: 4000,
    largeMax: 140_000,
    level: 1,
  };
  const dBase = await generateLayer(blobBase, { ...shape, seed: 3 });
  const dHead = await generateLayer(blobHead, { ...shape, seed: 4, root: 'opt/bench' });
  console.log(
    `\n(d) layers: baseline ${mb(dBase.blobBytes)} MB gzip, ${mb(dBase.uncompressed)} MB in ${dBase.files} files; ` +
      `new ${mb(dHead.blobBytes)} MB gzip, ${mb(dHead.uncompressed)} MB in ${dHead.files} files; ` +
      `made in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  const delta = (capBundle) =>
    JSON.parse(
      run(actionNode(), [deltaScript, layersBundle, mergedBundle, deltaBundle, capBundle, blobBase, blobHead])
        .stdout,
    );
  const d = delta(youngBundle);
  const uncappedD = delta('');
  if (
    d.uncompressed[0] !== dBase.uncompressed ||
    d.uncompressed[1] !== dHead.uncompressed ||
    d.treeBytes[0] !== dBase.uncompressed ||
    d.treeBytes[1] !== dHead.uncompressed
  ) {
    throw new Error(
      `figures differ: ${JSON.stringify(d)}, layers ${dBase.uncompressed} and ${dHead.uncompressed}`,
    );
  }
  console.log(
    `    scan both (${d.scanSeconds.toFixed(1)} s), merge both (${d.mergeSeconds.toFixed(2)} s, ` +
      `${d.treeKeys.join(' and ')} tree keys), path delta (${d.deltaSeconds.toFixed(2)} s, ${d.paths} paths; ` +
      `top ${d.top.path} ${d.top.status} ${mb(d.top.delta)} MB)`,
  );
  console.log(
    `    peak RSS ${(d.maxRssKB / 1024).toFixed(0)} MB (goal < 200 MB; ${((d.maxRssKB / 1024 / 200) * 100).toFixed(0)}% of it); ` +
      `peak after the scans ${(d.scannedRssKB / 1024).toFixed(0)} MB, after the merges ${(d.mergedRssKB / 1024).toFixed(0)} MB`,
  );
  console.log(
    `    young generation uncapped: peak RSS ${(uncappedD.maxRssKB / 1024).toFixed(0)} MB, scan both ` +
      `${uncappedD.scanSeconds.toFixed(1)} s (the cap saves ${((uncappedD.maxRssKB - d.maxRssKB) / 1024).toFixed(0)} MB)`,
  );
}
