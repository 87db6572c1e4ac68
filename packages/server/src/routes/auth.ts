import { createRoute } from '@hono/zod-openapi';
import { LoginRequest } from '@pathlight/core';
import type { AppDeps } from '../env';
import { loginRateLimit } from '../login-rate-limit';
import { errors, jsonBody, jsonResponse, router, Session } from '../openapi';
import { verifyPassword } from '../passwords';
import { problems } from '../problem';
import { endSession, requireCaller, startSession } from '../session';

/** One message for every failed sign-in, so responses do not reveal which e-mails exist. */
const WRONG_CREDENTIALS = 'wrong e-mail or password';

/** Session endpoints: sign in, sign out, who am I. */
export function authRoutes(deps: AppDeps) {
  const login = createRoute({
    method: 'post',
    path: '/api/auth/login',
    tags: ['auth'],
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token',
    description:
      'Rate-limited per client address and e-mail (default 10 failed attempts per 15 minutes, then 429 with Retry-After).',
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
      const found = await deps.db.users.findByEmail(email);
      const ok = await verifyPassword(found?.passwordHash ?? null, password);
      if (!found || !ok || found.disabled) throw problems.unauthorized(WRONG_CREDENTIALS);
      const { passwordHash: _hash, ...user } = found;
      const csrfToken = await startSession(c, deps, user.id);
      deps.logger.info('signed in', { userId: user.id });
      return c.json({ user, csrfToken }, 200);
    })
    .openapi(logout, async (c) => {
      await endSession(c, deps);
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const { user, session } = requireCaller(c);
      return c.json({ user, csrfToken: session.csrfToken }, 200);
    });
}
