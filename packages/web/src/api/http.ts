import { ApiError, toApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header the server checks on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

export interface HttpOptions {
  /** Underlying fetch (tests pass a fake). */
  fetch?: typeof fetch;
  /** Called when the server says the session is gone (401), so the app can show sign-in. */
  onUnauthorized?: () => void;
}

/** A fetch that carries the session cookie and CSRF token and throws ApiError on failure. */
export interface Http {
  fetch: typeof fetch;
  setCsrfToken(token: string | null): void;
  /** The current CSRF token, for requests made outside fetch (uploads with progress use XHR). */
  getCsrfToken(): string | null;
  setOnUnauthorized(handler: (() => void) | undefined): void;
}

/**
 * Wraps fetch for the Pathlight API: same-origin cookies, the CSRF header on every
 * state-changing request, problem+json turned into ApiError, and 401 reported once. A request's
 * `signal` goes to fetch: aborting it cancels the request (the server then stops its query) and the
 * call rejects with the abort, not with an ApiError.
 */
export function createHttp(options: HttpOptions = {}): Http {
  let csrfToken: string | null = null;
  let onUnauthorized = options.onUnauthorized;
  const base = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const apiFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(request?.headers);
    for (const [k, v] of new Headers(init.headers)) headers.set(k, v);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
    if (!SAFE_METHODS.has(method) && csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);
    let res: Response;
    try {
      res = await base(input, { ...init, method, headers, credentials: 'include' });
    } catch (cause) {
      // A request its caller cancelled (AbortSignal) is not a network failure: pass the abort on.
      if (init.signal?.aborted || (cause as { name?: unknown } | null)?.name === 'AbortError') throw cause;
      throw new ApiError({
        status: 0,
        title: 'Cannot reach the Pathlight server',
        detail: 'Check your connection and try again.',
        body: { cause: String(cause) },
      });
    }
    if (res.ok) return res;
    const error = await toApiError(res);
    if (res.status === 401) onUnauthorized?.();
    throw error;
  };

  return {
    fetch: apiFetch as typeof fetch,
    setCsrfToken(token) {
      csrfToken = token;
    },
    getCsrfToken: () => csrfToken,
    setOnUnauthorized(handler) {
      onUnauthorized = handler;
    },
  };
}
