import { createRoute, z } from '@hono/zod-openapi';
import {
  Id,
  IsoDateTime,
  JOURNEY_EXPORT_FORMAT,
  JourneyContent,
  type JourneyTemplate,
  journeyExport,
  migrateJourney,
  Name,
  type Role,
  templates,
} from '@pathlight/core';
import { requireRole } from '../access';
import type { AppDeps } from '../env';
import {
  blankJourney,
  copyName,
  journeyFromTemplate,
  relinkPersonas,
  sameOrigin,
} from '../journey-documents';
import {
  baseVersion,
  bodyErrors,
  errors,
  etag,
  IdParam,
  IfMatchHeader,
  ifMatchVersion,
  isUuid,
  Journey,
  JourneySummary,
  jsonBody,
  jsonResponse,
  router,
  scopedErrors,
} from '../openapi';
import { createDocument, deleteDocument, saveDocument } from '../operations/documents';
import { problems, zodIssues } from '../problem';
import { requireCaller } from '../session';

const JourneyCreate = z
  .strictObject({
    templateId: Id.optional(),
    name: Name.optional(),
    description: z.string().trim().max(4000).optional(),
    question: z.string().trim().max(1000).optional(),
    serviceLine: z.string().trim().max(200).optional(),
  })
  .refine((b) => b.templateId !== undefined || b.name !== undefined, {
    message: 'a blank journey needs a name (or send templateId)',
    path: ['name'],
  })
  .openapi('JourneyCreate');

const JourneyUpdate = z
  .strictObject({
    /** The version this edit was based on (or send `If-Match: "<version>"`). */
    version: z.number().int().positive().optional(),
    document: JourneyContent,
  })
  .openapi('JourneyUpdate');

const JourneyExport = z
  .strictObject({
    format: z.literal(JOURNEY_EXPORT_FORMAT),
    schemaVersion: z.number().int().positive(),
    exportedAt: IsoDateTime,
    journey: JourneyContent,
  })
  .openapi('JourneyExport');

/** Import takes any released document version; the document itself is checked by `migrateJourney`. */
const JourneyImport = z
  .strictObject({
    format: z.literal(JOURNEY_EXPORT_FORMAT),
    schemaVersion: z.number().int().positive(),
    exportedAt: z.string().max(64).optional(),
    journey: z.record(z.string(), z.unknown()),
  })
  .openapi('JourneyImport');

const Conflict = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(409),
    detail: z.string(),
    currentVersion: z.number().int(),
    current: Journey,
  })
  .openapi('JourneyConflict');

const listRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/journeys',
  tags: ['journeys'],
  summary: 'Journeys of a workspace (summaries, most recently updated first; any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(JourneySummary), 'Summaries'), ...scopedErrors },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/journeys',
  tags: ['journeys'],
  summary:
    "Create a blank journey, or one from a template (`templateId`: built-in or this workspace's own; its personas join the library)",
  request: { params: IdParam, ...jsonBody(JourneyCreate) },
  responses: { 201: jsonResponse(Journey, 'Created'), ...scopedErrors, ...bodyErrors },
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/journeys/import',
  tags: ['journeys'],
  summary: 'Import an exported journey (older schema versions are migrated)',
  request: { params: IdParam, ...jsonBody(JourneyImport) },
  responses: { 201: jsonResponse(Journey, 'Imported'), ...scopedErrors, ...bodyErrors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/journeys/{id}',
  tags: ['journeys'],
  summary: 'The full journey document (ETag carries the version)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Journey, 'The journey'), ...scopedErrors },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/journeys/{id}',
  tags: ['journeys'],
  summary: 'Save the document (editor); needs the base version, 409 with the current journey when stale',
  request: { params: IdParam, headers: IfMatchHeader, ...jsonBody(JourneyUpdate) },
  responses: {
    200: jsonResponse(Journey, 'Saved; version is one higher'),
    ...scopedErrors,
    ...bodyErrors,
    409: {
      description: 'Someone saved first',
      content: { 'application/problem+json': { schema: Conflict } },
    },
    428: errors[428],
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/journeys/{id}',
  tags: ['journeys'],
  summary: 'Delete a journey (owner); with If-Match only at that version',
  request: { params: IdParam, headers: IfMatchHeader },
  responses: { 204: { description: 'Deleted' }, ...scopedErrors, 400: errors[400], 409: errors[409] },
});

const duplicateRoute = createRoute({
  method: 'post',
  path: '/api/journeys/{id}/duplicate',
  tags: ['journeys'],
  summary: 'Copy a journey within its workspace (editor)',
  request: { params: IdParam },
  responses: { 201: jsonResponse(Journey, 'The copy'), ...scopedErrors },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/journeys/{id}/export',
  tags: ['journeys'],
  summary: 'Download the journey as a JSON file (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(JourneyExport, 'The export file'), ...scopedErrors },
});

/** Journey documents: list, create (blank / template / import), read, save, delete, duplicate, export. */
export function journeyRoutes(deps: AppDeps) {
  const { db } = deps;

  /** The journey if the caller has `needed` in its workspace; 404 for non-members, as for no journey. */
  const load = async (id: string, userId: string, needed: Role) => {
    const journey = await db.journeys.get(id);
    if (!journey) throw problems.notFound(`no journey ${id}`);
    await requireRole(db, journey.workspaceId, userId, needed, `no journey ${id}`);
    return journey;
  };

  /**
   * A built-in template, or one of this workspace's own. Another workspace's template is a 404, as is a
   * missing one with a UUID id, so existence never leaks; an unknown built-in name is a 422.
   */
  const findTemplate = async (workspaceId: string, templateId: string): Promise<JourneyTemplate> => {
    const builtIn = templates.find((t) => t.id === templateId);
    if (builtIn) return builtIn;
    if (isUuid(templateId)) {
      const own = await db.templates.get(templateId);
      if (!own || own.workspaceId !== workspaceId) throw problems.notFound(`no template ${templateId}`);
      return own;
    }
    throw problems.invalid('unknown template', [
      { path: 'templateId', message: `no template "${templateId}"` },
    ]);
  };

  return router()
    .openapi(listRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'viewer');
      return c.json(await db.journeys.list(id), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      if (body.templateId === undefined) {
        const document = blankJourney({ ...body, name: body.name ?? '', ownerId: user.id });
        const journey = await createDocument(db, {
          kind: 'journey',
          workspaceId: id,
          content: document,
          actorId: user.id,
        });
        return c.json(journey, 201, etag(journey.version));
      }
      const template = await findTemplate(id, body.templateId);
      const made = journeyFromTemplate(template, body.name, user.id);
      const overrides = {
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.question === undefined ? {} : { question: body.question }),
      };
      const fact = { workspaceId: id, actorId: user.id, detail: { templateId: template.id } };
      const journey = await db.transaction(async (tx) => {
        // A template persona already in the library (from an earlier journey) is linked, not copied again.
        const library = await tx.personas.list(id);
        const ids = new Map<string, string>();
        for (const { id: placeholder, ...content } of made.personas) {
          const existing = library.find((p) => sameOrigin(p.origin, content.origin));
          const persona = existing ?? (await createDocument(tx, { kind: 'persona', ...fact, content }));
          ids.set(placeholder, persona.id);
        }
        const document = { ...relinkPersonas(made.journey, ids), ...overrides };
        return createDocument(tx, { kind: 'journey', ...fact, content: document });
      });
      return c.json(journey, 201, etag(journey.version));
    })
    .openapi(importRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      // A document without its own schemaVersion takes the envelope's (missing both means v1).
      const migrated = migrateJourney({ schemaVersion: body.schemaVersion, ...body.journey });
      if (!migrated.ok) {
        if (typeof migrated.error === 'string') {
          throw problems.invalid('the journey cannot be imported', [
            { path: 'journey', message: migrated.error },
          ]);
        }
        throw problems.invalid(
          'the journey document is not valid',
          zodIssues(migrated.error).map((i) => ({
            ...i,
            path: i.path === '' ? 'journey' : `journey.${i.path}`,
          })),
        );
      }
      const journey = await createDocument(db, {
        kind: 'journey',
        workspaceId: id,
        content: migrated.document,
        actorId: user.id,
        action: 'journey.import',
        detail: {
          fromSchemaVersion:
            typeof body.journey.schemaVersion === 'number' ? body.journey.schemaVersion : body.schemaVersion,
          migrations: migrated.applied.length,
        },
      });
      return c.json(journey, 201, etag(journey.version));
    })
    .openapi(getRoute, async (c) => {
      const { user } = requireCaller(c);
      const journey = await load(c.req.valid('param').id, user.id, 'viewer');
      return c.json(journey, 200, etag(journey.version));
    })
    .openapi(putRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await load(id, user.id, 'editor');
      const expected = baseVersion(c.req.header('if-match'), body.version);
      const journey = await saveDocument(db, {
        kind: 'journey',
        id,
        actorId: user.id,
        expected,
        content: body.document,
      });
      return c.json(journey, 200, etag(journey.version));
    })
    .openapi(deleteRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await load(id, user.id, 'owner');
      const expected = ifMatchVersion(c.req.header('if-match'));
      await deleteDocument(db, { kind: 'journey', id, actorId: user.id, expected });
      return c.body(null, 204);
    })
    .openapi(duplicateRoute, async (c) => {
      const { user } = requireCaller(c);
      const source = await load(c.req.valid('param').id, user.id, 'editor');
      const document = { ...source.document, name: copyName(source.document.name) };
      const journey = await createDocument(db, {
        kind: 'journey',
        workspaceId: source.workspaceId,
        content: document,
        actorId: user.id,
        action: 'journey.duplicate',
        detail: { sourceId: source.id },
      });
      return c.json(journey, 201, etag(journey.version));
    })
    .openapi(exportRoute, async (c) => {
      const { user } = requireCaller(c);
      const journey = await load(c.req.valid('param').id, user.id, 'viewer');
      const file = `${journey.document.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'journey'}.pathlight.json`;
      return c.json(journeyExport(journey.document, deps.now().toISOString()), 200, {
        'content-disposition': `attachment; filename="${file}"`,
      });
    });
}
