import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { JOURNEY_SCHEMA_VERSION, JourneyContent, templates } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blankJourney } from '../src/journey-documents';
import { Agent, type Harness, makeHarness, PASSWORD } from './harness';

/** Who calls, in the order of each row's expected statuses. */
const ACTORS = ['adminNonMember', 'owner', 'editor', 'viewer', 'nonMember', 'anonymous'] as const;
type Actor = (typeof ACTORS)[number];

const EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  adminNonMember: 'ada.admin@example.test',
  owner: 'olga.owner@example.test',
  editor: 'eddie.editor@example.test',
  viewer: 'vera.viewer@example.test',
  nonMember: 'nora.outsider@example.test',
};

/** A fresh workspace per case, so destructive calls never affect another row. */
interface Fixture {
  workspaceId: string;
  journeyId: string;
  personaId: string;
  /** A workspace template (saved from the journey). */
  templateId: string;
  /** A further member (viewer) that member routes act on. */
  memberId: string;
  /** Evidence: a journey whose step `s1` names an activity, an upload, a data source and a job. */
  evidenceJourneyId: string;
  uploadId: string;
  sourceId: string;
  jobId: string;
}

/**
 * THE ROLE MATRIX: every route × every kind of caller → the status it gets. The same table, byte for
 * byte, is the "Who may call what" table of docs/api.md (checked below), so the documentation and
 * the code cannot drift apart. A status of 401/403/404 means refused; 2xx means allowed. Columns:
 * an administrator who is not a member of the workspace, its owner, an editor, a viewer, a signed-in
 * user who is not a member, and a caller without a session.
 */
const ROLE_MATRIX = `
| Route | Admin, not a member | Owner | Editor | Viewer | Not a member | Signed out |
|---|---|---|---|---|---|---|
| GET /api/health | 200 | 200 | 200 | 200 | 200 | 200 |
| GET /api/openapi.json | 200 | 200 | 200 | 200 | 200 | 200 |
| POST /api/auth/login | 200 | 200 | 200 | 200 | 200 | 401 |
| POST /api/auth/logout | 204 | 204 | 204 | 204 | 204 | 204 |
| GET /api/me | 200 | 200 | 200 | 200 | 200 | 401 |
| POST /api/me/password (new = current: reaches validation) | 422 | 422 | 422 | 422 | 422 | 401 |
| GET /api/users | 200 | 403 | 403 | 403 | 403 | 401 |
| POST /api/users | 201 | 403 | 403 | 403 | 403 | 401 |
| PATCH /api/users/{id} | 200 | 403 | 403 | 403 | 403 | 401 |
| GET /api/workspaces | 200 | 200 | 200 | 200 | 200 | 401 |
| POST /api/workspaces | 201 | 201 | 201 | 201 | 201 | 401 |
| GET /api/workspaces/{id} | 404 | 200 | 200 | 200 | 404 | 401 |
| PATCH /api/workspaces/{id} | 404 | 200 | 403 | 403 | 404 | 401 |
| DELETE /api/workspaces/{id} | 404 | 204 | 403 | 403 | 404 | 401 |
| GET /api/workspaces/{id}/members | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/workspaces/{id}/members | 404 | 201 | 403 | 403 | 404 | 401 |
| PATCH /api/workspaces/{id}/members/{userId} | 404 | 200 | 403 | 403 | 404 | 401 |
| DELETE /api/workspaces/{id}/members/{userId} | 404 | 204 | 403 | 403 | 404 | 401 |
| GET /api/workspaces/{id}/audit | 404 | 200 | 403 | 403 | 404 | 401 |
| GET /api/workspaces/{id}/journeys | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/workspaces/{id}/journeys (blank) | 404 | 201 | 201 | 403 | 404 | 401 |
| POST /api/workspaces/{id}/journeys/import | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/journeys/{id} | 404 | 200 | 200 | 200 | 404 | 401 |
| PUT /api/journeys/{id} | 404 | 200 | 200 | 403 | 404 | 401 |
| DELETE /api/journeys/{id} | 404 | 204 | 403 | 403 | 404 | 401 |
| POST /api/journeys/{id}/duplicate | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/journeys/{id}/export | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/workspaces/{id}/personas | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/workspaces/{id}/personas | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/personas/{id} | 404 | 200 | 200 | 200 | 404 | 401 |
| PUT /api/personas/{id} | 404 | 200 | 200 | 403 | 404 | 401 |
| DELETE /api/personas/{id} | 404 | 204 | 403 | 403 | 404 | 401 |
| GET /api/templates | 200 | 200 | 200 | 200 | 200 | 401 |
| GET /api/workspaces/{id}/templates | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/workspaces/{id}/templates | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/templates/{templateId} (workspace template) | 404 | 200 | 200 | 200 | 404 | 401 |
| PUT /api/templates/{templateId} | 404 | 200 | 200 | 403 | 404 | 401 |
| DELETE /api/templates/{templateId} | 404 | 204 | 403 | 403 | 404 | 401 |
| POST /api/workspaces/{id}/journeys (from a workspace template) | 404 | 201 | 201 | 403 | 404 | 401 |
| POST /api/workspaces/{id}/uploads | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/workspaces/{id}/uploads/{uploadId}/preview | 404 | 200 | 200 | 403 | 404 | 401 |
| POST /api/workspaces/{id}/sources | 404 | 202 | 202 | 403 | 404 | 401 |
| GET /api/workspaces/{id}/sources | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/sources/{id} | 404 | 200 | 200 | 200 | 404 | 401 |
| PATCH /api/sources/{id} | 404 | 200 | 200 | 403 | 404 | 401 |
| DELETE /api/sources/{id} | 404 | 204 | 403 | 403 | 404 | 401 |
| POST /api/sources/{id}/refresh | 404 | 202 | 202 | 403 | 404 | 401 |
| GET /api/jobs/{id} | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/workspaces/{id}/activities | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/workspaces/{id}/attributes | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/journeys/{id}/metrics | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/journeys/{id}/steps/{stepId}/detail | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/journeys/{id}/steps/{stepId}/cases | 404 | 200 | 200 | 403 | 404 | 401 |
| POST /api/workspaces/{id}/process-map | 404 | 200 | 200 | 200 | 404 | 401 |
| POST /api/journeys/{id}/dashboard | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/workspaces/{id}/dashboard | 404 | 200 | 200 | 200 | 404 | 401 |
| GET /api/kpi-library | 200 | 200 | 200 | 200 | 200 | 401 |
| POST /api/workspaces/{id}/journeys (from a built-in template) | 404 | 201 | 201 | 403 | 404 | 401 |
| GET /api/templates/{templateId} (built-in) | 200 | 200 | 200 | 200 | 200 | 401 |
| PUT /api/templates/{templateId} (built-in: read-only) | 403 | 403 | 403 | 403 | 403 | 401 |
| DELETE /api/templates/{templateId} (built-in: read-only) | 403 | 403 | 403 | 403 | 403 | 401 |
`;

type Expect = [number, number, number, number, number, number];
type Build = (f: Fixture, actor: Actor, n: number) => { method: string; path: string; body?: unknown };

/** The matrix as rows: route name → the six expected statuses, in `ACTORS` order. */
const MATRIX: Map<string, Expect> = new Map(
  ROLE_MATRIX.trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return [cells[1] ?? '', cells.slice(2, 8).map(Number) as Expect];
    }),
);

const doc = (name: string) => ({ ...blankJourney({ name, ownerId: randomUUID() }), ownerId: null });
const persona = { name: 'Pat Example', kind: 'patient' };
const templateBody = (name: string) => ({
  name,
  summary: 'Saved by the team',
  category: 'clinic' as const,
  journey: doc(name),
  personas: [],
});

const filter = { from: '2026-01-01', to: '2026-03-31' };

/** A built-in template (read-only for everyone). */
const builtIn = templates[0]!;

/**
 * How each matrix row is called, against a fresh fixture. `fresh`: sign in a new session for the row
 * (it ends or replaces the session).
 */
const REQUESTS: Record<string, { request: Build; fresh?: boolean }> = {
  'GET /api/health': { request: () => ({ method: 'GET', path: '/api/health' }) },
  'GET /api/openapi.json': { request: () => ({ method: 'GET', path: '/api/openapi.json' }) },
  'POST /api/auth/login': {
    fresh: true,
    request: (_f, actor) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { email: actor === 'anonymous' ? 'nobody@example.test' : EMAIL[actor], password: PASSWORD },
    }),
  },
  'POST /api/auth/logout': { fresh: true, request: () => ({ method: 'POST', path: '/api/auth/logout' }) },
  'GET /api/me': { request: () => ({ method: 'GET', path: '/api/me' }) },
  'POST /api/me/password (new = current: reaches validation)': {
    request: () => ({
      method: 'POST',
      path: '/api/me/password',
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  'GET /api/users': { request: () => ({ method: 'GET', path: '/api/users' }) },
  'POST /api/users': {
    request: (_f, actor, n) => ({
      method: 'POST',
      path: '/api/users',
      body: {
        email: `new-${actor}-${n}@example.test`,
        name: 'New Person',
        password: 'a long enough password',
      },
    }),
  },
  'PATCH /api/users/{id}': {
    request: (f) => ({ method: 'PATCH', path: `/api/users/${f.memberId}`, body: { name: 'Renamed Person' } }),
  },
  'GET /api/workspaces': { request: () => ({ method: 'GET', path: '/api/workspaces' }) },
  'POST /api/workspaces': {
    request: () => ({ method: 'POST', path: '/api/workspaces', body: { name: 'Another clinic' } }),
  },
  'GET /api/workspaces/{id}': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}` }),
  },
  'PATCH /api/workspaces/{id}': {
    request: (f) => ({
      method: 'PATCH',
      path: `/api/workspaces/${f.workspaceId}`,
      body: { name: 'Renamed' },
    }),
  },
  'DELETE /api/workspaces/{id}': {
    request: (f) => ({ method: 'DELETE', path: `/api/workspaces/${f.workspaceId}` }),
  },
  'GET /api/workspaces/{id}/members': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/members` }),
  },
  'POST /api/workspaces/{id}/members': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/members`,
      body: { email: EMAIL.nonMember, role: 'viewer' },
    }),
  },
  'PATCH /api/workspaces/{id}/members/{userId}': {
    request: (f) => ({
      method: 'PATCH',
      path: `/api/workspaces/${f.workspaceId}/members/${f.memberId}`,
      body: { role: 'editor' },
    }),
  },
  'DELETE /api/workspaces/{id}/members/{userId}': {
    request: (f) => ({ method: 'DELETE', path: `/api/workspaces/${f.workspaceId}/members/${f.memberId}` }),
  },
  'GET /api/workspaces/{id}/audit': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/audit` }),
  },
  'GET /api/workspaces/{id}/journeys': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/journeys` }),
  },
  'POST /api/workspaces/{id}/journeys (blank)': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys`,
      body: { name: 'Intake' },
    }),
  },
  'POST /api/workspaces/{id}/journeys/import': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys/import`,
      body: {
        format: 'pathlight.journey',
        schemaVersion: JOURNEY_SCHEMA_VERSION,
        exportedAt: '2026-01-01T00:00:00.000Z',
        journey: doc('Imported'),
      },
    }),
  },
  'GET /api/journeys/{id}': { request: (f) => ({ method: 'GET', path: `/api/journeys/${f.journeyId}` }) },
  'PUT /api/journeys/{id}': {
    request: (f) => ({
      method: 'PUT',
      path: `/api/journeys/${f.journeyId}`,
      body: { version: 1, document: doc('Saved') },
    }),
  },
  'DELETE /api/journeys/{id}': {
    request: (f) => ({ method: 'DELETE', path: `/api/journeys/${f.journeyId}` }),
  },
  'POST /api/journeys/{id}/duplicate': {
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.journeyId}/duplicate` }),
  },
  'GET /api/journeys/{id}/export': {
    request: (f) => ({ method: 'GET', path: `/api/journeys/${f.journeyId}/export` }),
  },
  'GET /api/workspaces/{id}/personas': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/personas` }),
  },
  'POST /api/workspaces/{id}/personas': {
    request: (f) => ({ method: 'POST', path: `/api/workspaces/${f.workspaceId}/personas`, body: persona }),
  },
  'GET /api/personas/{id}': { request: (f) => ({ method: 'GET', path: `/api/personas/${f.personaId}` }) },
  'PUT /api/personas/{id}': {
    request: (f) => ({
      method: 'PUT',
      path: `/api/personas/${f.personaId}`,
      body: { ...persona, version: 1 },
    }),
  },
  'DELETE /api/personas/{id}': {
    request: (f) => ({ method: 'DELETE', path: `/api/personas/${f.personaId}` }),
  },
  'GET /api/templates': { request: () => ({ method: 'GET', path: '/api/templates' }) },
  'GET /api/workspaces/{id}/templates': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/templates` }),
  },
  'POST /api/workspaces/{id}/templates': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/templates`,
      body: { name: 'Ours', summary: '', category: 'clinic', journeyId: f.journeyId },
    }),
  },
  'GET /api/templates/{templateId} (workspace template)': {
    request: (f) => ({ method: 'GET', path: `/api/templates/${f.templateId}` }),
  },
  'PUT /api/templates/{templateId}': {
    request: (f) => ({
      method: 'PUT',
      path: `/api/templates/${f.templateId}`,
      body: { ...templateBody('Renamed'), version: 1 },
    }),
  },
  'DELETE /api/templates/{templateId}': {
    request: (f) => ({ method: 'DELETE', path: `/api/templates/${f.templateId}` }),
  },
  'POST /api/workspaces/{id}/journeys (from a workspace template)': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys`,
      body: { templateId: f.templateId },
    }),
  },
  'POST /api/workspaces/{id}/uploads': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/uploads`,
      body: new TextEncoder().encode(TINY_CSV),
    }),
  },
  'GET /api/workspaces/{id}/uploads/{uploadId}/preview': {
    request: (f) => ({
      method: 'GET',
      path: `/api/workspaces/${f.workspaceId}/uploads/${f.uploadId}/preview`,
    }),
  },
  'POST /api/workspaces/{id}/sources': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/sources`,
      body: { uploadId: f.uploadId, name: 'Clinic export' },
    }),
  },
  'GET /api/workspaces/{id}/sources': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/sources` }),
  },
  'GET /api/sources/{id}': { request: (f) => ({ method: 'GET', path: `/api/sources/${f.sourceId}` }) },
  'PATCH /api/sources/{id}': {
    request: (f) => ({
      method: 'PATCH',
      path: `/api/sources/${f.sourceId}`,
      body: { name: 'Renamed export' },
    }),
  },
  'DELETE /api/sources/{id}': { request: (f) => ({ method: 'DELETE', path: `/api/sources/${f.sourceId}` }) },
  'POST /api/sources/{id}/refresh': {
    request: (f) => ({
      method: 'POST',
      path: `/api/sources/${f.sourceId}/refresh`,
      body: { uploadId: f.uploadId },
    }),
  },
  'GET /api/jobs/{id}': { request: (f) => ({ method: 'GET', path: `/api/jobs/${f.jobId}` }) },
  'GET /api/workspaces/{id}/activities': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/activities` }),
  },
  'GET /api/workspaces/{id}/attributes': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/attributes` }),
  },
  'POST /api/journeys/{id}/metrics': {
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.evidenceJourneyId}/metrics`, body: filter }),
  },
  'POST /api/journeys/{id}/steps/{stepId}/detail': {
    request: (f) => ({
      method: 'POST',
      path: `/api/journeys/${f.evidenceJourneyId}/steps/s1/detail`,
      body: { ...filter, splitBy: 'channel' },
    }),
  },
  'POST /api/journeys/{id}/steps/{stepId}/cases': {
    request: (f) => ({
      method: 'POST',
      path: `/api/journeys/${f.evidenceJourneyId}/steps/s1/cases`,
      body: { which: 'reached' },
    }),
  },
  'POST /api/workspaces/{id}/process-map': {
    request: (f) => ({ method: 'POST', path: `/api/workspaces/${f.workspaceId}/process-map`, body: filter }),
  },
  'POST /api/journeys/{id}/dashboard': {
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.evidenceJourneyId}/dashboard`, body: {} }),
  },
  'GET /api/workspaces/{id}/dashboard': {
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/dashboard` }),
  },
  'GET /api/kpi-library': { request: () => ({ method: 'GET', path: '/api/kpi-library' }) },
  'POST /api/workspaces/{id}/journeys (from a built-in template)': {
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys`,
      body: { templateId: builtIn.id },
    }),
  },
  'GET /api/templates/{templateId} (built-in)': {
    request: () => ({ method: 'GET', path: `/api/templates/${builtIn.id}` }),
  },
  'PUT /api/templates/{templateId} (built-in: read-only)': {
    request: () => ({
      method: 'PUT',
      path: `/api/templates/${builtIn.id}`,
      body: { ...templateBody('Renamed'), version: 1 },
    }),
  },
  'DELETE /api/templates/{templateId} (built-in: read-only)': {
    request: () => ({ method: 'DELETE', path: `/api/templates/${builtIn.id}` }),
  },
};

const TINY_CSV = 'case_id,activity,timestamp\nc1,a,2026-01-05T08:00:00Z\nc1,b,2026-01-05T09:00:00Z\n';
const EVIDENCE_JOURNEY = JourneyContent.parse({
  schemaVersion: JOURNEY_SCHEMA_VERSION,
  name: 'Evidence',
  lanes: [],
  stages: [{ id: 'st', name: 'Stage', steps: [{ id: 's1', name: 'Step one', activities: ['a'] }] }],
  kpis: [{ id: 'k', name: 'B per A', kind: 'rate', numerator: ['b'], denominator: ['a'] }],
});

let h: Harness;
const ids = {} as Record<Exclude<Actor, 'anonymous'>, string>;
const agents = {} as Record<Actor, Agent>;

beforeAll(async () => {
  h = await makeHarness();
  for (const actor of Object.keys(EMAIL) as (keyof typeof EMAIL)[]) {
    ids[actor] = (await h.user(EMAIL[actor], actor, actor === 'adminNonMember')).id;
    agents[actor] = await h.agent(EMAIL[actor]).login();
  }
  agents.anonymous = new Agent(h.app);
}, 120_000);
afterAll(() => h?.close());

let counter = 0;
async function fixture(): Promise<Fixture> {
  counter += 1;
  const ws = await h.db.workspaces.create({ name: `Clinic ${counter}` }, ids.owner);
  await h.db.members.add(ws.id, ids.editor, 'editor');
  await h.db.members.add(ws.id, ids.viewer, 'viewer');
  const extra = await h.user(`member-${counter}@example.test`, 'Extra Member');
  await h.db.members.add(ws.id, extra.id, 'viewer');
  const journey = await h.db.journeys.create(ws.id, doc('Original'), ids.owner);
  const p = await h.db.personas.create(
    ws.id,
    {
      ...persona,
      kind: 'patient',
      role: '',
      summary: '',
      goals: [],
      needs: [],
      barriers: [],
      channels: [],
      quote: '',
      color: '#2563eb',
      evidence: [],
    },
    ids.owner,
  );
  const template = await h.db.templates.create(ws.id, templateBody('Saved'), ids.owner);
  const evidenceJourney = await h.db.journeys.create(ws.id, EVIDENCE_JOURNEY, ids.owner);
  const body = new Blob([TINY_CSV]).stream();
  const { meta } = await h.evidence.uploads.save(ws.id, body, 'tiny.csv', 1_000_000, ids.owner, new Date());
  const source = await h.db.dataSources.create({
    workspaceId: ws.id,
    name: 'Export',
    format: 'csv',
    createdBy: null,
  });
  await h.db.dataSources.update(source.id, { status: 'ready', eventCount: 0, caseCount: 0 });
  const job = await h.db.jobs.create({ workspaceId: ws.id, kind: 'import' });
  return {
    workspaceId: ws.id,
    journeyId: journey.id,
    personaId: p.id,
    templateId: template.id,
    memberId: extra.id,
    evidenceJourneyId: evidenceJourney.id,
    uploadId: meta.uploadId,
    sourceId: source.id,
    jobId: job.id,
  };
}

const cases = [...MATRIX].flatMap(([name, statuses]) =>
  ACTORS.map((actor, i) => ({
    name,
    actor,
    status: statuses[i] as number,
    label: `${name} as ${actor} → ${statuses[i]}`,
  })),
);

describe('the role matrix is the documented one', () => {
  test('docs/api.md holds exactly this table', () => {
    const docs = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    expect(docs).toContain(ROLE_MATRIX.trim());
  });

  test('every row has a request and every request a row', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...MATRIX.keys()].sort());
    expect(templates.length).toBeGreaterThan(0);
  });

  test('every route of the OpenAPI document (and of the app) is in the matrix', async () => {
    const openapi = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    const documented = Object.entries(openapi.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const covered = new Set([...MATRIX.keys()].map((name) => name.replace(/ \(.*\)$/, '')));
    expect([...new Set([...documented, ...registered])].filter((r) => !covered.has(r)).sort()).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(50);
  });
});

describe('authorization matrix: every route × every kind of caller', () => {
  test.each(cases)('$label', async ({ name, actor, status }) => {
    const row = REQUESTS[name];
    if (!row) throw new Error(`no request for ${name}`);
    const f = await fixture();
    let agent = agents[actor];
    if (row.fresh) agent = actor === 'anonymous' ? new Agent(h.app) : await h.agent(EMAIL[actor]).login();
    const { method, path, body } = row.request(f, actor, counter);
    const res = await agent.send(method, path, body);
    const text = await res.text();
    expect(res.status, `${method} ${path} as ${actor}: ${text.slice(0, 300)}`).toBe(status);
    if (status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('a non-member cannot tell existing resources from missing ones', () => {
  test('journey, persona and workspace answers are identical apart from the id', async () => {
    const f = await fixture();
    const nora = agents.nonMember;
    const pairs: [string, string][] = [
      [`/api/journeys/${f.journeyId}`, `/api/journeys/${randomUUID()}`],
      [`/api/personas/${f.personaId}`, `/api/personas/${randomUUID()}`],
      [`/api/templates/${f.templateId}`, `/api/templates/${randomUUID()}`],
      [`/api/workspaces/${f.workspaceId}`, `/api/workspaces/${randomUUID()}`],
    ];
    for (const [real, missing] of pairs) {
      const a = await nora.json('GET', real);
      const b = await nora.json('GET', missing);
      expect(a.status).toBe(404);
      expect(b.status).toBe(404);
      const realId = real.split('/').pop()!;
      const missingId = missing.split('/').pop()!;
      expect(JSON.stringify(a.body).replaceAll(realId, 'ID')).toBe(
        JSON.stringify(b.body).replaceAll(missingId, 'ID'),
      );
    }
  });
});
