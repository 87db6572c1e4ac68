import { createRoute, z } from '@hono/zod-openapi';
import { Id, IsoDateTime, type Role, templates } from '@pathlight/core';
import type { WorkspaceTemplate as StoredTemplate } from '@pathlight/db';
import { requireRole } from '../access';
import type { AppDeps } from '../env';
import {
  baseVersion,
  bodyErrors,
  errors,
  etag,
  IdParam,
  IfMatchHeader,
  ifMatchVersion,
  isUuid,
  JourneyTemplate,
  jsonBody,
  jsonResponse,
  router,
  scopedErrors,
} from '../openapi';
import { createDocument, deleteDocument, saveDocument } from '../operations/documents';
import { problems } from '../problem';
import { requireCaller } from '../session';
import { TEMPLATE_PERSONA_LIMIT, templateFromJourney } from '../template-documents';

const TemplateSummary = z
  .object({
    id: Id,
    name: z.string(),
    summary: z.string(),
    category: JourneyTemplate.shape.category,
    stageCount: z.number().int(),
    stepCount: z.number().int(),
    personaCount: z.number().int(),
  })
  .openapi('TemplateSummary');

const stored = {
  workspaceId: z.uuid(),
  version: z.number().int().positive(),
  createdAt: IsoDateTime,
  createdBy: z.uuid().nullable(),
  updatedAt: IsoDateTime,
  updatedBy: z.uuid().nullable(),
};

const WorkspaceTemplateSummary = TemplateSummary.extend(stored).openapi('WorkspaceTemplateSummary');
const WorkspaceTemplate = JourneyTemplate.extend(stored).openapi('WorkspaceTemplate');

/** A template body as sent by clients: the core template without its id (storage assigns one). */
const TemplateBody = JourneyTemplate.omit({ id: true });
type TemplateHead = Pick<z.infer<typeof TemplateBody>, 'name' | 'summary' | 'category'>;
const head = { name: TemplateBody.shape.name, summary: TemplateBody.shape.summary };

const TemplateCreate = z
  .strictObject({
    ...head,
    category: TemplateBody.shape.category,
    /** Save this journey of the workspace (its referenced personas are copied in)… */
    journeyId: z.uuid().optional(),
    /** …or send the template's journey and personas in full. */
    journey: TemplateBody.shape.journey.optional(),
    personas: TemplateBody.shape.personas.optional(),
  })
  .refine((b) => (b.journeyId === undefined) !== (b.journey === undefined), {
    message: 'send either journeyId (save a journey) or journey (a full template body)',
    path: ['journeyId'],
  })
  .openapi('TemplateCreate');

const TemplateUpdate = TemplateBody.extend({
  /** The version this edit was based on (or send `If-Match: "<version>"`). */
  version: z.number().int().positive().optional(),
}).openapi('TemplateUpdate');

const TemplateParam = z.object({ templateId: Id });
/** Writes name a workspace template (a UUID) or a built-in, which is refused with a clear 403. */
const WritableParam = z.object({
  templateId: z.union([z.uuid(), z.enum(templates.map((t) => t.id) as [string, ...string[]])]),
});

const list = createRoute({
  method: 'get',
  path: '/api/templates',
  tags: ['templates'],
  summary: 'Built-in journey templates (summaries)',
  responses: { 200: jsonResponse(z.array(TemplateSummary), 'Templates'), 401: errors[401] },
});

const get = createRoute({
  method: 'get',
  path: '/api/templates/{templateId}',
  tags: ['templates'],
  summary: 'One template in full, for preview: a built-in one (anyone) or a workspace one (any member)',
  request: { params: TemplateParam },
  responses: {
    200: jsonResponse(z.union([JourneyTemplate, WorkspaceTemplate]), 'The template'),
    ...scopedErrors,
  },
});

const listWorkspace = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/templates',
  tags: ['templates'],
  summary: "The workspace's own templates (any member)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(WorkspaceTemplateSummary), 'Templates'), ...scopedErrors },
});

const createWorkspace = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/templates',
  tags: ['templates'],
  summary:
    'Save a template (editor): from a journey of the workspace (`journeyId`; its personas are copied in) or a full body',
  request: { params: IdParam, ...jsonBody(TemplateCreate) },
  responses: { 201: jsonResponse(WorkspaceTemplate, 'Created'), ...scopedErrors, ...bodyErrors },
});

const put = createRoute({
  method: 'put',
  path: '/api/templates/{templateId}',
  tags: ['templates'],
  summary: 'Save a workspace template (editor); 409 with the current one when stale; built-ins are read-only',
  request: { params: WritableParam, headers: IfMatchHeader, ...jsonBody(TemplateUpdate) },
  responses: {
    200: jsonResponse(WorkspaceTemplate, 'Saved'),
    ...scopedErrors,
    ...bodyErrors,
    409: errors[409],
    428: errors[428],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/templates/{templateId}',
  tags: ['templates'],
  summary: 'Delete a workspace template (owner); with If-Match only at that version; built-ins are read-only',
  request: { params: WritableParam, headers: IfMatchHeader },
  responses: { 204: { description: 'Deleted' }, ...scopedErrors, 400: errors[400], 409: errors[409] },
});

const summarise = (t: { journey: { stages: { steps: unknown[] }[] }; personas: unknown[] }) => ({
  stageCount: t.journey.stages.length,
  stepCount: t.journey.stages.reduce((n, s) => n + s.steps.length, 0),
  personaCount: t.personas.length,
});

/** Refuses writes to the built-in catalogue: those templates ship with Pathlight. */
function refuseBuiltIn(templateId: string): void {
  if (templates.some((t) => t.id === templateId)) {
    throw problems.forbidden(
      `template ${templateId} is built in and read-only; start a journey from it and save that as a workspace template`,
    );
  }
}

/**
 * Template catalogue: the built-in templates plus each workspace's own. Instantiating one is
 * `POST /api/workspaces/{id}/journeys` with `templateId`.
 */
export function templateRoutes(deps: AppDeps) {
  const { db } = deps;

  /** The workspace template if the caller has `needed` in its workspace; 404 for non-members, as for none. */
  const load = async (templateId: string, userId: string, needed: Role): Promise<StoredTemplate> => {
    const found = isUuid(templateId) ? await db.templates.get(templateId) : null;
    if (!found) throw problems.notFound(`no template ${templateId}`);
    await requireRole(db, found.workspaceId, userId, needed, `no template ${templateId}`);
    return found;
  };

  /** A journey of the workspace as a template body, its referenced personas copied in. */
  const fromJourney = async (workspaceId: string, journeyId: string, named: TemplateHead) => {
    const source = await db.journeys.get(journeyId);
    if (!source || source.workspaceId !== workspaceId) {
      throw problems.invalid('unknown journey', [
        { path: 'journeyId', message: `no journey ${journeyId} in this workspace` },
      ]);
    }
    const content = templateFromJourney(named, source.document, await db.personas.list(workspaceId));
    if (content.personas.length > TEMPLATE_PERSONA_LIMIT) {
      throw problems.invalid('too many personas for a template', [
        {
          path: 'journeyId',
          message: `the journey refers to ${content.personas.length} personas; a template holds at most ${TEMPLATE_PERSONA_LIMIT}`,
        },
      ]);
    }
    return content;
  };

  return router()
    .openapi(list, (c) => {
      requireCaller(c);
      return c.json(
        templates.map((t) => ({
          id: t.id,
          name: t.name,
          summary: t.summary,
          category: t.category,
          ...summarise(t),
        })),
        200,
      );
    })
    .openapi(get, async (c) => {
      const { user } = requireCaller(c);
      const { templateId } = c.req.valid('param');
      const builtIn = templates.find((t) => t.id === templateId);
      if (builtIn) return c.json(builtIn, 200);
      const found = await load(templateId, user.id, 'viewer');
      return c.json(found, 200, etag(found.version));
    })
    .openapi(listWorkspace, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'viewer');
      const found = await db.templates.list(id);
      return c.json(
        found.map(({ journey, personas, ...rest }) => ({ ...rest, ...summarise({ journey, personas }) })),
        200,
      );
    })
    .openapi(createWorkspace, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      const { journeyId, journey, personas = [], ...named } = body;
      // The body schema allows exactly one of `journey` and `journeyId`.
      const content =
        journey !== undefined
          ? { ...named, journey, personas }
          : await fromJourney(id, String(journeyId), named);
      const detail = journeyId === undefined ? {} : { journeyId };
      const made = await createDocument(db, {
        kind: 'template',
        workspaceId: id,
        content,
        actorId: user.id,
        detail,
      });
      return c.json(made, 201, etag(made.version));
    })
    .openapi(put, async (c) => {
      const { user } = requireCaller(c);
      const { templateId } = c.req.valid('param');
      const { version, ...content } = c.req.valid('json');
      refuseBuiltIn(templateId);
      await load(templateId, user.id, 'editor');
      const expected = baseVersion(c.req.header('if-match'), version);
      const saved = await saveDocument(db, {
        kind: 'template',
        id: templateId,
        actorId: user.id,
        expected,
        content,
      });
      return c.json(saved, 200, etag(saved.version));
    })
    .openapi(remove, async (c) => {
      const { user } = requireCaller(c);
      const { templateId } = c.req.valid('param');
      refuseBuiltIn(templateId);
      await load(templateId, user.id, 'owner');
      const expected = ifMatchVersion(c.req.header('if-match'));
      await deleteDocument(db, { kind: 'template', id: templateId, actorId: user.id, expected });
      return c.body(null, 204);
    });
}
