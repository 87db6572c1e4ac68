import { createRoute, z } from '@hono/zod-openapi';
import { passwordWeakness, UserCreate, UserUpdate } from '@pathlight/core';
import type { UserPatch } from '@pathlight/db';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import { bodyErrors, errors, IdParam, jsonBody, jsonResponse, router, User } from '../openapi';
import { hashPassword } from '../passwords';
import { problems } from '../problem';
import { requireAdmin } from '../session';

const adminOnly = { 401: errors[401], 403: errors[403] } as const;

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'All user accounts (administrators only)',
  responses: { 200: jsonResponse(z.array(User), 'Users'), ...adminOnly },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create an account (administrators only); the password is stored as an Argon2id hash',
  description:
    'The password must be at least 12 characters, not one of the most common passwords, not a repeat or a run of keys, and not the e-mail address (else 422 at `password`).',
  request: jsonBody(UserCreate),
  responses: {
    201: jsonResponse(User, 'Created'),
    ...adminOnly,
    ...bodyErrors,
    409: errors[409],
  },
});

const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'Rename, disable/enable or set the password of an account (administrators only)',
  description:
    "Disabling, or setting another user's password, ends all of that user's sessions. A new password must pass the same checks as on creation (422 at `password`).",
  request: { params: IdParam, ...jsonBody(UserUpdate) },
  responses: {
    200: jsonResponse(User, 'Updated'),
    ...adminOnly,
    ...bodyErrors,
    404: errors[404],
    409: errors[409],
  },
});

/** Account administration. */
export function userRoutes(deps: AppDeps) {
  const { db } = deps;
  return router()
    .openapi(list, async (c) => {
      requireAdmin(c);
      return c.json(await db.users.list(), 200);
    })
    .openapi(create, async (c) => {
      const { user: actor } = requireAdmin(c);
      const input = c.req.valid('json');
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction(async (tx) => {
        const made = await tx.users.create({
          email: input.email,
          name: input.name,
          passwordHash,
          isAdmin: input.isAdmin,
        });
        if (!made.ok) throw problems.conflict('an account with this e-mail already exists');
        await audit(tx, {
          workspaceId: null,
          actorId: actor.id,
          action: 'user.create',
          entityType: 'user',
          entityId: made.user.id,
          detail: { isAdmin: made.user.isAdmin },
        });
        return made.user;
      });
      return c.json(user, 201);
    })
    .openapi(update, async (c) => {
      const { user: actor } = requireAdmin(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      if (id === actor.id && input.disabled === true) {
        throw problems.conflict('you cannot disable your own account');
      }
      const patch: UserPatch = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.disabled !== undefined) patch.disabled = input.disabled;
      if (input.password !== undefined) {
        // The schema checked the password's strength; only the account's own e-mail is left to check.
        const email = (await db.users.findById(id))?.email;
        const why = email === undefined ? null : passwordWeakness(input.password, email);
        if (why)
          throw problems.invalid('the request body is not valid', [{ path: 'password', message: why }]);
        patch.passwordHash = await hashPassword(input.password);
      }
      const user = await db.transaction(async (tx) => {
        const updated = await tx.users.update(id, patch);
        if (!updated) throw problems.notFound(`no user ${id}`);
        // A disabled account, or one whose password an administrator reset, must sign in again.
        let endedSessions = 0;
        if (input.disabled === true || (input.password !== undefined && id !== actor.id)) {
          endedSessions = await tx.sessions.deleteForUser(id);
        }
        await audit(tx, {
          workspaceId: null,
          actorId: actor.id,
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          detail: {
            name: input.name !== undefined,
            disabled: input.disabled ?? null,
            password: input.password !== undefined,
            endedSessions,
          },
        });
        return updated;
      });
      return c.json(user, 200);
    });
}
