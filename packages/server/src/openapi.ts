import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  IsoDateTime,
  Journey as JourneySchema,
  JourneyTemplate as JourneyTemplateSchema,
  Member as MemberSchema,
  Persona as PersonaSchema,
  User as UserSchema,
  Workspace as WorkspaceSchema,
} from '@pathlight/core';
import type { AppEnv } from './env';
import { problems, zodIssues } from './problem';

/**
 * Validation failures become problems: a bad path parameter (e.g. not a UUID) cannot name an
 * existing resource, so it is a 404; a bad body or query is a 422 listing each field path.
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): undefined {
  if (result.success) return undefined;
  if (result.target === 'param') throw problems.notFound('no such resource');
  const where = result.target === 'json' ? 'request body' : result.target;
  throw problems.invalid(`the ${where} is not valid`, zodIssues(result.error));
}

/** A router whose validation failures go through `validationHook`. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
}

/** The problem+json body, for the OpenAPI document. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** Error responses shared by routes, for the OpenAPI document. */
export const errors = {
  400: problem('Malformed JSON or bad request'),
  401: problem('Not signed in'),
  403: problem('Signed in but the role does not allow it, or CSRF check failed'),
  404: problem('No such resource (or not a member of its workspace)'),
  409: problem('Conflict: stale version, duplicate, or last owner'),
  413: problem('Request body too large'),
  415: problem('Body is not application/json'),
  422: problem('Validation failed; `errors` lists each field path'),
  428: problem('The base version is missing (send If-Match or `version`)'),
  429: problem('Too many attempts; see Retry-After'),
} as const;

/** A JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({
  body: { required: true, description, content: { 'application/json': { schema } } },
});

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

// The core schemas under their own names, so the OpenAPI document refers to each once. zod's own
// `.meta` (not `.openapi`): core may be loaded with another zod instance than the OpenAPI extension.
export const User = UserSchema.meta({ id: 'User' });
export const Workspace = WorkspaceSchema.meta({ id: 'Workspace' });
export const Member = MemberSchema.meta({ id: 'Member' });
export const Journey = JourneySchema.meta({ id: 'Journey' });
export const Persona = PersonaSchema.meta({ id: 'Persona' });
export const JourneyTemplate = JourneyTemplateSchema.meta({ id: 'JourneyTemplate' });

/** The error responses of any route inside a workspace (signed in, role, existence). */
export const scopedErrors = { 401: errors[401], 403: errors[403], 404: errors[404] } as const;
/** The error responses of a route that reads a JSON body. */
export const bodyErrors = { 400: errors[400], 413: errors[413], 415: errors[415], 422: errors[422] } as const;

/** The `If-Match` request header of versioned writes. */
export const IfMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'The base version, e.g. "3"' }),
});

/** The `ETag` response header of a versioned document. */
export const etag = (version: number) => ({ etag: `"${version}"` });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` has the form of a UUID (any version), e.g. to tell a stored id from a built-in name. */
export const isUuid = (text: string): boolean => UUID.test(text);

export const IdParam = z.object({ id: z.uuid() });
export const MemberParam = z.object({ id: z.uuid(), userId: z.uuid() });

export const Session = z.object({ user: User, csrfToken: z.string() }).openapi('SessionInfo');

export { JourneySummary } from '@pathlight/core';

export const AuditEntry = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: IsoDateTime,
    workspaceId: z.uuid().nullable(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    beforeVersion: z.number().int().nullable(),
    afterVersion: z.number().int().nullable(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AuditEntry');

/** Parses a version from `If-Match: "3"` (also `W/"3"` or a bare `3`); undefined when absent. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!m) throw problems.badRequest('If-Match must be a quoted version number, e.g. "3"');
  return Number(m[1]);
}

/**
 * The base version a write was made from, from `If-Match` or the body's `version`
 * (they must agree when both are sent); a 428 when neither is.
 */
export function baseVersion(header: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatchVersion(header);
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw problems.badRequest(`If-Match (${fromHeader}) and body version (${bodyVersion}) disagree`);
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw problems.preconditionRequired(
      'send the version you edited: If-Match: "<version>" or a `version` field',
    );
  }
  return version;
}
