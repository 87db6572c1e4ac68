import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { detectCsv } from './csv';
import { ImportError } from './import-error';
import {
  eventRows,
  fixture,
  pseudo,
  removeScratch,
  scratch,
  TEST_KEY,
  tableState,
  trail,
} from './test-helpers';

afterAll(removeScratch);

let store: EventStore;
let dir: string;
beforeEach(async () => {
  store = await openEventStore({ key: TEST_KEY });
  dir = await scratch();
});
afterEach(() => store.close());

async function csv(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('CSV import', () => {
  it('imports the clinic fixture: ties, a case called NA, offsets, quotes, non-ASCII, dropped identifiers', async () => {
    const result = await store.importEvents(fixture('clinic.csv'), { sourceId: 'clinic' });
    expect(result).toEqual({
      sourceId: 'clinic',
      format: 'csv',
      events: 5,
      cases: 3,
      skipped: { count: 0, first: [] },
      droppedColumns: ['Email'],
      firstEvent: '2024-03-01T09:00:00.000Z',
      lastEvent: '2024-03-06T07:00:00.250Z',
    });
    const rows = await eventRows(store);
    // Two NA events share 09:00Z: file order (seq) decides.
    expect(trail(rows, 'NA')).toEqual([
      'Überweisung@2024-03-01T09:00:00.000',
      '予約@2024-03-01T09:00:00.000',
      'visit@2024-03-02T09:30:00.000',
    ]);
    expect(trail(rows, 'c-2')).toEqual(['予約@2024-03-05T08:00:00.000']); // naive = UTC
    expect(trail(rows, 'null')).toEqual(['check-in, desk@2024-03-06T07:00:00.250']);
    const visit = rows.find((r) => r.activity === 'visit')!;
    expect(visit.channel).toBe('in-person');
    expect(visit.cost).toBe(80);
    expect(visit.attrs).toEqual({ nps: 9, comment: 'said "fine", left\nvia side door' });
    expect(rows.find((r) => r.activity === 'Überweisung')?.cost).toBe(12.5);
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.stringify(rows)).not.toContain('example.test');
  });

  it('keeps a column that looks like an identifier when asked', async () => {
    const result = await store.importEvents(fixture('clinic.csv'), { keepColumns: ['Email'] });
    expect(result.droppedColumns).toEqual([]);
    const rows = await eventRows(store);
    expect(rows.find((r) => r.activity === 'visit')?.attrs.Email).toBe('na@example.test');
  });

  it('reads naive timestamps in the given zone across both DST changes; offsets win', async () => {
    await store.importEvents(fixture('berlin.tsv'), { timezone: 'Europe/Berlin' });
    expect(trail(await eventRows(store), 'p1')).toEqual([
      'a@2024-03-30T22:30:00.000', // CET, UTC+1
      'b@2024-03-31T01:30:00.000', // CEST, UTC+2
      'e@2024-03-31T03:30:00.000', // explicit Z
      'c@2024-10-26T23:30:00.000', // still CEST
      'd@2024-10-27T03:00:00.000', // CET again
    ]);
  });

  it('takes naive timestamps as UTC by default (TSV detected by extension)', async () => {
    const result = await store.importEvents(fixture('berlin.tsv'));
    expect(result.format).toBe('tsv');
    expect(trail(await eventRows(store), 'p1')[0]).toBe('a@2024-03-30T23:30:00.000');
  });

  it.each([
    ['2024/03/01 09:00:00.5', '2024-03-01T09:00:00.500'],
    ['2024/03/01 09:00:07', '2024-03-01T09:00:07.000'],
    ['01-03-2024 09:05', '2024-03-01T09:05:00.000'],
    ['1709283600', '2024-03-01T09:00:00.000'],
    ['1709283600123', '2024-03-01T09:00:00.123'],
    ['2024-03-01T10:00:00+01:00', '2024-03-01T09:00:00.000'],
    ['2024-03-01T04:00:00-05:00', '2024-03-01T09:00:00.000'],
    ['2024-03-01T10:00:00+0100', '2024-03-01T09:00:00.000'],
    ['2024-03-01 10:00:00+01', '2024-03-01T09:00:00.000'],
    ['2024-03-01T09:00:00.123456z', '2024-03-01T09:00:00.123'],
    ['01.03.2024 09:00:30', '2024-03-01T09:00:30.000'],
    ['2024-03-01 09:00:00', '2024-03-01T09:00:00.000'],
  ])('parses %s', async (value, expected) => {
    const path = await csv('t.csv', `case,activity,timestamp\nA,x,${value}\n`);
    await store.importEvents(path);
    expect(trail(await eventRows(store), 'A')).toEqual([`x@${expected}`]);
  });

  it('applies the time zone to pattern formats too', async () => {
    const path = await csv('t.csv', 'case,activity,timestamp\nA,x,2024/07/01 12:00:00\n');
    await store.importEvents(path, { timezone: 'America/New_York' });
    expect(trail(await eventRows(store), 'A')).toEqual(['x@2024-07-01T16:00:00.000']);
  });

  it('detects semicolons, maps explicit columns and honours an explicit timestamp pattern', async () => {
    const path = await csv('t.csv', 'who;what;when;extra\nA;x;01/03/2024 09:00;1\nA;y;02/03/2024 09:00;2\n');
    const result = await store.importEvents(path, {
      columns: { case: 'who', activity: 'what', timestamp: 'when' },
      timestampFormat: '%d/%m/%Y %H:%M',
    });
    expect(result.events).toBe(2);
    const rows = await eventRows(store);
    expect(trail(rows, 'A')).toEqual(['x@2024-03-01T09:00:00.000', 'y@2024-03-02T09:00:00.000']);
    expect(rows[1]?.attrs).toEqual({ extra: 2 });
  });

  it('reads a file without a header with columns named column0…', async () => {
    const path = await csv('t.csv', 'A,x,2024-03-01T09:00:00Z\nA,y,2024-03-01T10:00:00Z\n');
    const result = await store.importEvents(path, {
      columns: { case: 'column0', activity: 'column1', timestamp: 'column2' },
    });
    expect(result.events).toBe(2);
  });

  it('imports an empty log (header only, or no bytes at all) as zero events', async () => {
    const empty = await store.importEvents(fixture('empty.csv'));
    expect(empty).toMatchObject({ events: 0, cases: 0, firstEvent: null, lastEvent: null });
    const nothing = await store.importEvents(await csv('zero.csv', ''));
    expect(nothing.events).toBe(0);
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('treats NA, null, N/A as ids, never as missing values', async () => {
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nNA,a,2024-01-01T00:00:00Z\nN/A,a,2024-01-01T00:00:00Z\nnull,a,2024-01-01T00:00:00Z\nNULL,a,2024-01-01T00:00:00Z\n',
    );
    const result = await store.importEvents(path);
    expect(result.cases).toBe(4);
    const cases = new Set((await eventRows(store)).map((r) => r.case));
    expect(cases).toEqual(new Set(['NA', 'N/A', 'null', 'NULL'].map(pseudo)));
  });
});

describe('CSV import errors', () => {
  async function seeded(): Promise<{ n: number; maxSeq: number }> {
    await store.importEvents(fixture('clinic.csv'));
    return tableState(store);
  }

  it('fails on a broken timestamp naming record and column, never the value, importing nothing', async () => {
    const before = await seeded();
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\nA,b,2024-13-45T99:00:00Z\nA,c,2024-01-02T00:00:00Z\n',
    );
    const error = await store.importEvents(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(
      `${path}, record 2: timestamp (column "timestamp") is not a date or time (expected ISO 8601, e.g. 2025-03-01T14:30:00Z or 2025-03-01 14:30:00); nothing was imported`,
    );
    expect(await tableState(store)).toEqual(before);
  });

  it('fails on an empty case id', async () => {
    const before = await seeded();
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\n,b,2024-01-01T00:00:00Z\n',
    );
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, record 2: empty case id (column "case_id"); nothing was imported`,
    );
    expect(await tableState(store)).toEqual(before);
  });

  it('fails when a required column is missing or a named column is absent', async () => {
    const path = await csv('t.csv', 'case_id,when\nA,2024-01-01T00:00:00Z\n');
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}: no activity column found; name it with --activity (columns: "case_id", "when")`,
    );
    await expect(store.importEvents(path, { columns: { activity: 'step' } })).rejects.toThrow(
      `${path}: column "step" (activity) is not in the file (columns: "case_id", "when"); nothing was imported`,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('fails on a row with the wrong number of fields, naming its line', async () => {
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\nA,b\nA,c,2024-01-02T00:00:00Z\n',
    );
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, line 3: malformed CSV: expected 3 fields, found 2; nothing was imported`,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('skips bad rows when asked and reports them', async () => {
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\nA,b,yesterday\n,c,2024-01-01T00:00:00Z\nB,d,2024-01-02T00:00:00Z\n',
    );
    const result = await store.importEvents(path, { skipBadRows: true });
    expect(result.events).toBe(2);
    expect(result.skipped).toEqual({
      count: 2,
      first: [
        {
          record: 2,
          location: 'record 2',
          reason:
            'timestamp (column "timestamp") is not a date or time (expected ISO 8601, e.g. 2025-03-01T14:30:00Z or 2025-03-01 14:30:00)',
        },
        { record: 3, location: 'record 3', reason: 'empty case id (column "case_id")' },
      ],
    });
  });

  it('skips structurally broken lines when asked', async () => {
    const path = await csv(
      't.csv',
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\nA,b\nA,c,2024-01-02T00:00:00Z\n',
    );
    const result = await store.importEvents(path, { skipBadRows: true });
    expect(result.events).toBe(2);
    expect(result.skipped.count).toBe(1);
    expect(result.skipped.first[0]).toEqual({
      record: 3,
      location: 'line 3, column "timestamp"',
      reason: 'malformed CSV: expected 3 fields, found 2',
    });
  });
});

describe('detectCsv', () => {
  it('previews delimiter, header, rows, mapping, timestamp format and dropped columns', async () => {
    const preview = await detectCsv(fixture('clinic.csv'));
    expect(preview.delimiter).toBe(',');
    expect(preview.header).toBe(true);
    expect(preview.columns).toEqual([
      'Case ID',
      'Activity',
      'Complete Timestamp',
      'channel',
      'cost',
      'nps',
      'comment',
      'Email',
    ]);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[2]?.[6]).toBe('said "fine", left\nvia side door');
    expect(preview.mapping).toEqual({
      case: 'Case ID',
      activity: 'Activity',
      timestamp: 'Complete Timestamp',
      channel: 'channel',
      cost: 'cost',
      attributes: ['nps', 'comment'],
    });
    expect(preview.timestampFormat).toBe('ISO 8601');
    expect(preview.droppedColumns).toEqual(['Email']);
  });

  it('sees a headerless TSV and an epoch column', async () => {
    const path = await csv('t.txt', 'A\tx\t1709283600\nB\ty\t1709283601\n');
    const preview = await detectCsv(path, {
      columns: { case: 'column0', activity: 'column1', timestamp: 'column2' },
    });
    expect(preview).toMatchObject({
      delimiter: '\t',
      header: false,
      columns: ['column0', 'column1', 'column2'],
    });
    expect(preview.timestampFormat).toBe('epoch seconds');
  });
});
