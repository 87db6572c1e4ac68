import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@pathlight/db';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes, routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { type AppConfig, defaultAppConfig } from './config';
import { CSRF_HEADER, csrfMiddleware } from './csrf';
import type { AppDeps, AppEnv } from './env';
import { Evidence } from './evidence/evidence';
import type { Logger } from './logger';
import { validationHook } from './openapi';
import { ProblemError, problemResponse, problems, toProblem } from './problem';
import { analysisRoutes } from './routes/analyses';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { journeyRoutes } from './routes/journeys';
import { personaRoutes } from './routes/personas';
import { sourceRoutes } from './routes/sources';
import { templateRoutes } from './routes/templates';
import { userRoutes } from './routes/users';
import { workspaceRoutes } from './routes/workspaces';
import { isHttps, SESSION_COOKIE, sessionMiddleware } from './session';

export interface CreateAppOptions {
  db: Database;
  logger: Logger;
  config?: Partial<AppConfig>;
  /** The clock (tests pin it); defaults to the system clock. */
  now?: () => Date;
  /**
   * Event data (DuckDB stores, uploads, import jobs). Default: a fresh one in a temp folder. Pass your
   * own to choose the data dir and to await imports (`evidence.jobs.idle()`); close it on shutdown.
   */
  evidence?: Evidence;
}

/** Upload bodies are streamed to disk with their own limit (`PATHLIGHT_MAX_UPLOAD_BYTES`). */
const UPLOAD_PATH = /^\/api\/workspaces\/[^/]+\/uploads$/;

/** API paths that answer without a session; every other `/api/*` path needs one (else 401). */
const PUBLIC_PATHS = new Set(['/api/health', '/api/auth/login', '/api/auth/logout', '/api/openapi.json']);

const OPENAPI_DESCRIPTION = `The Pathlight HTTP API. JSON in and out; errors are \`application/problem+json\`
(validation failures list \`errors: [{path, message}]\` with dotted field paths).

**Sessions.** \`POST /api/auth/login\` sets the HttpOnly, SameSite=Lax cookie \`${SESSION_COOKIE}\`
(Secure over https) and returns \`csrfToken\`; \`GET /api/me\` returns it again.

**Security headers.** Every answer carries a Content-Security-Policy (\`default-src 'self'\`,
\`frame-ancestors 'none'\`, no inline script), \`X-Content-Type-Options: nosniff\`,
\`Referrer-Policy: no-referrer\`, \`X-Frame-Options: DENY\`, \`Cross-Origin-Opener-Policy: same-origin\`
and a Permissions-Policy; HSTS only over https.

**CSRF.** Every POST, PUT, PATCH and DELETE except login must send \`${CSRF_HEADER}\` equal to the
session's \`csrfToken\` (else 403), and a cross-origin \`Origin\` header is refused (403).

**Concurrency.** Journeys and personas carry a \`version\`. A save must name the version it was based
on (\`If-Match: "<version>"\` or a \`version\` field): stale → 409 with \`currentVersion\` and \`current\`;
missing → 428.

**Roles.** Viewers read; editors create, edit, import and refresh journeys, personas, templates
and data sources; owners also delete them, manage members, rename or delete the workspace and read
the audit log. Non-members get 404 for everything in a workspace.`;

/**
 * Security headers on every answer (API, web app files, errors). The web app is one bundle from
 * this origin: no inline or foreign script, no eval (web's no-eval.ts keeps zod from probing), no
 * framing. Styles allow 'unsafe-inline' because ECharts' HTML tooltips are markup with `style`
 * attributes; images allow data:/blob: for exports and the favicon.
 */
function securityHeaders(config: AppConfig): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
    },
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // Set below, only over https: over plain http a browser ignores it, and it must not pin a LAN name.
    strictTransportSecurity: false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
  return async (c, next) => {
    await headers(c, next);
    if (isHttps(c, config.trustProxy)) {
      c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  };
}

/** Logs method, route pattern, status and duration: never paths with ids, bodies or query strings. */
function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // The first matched endpoint (not middleware) is the one that answered.
    const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL');
    logger.info('request', {
      method: c.req.method,
      route: endpoint?.path ?? routePath(c, -1),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

/**
 * Builds the Pathlight API as a pure request→response Hono app (no port, no files):
 * `app.request()` drives it in tests, `main.ts` serves it.
 */
export function createApp(options: CreateAppOptions) {
  const config: AppConfig = { ...defaultAppConfig, ...options.config };
  const deps: AppDeps = {
    db: options.db,
    logger: options.logger,
    config,
    now: options.now ?? (() => new Date()),
    evidence: options.evidence ?? new Evidence(options.db, options.logger),
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });

  app.use('*', requestLog(deps.logger));
  app.use('*', securityHeaders(config));
  app.use('/api/*', async (c, next) => {
    await next();
    // Answers carry workspace data: never let a shared cache keep them.
    c.header('cache-control', 'no-store');
  });
  const limitBody = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: () => {
      throw new ProblemError({
        kind: 'payload-too-large',
        detail: `the request body is larger than ${config.maxBodyBytes} bytes`,
      });
    },
  });
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path) ? next() : limitBody(c, next),
  );
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', csrfMiddleware(config));
  app.use('/api/*', async (c, next) => {
    if (!PUBLIC_PATHS.has(c.req.path) && c.get('caller') === null) throw problems.unauthorized();
    await next();
  });

  app.onError((error, c) => {
    const { status } = toProblem(error);
    if (status >= 500) {
      deps.logger.error('unexpected error', {
        route: routePath(c, -1),
        error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'non-error thrown',
      });
    }
    return problemResponse(error, c.res.headers);
  });
  app.notFound(() => problemResponse(problems.notFound('no such endpoint')));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'Required on every state-changing request except login.',
  });

  return app
    .route('/', healthRoutes())
    .route('/', authRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', workspaceRoutes(deps))
    .route('/', journeyRoutes(deps))
    .route('/', personaRoutes(deps))
    .route('/', templateRoutes(deps))
    .route('/', sourceRoutes(deps))
    .route('/', analysisRoutes(deps))
    .doc('/api/openapi.json', {
      openapi: '3.0.3',
      info: { title: 'Pathlight API', version: '0.1.0', description: OPENAPI_DESCRIPTION },
      security: [{ session: [], csrf: [] }],
    });
}

/** The app's type: the source of the typed client's routes. */
export type App = ReturnType<typeof createApp>;
