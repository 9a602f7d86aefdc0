/**
 * A machine-readable tally of the hardening tests (issue 7), counted across test files and
 * processes: each case appends one JSON line to the file named by SHIPSHAPE_TALLY (nothing
 * happens when it is unset), and scripts/tally-summary.mjs reads them back into one line for
 * the CI log:
 *
 *   faults: 24 survived / 24; bad inputs: 63 rejected / 63; leaks: 0
 *
 *   recordTally({ kind: 'fault', name: 'registry: 429 with Retry-After', ok: true });
 *   recordTally({ kind: 'bad-input', name: 'tags: newline', ok: rejected });
 *   recordTally({ kind: 'leak', name: 'registry password in stdout', ok: !leaked });
 *
 * `ok` always means "as it should be": a fault survived (recovered, or a clear error with no
 * wrong figures), a bad input rejected, a secret not leaked. A leak line is written for every
 * secret and place checked, so the count of checks is known as well as the count of leaks.
 */
import { appendFileSync } from 'node:fs';

export type TallyKind = 'fault' | 'bad-input' | 'leak' | 'advice-fix';

export interface TallyEntry {
  kind: TallyKind;
  /** What was tried: `registry: reset mid-body of a layer`, `github: 502 burst on the comment list`. */
  name: string;
  ok: boolean;
  /** Why it is not ok, or what happened: shown when the summary lists failures. */
  detail?: string;
  /** advice-fix: whether the Dockerfile with the fix applied built, and saved the claim within 1%. */
  built?: boolean;
  within?: boolean;
}

/** Appends one entry to SHIPSHAPE_TALLY (or the file given); a no-op without one. */
export function recordTally(entry: TallyEntry, file = process.env.SHIPSHAPE_TALLY): void {
  if (!file) return;
  // One write per line: appends of a few hundred bytes do not interleave between processes.
  appendFileSync(file, JSON.stringify(entry) + '\n', 'utf8');
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
