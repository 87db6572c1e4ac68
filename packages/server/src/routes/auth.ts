import { createRoute } from '@hono/zod-openapi';
import { LoginRequest, PasswordChange, passwordWeakness } from '@pathlight/core';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import { AccountThrottle, loginRateLimit, tooManyAttempts } from '../login-rate-limit';
import { errors, jsonBody, jsonResponse, router, Session } from '../openapi';
import { hashPassword, verifyPassword } from '../passwords';
import { problems } from '../problem';
import { endSession, requireCaller, startSession } from '../session';

/** One message for every failed sign-in, so responses do not reveal which e-mails exist. */
const WRONG_CREDENTIALS = 'wrong e-mail or password';

/** Session endpoints: sign in, sign out, who am I, change my password. */
export function authRoutes(deps: AppDeps) {
  // Wrong passwords for one account, from sign-in and from password changes alike.
  const throttle = new AccountThrottle(deps.config, deps.now);

  const login = createRoute({
    method: 'post',
    path: '/api/auth/login',
    tags: ['auth'],
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
    description:
      'Throttled (429 with Retry-After): 30 failed attempts per client address in 15 minutes; and per e-mail, from any address, 5 failures in 15 minutes lock it for 1 minute, each further lock twice as long up to 15 minutes (the right password is refused too while locked). Unknown e-mails behave the same.',
    middleware: [loginRateLimit(deps.config)] as const,
    request: jsonBody(LoginRequest),
    responses: {
      200: jsonResponse(Session, 'Signed in; keep `csrfToken` for the X-CSRF-Token header'),
      400: errors[400],
      401: errors[401],
      403: errors[403],
      415: errors[415],
      422: errors[422],
      429: errors[429],
    },
  });

  const logout = createRoute({
    method: 'post',
    path: '/api/auth/logout',
    tags: ['auth'],
    summary: 'Sign out: ends the session and clears the cookie',
    security: [{ session: [], csrf: [] }],
    responses: { 204: { description: 'Signed out' }, 403: errors[403] },
  });

  const changePassword = createRoute({
    method: 'post',
    path: '/api/me/password',
    tags: ['auth'],
    summary: "Change the signed-in user's password; ends the user's other sessions, keeps this one",
    description:
      'A wrong `currentPassword` is 422 (at that field) and counts towards the per-e-mail sign-in throttle (429 once locked). The new password must be at least 12 characters, not one of the most common passwords, not a repeat or a run of keys, not the e-mail address and not the current password (422 at `newPassword`).',
    security: [{ session: [], csrf: [] }],
    request: jsonBody(PasswordChange),
    responses: {
      204: { description: 'Changed; every other session of this user has ended' },
      400: errors[400],
      401: errors[401],
      403: errors[403],
      415: errors[415],
      422: errors[422],
      429: errors[429],
    },
  });

  const me = createRoute({
    method: 'get',
    path: '/api/me',
    tags: ['auth'],
    summary: 'The signed-in user and the session CSRF token',
    security: [{ session: [] }],
    responses: { 200: jsonResponse(Session, 'Signed in'), 401: errors[401] },
  });

  return router()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const wait = throttle.lockedFor(email);
      if (wait > 0) throw tooManyAttempts(wait);
      const found = await deps.db.users.findByEmail(email);
      const ok = await verifyPassword(found?.passwordHash ?? null, password);
      if (!found || !ok || found.disabled) {
        throttle.fail(email);
        throw problems.unauthorized(WRONG_CREDENTIALS);
      }
      throttle.succeed(email);
      const { passwordHash: _hash, ...user } = found;
      const csrfToken = await startSession(c, deps, user.id);
      deps.logger.info('signed in', { userId: user.id });
      return c.json({ user, csrfToken }, 200);
    })
    .openapi(logout, async (c) => {
      await endSession(c, deps);
      return c.body(null, 204);
    })
    .openapi(changePassword, async (c) => {
      const { user, session } = requireCaller(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const wait = throttle.lockedFor(user.email);
      if (wait > 0) throw tooManyAttempts(wait);
      const found = await deps.db.users.findByEmail(user.email);
      if (!(await verifyPassword(found?.passwordHash ?? null, currentPassword))) {
        throttle.fail(user.email);
        throw problems.invalid('the current password is not right', [
          { path: 'currentPassword', message: 'this is not your current password' },
        ]);
      }
      throttle.succeed(user.email);
      const weak =
        newPassword === currentPassword
          ? 'choose a password different from your current one'
          : passwordWeakness(newPassword, user.email);
      if (weak)
        throw problems.invalid('the new password is not acceptable', [
          { path: 'newPassword', message: weak },
        ]);
      const passwordHash = await hashPassword(newPassword);
      await deps.db.transaction(async (tx) => {
        await tx.users.update(user.id, { passwordHash });
        const endedSessions = await tx.sessions.deleteForUser(user.id, session.tokenHash);
        await audit(tx, {
          workspaceId: null,
          actorId: user.id,
          action: 'user.password',
          entityType: 'user',
          entityId: user.id,
          detail: { endedSessions },
        });
      });
      deps.logger.info('password changed', { userId: user.id });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const { user, session } = requireCaller(c);
      return c.json({ user, csrfToken: session.csrfToken }, 200);
    });
}
