import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { recordTally } from './support/tally.js';

test('what the tests record is what the CI line counts, failures named under it', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tally-')), 'tally.jsonl');
  recordTally({ kind: 'fault', name: 'registry: 429', ok: true }, file);
  recordTally({ kind: 'fault', name: 'github: reset', ok: false, detail: 'two comments' }, file);
  recordTally({ kind: 'bad-input', name: 'tags: x', ok: true }, file);
  recordTally({ kind: 'leak', name: 'token in stdout', ok: true }, file);
  recordTally({ kind: 'leak', name: 'password in summary', ok: false }, file);
  const line = execFileSync(process.execPath, ['scripts/tally-summary.mjs', file], { encoding: 'utf8' });
  expect(line).toBe(
    'faults: 1 survived / 2; bad inputs: 1 rejected / 1; leaks: 1\n' +
      '  not ok: fault: github: reset (two comments)\n' +
      '  not ok: leak: password in summary\n',
  );
});

test('no tally file: zeros', () => {
  const line = execFileSync(process.execPath, ['scripts/tally-summary.mjs', '/nonexistent/tally'], {
    encoding: 'utf8',
  });
  expect(line).toBe('faults: 0 survived / 0; bad inputs: 0 rejected / 0; leaks: 0\n');
});
