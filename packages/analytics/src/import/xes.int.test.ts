import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { ImportError } from './import-error';
import { eventRows, fixture, removeScratch, scratch, TEST_KEY, tableState, trail } from './test-helpers';

afterAll(removeScratch);

/** The real sample, shared beside the repo (`../shared/data` from the repo root); never copied in. */
const HOSPITAL_BILLING = fileURLToPath(
  new URL('../../../../../shared/data/hospital-billing-one-trace-per-variant.xes.gz', import.meta.url),
);

let store: EventStore;
let dir: string;
beforeEach(async () => {
  store = await openEventStore({ key: TEST_KEY });
  dir = await scratch();
});
afterEach(() => store.close());

describe('XES import', () => {
  it('maps traces, events, standard keys, globals, and ignores lists and meta-attributes', async () => {
    const result = await store.importEvents(fixture('small.xes'), { sourceId: 'xes' });
    expect(result).toMatchObject({
      format: 'xes',
      events: 4,
      cases: 3,
      droppedColumns: ['patient_name'],
      firstEvent: '2024-03-01T08:00:00.000Z',
      lastEvent: '2024-03-03T00:00:00.000Z',
    });
    const rows = await eventRows(store);
    // Both T-1 events fall on 08:00Z (one via +01:00): file order decides.
    expect(trail(rows, 'T-1')).toEqual(['web.visit@2024-03-01T08:00:00.000', '予約@2024-03-01T08:00:00.000']);
    expect(trail(rows, 'NA')).toEqual(['Überweisung@2024-03-02T10:00:00.000']);
    // A trace without concept:name takes the trace global; an event without one takes the event global.
    expect(trail(rows, 'UNKNOWN')).toEqual(['__INVALID__@2024-03-03T00:00:00.000']);
    const [visit, booking] = rows.filter((r) => r.activity === 'web.visit' || r.activity === '予約');
    expect(visit).toMatchObject({
      resource: 'portal',
      channel: 'web',
      lifecycle: 'complete',
      cost: null,
      attrs: { source: 'google-ads' },
    });
    expect(booking).toMatchObject({
      lifecycle: 'schedule',
      cost: 12.5,
      attrs: { source: 'reminder', nps: 9, urgent: true, note: 'kept' },
    });
    expect(Object.keys(booking?.attrs ?? {}).sort()).toEqual(['note', 'nps', 'source', 'urgent']);
  });

  it('reads gzipped XES and naive timestamps in a time zone', async () => {
    const path = join(dir, 'small.xes.gz');
    await writeFile(path, gzipSync(await readFile(fixture('small.xes'))));
    const result = await store.importEvents(path, { timezone: 'Europe/Berlin' });
    expect(result).toMatchObject({ format: 'xes.gz', events: 4, cases: 3 });
    expect(trail(await eventRows(store), 'NA')).toEqual(['Überweisung@2024-03-02T09:00:00.000']);
  });

  it.skipIf(!existsSync(HOSPITAL_BILLING))(
    'imports the real Hospital Billing sample: 1,020 traces, 12,506 events (skipped if ../shared/data is absent)',
    async () => {
      const progress: number[] = [];
      const result = await store.importEvents(HOSPITAL_BILLING, { onProgress: (p) => progress.push(p.done) });
      expect(result).toMatchObject({ format: 'xes.gz', events: 12_506, cases: 1_020 });
      expect(progress.at(-1)).toBeGreaterThan(0);
      const rows = await eventRows(store);
      expect(trail(rows, 'A')).toEqual([
        'NEW@2012-12-16T19:33:10.000',
        'FIN@2013-12-15T19:00:37.000',
        'RELEASE@2013-12-16T03:53:38.000',
        'CODE OK@2013-12-17T12:56:29.000',
        'BILLED@2013-12-19T03:44:31.000',
      ]);
    },
  );
});

describe('XES import errors', () => {
  it('fails on truncated XML, naming the line, importing nothing', async () => {
    const text = await readFile(fixture('small.xes'), 'utf8');
    const path = join(dir, 'cut.xes');
    await writeFile(path, text.slice(0, text.indexOf('<trace>', text.indexOf('T-1')) + 30));
    const error = await store.importEvents(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /^.*cut\.xes, line \d+: malformed XES \(unclosed tag: .+\); nothing was imported$/,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('fails on a truncated gzip stream', async () => {
    const gz = gzipSync(await readFile(fixture('small.xes')));
    const path = join(dir, 'cut.xes.gz');
    await writeFile(path, gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}: truncated or corrupt gzip data; nothing was imported`,
    );
    // Structural damage is never skippable: what follows the cut is unknown.
    await expect(store.importEvents(path, { skipBadRows: true })).rejects.toThrow(
      'truncated or corrupt gzip data',
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('fails on an event without a timestamp, or skips it when asked', async () => {
    const path = join(dir, 'nots.xes');
    await writeFile(
      path,
      '<log>\n<trace><string key="concept:name" value="A"/>\n<event><string key="concept:name" value="x"/></event>\n' +
        '<event><string key="concept:name" value="y"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event>\n</trace>\n</log>\n',
    );
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, line 3: missing timestamp (time:timestamp); nothing was imported`,
    );
    const result = await store.importEvents(path, { skipBadRows: true });
    expect(result.events).toBe(1);
    expect(result.skipped).toEqual({
      count: 1,
      first: [{ record: 1, location: 'line 3', reason: 'missing timestamp (time:timestamp)' }],
    });
  });

  it('imports an XES log without traces as zero events', async () => {
    const path = join(dir, 'empty.xes');
    await writeFile(path, '<?xml version="1.0"?>\n<log xes.version="1.0"/>\n');
    expect(await store.importEvents(path)).toMatchObject({ events: 0, cases: 0, firstEvent: null });
  });

  it('fails on XML that is not XES', async () => {
    const path = join(dir, 'other.xes');
    await writeFile(path, '<?xml version="1.0"?><html></html>');
    await expect(store.importEvents(path)).rejects.toThrow('not an XES file: no <log> element');
  });
});
