import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnalysisResult, analyze, loadOrCreateKey, openEventStore } from '@pathlight/analytics';
import type { JourneyContent } from '@pathlight/core';
import { createDatabase, type Database } from '@pathlight/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workspacePaths } from '../evidence/event-stores';
import { Evidence } from '../evidence/evidence';
import { memoryLogger } from '../logger';
import { DEMO_PATIENTS, DEMO_WORKSPACE_NAME } from './riverside';
import { type DemoSummary, findDemoWorkspaces, resetDemo, seedDemo } from './seed-demo';

interface Seeded {
  dir: string;
  db: Database;
  summary: DemoSummary;
  journeys: JourneyContent[];
  personaNames: Map<string, string>;
  analyses: AnalysisResult[];
}

/** Seeds the full-size demo into a fresh data directory and analyses each journey on the stored events. */
async function seedInto(): Promise<Seeded> {
  const dir = await mkdtemp(join(tmpdir(), 'pathlight-demo-test-'));
  const db = await createDatabase();
  const made = await db.users.create({
    email: 'owner@riverside.test',
    name: 'Owner',
    passwordHash: 'x',
    isAdmin: true,
  });
  if (!made.ok) throw new Error('user');
  const evidence = new Evidence(db, memoryLogger(), { dataDir: dir });
  const summary = await seedDemo({ db, evidence, ownerId: made.user.id });
  await evidence.close();
  const journeys = await Promise.all(
    summary.journeyIds.map(async (id) => {
      const j = await db.journeys.get(id);
      if (!j) throw new Error(`journey ${id}`);
      return j.document;
    }),
  );
  const personaNames = new Map((await db.personas.list(summary.workspaceId)).map((p) => [p.id, p.name]));
  const paths = workspacePaths(dir, summary.workspaceId);
  const store = await openEventStore({ path: paths.events, key: await loadOrCreateKey(paths.key) });
  try {
    const analyses = [];
    for (const journey of journeys) analyses.push(await analyze(store.connection, { journey }));
    return { dir, db, summary, journeys, personaNames, analyses };
  } finally {
    store.close();
  }
}

/** A journey document with storage-given ids (owner, personas) replaced by stable names. */
function comparable(doc: JourneyContent, names: Map<string, string>, ownerId: string) {
  const text = JSON.stringify(doc)
    .replaceAll(ownerId, 'OWNER')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? id);
  return JSON.parse(text) as unknown;
}

describe('seedDemo (full size, twice)', () => {
  let a: Seeded;
  let b: Seeded;

  beforeAll(async () => {
    a = await seedInto();
    b = await seedInto();
  }, 240_000);

  afterAll(async () => {
    for (const s of [a, b]) {
      if (!s) continue;
      await s.db.close();
      await rm(s.dir, { recursive: true, force: true });
    }
  });

  test('imports about 20,000 patients and 500,000 events in well under 60 s', () => {
    console.log(
      `demo seeding: ${a.summary.seconds.toFixed(1)} s and ${b.summary.seconds.toFixed(1)} s; ` +
        `${a.summary.patients} patients, ${a.summary.events} events`,
    );
    expect(a.summary.patients).toBe(DEMO_PATIENTS);
    expect(a.summary.events).toBeGreaterThan(450_000);
    expect(a.summary.events).toBeLessThan(550_000);
    expect(a.summary.seconds).toBeLessThan(60);
  });

  test('same seed, same numbers and the same documents', () => {
    expect(b.summary.events).toBe(a.summary.events);
    expect(b.analyses.map((x) => x.summary)).toEqual(a.analyses.map((x) => x.summary));
    expect(b.analyses.map((x) => [x.funnel, x.kpis, x.conformance])).toEqual(
      a.analyses.map((x) => [x.funnel, x.kpis, x.conformance]),
    );
    const ownerA = a.journeys[0]?.ownerId ?? '';
    const ownerB = b.journeys[0]?.ownerId ?? '';
    expect(b.journeys.map((j) => comparable(j, b.personaNames, ownerB))).toEqual(
      a.journeys.map((j) => comparable(j, a.personaNames, ownerA)),
    );
  });

  test('every journey shows live numbers on at least five steps, and its KPIs have values', () => {
    for (const [i, result] of a.analyses.entries()) {
      const name = a.journeys[i]?.name;
      const lit = (result.funnel ?? []).filter((s) => s.cases > 0);
      expect(lit.length, name).toBeGreaterThanOrEqual(5);
      for (const kpi of result.kpis ?? []) expect(kpi.value, `${name}: ${kpi.id}`).not.toBeNull();
      expect(result.conformance, name).toBeDefined();
    }
  });

  test('the referral journey shows the bottleneck: received → triaged is the longest wait before booking', () => {
    const referral = a.analyses[1]?.funnel ?? [];
    const booked = referral.findIndex((s) => s.step === 'First surgical consult booked');
    expect(booked).toBeGreaterThan(0);
    const waits = referral.slice(0, booked + 1).filter((s) => s.medianSecondsFromPrevious !== null);
    const worst = waits.reduce((x, y) =>
      (y.medianSecondsFromPrevious ?? 0) > (x.medianSecondsFromPrevious ?? 0) ? y : x,
    );
    expect(worst.step).toBe('Surgeon triages the referral');
    // About twelve days in the generator.
    expect((worst.medianSecondsFromPrevious ?? 0) / 86_400).toBeGreaterThan(9);
  });

  test('every journey is mapped to the activities in the log, all of which occur', () => {
    const counts = new Map(a.analyses[0]?.activities.map((x) => [x.name, x.events]));
    for (const step of a.journeys.flatMap((j) => j.stages.flatMap((s) => s.steps)))
      for (const activity of step.activities) expect(counts.get(activity), activity).toBeGreaterThan(0);
  });

  test('no temp file or upload is left behind', async () => {
    expect(await readdir(join(a.dir, 'uploads', a.summary.workspaceId)).catch(() => [])).toEqual([]);
    expect((await a.db.dataSources.list(a.summary.workspaceId)).map((s) => [s.status, s.eventCount])).toEqual(
      [['ready', a.summary.events]],
    );
  });
});

describe('resetDemo', () => {
  test('replaces the demo workspace and its events, keeping its members', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathlight-demo-reset-'));
    const db = await createDatabase();
    try {
      const admin = await db.users.create({
        email: 'a@riverside.test',
        name: 'Admin',
        passwordHash: 'x',
        isAdmin: true,
      });
      const viewer = await db.users.create({
        email: 'v@riverside.test',
        name: 'Viewer',
        passwordHash: 'x',
        isAdmin: false,
      });
      if (!admin.ok || !viewer.ok) throw new Error('users');
      const evidence = new Evidence(db, memoryLogger(), { dataDir: dir });
      const first = await seedDemo({ db, evidence, ownerId: admin.user.id, patients: 300 });
      await db.members.add(first.workspaceId, viewer.user.id, 'viewer');
      const again = await resetDemo({ db, evidence, patients: 300 });
      expect(again.removed).toBe(1);
      expect(again.events).toBe(first.events);
      expect(await findDemoWorkspaces(db)).toEqual([again.workspaceId]);
      expect(await db.workspaces.get(first.workspaceId)).toBeNull();
      expect((await db.members.list(again.workspaceId)).map((m) => [m.email, m.role])).toEqual([
        ['a@riverside.test', 'owner'],
        ['v@riverside.test', 'viewer'],
      ]);
      expect(await readdir(join(dir, 'workspaces'))).toEqual([again.workspaceId]);
      expect((await db.workspaces.listForUser(admin.user.id)).map((w) => w.name)).toEqual([
        DEMO_WORKSPACE_NAME,
      ]);
      await evidence.close();
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
