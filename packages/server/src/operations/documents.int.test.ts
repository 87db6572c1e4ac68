import { existsSync } from 'node:fs';
import { PersonaContent, templates } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, makeHarness } from '../../test/harness';
import { workspacePaths } from '../evidence/event-stores';
import { blankJourney } from '../journey-documents';
import { ProblemError } from '../problem';
import { createDocument, deleteDocument, saveDocument } from './documents';
import { addMember, createWorkspace, deleteWorkspace } from './workspaces';

let h: Harness;
let ownerId: string;
let ws: string;

const persona = (name: string) =>
  PersonaContent.parse({ name, kind: 'patient', summary: 'A fictional patient' });
const outcomeOf = (error: unknown) => (error as ProblemError).outcome;

beforeAll(async () => {
  h = await makeHarness();
  ownerId = (await h.user('olga@docs.test', 'Olga Owner')).id;
  ws = (await createWorkspace(h.db, { name: 'Documents', ownerId })).id;
});

afterAll(() => h.close());

describe('versioned documents', () => {
  test('create, save and delete a journey: versions move one at a time, each write audited with its versions', async () => {
    const made = await createDocument(h.db, {
      kind: 'journey',
      workspaceId: ws,
      content: blankJourney({ name: 'Referral', ownerId }),
      actorId: ownerId,
    });
    expect(made.version).toBe(1);
    const saved = await saveDocument(h.db, {
      kind: 'journey',
      id: made.id,
      expected: 1,
      content: { ...made.document, name: 'Referral (v2)' },
      actorId: ownerId,
    });
    expect(saved).toMatchObject({ version: 2, document: { name: 'Referral (v2)' } });
    await deleteDocument(h.db, { kind: 'journey', id: made.id, expected: 2, actorId: ownerId });
    expect(await h.db.journeys.get(made.id)).toBeNull();
    const entries = (await h.db.audit.list(ws)).filter((e) => e.entityId === made.id);
    expect(entries.map((e) => [e.action, e.beforeVersion, e.afterVersion])).toEqual([
      ['journey.delete', 2, null],
      ['journey.update', 1, 2],
      ['journey.create', null, 1],
    ]);
  });

  test('a stale save is a conflict carrying the current record, and nothing is written or audited', async () => {
    const made = await createDocument(h.db, {
      kind: 'persona',
      workspaceId: ws,
      content: persona('Ada'),
      actorId: ownerId,
    });
    await saveDocument(h.db, {
      kind: 'persona',
      id: made.id,
      expected: 1,
      content: persona('Ada B'),
      actorId: ownerId,
    });
    const stale = await saveDocument(h.db, {
      kind: 'persona',
      id: made.id,
      expected: 1,
      content: persona('Ada C'),
      actorId: ownerId,
    }).catch((e: unknown) => e);
    expect(outcomeOf(stale)).toMatchObject({
      kind: 'conflict',
      extra: { currentVersion: 2, current: { id: made.id, name: 'Ada B', version: 2 } },
    });
    const staleDelete = await deleteDocument(h.db, {
      kind: 'persona',
      id: made.id,
      expected: 1,
      actorId: ownerId,
    }).catch((e: unknown) => e);
    expect(outcomeOf(staleDelete).kind).toBe('conflict');
    expect(await h.db.personas.get(made.id)).toMatchObject({ name: 'Ada B', version: 2 });
    const actions = (await h.db.audit.list(ws)).filter((e) => e.entityId === made.id).map((e) => e.action);
    expect(actions).toEqual(['persona.update', 'persona.create']);
  });

  test('a template: created with its own action and detail, saved, and a missing one is not-found', async () => {
    const { id: _builtIn, ...content } = templates[0] as (typeof templates)[number];
    const made = await createDocument(h.db, {
      kind: 'template',
      workspaceId: ws,
      content,
      actorId: ownerId,
      detail: { journeyId: 'none' },
    });
    const saved = await saveDocument(h.db, {
      kind: 'template',
      id: made.id,
      expected: 1,
      content: { ...content, name: 'Renamed' },
      actorId: ownerId,
    });
    expect(saved).toMatchObject({ version: 2, name: 'Renamed' });
    const [update, create] = (await h.db.audit.list(ws)).filter((e) => e.entityId === made.id);
    expect(create).toMatchObject({
      action: 'template.create',
      detail: { journeyId: 'none' },
      afterVersion: 1,
    });
    expect(update).toMatchObject({ action: 'template.update', beforeVersion: 1, afterVersion: 2 });
    const missing = await deleteDocument(h.db, {
      kind: 'template',
      id: '00000000-0000-4000-8000-000000000000',
      expected: undefined,
      actorId: ownerId,
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProblemError);
    expect(outcomeOf(missing).kind).toBe('not-found');
  });

  test('creates inside a caller transaction commit or roll back with it (the demo seeds this way)', async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await createDocument(tx, {
          kind: 'persona',
          workspaceId: ws,
          content: persona('Rolled back'),
          actorId: ownerId,
        });
        throw new Error('the rest of the seeding failed');
      }),
    ).rejects.toThrow('the rest of the seeding failed');
    expect((await h.db.personas.list(ws)).map((p) => p.name)).not.toContain('Rolled back');
    expect((await h.db.audit.list(ws)).filter((e) => e.action === 'persona.create')).toHaveLength(1);
  });
});

describe('workspaces', () => {
  test('deleting a workspace audits it outside the workspace and drops its event data; a missing one is not-found', async () => {
    const doomed = await createWorkspace(h.db, { name: 'Doomed', ownerId, detail: { demo: true } });
    expect((await h.db.audit.list(doomed.id)).map((e) => [e.action, e.detail])).toEqual([
      ['workspace.create', { demo: true }],
    ]);
    await h.evidence.stores.get(doomed.id);
    const files = workspacePaths(h.dataDir, doomed.id);
    expect(existsSync(files.events)).toBe(true);
    await deleteWorkspace(h, { workspaceId: doomed.id, actorId: ownerId });
    await h.evidence.jobs.idle();
    expect(await h.db.workspaces.get(doomed.id)).toBeNull();
    expect(existsSync(files.events) || existsSync(files.key)).toBe(false);
    const global = (await h.db.audit.list(null)).filter((e) => e.entityId === doomed.id);
    expect(global.map((e) => [e.action, e.actorId, e.workspaceId])).toEqual([
      ['workspace.delete', ownerId, null],
    ]);
    const again = await deleteWorkspace(h, { workspaceId: doomed.id, actorId: ownerId }).catch(
      (e: unknown) => e,
    );
    expect(outcomeOf(again).kind).toBe('not-found');
  });

  test('adding a member audits the role given; adding them again is a conflict and audits nothing more', async () => {
    const vera = await h.user('vera@docs.test', 'Vera Viewer');
    const member = await addMember(h.db, { workspaceId: ws, userId: vera.id, role: 'viewer', actorId: null });
    expect(member).toMatchObject({ userId: vera.id, role: 'viewer' });
    const again = await addMember(h.db, {
      workspaceId: ws,
      userId: vera.id,
      role: 'editor',
      actorId: null,
    }).catch((e: unknown) => e);
    expect(outcomeOf(again).kind).toBe('conflict');
    const added = (await h.db.audit.list(ws)).filter((e) => e.action === 'member.add');
    expect(added.map((e) => [e.entityId, e.actorId, e.detail])).toEqual([
      [vera.id, null, { role: 'viewer' }],
    ]);
  });
});
