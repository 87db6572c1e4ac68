import { hc } from 'hono/client';
import type { App } from './app';

/** The type of the whole API, for `hc<AppType>`. */
export type AppType = App;

/**
 * The typed API client for the web app and the CLI: routes, bodies and responses come from the
 * server's own route definitions. Pass `fetchImpl` to add cookies/CSRF headers or to call an app
 * in-process (`(input, init) => app.request(input, init)`).
 */
export function createApiClient(baseUrl: string, fetchImpl?: typeof fetch) {
  return hc<AppType>(baseUrl, fetchImpl ? { fetch: fetchImpl } : {});
}

export type ApiClient = ReturnType<typeof createApiClient>;
