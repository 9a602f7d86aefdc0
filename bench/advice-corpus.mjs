#!/usr/bin/env node
// The advice corpus (issue 15): 15 Dockerfiles shaped like real ones, each with the findings an
// expert would sign written by hand (__tests__/support/advice-corpus.ts), built on the lab; the
// advisor's findings scored per rule (precision, recall) and, where a right finding's fix is an
// edit, that fix applied alone and rebuilt, the claim against the bytes the image lost.
// The runner (__tests__/support/advice-corpus-bench.ts) is bundled with ncc into a temp dir
// (dist/ is not touched). Needs the lab with its Debian base (`container-lab.sh debian`) and
// the mirror (`--network host`); holds no lock itself: run it under the lab lock.
//
//   flock /tmp/shipshape-lab.lock node bench/advice-corpus.mjs [name-filter...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'shipshape-advice-corpus-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const bundle = spawnSync(
  'npx',
  ['ncc', 'build', '__tests__/support/advice-corpus-bench.ts', '-o', work, '--quiet'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
);
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
const run = spawnSync(process.execPath, [join(work, 'index.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
