import { vi } from 'vitest';

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (req: SeenRequest) => Response | unknown;

/** A JSON response (problem+json when `status` ≥ 400). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/**
 * Replaces global fetch with a router over `METHOD /path` keys (`:param` segments match anything).
 * A handler may return a Response or a plain value (sent as 200 JSON). Returns the requests seen.
 */
export function fakeApi(routes: Record<string, Handler>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const re = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
    return { method, re, handler };
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const text = typeof init.body === 'string' ? init.body : '';
    const req: SeenRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      headers: new Headers(init.headers),
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(req);
    const route = table.find((r) => r.method === req.method && r.re.test(req.path));
    if (!route)
      return json({ title: 'Not found', status: 404, detail: `no fake for ${req.method} ${req.path}` }, 404);
    const out = route.handler(req);
    return out instanceof Response ? out : json(out);
  });
  return seen;
}
