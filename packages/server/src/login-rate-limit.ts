import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppConfig } from './config';
import type { AppEnv } from './env';
import { ProblemError } from './problem';

/**
 * The client's address. With `trustedHops` proxies in front, the `X-Forwarded-For` entry that many
 * places from the right: each trusted proxy appends the address it was connected from, so that entry
 * is the one the outermost trusted proxy saw; anything left of it was written by the client. Else
 * the socket's address when served by @hono/node-server, and `local` under `app.request()` (tests).
 */
export function clientAddress(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than hops: the furthest one there is (as Express's `trust proxy = n` does).
    const forwarded = entries[Math.max(0, entries.length - trustedHops)];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** The 429 every throttled sign-in gets, whichever limit it hit. */
export function tooManyAttempts(waitMs: number): ProblemError {
  return new ProblemError({
    kind: 'too-many-requests',
    detail: 'too many sign-in attempts; wait and try again',
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

/**
 * Limits failed login attempts per client address, all e-mails together (default 30 per 15
 * minutes), answering 429 problem+json with `Retry-After` beyond that. Successful logins do not count.
 */
export function loginRateLimit(config: AppConfig): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: config.loginWindowMs,
    limit: config.loginLimit,
    standardHeaders: 'draft-6',
    skipSuccessfulRequests: true,
    keyGenerator: (c) => clientAddress(c, config.trustProxy),
    handler: (c) => {
      const info = (c.get as (key: string) => unknown)('rateLimit') as { resetTime?: Date } | undefined;
      throw tooManyAttempts(info?.resetTime ? info.resetTime.getTime() - Date.now() : config.loginWindowMs);
    },
  });
}

interface AccountEntry {
  /** Failures since `windowStart`. */
  failures: number;
  windowStart: number;
  /** Locks so far (the next one lasts `accountLockMs × 2^locks`, capped). */
  locks: number;
  lockedUntil: number;
  lastFailure: number;
}

/** An e-mail with no failure for this long is forgotten (its next lock is a first one again). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
/** Most e-mails remembered at once; the least recently failed go first (bounds memory under a spray). */
const MAX_ENTRIES = 50_000;

/**
 * Per-account sign-in throttle, whatever the client address: `accountFailures` wrong passwords
 * for one e-mail within `accountWindowMs` lock it for `accountLockMs`, each further lock twice as
 * long up to `accountMaxLockMs`. While locked every attempt for it gets 429, even with the right
 * password; a success after the lock resets everything. Keyed by the e-mail as typed (normalised),
 * so unknown e-mails behave exactly like real ones. Kept in memory: a restart forgets it.
 */
export class AccountThrottle {
  readonly #entries = new Map<string, AccountEntry>();

  constructor(
    private readonly config: Pick<
      AppConfig,
      'accountFailures' | 'accountWindowMs' | 'accountLockMs' | 'accountMaxLockMs'
    >,
    private readonly now: () => Date,
  ) {}

  /** Milliseconds until `email` may try again (0: not locked). */
  lockedFor(email: string): number {
    const entry = this.#current(email);
    return entry ? Math.max(0, entry.lockedUntil - this.now().getTime()) : 0;
  }

  /** Records a wrong password for `email`, locking it when that was one too many. */
  fail(email: string): void {
    const at = this.now().getTime();
    const entry = this.#current(email) ?? {
      failures: 0,
      windowStart: at,
      locks: 0,
      lockedUntil: 0,
      lastFailure: at,
    };
    if (at - entry.windowStart >= this.config.accountWindowMs) {
      entry.failures = 0;
      entry.windowStart = at;
    }
    entry.failures += 1;
    entry.lastFailure = at;
    if (entry.failures >= this.config.accountFailures) {
      const lockMs = Math.min(this.config.accountLockMs * 2 ** entry.locks, this.config.accountMaxLockMs);
      entry.locks += 1;
      entry.lockedUntil = at + lockMs;
      entry.failures = 0;
      entry.windowStart = at;
    }
    // Re-inserting keeps the map ordered by last failure, oldest first.
    this.#entries.delete(email);
    this.#entries.set(email, entry);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
  }

  /** The right password: forget the e-mail's failures and locks. */
  succeed(email: string): void {
    this.#entries.delete(email);
  }

  #current(email: string): AccountEntry | undefined {
    const entry = this.#entries.get(email);
    if (entry && this.now().getTime() - entry.lastFailure > FORGET_AFTER_MS) {
      this.#entries.delete(email);
      return undefined;
    }
    return entry;
  }
}
