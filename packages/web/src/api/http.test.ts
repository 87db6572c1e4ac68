import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test-utils/fake-api';
import { createApi } from './client';
import { ApiError } from './errors';
import { createHttp } from './http';

afterEach(() => vi.unstubAllGlobals());

function recorder(respond: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    return respond(url, init);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('createHttp', () => {
  it('sends the CSRF token on writes only, always with credentials', async () => {
    const { calls, fetch } = recorder(() => json({}));
    const http = createHttp({ fetch });
    http.setCsrfToken('tok-123');
    await http.fetch('http://x/api/a', { method: 'GET' });
    await http.fetch('http://x/api/a', { method: 'POST' });
    await http.fetch('http://x/api/a', { method: 'put' });
    await http.fetch('http://x/api/a', { method: 'DELETE' });
    const sent = calls.map((c) => new Headers(c.init.headers).get('X-CSRF-Token'));
    expect(sent).toEqual([null, 'tok-123', 'tok-123', 'tok-123']);
    expect(calls.every((c) => c.init.credentials === 'include')).toBe(true);
  });

  it('turns problem+json into an ApiError with field issues', async () => {
    const { fetch } = recorder(() =>
      json(
        {
          type: 'urn:pathlight:problem:invalid',
          title: 'Invalid request',
          status: 422,
          detail: 'the request body is not valid',
          errors: [
            { path: 'goals.1', message: 'must not be empty' },
            { path: '', message: 'unknown key "x"' },
          ],
        },
        422,
      ),
    );
    const http = createHttp({ fetch });
    const error = await http.fetch('http://x/api/p', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.title, e.detail]).toEqual([422, 'Invalid request', 'the request body is not valid']);
    expect(e.issues).toEqual([
      { path: 'goals.1', message: 'must not be empty' },
      { path: '', message: 'unknown key "x"' },
    ]);
  });

  it('reads Retry-After on 429 and reports 401 to the session', async () => {
    let status = 429;
    const { fetch } = recorder(() =>
      json({ title: 'Too many requests', status, detail: 'slow down' }, status, { 'retry-after': '540' }),
    );
    const onUnauthorized = vi.fn();
    const http = createHttp({ fetch, onUnauthorized });
    const limited = (await http
      .fetch('http://x/api/auth/login', { method: 'POST' })
      .catch((e) => e)) as ApiError;
    expect([limited.status, limited.retryAfterSeconds]).toEqual([429, 540]);
    expect(onUnauthorized).not.toHaveBeenCalled();
    status = 401;
    await http.fetch('http://x/api/me').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('gives a readable error when the server is unreachable or sends no JSON', async () => {
    const down = createHttp({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch,
    });
    const e1 = (await down.fetch('http://x/api/me').catch((e) => e)) as ApiError;
    expect([e1.status, e1.title]).toEqual([0, 'Cannot reach the Pathlight server']);
    const html = createHttp({
      fetch: (async () => new Response('<h1>Bad gateway</h1>', { status: 502 })) as typeof fetch,
    });
    const e2 = (await html.fetch('http://x/api/me').catch((e) => e)) as ApiError;
    expect([e2.status, e2.title, e2.detail]).toEqual([502, 'Request failed (502)', '<h1>Bad gateway</h1>']);
  });
});

describe('createApi over the typed client', () => {
  const doc = { schemaVersion: 2, name: 'Recall', stages: [], lanes: [] };
  const stored = {
    id: '7b0b6a56-0000-4000-8000-000000000001',
    workspaceId: '7b0b6a56-0000-4000-8000-0000000000ff',
    version: 5,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    updatedBy: '7b0b6a56-0000-4000-8000-0000000000aa',
    document: doc,
  };

  it('remembers the CSRF token from login and sends it with the base version on save', async () => {
    const { calls, fetch } = recorder((url, init) => {
      if (url.endsWith('/api/auth/login')) return json({ user: { id: 'u' }, csrfToken: 'csrf-from-login' });
      expect(init.method).toBe('PUT');
      return json({ ...stored, version: 6 });
    });
    const api = createApi(createHttp({ fetch }), 'http://app.test');
    await api.login('a@b.org', 'pw');
    const result = await api.journeys.save(stored.id, 5, doc as never);
    expect(result.ok && result.version).toBe(6);
    const put = calls[1];
    expect(put?.url).toBe(`http://app.test/api/journeys/${stored.id}`);
    const headers = new Headers(put?.init.headers);
    expect(headers.get('X-CSRF-Token')).toBe('csrf-from-login');
    expect(headers.get('if-match')).toBe('"5"');
    expect(JSON.parse(String(put?.init.body))).toEqual({ document: doc });
  });

  it('maps a 409 on save to the conflict the editor needs', async () => {
    const { fetch } = recorder(() =>
      json(
        {
          type: 'urn:pathlight:problem:conflict',
          title: 'Conflict',
          status: 409,
          detail: 'stale',
          currentVersion: 5,
          current: stored,
        },
        409,
      ),
    );
    const api = createApi(createHttp({ fetch }), 'http://app.test');
    const result = await api.journeys.save(stored.id, 4, doc as never);
    expect(result).toEqual({
      ok: false,
      conflict: { version: 5, document: doc, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt },
    });
  });

  it('still throws other save failures', async () => {
    const { fetch } = recorder(() =>
      json({ title: 'Forbidden', status: 403, detail: 'viewers cannot edit' }, 403),
    );
    const api = createApi(createHttp({ fetch }), 'http://app.test');
    await expect(api.journeys.save(stored.id, 4, doc as never)).rejects.toMatchObject({ status: 403 });
  });
});

describe('cancelling a read', () => {
  it('passes the signal to fetch and rejects with the abort, not as a network failure', async () => {
    let seen: AbortSignal | null | undefined;
    const fetch = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
      seen = init.signal;
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }) as typeof globalThis.fetch;
    const api = createApi(createHttp({ fetch }), 'http://x');
    const controller = new AbortController();
    const pending = api.evidence.attributes('ws-1', controller.signal).catch((e: unknown) => e);
    await Promise.resolve();
    expect(seen).toBe(controller.signal);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});
