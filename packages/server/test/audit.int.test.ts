import type { Database } from '@pathlight/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../src/app';
import { memoryLogger } from '../src/logger';
import { Agent, type Harness, makeHarness } from './harness';

let h: Harness;
let olga: Agent;
let olgaId: string;
let moId: string;

beforeAll(async () => {
  h = await makeHarness();
  await h.user('ada@example.test', 'Ada Admin', true);
  olgaId = (await h.user('olga@example.test', 'Olga Owner')).id;
  moId = (await h.user('mo@example.test', 'Mo Member')).id;
  olga = await h.agent('olga@example.test').login();
}, 120_000);
afterAll(() => h?.close());

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  beforeVersion: number | null;
  afterVersion: number | null;
  detail: Record<string, unknown>;
  at: string;
};

describe('every write is audited with who, what, when and before/after versions', () => {
  test('a workspace session, end to end', async () => {
    const ws = (await olga.json('POST', '/api/workspaces', { name: 'Audit clinic' })).body.id as string;
    await olga.json('PATCH', `/api/workspaces/${ws}`, { name: 'Audit clinic (renamed)' });
    await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'mo@example.test', role: 'viewer' });
    await olga.json('PATCH', `/api/workspaces/${ws}/members/${moId}`, { role: 'editor' });
    const j = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Intake' })).body;
    await olga.json('PUT', `/api/journeys/${j.id}`, { version: 1, document: j.document });
    await olga.json('PUT', `/api/journeys/${j.id}`, { version: 2, document: j.document });
    const dup = (await olga.json('POST', `/api/journeys/${j.id}/duplicate`)).body;
    await olga.send('DELETE', `/api/journeys/${dup.id}`);
    const p = (await olga.json('POST', `/api/workspaces/${ws}/personas`, { name: 'Sam', kind: 'caregiver' }))
      .body;
    await olga.json('PUT', `/api/personas/${p.id}`, { name: 'Sam R.', kind: 'caregiver', version: 1 });
    await olga.send('DELETE', `/api/personas/${p.id}`);
    await olga.send('DELETE', `/api/workspaces/${ws}/members/${moId}`);
    // A stale save changes nothing, so it writes no entry.
    expect(
      (await olga.json('PUT', `/api/journeys/${j.id}`, { version: 1, document: j.document })).status,
    ).toBe(409);

    const res = await olga.json<Entry[]>('GET', `/api/workspaces/${ws}/audit`);
    expect(res.status).toBe(200);
    const rows = res.body
      .slice()
      .reverse()
      .map((e) => [e.action, e.entityId, e.beforeVersion, e.afterVersion]);
    expect(rows).toEqual([
      ['workspace.create', ws, null, null],
      ['workspace.rename', ws, null, null],
      ['member.add', moId, null, null],
      ['member.update', moId, null, null],
      ['journey.create', j.id, null, 1],
      ['journey.update', j.id, 1, 2],
      ['journey.update', j.id, 2, 3],
      ['journey.duplicate', dup.id, null, 1],
      ['journey.delete', dup.id, 1, null],
      ['persona.create', p.id, null, 1],
      ['persona.update', p.id, 1, 2],
      ['persona.delete', p.id, 2, null],
      ['member.remove', moId, null, null],
    ]);
    for (const e of res.body) {
      expect(e.actorId).toBe(olgaId);
      expect(e.actorName).toBe('Olga Owner');
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
    const memberUpdate = res.body.find((e) => e.action === 'member.update');
    expect(memberUpdate?.detail).toEqual({ from: 'viewer', to: 'editor' });
    expect(res.body.find((e) => e.action === 'journey.duplicate')?.detail).toEqual({ sourceId: j.id });

    const page = await olga.json<Entry[]>('GET', `/api/workspaces/${ws}/audit?limit=2`);
    expect(page.body.map((e) => e.action)).toEqual(['member.remove', 'persona.delete']);
  });

  test('account administration and workspace deletion are audited outside any workspace', async () => {
    const ada = await h.agent('ada@example.test').login();
    const made = (
      await ada.json('POST', '/api/users', {
        email: 'new@example.test',
        name: 'New',
        password: 'long enough pw',
      })
    ).body;
    await ada.json('PATCH', `/api/users/${made.id}`, { disabled: true });
    const ws = (await olga.json('POST', '/api/workspaces', { name: 'Short-lived' })).body.id;
    await olga.send('DELETE', `/api/workspaces/${ws}`);
    const global = await h.db.audit.list(null);
    const actions = global.map((e) => [e.action, e.entityId]);
    expect(actions.slice(0, 3)).toEqual([
      ['workspace.delete', ws],
      ['user.update', made.id],
      ['user.create', made.id],
    ]);
    expect(global[1]?.detail).toEqual({ name: false, disabled: true, password: false, endedSessions: 0 });
  });

  test('sign-in and sign-out are audited too', async () => {
    const mo = await h.agent('mo@example.test').login();
    await mo.send('POST', '/api/auth/logout');
    const global = await h.db.audit.list(null, { limit: 2 });
    expect(global.map((e) => [e.action, e.actorId, e.entityId])).toEqual([
      ['session.logout', moId, moId],
      ['session.login', moId, moId],
    ]);
  });
});

/** A database whose audit log refuses to write inside transactions. */
function failingAudit(db: Database): Database {
  const wrap = (inner: Database): Database =>
    new Proxy(inner, {
      get(target, key, receiver) {
        if (key === 'audit') {
          return { ...target.audit, append: () => Promise.reject(new Error('audit store unavailable')) };
        }
        if (key === 'transaction') {
          return <T>(fn: (tx: Database) => Promise<T>) => target.transaction((tx) => fn(wrap(tx)));
        }
        return Reflect.get(target, key, receiver);
      },
    });
  return wrap(db);
}

describe('the audit entry is written in the same transaction as the write', () => {
  test('when the audit append fails, the journey save is rolled back (500, version unchanged)', async () => {
    const ws = (await olga.json('POST', '/api/workspaces', { name: 'Atomic' })).body.id;
    const j = (await olga.json('POST', `/api/workspaces/${ws}/journeys`, { name: 'Before' })).body;
    const logger = memoryLogger();
    const broken = createApp({
      db: failingAudit(h.db),
      logger,
      now: () => new Date('2026-03-02T09:00:00.000Z'),
    });
    // Signing in is audited too, so take the session from the working app.
    const agent = new Agent(broken);
    agent.cookie = olga.cookie;
    agent.csrf = olga.csrf;
    const res = await agent.json('PUT', `/api/journeys/${j.id}`, {
      version: 1,
      document: { ...j.document, name: 'After' },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(res.body)).not.toContain('audit store unavailable');
    expect(JSON.stringify(res.body)).not.toContain('at ');
    expect(
      logger.lines.some(
        (l) => l.startsWith('error unexpected error') && l.includes('audit store unavailable'),
      ),
    ).toBe(true);
    const stored = await h.db.journeys.get(j.id);
    expect(stored?.version).toBe(1);
    expect(stored?.document.name).toBe('Before');
  });
});
