import { describe, expect, test } from '@jest/globals';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isConnectionReset,
  isRetryableStatus,
  parseRetryAfter,
} from '../../src/registry/retry.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  test.each<[string | null, number | undefined]>([
    ['3', 3000],
    [' 0 ', 0],
    ['120', 120_000],
    ['Sun, 01 Mar 2026 12:00:05 GMT', 5000],
    ['Sun, 01 Mar 2026 11:59:00 GMT', 0], // a date in the past: no wait
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    [null, undefined],
  ])('%j -> %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelay: 100, maxDelay: 1000 };
  test.each<[number, number, number]>([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [3, 0.5, 300],
    [4, 1, 800],
    [5, 0, 500], // capped at maxDelay: half of 1000
    [9, 1, 1000],
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(expected);
  });
});

describe('classification', () => {
  test('retryable statuses', () => {
    const statuses = [200, 400, 401, 403, 404, 429, 500, 501, 502, 503, 504, 505];
    expect(statuses.filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 504]);
  });

  test.each<[string, unknown, boolean]>([
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    ['socket hang up', new Error('socket hang up'), true],
    [
      'undici: fetch failed, caused by a SocketError',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      }),
      true,
    ],
    ['undici body: terminated', new TypeError('terminated', { cause: new Error('x') }), true],
    [
      'refused: not a reset',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
      false,
    ],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'ECONNRESET', false],
  ])('%s -> %s', (_name, error, expected) => {
    expect(isConnectionReset(error)).toBe(expected);
  });
});
