/**
 * When to try a registry request again, and how long to wait first: exponential backoff with
 * jitter, `Retry-After` honoured, bounded by a number of attempts and by a total time.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry starts once this much time (ms) has passed since the first attempt, or would pass while waiting. */
  maxRetryTime: number;
  /** The wait before the first retry (ms); it doubles for each later one. */
  baseDelay: number;
  /** No computed wait is longer than this (ms); a longer `Retry-After` is still honoured. */
  maxDelay: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxRetryTime: 60_000,
  baseDelay: 250,
  maxDelay: 10_000,
};

/**
 * Attempts in all at an answer whose bytes came back wrong (errors.ts: isCorruptAnswer), each
 * after the 5xx backoff: a proxy or a flaky link that cut or flipped a body once rarely does it
 * three times in a row, while a registry that really holds bad bytes is named after the third.
 */
export const CORRUPT_ANSWER_ATTEMPTS = 3;

/** 429, and the 5xx that mean "try again" (a 501 or 505 will not get better). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * The wait before retry number `retry` (1 for the first retry): half of the exponential step plus
 * a random part of the other half, so that clients that failed together do not retry together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; without letters Date.parse would take "-1" or "1.5" as a date.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * A connection the peer dropped: ECONNRESET (node:http's "socket hang up" and "aborted" carry it),
 * undici's "other side closed" / "terminated" (global fetch reports them as a TypeError whose
 * `cause` chain holds the socket error).
 */
export function isConnectionReset(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (typeof e.code === 'string' && RESET_CODES.has(e.code)) return true;
    if (/socket hang up|other side closed|^terminated$/i.test(e.message)) return true;
  }
  return false;
}

/**
 * An error and its causes, at most 5 deep. Duck-typed rather than `instanceof Error`: fetch's
 * errors may come from another realm (a VM context, as under jest).
 */
export function causeChain(error: unknown): { message: string; code?: unknown }[] {
  const chain: { message: string; code?: unknown }[] = [];
  for (let e: unknown = error; chain.length < 5 && typeof e === 'object' && e !== null;) {
    const { message, code, cause } = e as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof message !== 'string') break;
    chain.push({ message, code });
    e = cause;
  }
  return chain;
}
