import { randomUUID } from 'node:crypto';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { newCaseKeysSql } from '../events-table';
import { pseudonymise } from '../pseudonymise';
import { ImportError } from './import-error';
import { lit } from './sql';
import { expectedTimestamp, ISO_FORMAT, type TimestampFormat, timestampSql } from './timestamps';
import type { SkippedRecord } from './types';

/** Attribute values the events table keeps (`attrs` JSON). */
export type AttributeValue = string | number | boolean;

/**
 * One event as an importer read it, before validation and pseudonymisation. `timestamp` is ISO 8601 text
 * with or without offset; `bad` marks a record the importer already knows it cannot use.
 */
export interface RawEvent {
  location: string;
  caseId: string | null;
  activity: string | null;
  timestamp: string | null;
  channel?: string | null;
  resource?: string | null;
  lifecycle?: string | null;
  cost?: number | null;
  attrs?: Record<string, AttributeValue>;
  bad?: string;
}

/** Field names used in error messages, in the source's own vocabulary. */
export interface FieldNames {
  caseId: string;
  activity: string;
  timestamp: string;
  cost?: string;
}

/**
 * The columns `finalizeImport` reads from an importer's SELECT: `rec` (1-based record ordinal, also the
 * file order), `loc`, `case_raw`, `activity`, `ts_raw`, `ts` (TIMESTAMP meaning UTC, NULL if unparsable),
 * `channel`, `resource`, `lifecycle`, `cost_raw`, `cost`, `attrs` (JSON text) and `bad`.
 */
export interface StagedSource {
  select: string;
  fields: FieldNames;
  /** The format `ts` was parsed with, for the message about a value that did not parse. */
  timestamp: TimestampFormat;
}

/** Writes RawEvents from JS importers into a TEMP table through DuckDB's appender (never row INSERTs). */
export class EventStager {
  private rec = 0;
  private constructor(
    readonly table: string,
    private readonly appender: DuckDBAppender,
  ) {}

  static async create(connection: DuckDBConnection): Promise<EventStager> {
    const table = tempName('stage');
    await connection.run(
      `CREATE TEMP TABLE ${table} (rec BIGINT, loc VARCHAR, case_raw VARCHAR, activity VARCHAR, ts_raw VARCHAR,
        channel VARCHAR, resource VARCHAR, lifecycle VARCHAR, cost DOUBLE, attrs JSON, bad VARCHAR)`,
    );
    return new EventStager(table, await connection.createAppender(table, 'main', 'temp'));
  }

  get count(): number {
    return this.rec;
  }

  add(event: RawEvent): void {
    const a = this.appender;
    this.rec += 1;
    a.appendBigInt(BigInt(this.rec));
    a.appendVarchar(event.location);
    appendText(a, event.caseId);
    appendText(a, event.activity);
    appendText(a, event.timestamp);
    appendText(a, event.channel);
    appendText(a, event.resource);
    appendText(a, event.lifecycle);
    if (event.cost === undefined || event.cost === null) a.appendNull();
    else a.appendDouble(event.cost);
    a.appendVarchar(JSON.stringify(event.attrs ?? {}));
    appendText(a, event.bad);
    a.endRow();
  }

  /** Flushes and closes the appender; the table then holds every added event. */
  finish(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }

  /** The StagedSource reading this table, naive timestamps taken in `timezone`. */
  source(fields: FieldNames, timezone: string): StagedSource {
    return {
      select: `SELECT rec, loc, case_raw, activity, ts_raw, ${timestampSql('ts_raw', ISO_FORMAT, timezone)} AS ts,
        channel, resource, lifecycle, NULL::VARCHAR AS cost_raw, cost, attrs, bad FROM ${this.table}`,
      fields,
      timestamp: ISO_FORMAT,
    };
  }
}

function appendText(appender: DuckDBAppender, value: string | null | undefined): void {
  if (value === undefined || value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

/** A unique TEMP table name for one import step. */
export function tempName(prefix: string): string {
  return `pl_${prefix}_${randomUUID().replaceAll('-', '')}`;
}

export interface FinalizeContext {
  connection: DuckDBConnection;
  file: string;
  sourceId: string;
  key: Buffer;
  skipBadRows: boolean;
}

export interface FinalizeResult {
  events: number;
  cases: number;
  skipped: { count: number; first: SkippedRecord[] };
  firstEvent: string | null;
  lastEvent: string | null;
}

/** How many skipped records an import result lists. */
const SKIPPED_SAMPLE = 10;

/** The count and the first few of the records `checked` marks with a reason, in file order. */
async function badRecords(db: DuckDBConnection, checked: string): Promise<FinalizeResult['skipped']> {
  const rows = (
    await db.runAndReadAll(
      `SELECT rec, coalesce(loc, 'record ' || rec) AS loc, reason, count(*) OVER () AS n FROM ${checked}
      WHERE reason IS NOT NULL ORDER BY rec LIMIT ${SKIPPED_SAMPLE}`,
    )
  ).getRowObjectsJS();
  return {
    count: Number(rows[0]?.n ?? 0),
    first: rows.map((r) => ({ record: Number(r.rec), location: String(r.loc), reason: String(r.reason) })),
  };
}

/**
 * Validates staged events, pseudonymises case ids and appends the good events to `events` in one
 * transaction. Bad records fail the import (nothing written) unless `skipBadRows`. Raw case ids only pass
 * through TEMP tables, which are dropped before returning.
 */
export async function finalizeImport(ctx: FinalizeContext, source: StagedSource): Promise<FinalizeResult> {
  const db = ctx.connection;
  const fields = source.fields;
  const caseMap = tempName('cases');
  const caseNos = tempName('casenos');
  const reason = `CASE
    WHEN bad IS NOT NULL THEN bad
    WHEN case_raw IS NULL OR case_raw = '' OR (starts_with(case_raw, ' ') AND trim(case_raw) = '') THEN ${lit(`empty case id (${fields.caseId})`)}
    WHEN activity IS NULL OR activity = '' OR (starts_with(activity, ' ') AND trim(activity) = '') THEN ${lit(`empty activity (${fields.activity})`)}
    WHEN ts_raw IS NULL OR ts_raw = '' OR (starts_with(ts_raw, ' ') AND trim(ts_raw) = '') THEN ${lit(`missing timestamp (${fields.timestamp})`)}
    WHEN ts IS NULL THEN ${lit(`timestamp (${fields.timestamp}) is not a date or time (expected ${expectedTimestamp(source.timestamp)})`)}
    WHEN cost IS NULL AND cost_raw IS NOT NULL AND trim(cost_raw) <> '' THEN ${lit(`cost (${fields.cost ?? 'cost'}) is not a number (expected e.g. 12.50)`)}
  END`;
  const checked = `(SELECT *, ${reason} AS reason FROM (${source.select}))`;
  try {
    // HMAC the distinct ids in JS (far fewer than events), then join them in. Ids of bad rows may be
    // hashed too; their map rows are simply never joined.
    const ids = (
      await db.runAndReadAll(`SELECT DISTINCT case_raw FROM (${source.select}) WHERE case_raw IS NOT NULL`)
    ).getColumnsJS()[0] as string[] | undefined;
    await db.run(`CREATE TEMP TABLE ${caseMap} (raw VARCHAR, pseudonym VARCHAR)`);
    const appender = await db.createAppender(caseMap, 'main', 'temp');
    for (const id of ids ?? []) {
      appender.appendVarchar(id);
      appender.appendVarchar(pseudonymise(ctx.key, id));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();

    // Insert the good rows first (one pass over the staged rows); only when some were left out is there
    // a second pass to find them, then the transaction is rolled back or, when skipping, committed.
    let skipped: FinalizeResult['skipped'] = { count: 0, first: [] };
    await db.run('BEGIN TRANSACTION');
    try {
      // Case numbers: existing ones for pseudonyms the store already holds, new ones for the rest.
      await db.run(newCaseKeysSql(`SELECT pseudonym AS case_id FROM ${caseMap}`));
      await db.run(`CREATE TEMP TABLE ${caseNos} AS SELECT m.raw, m.pseudonym, k.case_no
        FROM ${caseMap} m JOIN case_keys k ON k.case_id = m.pseudonym`);
      const inserted = (
        await db.run(`INSERT INTO events
          SELECT ${lit(ctx.sourceId)}, base.max_seq + p.rec, m.pseudonym, p.activity, p.ts, p.channel, p.resource,
            p.lifecycle, p.cost, p.attrs, m.case_no
          FROM ${checked} p JOIN ${caseNos} m ON p.case_raw = m.raw
            CROSS JOIN (SELECT coalesce(max(seq), 0) AS max_seq FROM events) base
          WHERE p.reason IS NULL`)
      ).rowsChanged;
      const staged = Number(
        (await db.runAndReadAll(`SELECT count(*) FROM (${source.select})`)).getColumnsJS()[0]?.[0] ?? 0,
      );
      if (inserted < staged) {
        skipped = await badRecords(db, checked);
        if (!ctx.skipBadRows) {
          const f = skipped.first[0]!;
          throw new ImportError(ctx.file, `${f.reason}; nothing was imported`, f.location);
        }
        // Cases whose every row was skipped keep no number.
        await db.run(`DELETE FROM case_keys k WHERE k.case_no IN (SELECT case_no FROM ${caseNos})
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.case_no = k.case_no)`);
      }
      await db.run('COMMIT');
    } catch (error) {
      await db.run('ROLLBACK');
      throw error;
    }
    const stats = (
      await db.runAndReadAll(
        `SELECT count(*) AS events, count(DISTINCT case_no) AS cases,
          strftime(min(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS first, strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS last
        FROM events WHERE source_id = ${lit(ctx.sourceId)}`,
      )
    ).getRowObjectsJS()[0]!;
    return {
      events: Number(stats.events),
      cases: Number(stats.cases),
      skipped,
      firstEvent: (stats.first as string | null) ?? null,
      lastEvent: (stats.last as string | null) ?? null,
    };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${caseMap}; DROP TABLE IF EXISTS ${caseNos}`);
  }
}
