/**
 * The canonical event table every importer writes and every analysis reads (DuckDB).
 *
 * - One row per event. `case_id` is already pseudonymised (keyed HMAC); raw ids never land here.
 * - `ts` is a naive TIMESTAMP that always means UTC: importers convert offsets and the user's
 *   `--timezone` before writing, so the machine's local zone can never leak in.
 * - `seq` is the ingest sequence, unique and increasing within a database. Events are always
 *   ordered by (case_id, ts, seq): ties in timestamps keep file order, run after run.
 * - `source_id` names the import (data source) the row came from, so a source can be deleted.
 * - `attrs` holds every other attribute as a JSON object of strings, numbers and booleans
 *   (e.g. {"source":"google-ads","location":"Riverside","nps":9}); read with `attrs->>'key'`.
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
  attrs JSON
)`;

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
] as const;
