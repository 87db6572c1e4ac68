import { createRoute, z } from '@hono/zod-openapi';
import { MemberAdd, MemberUpdate, WorkspaceCreate } from '@pathlight/core';
import { requireRole } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import {
  AuditEntry,
  bodyErrors,
  errors,
  IdParam,
  jsonBody,
  jsonResponse,
  Member,
  MemberParam,
  router,
  scopedErrors,
  Workspace,
} from '../openapi';
import { addMember, createWorkspace, deleteWorkspace } from '../operations/workspaces';
import { problems } from '../problem';
import { requireCaller } from '../session';

const signedIn = { 401: errors[401] } as const;

const list = createRoute({
  method: 'get',
  path: '/api/workspaces',
  tags: ['workspaces'],
  summary: "The caller's workspaces, each with the caller's role",
  responses: { 200: jsonResponse(z.array(Workspace), 'Workspaces'), ...signedIn },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace; the caller becomes its owner',
  request: jsonBody(WorkspaceCreate),
  responses: { 201: jsonResponse(Workspace, 'Created'), ...signedIn, 403: errors[403], ...bodyErrors },
});

const get = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}',
  tags: ['workspaces'],
  summary: 'One workspace (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Workspace, 'The workspace'), ...scopedErrors },
});

const rename = createRoute({
  method: 'patch',
  path: '/api/workspaces/{id}',
  tags: ['workspaces'],
  summary: 'Rename a workspace (owner)',
  request: { params: IdParam, ...jsonBody(WorkspaceCreate) },
  responses: { 200: jsonResponse(Workspace, 'Renamed'), ...scopedErrors, ...bodyErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}',
  tags: ['workspaces'],
  summary: 'Delete a workspace and everything in it (owner)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...scopedErrors },
});

const listMembers = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/members',
  tags: ['members'],
  summary: 'Members of a workspace (any member)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.array(Member), 'Members'), ...scopedErrors },
});

const addMemberRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/members',
  tags: ['members'],
  summary: 'Add an existing user as a member (owner)',
  description: 'Only existing accounts can be added (an administrator creates accounts); otherwise 422.',
  request: { params: IdParam, ...jsonBody(MemberAdd) },
  responses: { 201: jsonResponse(Member, 'Added'), ...scopedErrors, ...bodyErrors, 409: errors[409] },
});

const updateMember = createRoute({
  method: 'patch',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (owner); the last owner cannot be demoted (409)",
  request: { params: MemberParam, ...jsonBody(MemberUpdate) },
  responses: { 200: jsonResponse(Member, 'Updated'), ...scopedErrors, ...bodyErrors, 409: errors[409] },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member (owner); the last owner cannot be removed (409)',
  request: { params: MemberParam },
  responses: { 204: { description: 'Removed' }, ...scopedErrors, 409: errors[409] },
});

const auditLog = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/audit',
  tags: ['audit'],
  summary: 'Audit log of the workspace, newest first (owner)',
  request: {
    params: IdParam,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).optional(),
      before: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: { 200: jsonResponse(z.array(AuditEntry), 'Entries'), ...scopedErrors, 422: errors[422] },
});

const LAST_OWNER = 'a workspace must keep at least one owner';

/** Workspaces, their members and their audit log. */
export function workspaceRoutes(deps: AppDeps) {
  const { db } = deps;
  return router()
    .openapi(list, async (c) => {
      const { user } = requireCaller(c);
      return c.json(await db.workspaces.listForUser(user.id), 200);
    })
    .openapi(create, async (c) => {
      const { user } = requireCaller(c);
      const { name } = c.req.valid('json');
      const workspace = await createWorkspace(db, { name, ownerId: user.id });
      return c.json(workspace, 201);
    })
    .openapi(get, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const role = await requireRole(db, id, user.id, 'viewer');
      const record = await db.workspaces.get(id);
      if (!record) throw problems.notFound(`no workspace ${id}`);
      return c.json({ ...record, role }, 200);
    })
    .openapi(rename, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const role = await requireRole(db, id, user.id, 'owner');
      const record = await db.transaction(async (tx) => {
        const renamed = await tx.workspaces.rename(id, name);
        if (!renamed) throw problems.notFound(`no workspace ${id}`);
        await audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'workspace.rename',
          entityType: 'workspace',
          entityId: id,
        });
        return renamed;
      });
      return c.json({ ...record, role }, 200);
    })
    .openapi(remove, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'owner');
      await deleteWorkspace(deps, { workspaceId: id, actorId: user.id });
      return c.body(null, 204);
    })
    .openapi(listMembers, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      await requireRole(db, id, user.id, 'viewer');
      return c.json(await db.members.list(id), 200);
    })
    .openapi(addMemberRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { email, role } = c.req.valid('json');
      await requireRole(db, id, user.id, 'owner');
      const target = await db.users.findByEmail(email);
      if (!target) {
        throw problems.invalid('no account with this e-mail', [
          { path: 'email', message: 'no account with this e-mail; an administrator creates accounts first' },
        ]);
      }
      const member = await addMember(db, { workspaceId: id, userId: target.id, role, actorId: user.id });
      return c.json(member, 201);
    })
    .openapi(updateMember, async (c) => {
      const { user } = requireCaller(c);
      const { id, userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      await requireRole(db, id, user.id, 'owner');
      const member = await db.transaction(async (tx) => {
        const updated = await tx.members.setRole(id, userId, role);
        if (!updated.ok) {
          throw updated.reason === 'last-owner'
            ? problems.conflict(LAST_OWNER)
            : problems.notFound(`no member ${userId} in this workspace`);
        }
        await audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'member.update',
          entityType: 'member',
          entityId: userId,
          detail: { from: updated.previousRole, to: role },
        });
        return updated.member;
      });
      return c.json(member, 200);
    })
    .openapi(removeMember, async (c) => {
      const { user } = requireCaller(c);
      const { id, userId } = c.req.valid('param');
      await requireRole(db, id, user.id, 'owner');
      await db.transaction(async (tx) => {
        const removed = await tx.members.remove(id, userId);
        if (!removed.ok) {
          throw removed.reason === 'last-owner'
            ? problems.conflict(LAST_OWNER)
            : problems.notFound(`no member ${userId} in this workspace`);
        }
        await audit(tx, {
          workspaceId: id,
          actorId: user.id,
          action: 'member.remove',
          entityType: 'member',
          entityId: userId,
          detail: { role: removed.previousRole },
        });
      });
      return c.body(null, 204);
    })
    .openapi(auditLog, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { limit, before } = c.req.valid('query');
      await requireRole(db, id, user.id, 'owner');
      const options: { limit?: number; before?: number } = { limit: limit ?? 100 };
      if (before !== undefined) options.before = before;
      const [entries, users] = await Promise.all([db.audit.list(id, options), db.users.list()]);
      const names = new Map(users.map((u) => [u.id, u.name]));
      return c.json(
        entries.map((e) => ({ ...e, actorName: e.actorId === null ? null : (names.get(e.actorId) ?? null) })),
        200,
      );
    });
}
