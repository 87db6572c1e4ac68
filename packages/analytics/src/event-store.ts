import { randomBytes, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { EVENTS_TABLE_DDL } from './events-table';
import { stageCsv } from './import/csv';
import { detectFormat } from './import/detect-format';
import { readFhir } from './import/fhir';
import { readHl7 } from './import/hl7';
import { ImportError } from './import/import-error';
import { stageParquet } from './import/parquet';
import { lit } from './import/sql';
import { EventStager, type FinalizeResult, finalizeImport, type StagedSource } from './import/staging';
import { type ResolvedMapping, resolveMapping, tabularSource, usedColumns } from './import/tabular';
import { checkTimezone } from './import/timestamps';
import type { ImportFormat, ImportOptions, ImportResult, SkippedRecord } from './import/types';
import { readXes } from './import/xes';
import { KEY_BYTES } from './pseudonymise';

export interface EventStoreOptions {
  /** DuckDB database file; default `:memory:`. */
  path?: string;
  /**
   * Workspace pseudonymisation key (`loadOrCreateKey`), kept outside the database. Without one a random
   * key is used: pseudonyms are then stable only for this store's lifetime (fine for a one-shot analysis).
   */
  key?: Buffer;
}

/** What importers add beside events. */
interface ReadOutcome {
  source: StagedSource | null;
  droppedColumns?: string[];
  unknownResourceTypes?: Record<string, number>;
  ignoredMessages?: Record<string, number>;
  rejected?: { count: number; first: SkippedRecord[] };
}

/** Opens (or creates) a DuckDB event database with the canonical `events` table. */
export async function openEventStore(options: EventStoreOptions = {}): Promise<EventStore> {
  const key = options.key ?? randomBytes(KEY_BYTES);
  if (key.length < KEY_BYTES) throw new Error(`pseudonymisation key must be at least ${KEY_BYTES} bytes`);
  const instance = await DuckDBInstance.create(options.path ?? ':memory:');
  const connection = await instance.connect();
  // Analyses format TIMESTAMPTZ values in UTC whatever the machine's zone.
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(EVENTS_TABLE_DDL);
  return new EventStore(instance, connection, key);
}

/**
 * An event database. Imports run one at a time (each on its own connection, for its TEMP tables) so the
 * global `seq` keeps increasing across imports; `connection` is free for analyses.
 */
export class EventStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly key: Buffer,
  ) {}

  /** Imports one file (or NDJSON folder) as a new source; all or nothing unless `skipBadRows`. */
  importEvents(file: string, options: ImportOptions = {}): Promise<ImportResult> {
    return this.serialise(() => this.runImport(file, options));
  }

  /** Deletes every event of a source; returns how many were deleted. */
  deleteSource(sourceId: string): Promise<number> {
    return this.serialise(async () => {
      const result = await this.connection.run(`DELETE FROM events WHERE source_id = ${lit(sourceId)}`);
      return result.rowsChanged;
    });
  }

  /** Imported sources with their event counts, oldest first. */
  async sources(): Promise<{ sourceId: string; events: number }[]> {
    const rows = (
      await this.connection.runAndReadAll(
        'SELECT source_id, count(*) AS n, min(seq) AS s FROM events GROUP BY source_id ORDER BY s',
      )
    ).getRowObjectsJS();
    return rows.map((r) => ({ sourceId: String(r.source_id), events: Number(r.n) }));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runImport(file: string, options: ImportOptions): Promise<ImportResult> {
    const timezone = options.timezone ?? 'UTC';
    checkTimezone(timezone);
    await access(file).catch(() => {
      throw new ImportError(file, 'file not found or not readable');
    });
    const format = await resolveFormat(file, options.format);
    const sourceId = options.sourceId ?? randomUUID();
    const exists = await this.connection.runAndReadAll(
      `SELECT 1 FROM events WHERE source_id = ${lit(sourceId)} LIMIT 1`,
    );
    if (exists.currentRowCount > 0) {
      throw new ImportError(file, `source "${sourceId}" is already imported; delete it first`);
    }
    const db = await this.instance.connect();
    try {
      // Naive timestamps are read in this connection's zone (see timestampSql).
      await db.run(`SET TimeZone = ${lit(timezone)}`);
      const outcome = await read(db, file, format, options, timezone);
      const done: FinalizeResult =
        outcome.source === null
          ? { events: 0, cases: 0, skipped: { count: 0, first: [] }, firstEvent: null, lastEvent: null }
          : await finalizeImport(
              { connection: db, file, sourceId, key: this.key, skipBadRows: options.skipBadRows === true },
              outcome.source,
            );
      const rejected = outcome.rejected ?? { count: 0, first: [] };
      const result: ImportResult = {
        sourceId,
        format,
        events: done.events,
        cases: done.cases,
        skipped: {
          count: rejected.count + done.skipped.count,
          first: [...rejected.first, ...done.skipped.first].slice(0, 10),
        },
        droppedColumns: outcome.droppedColumns ?? [],
        firstEvent: done.firstEvent,
        lastEvent: done.lastEvent,
      };
      if (outcome.unknownResourceTypes) result.unknownResourceTypes = outcome.unknownResourceTypes;
      if (outcome.ignoredMessages) result.ignoredMessages = outcome.ignoredMessages;
      return result;
    } finally {
      db.closeSync(); // drops the connection's TEMP tables, raw ids included
    }
  }
}

async function resolveFormat(file: string, format: ImportOptions['format']): Promise<ImportFormat> {
  if (format === undefined) return detectFormat(file);
  if (format === 'fhir' || format === 'xes') {
    const detected = await detectFormat(file);
    if (format === 'fhir') return detected === 'fhir-ndjson' ? 'fhir-ndjson' : 'fhir-bundle';
    return detected === 'xes.gz' ? 'xes.gz' : 'xes';
  }
  return format;
}

async function read(
  db: DuckDBConnection,
  file: string,
  format: ImportFormat,
  options: ImportOptions,
  timezone: string,
): Promise<ReadOutcome> {
  switch (format) {
    case 'csv':
    case 'tsv':
    case 'parquet': {
      let mapping: ResolvedMapping | undefined;
      const pick = (columns: readonly string[]) => {
        mapping = resolveMapping(file, columns, options);
        return usedColumns(mapping);
      };
      const staged =
        format === 'parquet'
          ? { ...(await stageParquet(db, file, options, pick)), rejected: undefined }
          : await stageCsv(db, file, format === 'tsv' ? { delimiter: '\t', ...options } : options, pick);
      if (staged.table === null || mapping === undefined) return { source: null };
      return {
        source: await tabularSource(db, file, staged.table, mapping, options, timezone),
        droppedColumns: mapping.dropped,
        ...(staged.rejected ? { rejected: staged.rejected } : {}),
      };
    }
    case 'xes':
    case 'xes.gz': {
      const stager = await EventStager.create(db);
      const { fields, droppedColumns } = await readXes(file, stager, options);
      return { source: stager.source(fields, timezone), droppedColumns };
    }
    case 'fhir-bundle':
    case 'fhir-ndjson': {
      const stager = await EventStager.create(db);
      const { fields, unknownResourceTypes, droppedColumns } = await readFhir(file, format, stager, options);
      return { source: stager.source(fields, timezone), unknownResourceTypes, droppedColumns };
    }
    case 'hl7': {
      const stager = await EventStager.create(db);
      const { fields, ignoredMessages } = await readHl7(file, stager, options);
      return { source: stager.source(fields, timezone), ignoredMessages };
    }
  }
}
