import { describe, expect, test } from '@jest/globals';
import { TokenCache } from '../../src/registry/token-cache.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenCache', () => {
  test('a token is kept per scope until a tenth of its life (at most 10 s) before it expires', () => {
    const c = clock();
    const cache = new TokenCache(c.now);
    cache.set('repository:a:pull', 'A', 300);
    cache.set('repository:b:pull', 'B', 30);
    expect(cache.get('repository:a:pull')).toBe('A');
    expect(cache.get('repository:b:pull')).toBe('B');
    expect(cache.get('repository:c:pull')).toBeUndefined();
    c.advance(26_999);
    expect(cache.get('repository:b:pull')).toBe('B');
    c.advance(1); // 27 s: 30 s minus 3 s
    expect(cache.get('repository:b:pull')).toBeUndefined();
    c.advance(290_000 - 27_000 - 1);
    expect(cache.get('repository:a:pull')).toBe('A');
    c.advance(1); // 290 s: 300 s minus the 10 s cap
    expect(cache.get('repository:a:pull')).toBeUndefined();
  });

  test('without expires_in a token lives 60 s (54 s with the margin)', () => {
    const c = clock();
    const cache = new TokenCache(c.now);
    cache.set('s', 'T');
    c.advance(53_999);
    expect(cache.get('s')).toBe('T');
    c.advance(1);
    expect(cache.get('s')).toBeUndefined();
  });

  test('issued_at in the past shortens the life; in the future it is ignored', () => {
    const c = clock();
    const cache = new TokenCache(c.now);
    cache.set('past', 'P', 100, c.now() - 50_000);
    cache.set('future', 'F', 100, c.now() + 50_000);
    c.advance(40_000); // past: 100 - 50 - 10 = 40 s left at set time
    expect(cache.get('past')).toBeUndefined();
    expect(cache.get('future')).toBe('F');
  });

  test('delete forgets a refused token', () => {
    const cache = new TokenCache(() => 0);
    cache.set('s', 'T', 300);
    cache.delete('s');
    expect(cache.get('s')).toBeUndefined();
  });
});
