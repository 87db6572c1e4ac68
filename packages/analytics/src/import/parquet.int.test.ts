import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { eventRows, removeScratch, scratch, TEST_KEY, tableState, trail } from './test-helpers';

afterAll(removeScratch);

let store: EventStore;
let dir: string;
beforeEach(async () => {
  store = await openEventStore({ key: TEST_KEY });
  dir = await scratch();
});
afterEach(() => store.close());

describe('Parquet import', () => {
  it('maps typed columns like CSV: TIMESTAMP naive, TIMESTAMPTZ converted, numbers as numbers', async () => {
    const path = join(dir, 'log.parquet');
    await store.connection.run(`COPY (
      SELECT * FROM (VALUES
        ('NA', 'Überweisung', TIMESTAMP '2024-03-01 09:00:00', TIMESTAMPTZ '2024-03-01 10:00:00+01', 9, 'Testperson'),
        ('NA', '予約', TIMESTAMP '2024-03-01 09:00:00', TIMESTAMPTZ '2024-03-01 11:00:00+01', 7, 'Testperson'),
        ('c2', 'visit', TIMESTAMP '2024-03-02 12:00:00', TIMESTAMPTZ '2024-03-02 12:00:00+00', NULL, 'Testperson')
      ) AS t("case:concept:name", "concept:name", "time:timestamp", sent_at, nps, last_name)
    ) TO '${path}' (FORMAT parquet)`);
    const result = await store.importEvents(path);
    expect(result).toMatchObject({ format: 'parquet', events: 3, cases: 2, droppedColumns: ['last_name'] });
    const rows = await eventRows(store);
    expect(trail(rows, 'NA')).toEqual([
      'Überweisung@2024-03-01T09:00:00.000',
      '予約@2024-03-01T09:00:00.000',
    ]);
    expect(rows.filter((r) => r.activity === '予約')[0]?.attrs).toEqual({
      sent_at: '2024-03-01 10:00:00+00',
      nps: 7,
    });

    await store.importEvents(path, {
      columns: { timestamp: 'sent_at', attributes: [] },
      sourceId: 'by-sent',
    });
    const sent = (await eventRows(store)).filter((r) => r.source === 'by-sent');
    expect(sent.map((r) => `${r.activity}@${r.ts}`).sort()).toEqual([
      'visit@2024-03-02T12:00:00.000',
      'Überweisung@2024-03-01T09:00:00.000',
      '予約@2024-03-01T10:00:00.000',
    ]);
  });

  it('fails on a file that is not Parquet, importing nothing', async () => {
    const path = join(dir, 'fake.parquet');
    await writeFile(path, 'case,activity,timestamp\nA,a,2024-01-01T00:00:00Z\n');
    await expect(store.importEvents(path, { format: 'parquet' })).rejects.toThrow(
      `${path}: not a readable Parquet file (damaged, cut off or not Parquet); nothing was imported`,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });
});
