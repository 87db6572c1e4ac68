import { randomUUID } from 'node:crypto';
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

interface Row {
  name: string;
  request: (f: Fixture, actor: Actor, n: number) => { method: string; path: string; body?: unknown };
  /** Expected status for admin-non-member, owner, editor, viewer, non-member, anonymous. */
  expect: [number, number, number, number, number, number];
  /** Sign in a fresh session for this row (it ends or replaces the session). */
  fresh?: boolean;
}

const ALL_SIGNED_IN = (ok: number): Row['expect'] => [ok, ok, ok, ok, ok, 401];
const ADMIN_ONLY = (ok: number): Row['expect'] => [ok, 403, 403, 403, 403, 401];
const ANY_MEMBER = (ok: number): Row['expect'] => [404, ok, ok, ok, 404, 401];
const EDITORS = (ok: number): Row['expect'] => [404, ok, ok, 403, 404, 401];
const OWNERS = (ok: number): Row['expect'] => [404, ok, 403, 403, 404, 401];

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

const ROWS: Row[] = [
  {
    name: 'GET /api/health',
    request: () => ({ method: 'GET', path: '/api/health' }),
    expect: [200, 200, 200, 200, 200, 200],
  },
  {
    name: 'GET /api/openapi.json',
    request: () => ({ method: 'GET', path: '/api/openapi.json' }),
    expect: [200, 200, 200, 200, 200, 200],
  },
  {
    name: 'POST /api/auth/login',
    fresh: true,
    request: (_f, actor) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { email: actor === 'anonymous' ? 'nobody@example.test' : EMAIL[actor], password: PASSWORD },
    }),
    expect: [200, 200, 200, 200, 200, 401],
  },
  {
    name: 'POST /api/auth/logout',
    fresh: true,
    request: () => ({ method: 'POST', path: '/api/auth/logout' }),
    expect: [204, 204, 204, 204, 204, 204],
  },
  { name: 'GET /api/me', request: () => ({ method: 'GET', path: '/api/me' }), expect: ALL_SIGNED_IN(200) },
  { name: 'GET /api/users', request: () => ({ method: 'GET', path: '/api/users' }), expect: ADMIN_ONLY(200) },
  {
    name: 'POST /api/users',
    request: (_f, actor, n) => ({
      method: 'POST',
      path: '/api/users',
      body: {
        email: `new-${actor}-${n}@example.test`,
        name: 'New Person',
        password: 'a long enough password',
      },
    }),
    expect: ADMIN_ONLY(201),
  },
  {
    name: 'PATCH /api/users/{id}',
    request: (f) => ({ method: 'PATCH', path: `/api/users/${f.memberId}`, body: { name: 'Renamed Person' } }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'GET /api/workspaces',
    request: () => ({ method: 'GET', path: '/api/workspaces' }),
    expect: ALL_SIGNED_IN(200),
  },
  {
    name: 'POST /api/workspaces',
    request: () => ({ method: 'POST', path: '/api/workspaces', body: { name: 'Another clinic' } }),
    expect: ALL_SIGNED_IN(201),
  },
  {
    name: 'GET /api/workspaces/{id}',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'PATCH /api/workspaces/{id}',
    request: (f) => ({
      method: 'PATCH',
      path: `/api/workspaces/${f.workspaceId}`,
      body: { name: 'Renamed' },
    }),
    expect: OWNERS(200),
  },
  {
    name: 'DELETE /api/workspaces/{id}',
    request: (f) => ({ method: 'DELETE', path: `/api/workspaces/${f.workspaceId}` }),
    expect: OWNERS(204),
  },
  {
    name: 'GET /api/workspaces/{id}/members',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/members` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/workspaces/{id}/members',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/members`,
      body: { email: EMAIL.nonMember, role: 'viewer' },
    }),
    expect: OWNERS(201),
  },
  {
    name: 'PATCH /api/workspaces/{id}/members/{userId}',
    request: (f) => ({
      method: 'PATCH',
      path: `/api/workspaces/${f.workspaceId}/members/${f.memberId}`,
      body: { role: 'editor' },
    }),
    expect: OWNERS(200),
  },
  {
    name: 'DELETE /api/workspaces/{id}/members/{userId}',
    request: (f) => ({ method: 'DELETE', path: `/api/workspaces/${f.workspaceId}/members/${f.memberId}` }),
    expect: OWNERS(204),
  },
  {
    name: 'GET /api/workspaces/{id}/audit',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/audit` }),
    expect: OWNERS(200),
  },
  {
    name: 'GET /api/workspaces/{id}/journeys',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/journeys` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/workspaces/{id}/journeys (blank)',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys`,
      body: { name: 'Intake' },
    }),
    expect: EDITORS(201),
  },
  {
    name: 'POST /api/workspaces/{id}/journeys/import',
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
    expect: EDITORS(201),
  },
  {
    name: 'GET /api/journeys/{id}',
    request: (f) => ({ method: 'GET', path: `/api/journeys/${f.journeyId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'PUT /api/journeys/{id}',
    request: (f) => ({
      method: 'PUT',
      path: `/api/journeys/${f.journeyId}`,
      body: { version: 1, document: doc('Saved') },
    }),
    expect: EDITORS(200),
  },
  {
    name: 'DELETE /api/journeys/{id}',
    request: (f) => ({ method: 'DELETE', path: `/api/journeys/${f.journeyId}` }),
    expect: OWNERS(204),
  },
  {
    name: 'POST /api/journeys/{id}/duplicate',
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.journeyId}/duplicate` }),
    expect: EDITORS(201),
  },
  {
    name: 'GET /api/journeys/{id}/export',
    request: (f) => ({ method: 'GET', path: `/api/journeys/${f.journeyId}/export` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'GET /api/workspaces/{id}/personas',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/personas` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/workspaces/{id}/personas',
    request: (f) => ({ method: 'POST', path: `/api/workspaces/${f.workspaceId}/personas`, body: persona }),
    expect: EDITORS(201),
  },
  {
    name: 'GET /api/personas/{id}',
    request: (f) => ({ method: 'GET', path: `/api/personas/${f.personaId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'PUT /api/personas/{id}',
    request: (f) => ({
      method: 'PUT',
      path: `/api/personas/${f.personaId}`,
      body: { ...persona, version: 1 },
    }),
    expect: EDITORS(200),
  },
  {
    name: 'DELETE /api/personas/{id}',
    request: (f) => ({ method: 'DELETE', path: `/api/personas/${f.personaId}` }),
    expect: OWNERS(204),
  },
  {
    name: 'GET /api/templates',
    request: () => ({ method: 'GET', path: '/api/templates' }),
    expect: ALL_SIGNED_IN(200),
  },
  {
    name: 'GET /api/workspaces/{id}/templates',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/templates` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/workspaces/{id}/templates',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/templates`,
      body: { name: 'Ours', summary: '', category: 'clinic', journeyId: f.journeyId },
    }),
    expect: EDITORS(201),
  },
  {
    name: 'GET /api/templates/{templateId} (workspace template)',
    request: (f) => ({ method: 'GET', path: `/api/templates/${f.templateId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'PUT /api/templates/{templateId}',
    request: (f) => ({
      method: 'PUT',
      path: `/api/templates/${f.templateId}`,
      body: { ...templateBody('Renamed'), version: 1 },
    }),
    expect: EDITORS(200),
  },
  {
    name: 'DELETE /api/templates/{templateId}',
    request: (f) => ({ method: 'DELETE', path: `/api/templates/${f.templateId}` }),
    expect: OWNERS(204),
  },
  {
    name: 'POST /api/workspaces/{id}/journeys (from a workspace template)',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/journeys`,
      body: { templateId: f.templateId },
    }),
    expect: EDITORS(201),
  },
  {
    name: 'POST /api/workspaces/{id}/uploads',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/uploads`,
      body: new TextEncoder().encode(TINY_CSV),
    }),
    expect: EDITORS(201),
  },
  {
    name: 'GET /api/workspaces/{id}/uploads/{uploadId}/preview',
    request: (f) => ({
      method: 'GET',
      path: `/api/workspaces/${f.workspaceId}/uploads/${f.uploadId}/preview`,
    }),
    expect: EDITORS(200),
  },
  {
    name: 'POST /api/workspaces/{id}/sources',
    request: (f) => ({
      method: 'POST',
      path: `/api/workspaces/${f.workspaceId}/sources`,
      body: { uploadId: f.uploadId, name: 'Clinic export' },
    }),
    expect: EDITORS(202),
  },
  {
    name: 'GET /api/workspaces/{id}/sources',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/sources` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'GET /api/sources/{id}',
    request: (f) => ({ method: 'GET', path: `/api/sources/${f.sourceId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'PATCH /api/sources/{id}',
    request: (f) => ({
      method: 'PATCH',
      path: `/api/sources/${f.sourceId}`,
      body: { name: 'Renamed export' },
    }),
    expect: EDITORS(200),
  },
  {
    name: 'DELETE /api/sources/{id}',
    request: (f) => ({ method: 'DELETE', path: `/api/sources/${f.sourceId}` }),
    expect: EDITORS(204),
  },
  {
    name: 'POST /api/sources/{id}/refresh',
    request: (f) => ({
      method: 'POST',
      path: `/api/sources/${f.sourceId}/refresh`,
      body: { uploadId: f.uploadId },
    }),
    expect: EDITORS(202),
  },
  {
    name: 'GET /api/jobs/{id}',
    request: (f) => ({ method: 'GET', path: `/api/jobs/${f.jobId}` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'GET /api/workspaces/{id}/activities',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/activities` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/journeys/{id}/metrics',
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.evidenceJourneyId}/metrics`, body: filter }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/journeys/{id}/steps/{stepId}/detail',
    request: (f) => ({
      method: 'POST',
      path: `/api/journeys/${f.evidenceJourneyId}/steps/s1/detail`,
      body: { ...filter, splitBy: 'channel' },
    }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/journeys/{id}/steps/{stepId}/cases',
    request: (f) => ({
      method: 'POST',
      path: `/api/journeys/${f.evidenceJourneyId}/steps/s1/cases`,
      body: { which: 'reached' },
    }),
    expect: EDITORS(200),
  },
  {
    name: 'POST /api/workspaces/{id}/process-map',
    request: (f) => ({ method: 'POST', path: `/api/workspaces/${f.workspaceId}/process-map`, body: filter }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'POST /api/journeys/{id}/dashboard',
    request: (f) => ({ method: 'POST', path: `/api/journeys/${f.evidenceJourneyId}/dashboard`, body: {} }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'GET /api/workspaces/{id}/dashboard',
    request: (f) => ({ method: 'GET', path: `/api/workspaces/${f.workspaceId}/dashboard` }),
    expect: ANY_MEMBER(200),
  },
  {
    name: 'GET /api/kpi-library',
    request: () => ({ method: 'GET', path: '/api/kpi-library' }),
    expect: ALL_SIGNED_IN(200),
  },
];

const TINY_CSV = 'case_id,activity,timestamp\nc1,a,2026-01-05T08:00:00Z\nc1,b,2026-01-05T09:00:00Z\n';
const EVIDENCE_JOURNEY = JourneyContent.parse({
  schemaVersion: JOURNEY_SCHEMA_VERSION,
  name: 'Evidence',
  lanes: [],
  stages: [{ id: 'st', name: 'Stage', steps: [{ id: 's1', name: 'Step one', activities: ['a'] }] }],
  kpis: [{ id: 'k', name: 'B per A', kind: 'rate', numerator: ['b'], denominator: ['a'] }],
});

if (templates.length > 0) {
  const template = templates[0]!;
  ROWS.push(
    {
      name: 'POST /api/workspaces/{id}/journeys (from template)',
      request: (f) => ({
        method: 'POST',
        path: `/api/workspaces/${f.workspaceId}/journeys`,
        body: { templateId: template.id },
      }),
      expect: EDITORS(201),
    },
    {
      name: 'GET /api/templates/{templateId}',
      request: () => ({ method: 'GET', path: `/api/templates/${template.id}` }),
      expect: ALL_SIGNED_IN(200),
    },
    {
      name: 'PUT /api/templates/{templateId} (built-in: read-only)',
      request: () => ({
        method: 'PUT',
        path: `/api/templates/${template.id}`,
        body: { ...templateBody('Renamed'), version: 1 },
      }),
      expect: [403, 403, 403, 403, 403, 401],
    },
    {
      name: 'DELETE /api/templates/{templateId} (built-in: read-only)',
      request: () => ({ method: 'DELETE', path: `/api/templates/${template.id}` }),
      expect: [403, 403, 403, 403, 403, 401],
    },
  );
}

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

const cases = ROWS.flatMap((row) =>
  ACTORS.map((actor, i) => ({
    row,
    actor,
    status: row.expect[i] as number,
    label: `${row.name} as ${actor} → ${row.expect[i]}`,
  })),
);

describe('authorization matrix: every route × every kind of caller', () => {
  test.each(cases)('$label', async ({ row, actor, status }) => {
    const f = await fixture();
    let agent = agents[actor];
    if (row.fresh) agent = actor === 'anonymous' ? new Agent(h.app) : await h.agent(EMAIL[actor]).login();
    const { method, path, body } = row.request(f, actor, counter);
    const res = await agent.send(method, path, body);
    const text = await res.text();
    expect(res.status, `${method} ${path} as ${actor}: ${text.slice(0, 300)}`).toBe(status);
    if (status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  test('the matrix covers every route the app registers', () => {
    const registered = new Set(
      h.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const covered = new Set(ROWS.map((r) => r.name.replace(/ \(.*\)$/, '')));
    if (templates.length === 0) covered.add('GET /api/templates/{templateId}');
    expect([...registered].filter((r) => !covered.has(r))).toEqual([]);
    expect(registered.size).toBeGreaterThanOrEqual(31);
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
