import type { DuckDBConnection } from '@duckdb/node-api';
import type { z } from 'zod';
import type { SqlQuery } from './sql';

/** Converts DuckDB's JS values to plain JSON-ready ones: BIGINT → number, TIMESTAMP → ISO 8601 UTC. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw new Error(`integer ${value} is too large for a JSON number`);
    return Number(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

/**
 * Runs a built query on DuckDB and validates every row against `row`,
 * so a changed query can never hand malformed numbers to a caller.
 */
export async function runQuery<S extends z.ZodType>(
  conn: DuckDBConnection,
  query: SqlQuery,
  row: S,
): Promise<z.infer<S>[]> {
  const reader = await conn.runAndReadAll(query.sql, query.params);
  return reader.getRowObjectsJS().map((r, i) => {
    const parsed = row.safeParse(toPlain(r));
    if (!parsed.success)
      throw new Error(`analytics query returned an unexpected row ${i}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

/** Runs a query expected to return exactly one row. */
export async function runSingle<S extends z.ZodType>(
  conn: DuckDBConnection,
  query: SqlQuery,
  row: S,
): Promise<z.infer<S>> {
  const rows = await runQuery(conn, query, row);
  const first = rows[0];
  if (rows.length !== 1 || first === undefined)
    throw new Error(`analytics query returned ${rows.length} rows, expected one`);
  return first;
}
