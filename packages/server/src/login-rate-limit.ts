import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppConfig } from './config';
import type { AppEnv } from './env';
import { ProblemError } from './problem';

/**
 * The client's address: the socket's when served by @hono/node-server, the first
 * `X-Forwarded-For` entry behind a trusted proxy, and `local` under `app.request()` (tests).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** The e-mail a login attempt names, normalised like `LoginRequest` does ('' when unreadable). */
async function attemptedEmail(c: Context): Promise<string> {
  try {
    const body: unknown = await c.req.json();
    if (body && typeof body === 'object' && 'email' in body && typeof body.email === 'string') {
      return body.email.trim().toLowerCase().slice(0, 254);
    }
  } catch {
    // Malformed bodies are rejected by the route's validator; they still count against the address.
  }
  return '';
}

/**
 * Limits login attempts per client address and e-mail (default 10 per 15 minutes), answering
 * 429 problem+json with `Retry-After` beyond that. Successful logins do not count.
 */
export function loginRateLimit(config: AppConfig): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: config.loginWindowMs,
    limit: config.loginLimit,
    standardHeaders: 'draft-6',
    skipSuccessfulRequests: true,
    keyGenerator: async (c) => `${clientAddress(c, config.trustProxy)}|${await attemptedEmail(c)}`,
    handler: (c) => {
      const info = (c.get as (key: string) => unknown)('rateLimit') as { resetTime?: Date } | undefined;
      const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : config.loginWindowMs;
      throw new ProblemError({
        kind: 'too-many-requests',
        detail: 'too many sign-in attempts; wait and try again',
        retryAfterSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
      });
    },
  });
}
