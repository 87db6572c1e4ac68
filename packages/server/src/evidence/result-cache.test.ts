import { describe, expect, test } from 'vitest';
import { ResultCache } from './result-cache';

describe('ResultCache', () => {
  test('computes once per key and generation; invalidation recomputes', async () => {
    const cache = new ResultCache();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('w1', { f: 1 }, compute)).toBe(1);
    expect(await cache.get('w1', { f: 1 }, compute)).toBe(1);
    expect(await cache.get('w1', { f: 2 }, compute)).toBe(2);
    expect(await cache.get('w2', { f: 1 }, compute)).toBe(3);
    cache.invalidate('w1');
    expect(await cache.get('w1', { f: 1 }, compute)).toBe(4);
    expect(await cache.get('w2', { f: 1 }, compute)).toBe(3);
  });

  test('failures are not kept; the least recently used entry is evicted', async () => {
    const cache = new ResultCache(2);
    await expect(cache.get('w', 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('w', 'x', async () => 'ok')).toBe('ok');
    await cache.get('w', 'y', async () => 'y');
    await cache.get('w', 'x', async () => 'again'); // touch x
    await cache.get('w', 'z', async () => 'z'); // evicts y
    expect(await cache.get('w', 'y', async () => 'y2')).toBe('y2');
    expect(await cache.get('w', 'x', async () => 'x3')).toBe('x3'); // x evicted by y2 (capacity 2: z, y2)
  });
});
