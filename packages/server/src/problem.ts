import { AnalysisInputError, AnalysisStopped } from '@pathlight/analytics';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

/** One field-level validation failure: `path` is dotted, e.g. `stages.0.steps.1.name`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * What went wrong, in domain terms. Handlers and middleware throw these (wrapped in
 * `ProblemError`); `toProblem` is the one place that turns them into HTTP.
 */
export type Outcome =
  | { kind: 'bad-request'; detail: string }
  | { kind: 'invalid'; detail: string; errors: FieldIssue[] }
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'not-found'; detail: string }
  | { kind: 'conflict'; detail: string; extra?: Record<string, unknown> }
  | { kind: 'payload-too-large'; detail: string }
  | { kind: 'unsupported-media-type'; detail: string }
  | { kind: 'precondition-required'; detail: string }
  | { kind: 'too-many-requests'; detail: string; retryAfterSeconds?: number }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'internal'; detail: string };

export type OutcomeKind = Outcome['kind'];

/** An error that carries a domain outcome; thrown anywhere in a request, answered by `toProblem`. */
export class ProblemError extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.detail);
    this.name = 'ProblemError';
  }
}

/** Shorthands so call sites read as the outcome they mean. */
export const problems = {
  badRequest: (detail: string) => new ProblemError({ kind: 'bad-request', detail }),
  invalid: (detail: string, errors: FieldIssue[]) => new ProblemError({ kind: 'invalid', detail, errors }),
  unauthorized: (detail = 'sign in first') => new ProblemError({ kind: 'unauthorized', detail }),
  forbidden: (detail: string) => new ProblemError({ kind: 'forbidden', detail }),
  notFound: (detail: string) => new ProblemError({ kind: 'not-found', detail }),
  conflict: (detail: string, extra?: Record<string, unknown>) =>
    new ProblemError(extra ? { kind: 'conflict', detail, extra } : { kind: 'conflict', detail }),
  preconditionRequired: (detail: string) => new ProblemError({ kind: 'precondition-required', detail }),
  payloadTooLarge: (detail: string) => new ProblemError({ kind: 'payload-too-large', detail }),
} as const;

const statusOf: Record<OutcomeKind, number> = {
  'bad-request': 400,
  invalid: 422,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'precondition-required': 428,
  'too-many-requests': 429,
  unavailable: 503,
  internal: 500,
};

const titleOf: Record<OutcomeKind, string> = {
  'bad-request': 'Bad request',
  invalid: 'Invalid request',
  unauthorized: 'Not signed in',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'precondition-required': 'Precondition required',
  'too-many-requests': 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

/** The problem+json body every error response carries (RFC 9457). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

/** Dotted path of a zod issue, e.g. `['stages', 0, 'name']` → `stages.0.name`; the root is `''`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** The field issues of a zod error, in the API's `{path, message}` shape. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}

/** Turns a hono HTTPException (thrown by hono's own middleware) into an outcome. */
function outcomeOfHttpException(error: HTTPException): Outcome {
  const detail = error.message || 'request rejected';
  switch (error.status) {
    case 400:
      return { kind: 'bad-request', detail };
    case 401:
      return { kind: 'unauthorized', detail };
    case 403:
      return { kind: 'forbidden', detail };
    case 404:
      return { kind: 'not-found', detail };
    case 413:
      return { kind: 'payload-too-large', detail: 'the request body is larger than this server accepts' };
    case 415:
      return { kind: 'unsupported-media-type', detail: 'send the body as application/json' };
    default:
      return error.status >= 500
        ? { kind: 'internal', detail: 'unexpected error' }
        : { kind: 'bad-request', detail };
  }
}

/** An analysis that could not answer: the request named something it cannot do (422), or it ran too long (503). */
function outcomeOfAnalysisError(error: unknown): Outcome | null {
  if (error instanceof AnalysisInputError) {
    if (error.kind === 'not-found') return { kind: 'not-found', detail: error.message };
    return { kind: 'invalid', detail: error.message, errors: [{ path: error.path, message: error.message }] };
  }
  if (error instanceof AnalysisStopped) return { kind: 'unavailable', detail: error.message };
  return null;
}

/**
 * The one mapping from errors to HTTP: domain outcomes, hono's own exceptions, and anything
 * unexpected (500, with no stack trace or internal message leaked).
 */
export function toProblem(error: unknown): {
  status: number;
  body: ProblemBody;
  headers: Record<string, string>;
} {
  const outcome: Outcome =
    error instanceof ProblemError
      ? error.outcome
      : error instanceof HTTPException
        ? outcomeOfHttpException(error)
        : (outcomeOfAnalysisError(error) ?? {
            kind: 'internal',
            detail: 'unexpected error; see the server log',
          });
  const status = statusOf[outcome.kind];
  const body: ProblemBody = {
    type: `urn:pathlight:problem:${outcome.kind}`,
    title: titleOf[outcome.kind],
    status,
    detail: outcome.detail,
  };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (outcome.kind === 'invalid') body.errors = outcome.errors;
  if (outcome.kind === 'conflict' && outcome.extra) Object.assign(body, outcome.extra);
  if (outcome.kind === 'too-many-requests' && outcome.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(outcome.retryAfterSeconds);
  }
  return { status, body, headers };
}

/** A problem+json `Response` for any error. */
export function problemResponse(error: unknown, extraHeaders?: Headers): Response {
  const { status, body, headers } = toProblem(error);
  const out = new Headers(extraHeaders);
  for (const [k, v] of Object.entries(headers)) out.set(k, v);
  return new Response(JSON.stringify(body), { status, headers: out });
}
