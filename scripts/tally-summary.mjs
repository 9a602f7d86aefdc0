#!/usr/bin/env node
// The hardening tally's one line for the CI log, from the JSON lines the tests appended to the
// file named by SHIPSHAPE_TALLY (__tests__/support/tally.ts writes them):
//
//   faults: 32 survived / 32; bad inputs: 93 rejected / 93; leaks: 0
//
// followed by one line per entry that is not ok. `ok` means "as it should be": a fault survived,
// a bad input rejected, a secret not leaked (a leak line is written for every check made).
import { existsSync, readFileSync } from 'node:fs';

const KINDS = ['fault', 'bad-input', 'leak', 'advice-fix'];

export function readTally(file) {
  if (!existsSync(file)) return [];
  const entries = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line);
      if (KINDS.includes(entry.kind) && typeof entry.name === 'string' && typeof entry.ok === 'boolean')
        entries.push(entry);
    } catch {
      // a line torn by a killed process: not counted
    }
  }
  return entries;
}

export function formatTally(entries) {
  const count = (kind) => {
    const of = entries.filter((e) => e.kind === kind);
    return { ok: of.filter((e) => e.ok).length, total: of.length };
  };
  const [faults, badInputs, leaks] = KINDS.map(count);
  const failures = entries
    .filter((e) => !e.ok)
    .map((e) => `  not ok: ${e.kind}: ${e.name}${e.detail ? ` (${e.detail})` : ''}`);
  // The advice fix suite (issue 15): each fix applied, rebuilt, its bytes saved checked against the claim.
  const fixes = entries.filter((e) => e.kind === 'advice-fix');
  const advice =
    fixes.length > 0
      ? [
          `advice: ${fixes.length} fixes applied, ${fixes.filter((e) => e.built).length} built, ` +
            `bytes within 1%: ${fixes.filter((e) => e.built && e.within).length}`,
        ]
      : [];
  return [
    `faults: ${faults.ok} survived / ${faults.total}; bad inputs: ${badInputs.ok} rejected / ${badInputs.total}; ` +
      `leaks: ${leaks.total - leaks.ok}`,
    ...advice,
    ...failures,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatTally(readTally(process.argv[2] ?? process.env.SHIPSHAPE_TALLY ?? '')));
}
