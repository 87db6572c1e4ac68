import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, makeHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
}, 120_000);
afterAll(() => h?.close());

test('GET /api/openapi.json is a valid OpenAPI 3 document listing every route', async () => {
  const res = await h.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  const doc = JSON.parse(await res.text()) as {
    openapi: string;
    info: { title: string; description: string };
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: {
      securitySchemes: Record<string, { in: string; name: string }>;
      schemas: Record<string, unknown>;
    };
  };
  expect(doc.openapi).toBe('3.0.3');
  expect(doc.info.title).toBe('Pathlight API');
  expect(doc.info.description).toContain('X-CSRF-Token');
  expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'pathlight_session' });
  expect(doc.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'X-CSRF-Token' });

  const documented = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
  const registered = [
    ...new Set(
      h.app.routes
        .filter((r) => r.method !== 'ALL' && r.path !== '/api/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    ),
  ].sort();
  expect(documented).toEqual(registered);
  expect(documented).toHaveLength(55);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
    }
  }
  expect(doc.paths['/api/journeys/{id}']?.put?.responses).toHaveProperty('409');
  expect(doc.paths['/api/journeys/{id}']?.put?.responses).toHaveProperty('428');
  expect(doc.paths['/api/templates/{templateId}']?.put?.responses).toHaveProperty('409');
  expect(Object.keys(doc.components.schemas)).toEqual(
    expect.arrayContaining([
      'Problem',
      'JourneySummary',
      'AuditEntry',
      'DataSource',
      'Job',
      'AnalysisFilter',
      'JourneyMetrics',
      'KpiDefinition',
      'WorkspaceTemplate',
      'WorkspaceTemplateSummary',
      'TemplateCreate',
      'TemplateUpdate',
    ]),
  );
});
