import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Agent, type Harness, makeHarness } from '../../test/harness';
import { ProblemError } from '../problem';
import { FileImportError, importFile } from './import-local-file';
import { deleteSource, refreshSource, startImport } from './sources';
import { createWorkspace } from './workspaces';

// Fictional patients: three cases, two events each.
const CSV = [
  'case_id,activity,timestamp',
  'p1,lead.created,2026-01-05T08:00:00Z',
  'p1,visit.completed,2026-01-06T08:00:00Z',
  'p2,lead.created,2026-01-05T09:00:00Z',
  'p2,visit.completed,2026-01-06T09:00:00Z',
  'p3,lead.created,2026-01-05T10:00:00Z',
  'p3,visit.completed,2026-01-06T10:00:00Z',
].join('\n');
const BAD_DATES = 'case_id,activity,timestamp\np1,lead.created,not a date\n';

let h: Harness;
let dir: string;
let ownerId: string;
let owner: Agent;

async function events(workspaceId: string): Promise<{ sourceId: string; events: number }[]> {
  return (await h.evidence.stores.get(workspaceId)).sources();
}

async function auditOf(workspaceId: string, action: string) {
  return (await h.db.audit.list(workspaceId)).filter((e) => e.action === action);
}

async function localFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

beforeAll(async () => {
  h = await makeHarness();
  dir = await mkdtemp(join(tmpdir(), 'pathlight-operations-'));
  ownerId = (await h.user('olga@ops.test', 'Olga Owner')).id;
  owner = await h.agent('olga@ops.test').login();
});

afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

describe('import a file as a new source', () => {
  test('a local file (CLI, demo) and an upload through the route end in the same source, job and audit entry', async () => {
    const ws = await createWorkspace(h.db, { name: 'Same path', ownerId });
    const viaFile = await importFile(h, {
      workspaceId: ws.id,
      file: await localFile('clinic.csv', CSV),
      name: 'From the command line',
      actorId: null,
      via: 'cli',
    });

    const up = await owner.send('POST', `/api/workspaces/${ws.id}/uploads`, new TextEncoder().encode(CSV), {
      'x-filename': 'clinic.csv',
    });
    const { uploadId } = (await up.json()) as { uploadId: string };
    const made = await owner.json('POST', `/api/workspaces/${ws.id}/sources`, { uploadId, name: 'Uploaded' });
    expect(made.status).toBe(202);
    await h.evidence.jobs.idle();
    const viaRoute = await h.db.dataSources.get(made.body.source.id);

    for (const source of [viaFile.source, viaRoute]) {
      expect(source).toMatchObject({
        status: 'ready',
        format: 'csv',
        eventCount: 6,
        caseCount: 3,
        error: null,
      });
      expect(source?.settings).toMatchObject({ filename: 'clinic.csv', format: 'csv' });
    }
    expect(viaFile.job).toMatchObject({ kind: 'import', status: 'succeeded' });
    const created = await auditOf(ws.id, 'source.create');
    expect(created.map((e) => [e.entityId, e.actorId, e.entityType])).toEqual([
      [viaRoute?.id, ownerId, 'data_source'],
      [viaFile.source.id, null, 'data_source'],
    ]);
    // The same fields, and a local file also says how it came and its size.
    expect(created[1]?.detail).toEqual({ job: viaFile.job.id, format: 'csv', bytes: CSV.length, via: 'cli' });
    expect(created[0]?.detail).toEqual({ job: made.body.job.id, format: 'csv' });
    expect(await events(ws.id)).toHaveLength(2);
  });

  test('startImport of an upload that is not there is invalid and records nothing', async () => {
    const ws = await createWorkspace(h.db, { name: 'No upload', ownerId });
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = await startImport(h, {
      workspaceId: ws.id,
      name: 'Ghost',
      actorId: ownerId,
      import: { uploadId: missing },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).outcome).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'uploadId' }],
    });
    expect(await h.db.dataSources.list(ws.id)).toEqual([]);
    expect(await auditOf(ws.id, 'source.create')).toEqual([]);
  });

  test('a failing local file throws FileImportError with the job error and leaves a failed source, no events', async () => {
    const ws = await createWorkspace(h.db, { name: 'Bad dates', ownerId });
    const error = await importFile(h, {
      workspaceId: ws.id,
      file: await localFile('dates.csv', BAD_DATES),
      name: 'Bad',
      actorId: ownerId,
      via: 'demo',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileImportError);
    expect((error as Error).message).toMatch(/^dates\.csv/);
    const [source] = await h.db.dataSources.list(ws.id);
    expect(source).toMatchObject({ status: 'failed', error: (error as Error).message });
    expect(await events(ws.id)).toEqual([]);
  });
});

describe('refresh and delete a source', () => {
  test('a refresh replaces the events when it succeeds and keeps them when it fails', async () => {
    const ws = await createWorkspace(h.db, { name: 'Refresh', ownerId });
    const { source } = await importFile(h, {
      workspaceId: ws.id,
      file: await localFile('first.csv', CSV),
      name: 'Clinic',
      actorId: ownerId,
      via: 'cli',
    });
    const upload = async (text: string) =>
      (await h.evidence.uploads.save(ws.id, new Blob([text]).stream(), 'next.csv', 1e6, ownerId, new Date()))
        .meta.uploadId;

    const failed = await refreshSource(h, {
      source,
      actorId: ownerId,
      import: { uploadId: await upload(BAD_DATES) },
    });
    expect(failed.source).toMatchObject({ status: 'importing', error: null });
    await h.evidence.jobs.idle();
    expect(await h.db.dataSources.get(source.id)).toMatchObject({ status: 'ready', eventCount: 6 });
    expect(await events(ws.id)).toEqual([{ sourceId: source.id, events: 6 }]);

    const two = `${CSV.split('\n').slice(0, 3).join('\n')}\n`;
    const ok = await refreshSource(h, { source, actorId: ownerId, import: { uploadId: await upload(two) } });
    await h.evidence.jobs.idle();
    expect(await h.db.jobs.get(ok.job.id)).toMatchObject({ status: 'succeeded' });
    expect(await h.db.dataSources.get(source.id)).toMatchObject({
      status: 'ready',
      eventCount: 2,
      caseCount: 1,
    });
    expect(await events(ws.id)).toEqual([{ sourceId: source.id, events: 2 }]);
    expect((await auditOf(ws.id, 'source.refresh')).map((e) => e.detail)).toEqual([
      { job: ok.job.id },
      { job: failed.job.id },
    ]);
  });

  test('deleting a source removes it and its events, and audits how many went; a second delete is not-found', async () => {
    const ws = await createWorkspace(h.db, { name: 'Delete', ownerId });
    const { source } = await importFile(h, {
      workspaceId: ws.id,
      file: await localFile('gone.csv', CSV),
      name: 'Gone',
      actorId: ownerId,
      via: 'cli',
    });
    await deleteSource(h, { source, actorId: ownerId });
    expect(await h.db.dataSources.get(source.id)).toBeNull();
    expect(await events(ws.id)).toEqual([]);
    expect((await auditOf(ws.id, 'source.delete')).map((e) => [e.entityId, e.detail])).toEqual([
      [source.id, { events: 6 }],
    ]);
    const again = await deleteSource(h, { source, actorId: ownerId }).catch((e: unknown) => e);
    expect((again as ProblemError).outcome.kind).toBe('not-found');
  });
});
