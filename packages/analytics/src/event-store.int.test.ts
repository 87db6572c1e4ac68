import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMemoryLimit, type EventStore, openEventStore } from './event-store';
import {
  eventRows,
  fixture,
  pseudo,
  removeScratch,
  scratch,
  TEST_KEY,
  tableState,
} from './import/test-helpers';
import { summary } from './mining/basic';
import { pseudonymise } from './pseudonymise';

afterAll(removeScratch);

describe('event store', () => {
  it('keeps seq increasing across imports and deletes a source', async () => {
    const store = await openEventStore({ key: TEST_KEY });
    try {
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'a' });
      await store.importEvents(fixture('small.xes'), { sourceId: 'b' });
      expect(await tableState(store)).toEqual({ n: 9, maxSeq: 9 });
      const b = (await eventRows(store)).filter((r) => r.source === 'b').map((r) => r.seq);
      expect(b.sort((x, y) => x - y)).toEqual([6, 7, 8, 9]);
      expect(await store.sources()).toEqual([
        { sourceId: 'a', events: 5 },
        { sourceId: 'b', events: 4 },
      ]);
      expect(await store.deleteSource('a')).toBe(5);
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'c' });
      expect(await tableState(store)).toEqual({ n: 9, maxSeq: 14 });
    } finally {
      store.close();
    }
  });

  it('runs concurrent imports one after the other, so seq stays unique', async () => {
    const store = await openEventStore({ key: TEST_KEY });
    try {
      await Promise.all([
        store.importEvents(fixture('clinic.csv')),
        store.importEvents(fixture('feed.hl7')),
        store.importEvents(fixture('bundle.json')),
      ]);
      const seqs = (await eventRows(store)).map((r) => r.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 5 + 7 + 11 }, (_, i) => i + 1));
    } finally {
      store.close();
    }
  });

  it('refuses a source id that is already imported', async () => {
    const store = await openEventStore({ key: TEST_KEY });
    try {
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'x' });
      await expect(store.importEvents(fixture('clinic.csv'), { sourceId: 'x' })).rejects.toThrow(
        'source "x" is already imported; delete it first',
      );
      expect(await tableState(store)).toEqual({ n: 5, maxSeq: 5 });
    } finally {
      store.close();
    }
  });

  it('stores pseudonyms only: raw ids are absent from the database file and its folder', async () => {
    const dir = await scratch();
    const path = join(dir, 'events.duckdb');
    const store = await openEventStore({ path, key: TEST_KEY });
    await store.importEvents(fixture('feed.hl7'));
    await store.importEvents(fixture('bundle.json'));
    const cases = new Set((await eventRows(store)).map((r) => r.case));
    expect(cases).toEqual(
      new Set(['P001', 'P002', 'NA', 'p1', 'urn:uuid:0b000000-0000-4000-8000-000000000002'].map(pseudo)),
    );
    await store.connection.run('CHECKPOINT');
    store.close();
    for (const file of await readdir(dir)) {
      const bytes = await readFile(join(dir, file));
      for (const raw of [
        'P001',
        'P002',
        'Testperson',
        'ada@example.test',
        '0b000000-0000-4000-8000-000000000002',
      ]) {
        expect(bytes.includes(Buffer.from(raw)), `${raw} in ${file}`).toBe(false);
      }
      expect(bytes.includes(Buffer.from(pseudo('P001')))).toBe(true);
    }
  });

  it('gives the same pseudonyms for the same key and different ones for another key', async () => {
    const other = Buffer.alloc(32, 8);
    const one = await openEventStore({ key: TEST_KEY });
    const two = await openEventStore({ key: other });
    try {
      await one.importEvents(fixture('feed.hl7'));
      await two.importEvents(fixture('feed.hl7'));
      const a = new Set((await eventRows(one)).map((r) => r.case));
      const b = new Set((await eventRows(two)).map((r) => r.case));
      expect(a).toEqual(new Set(['P001', 'P002', 'NA'].map(pseudo)));
      expect(b).toEqual(new Set(['P001', 'P002', 'NA'].map((id) => pseudonymise(other, id))));
      expect([...a].some((p) => b.has(p))).toBe(false);
    } finally {
      one.close();
      two.close();
    }
  });

  it('reports progress and rejects an unknown time zone', async () => {
    const store = await openEventStore({ key: TEST_KEY });
    try {
      const seen: string[] = [];
      await store.importEvents(fixture('clinic.csv'), {
        onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.unit}`),
      });
      expect(seen).toEqual(['0/391 bytes', '391/391 bytes']);
      await expect(store.importEvents('/nonexistent/log.csv', { format: 'csv' })).rejects.toThrow(
        '/nonexistent/log.csv: file not found or not readable',
      );
      await expect(store.importEvents(fixture('clinic.csv'), { timezone: 'Mars/Olympus' })).rejects.toThrow(
        'unknown time zone "Mars/Olympus"',
      );
    } finally {
      store.close();
    }
  });
});

/** Each pseudonym with its case number, from `case_keys` and from the events (which must agree). */
async function caseNumbers(store: EventStore): Promise<{ keys: Record<string, number>; events: string[] }> {
  const keys = (
    await store.connection.runAndReadAll('SELECT case_id, case_no FROM case_keys ORDER BY case_no')
  ).getRowObjectsJS();
  const events = (
    await store.connection.runAndReadAll(
      `SELECT DISTINCT e.case_id || '=' || e.case_no || (CASE WHEN k.case_no = e.case_no THEN '' ELSE ' (mismatch)' END)
      FROM events e LEFT JOIN case_keys k USING (case_id) ORDER BY 1`,
    )
  ).getColumnsJS()[0] as string[] | undefined;
  return {
    keys: Object.fromEntries(keys.map((r) => [String(r.case_id), Number(r.case_no)])),
    events: events ?? [],
  };
}

describe('case numbers', () => {
  const clinicCases = ['NA', 'c-2', 'null'].map(pseudo);
  // Numbers are handed out in pseudonym order.
  const sorted = [...clinicCases].sort();
  const numbered = Object.fromEntries(sorted.map((c, i) => [c, i + 1]));

  it('numbers cases densely, reuses numbers across imports and frees them when a source is deleted', async () => {
    const store = await openEventStore({ key: TEST_KEY });
    try {
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'a' });
      expect((await caseNumbers(store)).keys).toEqual(numbered);
      // The same patients again (another source): same numbers, no new keys.
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'b' });
      // small.xes holds NA (numbered already), T-1 and UNKNOWN (its global default), which get 4 and 5.
      await store.importEvents(fixture('small.xes'), { sourceId: 'x' });
      const xesOnly = Object.fromEntries([pseudo('T-1'), pseudo('UNKNOWN')].sort().map((c, i) => [c, i + 4]));
      const after = await caseNumbers(store);
      expect(after.keys).toEqual({ ...numbered, ...xesOnly });
      expect(after.events).toEqual(
        Object.entries(after.keys)
          .map(([c, n]) => `${c}=${n}`)
          .sort(),
      );
      expect((await summary(store.connection)).cases).toBe(5);

      await store.deleteSource('a'); // b still holds the clinic cases
      expect(Object.keys((await caseNumbers(store)).keys)).toHaveLength(5);
      await store.deleteSource('b'); // x still holds NA, T-1 and UNKNOWN
      const na = pseudo('NA');
      expect((await caseNumbers(store)).keys).toEqual({ [na]: numbered[na], ...xesOnly });
      // Re-imported cases get numbers after the largest one in use; NA keeps its own.
      await store.importEvents(fixture('clinic.csv'), { sourceId: 'c' });
      const again = await caseNumbers(store);
      const freed = sorted.filter((c) => c !== na);
      expect(freed.map((c) => again.keys[c])).toEqual([6, 7]);
      expect(again.keys[na]).toBe(numbered[na]);
      expect(again.events.some((e) => e.endsWith('(mismatch)'))).toBe(false);
    } finally {
      store.close();
    }
  });

  it('leaves no number behind for a failed import or for a case whose every row was skipped', async () => {
    const dir = await scratch();
    const file = join(dir, 'bad.csv');
    await writeFile(
      file,
      'case,activity,timestamp\nA,visit,2024-03-01T09:00:00Z\nB,visit,not a time\nA,call,2024-03-02T09:00:00Z\n',
    );
    const store = await openEventStore({ key: TEST_KEY });
    try {
      await expect(store.importEvents(file)).rejects.toThrow('nothing was imported');
      expect((await caseNumbers(store)).keys).toEqual({});
      const result = await store.importEvents(file, { skipBadRows: true });
      expect(result).toMatchObject({ events: 2, cases: 1, skipped: { count: 1 } });
      // B took a number in the transaction; only A's stays (which one depends on pseudonym order).
      expect(Object.keys((await caseNumbers(store)).keys)).toEqual([pseudo('A')]);
    } finally {
      store.close();
    }
  });

  it('numbers the events of a database written before case numbers existed', async () => {
    const dir = await scratch();
    const path = join(dir, 'old.duckdb');
    const old = await DuckDBInstance.create(path);
    const conn = await old.connect();
    await conn.run(`CREATE TABLE events (source_id VARCHAR NOT NULL, seq BIGINT NOT NULL, case_id VARCHAR NOT NULL,
      activity VARCHAR NOT NULL, ts TIMESTAMP NOT NULL, channel VARCHAR, resource VARCHAR, lifecycle VARCHAR,
      cost DOUBLE, attrs JSON)`);
    await conn.run(`INSERT INTO events VALUES ('s', 1, 'q', 'a', '2024-01-01', NULL, NULL, NULL, NULL, NULL),
      ('s', 2, 'p', 'a', '2024-01-02', NULL, NULL, NULL, NULL, NULL),
      ('s', 3, 'q', 'b', '2024-01-03', NULL, NULL, NULL, NULL, NULL)`);
    conn.closeSync();
    old.closeSync();
    const store = await openEventStore({ path, key: TEST_KEY });
    try {
      expect(await caseNumbers(store)).toEqual({ keys: { p: 1, q: 2 }, events: ['p=1', 'q=2'] });
      expect(await summary(store.connection)).toMatchObject({ cases: 2, events: 3, variants: 2 });
      await store.importEvents(fixture('small.xes'));
      expect(Object.values((await caseNumbers(store)).keys).sort()).toEqual([1, 2, 3, 4, 5]);
    } finally {
      store.close();
    }
  });
});

describe('DuckDB settings', () => {
  it('limits memory to 60% of free RAM, at most 2.5 GB and at least 256 MB', () => {
    expect(defaultMemoryLimit(16 * 1024 ** 3)).toBe('2560MB');
    expect(defaultMemoryLimit(2 * 1024 ** 3)).toBe('1229MB');
    expect(defaultMemoryLimit(100 * 1024 ** 2)).toBe('256MB');
  });

  it('applies the memory limit and threads it is given, and rejects malformed ones', async () => {
    const store = await openEventStore({ memoryLimit: '512MB', threads: 1 });
    try {
      const row = (
        await store.connection.runAndReadAll(
          "SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t",
        )
      ).getRowObjectsJS()[0]!;
      expect(row).toEqual({ m: '488.2 MiB', t: 1n });
    } finally {
      store.close();
    }
    await expect(openEventStore({ memoryLimit: 'lots' })).rejects.toThrow(
      'memory limit must look like 2GB or 512MB, got "lots"',
    );
    await expect(openEventStore({ threads: 0 })).rejects.toThrow('threads must be a positive integer, got 0');
  });
});
