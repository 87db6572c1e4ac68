import { z } from 'zod';
import type { EventStore } from '../event-store';
import { runQuery } from '../mining/runner';
import { position, SqlParams, type SqlQuery } from '../mining/sql';
import { memoOf, onFiltered, type ViewOptions } from './context';
import { coarsen, isSmallCount, SMALL_CELL_THRESHOLD, shownExactly, suppressionInfo } from './disclosure';

/** Columns of the events table offered as attributes (every other attribute is a key of `attrs`). */
export const ATTRIBUTE_COLUMNS = ['channel', 'resource', 'source_id'] as const;
/** Columns an attribute filter reads directly: an `attrs` key with one of these names cannot be read. */
const SHADOWED = new Set(['channel', 'resource', 'lifecycle', 'source_id']);
/** The most attributes one answer lists (most widely held first). */
export const MAX_ATTRIBUTES = 500;

/**
 * Every attribute of the events and how it spreads over patients, read the way *Split by* and segments
 * read it (a patient's value is the one on their first event that has one): per key, how many patients
 * have it, how many distinct values they hold, and how many of those values are held by more than
 * {@link SMALL_CELL_THRESHOLD} patients. `attrs` is parsed once per event into a map, so any column name
 * (with `\`, `*`, `%`, `/` or `~`) is its own key.
 */
export function buildAttributeColumns(limit = MAX_ATTRIBUTES): SqlQuery {
  const p = new SqlParams();
  const shadowed = p.strings([...SHADOWED]);
  const at = position();
  const columns = ATTRIBUTE_COLUMNS.map(
    (c) =>
      `SELECT case_no, ${at} AS p, '${c}' AS key, ${c}::VARCHAR AS value FROM events WHERE ${c} IS NOT NULL`,
  );
  // Measured on 500k events (2 threads): 0.8 s this way, 6.7 s with a distinct (key, value, patient) count.
  const sql = `WITH av AS (
  ${columns.join('\n  UNION ALL ')}
  UNION ALL SELECT case_no, p, e.key, e.value FROM
    (SELECT case_no, ${at} AS p, unnest(map_entries(json_transform(attrs, '"MAP(VARCHAR, VARCHAR)"'))) AS e
     FROM events WHERE attrs IS NOT NULL)
    WHERE NOT list_contains(${shadowed}, e.key)
),
cv AS (SELECT case_no, key, arg_min(value, p) AS value FROM av WHERE value IS NOT NULL GROUP BY case_no, key),
kv AS (SELECT key, value, count(*) AS cases FROM cv GROUP BY key, value)
SELECT key, sum(cases)::BIGINT AS cases, count(*) AS "values",
  count(*) FILTER (WHERE cases > ${p.add(SMALL_CELL_THRESHOLD)}) AS "commonValues"
FROM kv GROUP BY key ORDER BY cases DESC, key LIMIT ${p.add(limit)}`;
  return { sql, params: p.values };
}

const AttributeRow = z.object({
  key: z.string(),
  cases: z.number().int().nonnegative(),
  values: z.number().int().nonnegative(),
  commonValues: z.number().int().nonnegative(),
});

/**
 * The attributes of a workspace's events, to split and segment by: the events table's `channel`,
 * `resource` and `source_id` and every key of `attrs` (any kept CSV column, XES attributes), each with
 * its number of distinct values and of patients that have it, most widely held first.
 *
 * Values are counted as a split reads them: each patient's value on their first event that has one.
 * Protected: an attribute held by 1–10 patients is left out (the answer says how many were); patient
 * counts are rounded; the distinct values counted are those a split would list (held by 11 or more).
 */
export async function attributeColumns(store: EventStore, options: ViewOptions) {
  const rows = await memoOf(options)(['attributes'], (signal) =>
    onFiltered(store, [], { signal, timeoutMs: options.timeoutMs }, (conn) =>
      runQuery(conn, buildAttributeColumns(), AttributeRow),
    ),
  );
  if (!options.protect) {
    return {
      attributes: rows.map(({ key, cases, values }) => ({ ...shownExactly({ key, cases }), values })),
      omitted: {},
      suppression: suppressionInfo(false),
    };
  }
  const kept = rows.filter((r) => !isSmallCount(r.cases));
  const omitted = rows.length - kept.length;
  return {
    attributes: kept.map(({ key, cases, commonValues }) => ({
      ...coarsen(shownExactly({ key, cases }), { counts: ['cases'] }),
      values: commonValues,
    })),
    omitted: omitted > 0 ? { attributes: omitted } : {},
    suppression: suppressionInfo(true),
  };
}
