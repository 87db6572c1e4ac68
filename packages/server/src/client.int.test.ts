import type { Journey, User } from '@pathlight/core';
import { afterAll, beforeAll, expect, expectTypeOf, test } from 'vitest';
import { type Harness, makeHarness, PASSWORD } from '../test/harness';
import { createApiClient } from './client';
import { CSRF_HEADER } from './csrf';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  await h.user('olga@example.test', 'Olga Owner');
}, 120_000);
afterAll(() => h?.close());

/** A fetch that keeps the session cookie and sends the CSRF token, running the app in-process. */
function sessionFetch() {
  const state = { cookie: '', csrf: '' };
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (state.cookie) headers.set('cookie', state.cookie);
    if (state.csrf) headers.set(CSRF_HEADER, state.csrf);
    const res = await h.app.request(input instanceof Request ? input : String(input), { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) state.cookie = set.split(';')[0] ?? '';
    return res;
  }) as typeof fetch;
  return { state, fetchImpl };
}

test('the typed client carries request and response types of the routes', async () => {
  const { state, fetchImpl } = sessionFetch();
  const api = createApiClient('http://localhost', fetchImpl);

  const health = await api.api.health.$get();
  const ok = await health.json();
  expectTypeOf(ok).toEqualTypeOf<{ status: 'ok' }>();
  expect(ok).toEqual({ status: 'ok' });

  const login = await api.api.auth.login.$post({ json: { email: 'olga@example.test', password: PASSWORD } });
  expect(login.status).toBe(200);
  if (login.status !== 200) return;
  const session = await login.json();
  expectTypeOf(session.user).toEqualTypeOf<User>();
  state.csrf = session.csrfToken;

  const ws = await api.api.workspaces.$post({ json: { name: 'Typed clinic' } });
  if (ws.status !== 201) throw new Error(`workspace: ${ws.status}`);
  const workspace = await ws.json();
  expectTypeOf(workspace.role).toEqualTypeOf<'owner' | 'editor' | 'viewer'>();

  const created = await api.api.workspaces[':id'].journeys.$post({
    param: { id: workspace.id },
    json: { name: 'Typed journey' },
  });
  if (created.status !== 201) throw new Error(`journey: ${created.status}`);
  const journey = await created.json();
  expectTypeOf(journey).toEqualTypeOf<Journey>();

  const saved = await api.api.journeys[':id'].$put({
    param: { id: journey.id },
    header: {},
    json: { version: journey.version, document: { ...journey.document, name: 'Renamed' } },
  });
  expect(saved.status).toBe(200);
  if (saved.status === 200) expect((await saved.json()).version).toBe(2);

  const stale = await api.api.journeys[':id'].$put({
    param: { id: journey.id },
    header: {},
    json: { version: 1, document: journey.document },
  });
  expect(stale.status).toBe(409);

  // Evidence: a raw-body upload, an import job, live metrics and the KPI library, all typed.
  const csv = 'case_id,activity,timestamp\nc1,a,2026-01-05T08:00:00Z\nc1,b,2026-01-05T09:00:00Z\n';
  const uploaded = await api.api.workspaces[':id'].uploads.$post(
    { param: { id: workspace.id }, header: { 'x-filename': 'typed.csv' } },
    { init: { body: csv } },
  );
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status}`);
  const upload = await uploaded.json();
  expect(upload.format).toBe('csv');
  const queued = await api.api.workspaces[':id'].sources.$post({
    param: { id: workspace.id },
    json: { uploadId: upload.uploadId, name: 'Typed export' },
  });
  if (queued.status !== 202) throw new Error(`source: ${queued.status}`);
  const { job } = await queued.json();
  expectTypeOf(job.status).toEqualTypeOf<'queued' | 'running' | 'succeeded' | 'failed'>();
  const metrics = await api.api.journeys[':id'].metrics.$post({
    param: { id: journey.id },
    query: {},
    json: {},
  });
  if (metrics.status !== 200) throw new Error(`metrics: ${metrics.status}`);
  expectTypeOf((await metrics.json()).suppression.applied).toEqualTypeOf<boolean>();
  const library = await api.api['kpi-library'].$get();
  if (library.status !== 200) throw new Error(`library: ${library.status}`);
  expect((await library.json()).length).toBeGreaterThan(5);

  // @ts-expect-error: the client only knows routes the server registers
  expect(api.api.nonexistent).toBeDefined();
});
