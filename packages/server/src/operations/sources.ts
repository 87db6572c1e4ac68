import type { ColumnMapping as AnalyticsColumnMapping } from '@pathlight/analytics';
import type { SourceRefresh } from '@pathlight/core';
import type { AuditDetail, Database, DataSource, Job } from '@pathlight/db';
import { audit } from '../audit';
import type { Evidence, ImportSettings } from '../evidence/evidence';
import { problems } from '../problem';
import type { OperationDeps } from './deps';

/** How to import an upload (the API's `SourceRefresh` body): the upload and the import options. */
export type ImportRequest = SourceRefresh;

/** A stored data source, as far as an operation on it needs to know it. */
type SourceRef = Pick<DataSource, 'id' | 'workspaceId'>;

/** The settings an import runs with: the request, the upload's file name, and its detected format unless one was asked for. */
async function settingsOf(
  evidence: Evidence,
  workspaceId: string,
  request: ImportRequest,
): Promise<ImportSettings> {
  const { meta } = await evidence.uploads.get(workspaceId, request.uploadId).catch(() => {
    throw problems.invalid('no such upload', [{ path: 'uploadId', message: 'upload the file first' }]);
  });
  const { mapping, ...rest } = request;
  return {
    ...rest,
    // The same fields; analytics declares its optional ones without `| undefined`.
    ...(mapping ? { mapping: mapping as AnalyticsColumnMapping } : {}),
    filename: meta.filename,
    format: request.format ?? meta.format,
  };
}

/**
 * Starts importing an upload as a new data source of a workspace: the source (importing), its import
 * job and the `source.create` audit entry in one transaction, then the job is queued. Resolves at once;
 * the job runs in the background (`evidence.jobs`). An unknown upload is invalid (422, `uploadId`).
 */
export async function startImport(
  deps: OperationDeps,
  request: {
    workspaceId: string;
    name: string;
    /** The acting user, or null for the command line / the demo with no user. */
    actorId: string | null;
    import: ImportRequest;
    /** More for the audit entry (how the file came: `via`, `bytes`). */
    detail?: AuditDetail;
  },
): Promise<{ source: DataSource; job: Job }> {
  const { db, evidence } = deps;
  const { workspaceId, actorId } = request;
  const settings = await settingsOf(evidence, workspaceId, request.import);
  const { source, job } = await db.transaction(async (tx) => {
    const job = await tx.jobs.create({ workspaceId, kind: 'import', input: { uploadId: settings.uploadId } });
    const made = await tx.dataSources.create({
      workspaceId,
      name: request.name,
      format: settings.format ?? 'unknown',
      createdBy: actorId,
      settings: { ...settings, jobId: job.id },
    });
    const source = (await tx.dataSources.update(made.id, { status: 'importing' })) ?? made;
    await audit(tx, {
      workspaceId,
      actorId,
      action: 'source.create',
      entityType: 'data_source',
      entityId: made.id,
      detail: { job: job.id, format: made.format, ...request.detail },
    });
    return { source, job };
  });
  evidence.queueImport(source.id, job.id, workspaceId, settings, false);
  return { source, job };
}

/**
 * Replaces a source's events with a new upload: a new import job and the `source.refresh` audit entry
 * in one transaction, then the job is queued. The old events stay until the job succeeds, and stay if
 * it fails.
 */
export async function refreshSource(
  deps: OperationDeps,
  request: { source: SourceRef; actorId: string | null; import: ImportRequest },
): Promise<{ source: DataSource; job: Job }> {
  const { db, evidence } = deps;
  const { id, workspaceId } = request.source;
  const settings = await settingsOf(evidence, workspaceId, request.import);
  const result = await db.transaction(async (tx) => {
    const job = await tx.jobs.create({
      workspaceId,
      kind: 'import',
      input: { uploadId: settings.uploadId, refresh: id },
    });
    const updated = await tx.dataSources.update(id, {
      status: 'importing',
      error: null,
      settings: { ...settings, jobId: job.id },
    });
    if (!updated) throw problems.notFound(`no data source ${id}`);
    await audit(tx, {
      workspaceId,
      actorId: request.actorId,
      action: 'source.refresh',
      entityType: 'data_source',
      entityId: id,
      detail: { job: job.id },
    });
    return { source: updated, job };
  });
  evidence.queueImport(id, result.job.id, workspaceId, settings, true);
  return result;
}

/** Renames a data source, with its audit entry. */
export async function renameSource(
  db: Database,
  request: { source: SourceRef; actorId: string | null; name: string },
): Promise<DataSource> {
  const { id, workspaceId } = request.source;
  return db.transaction(async (tx) => {
    const updated = await tx.dataSources.update(id, { name: request.name });
    if (!updated) throw problems.notFound(`no data source ${id}`);
    await audit(tx, {
      workspaceId,
      actorId: request.actorId,
      action: 'source.rename',
      entityType: 'data_source',
      entityId: id,
    });
    return updated;
  });
}

/**
 * Deletes a data source and, for good, its events (after any import of the workspace already queued).
 * The audit entry records how many events went.
 */
export async function deleteSource(
  deps: OperationDeps,
  request: { source: SourceRef & Pick<DataSource, 'eventCount'>; actorId: string | null },
): Promise<void> {
  const { id, workspaceId, eventCount } = request.source;
  await deps.db.transaction(async (tx) => {
    if (!(await tx.dataSources.delete(id))) throw problems.notFound(`no data source ${id}`);
    await audit(tx, {
      workspaceId,
      actorId: request.actorId,
      action: 'source.delete',
      entityType: 'data_source',
      entityId: id,
      detail: { events: eventCount ?? 0 },
    });
  });
  await deps.evidence.deleteEvents(workspaceId, id);
}
