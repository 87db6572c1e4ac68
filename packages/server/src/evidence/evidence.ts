import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  activityCounts,
  type ColumnMapping,
  DEFAULT_ANALYSIS_TIMEOUT_MS,
  type EventStore,
  ImportError,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  journeyDashboard,
  journeyMetrics,
  type Memo,
  processMap,
  protectedCount,
} from '@pathlight/analytics';
import type { Database, Job as StoredJob, DataSource as StoredSource } from '@pathlight/db';
import type { Logger } from '../logger';
import { EventStores, workspacePaths } from './event-stores';
import { JobRunner } from './job-runner';
import { ResultCache } from './result-cache';
import { importErrorMessage, Uploads } from './uploads';

/** Default upload limit: 1 GiB (`PATHLIGHT_MAX_UPLOAD_BYTES`). */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** The error a data source gets when its import was running when the server stopped. */
export const INTERRUPTED = 'interrupted by a restart; upload the file again to retry';

export interface EvidenceOptions {
  /** Root of event databases, keys and uploads (`PATHLIGHT_DATA_DIR`); default a fresh temp folder. */
  dataDir?: string;
  /** Largest upload in bytes (default 1 GiB). */
  maxUploadBytes?: number;
  /**
   * After each import, compute the default views (metrics and dashboard of every journey, the process
   * map, the activity list) in the background, so the first look after an import is instant.
   */
  warmAfterImport?: boolean;
  /** How long one analysis a member asks for may run before it is stopped (default 10 s). */
  analysisTimeoutMs?: number;
}

/** Precomputing views after an import is nobody's request: it may take longer than one. */
const WARM_TIMEOUT_MS = 5 * 60_000;

/** What an import (or refresh) was asked to do; kept in the data source's settings to show and re-use. */
export interface ImportSettings {
  uploadId: string;
  filename: string;
  format?: ImportFormat | 'fhir' | undefined;
  mapping?: ColumnMapping | undefined;
  timezone?: string | undefined;
  keepColumns?: string[] | undefined;
  skipBadRows?: boolean | undefined;
  delimiter?: string | undefined;
  header?: boolean | undefined;
  timestampFormat?: string | undefined;
  /** The import job that last ran for the source. */
  jobId?: string;
}

/** What an import left behind, kept in the data source's `skippedReport` (counts and reasons, no row contents). */
export interface ImportReport {
  skipped: ImportResult['skipped'];
  droppedColumns: string[];
  firstEvent: string | null;
  lastEvent: string | null;
}

/**
 * The API's view of a data source (contract: `DataSource`). Viewers (`protect`) see its patient and
 * event counts under the disclosure rule (1–10 hidden, the rest rounded to 5) and its dates to the day.
 */
export function sourceView(s: StoredSource, protect = false) {
  const report = (s.skippedReport ?? null) as ImportReport | null;
  const settings = (s.settings ?? {}) as Partial<ImportSettings>;
  const counts = { eventCount: s.eventCount ?? 0, caseCount: s.caseCount ?? 0 };
  const shown = protect ? protectCounts(counts) : { ...counts, suppressed: [], suppressedReasons: {} };
  const day = (iso: string | null | undefined) =>
    iso && protect ? `${iso.slice(0, 10)}T00:00:00.000Z` : (iso ?? null);
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    name: s.name,
    format: s.format,
    status: s.status === 'pending' ? ('importing' as const) : s.status,
    ...shown,
    firstEvent: day(report?.firstEvent),
    lastEvent: day(report?.lastEvent),
    droppedColumns: report?.droppedColumns ?? [],
    skipped: report?.skipped ?? null,
    error: s.error,
    jobId: settings.jobId ?? null,
    filename: settings.filename ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    createdBy: s.createdBy,
  };
}

/** Counts as a protected answer shows them: each hidden when 1–10 (reason `small`), else rounded. */
function protectCounts<K extends string>(counts: Record<K, number>) {
  const out = { suppressed: [] as string[], suppressedReasons: {} as Record<string, 'small'> } as Record<
    K,
    number | null
  > & { suppressed: string[]; suppressedReasons: Record<string, 'small'> };
  for (const [key, n] of Object.entries(counts) as [K, number][]) {
    const { value, hidden } = protectedCount(n);
    out[key] = value as never;
    if (hidden) {
      out.suppressed.push(key);
      out.suppressedReasons[key] = 'small';
    }
  }
  return out;
}

/** The API's view of a job (contract: `Job`); its result (exact counts of the import) is for editors only. */
export function jobView(j: StoredJob, protect = false) {
  return {
    id: j.id,
    workspaceId: j.workspaceId,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    error: j.error,
    result: protect ? null : ((j.result ?? null) as Record<string, unknown> | null),
  };
}

/**
 * Event data of all workspaces: the stores, uploads and the background import queue. One per server
 * process; `close()` on shutdown.
 */
export class Evidence {
  readonly dataDir: string;
  readonly maxUploadBytes: number;
  readonly stores: EventStores;
  readonly jobs = new JobRunner();
  /** Analysis answers, dropped whenever a workspace's events change. */
  readonly cache = new ResultCache();
  readonly uploads: Uploads;
  readonly analysisTimeoutMs: number;
  private readonly warmAfterImport: boolean;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    options: EvidenceOptions = {},
  ) {
    this.dataDir = options.dataDir ?? join(tmpdir(), `pathlight-evidence-${randomUUID()}`);
    this.maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.warmAfterImport = options.warmAfterImport ?? false;
    this.analysisTimeoutMs = options.analysisTimeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS;
    this.stores = new EventStores(this.dataDir);
    this.uploads = new Uploads((id) => workspacePaths(this.dataDir, id).uploads);
  }

  /** Marks jobs left unfinished by a previous process as failed (call once at startup). */
  async recover(): Promise<number> {
    return this.db.jobs.failUnfinished(INTERRUPTED);
  }

  /**
   * A stored source whose import is not running in this process (the server restarted meanwhile) is
   * shown, and saved, as failed; a refresh that was cut short leaves the old events, so it stays ready.
   */
  async settle(source: StoredSource): Promise<StoredSource> {
    if (source.status !== 'importing' && source.status !== 'pending') return source;
    const jobId = (source.settings as Partial<ImportSettings> | null)?.jobId;
    if (jobId && this.jobs.isActive(jobId)) return source;
    const hasEvents = (source.eventCount ?? 0) > 0;
    return (
      (await this.db.dataSources.update(source.id, {
        status: hasEvents ? 'ready' : 'failed',
        error: INTERRUPTED,
      })) ?? source
    );
  }

  /**
   * Queues the import of an upload into a source. For a refresh (`replace`), the new events are imported
   * under a temporary id and swapped in one DuckDB transaction, so the old ones stay until then.
   */
  queueImport(
    sourceId: string,
    jobId: string,
    workspaceId: string,
    settings: ImportSettings,
    replace: boolean,
  ) {
    const run = () =>
      this.runImport(sourceId, jobId, workspaceId, settings, replace).catch(async () => {
        // Recording the outcome itself failed: never leave the job looking alive.
        this.logger.error('import bookkeeping failed', { job: jobId });
        await this.db.jobs
          .update(jobId, { status: 'failed', error: `${settings.filename}: the import failed unexpectedly` })
          .catch(() => undefined);
      });
    this.jobs.enqueue(workspaceId, run, jobId);
  }

  private async runImport(
    sourceId: string,
    jobId: string,
    workspaceId: string,
    settings: ImportSettings,
    replace: boolean,
  ): Promise<void> {
    const { db } = this;
    if (!(await db.dataSources.get(sourceId))) {
      await db.jobs.update(jobId, {
        status: 'failed',
        error: 'the data source was deleted before its import ran',
      });
      return;
    }
    await db.jobs.update(jobId, { status: 'running' });
    const importId = replace ? randomUUID() : sourceId;
    let store: EventStore | undefined;
    try {
      const { file } = await this.uploads.get(workspaceId, settings.uploadId);
      store = await this.stores.get(workspaceId);
      const progress = progressWriter(db, jobId);
      const result = await store.importEvents(file, {
        ...importOptions(settings),
        // A compressed upload may not inflate past 20 uploads' worth (a gzip bomb stops early).
        maxInflatedBytes: 20 * this.maxUploadBytes,
        sourceId: importId,
        onProgress: progress.report,
      });
      await progress.flush();
      if (!(await db.dataSources.get(sourceId))) {
        await store.deleteSource(importId);
        await db.jobs.update(jobId, {
          status: 'failed',
          error: 'the data source was deleted during its import',
        });
        return;
      }
      if (replace) await store.replaceSource(sourceId, importId);
      this.cache.invalidate(workspaceId);
      const report: ImportReport = {
        skipped: result.skipped,
        droppedColumns: result.droppedColumns,
        firstEvent: result.firstEvent,
        lastEvent: result.lastEvent,
      };
      await db.transaction(async (tx) => {
        await tx.dataSources.update(sourceId, {
          status: 'ready',
          eventCount: result.events,
          caseCount: result.cases,
          skippedReport: report,
          error: null,
        });
        await tx.jobs.update(jobId, {
          status: 'succeeded',
          result: { ...result, sourceId },
        });
      });
      await this.uploads.remove(workspaceId, settings.uploadId);
      if (this.warmAfterImport) this.jobs.enqueue(workspaceId, () => this.warm(workspaceId));
    } catch (error) {
      if (replace && store) await store.deleteSource(importId).catch(() => undefined);
      const message = importErrorMessage(error, settings.filename);
      if (!(error instanceof ImportError)) {
        this.logger.error('import failed unexpectedly', {
          error: error instanceof Error ? error.name : 'non-error thrown',
        });
      }
      const current = await db.dataSources.get(sourceId);
      await db.transaction(async (tx) => {
        if (current) {
          await tx.dataSources.update(sourceId, {
            status: replace && (current.eventCount ?? 0) > 0 ? 'ready' : 'failed',
            error: message,
          });
        }
        await tx.jobs.update(jobId, { status: 'failed', error: message });
      });
    }
  }

  /**
   * Computes the default (unfiltered) views of a workspace into the result cache, with the same keys
   * the routes use. Failures are only logged: the views are computed again when asked for.
   */
  async warm(workspaceId: string): Promise<void> {
    try {
      const store = await this.stores.get(workspaceId);
      const options = (scope: unknown[]) => {
        const memo: Memo = (key, compute) => this.cache.get(workspaceId, [...scope, ...key], compute);
        return { protect: false, memo, timeoutMs: WARM_TIMEOUT_MS };
      };
      await activityCounts(store, options([]));
      await processMap(store, {}, {}, options([]));
      for (const summary of await this.db.journeys.list(workspaceId)) {
        const journey = await this.db.journeys.get(summary.id);
        if (!journey) continue;
        const scoped = options([journey.id, journey.version]);
        await journeyMetrics(store, journey.document, {}, scoped);
        if (journey.document.kpis.length > 0) await journeyDashboard(store, journey.document, {}, scoped);
      }
    } catch (error) {
      this.logger.warn('could not precompute views after an import', {
        error: error instanceof Error ? error.name : 'non-error thrown',
      });
    }
  }

  /** Deletes a source's events (after any import of its workspace already queued). */
  async deleteEvents(workspaceId: string, sourceId: string): Promise<void> {
    const store = await this.stores.get(workspaceId);
    await store.deleteSource(sourceId);
    this.cache.invalidate(workspaceId);
  }

  /** Forgets a deleted workspace: once its queued work ends, closes its store and deletes its files. */
  dropWorkspace(workspaceId: string): void {
    this.cache.invalidate(workspaceId);
    this.jobs.enqueue(workspaceId, () => this.stores.destroy(workspaceId));
  }

  /** Waits for background work, then closes every store. */
  async close(): Promise<void> {
    await this.jobs.idle();
    await this.stores.closeAll();
  }
}

/**
 * Records import progress on the job, at most every half second and in order; reading the file is
 * shown as 0–0.95 (the rest is writing the events), and `flush` waits for pending writes.
 */
function progressWriter(db: Database, jobId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  let last = 0;
  return {
    report: ({ done, total }: { done: number; total: number }) => {
      const now = Date.now();
      if (total <= 0 || now - last < 500) return;
      last = now;
      const progress = Math.min(0.95, (done / total) * 0.95);
      chain = chain.then(() => db.jobs.update(jobId, { progress })).catch(() => undefined);
    },
    flush: () => chain,
  };
}

function importOptions(s: ImportSettings): ImportOptions {
  const o: ImportOptions = {};
  if (s.format !== undefined) o.format = s.format;
  if (s.mapping !== undefined) o.columns = s.mapping;
  if (s.timezone !== undefined) o.timezone = s.timezone;
  if (s.keepColumns !== undefined) o.keepColumns = s.keepColumns;
  if (s.skipBadRows !== undefined) o.skipBadRows = s.skipBadRows;
  if (s.delimiter !== undefined) o.delimiter = s.delimiter;
  if (s.header !== undefined) o.header = s.header;
  if (s.timestampFormat !== undefined) o.timestampFormat = s.timestampFormat;
  return o;
}
