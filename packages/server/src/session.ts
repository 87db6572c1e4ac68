import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { audit } from './audit';
import type { AppDeps, AppEnv, Caller } from './env';
import { problems } from './problem';

export const SESSION_COOKIE = 'pathlight_session';

/** A fresh random secret, base64url (32 bytes = 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Only this hash of the session token is stored, so a database leak does not leak live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time string comparison for secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the client reached us over https (directly or, when trusted, through a proxy). */
export function isHttps(c: Context, trustProxy: number): boolean {
  if (trustProxy > 0 && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * Starts a session for `userId` (replacing the one this browser had) and sets the cookie, with
 * an audit entry in the same transaction; returns the CSRF token.
 */
export async function startSession(c: Context<AppEnv>, deps: AppDeps, userId: string): Promise<string> {
  const previous = getCookie(c, SESSION_COOKIE);
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(deps.now().getTime() + deps.config.sessionTtlMs);
  await deps.db.transaction(async (tx) => {
    if (previous) await tx.sessions.delete(hashToken(previous));
    await tx.sessions.create({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    });
    await audit(tx, {
      workspaceId: null,
      actorId: userId,
      action: 'session.login',
      entityType: 'user',
      entityId: userId,
    });
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c, deps.config.trustProxy),
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
  return csrfToken;
}

/** Ends the current session (if any, audited) and clears the cookie. */
export async function endSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  const caller = c.get('caller');
  if (token) {
    await deps.db.transaction(async (tx) => {
      const ended = await tx.sessions.delete(hashToken(token));
      if (ended && caller) {
        const id = caller.user.id;
        await audit(tx, {
          workspaceId: null,
          actorId: id,
          action: 'session.logout',
          entityType: 'user',
          entityId: id,
        });
      }
    });
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, deps.config.trustProxy) });
}

/**
 * Resolves the session cookie to the caller. Disabled users count as signed out. Sessions slide:
 * once half the lifetime has passed, the expiry moves forward.
 */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('caller', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 200) {
      const now = deps.now();
      const tokenHash = hashToken(token);
      const found = await deps.db.sessions.find(tokenHash, now.toISOString());
      if (found && !found.user.disabled) {
        c.set('caller', found);
        const remaining = Date.parse(found.session.expiresAt) - now.getTime();
        if (remaining < deps.config.sessionTtlMs / 2) {
          await deps.db.sessions.extend(
            tokenHash,
            new Date(now.getTime() + deps.config.sessionTtlMs).toISOString(),
          );
        }
      }
    }
    await next();
  };
}

/** The signed-in caller, or a 401. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (!caller) throw problems.unauthorized();
  return caller;
}

/** The signed-in caller if an administrator, else 401/403. */
export function requireAdmin(c: Context<AppEnv>): Caller {
  const caller = requireCaller(c);
  if (!caller.user.isAdmin) throw problems.forbidden('only administrators manage user accounts');
  return caller;
}
