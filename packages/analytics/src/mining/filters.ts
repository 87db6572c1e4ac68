import { CASE_SEQUENCE, position, type SqlParams } from './sql';

/** Columns of the events table an attribute filter or segment can name directly; other keys read `attrs`. */
const EVENT_COLUMNS = new Set(['channel', 'resource', 'lifecycle', 'source_id']);

/**
 * A restriction applied before every analysis. Filters combine with AND.
 * - `time`: keeps events with `from ≤ ts < to` (ISO 8601; either end may be open). Applied first.
 * - `attribute`: keeps cases whose value of the attribute (its value on the case's first event that
 *   has one) is in `values`; `null` in `values` selects cases that never have the attribute.
 * - `activity`: keeps cases that have (present) or lack (absent) at least one event of the activity.
 * - `variant`: keeps cases whose ordered activity sequence equals `activities`.
 * Case-level filters are evaluated on the events left by the time window.
 */
export type EventFilter =
  | { kind: 'time'; from?: string; to?: string }
  | { kind: 'attribute'; key: string; values: readonly (string | null)[] }
  | { kind: 'activity'; activity: string; present: boolean }
  | { kind: 'variant'; activities: readonly string[] };

/**
 * SQL expression reading an attribute: a column of the events table or a key of `attrs`. Keys are read
 * by JSON Pointer (RFC 6901), where only `~` and `/` need escaping, so any column name — with `\`, `*`,
 * `%`, quotes or `$` — names exactly its own value (a JSONPath would read some as syntax).
 */
export function attributeExpr(key: string, params: SqlParams): string {
  if (EVENT_COLUMNS.has(key)) return key;
  return `json_extract_string(attrs, ${params.add(jsonPointer(key))})`;
}

/** The JSON Pointer of a top-level key. */
export const jsonPointer = (key: string): string => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The aggregate giving a case's value of an attribute: the value on its first event that has one. */
export function caseAttributeAgg(key: string, params: SqlParams): string {
  const expr = attributeExpr(key, params);
  return `arg_min(${expr}, ${position()}) FILTER (WHERE ${expr} IS NOT NULL)`;
}

/**
 * A bound ISO 8601 time as a UTC TIMESTAMP: an offset (or Z) is converted; a time without one is taken
 * as UTC, like the events table, never in the session's zone.
 */
function utcTimestamp(iso: string, params: SqlParams): string {
  const placeholder = params.add(iso);
  return /([zZ]|[+-]\d\d(:?\d\d)?)$/.test(iso.trim())
    ? `(${placeholder}::TIMESTAMPTZ AT TIME ZONE 'UTC')`
    : `${placeholder}::TIMESTAMP`;
}

const COLUMNS = 'source_id, case_id, case_no, seq, activity, ts, channel, resource, lifecycle, cost, attrs';

/**
 * Common table expressions ending in `fe`, the filtered events every analysis reads
 * (returned without the leading `WITH`).
 */
export function filteredEvents(filters: readonly EventFilter[], params: SqlParams): string {
  const where: string[] = [];
  const having: string[] = [];
  for (const f of filters) {
    switch (f.kind) {
      case 'time':
        if (f.from !== undefined) where.push(`ts >= ${utcTimestamp(f.from, params)}`);
        if (f.to !== undefined) where.push(`ts < ${utcTimestamp(f.to, params)}`);
        break;
      case 'attribute': {
        const value = caseAttributeAgg(f.key, params);
        const named = f.values.filter((v): v is string => v !== null);
        const parts = [`list_contains(${params.strings(named)}, ${value})`];
        if (named.length !== f.values.length) parts.push(`${value} IS NULL`);
        having.push(`(${parts.join(' OR ')})`);
        break;
      }
      case 'activity':
        having.push(`${f.present ? '' : 'NOT '}bool_or(activity = ${params.add(f.activity)})`);
        break;
      case 'variant':
        having.push(`${CASE_SEQUENCE} = ${params.strings(f.activities)}`);
        break;
    }
  }
  const windowed = `SELECT ${COLUMNS} FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  // NOT MATERIALIZED: DuckDB would otherwise copy the events into a CTE buffer whenever a query reads `fe`
  // more than once; scanning the table again is cheaper (summary on 10M events: 0.50 → 0.13 s of CPU).
  if (!having.length) return `fe AS NOT MATERIALIZED (${windowed})`;
  return [
    `fw AS (${windowed})`,
    // A select list rather than HAVING: DuckDB's binder rejects the lambda of CASE_SEQUENCE in HAVING.
    `fc AS (SELECT case_no FROM (SELECT case_no, ${having.join(' AND ')} AS keep FROM fw GROUP BY case_no) WHERE keep)`,
    'fe AS (SELECT * FROM fw SEMI JOIN fc USING (case_no))',
  ].join(',\n');
}
