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

  test('a computation is stopped only when every request waiting for it has gone away', async () => {
    const cache = new ResultCache();
    let stopSignal: AbortSignal | undefined;
    const never = (signal: AbortSignal) => {
      stopSignal = signal;
      return new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.get('w', 'slow', never, a.signal);
    const second = cache.get('w', 'slow', never, b.signal);
    a.abort();
    expect(stopSignal?.aborted).toBe(false);
    b.abort();
    expect(stopSignal?.aborted).toBe(true);
    await expect(first).rejects.toThrow('stopped');
    await expect(second).rejects.toThrow('stopped');
    // The failure is not kept: the next request computes afresh.
    expect(await cache.get('w', 'slow', async () => 'fresh')).toBe('fresh');
  });

  test('a waiter without a signal keeps the computation alive', async () => {
    const cache = new ResultCache();
    let stopSignal: AbortSignal | undefined;
    let finish: (v: string) => void = () => undefined;
    const slow = (signal: AbortSignal) => {
      stopSignal = signal;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    const a = new AbortController();
    const first = cache.get('w', 'slow', slow, a.signal);
    const warm = cache.get('w', 'slow', slow);
    a.abort();
    expect(stopSignal?.aborted).toBe(false);
    finish('done');
    expect(await first).toBe('done');
    expect(await warm).toBe('done');
  });

  test('a request arriving while a computation is being stopped starts a fresh one', async () => {
    const cache = new ResultCache();
    const stopping = (signal: AbortSignal) =>
      new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => setTimeout(() => reject(new Error('stopped')), 10)),
      );
    const gone = new AbortController();
    const first = cache.get('w', 'k', stopping, gone.signal);
    gone.abort();
    const next = cache.get('w', 'k', async () => 'fresh', new AbortController().signal);
    await expect(first).rejects.toThrow('stopped');
    expect(await next).toBe('fresh');
  });
});
