import { z } from 'zod';
import type { EventStore } from '../event-store';
import { runQuery } from '../mining/runner';
import { SqlParams, type SqlQuery } from '../mining/sql';
import { memoOf, onFiltered, type ViewOptions } from './context';
import { coarsen, isSmallCount, SMALL_CELL_THRESHOLD, shownExactly, suppressionInfo } from './disclosure';

/** Columns of the events table offered as attributes (every other attribute is a key of `attrs`). */
export const ATTRIBUTE_COLUMNS = ['channel', 'resource', 'source_id'] as const;
/** Columns an attribute filter reads directly: an `attrs` key with one of these names cannot be read. */
const SHADOWED = new Set(['channel', 'resource', 'lifecycle', 'source_id']);
/** The most attributes one answer lists (most widely held first). */
export const MAX_ATTRIBUTES = 500;

/**
 * Every attribute of the events and how it spreads: per key, how many distinct values it takes, how
 * many of those are held by more than {@link SMALL_CELL_THRESHOLD} patients, and how many patients
 * have it. Keys of `attrs` are read by JSON Pointer (as filters read them), so any column name works.
 */
export function buildAttributeColumns(limit = MAX_ATTRIBUTES): SqlQuery {
  const p = new SqlParams();
  const shadowed = p.strings([...SHADOWED]);
  const columns = ATTRIBUTE_COLUMNS.map(
    (c) => `SELECT case_no, '${c}' AS key, ${c}::VARCHAR AS value FROM events WHERE ${c} IS NOT NULL`,
  );
  const pointer = `'/' || replace(replace(key, '~', '~0'), '/', '~1')`;
  const sql = `WITH av AS (
  ${columns.join('\n  UNION ALL ')}
  UNION ALL SELECT case_no, key, json_extract_string(attrs, ${pointer}) FROM
    (SELECT case_no, attrs, unnest(json_keys(attrs)) AS key FROM events WHERE attrs IS NOT NULL)
    WHERE NOT list_contains(${shadowed}, key)
),
kv AS (SELECT key, value, count(DISTINCT case_no) AS cases FROM av WHERE value IS NOT NULL GROUP BY key, value),
kc AS (SELECT key, count(DISTINCT case_no) AS cases FROM av WHERE value IS NOT NULL GROUP BY key)
SELECT kc.key, kc.cases, count(*) AS "values", count(*) FILTER (WHERE kv.cases > ${p.add(SMALL_CELL_THRESHOLD)}) AS "commonValues"
FROM kc JOIN kv USING (key) GROUP BY kc.key, kc.cases
ORDER BY kc.cases DESC, kc.key LIMIT ${p.add(limit)}`;
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
