import { expect, test } from '@jest/globals';
import { limiter } from '../../src/util/pool.js';

test('never more than the limit in flight, all results in order, errors reach their caller', async () => {
  const limit = limiter(2);
  let active = 0;
  let peak = 0;
  const tick = () => new Promise((r) => setTimeout(r, 5));
  const task = (n: number) => async () => {
    active++;
    peak = Math.max(peak, active);
    await tick();
    active--;
    if (n === 3) throw new Error('three');
    return n * 10;
  };
  const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((n) => limit(task(n))));
  expect(peak).toBe(2);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
    0,
    10,
    20,
    'three',
    40,
    50,
  ]);
});

test('a limit that is not a positive integer is refused', () => {
  expect(() => limiter(0)).toThrow('limit must be a positive integer, got 0');
});
