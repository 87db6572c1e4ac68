import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Agent, type Harness, importAs, makeHarness } from './harness';

// A hostile or broken upload ends in a clear 422 or failed job that names file, place and limit, never a
// 500, never a value from the file, and never imports anything (the analytics tests cover each limit).

let h: Harness;
let eddie: Agent;
let ws: string;

beforeAll(async () => {
  h = await makeHarness({}, { maxUploadBytes: 4_000_000 });
  await h.user('olga@example.test', 'Olga Owner');
  await h.user('eddie@example.test', 'Eddie Editor');
  const olga = await h.agent('olga@example.test').login();
  eddie = await h.agent('eddie@example.test').login();
  ws = (await olga.json('POST', '/api/workspaces', { name: 'Limits' })).body.id;
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: 'eddie@example.test', role: 'editor' });
}, 120_000);
afterAll(() => h?.close());

const upload = (content: Uint8Array, filename: string) =>
  eddie.json('POST', `/api/workspaces/${ws}/uploads`, content, { 'x-filename': filename });

const importUpload = async (content: Uint8Array, filename: string, extra = {}) => {
  const { job, source } = await importAs(h, eddie, ws, content, filename, extra);
  return { job, source };
};

async function eventCount(): Promise<number> {
  const store = await h.evidence.stores.get(ws);
  return (await store.sources()).reduce((s, x) => s + x.events, 0);
}

describe('upload limits', () => {
  test('a CSV of 1,001 columns is refused at upload with what is supported', async () => {
    const names = Array.from({ length: 998 }, (_, i) => `c${i}`);
    const csv = `case_id,activity,timestamp,${names.join(',')}\nA,a,2026-01-05T08:00:00Z,${names.map(() => 1).join(',')}\n`;
    const r = await upload(Buffer.from(csv), 'wide.csv');
    expect(r.status).toBe(422);
    expect(r.body.detail).toBe(
      'wide.csv, line 1: the first row has 1,001 columns; at most 1,000 are supported; nothing was imported',
    );
    expect(await h.evidence.uploads.list(ws)).toEqual([]);
  });

  test('a gzip bomb fails its job with a clear error and imports nothing', async () => {
    const spaces = gzipSync(' '.repeat(1024 * 1024));
    const bomb = Buffer.concat([
      gzipSync('<?xml version="1.0"?>\n<log xes.version="1.0">\n'),
      ...Array.from({ length: 512 }, () => spaces), // 512 MiB inflated from ~0.5 MB
      gzipSync('</log>\n'),
    ]);
    const { job, source } = await importUpload(bomb, 'log.xes.gz');
    expect(job.status).toBe('failed');
    expect(job.error).toBe(
      'log.xes.gz, line 2: a tag, value or text longer than 1 MiB; at most 1,048,576 characters are supported; nothing was imported',
    );
    expect(source).toMatchObject({ status: 'failed', eventCount: 0, error: job.error });
    expect(await eventCount()).toBe(0);
  });

  test('skipping bad rows of a file with no good row fails instead of importing nothing', async () => {
    const csv = 'case_id,activity,timestamp\nP-0001,,2026-01-05T08:00:00Z\nP-0002,visit\n';
    const { job, source } = await importUpload(Buffer.from(csv), 'bad.csv', { skipBadRows: true });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^bad\.csv, line 3, column "timestamp": no record could be imported \(2 bad records; /,
    );
    expect(job.error).not.toMatch(/P-000/);
    expect(source).toMatchObject({ status: 'failed', eventCount: 0 });
    expect(await eventCount()).toBe(0);
  });
});
