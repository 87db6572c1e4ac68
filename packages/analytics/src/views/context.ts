import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventStore } from '../event-store';
import { buildFilteredEvents } from '../mining/filtered-events';
import type { EventFilter } from '../mining/filters';
import { type Limits, onConnection } from './connection';

/**
 * Remembers raw (exact) results under a key. The server passes one backed by its result cache, scoped
 * to the workspace's data generation and the journey's version, so viewers and editors share one
 * computation and only the cheap disclosure rule runs per request. `compute` gets the signal that
 * should stop it (fired when nobody waits for the answer any more).
 */
export type Memo = <T>(
  key: unknown[],
  compute: (signal: AbortSignal | undefined) => Promise<T>,
) => Promise<T>;

/** Who asks and how: the event store, whether the answer is protected, and bounds on the work. */
export interface ViewOptions {
  /** Viewers and shared views: apply the disclosure rule. */
  protect: boolean;
  memo?: Memo | undefined;
  /** Fires when the requester goes away: the running query is interrupted. */
  signal?: AbortSignal | undefined;
  /** How long the computation may take (default 10 s). */
  timeoutMs?: number | undefined;
}

/** The memo to use: the caller's, or one that computes every time with the caller's signal. */
export function memoOf(options: ViewOptions): Memo {
  return options.memo ?? ((_key, compute) => compute(options.signal));
}

/**
 * Runs `fn` on the events the filters keep, within the view's limits. With filters they are
 * materialised once in a TEMP table named `events` (the temp schema shadows the stored table), so the
 * several analyses of a request scan only those events and evaluate the case-level filters once; `fn`
 * then gets no filters. The numbers are the same as running each analysis with the filters.
 */
export function onFiltered<T>(
  store: EventStore,
  filters: EventFilter[],
  limits: Limits & { timeoutMs?: number | undefined },
  fn: (conn: DuckDBConnection, filters: EventFilter[]) => Promise<T>,
): Promise<T> {
  if (filters.length === 0) return onConnection(store, limits, null, (conn) => fn(conn, filters));
  const q = buildFilteredEvents(filters);
  return onConnection(
    store,
    limits,
    { sql: `CREATE TEMP TABLE events AS ${q.sql}`, params: q.params },
    (conn) => fn(conn, []),
  );
}
