import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { generateEventLog } from '@pathlight/analytics';
import { PersonaContent, type Role } from '@pathlight/core';
import type { Database } from '@pathlight/db';
import { audit } from '../audit';
import type { Evidence } from '../evidence/evidence';
import { customiseTemplate } from './customise-template';
import { importFile } from './import-file';
import {
  DEMO_ARRIVAL_DAYS,
  DEMO_EXPORT_END,
  DEMO_JOURNEYS,
  DEMO_PATIENTS,
  DEMO_SEED,
  DEMO_SOURCE_NAME,
  DEMO_WORKSPACE_NAME,
} from './riverside';
import { type DemoPersonaKey, RIVERSIDE_PERSONAS } from './riverside-personas';

export interface SeedDemoOptions {
  db: Database;
  /** The server's event data (its data directory holds the demo's event database and key). */
  evidence: Evidence;
  /** Becomes the demo workspace's owner (at first run: the administrator just created). */
  ownerId: string;
  /** Generator size and seed; the defaults make the demo (tests use fewer patients). */
  patients?: number;
  seed?: string;
  /** Told what is happening, one short line per phase (no patient data). */
  progress?: (line: string) => void;
  /** The seeding day (`YYYY-MM-DD`, default today): the journeys' last-review dates count back from it. */
  today?: string;
}

export interface DemoSummary {
  workspaceId: string;
  /** Dental, referral, practice-wide: the first is the one to open. */
  journeyIds: string[];
  personaIds: string[];
  sourceId: string;
  patients: number;
  events: number;
  /** Wall time of the whole seeding, in seconds. */
  seconds: number;
}

/**
 * Seeds the fictional demo workspace "Riverside Family Dental & Medical": four personas, three
 * journeys customised from the templates and mapped to the generator's activities, and a generated
 * event log imported as a data source through the upload import path. Deterministic: the same seed
 * gives the same documents and the same numbers. A failure removes the half-made workspace.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const { db, evidence, ownerId } = options;
  const patients = options.patients ?? DEMO_PATIENTS;
  const say = options.progress ?? (() => {});
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const { workspace, journeyIds, personaIds } = await db.transaction(async (tx) => {
    const workspace = await tx.workspaces.create({ name: DEMO_WORKSPACE_NAME }, ownerId);
    const fact = { workspaceId: workspace.id, actorId: ownerId, detail: { demo: true } };
    await audit(tx, { ...fact, action: 'workspace.create', entityType: 'workspace', entityId: workspace.id });
    const personaIds = {} as Record<DemoPersonaKey, string>;
    for (const [key, input] of Object.entries(RIVERSIDE_PERSONAS) as [DemoPersonaKey, unknown][]) {
      const persona = await tx.personas.create(workspace.id, PersonaContent.parse(input), ownerId);
      personaIds[key] = persona.id;
      await audit(tx, {
        ...fact,
        action: 'persona.create',
        entityType: 'persona',
        entityId: persona.id,
        afterVersion: 1,
      });
    }
    // Lists show the most recently updated journey first: create the one to open last.
    const journeyIds: string[] = [];
    for (const spec of [...DEMO_JOURNEYS].reverse()) {
      const journey = await tx.journeys.create(
        workspace.id,
        customiseTemplate(spec, personaIds, ownerId, today),
        ownerId,
      );
      journeyIds.unshift(journey.id);
      await audit(tx, {
        ...fact,
        action: 'journey.create',
        entityType: 'journey',
        entityId: journey.id,
        afterVersion: 1,
      });
    }
    return { workspace, journeyIds, personaIds: Object.values(personaIds) };
  });

  const temp = await mkdtemp(join(tmpdir(), 'pathlight-demo-'));
  try {
    const raw = join(temp, 'generated.csv');
    const file = join(temp, 'riverside-events.csv');
    say(`generating the demo event log (${patients} synthetic patients)…`);
    await generateEventLog({
      patients,
      seed: options.seed ?? DEMO_SEED,
      out: raw,
      arrivalDays: DEMO_ARRIVAL_DAYS,
    });
    const kept = await exportWindow(raw, file, DEMO_EXPORT_END);
    await rm(raw);
    say(`importing ${kept} events…`);
    const { source } = await importFile(db, evidence, {
      workspaceId: workspace.id,
      file,
      name: DEMO_SOURCE_NAME,
      actorId: ownerId,
      via: 'demo',
    });
    return {
      workspaceId: workspace.id,
      journeyIds,
      personaIds,
      sourceId: source.id,
      patients: source.caseCount ?? 0,
      events: source.eventCount ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await deleteWorkspace(db, evidence, workspace.id, ownerId);
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Keeps the generated events before `end` (an ISO instant), like an export of a fixed window: journeys
 * still running at its end are cut short, as in any real export. Returns how many events were kept.
 */
async function exportWindow(input: string, output: string, end: string): Promise<number> {
  const out = createWriteStream(output);
  let kept = 0;
  let header = true;
  for await (const line of createInterface({
    input: createReadStream(input),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    // The generator writes case_id,activity,timestamp first, never quoted; ISO instants in Z sort as text.
    const timestamp = line.split(',', 3)[2] ?? '';
    if (!header && !(timestamp < end)) continue;
    if (!header) kept++;
    header = false;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return kept;
}

/** Deletes a workspace with its event database, key and uploads. */
async function deleteWorkspace(
  db: Database,
  evidence: Evidence,
  workspaceId: string,
  actorId: string | null,
) {
  await db.transaction(async (tx) => {
    await tx.workspaces.delete(workspaceId);
    await audit(tx, {
      workspaceId: null,
      actorId,
      action: 'workspace.delete',
      entityType: 'workspace',
      entityId: workspaceId,
      detail: { demo: true },
    });
  });
  evidence.dropWorkspace(workspaceId);
  await evidence.jobs.idle();
}

/** The demo workspaces (by name) across all accounts. */
export async function findDemoWorkspaces(db: Database): Promise<string[]> {
  const ids = new Set<string>();
  for (const user of await db.users.list())
    for (const w of await db.workspaces.listForUser(user.id))
      if (w.name === DEMO_WORKSPACE_NAME) ids.add(w.id);
  return [...ids];
}

/**
 * Rebuilds the demo: deletes every workspace named like it (with its event data) and seeds it again.
 * Its members keep their roles; the owner is its first owner, else the oldest active administrator.
 */
export async function resetDemo(
  options: Omit<SeedDemoOptions, 'ownerId'>,
): Promise<DemoSummary & { removed: number }> {
  const { db, evidence } = options;
  const existing = await findDemoWorkspaces(db);
  const members = new Map<string, Role>();
  for (const id of existing)
    for (const m of await db.members.list(id)) if (!members.has(m.userId)) members.set(m.userId, m.role);
  const ownerId =
    [...members].find(([, role]) => role === 'owner')?.[0] ??
    (await db.users.list()).find((u) => u.isAdmin && !u.disabled)?.id;
  if (ownerId === undefined)
    throw new Error(
      'there is no administrator to own the demo: start Pathlight once (npm start) to create one',
    );
  for (const id of existing) await deleteWorkspace(db, evidence, id, null);
  const summary = await seedDemo({ ...options, ownerId });
  for (const [userId, role] of members) {
    if (userId !== ownerId) await db.members.add(summary.workspaceId, userId, role);
  }
  return { ...summary, removed: existing.length };
}
