import { templates } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Agent, Harness } from './harness';
import { makeHarness } from './harness';

let h: Harness;
let olga: Agent;
let eddie: Agent;
let eddieId: string;
let ws: string;
let elsewhere: string;

beforeAll(async () => {
  h = await makeHarness();
  await h.user('olga@example.test', 'Olga Owner');
  eddieId = (await h.user('eddie@example.test', 'Eddie Editor')).id;
  olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Riverside Family Clinic' })).body.id;
  elsewhere = (await olga.json('POST', '/api/workspaces', { name: 'Hillside Clinic' })).body.id;
  const added = await olga.json('POST', `/api/workspaces/${ws}/members`, {
    email: 'eddie@example.test',
    role: 'editor',
  });
  expect(added.status).toBe(201);
}, 120_000);
afterAll(() => h?.close());

type Doc = {
  stages: { id: string; steps: { id: string }[] }[];
  lanes: { id: string }[];
  cards: { id: string; laneId: string; stepId: string }[];
  emotions: { personaId: string; stepId: string }[];
  scope: { personaIds: string[] };
  ownerId: string | null;
};

/** Renames the ids of `copy` back to those of `source` by position, so both can be compared whole. */
function relabel(copy: Doc, source: Doc, personaIds: [string, string][]): Doc {
  const back = new Map<string, string>(personaIds);
  copy.stages.forEach((s, i) => {
    back.set(s.id, source.stages[i]!.id);
    for (const [j, t] of s.steps.entries()) back.set(t.id, source.stages[i]!.steps[j]!.id);
  });
  for (const [i, l] of copy.lanes.entries()) back.set(l.id, source.lanes[i]!.id);
  for (const [i, c] of copy.cards.entries()) back.set(c.id, source.cards[i]!.id);
  const to = (id: string) => back.get(id) ?? `unmapped:${id}`;
  return {
    ...copy,
    stages: copy.stages.map((s) => ({
      ...s,
      id: to(s.id),
      steps: s.steps.map((t) => ({ ...t, id: to(t.id) })),
    })),
    lanes: copy.lanes.map((l) => ({ ...l, id: to(l.id) })),
    cards: copy.cards.map((c) => ({ ...c, id: to(c.id), laneId: to(c.laneId), stepId: to(c.stepId) })),
    emotions: copy.emotions.map((e) => ({ ...e, personaId: to(e.personaId), stepId: to(e.stepId) })),
    scope: { ...copy.scope, personaIds: copy.scope.personaIds.map(to) },
  };
}

describe('workspace templates', () => {
  test('save a journey as a template → list → instantiate → stale update 409 → delete', async () => {
    const persona = await eddie.json('POST', `/api/workspaces/${ws}/personas`, {
      name: 'Riley Sample',
      kind: 'patient',
      goals: ['Be seen this week'],
    });
    expect(persona.status).toBe(201);
    const riley = persona.body.id as string;
    // A second library persona the journey does not mention: it must not be copied.
    await eddie.json('POST', `/api/workspaces/${ws}/personas`, { name: 'Unrelated', kind: 'caregiver' });

    const created = await eddie.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Walk-in visit' });
    expect(created.status).toBe(201);
    const journeyId = created.body.id as string;
    const document = {
      ...created.body.document,
      scope: { serviceLine: 'Primary care', personaIds: [riley] },
      stages: [
        {
          id: 'arrive',
          name: 'Arrive',
          goal: 'Get checked in',
          hidden: false,
          steps: [
            {
              id: 'desk',
              name: 'Front desk',
              description: '',
              optional: false,
              hidden: false,
              activities: [],
            },
            {
              id: 'wait',
              name: 'Waiting room',
              description: '',
              optional: false,
              hidden: false,
              activities: [],
            },
          ],
        },
      ],
      cards: [
        {
          id: 'card-1',
          laneId: 'lane-pain-points',
          stepId: 'wait',
          text: 'No idea how long the wait is',
          tags: [],
          channel: null,
          severity: 'high',
          systemId: null,
          linkedCardIds: [],
          evidence: [],
        },
      ],
      emotions: [{ personaId: riley, stepId: 'wait', score: -2, note: 'Anxious' }],
    };
    const saved = await eddie.json('PUT', `/api/journeys/${journeyId}`, { version: 1, document });
    expect(saved.status).toBe(200);
    const source = saved.body.document as Doc;

    // Save it as a template.
    const made = await eddie.json('POST', `/api/workspaces/${ws}/templates`, {
      name: 'Walk-in visit',
      summary: 'Our walk-in flow',
      category: 'clinic',
      journeyId,
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('etag')).toBe('"1"');
    const templateId = made.body.id as string;
    expect(made.body).toMatchObject({ workspaceId: ws, version: 1, createdBy: eddieId, category: 'clinic' });
    expect(made.body.journey).toEqual(source);
    expect(made.body.personas).toHaveLength(1);
    expect(made.body.personas[0]).toMatchObject({
      id: riley,
      name: 'Riley Sample',
      goals: ['Be seen this week'],
    });

    // Listed for the workspace, not for another one; readable in full.
    const listed = await olga.json('GET', `/api/workspaces/${ws}/templates`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: templateId,
        name: 'Walk-in visit',
        stageCount: 1,
        stepCount: 2,
        personaCount: 1,
      }),
    ]);
    expect(listed.body[0].journey).toBeUndefined();
    expect((await olga.json('GET', `/api/workspaces/${elsewhere}/templates`)).body).toEqual([]);
    const full = await eddie.json('GET', `/api/templates/${templateId}`);
    expect(full.status).toBe(200);
    expect(full.body.journey).toEqual(source);

    // Instantiate: the same content under fresh ids, with a fresh copy of the persona.
    const copy = await eddie.json('POST', `/api/workspaces/${ws}/journeys`, { templateId });
    expect(copy.status).toBe(201);
    const doc = copy.body.document as Doc;
    const newPersona = doc.scope.personaIds[0]!;
    expect(newPersona).not.toBe(riley);
    expect(doc.stages[0]!.steps[1]!.id).not.toBe('wait');
    expect(doc.emotions[0]).toMatchObject({ personaId: newPersona, stepId: doc.stages[0]!.steps[1]!.id });
    expect(relabel(doc, source, [[newPersona, riley]])).toEqual({ ...source, ownerId: eddieId });
    const personaCopy = await eddie.json('GET', `/api/personas/${newPersona}`);
    expect(personaCopy.body).toMatchObject({ name: 'Riley Sample', workspaceId: ws });

    // Another workspace cannot use it: 404 as for a template that does not exist.
    const foreign = await olga.json('POST', `/api/workspaces/${elsewhere}/journeys`, { templateId });
    expect(foreign.status).toBe(404);

    // Rename at version 1, then a stale save at version 1 gets 409 with the current template.
    const {
      id: _id,
      workspaceId: _w,
      version: _v,
      createdAt,
      createdBy,
      updatedAt,
      updatedBy,
      ...body
    } = full.body;
    const renamed = await eddie.json('PUT', `/api/templates/${templateId}`, {
      ...body,
      name: 'Walk-in (v2)',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Walk-in (v2)', version: 2, createdAt });
    const stale = await olga.json(
      'PUT',
      `/api/templates/${templateId}`,
      { ...body, name: 'Stale' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 2, current: { name: 'Walk-in (v2)' } });

    // Delete: owners only, at the right version.
    expect((await eddie.json('DELETE', `/api/templates/${templateId}`)).status).toBe(403);
    expect(
      (await olga.json('DELETE', `/api/templates/${templateId}`, undefined, { 'if-match': '"1"' })).status,
    ).toBe(409);
    expect(
      (await olga.send('DELETE', `/api/templates/${templateId}`, undefined, { 'if-match': '"2"' })).status,
    ).toBe(204);
    expect((await olga.json('GET', `/api/templates/${templateId}`)).status).toBe(404);
    expect((await eddie.json('POST', `/api/workspaces/${ws}/journeys`, { templateId })).status).toBe(404);

    const trail = (await h.db.audit.list(ws)).filter((e) => e.entityType === 'template').map((e) => e.action);
    expect(trail).toEqual(['template.delete', 'template.update', 'template.create']);
  });

  test('a full template body can be saved; built-ins stay read-only', async () => {
    const builtIn = templates[0]!;
    const { id: _id, ...body } = builtIn;
    const made = await eddie.json('POST', `/api/workspaces/${ws}/templates`, { ...body, name: 'Our copy' });
    expect(made.status).toBe(201);
    expect(made.body.journey).toEqual(builtIn.journey);
    expect(made.body.personas).toEqual(builtIn.personas);

    const put = await olga.json('PUT', `/api/templates/${builtIn.id}`, { ...body, version: 1 });
    expect(put.status).toBe(403);
    expect(put.body.detail).toMatch(/built in and read-only/);
    expect((await olga.json('DELETE', `/api/templates/${builtIn.id}`)).status).toBe(403);
    expect((await olga.json('GET', `/api/templates/${builtIn.id}`)).body).toEqual(builtIn);
  });

  test('a journey of another workspace cannot be saved here', async () => {
    const other = await olga.json('POST', `/api/workspaces/${elsewhere}/journeys`, { name: 'Elsewhere' });
    const res = await olga.json('POST', `/api/workspaces/${ws}/templates`, {
      name: 'Borrowed',
      summary: '',
      category: 'clinic',
      journeyId: other.body.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'journeyId', message: `no journey ${other.body.id} in this workspace` },
    ]);
  });
});
