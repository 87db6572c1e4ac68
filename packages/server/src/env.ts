import type { User } from '@pathlight/core';
import type { Database, Session } from '@pathlight/db';
import type { AppConfig } from './config';
import type { Evidence } from './evidence/evidence';
import type { Logger } from './logger';

/** What a request knows about its caller once the session middleware has run. */
export interface Caller {
  user: User;
  session: Session;
}

/** Hono environment of the app: the caller (null when not signed in). */
export interface AppEnv {
  Variables: { caller: Caller | null };
}

/** Everything the routes need, injected once by `createApp`. */
export interface AppDeps {
  db: Database;
  logger: Logger;
  config: AppConfig;
  /** The clock (tests pin it). */
  now: () => Date;
  /** Event data: per-workspace DuckDB stores, uploads and the import queue. */
  evidence: Evidence;
}
