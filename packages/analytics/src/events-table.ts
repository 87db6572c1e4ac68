import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The canonical event table every importer writes and every analysis reads (DuckDB).
 *
 * - One row per event. `case_id` is already pseudonymised (keyed HMAC); raw ids never land here.
 * - `case_no` is a dense integer standing for `case_id` within this database (see `case_keys`):
 *   analyses group and partition by it, which is far cheaper than by the 43-character pseudonym.
 *   Whoever writes events sets it (importers do; other writers call {@link assignCaseNumbers}).
 * - `ts` is a naive TIMESTAMP that always means UTC: importers convert offsets and the user's
 *   `--timezone` before writing, so the machine's local zone can never leak in.
 * - `seq` is the ingest sequence, unique and increasing within a database. Events are always
 *   ordered by (case_id, ts, seq): ties in timestamps keep file order, run after run.
 * - `source_id` names the import (data source) the row came from, so a source can be deleted.
 * - `attrs` holds every other attribute as a JSON object of strings, numbers and booleans
 *   (e.g. {"source":"google-ads","location":"Riverside","nps":9}); read a key by JSON Pointer (`json_extract_string(attrs, '/key')`, see mining/filters.ts).
 */
export const EVENTS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS events (
  source_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  case_id VARCHAR NOT NULL,
  activity VARCHAR NOT NULL,
  ts TIMESTAMP NOT NULL,
  channel VARCHAR,
  resource VARCHAR,
  lifecycle VARCHAR,
  cost DOUBLE,
  attrs JSON,
  case_no INTEGER
)`;

/**
 * Pseudonym → case number, one row per case the database has held. Numbers are dense (1, 2, …) and
 * stable: a later import of the same patient reuses the number, so a case spanning sources stays one
 * case. Rows whose case no longer has events are removed when a source is deleted.
 */
export const CASE_KEYS_DDL = `
CREATE TABLE IF NOT EXISTS case_keys (
  case_id VARCHAR NOT NULL,
  case_no INTEGER NOT NULL
)`;

/** Removes the case numbers of cases that no longer have events (after deleting or replacing events). */
export const PRUNE_CASE_KEYS =
  'DELETE FROM case_keys k WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.case_no = k.case_no)';

/** Column order of the events table, for appenders. */
export const EVENT_COLUMNS = [
  'source_id',
  'seq',
  'case_id',
  'activity',
  'ts',
  'channel',
  'resource',
  'lifecycle',
  'cost',
  'attrs',
  'case_no',
] as const;

/**
 * SQL adding the case ids of `pseudonyms` (a query returning one `case_id` column) that have no number
 * yet to `case_keys`, numbered after the largest number in use.
 */
export function newCaseKeysSql(pseudonyms: string): string {
  return `INSERT INTO case_keys
SELECT case_id, (SELECT coalesce(max(case_no), 0) FROM case_keys) + row_number() OVER (ORDER BY case_id)
FROM (SELECT DISTINCT case_id FROM (${pseudonyms})) ANTI JOIN case_keys USING (case_id)`;
}

/**
 * Creates the tables (or brings an older database up to date: adds `case_no`) and numbers any events
 * written without a case number.
 */
export async function ensureEventsTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(EVENTS_TABLE_DDL);
  await conn.run(CASE_KEYS_DDL);
  await conn.run('ALTER TABLE events ADD COLUMN IF NOT EXISTS case_no INTEGER');
  await assignCaseNumbers(conn);
}

/** Gives events written without a `case_no` (older databases, hand-written rows) their case's number. */
export async function assignCaseNumbers(conn: DuckDBConnection): Promise<void> {
  const missing = await conn.runAndReadAll('SELECT 1 FROM events WHERE case_no IS NULL LIMIT 1');
  if (missing.currentRowCount === 0) return;
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run(newCaseKeysSql('SELECT case_id FROM events WHERE case_no IS NULL'));
    await conn.run(`UPDATE events SET case_no = k.case_no FROM case_keys k
WHERE events.case_no IS NULL AND events.case_id = k.case_id`);
    await conn.run('COMMIT');
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}
