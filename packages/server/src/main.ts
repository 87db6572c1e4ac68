import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_ANALYSIS_TIMEOUT_MS } from '@pathlight/analytics';
import { createDatabase, type Database } from '@pathlight/db';
import { Hono } from 'hono';
import { createApp } from './app';
import { bootstrapAdmin } from './bootstrap-admin';
import { defaultAppConfig } from './config';
import { type DemoMode, demoModeFromEnv, seedsDemo } from './demo/demo-mode';
import { DEMO_WORKSPACE_NAME } from './demo/riverside';
import { type DemoSummary, seedDemo } from './demo/seed-demo';
import { DEFAULT_MAX_UPLOAD_BYTES, Evidence } from './evidence/evidence';
import { consoleLogger, type Logger } from './logger';
import { problemResponse, problems } from './problem';
import { webApp } from './web-static';

/** How to run the server; every field has a default (see `optionsFromEnv` for the env names). */
export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | undefined;
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  maxBodyBytes?: number;
  /** Largest upload (event-log file) in bytes; default 1 GiB. */
  maxUploadBytes?: number;
  /** How long one analysis may run before it is stopped, in milliseconds (default 10 s). */
  analysisTimeoutMs?: number;
  /** Reverse proxies in front to trust (hops; `true` = 1, `false` = 0): see `AppConfig.trustProxy`. */
  trustProxy?: number | boolean;
  allowedOrigins?: string[];
  /** The built web app; defaults to `packages/web/dist` of this repository. */
  webDist?: string;
  logger?: Logger;
  /** Where the one-time admin password goes (default: the console). */
  print?: (line: string) => void;
  /** Seed the Riverside demo workspace at first run (see `DemoMode`); default off. */
  demo?: DemoMode;
}

export interface RunningServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4300;
const SESSION_SWEEP_MS = 60 * 60 * 1000;
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const positiveInt = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
};

/**
 * `PATHLIGHT_TRUST_PROXY`: unset, empty, `0` or `false` trust no proxy; `true` or `1` one; `2` two
 * (a load balancer in front of a reverse proxy), and so on.
 */
function trustedHops(value: string | undefined): number {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false') return 0;
  if (v === 'true') return 1;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 10) {
    throw new Error(
      `PATHLIGHT_TRUST_PROXY must be true, false or a number of proxies (0-10), got "${value}"`,
    );
  }
  return n;
}

/**
 * Reads `PORT` (4300), `HOST` (127.0.0.1), `PATHLIGHT_DATA_DIR` (./data), `DATABASE_URL`,
 * `PATHLIGHT_ADMIN_EMAIL`, `PATHLIGHT_ADMIN_PASSWORD`, `PATHLIGHT_MAX_BODY_BYTES` (5 MiB),
 * `PATHLIGHT_MAX_UPLOAD_BYTES` (1 GiB), `PATHLIGHT_ANALYSIS_TIMEOUT_SECONDS` (10),
 * `PATHLIGHT_TRUST_PROXY` (how many proxies: `true`/`1`, `2`, …) and `PATHLIGHT_ALLOWED_ORIGINS` (comma-separated).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartOptions {
  const options: StartOptions = {
    port: positiveInt('PORT', env.PORT) ?? DEFAULT_PORT,
    host: env.HOST || '127.0.0.1',
    dataDir: env.PATHLIGHT_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.PATHLIGHT_ADMIN_EMAIL || undefined,
    adminPassword: env.PATHLIGHT_ADMIN_PASSWORD || undefined,
    maxBodyBytes:
      positiveInt('PATHLIGHT_MAX_BODY_BYTES', env.PATHLIGHT_MAX_BODY_BYTES) ?? defaultAppConfig.maxBodyBytes,
    maxUploadBytes:
      positiveInt('PATHLIGHT_MAX_UPLOAD_BYTES', env.PATHLIGHT_MAX_UPLOAD_BYTES) ?? DEFAULT_MAX_UPLOAD_BYTES,
    analysisTimeoutMs:
      (positiveInt('PATHLIGHT_ANALYSIS_TIMEOUT_SECONDS', env.PATHLIGHT_ANALYSIS_TIMEOUT_SECONDS) ??
        DEFAULT_ANALYSIS_TIMEOUT_MS / 1000) * 1000,
    trustProxy: trustedHops(env.PATHLIGHT_TRUST_PROXY),
    allowedOrigins: (env.PATHLIGHT_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  return options;
}

/**
 * Opens the database, creates the first administrator if there is no user, and serves the API
 * plus the built web app. Resolves once listening; `close()` stops the server and the database.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger();
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? './data');
  const db = await createDatabase({ databaseUrl: options.databaseUrl, dataDir });
  let demo: { summary: DemoSummary; email: string; generated: boolean } | null = null;
  // Event databases, keys and uploads live beside the database under the data directory.
  const evidence = new Evidence(db, logger, {
    dataDir,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    analysisTimeoutMs: options.analysisTimeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS,
    warmAfterImport: true,
  });
  try {
    const interrupted = await evidence.recover();
    if (interrupted > 0) logger.warn(`${interrupted} import job(s) were interrupted by a restart`);
    await db.sessions.deleteExpired();
    const admin = await bootstrapAdmin(
      db,
      { email: options.adminEmail, password: options.adminPassword },
      options.print,
    );
    if (admin.created && seedsDemo(options.demo ?? 'off', admin)) {
      demo = await seedDemo({ db, evidence, ownerId: admin.userId, progress: (l) => logger.info(l) }).then(
        (summary) => ({ summary, email: admin.email, generated: admin.generatedPassword }),
        (error: unknown) => {
          logger.warn(
            `the demo workspace could not be seeded (${error instanceof Error ? error.message : String(error)}); run npx pathlight demo --reset`,
          );
          return null;
        },
      );
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const api = createApp({
    db,
    logger,
    evidence,
    config: {
      maxBodyBytes: options.maxBodyBytes ?? defaultAppConfig.maxBodyBytes,
      trustProxy: Number(options.trustProxy ?? 0),
      allowedOrigins: options.allowedOrigins ?? [],
    },
  });
  const root = new Hono();
  root.route('/', api);
  root.route('/', webApp(options.webDist ?? DEFAULT_WEB_DIST));
  root.notFound(() => problemResponse(problems.notFound('no such endpoint')));

  const server = await new Promise<ReturnType<typeof serve>>((done, fail) => {
    const s = serve({ fetch: root.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, () => done(s));
    s.once('error', fail);
  });
  // Expired sessions are refused anyway; this just keeps the table small.
  const sweep = setInterval(() => {
    db.sessions.deleteExpired().catch(() => logger.warn('could not remove expired sessions'));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(`Pathlight is running at ${url} (storage: ${db.kind})`);
  if (demo) {
    const { summary, email, generated } = demo;
    (options.print ?? console.log)(
      [
        `Demo workspace "${DEMO_WORKSPACE_NAME}" is ready (fictional): 3 journeys, 4 personas and ${summary.events} events of ${summary.patients} synthetic patients, seeded in ${summary.seconds.toFixed(1)} s.`,
        `Open ${url} and sign in as ${email} with ${generated ? 'the password shown above' : 'the password in PATHLIGHT_ADMIN_PASSWORD'}.`,
        '',
      ].join('\n'),
    );
  }
  return {
    url,
    db,
    close: async () => {
      clearInterval(sweep);
      await new Promise<void>((done) => server.close(() => done()));
      await evidence.close();
      await db.close();
    },
  };
}

// Run directly (`tsx packages/server/src/main.ts`): start from the environment, stop on signals.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  Promise.resolve()
    .then(() => startServer({ ...optionsFromEnv(), demo: demoModeFromEnv() }))
    .then(
      (running) => {
        const stop = () => {
          running.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
      (error: unknown) => {
        console.error(`Pathlight could not start: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
}
