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
import type { Evidence } from '../evidence/evidence';
import type { OperationDeps } from '../operations/deps';
import { createDocument } from '../operations/documents';
import { importFile } from '../operations/import-local-file';
import { addMember, createWorkspace, deleteWorkspace } from '../operations/workspaces';
import { customiseTemplate } from './customise-template';
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
  const { db, ownerId } = options;
  const patients = options.patients ?? DEMO_PATIENTS;
  const say = options.progress ?? (() => {});
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const { workspace, journeyIds, personaIds } = await db.transaction(async (tx) => {
    const detail = { demo: true };
    const workspace = await createWorkspace(tx, { name: DEMO_WORKSPACE_NAME, ownerId, detail });
    const fact = { workspaceId: workspace.id, actorId: ownerId, detail };
    const personaIds = {} as Record<DemoPersonaKey, string>;
    for (const [key, input] of Object.entries(RIVERSIDE_PERSONAS) as [DemoPersonaKey, unknown][]) {
      const content = PersonaContent.parse(input);
      personaIds[key] = (await createDocument(tx, { kind: 'persona', ...fact, content })).id;
    }
    // Lists show the most recently updated journey first: create the one to open last.
    const journeyIds: string[] = [];
    for (const spec of [...DEMO_JOURNEYS].reverse()) {
      const content = customiseTemplate(spec, personaIds, ownerId, today);
      journeyIds.unshift((await createDocument(tx, { kind: 'journey', ...fact, content })).id);
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
    const { source } = await importFile(options, {
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
    await dropDemo(options, workspace.id, ownerId);
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

/** Deletes a demo workspace with its event database, key and uploads, and waits until they are gone. */
async function dropDemo(deps: OperationDeps, workspaceId: string, actorId: string | null) {
  await deleteWorkspace(deps, { workspaceId, actorId, detail: { demo: true } });
  await deps.evidence.jobs.idle();
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
  const { db } = options;
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
  for (const id of existing) await dropDemo(options, id, null);
  const summary = await seedDemo({ ...options, ownerId });
  for (const [userId, role] of members) {
    if (userId !== ownerId)
      await addMember(db, { workspaceId: summary.workspaceId, userId, role, actorId: null });
  }
  return { ...summary, removed: existing.length };
}
