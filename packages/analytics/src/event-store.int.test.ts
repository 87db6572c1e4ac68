import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventStore } from './event-store';
import {
  eventRows,
  fixture,
  pseudo,
  removeScratch,
  scratch,
  TEST_KEY,
  tableState,
} from './import/test-helpers';
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
