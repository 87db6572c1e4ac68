import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type AnalysisResult, type AnalyzeOptions, analyze } from './analyze';
import { ensureEventsTable, PRUNE_CASE_KEYS } from './events-table';
import { stageCsv } from './import/csv';
import { detectFormat } from './import/detect-format';
import { readFhir } from './import/fhir';
import { readHl7 } from './import/hl7';
import { ImportError } from './import/import-error';
import { count } from './import/limits';
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
  /**
   * DuckDB's memory limit (e.g. `'2GB'`); large operators spill to `temp_directory` beyond it. Default:
   * {@link defaultMemoryLimit}.
   */
  memoryLimit?: string;
  /** DuckDB worker threads; default one per core. */
  threads?: number;
}

const GB = 1024 ** 3;
/** The default memory limit never exceeds this, so a whole analysis process stays under 4 GB of RSS. */
const MAX_DEFAULT_LIMIT_GB = 2.5;

/**
 * 60% of the memory free right now, at most 2.5 GB (at least 256 MB). DuckDB's own default (80% of all
 * RAM) let a 10M-event import reach 4.25 GB and the analyses 5.8 GB of RSS; with this limit the same
 * work spills briefly instead.
 */
export function defaultMemoryLimit(free = freemem()): string {
  const gb = Math.max(0.25, Math.min(MAX_DEFAULT_LIMIT_GB, (0.6 * free) / GB));
  return `${Math.round(gb * 1024)}MB`;
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
  if (options.memoryLimit !== undefined && !/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(options.memoryLimit))
    throw new Error(`memory limit must look like 2GB or 512MB, got "${options.memoryLimit}"`);
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1))
    throw new Error(`threads must be a positive integer, got ${options.threads}`);
  const path = options.path ?? ':memory:';
  // Spill files go beside the database file (DuckDB's own default), or for an in-memory store into a
  // private folder under the OS temp dir (DuckDB's default would be `.tmp` in the working directory).
  const scratch = path === ':memory:' ? join(tmpdir(), `pathlight-duckdb-${randomUUID()}`) : null;
  const config: Record<string, string> = {
    memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
    temp_directory: scratch ?? `${path}.tmp`,
  };
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  // Analyses format TIMESTAMPTZ values in UTC whatever the machine's zone.
  await connection.run("SET TimeZone = 'UTC'");
  await ensureEventsTable(connection);
  return new EventStore(instance, connection, key, scratch);
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
    private readonly scratch: string | null = null,
  ) {}

  /** Imports one file (or NDJSON folder) as a new source; all or nothing unless `skipBadRows`. */
  importEvents(file: string, options: ImportOptions = {}): Promise<ImportResult> {
    return this.serialise(() => this.runImport(file, options));
  }

  /**
   * Deletes every event of a source, and the case numbers of cases left without events; returns how
   * many events were deleted.
   */
  deleteSource(sourceId: string): Promise<number> {
    return this.serialise(async () => {
      // Its own connection, so the transaction never wraps an analysis running on `connection`.
      const db = await this.instance.connect();
      try {
        await db.run('BEGIN TRANSACTION');
        const result = await db.run(`DELETE FROM events WHERE source_id = ${lit(sourceId)}`);
        if (result.rowsChanged > 0) await db.run(PRUNE_CASE_KEYS);
        await db.run('COMMIT');
        return result.rowsChanged;
      } catch (error) {
        await db.run('ROLLBACK');
        throw error;
      } finally {
        db.closeSync();
      }
    });
  }

  /**
   * Replaces a source's events by those imported under `importId` (a refresh), in one transaction:
   * until it commits, analyses see the old events; afterwards only the new ones.
   */
  replaceSource(sourceId: string, importId: string): Promise<void> {
    return this.serialise(async () => {
      const db = await this.instance.connect();
      try {
        await db.run('BEGIN TRANSACTION');
        try {
          await db.run('DELETE FROM events WHERE source_id = $1', [sourceId]);
          await db.run('UPDATE events SET source_id = $1 WHERE source_id = $2', [sourceId, importId]);
          await db.run(PRUNE_CASE_KEYS); // case numbers of patients no longer in any source
          await db.run('COMMIT');
        } catch (error) {
          await db.run('ROLLBACK');
          throw error;
        }
      } finally {
        db.closeSync();
      }
    });
  }

  /**
   * {@link analyze} on this store, with a second connection so independent analyses run at the same time
   * (10M events, 2 cores: 19.5 s → 10–14 s of wall time for the same CPU time).
   */
  async analyze(options: Omit<AnalyzeOptions, 'connections'> = {}): Promise<AnalysisResult> {
    const extra = await this.instance.connect();
    try {
      await extra.run("SET TimeZone = 'UTC'");
      return await analyze(this.connection, { ...options, connections: [extra] });
    } finally {
      extra.closeSync();
    }
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
    if (this.scratch !== null) rmSync(this.scratch, { recursive: true, force: true });
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
      const skippedCount = rejected.count + done.skipped.count;
      const firstSkipped = rejected.first[0] ?? done.skipped.first[0];
      if (done.events === 0 && firstSkipped !== undefined) {
        // Skipping bad rows must not turn a file nothing could be read from into an empty success.
        throw new ImportError(
          file,
          `no record could be imported (${count(skippedCount)} bad ${skippedCount === 1 ? 'record' : 'records'}; this one: ${firstSkipped.reason}); nothing was imported`,
          firstSkipped.location,
        );
      }
      const result: ImportResult = {
        sourceId,
        format,
        events: done.events,
        cases: done.cases,
        skipped: {
          count: skippedCount,
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
