import type { z } from 'zod';
import { ApiError, type ApiIssue } from '../api/errors';

/** Field errors of a form, keyed by dotted path (`''` for the form as a whole). */
export type FieldErrors = Record<string, string>;

/** The first message per path, from local zod issues or the server's `errors`. */
export function toFieldErrors(issues: readonly ApiIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

/** Field errors from a failed `safeParse`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return toFieldErrors(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/**
 * Field errors from a failed API call: validation issues by field, anything else as a
 * form-level message under `''`.
 */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.issues.length > 0) {
    const out = toFieldErrors(error.issues);
    out[''] ??= error.detail || 'Some fields need attention.';
    return out;
  }
  if (error instanceof ApiError)
    return { '': error.detail ? `${error.title}. ${error.detail}` : error.title };
  return { '': error instanceof Error ? error.message : 'Something went wrong.' };
}
