/**
 * The storage contract: one suite that every `Database` implementation must pass
 * (PGlite always, PostgreSQL when PATHLIGHT_TEST_DATABASE_URL is set).
 */
import { JOURNEY_SCHEMA_VERSION, type JourneyContent, type User } from '@pathlight/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './create-database';
import { bookingJourney, persona } from './fixtures';
import type { Database, TemplateContent } from './ports';

export type ContractHarness = {
  /** Opens a migrated, empty database; called once per suite. */
  open(): Promise<DatabaseHandle>;
  /** Releases anything `open` created (after the database is closed). */
  dispose?(): Promise<void>;
};

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Registers the contract suite for one implementation. */
export function describeDatabaseContract(label: string, harness: ContractHarness): void {
  describe(`Database contract on ${label}`, () => {
    let handle: DatabaseHandle;
    let db: Database;

    beforeAll(async () => {
      handle = await harness.open();
      db = handle.database;
    });

    afterAll(async () => {
      await db?.close();
      await harness.dispose?.();
    });

    beforeEach(async () => {
      await handle.drizzle.execute(
        sql`truncate users, sessions, workspaces, members, journeys, personas, templates, audit_log, data_sources, jobs cascade`,
      );
    });

    async function user(email: string, name = email.split('@')[0] ?? email): Promise<User> {
      const created = await db.users.create({ email, name, passwordHash: `hash-of-${name}`, isAdmin: false });
      if (!created.ok) throw new Error(`fixture user ${email} already exists`);
      return created.user;
    }

    describe('users', () => {
      it('creates a user with a lower-cased email and finds it by email, case-insensitively, with its hash', async () => {
        const created = await db.users.create({
          email: '  Dana.Admin@Example.TEST ',
          name: 'Dana',
          passwordHash: 'argon-hash',
          isAdmin: true,
        });
        expect(created.ok).toBe(true);
        if (!created.ok) return;
        expect(created.user).toEqual({
          id: expect.stringMatching(UUID),
          email: 'dana.admin@example.test',
          name: 'Dana',
          isAdmin: true,
          disabled: false,
          createdAt: expect.stringMatching(ISO_UTC),
        });
        expect(created.user).not.toHaveProperty('passwordHash');
        const found = await db.users.findByEmail('DANA.admin@example.test');
        expect(found).toEqual({ ...created.user, passwordHash: 'argon-hash' });
        expect(await db.users.findById(created.user.id)).toEqual(created.user);
        expect(await db.users.findByEmail('nobody@example.test')).toBeNull();
        expect(await db.users.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
      });

      it('reports a taken email (in any case) as a conflict, and the transaction around it survives', async () => {
        await user('sam@example.test');
        const again = await db.users.create({
          email: 'SAM@example.test',
          name: 'Other',
          passwordHash: 'h',
          isAdmin: false,
        });
        expect(again).toEqual({ ok: false, reason: 'conflict' });
        const inTx = await db.transaction(async (tx) => {
          const dup = await tx.users.create({
            email: 'sam@example.test',
            name: 'X',
            passwordHash: 'h',
            isAdmin: false,
          });
          const next = await tx.users.create({
            email: 'kim@example.test',
            name: 'Kim',
            passwordHash: 'h',
            isAdmin: false,
          });
          return [dup.ok, next.ok];
        });
        expect(inTx).toEqual([false, true]);
        expect(await db.users.count()).toBe(2);
      });

      it('lists users oldest first, counts them and updates name, disabled and password hash', async () => {
        expect(await db.users.count()).toBe(0);
        const a = await user('a@example.test', 'Ada');
        await pause(3);
        const b = await user('b@example.test', 'Ben');
        expect((await db.users.list()).map((u) => u.email)).toEqual(['a@example.test', 'b@example.test']);
        expect(await db.users.count()).toBe(2);
        const updated = await db.users.update(a.id, {
          name: 'Ada L.',
          disabled: true,
          passwordHash: 'new-hash',
        });
        expect(updated).toEqual({ ...a, name: 'Ada L.', disabled: true });
        expect((await db.users.findByEmail('a@example.test'))?.passwordHash).toBe('new-hash');
        expect(await db.users.update(b.id, {})).toEqual(b);
        expect(await db.users.update('00000000-0000-4000-8000-000000000000', { name: 'x' })).toBeNull();
      });
    });

    describe('sessions', () => {
      it('finds a live session with its user; expired, deleted or disabled-user sessions are gone', async () => {
        const u = await user('nurse@example.test', 'Nurse');
        const session = await db.sessions.create({
          tokenHash: 'tok-1',
          userId: u.id,
          csrfToken: 'csrf-1',
          expiresAt: '2030-01-01T00:00:00.000Z',
        });
        expect(session).toEqual({
          tokenHash: 'tok-1',
          userId: u.id,
          csrfToken: 'csrf-1',
          createdAt: expect.stringMatching(ISO_UTC),
          expiresAt: '2030-01-01T00:00:00.000Z',
        });
        expect(await db.sessions.find('tok-1', '2029-12-31T23:59:59.000Z')).toEqual({ session, user: u });
        expect(await db.sessions.find('tok-1', '2030-01-01T00:00:00.000Z')).toBeNull();
        expect(await db.sessions.find('unknown')).toBeNull();

        expect(await db.sessions.extend('tok-1', '2031-06-01T12:00:00.000Z')).toBe(true);
        expect((await db.sessions.find('tok-1', '2030-06-01T00:00:00.000Z'))?.session.expiresAt).toBe(
          '2031-06-01T12:00:00.000Z',
        );
        expect(await db.sessions.extend('unknown', '2031-06-01T12:00:00.000Z')).toBe(false);

        await db.users.update(u.id, { disabled: true });
        expect(await db.sessions.find('tok-1', '2030-06-01T00:00:00.000Z')).toBeNull();
        await db.users.update(u.id, { disabled: false });

        expect(await db.sessions.delete('tok-1')).toBe(true);
        expect(await db.sessions.delete('tok-1')).toBe(false);
        expect(await db.sessions.find('tok-1', '2030-06-01T00:00:00.000Z')).toBeNull();
      });

      it('deletes all sessions of a user and expired sessions', async () => {
        const u = await user('a@example.test');
        const v = await user('b@example.test');
        const make = (tokenHash: string, userId: string, expiresAt: string) =>
          db.sessions.create({ tokenHash, userId, csrfToken: 'c', expiresAt });
        await make('u1', u.id, '2030-01-01T00:00:00.000Z');
        await make('u2', u.id, '2030-01-01T00:00:00.000Z');
        await make('v1', v.id, '2020-01-01T00:00:00.000Z');
        await make('v2', v.id, '2030-01-01T00:00:00.000Z');
        await make('u3', u.id, '2030-01-01T00:00:00.000Z');
        expect(await db.sessions.deleteForUser(u.id, 'u3')).toBe(2);
        expect(await db.sessions.find('u3', '2025-01-01T00:00:00.000Z')).not.toBeNull();
        expect(await db.sessions.deleteForUser(u.id)).toBe(1);
        expect(await db.sessions.deleteExpired('2025-01-01T00:00:00.000Z')).toBe(1);
        expect(await db.sessions.find('v2', '2025-01-01T00:00:00.000Z')).not.toBeNull();
        expect(await db.sessions.find('u1', '2025-01-01T00:00:00.000Z')).toBeNull();
      });

      it('rejects an expiry that is not an ISO instant with a message naming the field', async () => {
        const u = await user('a@example.test');
        await expect(
          db.sessions.create({ tokenHash: 't', userId: u.id, csrfToken: 'c', expiresAt: 'tomorrow' }),
        ).rejects.toThrow('session expiresAt is not an ISO 8601 instant: "tomorrow"');
      });
    });

    describe('workspaces and members', () => {
      it('creates a workspace with its creator as owner and lists only the caller’s workspaces, with roles', async () => {
        const owner = await user('owner@example.test', 'Olive');
        const other = await user('other@example.test', 'Otto');
        const ws = await db.workspaces.create({ name: 'Riverside Clinic' }, owner.id);
        expect(ws).toEqual({
          id: expect.stringMatching(UUID),
          name: 'Riverside Clinic',
          createdAt: expect.stringMatching(ISO_UTC),
          role: 'owner',
        });
        const second = await db.workspaces.create({ name: 'Alder Dental' }, other.id);
        expect(await db.members.add(second.id, owner.id, 'viewer')).toMatchObject({ ok: true });
        expect(await db.workspaces.listForUser(owner.id)).toEqual([
          { ...second, role: 'viewer' },
          { ...ws, role: 'owner' },
        ]);
        expect(await db.workspaces.listForUser(other.id)).toEqual([second]);
        expect(await db.workspaces.get(ws.id)).toEqual({
          id: ws.id,
          name: 'Riverside Clinic',
          createdAt: ws.createdAt,
        });
        expect(await db.workspaces.rename(ws.id, 'Riverside Health')).toEqual({
          id: ws.id,
          name: 'Riverside Health',
          createdAt: ws.createdAt,
        });
        expect(await db.workspaces.rename('00000000-0000-4000-8000-000000000000', 'x')).toBeNull();
        expect(await db.workspaces.get('00000000-0000-4000-8000-000000000000')).toBeNull();
      });

      it('adds members with roles, lists them owners first then by name, and refuses duplicates', async () => {
        const olive = await user('olive@example.test', 'Olive');
        const eve = await user('eve@example.test', 'Eve');
        const vic = await user('vic@example.test', 'Vic');
        const ava = await user('ava@example.test', 'Ava');
        const ws = await db.workspaces.create({ name: 'W' }, olive.id);
        expect(await db.members.add(ws.id, vic.id, 'viewer')).toEqual({
          ok: true,
          member: { userId: vic.id, email: 'vic@example.test', name: 'Vic', role: 'viewer' },
        });
        await db.members.add(ws.id, eve.id, 'editor');
        await db.members.add(ws.id, ava.id, 'viewer');
        expect(await db.members.add(ws.id, eve.id, 'viewer')).toEqual({ ok: false, reason: 'conflict' });
        expect(await db.members.add(ws.id, '00000000-0000-4000-8000-000000000000', 'viewer')).toEqual({
          ok: false,
          reason: 'not-found',
        });
        expect(await db.members.add('00000000-0000-4000-8000-000000000000', eve.id, 'viewer')).toEqual({
          ok: false,
          reason: 'not-found',
        });
        expect((await db.members.list(ws.id)).map((m) => [m.name, m.role])).toEqual([
          ['Olive', 'owner'],
          ['Eve', 'editor'],
          ['Ava', 'viewer'],
          ['Vic', 'viewer'],
        ]);
        expect(await db.members.roleOf(ws.id, eve.id)).toBe('editor');
        expect(await db.members.roleOf(ws.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
        expect(await db.members.countOwners(ws.id)).toBe(1);
      });

      it('changes roles and removes members, but never the last owner', async () => {
        const olive = await user('olive@example.test', 'Olive');
        const eve = await user('eve@example.test', 'Eve');
        const ws = await db.workspaces.create({ name: 'W' }, olive.id);
        expect(await db.members.setRole(ws.id, olive.id, 'editor')).toEqual({
          ok: false,
          reason: 'last-owner',
        });
        expect(await db.members.remove(ws.id, olive.id)).toEqual({ ok: false, reason: 'last-owner' });
        expect(await db.members.setRole(ws.id, eve.id, 'editor')).toEqual({ ok: false, reason: 'not-found' });
        expect(await db.members.remove(ws.id, eve.id)).toEqual({ ok: false, reason: 'not-found' });

        await db.members.add(ws.id, eve.id, 'viewer');
        expect(await db.members.setRole(ws.id, eve.id, 'owner')).toEqual({
          ok: true,
          member: { userId: eve.id, email: 'eve@example.test', name: 'Eve', role: 'owner' },
          previousRole: 'viewer',
        });
        expect(await db.members.countOwners(ws.id)).toBe(2);
        expect(await db.members.setRole(ws.id, olive.id, 'viewer')).toMatchObject({
          ok: true,
          previousRole: 'owner',
        });
        expect(await db.members.remove(ws.id, eve.id)).toEqual({ ok: false, reason: 'last-owner' });
        expect(await db.members.remove(ws.id, olive.id)).toEqual({ ok: true, previousRole: 'viewer' });
        expect(await db.members.roleOf(ws.id, olive.id)).toBeNull();
        expect(await db.workspaces.listForUser(olive.id)).toEqual([]);
      });

      it('lets only one of two owners demoting each other at the same time succeed', async () => {
        const a = await user('a@example.test');
        const b = await user('b@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, a.id);
        await db.members.add(ws.id, b.id, 'owner');
        const results = await Promise.all([
          db.members.setRole(ws.id, a.id, 'editor'),
          db.members.setRole(ws.id, b.id, 'editor'),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'last-owner' }]);
        expect(await db.members.countOwners(ws.id)).toBe(1);
      });

      it('deletes a workspace with everything in it, but keeps its users and its audit trail', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'Doomed' }, owner.id);
        const keep = await db.workspaces.create({ name: 'Kept' }, owner.id);
        const journey = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const kept = await db.journeys.create(keep.id, bookingJourney(), owner.id);
        const p = await db.personas.create(ws.id, persona(), owner.id);
        const tpl = await db.templates.create(ws.id, template('Doomed template'), owner.id);
        const source = await db.dataSources.create({
          workspaceId: ws.id,
          name: 'March',
          format: 'csv',
          createdBy: owner.id,
        });
        const job = await db.jobs.create({ workspaceId: ws.id, kind: 'import' });
        await db.sessions.create({
          tokenHash: 't',
          userId: owner.id,
          csrfToken: 'c',
          expiresAt: '2030-01-01T00:00:00Z',
        });
        await db.audit.append({
          workspaceId: ws.id,
          actorId: owner.id,
          action: 'workspace.delete',
          entityType: 'workspace',
          entityId: ws.id,
          beforeVersion: null,
          afterVersion: null,
        });

        expect(await db.workspaces.delete(ws.id)).toBe(true);
        expect(await db.workspaces.delete(ws.id)).toBe(false);
        expect(await db.workspaces.get(ws.id)).toBeNull();
        expect(await db.members.list(ws.id)).toEqual([]);
        expect(await db.journeys.get(journey.id)).toBeNull();
        expect(await db.personas.get(p.id)).toBeNull();
        expect(await db.templates.get(tpl.id)).toBeNull();
        expect(await db.dataSources.get(source.id)).toBeNull();
        expect(await db.jobs.get(job.id)).toBeNull();
        expect(await db.journeys.get(kept.id)).toEqual(kept);
        expect(await db.users.findById(owner.id)).toEqual(owner);
        expect(await db.sessions.find('t', '2029-01-01T00:00:00.000Z')).not.toBeNull();
        expect((await db.audit.list(ws.id)).map((e) => e.action)).toEqual(['workspace.delete']);
        expect(await db.workspaces.listForUser(owner.id)).toEqual([{ ...keep }]);
      });
    });

    describe('journeys', () => {
      async function setup() {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        return { owner, ws };
      }

      it('creates at version 1 and reads back the same document', async () => {
        const { owner, ws } = await setup();
        const doc = bookingJourney();
        const journey = await db.journeys.create(ws.id, doc, owner.id);
        expect(journey).toEqual({
          id: expect.stringMatching(UUID),
          workspaceId: ws.id,
          version: 1,
          createdAt: expect.stringMatching(ISO_UTC),
          updatedAt: journey.createdAt,
          updatedBy: owner.id,
          document: doc,
        });
        expect(await db.journeys.get(journey.id)).toEqual(journey);
        expect(await db.journeys.get('00000000-0000-4000-8000-000000000000')).toBeNull();
      });

      it('migrates a document stored at an older schema version when it is read', async () => {
        const { owner, ws } = await setup();
        // Written before steps named several activities: one `activity` per step (schema version 1).
        const old = {
          ...bookingJourney(),
          schemaVersion: 1,
          stages: [
            {
              id: 'st',
              name: 'Referral',
              steps: [{ id: 'sp', name: 'Placed', activity: 'referral.placed' }],
            },
          ],
          cards: [],
          emotions: [],
        } as unknown as JourneyContent;
        const journey = await db.journeys.create(ws.id, old, owner.id);
        const read = await db.journeys.get(journey.id);
        expect(read?.document.schemaVersion).toBe(JOURNEY_SCHEMA_VERSION);
        expect(read?.document.stages[0]?.steps[0]?.activities).toEqual(['referral.placed']);
      });

      it('lists summaries without documents, most recently updated first, per workspace', async () => {
        const { owner, ws } = await setup();
        const other = await db.workspaces.create({ name: 'Other' }, owner.id);
        const first = await db.journeys.create(ws.id, bookingJourney({ name: 'First' }), owner.id);
        await pause(3);
        const second = await db.journeys.create(ws.id, bookingJourney({ name: 'Second' }), null);
        await db.journeys.create(other.id, bookingJourney({ name: 'Elsewhere' }), owner.id);
        await pause(3);
        const updated = await db.journeys.update(
          first.id,
          1,
          bookingJourney({ name: 'First, revised' }),
          owner.id,
        );
        expect(updated.ok).toBe(true);
        const list = await db.journeys.list(ws.id);
        expect(list.map((j) => j.name)).toEqual(['First, revised', 'Second']);
        expect(list[1]).toEqual({
          id: second.id,
          workspaceId: ws.id,
          name: 'Second',
          status: 'researched',
          ownerId: null,
          personaIds: ['persona-1'],
          tags: ['dental', 'booking'],
          reviewCadenceDays: 30,
          lastReviewedAt: '2026-01-15',
          version: 1,
          createdAt: second.createdAt,
          updatedAt: second.updatedAt,
          updatedBy: null,
        });
        expect(list[0]).toMatchObject({ id: first.id, version: 2 });
        expect(list[0]).not.toHaveProperty('document');
      });

      it('lets the first of two saves based on version 1 win; the second gets a conflict with the winner’s content', async () => {
        const { owner, ws } = await setup();
        const editor = await user('editor@example.test');
        const journey = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const alice = bookingJourney({ cardText: 'Alice: phone queue is long' });
        const bob = bookingJourney({ cardText: 'Bob: voicemail is full' });

        const first = await db.journeys.update(journey.id, 1, alice, owner.id);
        expect(first).toMatchObject({
          ok: true,
          journey: { version: 2, document: alice, updatedBy: owner.id },
        });
        const second = await db.journeys.update(journey.id, 1, bob, editor.id);
        expect(second).toEqual({
          ok: false,
          reason: 'conflict',
          current: first.ok ? first.journey : null,
        });
        if (second.ok || second.reason !== 'conflict') return;
        expect(second.current.version).toBe(2);
        expect(second.current.document.cards[0]?.text).toBe('Alice: phone queue is long');

        // Bob rebases on version 2 and saves: nothing was lost.
        const retry = await db.journeys.update(journey.id, 2, bob, editor.id);
        expect(retry).toMatchObject({ ok: true, journey: { version: 3, updatedBy: editor.id } });
        expect(await db.journeys.update('00000000-0000-4000-8000-000000000000', 1, bob, null)).toEqual({
          ok: false,
          reason: 'not-found',
        });
      });

      it('accepts exactly one of many concurrent saves from the same version', async () => {
        const { owner, ws } = await setup();
        const journey = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const results = await Promise.all(
          [1, 2, 3, 4, 5, 6].map((n) =>
            db.journeys.update(journey.id, 1, bookingJourney({ cardText: `save ${n}` }), null),
          ),
        );
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        const winner = winners[0];
        if (!winner?.ok) return;
        for (const r of results.filter((x) => !x.ok))
          expect(r).toMatchObject({ reason: 'conflict', current: { version: 2 } });
        const stored = await db.journeys.get(journey.id);
        expect(stored?.version).toBe(2);
        expect(stored?.document).toEqual(winner.journey.document);
      });

      it('deletes only at the expected version when one is given', async () => {
        const { owner, ws } = await setup();
        const a = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const b = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        await db.journeys.update(a.id, 1, bookingJourney({ name: 'Changed' }), owner.id);
        expect(await db.journeys.delete(a.id, 1)).toMatchObject({
          ok: false,
          reason: 'conflict',
          current: { version: 2 },
        });
        expect(await db.journeys.delete(a.id, 2)).toMatchObject({
          ok: true,
          journey: { id: a.id, version: 2 },
        });
        expect(await db.journeys.delete(a.id, 2)).toEqual({ ok: false, reason: 'not-found' });
        expect(await db.journeys.delete(b.id)).toEqual({ ok: true, journey: b });
        expect(await db.journeys.list(ws.id)).toEqual([]);
      });
    });

    describe('personas', () => {
      it('keeps a versioned persona library per workspace', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const other = await db.workspaces.create({ name: 'Other' }, owner.id);
        const riley = await db.personas.create(ws.id, persona('Riley Sample'), owner.id);
        expect(riley).toEqual({
          ...persona('Riley Sample'),
          id: expect.stringMatching(UUID),
          workspaceId: ws.id,
          version: 1,
          updatedAt: expect.stringMatching(ISO_UTC),
        });
        const avery = await db.personas.create(ws.id, persona('Avery Example'), owner.id);
        await db.personas.create(other.id, persona('Elsewhere'), owner.id);
        expect((await db.personas.list(ws.id)).map((p) => p.name)).toEqual(['Avery Example', 'Riley Sample']);
        expect(await db.personas.get(riley.id)).toEqual(riley);

        const renamed = { ...persona('Riley Sample'), quote: 'I just want a call back.' };
        const saved = await db.personas.update(riley.id, 1, renamed, owner.id);
        expect(saved).toMatchObject({ ok: true, persona: { version: 2, quote: 'I just want a call back.' } });
        const stale = await db.personas.update(riley.id, 1, persona('Stale'), owner.id);
        expect(stale).toMatchObject({
          ok: false,
          reason: 'conflict',
          current: { version: 2, name: 'Riley Sample' },
        });
        expect(await db.personas.update('00000000-0000-4000-8000-000000000000', 1, renamed, null)).toEqual({
          ok: false,
          reason: 'not-found',
        });
        expect(await db.personas.delete(riley.id, 1)).toMatchObject({ ok: false, reason: 'conflict' });
        expect(await db.personas.delete(riley.id, 2)).toMatchObject({ ok: true, persona: { id: riley.id } });
        expect(await db.personas.delete(avery.id)).toEqual({ ok: true, persona: avery });
        expect(await db.personas.delete(avery.id)).toEqual({ ok: false, reason: 'not-found' });
        expect(await db.personas.list(ws.id)).toEqual([]);
      });
    });

    describe('templates', () => {
      it('keeps versioned templates per workspace', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const other = await db.workspaces.create({ name: 'Other' }, owner.id);
        const intake = await db.templates.create(ws.id, template('Intake flow'), owner.id);
        expect(intake).toEqual({
          ...template('Intake flow'),
          id: expect.stringMatching(UUID),
          workspaceId: ws.id,
          version: 1,
          createdAt: expect.stringMatching(ISO_UTC),
          createdBy: owner.id,
          updatedAt: expect.stringMatching(ISO_UTC),
          updatedBy: owner.id,
        });
        const booking = await db.templates.create(ws.id, template('Booking flow'), null);
        await db.templates.create(other.id, template('Elsewhere'), owner.id);
        expect((await db.templates.list(ws.id)).map((t) => t.name)).toEqual(['Booking flow', 'Intake flow']);
        expect(await db.templates.get(intake.id)).toEqual(intake);

        const renamed = { ...template('Intake flow, revised'), summary: 'Now with triage' };
        const saved = await db.templates.update(intake.id, 1, renamed, owner.id);
        expect(saved).toMatchObject({
          ok: true,
          template: {
            version: 2,
            name: 'Intake flow, revised',
            summary: 'Now with triage',
            createdAt: intake.createdAt,
          },
        });
        expect((await db.templates.list(ws.id)).map((t) => t.name)).toEqual([
          'Booking flow',
          'Intake flow, revised',
        ]);
        const stale = await db.templates.update(intake.id, 1, template('Stale'), owner.id);
        expect(stale).toMatchObject({
          ok: false,
          reason: 'conflict',
          current: { version: 2, name: 'Intake flow, revised' },
        });
        expect(await db.templates.update('00000000-0000-4000-8000-000000000000', 1, renamed, null)).toEqual({
          ok: false,
          reason: 'not-found',
        });
        expect(await db.templates.delete(intake.id, 1)).toMatchObject({ ok: false, reason: 'conflict' });
        expect(await db.templates.delete(intake.id, 2)).toMatchObject({
          ok: true,
          template: { id: intake.id },
        });
        expect(await db.templates.delete(booking.id)).toEqual({ ok: true, template: booking });
        expect(await db.templates.delete(booking.id)).toEqual({ ok: false, reason: 'not-found' });
        expect(await db.templates.list(ws.id)).toEqual([]);
        expect(await db.templates.list(other.id)).toHaveLength(1);
      });
    });

    describe('audit log and transactions', () => {
      it('appends entries and lists them newest first, paged by seq, per workspace', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const base = { actorId: owner.id, entityType: 'journey', beforeVersion: null, afterVersion: null };
        const e1 = await db.audit.append({
          ...base,
          workspaceId: ws.id,
          action: 'journey.create',
          entityId: 'j1',
          afterVersion: 1,
        });
        expect(e1).toEqual({
          id: expect.stringMatching(UUID),
          seq: expect.any(Number),
          workspaceId: ws.id,
          actorId: owner.id,
          action: 'journey.create',
          entityType: 'journey',
          entityId: 'j1',
          beforeVersion: null,
          afterVersion: 1,
          detail: {},
          at: expect.stringMatching(ISO_UTC),
        });
        await db.audit.append({
          ...base,
          workspaceId: null,
          action: 'user.create',
          entityType: 'user',
          entityId: owner.id,
        });
        const e2 = await db.audit.append({
          ...base,
          workspaceId: ws.id,
          action: 'journey.update',
          entityId: 'j1',
          beforeVersion: 1,
          afterVersion: 2,
          detail: { name: 'Booking', cards: 3, archived: false },
        });
        const e3 = await db.audit.append({
          ...base,
          workspaceId: ws.id,
          action: 'journey.delete',
          entityId: 'j1',
          beforeVersion: 2,
        });
        expect(e2.detail).toEqual({ name: 'Booking', cards: 3, archived: false });

        expect((await db.audit.list(ws.id)).map((e) => e.action)).toEqual([
          'journey.delete',
          'journey.update',
          'journey.create',
        ]);
        expect(await db.audit.list(ws.id, { limit: 2 })).toEqual([e3, e2]);
        expect(await db.audit.list(ws.id, { limit: 2, before: e2.seq })).toEqual([e1]);
        expect((await db.audit.list(null)).map((e) => e.action)).toEqual(['user.create']);
        expect(e1.seq < e2.seq && e2.seq < e3.seq).toBe(true);
      });

      it('commits a write and its audit entry together, or neither', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const journey = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const audited = (tx: Database, before: number, after: number) =>
          tx.audit.append({
            workspaceId: ws.id,
            actorId: owner.id,
            action: 'journey.update',
            entityType: 'journey',
            entityId: journey.id,
            beforeVersion: before,
            afterVersion: after,
          });

        await expect(
          db.transaction(async (tx) => {
            const saved = await tx.journeys.update(journey.id, 1, bookingJourney({ name: 'Lost' }), owner.id);
            expect(saved.ok).toBe(true);
            await audited(tx, 1, 2);
            throw new Error('simulated failure after the audit entry');
          }),
        ).rejects.toThrow('simulated failure after the audit entry');
        expect(await db.journeys.get(journey.id)).toEqual(journey);
        expect(await db.audit.list(ws.id)).toEqual([]);

        const result = await db.transaction(async (tx) => {
          const saved = await tx.journeys.update(journey.id, 1, bookingJourney({ name: 'Kept' }), owner.id);
          if (!saved.ok) throw new Error('unexpected conflict');
          await audited(tx, 1, saved.journey.version);
          return saved.journey.version;
        });
        expect(result).toBe(2);
        expect((await db.journeys.get(journey.id))?.document.name).toBe('Kept');
        expect((await db.audit.list(ws.id)).map((e) => [e.beforeVersion, e.afterVersion])).toEqual([[1, 2]]);
      });

      it('keeps concurrent audited saves of one journey consistent: one wins, one audit entry', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const journey = await db.journeys.create(ws.id, bookingJourney(), owner.id);
        const attempt = (n: number) =>
          db.transaction(async (tx) => {
            const saved = await tx.journeys.update(
              journey.id,
              1,
              bookingJourney({ cardText: `tab ${n}` }),
              owner.id,
            );
            if (!saved.ok) return saved.reason;
            await tx.audit.append({
              workspaceId: ws.id,
              actorId: owner.id,
              action: 'journey.update',
              entityType: 'journey',
              entityId: journey.id,
              beforeVersion: 1,
              afterVersion: saved.journey.version,
              detail: { tab: n },
            });
            return 'saved';
          });
        const outcomes = await Promise.all([1, 2, 3, 4].map(attempt));
        expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(3);
        const entries = await db.audit.list(ws.id);
        expect(entries).toHaveLength(1);
        const stored = await db.journeys.get(journey.id);
        expect(stored?.document.cards[0]?.text).toBe(`tab ${entries[0]?.detail.tab}`);
      });

      it('refuses an oversized audit detail, naming the action', async () => {
        await expect(
          db.audit.append({
            workspaceId: null,
            actorId: null,
            action: 'journey.import',
            entityType: 'journey',
            entityId: null,
            beforeVersion: null,
            afterVersion: null,
            detail: { note: 'x'.repeat(5000) },
          }),
        ).rejects.toThrow('audit detail for journey.import is 5011 characters; keep it under 4096');
      });

      it('rolls back a nested transaction on its own (savepoint) and refuses close() inside one', async () => {
        await db.transaction(async (tx) => {
          await tx.users.create({
            email: 'outer@example.test',
            name: 'Outer',
            passwordHash: 'h',
            isAdmin: false,
          });
          await expect(
            tx.transaction(async (inner) => {
              await inner.users.create({
                email: 'inner@example.test',
                name: 'Inner',
                passwordHash: 'h',
                isAdmin: false,
              });
              throw new Error('inner fails');
            }),
          ).rejects.toThrow('inner fails');
          await expect(tx.close()).rejects.toThrow('close() called on a transaction handle');
        });
        expect((await db.users.list()).map((u) => u.email)).toEqual(['outer@example.test']);
      });
    });

    describe('data sources and jobs', () => {
      it('tracks a data source from pending to ready with counts and a skipped-rows report', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const source = await db.dataSources.create({
          workspaceId: ws.id,
          name: 'March export',
          format: 'csv',
          createdBy: owner.id,
        });
        expect(source).toEqual({
          id: expect.stringMatching(UUID),
          workspaceId: ws.id,
          name: 'March export',
          format: 'csv',
          status: 'pending',
          eventCount: null,
          caseCount: null,
          error: null,
          skippedReport: null,
          settings: null,
          createdBy: owner.id,
          createdAt: expect.stringMatching(ISO_UTC),
          updatedAt: source.createdAt,
        });
        const report = { skipped: 2, reasons: [{ line: 7, reason: 'timestamp "31/02/2026" is not a date' }] };
        const ready = await db.dataSources.update(source.id, {
          status: 'ready',
          eventCount: 1_204_331,
          caseCount: 20_000,
          skippedReport: report,
        });
        expect(ready).toMatchObject({
          status: 'ready',
          eventCount: 1_204_331,
          caseCount: 20_000,
          skippedReport: report,
        });
        await pause(3);
        const second = await db.dataSources.create({
          workspaceId: ws.id,
          name: 'April',
          format: 'xes',
          createdBy: null,
        });
        expect((await db.dataSources.list(ws.id)).map((d) => d.id)).toEqual([second.id, source.id]);
        expect(
          await db.dataSources.update('00000000-0000-4000-8000-000000000000', { status: 'failed' }),
        ).toBeNull();
        expect(await db.dataSources.delete(source.id)).toBe(true);
        expect(await db.dataSources.delete(source.id)).toBe(false);
      });

      it('moves a job through queued, running and succeeded or failed, stamping the times', async () => {
        const owner = await user('owner@example.test');
        const ws = await db.workspaces.create({ name: 'W' }, owner.id);
        const job = await db.jobs.create({
          workspaceId: ws.id,
          kind: 'import',
          input: { dataSourceId: 'd1' },
        });
        expect(job).toEqual({
          id: expect.stringMatching(UUID),
          workspaceId: ws.id,
          kind: 'import',
          status: 'queued',
          progress: 0,
          input: { dataSourceId: 'd1' },
          result: null,
          error: null,
          createdAt: expect.stringMatching(ISO_UTC),
          startedAt: null,
          finishedAt: null,
        });
        const running = await db.jobs.update(job.id, { status: 'running', progress: 0.25 });
        expect(running).toMatchObject({ status: 'running', progress: 0.25, finishedAt: null });
        expect(running?.startedAt).toMatch(ISO_UTC);
        const done = await db.jobs.update(job.id, { status: 'succeeded', result: { events: 10 } });
        expect(done).toMatchObject({
          status: 'succeeded',
          progress: 1,
          result: { events: 10 },
          startedAt: running?.startedAt,
        });
        expect(done?.finishedAt).toMatch(ISO_UTC);
        await expect(db.jobs.update(job.id, { progress: 1.5 })).rejects.toThrow(
          'job progress must be within 0..1, got 1.5',
        );

        await pause(3);
        const failed = await db.jobs.create({ workspaceId: ws.id, kind: 'analyze' });
        const f = await db.jobs.update(failed.id, { status: 'failed', error: 'file is empty' });
        expect(f).toMatchObject({ status: 'failed', progress: 0, error: 'file is empty' });
        expect(f?.startedAt).toMatch(ISO_UTC);
        expect((await db.jobs.list(ws.id)).map((j) => j.kind)).toEqual(['analyze', 'import']);
        expect(await db.jobs.list(ws.id, { limit: 1 })).toHaveLength(1);
        expect(await db.jobs.get('00000000-0000-4000-8000-000000000000')).toBeNull();

        // After a restart nothing runs the jobs left queued or running: they are failed, finished ones stay.
        const queued = await db.jobs.create({ workspaceId: null, kind: 'import' });
        const started = await db.jobs.create({ workspaceId: ws.id, kind: 'import' });
        await db.jobs.update(started.id, { status: 'running', progress: 0.5 });
        expect(await db.jobs.failUnfinished('interrupted by a restart')).toBe(2);
        expect(await db.jobs.get(queued.id)).toMatchObject({
          status: 'failed',
          error: 'interrupted by a restart',
        });
        expect(await db.jobs.get(started.id)).toMatchObject({ status: 'failed', progress: 0.5 });
        expect((await db.jobs.get(started.id))?.finishedAt).toMatch(ISO_UTC);
        expect(await db.jobs.get(job.id)).toMatchObject({ status: 'succeeded', error: null });
        expect(await db.jobs.failUnfinished('again')).toBe(0);
        expect(
          await db.jobs.update('00000000-0000-4000-8000-000000000000', { status: 'running' }),
        ).toBeNull();
      });
    });
  });
}

/** A small template body built from the fixtures. */
function template(name: string): TemplateContent {
  return {
    name,
    summary: 'A synthetic template',
    category: 'clinic',
    journey: bookingJourney({ name }),
    personas: [{ ...persona('Riley Sample'), id: 'persona-1' }],
  };
}
