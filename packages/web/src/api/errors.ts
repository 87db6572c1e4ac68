/** One validation problem from the server or a local schema check, at a dotted field path. */
export interface ApiIssue {
  /** Dotted path such as `goals.2` or `evidence.0.source`; empty for the whole form. */
  path: string;
  message: string;
}

/** A failed API call, read from the server's problem+json body (or made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly issues: ApiIssue[];
  /** Seconds to wait, from `Retry-After` (rate limiting), when the server sent one. */
  readonly retryAfterSeconds: number | null;
  /** The raw problem body, for callers that need extra members (e.g. the current version on 409). */
  readonly body: Record<string, unknown>;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    issues?: ApiIssue[];
    retryAfterSeconds?: number | null;
    body?: Record<string, unknown>;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.body = init.body ?? {};
  }
}

/** Joins a zod-style path (`['goals', 2]`) or passes a string path through. */
export function pathToString(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  if (typeof path === 'string') return path.replace(/^\//, '').replaceAll('/', '.');
  return '';
}

function readIssues(body: Record<string, unknown>): ApiIssue[] {
  const raw = body.issues ?? body.errors;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): ApiIssue[] => {
    if (typeof item !== 'object' || item === null) return [];
    const rec = item as Record<string, unknown>;
    const message = typeof rec.message === 'string' ? rec.message : 'is not valid';
    return [{ path: pathToString(rec.path ?? rec.pointer ?? rec.field), message }];
  });
}

const fallbackTitles: Record<number, string> = {
  400: 'The request was not valid',
  401: 'Please sign in',
  403: 'You do not have permission to do that',
  404: 'Not found',
  409: 'Someone else changed this first',
  413: 'That is too large to send',
  422: 'Some fields need attention',
  429: 'Too many attempts',
};

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Turns a non-2xx response into an ApiError, reading problem+json (or plain JSON) when present. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        body = parsed as Record<string, unknown>;
      }
    } catch {
      body = { detail: text.slice(0, 300) };
    }
  }
  const title =
    typeof body.title === 'string' && body.title
      ? body.title
      : (fallbackTitles[res.status] ?? `Request failed (${res.status})`);
  const detail = typeof body.detail === 'string' ? body.detail : '';
  const fromBody = typeof body.retryAfter === 'number' ? body.retryAfter : null;
  return new ApiError({
    status: res.status,
    title,
    detail,
    issues: readIssues(body),
    retryAfterSeconds: parseRetryAfter(res.headers.get('Retry-After')) ?? fromBody,
    body,
  });
}

/** A readable one-line message for showing an error in a banner. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.title}. ${error.detail}` : error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
