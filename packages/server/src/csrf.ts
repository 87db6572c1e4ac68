import type { Context, MiddlewareHandler } from 'hono';
import type { AppConfig } from './config';
import type { AppEnv } from './env';
import { problems } from './problem';
import { sameSecret } from './session';

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the client addressed (behind a trusted proxy, the forwarded one). */
function requestHost(c: Context, trustProxy: number): string {
  const forwarded = trustProxy > 0 ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || c.req.header('host') || new URL(c.req.url).host).toLowerCase();
}

/** Whether an `Origin` header names this server (or an explicitly allowed origin). */
function originAllowed(origin: string, c: Context, config: AppConfig): boolean {
  if (config.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(c, config.trustProxy);
  } catch {
    return false;
  }
}

/**
 * Cross-site request forgery defence for every state-changing request:
 * 1. a cross-origin `Origin` header (or `Sec-Fetch-Site: cross-site`) is refused, login
 *    included (against login CSRF);
 * 2. with a session, the `X-CSRF-Token` header must equal the session's token (synchroniser
 *    token: the page gets it from `POST /api/auth/login` or `GET /api/me`; another site cannot
 *    read it). Login is exempt because no session exists yet. Requests without a session carry
 *    no ambient authority, so they go on and get their 401 from the route.
 */
export function csrfMiddleware(config: AppConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && !originAllowed(origin, c, config)) {
      throw problems.forbidden('cross-origin request refused');
    }
    // `Origin: null` (sandboxed frames, some redirects) and browsers' own cross-site marker.
    if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site') {
      throw problems.forbidden('cross-origin request refused');
    }
    const caller = c.get('caller');
    if (caller && c.req.path !== '/api/auth/login') {
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !sameSecret(sent, caller.session.csrfToken)) {
        throw problems.forbidden(`missing or wrong ${CSRF_HEADER} header`);
      }
    }
    return next();
  };
}
