/**
 * A machine-readable tally of the hardening tests (issue 7), counted across test files and
 * processes: each case appends one JSON line to the file named by SHIPSHAPE_TALLY (nothing
 * happens when it is unset), and a summary reads them back into one line for the CI log:
 *
 *   faults: 24 survived / 24; bad inputs: 63 rejected / 63; leaks: 0
 *
 *   recordTally({ kind: 'fault', name: 'registry: 429 with Retry-After', ok: true });
 *   recordTally({ kind: 'bad-input', name: 'tags: newline', ok: rejected });
 *   recordTally({ kind: 'leak', name: 'registry password in stdout', ok: !leaked });
 *   ...
 *   console.log(formatTally(summarizeTally(readTally(process.env.SHIPSHAPE_TALLY!))));
 *
 * `ok` always means "as it should be": a fault survived (recovered, or a clear error with no
 * wrong figures), a bad input rejected, a secret not leaked. A leak line is written for every
 * secret and place checked, so the count of checks is known as well as the count of leaks.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export type TallyKind = 'fault' | 'bad-input' | 'leak';

export interface TallyEntry {
  kind: TallyKind;
  /** What was tried: `registry: reset mid-body of a layer`, `github: 502 burst on the comment list`. */
  name: string;
  ok: boolean;
  /** Why it is not ok, or what happened: shown when the summary lists failures. */
  detail?: string;
}

export interface TallyCount {
  ok: number;
  total: number;
}

export interface TallySummary {
  faults: TallyCount;
  badInputs: TallyCount;
  /** Checks made for leaks; `total - ok` leaks were found. */
  leakChecks: TallyCount;
  /** Entries that are not ok, to name them under the summary line. */
  failures: TallyEntry[];
}

/** Appends one entry to SHIPSHAPE_TALLY (or the file given); a no-op without one. */
export function recordTally(entry: TallyEntry, file = process.env.SHIPSHAPE_TALLY): void {
  if (!file) return;
  // One write per line: appends of a few hundred bytes do not interleave between processes.
  appendFileSync(file, JSON.stringify(entry) + '\n', 'utf8');
}

/** The entries of a tally file (none when it does not exist); lines that do not parse are skipped. */
export function readTally(file: string): TallyEntry[] {
  if (!existsSync(file)) return [];
  const entries: TallyEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as Partial<TallyEntry>;
      if (
        (parsed.kind === 'fault' || parsed.kind === 'bad-input' || parsed.kind === 'leak') &&
        typeof parsed.name === 'string' &&
        typeof parsed.ok === 'boolean'
      ) {
        entries.push(parsed as TallyEntry);
      }
    } catch {
      // a torn line from a process that was killed mid-write: not counted
    }
  }
  return entries;
}

export function summarizeTally(entries: TallyEntry[]): TallySummary {
  const count = (kind: TallyKind): TallyCount => {
    const of = entries.filter((e) => e.kind === kind);
    return { ok: of.filter((e) => e.ok).length, total: of.length };
  };
  return {
    faults: count('fault'),
    badInputs: count('bad-input'),
    leakChecks: count('leak'),
    failures: entries.filter((e) => !e.ok),
  };
}

/** `faults: 24 survived / 24; bad inputs: 63 rejected / 63; leaks: 0` */
export function formatTally(summary: TallySummary): string {
  const { faults, badInputs, leakChecks } = summary;
  return (
    `faults: ${faults.ok} survived / ${faults.total}; ` +
    `bad inputs: ${badInputs.ok} rejected / ${badInputs.total}; ` +
    `leaks: ${leakChecks.total - leakChecks.ok}`
  );
}

/**
 * A test body that records itself: ok when it passes, not ok (with the first line of the
 * failure) when it throws, which it still does, so jest fails the test too.
 *
 *   test('429 without Retry-After', tallied('fault', 'registry: 429 without Retry-After', async () => { ... }));
 */
export function tallied(
  kind: TallyKind,
  name: string,
  body: () => Promise<void> | void,
): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);
      recordTally({ kind, name, ok: false, detail });
      throw error;
    }
    recordTally({ kind, name, ok: true });
  };
}
