import { createRoute, z } from '@hono/zod-openapi';
import {
  CsvPreview,
  DataSource,
  Job,
  type Role,
  SourceCreate,
  SourceImport,
  SourceRefresh,
  SourceRename,
  Upload,
} from '@pathlight/core';
import { requireRole } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import { jobView, sourceView } from '../evidence/evidence';
import { bodyErrors, errors, IdParam, jsonBody, jsonResponse, router, scopedErrors } from '../openapi';
import { deleteSource, refreshSource, renameSource, startImport } from '../operations/sources';
import { problems } from '../problem';
import { requireCaller } from '../session';

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
  responses: { 201: jsonResponse(Upload, 'Stored'), ...scopedErrors, 413: errors[413], 422: errors[422] },
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
  responses: {
    200: jsonResponse(CsvPreview, 'Preview'),
    ...scopedErrors,
    400: errors[400],
    422: errors[422],
  },
});

const createSourceRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/sources',
  tags: ['data sources'],
  summary: 'Import an upload as a new data source (editor); runs as a background job',
  request: { params: IdParam, ...jsonBody(SourceCreate) },
  responses: { 202: jsonResponse(SourceImport, 'Import queued'), ...scopedErrors, ...bodyErrors },
});

const listSourcesRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/sources',
  tags: ['data sources'],
  summary: "The workspace's data sources, newest first (any member)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(DataSource), 'Data sources'), ...scopedErrors },
});

const getSourceRoute = createRoute({
  method: 'get',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'One data source (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(DataSource, 'The data source'), ...scopedErrors },
});

const renameSourceRoute = createRoute({
  method: 'patch',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'Rename a data source (editor)',
  request: { params: IdParam, ...jsonBody(SourceRename) },
  responses: { 200: jsonResponse(DataSource, 'Renamed'), ...scopedErrors, ...bodyErrors },
});

const deleteSourceRoute = createRoute({
  method: 'delete',
  path: '/api/sources/{id}',
  tags: ['data sources'],
  summary: 'Delete a data source and its events (owner: it removes patient events for good)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...scopedErrors },
});

const refreshSourceRoute = createRoute({
  method: 'post',
  path: '/api/sources/{id}/refresh',
  tags: ['data sources'],
  summary: "Replace a source's events with a new upload (editor); the old events stay until the job succeeds",
  request: { params: IdParam, ...jsonBody(SourceRefresh) },
  responses: { 202: jsonResponse(SourceImport, 'Refresh queued'), ...scopedErrors, ...bodyErrors },
});

const getJob = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['data sources'],
  summary: 'A background job: status, progress, error, result (any member of its workspace)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Job, 'The job'), ...scopedErrors },
});

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
    .openapi(createSourceRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { name, ...body } = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      const { source, job } = await startImport(deps, {
        workspaceId: id,
        name,
        actorId: user.id,
        import: body,
      });
      return c.json({ source: sourceView(source), job: jobView(job) }, 202);
    })
    .openapi(listSourcesRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const protect = (await requireRole(db, id, user.id, 'viewer')) === 'viewer';
      const sources = await Promise.all((await db.dataSources.list(id)).map((s) => evidence.settle(s)));
      return c.json(
        sources.map((s) => sourceView(s, protect)),
        200,
      );
    })
    .openapi(getSourceRoute, async (c) => {
      const { user } = requireCaller(c);
      const source = await load(c.req.valid('param').id, user.id, 'viewer');
      return c.json(sourceView(await evidence.settle(source), source.protect), 200);
    })
    .openapi(renameSourceRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const source = await load(id, user.id, 'editor');
      const renamed = await renameSource(db, { source, actorId: user.id, name });
      return c.json(sourceView(renamed), 200);
    })
    .openapi(deleteSourceRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const source = await load(id, user.id, 'owner');
      await deleteSource(deps, { source, actorId: user.id });
      return c.body(null, 204);
    })
    .openapi(refreshSourceRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const source = await load(id, user.id, 'editor');
      const result = await refreshSource(deps, { source, actorId: user.id, import: body });
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
