import { JOURNEY_SCHEMA_VERSION, Journey, templates } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Agent, Harness } from './harness';
import { makeHarness } from './harness';

let h: Harness;
let olga: Agent;
let eddie: Agent;
let eddieId: string;
let ws: string;

beforeAll(async () => {
  h = await makeHarness();
  await h.user('olga@example.test', 'Olga Owner');
  eddieId = (await h.user('eddie@example.test', 'Eddie Editor')).id;
  olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Riverside Family Dental & Medical' })).body.id;
  expect(
    (
      await olga.json('POST', `/api/workspaces/${ws}/members`, {
        email: 'eddie@example.test',
        role: 'editor',
      })
    ).status,
  ).toBe(201);
}, 120_000);
afterAll(() => h?.close());

const withStage = (document: Journey['document'], stageName: string) => ({
  ...document,
  stages: [
    ...document.stages,
    { id: `stage-${document.stages.length + 1}`, name: stageName, goal: '', hidden: false, steps: [] },
  ],
});

describe('optimistic concurrency', () => {
  test('two editors load version 1; the second save gets 409 with the first one’s content; nothing is lost', async () => {
    const created = await olga.json('POST', `/api/workspaces/${ws}/journeys`, {
      name: 'New patient booking',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const a = await olga.json('GET', `/api/journeys/${id}`);
    const b = await eddie.json('GET', `/api/journeys/${id}`);
    expect(a.body.version).toBe(1);
    expect(b.body.version).toBe(1);
    expect(a.headers.get('etag')).toBe('"1"');

    const saveA = await olga.json(
      'PUT',
      `/api/journeys/${id}`,
      { document: withStage(a.body.document, 'Awareness') },
      { 'if-match': '"1"' },
    );
    expect(saveA.status).toBe(200);
    expect(saveA.body.version).toBe(2);

    const saveB = await eddie.json('PUT', `/api/journeys/${id}`, {
      version: 1,
      document: withStage(b.body.document, 'Intake'),
    });
    expect(saveB.status).toBe(409);
    expect(saveB.headers.get('content-type')).toBe('application/problem+json');
    expect(saveB.body.currentVersion).toBe(2);
    expect(saveB.body.current.version).toBe(2);
    expect(saveB.body.current.document.stages.map((s: { name: string }) => s.name)).toEqual(['Awareness']);

    // B merges onto what is stored now and saves on top of version 2.
    const merged = withStage(saveB.body.current.document, 'Intake');
    const saveB2 = await eddie.json('PUT', `/api/journeys/${id}`, { version: 2, document: merged });
    expect(saveB2.status).toBe(200);
    expect(saveB2.body.version).toBe(3);
    expect(saveB2.body.updatedBy).toBe(eddieId);

    const final = await olga.json('GET', `/api/journeys/${id}`);
    expect(final.body.version).toBe(3);
    expect(final.body.document.stages.map((s: { name: string }) => s.name)).toEqual(['Awareness', 'Intake']);
  });

  test('two saves racing on the same version: exactly one wins, the other gets 409', async () => {
    const j = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Race' })).body;
    const [x, y] = await Promise.all([
      olga.json('PUT', `/api/journeys/${j.id}`, { version: 1, document: withStage(j.document, 'From Olga') }),
      eddie.json('PUT', `/api/journeys/${j.id}`, {
        version: 1,
        document: withStage(j.document, 'From Eddie'),
      }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? x : y;
    const loser = x.status === 200 ? y : x;
    expect(loser.body.current.document).toEqual(winner.body.document);
    expect((await olga.json('GET', `/api/journeys/${j.id}`)).body.version).toBe(2);
  });

  test('a save without any base version is 428; header and body that disagree are 400', async () => {
    const j = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Recall' })).body;
    const none = await olga.json('PUT', `/api/journeys/${j.id}`, { document: j.document });
    expect(none.status).toBe(428);
    const both = await olga.json(
      'PUT',
      `/api/journeys/${j.id}`,
      { version: 1, document: j.document },
      { 'if-match': '"2"' },
    );
    expect(both.status).toBe(400);
    const garbage = await olga.json(
      'PUT',
      `/api/journeys/${j.id}`,
      { document: j.document },
      { 'if-match': 'yesterday' },
    );
    expect(garbage.status).toBe(400);
    const weak = await olga.json(
      'PUT',
      `/api/journeys/${j.id}`,
      { document: j.document },
      { 'if-match': 'W/"1"' },
    );
    expect(weak.status).toBe(200);
    expect(weak.body.version).toBe(2);
  });

  test('a delete with a stale If-Match is 409 and the journey survives', async () => {
    const j = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Delete me' })).body;
    await olga.json('PUT', `/api/journeys/${j.id}`, { version: 1, document: j.document });
    const stale = await olga.send('DELETE', `/api/journeys/${j.id}`, undefined, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect((await olga.json('GET', `/api/journeys/${j.id}`)).status).toBe(200);
    // Deleting is an owner's call: an editor is refused even with the right version.
    expect(
      (await eddie.send('DELETE', `/api/journeys/${j.id}`, undefined, { 'if-match': '"2"' })).status,
    ).toBe(403);
    expect(
      (await olga.send('DELETE', `/api/journeys/${j.id}`, undefined, { 'if-match': '"2"' })).status,
    ).toBe(204);
    expect((await olga.json('GET', `/api/journeys/${j.id}`)).status).toBe(404);
  });

  test('personas follow the same rule: 409 with the current persona when stale', async () => {
    const p = await olga.json('POST', `/api/workspaces/${ws}/personas`, {
      name: 'Maria (new patient)',
      kind: 'patient',
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ version: 1, role: '', goals: [], color: '#2563eb', workspaceId: ws });
    const { id, workspaceId: _w, updatedAt: _u, version: _v, ...content } = p.body;
    const first = await olga.json('PUT', `/api/personas/${id}`, {
      ...content,
      summary: 'Books online',
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await eddie.json(
      'PUT',
      `/api/personas/${id}`,
      { ...content, summary: 'Calls the front desk' },
      { 'if-match': '"1"' },
    );
    expect(second.status).toBe(409);
    expect(second.body.currentVersion).toBe(2);
    expect(second.body.current.summary).toBe('Books online');
    expect((await eddie.json('PUT', `/api/personas/${id}`, content)).status).toBe(428);
  });
});

describe('blank journeys, duplicate, export and import', () => {
  test('a blank journey has the standard lanes, the caller as owner, and validates', async () => {
    const res = await eddie.json('POST', `/api/workspaces/${ws}/journeys`, {
      name: 'Referral',
      question: 'Why do referrals stall?',
    });
    expect(res.status).toBe(201);
    expect(Journey.safeParse(res.body).success).toBe(true);
    expect(res.body.document).toMatchObject({
      name: 'Referral',
      question: 'Why do referrals stall?',
      ownerId: eddieId,
      stages: [],
    });
    expect(res.body.document.lanes).toHaveLength(10);
    expect(res.body.document.lanes[0]).toEqual({
      id: 'lane-touchpoints',
      kind: 'touchpoints',
      name: 'Touchpoints',
      hidden: false,
    });
  });

  test('duplicate copies the document under a new id at version 1', async () => {
    const src = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Implant consult' })).body;
    await olga.json('PUT', `/api/journeys/${src.id}`, {
      version: 1,
      document: withStage(src.document, 'Consult'),
    });
    const copy = await eddie.json('POST', `/api/journeys/${src.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(src.id);
    expect(copy.body.version).toBe(1);
    expect(copy.body.document.name).toBe('Implant consult (copy)');
    expect(copy.body.document.stages.map((s: { name: string }) => s.name)).toEqual(['Consult']);
  });

  test('export is a JSON download that imports back to the same document', async () => {
    const src = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Follow-up / recall' }))
      .body;
    const exp = await eddie.send('GET', `/api/journeys/${src.id}/export`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toBe(
      'attachment; filename="Follow-up-recall.pathlight.json"',
    );
    const file = (await exp.json()) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'pathlight.journey',
      schemaVersion: JOURNEY_SCHEMA_VERSION,
      exportedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(file.journey).toEqual(src.document);
    const imported = await eddie.json('POST', `/api/workspaces/${ws}/journeys/import`, file);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(src.id);
    expect(imported.body.document).toEqual(src.document);
  });

  test('a schemaVersion 1 document is migrated on import', async () => {
    const v1 = {
      format: 'pathlight.journey',
      schemaVersion: 1,
      exportedAt: '2024-05-01T10:00:00.000Z',
      journey: {
        name: 'Legacy booking map',
        stages: [
          {
            id: 'book',
            name: 'Booking',
            steps: [
              { id: 'call', name: 'Calls the clinic', activity: 'Phone call received' },
              { id: 'slot', name: 'Gets a slot', activity: '' },
            ],
          },
        ],
        lanes: [{ id: 'pain', kind: 'pain-points', name: 'Pain points' }],
        cards: [
          {
            id: 'c1',
            laneId: 'pain',
            stepId: 'call',
            text: 'On hold for long',
            confidence: 'reported',
            source: 'front desk',
          },
        ],
      },
    };
    const res = await eddie.json('POST', `/api/workspaces/${ws}/journeys/import`, v1);
    expect(res.status).toBe(201);
    const d = res.body.document;
    expect(d.schemaVersion).toBe(JOURNEY_SCHEMA_VERSION);
    expect(d.stages[0].steps[0].activities).toEqual(['Phone call received']);
    expect(d.stages[0].steps[1].activities).toEqual([]);
    expect(d.cards[0].evidence).toEqual([
      { kind: 'staff-report', source: 'front desk', date: null, confidence: 'reported' },
    ]);
    const audit = await olga.json('GET', `/api/workspaces/${ws}/audit?limit=1`);
    expect(audit.body[0]).toMatchObject({
      action: 'journey.import',
      entityId: res.body.id,
      afterVersion: 1,
      detail: { fromSchemaVersion: 1, migrations: 1 },
    });
  });

  test('an import from a newer Pathlight, or with a broken document, is 422 with field paths', async () => {
    const newer = await eddie.json('POST', `/api/workspaces/${ws}/journeys/import`, {
      format: 'pathlight.journey',
      schemaVersion: 99,
      journey: { schemaVersion: 99, name: 'From the future' },
    });
    expect(newer.status).toBe(422);
    expect(newer.body.errors[0].path).toBe('journey');
    expect(newer.body.errors[0].message).toContain('newer');
    const broken = await eddie.json('POST', `/api/workspaces/${ws}/journeys/import`, {
      format: 'pathlight.journey',
      schemaVersion: 2,
      journey: {
        name: 'Broken',
        stages: [{ id: 's', name: 'S', steps: [{ id: 't', name: '' }] }],
        lanes: [],
      },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors).toContainEqual({
      path: 'journey.stages.0.steps.0.name',
      message: 'must not be empty',
    });
  });
});

describe.skipIf(templates.length === 0)('templates', () => {
  test('list and preview', async () => {
    const list = await eddie.json('GET', '/api/templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string }) => t.id)).toEqual(templates.map((t) => t.id));
    const t = templates[0]!;
    expect(list.body[0]).toMatchObject({
      id: t.id,
      stageCount: t.journey.stages.length,
      stepCount: t.journey.stages.flatMap((s) => s.steps).length,
      personaCount: t.personas.length,
    });
    const full = await eddie.json('GET', `/api/templates/${t.id}`);
    expect(full.body).toEqual(JSON.parse(JSON.stringify(t)));
    expect((await eddie.json('GET', '/api/templates/no-such-template')).status).toBe(404);
  });

  test('instantiating a template creates the journey and its personas, linked by their new ids', async () => {
    const t = templates.find((x) => x.personas.length > 0) ?? templates[0]!;
    const own = await olga.json('POST', '/api/workspaces', { name: `Template clinic ${t.id}` });
    const res = await olga.json('POST', `/api/workspaces/${own.body.id}/journeys`, {
      templateId: t.id,
      name: 'Our version',
    });
    expect(res.status).toBe(201);
    expect(res.body.document.name).toBe('Our version');
    expect(res.body.document.stages.map((s: { name: string }) => s.name)).toEqual(
      t.journey.stages.map((s) => s.name),
    );
    const personas = (await olga.json('GET', `/api/workspaces/${own.body.id}/personas`)).body as {
      id: string;
      name: string;
    }[];
    expect(personas.map((p) => p.name).sort()).toEqual(t.personas.map((p) => p.name).sort());
    const libraryIds = new Set(personas.map((p) => p.id));
    for (const pid of res.body.document.scope.personaIds) expect(libraryIds.has(pid)).toBe(true);
    for (const e of res.body.document.emotions) expect(libraryIds.has(e.personaId)).toBe(true);
    const audit = (await olga.json('GET', `/api/workspaces/${own.body.id}/audit`)).body as {
      action: string;
    }[];
    expect(audit.filter((a) => a.action === 'persona.create')).toHaveLength(t.personas.length);
    expect(audit.filter((a) => a.action === 'journey.create')).toHaveLength(1);
  });

  test('a second journey from the same template links to the personas the first one added', async () => {
    const t = templates.find((x) => x.personas.length > 0) ?? templates[0]!;
    const own = await olga.json('POST', '/api/workspaces', { name: `Twice from ${t.id}` });
    const create = () => olga.json('POST', `/api/workspaces/${own.body.id}/journeys`, { templateId: t.id });
    const first = await create();
    const second = await create();
    expect(second.status).toBe(201);
    const personas = (await olga.json('GET', `/api/workspaces/${own.body.id}/personas`)).body as {
      id: string;
    }[];
    expect(personas).toHaveLength(t.personas.length);
    expect([...second.body.document.scope.personaIds].sort()).toEqual(
      [...first.body.document.scope.personaIds].sort(),
    );
    // A persona the team edited is still the one linked: the link follows where it came from, not its text.
    const [p] = personas;
    const stored = (await olga.json('GET', `/api/personas/${p!.id}`)).body;
    const { id: _id, workspaceId: _w, version, updatedAt: _u, ...content } = stored;
    const renamed = await olga.json(
      'PUT',
      `/api/personas/${p!.id}`,
      { ...content, name: 'Renamed by the team' },
      { 'if-match': `"${version}"` },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const third = await create();
    expect(third.body.document.scope.personaIds).toContain(p!.id);
    expect((await olga.json('GET', `/api/workspaces/${own.body.id}/personas`)).body).toHaveLength(
      t.personas.length,
    );
  });

  test('an unknown templateId is 422 at path templateId', async () => {
    const res = await eddie.json('POST', `/api/workspaces/${ws}/journeys`, { templateId: 'nope' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'templateId', message: 'no template "nope"' }]);
  });
});
