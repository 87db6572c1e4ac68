import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventStore } from '../event-store';
import type { SqlQuery } from '../mining/sql';

/** How long one view may compute before it is stopped, unless the caller says otherwise. */
export const DEFAULT_ANALYSIS_TIMEOUT_MS = 10_000;

/** A view stopped before it finished: it ran out of time, or whoever asked went away. */
export class AnalysisStopped extends Error {
  constructor(
    readonly why: 'timeout' | 'cancelled',
    readonly timeoutMs: number,
  ) {
    super(
      why === 'timeout'
        ? `the analysis took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; narrow the dates or filters`
        : 'the analysis was cancelled',
    );
    this.name = 'AnalysisStopped';
  }
}

/** Bounds on one computation: a deadline, and a signal that fires when its requester goes away. */
export interface Limits {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Runs `fn` on a connection of its own, interrupted when the deadline passes or `signal` aborts (DuckDB
 * stops the running query). `setup` runs first on the connection (e.g. a TEMP table `events` that
 * shadows the stored one with the events a filter keeps). The connection, and its TEMP tables, are
 * dropped afterwards.
 */
export async function onConnection<T>(
  store: EventStore,
  limits: Limits,
  setup: SqlQuery | null,
  fn: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS;
  if (limits.signal?.aborted) throw new AnalysisStopped('cancelled', timeoutMs);
  const conn = await store.instance.connect();
  let stopped: AnalysisStopped['why'] | null = null;
  const stop = (why: AnalysisStopped['why']) => {
    if (stopped !== null) return;
    stopped = why;
    conn.interrupt();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancelled');
  limits.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await conn.run("SET TimeZone = 'UTC'");
    if (setup) await conn.run(setup.sql, setup.params);
    const result = await fn(conn);
    // An interrupt that landed between two queries: the answer may be whole, but it came too late.
    if (stopped !== null) throw new AnalysisStopped(stopped, timeoutMs);
    return result;
  } catch (error) {
    if (stopped !== null) throw new AnalysisStopped(stopped, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', onAbort);
    conn.closeSync();
  }
}
