import { createRoute, z } from '@hono/zod-openapi';
import type { ColumnMapping as ColumnMappingType } from '@pathlight/analytics';
import type { Role } from '@pathlight/core';
import { requireRole } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import { type ImportSettings, jobView, sourceView } from '../evidence/evidence';
import { errors, IdParam, jsonBody, jsonResponse, router } from '../openapi';
import { problems } from '../problem';
import { requireCaller } from '../session';

const scoped = { 401: errors[401], 403: errors[403], 404: errors[404] } as const;
const withBody = { 400: errors[400], 413: errors[413], 415: errors[415], 422: errors[422] } as const;

const ImportFormat = z.enum(['csv', 'tsv', 'xes', 'xes.gz', 'fhir-bundle', 'fhir-ndjson', 'hl7', 'parquet']);

export const ColumnMapping = z
  .strictObject({
    case: z.string().min(1).max(200).optional(),
    activity: z.string().min(1).max(200).optional(),
    timestamp: z.string().min(1).max(200).optional(),
    channel: z.string().min(1).max(200).optional(),
    resource: z.string().min(1).max(200).optional(),
    lifecycle: z.string().min(1).max(200).optional(),
    cost: z.string().min(1).max(200).optional(),
    attributes: z.array(z.string().min(1).max(200)).max(500).optional(),
  })
  .openapi('ColumnMapping');

export const CsvPreview = z
  .object({
    delimiter: z.string(),
    header: z.boolean(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    mapping: ColumnMapping,
    timestampFormat: z.string().nullable(),
    attributes: z.array(z.string()),
    droppedColumns: z.array(z.string()),
  })
  .openapi('CsvPreview');

const Upload = z
  .object({
    uploadId: z.uuid(),
    filename: z.string(),
    bytes: z.number().int(),
    format: ImportFormat.nullable(),
    csv: CsvPreview.nullable(),
  })
  .openapi('Upload');

const SkippedRecord = z.object({ record: z.number().int(), location: z.string(), reason: z.string() });

export const DataSource = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    name: z.string(),
    format: z.string(),
    status: z.enum(['importing', 'ready', 'failed']),
    /** Viewers: null when 1–10 (named in `suppressed`), else rounded to the nearest 5. */
    eventCount: z.number().int().nullable(),
    caseCount: z.number().int().nullable(),
    suppressed: z.array(z.string()),
    suppressedReasons: z.record(z.string(), z.enum(['small'])),
    firstEvent: z.string().nullable(),
    lastEvent: z.string().nullable(),
    droppedColumns: z.array(z.string()),
    skipped: z.object({ count: z.number().int(), first: z.array(SkippedRecord) }).nullable(),
    error: z.string().nullable(),
    /** The import job that last ran for this source. */
    jobId: z.uuid().nullable(),
    /** The uploaded file's name (as the client sent it). */
    filename: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .openapi('DataSource');

export const Job = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid().nullable(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.number(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Job');

const ImportRequestFields = {
  uploadId: z.uuid(),
  format: z
    .enum(['csv', 'tsv', 'xes', 'xes.gz', 'fhir', 'fhir-bundle', 'fhir-ndjson', 'hl7', 'parquet'])
    .optional(),
  mapping: ColumnMapping.optional(),
  timezone: z.string().min(1).max(100).optional(),
  keepColumns: z.array(z.string().min(1).max(200)).max(200).optional(),
  skipBadRows: z.boolean().optional(),
  delimiter: z.string().min(1).max(1).optional(),
  header: z.boolean().optional(),
  timestampFormat: z.string().min(1).max(100).optional(),
};
const SourceCreate = z
  .strictObject({ ...ImportRequestFields, name: z.string().trim().min(1).max(200) })
  .openapi('SourceCreate');
const SourceRefresh = z.strictObject(ImportRequestFields).openapi('SourceRefresh');
const SourceRename = z.strictObject({ name: z.string().trim().min(1).max(200) }).openapi('SourceRename');
const SourceAndJob = z.object({ source: DataSource, job: Job }).openapi('SourceImport');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/uploads',
  tags: ['data sources'],
  summary: 'Upload an event-log file (editor); the raw body is streamed to disk',
  description:
    'Send the file as the raw body (any content type) with `X-Filename`. Larger than PATHLIGHT_MAX_UPLOAD_BYTES → 413 and nothing kept; an empty, binary or unknown file → 422.',
  request: {
    params: IdParam,
    headers: z.object({ 'x-filename': z.string().min(1).max(300).optional() }),
    body: {
      required: true,
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: { 201: jsonResponse(Upload, 'Stored'), ...scoped, 413: errors[413], 422: errors[422] },
});

const previewRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/uploads/{uploadId}/preview',
  tags: ['data sources'],
  summary: 'Column preview of an uploaded CSV/TSV, re-detected with options (editor)',
  request: {
    params: z.object({ id: z.uuid(), uploadId: z.uuid() }),
    query: z.object({
      delimiter: z.string().min(1).max(1).optional(),
      header: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: { 200: jsonResponse(CsvPreview, 'Preview'), ...scoped, 400: errors[400], 422: errors[422] },
});

const createSource = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/sources',
  tags: ['data sources'],
  summary: 'Import an upload as a new data source (editor); runs as a background job',
  request: { params: IdParam, ...jsonBody(SourceCreate) },
  responses: { 202: jsonResponse(SourceAndJob, 'Import queued'), ...scoped, ...withBody },
});

const listSources = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/sources',
  tags: ['data sources'],
  summary: "The workspace's data sources, newest first (any member)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(DataSource), 'Data sources'), ...scoped },
});

const getSource = createRoute({
  method: 'get',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'One data source (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(DataSource, 'The data source'), ...scoped },
});

const renameSource = createRoute({
  method: 'patch',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'Rename a data source (editor)',
  request: { params: IdParam, ...jsonBody(SourceRename) },
  responses: { 200: jsonResponse(DataSource, 'Renamed'), ...scoped, ...withBody },
});

const deleteSource = createRoute({
  method: 'delete',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'Delete a data source and its events (owner: it removes patient events for good)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...scoped },
});

const refreshSource = createRoute({
  method: 'post',
  path: '/api/sources/{id}/refresh',
  tags: ['data sources'],
  summary: "Replace a source's events with a new upload (editor); the old events stay until the job succeeds",
  request: { params: IdParam, ...jsonBody(SourceRefresh) },
  responses: { 202: jsonResponse(SourceAndJob, 'Refresh queued'), ...scoped, ...withBody },
});

const getJob = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['data sources'],
  summary: 'A background job: status, progress, error, result (any member of its workspace)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Job, 'The job'), ...scoped },
});

type ImportBody = z.infer<typeof SourceRefresh>;

/** The client's file name for messages: no folders, no control characters, at most 300 characters. */
function safeFilename(header: string | undefined): string {
  const base = (header ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('');
  return clean.trim().slice(0, 300) || 'upload';
}

/** Data sources of a workspace: uploads, imports (background jobs), refresh and deletion. */
export function sourceRoutes(deps: AppDeps) {
  const { db, evidence } = deps;

  const load = async (id: string, userId: string, needed: Role) => {
    const source = await db.dataSources.get(id);
    if (!source) throw problems.notFound(`no data source ${id}`);
    const role = await requireRole(db, source.workspaceId, userId, needed, `no data source ${id}`);
    return Object.assign(source, { protect: role === 'viewer' });
  };

  const settingsOf = async (workspaceId: string, body: ImportBody): Promise<ImportSettings> => {
    const { meta } = await evidence.uploads.get(workspaceId, body.uploadId).catch(() => {
      throw problems.invalid('no such upload', [{ path: 'uploadId', message: 'upload the file first' }]);
    });
    const { mapping, ...rest } = body;
    return {
      ...rest,
      ...(mapping ? { mapping: mapping as ColumnMappingType } : {}),
      filename: meta.filename,
      format: body.format ?? meta.format,
    };
  };

  return router()
    .openapi(uploadRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'editor');
      const declared = Number(c.req.header('content-length'));
      if (Number.isFinite(declared) && declared > evidence.maxUploadBytes) {
        throw problems.payloadTooLarge(
          `the file is larger than this server accepts (${evidence.maxUploadBytes} bytes)`,
        );
      }
      const filename = safeFilename(c.req.header('x-filename'));
      const { meta, csv } = await evidence.uploads.save(
        id,
        c.req.raw.body,
        filename,
        evidence.maxUploadBytes,
        user.id,
        deps.now(),
      );
      await db.transaction((tx) =>
        audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'upload.create',
          entityType: 'upload',
          entityId: meta.uploadId,
          detail: { bytes: meta.bytes, format: meta.format },
        }),
      );
      return c.json({ uploadId: meta.uploadId, filename, bytes: meta.bytes, format: meta.format, csv }, 201);
    })
    .openapi(previewRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id, uploadId } = c.req.valid('param');
      const { delimiter, header } = c.req.valid('query');
      await requireRole(db, id, user.id, 'editor');
      const options: { delimiter?: string; header?: boolean } = {};
      if (delimiter !== undefined) options.delimiter = delimiter;
      if (header !== undefined) options.header = header === 'true';
      const preview = await evidence.uploads.preview(id, uploadId, options);
      // The preview shows raw rows of the file: a view of patient-level data, so it is logged.
      await db.transaction((tx) =>
        audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'upload.preview',
          entityType: 'upload',
          entityId: uploadId,
          detail: { rows: preview.rows.length },
        }),
      );
      return c.json(preview, 200);
    })
    .openapi(createSource, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { name, ...body } = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      const settings = await settingsOf(id, body);
      const { source, job } = await db.transaction(async (tx) => {
        const job = await tx.jobs.create({
          workspaceId: id,
          kind: 'import',
          input: { uploadId: body.uploadId },
        });
        const made = await tx.dataSources.create({
          workspaceId: id,
          name,
          format: settings.format ?? 'unknown',
          createdBy: user.id,
          settings: { ...settings, jobId: job.id },
        });
        const source = await tx.dataSources.update(made.id, { status: 'importing' });
        await audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'source.create',
          entityType: 'data_source',
          entityId: made.id,
          detail: { job: job.id, format: made.format },
        });
        return { source: source ?? made, job };
      });
      evidence.queueImport(source.id, job.id, id, settings, false);
      return c.json({ source: sourceView(source), job: jobView(job) }, 202);
    })
    .openapi(listSources, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const protect = (await requireRole(db, id, user.id, 'viewer')) === 'viewer';
      const sources = await Promise.all((await db.dataSources.list(id)).map((s) => evidence.settle(s)));
      return c.json(
        sources.map((s) => sourceView(s, protect)),
        200,
      );
    })
    .openapi(getSource, async (c) => {
      const { user } = requireCaller(c);
      const source = await load(c.req.valid('param').id, user.id, 'viewer');
      return c.json(sourceView(await evidence.settle(source), source.protect), 200);
    })
    .openapi(renameSource, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const source = await load(id, user.id, 'editor');
      const renamed = await db.transaction(async (tx) => {
        const updated = await tx.dataSources.update(id, { name });
        if (!updated) throw problems.notFound(`no data source ${id}`);
        await audit(tx, {
          workspaceId: source.workspaceId,
          actorId: user.id,
          action: 'source.rename',
          entityType: 'data_source',
          entityId: id,
        });
        return updated;
      });
      return c.json(sourceView(renamed), 200);
    })
    .openapi(deleteSource, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const source = await load(id, user.id, 'owner');
      await db.transaction(async (tx) => {
        if (!(await tx.dataSources.delete(id))) throw problems.notFound(`no data source ${id}`);
        await audit(tx, {
          workspaceId: source.workspaceId,
          actorId: user.id,
          action: 'source.delete',
          entityType: 'data_source',
          entityId: id,
          detail: { events: source.eventCount ?? 0 },
        });
      });
      await evidence.deleteEvents(source.workspaceId, id);
      return c.body(null, 204);
    })
    .openapi(refreshSource, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const source = await load(id, user.id, 'editor');
      const settings = await settingsOf(source.workspaceId, body);
      const result = await db.transaction(async (tx) => {
        const job = await tx.jobs.create({
          workspaceId: source.workspaceId,
          kind: 'import',
          input: { uploadId: body.uploadId, refresh: id },
        });
        const updated = await tx.dataSources.update(id, {
          status: 'importing',
          error: null,
          settings: { ...settings, jobId: job.id },
        });
        if (!updated) throw problems.notFound(`no data source ${id}`);
        await audit(tx, {
          workspaceId: source.workspaceId,
          actorId: user.id,
          action: 'source.refresh',
          entityType: 'data_source',
          entityId: id,
          detail: { job: job.id },
        });
        return { source: updated, job };
      });
      evidence.queueImport(id, result.job.id, source.workspaceId, settings, true);
      return c.json({ source: sourceView(result.source), job: jobView(result.job) }, 202);
    })
    .openapi(getJob, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const job = await db.jobs.get(id);
      if (!job || job.workspaceId === null) throw problems.notFound(`no job ${id}`);
      const role = await requireRole(db, job.workspaceId, user.id, 'viewer', `no job ${id}`);
      return c.json(jobView(job, role === 'viewer'), 200);
    });
}
