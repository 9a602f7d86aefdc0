/**
 * The size history's inputs, shared by the main action and the report action (the merge action
 * neither reads nor writes the history): `history` (true, false or reset), `history-tag` and
 * `history-limit`. Each mistake is an InputError naming the input and the value.
 */
import { InputError } from '../util/errors.js';
import { HISTORY_MODES, type HistoryMode } from '../compare/history-policy.js';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from '../report/history.js';
import { BOOLEAN, type GetInput } from './read.js';

export const DEFAULT_HISTORY_TAG = 'shipshape-history';

export interface HistoryInputs {
  mode: HistoryMode;
  /** The tag the history is kept under, in the image's first repository. */
  tag: string;
  /** Records kept. */
  limit: number;
}

export function readHistoryInputs(getInput: GetInput): HistoryInputs {
  return {
    mode: readMode(getInput('history')),
    tag: readTag(getInput('history-tag')),
    limit: readLimit(getInput('history-limit')),
  };
}

function readMode(value: string): HistoryMode {
  if (value === '') return 'true';
  if (value in BOOLEAN) return BOOLEAN[value] ? 'true' : 'false';
  if ((HISTORY_MODES as readonly string[]).includes(value)) return value as HistoryMode;
  throw new InputError('history', value, 'must be true, false or reset');
}

function readTag(value: string): string {
  if (value === '') return DEFAULT_HISTORY_TAG;
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(value))
    throw new InputError(
      'history-tag',
      value,
      'is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)',
    );
  return value;
}

function readLimit(value: string): number {
  if (value === '') return DEFAULT_HISTORY_LIMIT;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_HISTORY_LIMIT))
    throw new InputError('history-limit', value, `must be a whole number from 1 to ${MAX_HISTORY_LIMIT}`);
  return n;
}
