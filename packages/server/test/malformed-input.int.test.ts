import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blankJourney } from '../src/journey-documents';
import { type Agent, type Harness, makeHarness, PASSWORD } from './harness';

const LIMIT = 4096;
let h: Harness;
let ada: Agent;
const f = { workspaceId: '', journeyId: '', personaId: '', templateId: '', userId: '' };

beforeAll(async () => {
  h = await makeHarness({ maxBodyBytes: LIMIT });
  await h.user('ada@example.test', 'Ada Admin', true);
  f.userId = (await h.user('mo@example.test', 'Mo Member')).id;
  ada = await h.agent('ada@example.test').login();
  f.workspaceId = (await ada.json('POST', '/api/workspaces', { name: 'Clinic' })).body.id;
  await ada.json('POST', `/api/workspaces/${f.workspaceId}/members`, {
    email: 'mo@example.test',
    role: 'viewer',
  });
  f.journeyId = (
    await ada.json('POST', `/api/workspaces/${f.workspaceId}/journeys`, { name: 'Map' })
  ).body.id;
  f.personaId = (
    await ada.json('POST', `/api/workspaces/${f.workspaceId}/personas`, { name: 'P', kind: 'patient' })
  ).body.id;
  f.templateId = (
    await ada.json('POST', `/api/workspaces/${f.workspaceId}/templates`, {
      name: 'T',
      summary: '',
      category: 'clinic',
      journeyId: f.journeyId,
    })
  ).body.id;
}, 120_000);
afterAll(() => h?.close());

const doc = () => ({ ...blankJourney({ name: 'Map', ownerId: randomUUID() }), ownerId: null });

/** Every route that takes a JSON body: a valid body, and a field to give the wrong type. */
const BODY_ROUTES: {
  method: string;
  path: () => string;
  body: () => Record<string, unknown>;
  wrongType: string;
}[] = [
  {
    method: 'POST',
    path: () => '/api/auth/login',
    body: () => ({ email: 'ada@example.test', password: PASSWORD }),
    wrongType: 'password',
  },
  {
    method: 'POST',
    path: () => '/api/users',
    body: () => ({ email: 'x@example.test', name: 'X', password: 'long enough pw' }),
    wrongType: 'name',
  },
  {
    method: 'PATCH',
    path: () => `/api/users/${f.userId}`,
    body: () => ({ name: 'Mo' }),
    wrongType: 'disabled',
  },
  { method: 'POST', path: () => '/api/workspaces', body: () => ({ name: 'W' }), wrongType: 'name' },
  {
    method: 'PATCH',
    path: () => `/api/workspaces/${f.workspaceId}`,
    body: () => ({ name: 'W' }),
    wrongType: 'name',
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${f.workspaceId}/members`,
    body: () => ({ email: 'mo@example.test', role: 'viewer' }),
    wrongType: 'role',
  },
  {
    method: 'PATCH',
    path: () => `/api/workspaces/${f.workspaceId}/members/${f.userId}`,
    body: () => ({ role: 'viewer' }),
    wrongType: 'role',
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${f.workspaceId}/journeys`,
    body: () => ({ name: 'J' }),
    wrongType: 'name',
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${f.workspaceId}/journeys/import`,
    body: () => ({ format: 'pathlight.journey', schemaVersion: 2, journey: doc() }),
    wrongType: 'schemaVersion',
  },
  {
    method: 'PUT',
    path: () => `/api/journeys/${f.journeyId}`,
    body: () => ({ version: 1, document: doc() }),
    wrongType: 'version',
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${f.workspaceId}/personas`,
    body: () => ({ name: 'P', kind: 'patient' }),
    wrongType: 'kind',
  },
  {
    method: 'PUT',
    path: () => `/api/personas/${f.personaId}`,
    body: () => ({ name: 'P', kind: 'patient', version: 1 }),
    wrongType: 'goals',
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${f.workspaceId}/templates`,
    body: () => ({ name: 'T', summary: '', category: 'clinic', journeyId: f.journeyId }),
    wrongType: 'category',
  },
  {
    method: 'PUT',
    path: () => `/api/templates/${f.templateId}`,
    body: () => ({ name: 'T', summary: '', category: 'clinic', journey: doc(), personas: [], version: 1 }),
    wrongType: 'personas',
  },
];

/** Every route with an id in its path. */
const ID_ROUTES: [string, (id: string) => string][] = [
  ['PATCH', (id) => `/api/users/${id}`],
  ['GET', (id) => `/api/workspaces/${id}`],
  ['PATCH', (id) => `/api/workspaces/${id}`],
  ['DELETE', (id) => `/api/workspaces/${id}`],
  ['GET', (id) => `/api/workspaces/${id}/members`],
  ['POST', (id) => `/api/workspaces/${id}/members`],
  ['PATCH', (id) => `/api/workspaces/${f.workspaceId}/members/${id}`],
  ['DELETE', (id) => `/api/workspaces/${f.workspaceId}/members/${id}`],
  ['GET', (id) => `/api/workspaces/${id}/audit`],
  ['GET', (id) => `/api/workspaces/${id}/journeys`],
  ['POST', (id) => `/api/workspaces/${id}/journeys`],
  ['POST', (id) => `/api/workspaces/${id}/journeys/import`],
  ['GET', (id) => `/api/journeys/${id}`],
  ['PUT', (id) => `/api/journeys/${id}`],
  ['DELETE', (id) => `/api/journeys/${id}`],
  ['POST', (id) => `/api/journeys/${id}/duplicate`],
  ['GET', (id) => `/api/journeys/${id}/export`],
  ['GET', (id) => `/api/workspaces/${id}/personas`],
  ['POST', (id) => `/api/workspaces/${id}/personas`],
  ['GET', (id) => `/api/personas/${id}`],
  ['PUT', (id) => `/api/personas/${id}`],
  ['DELETE', (id) => `/api/personas/${id}`],
  ['GET', (id) => `/api/templates/${id}`],
  ['PUT', (id) => `/api/templates/${id}`],
  ['DELETE', (id) => `/api/templates/${id}`],
  ['GET', (id) => `/api/workspaces/${id}/templates`],
  ['POST', (id) => `/api/workspaces/${id}/templates`],
];

const label = (r: { method: string; path: () => string }) => `${r.method} ${r.path()}`;

describe.each(BODY_ROUTES)('malformed bodies: $method route #%#', (route) => {
  const send = (body: unknown, headers?: Record<string, string>) =>
    ada.send(route.method, route.path(), body, headers);

  test('bad JSON → 400 problem+json', async () => {
    const res = await send('{"name": ');
    expect(res.status, label(route)).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe('Malformed JSON in request body');
  });

  test('unknown field → 422 naming it', async () => {
    const res = await ada.json(route.method, route.path(), { ...route.body(), sneaky: true });
    expect(res.status, label(route)).toBe(422);
    expect(JSON.stringify(res.body.errors)).toContain('sneaky');
  });

  test('wrong type → 422 at the field path', async () => {
    const res = await ada.json(route.method, route.path(), {
      ...route.body(),
      [route.wrongType]: { not: 'right' },
    });
    expect(res.status, label(route)).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(route.wrongType);
  });

  test('a JSON array or null body → 422', async () => {
    expect((await send('[]')).status, label(route)).toBe(422);
    expect((await send('null')).status, label(route)).toBe(422);
  });

  test('oversized body → 413', async () => {
    const big = JSON.stringify({ ...route.body(), pad: 'x'.repeat(LIMIT) });
    const res = await send(big);
    expect(res.status, label(route)).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  test('wrong content type → 415', async () => {
    const res = await send(JSON.stringify(route.body()), { 'content-type': 'text/plain' });
    expect(res.status, label(route)).toBe(415);
  });
});

describe('bad ids in paths', () => {
  test.each(ID_ROUTES)('%s %s with a non-UUID id → 404, never 500', async (method, path) => {
    for (const bad of ['not-a-uuid', '1', "1'%20OR%201=1", '%00']) {
      const res = await ada.send(method, path(bad), method === 'GET' || method === 'DELETE' ? undefined : {});
      expect([400, 404], `${method} ${path(bad)} → ${res.status}`).toContain(res.status);
    }
  });

  test.each(ID_ROUTES)('%s %s with an unknown UUID → 404 (or 422 for its body)', async (method, path) => {
    const res = await ada.send(
      method,
      path(randomUUID()),
      method === 'GET' || method === 'DELETE' ? undefined : {},
    );
    expect([404, 422]).toContain(res.status);
  });
});

describe('other bad input', () => {
  test('bad query parameters on the audit log → 422', async () => {
    for (const q of ['limit=abc', 'limit=0', 'limit=100000', 'before=-1', 'extra=1']) {
      const res = await ada.json('GET', `/api/workspaces/${f.workspaceId}/audit?${q}`);
      expect(res.status, q).toBe(422);
    }
  });

  test('routes without a body ignore a broken one; routes without parameters ignore junk queries', async () => {
    const junk = { 'content-type': 'application/json' };
    const dup = await ada.send('POST', `/api/journeys/${f.journeyId}/duplicate`, '{"oops', junk);
    expect(dup.status).toBe(201);
    for (const path of [
      '/api/health',
      '/api/me',
      '/api/users',
      '/api/workspaces',
      '/api/templates',
      '/api/openapi.json',
    ]) {
      expect((await ada.send('GET', `${path}?x=%ZZ&y[]=1`)).status, path).toBe(200);
    }
    const other = await h.agent('mo@example.test').login();
    expect((await other.send('POST', '/api/auth/logout', '{"oops', junk)).status).toBe(204);
  });

  test('a template needs exactly one of journeyId and journey', async () => {
    const path = `/api/workspaces/${f.workspaceId}/templates`;
    const head = { name: 'T', summary: '', category: 'clinic' };
    for (const body of [head, { ...head, journeyId: f.journeyId, journey: doc() }]) {
      const res = await ada.json('POST', path, body);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        {
          path: 'journeyId',
          message: 'send either journeyId (save a journey) or journey (a full template body)',
        },
      ]);
    }
    const unknown = await ada.json('POST', path, { ...head, journeyId: randomUUID() });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('journeyId');
  });

  test('unknown /api paths are 404 problem+json', async () => {
    const res = await ada.send('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  test('validation errors carry dotted paths into the document', async () => {
    const d = doc();
    const bad = {
      ...d,
      stages: [
        {
          id: 's1',
          name: 'Awareness',
          steps: [
            { id: 't1', name: 'Search' },
            { id: 't2', name: '   ' },
          ],
        },
      ],
    };
    const res = await ada.json('PUT', `/api/journeys/${f.journeyId}`, { version: 1, document: bad });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      path: 'document.stages.0.steps.1.name',
      message: 'must not be empty',
    });
  });

  test('the default limit is 5 MiB: a 6 MiB journey is 413, not 500', async () => {
    const big = await makeHarness();
    await big.user('ada@example.test', 'Ada', true);
    const a = await big.agent('ada@example.test').login();
    const res = await a.send('POST', '/api/workspaces', { name: 'x'.repeat(6 * 1024 * 1024) });
    expect(res.status).toBe(413);
    await big.close();
  });

  test('none of the above made the server log an unexpected error', () => {
    expect(h.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(h.logger.lines.some((l) => l.includes('"status":500'))).toBe(false);
  });
});

describe('request log', () => {
  test('lines carry method, route pattern, status and ms: no ids, e-mails or bodies', () => {
    const requests = h.logger.lines.filter((l) => l.startsWith('info request '));
    expect(requests.length).toBeGreaterThan(100);
    const fields = JSON.parse(
      requests.find((l) => l.includes('"PUT"') && l.includes('journeys'))!.slice('info request '.length),
    );
    expect(Object.keys(fields).sort()).toEqual(['method', 'ms', 'route', 'status']);
    expect(fields.route).toBe('/api/journeys/:id');
    for (const line of requests) expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    for (const line of h.logger.lines) {
      expect(line).not.toContain('@example.test');
      expect(line).not.toContain(PASSWORD);
    }
  });
});
