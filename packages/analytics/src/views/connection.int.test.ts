import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { AnalysisStopped, onConnection } from './connection';

// A query that runs for minutes unless DuckDB is interrupted.
const FOREVER = 'SELECT sum(hash(i)) FROM range(100000000000) t(i)';

let store: EventStore;
beforeAll(async () => {
  store = await openEventStore();
});
afterAll(() => store?.close());

describe('onConnection', () => {
  test('a requester going away interrupts the running query', async () => {
    const requester = new AbortController();
    const started = performance.now();
    setTimeout(() => requester.abort(), 100);
    const run = onConnection(store, { signal: requester.signal, timeoutMs: 60_000 }, null, (conn) =>
      conn.run(FOREVER),
    );
    await expect(run).rejects.toMatchObject({ name: 'AnalysisStopped', why: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('the deadline interrupts the running query with a message that says what to do', async () => {
    const started = performance.now();
    const run = onConnection(store, { timeoutMs: 200 }, null, (conn) => conn.run(FOREVER));
    await expect(run).rejects.toThrow(AnalysisStopped);
    await expect(run).rejects.toThrow(/narrow the dates or filters/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('an answer in time passes through, and the store keeps answering afterwards', async () => {
    const rows = await onConnection(store, { timeoutMs: 5_000 }, null, async (conn) =>
      (await conn.runAndReadAll('SELECT 42 AS n')).getRowObjectsJS(),
    );
    expect(rows).toEqual([{ n: 42 }]);
  });
});
