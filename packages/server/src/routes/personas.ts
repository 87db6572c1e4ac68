import { createRoute, z } from '@hono/zod-openapi';
import { PersonaContent, type Role } from '@pathlight/core';
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
  jsonBody,
  jsonResponse,
  Persona,
  router,
  scopedErrors,
} from '../openapi';
import { createDocument, deleteDocument, saveDocument } from '../operations/documents';
import { problems } from '../problem';
import { requireCaller } from '../session';

const PersonaUpdate = PersonaContent.extend({
  /** The version this edit was based on (or send `If-Match: "<version>"`). */
  version: z.number().int().positive().optional(),
}).openapi('PersonaUpdate');

const listRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/personas',
  tags: ['personas'],
  summary: "The workspace's persona library (any member)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(Persona), 'Personas'), ...scopedErrors },
});

const createPersona = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/personas',
  tags: ['personas'],
  summary: 'Add a persona to the library (editor)',
  request: { params: IdParam, ...jsonBody(PersonaContent) },
  responses: { 201: jsonResponse(Persona, 'Created'), ...scopedErrors, ...bodyErrors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/personas/{id}',
  tags: ['personas'],
  summary: 'One persona (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Persona, 'The persona'), ...scopedErrors },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/personas/{id}',
  tags: ['personas'],
  summary: 'Save a persona (editor); needs the base version, 409 with the current persona when stale',
  request: { params: IdParam, headers: IfMatchHeader, ...jsonBody(PersonaUpdate) },
  responses: {
    200: jsonResponse(Persona, 'Saved'),
    ...scopedErrors,
    ...bodyErrors,
    409: errors[409],
    428: errors[428],
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/personas/{id}',
  tags: ['personas'],
  summary: 'Delete a persona (owner); with If-Match only at that version',
  request: { params: IdParam, headers: IfMatchHeader },
  responses: { 204: { description: 'Deleted' }, ...scopedErrors, 400: errors[400], 409: errors[409] },
});

/** The workspace persona library. */
export function personaRoutes(deps: AppDeps) {
  const { db } = deps;

  const load = async (id: string, userId: string, needed: Role) => {
    const persona = await db.personas.get(id);
    if (!persona) throw problems.notFound(`no persona ${id}`);
    await requireRole(db, persona.workspaceId, userId, needed, `no persona ${id}`);
    return persona;
  };

  return router()
    .openapi(listRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'viewer');
      return c.json(await db.personas.list(id), 200);
    })
    .openapi(createPersona, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const content = c.req.valid('json');
      await requireRole(db, id, user.id, 'editor');
      const persona = await createDocument(db, {
        kind: 'persona',
        workspaceId: id,
        content,
        actorId: user.id,
      });
      return c.json(persona, 201, etag(persona.version));
    })
    .openapi(getRoute, async (c) => {
      const { user } = requireCaller(c);
      const persona = await load(c.req.valid('param').id, user.id, 'viewer');
      return c.json(persona, 200, etag(persona.version));
    })
    .openapi(putRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { version, ...content } = c.req.valid('json');
      await load(id, user.id, 'editor');
      const expected = baseVersion(c.req.header('if-match'), version);
      const persona = await saveDocument(db, { kind: 'persona', id, actorId: user.id, expected, content });
      return c.json(persona, 200, etag(persona.version));
    })
    .openapi(deleteRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await load(id, user.id, 'owner');
      const expected = ifMatchVersion(c.req.header('if-match'));
      await deleteDocument(db, { kind: 'persona', id, actorId: user.id, expected });
      return c.body(null, 204);
    });
}
