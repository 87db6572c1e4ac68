import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '../event-store';
import { pseudonymise } from '../pseudonymise';

/** The fixed key of every import test, so pseudonyms can be computed in assertions. */
export const TEST_KEY = Buffer.alloc(32, 7);

/** Pseudonym of a raw case id under TEST_KEY. */
export const pseudo = (id: string) => pseudonymise(TEST_KEY, id);

/** Absolute path of a file in `packages/analytics/test/fixtures`. */
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));

const scratchDirs: string[] = [];

/** A fresh scratch folder outside the repo; `removeScratch` deletes them all. */
export async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathlight-import-'));
  scratchDirs.push(dir);
  return dir;
}

/** Deletes every folder `scratch` made (call it in afterAll). */
export async function removeScratch(): Promise<void> {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface EventRow {
  case: string;
  activity: string;
  ts: string;
  channel: string | null;
  resource: string | null;
  lifecycle: string | null;
  cost: number | null;
  attrs: Record<string, unknown>;
  seq: number;
  source: string;
}

/** Every event, ordered the way analyses order them: (case, timestamp, sequence). */
export async function eventRows(store: EventStore): Promise<EventRow[]> {
  const rows = (
    await store.connection.runAndReadAll(
      `SELECT case_id, activity, strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') AS ts, channel, resource, lifecycle, cost,
        attrs::VARCHAR AS attrs, seq, source_id FROM events ORDER BY case_id, ts, seq`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => ({
    case: String(r.case_id),
    activity: String(r.activity),
    ts: String(r.ts),
    channel: (r.channel as string | null) ?? null,
    resource: (r.resource as string | null) ?? null,
    lifecycle: (r.lifecycle as string | null) ?? null,
    cost: r.cost === null ? null : Number(r.cost),
    attrs: r.attrs === null ? {} : (JSON.parse(String(r.attrs)) as Record<string, unknown>),
    seq: Number(r.seq),
    source: String(r.source_id),
  }));
}

/** Events of one raw case id, in order, as `activity@timestamp`. */
export function trail(rows: readonly EventRow[], rawCaseId: string): string[] {
  return rows.filter((r) => r.case === pseudo(rawCaseId)).map((r) => `${r.activity}@${r.ts}`);
}

/** Row count and highest seq: what "the events table is unchanged" is checked against. */
export async function tableState(store: EventStore): Promise<{ n: number; maxSeq: number }> {
  const row = (
    await store.connection.runAndReadAll('SELECT count(*) AS n, coalesce(max(seq), 0) AS m FROM events')
  ).getRowObjectsJS()[0]!;
  return { n: Number(row.n), maxSeq: Number(row.m) };
}
