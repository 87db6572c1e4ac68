import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { eventRows, fixture, removeScratch, scratch, TEST_KEY, tableState, trail } from './test-helpers';

afterAll(removeScratch);

let store: EventStore;
let dir: string;
beforeEach(async () => {
  store = await openEventStore({ key: TEST_KEY });
  dir = await scratch();
});
afterEach(() => store.close());

const EXPECTED = {
  P001: [
    'appointment.booked@2024-03-01T08:00:00.000', // MSH-7 with +0100
    'appointment.rescheduled@2024-03-02T10:00:00.000',
    'encounter.registered@2024-03-05T09:50:00.000', // EVN-6 wins over EVN-2
    'appointment.cancelled@2024-03-11T00:00:00.000',
  ],
  P002: ['encounter.admitted@2024-03-06T08:00:00.000', 'encounter.discharged@2024-03-08T12:00:00.000'],
  NA: ['appointment.noshow@2024-03-10T09:00:00.000'],
};

describe('HL7 v2 import', () => {
  it('maps SIU and ADT touchpoints, ignores S14 and A08, drops a repeated MSH-10', async () => {
    const result = await store.importEvents(fixture('feed.hl7'));
    expect(result).toMatchObject({
      format: 'hl7',
      events: 7,
      cases: 3,
      ignoredMessages: { 'SIU^S14': 1, duplicate: 1, 'ADT^A08': 1 },
      skipped: { count: 0, first: [] },
    });
    const rows = await eventRows(store);
    for (const [id, trailOf] of Object.entries(EXPECTED)) expect(trail(rows, id)).toEqual(trailOf);
    const booked = rows.find((r) => r.activity === 'appointment.booked');
    expect(booked?.attrs).toEqual({
      messageType: 'SIU^S12',
      appointmentStart: '2024-03-05T10:00:00',
      appointmentType: 'FOLLOWUP',
    });
    const admitted = rows.find((r) => r.activity === 'encounter.admitted');
    expect(admitted).toMatchObject({
      channel: 'in-person',
      lifecycle: 'start',
      attrs: { messageType: 'ADT^A01', patientClass: 'I' },
    });
  });

  it('reads \\r-separated segments the same way', async () => {
    const path = join(dir, 'feed-cr.hl7');
    await writeFile(path, (await readFile(fixture('feed.hl7'), 'utf8')).replaceAll('\n', '\r'));
    const result = await store.importEvents(path);
    expect(result.events).toBe(7);
    expect(trail(await eventRows(store), 'P001')).toEqual(EXPECTED.P001);
  });

  it('imports an empty file as zero events', async () => {
    const path = join(dir, 'empty.hl7');
    await writeFile(path, '\n');
    expect(await store.importEvents(path)).toMatchObject({ events: 0, cases: 0, ignoredMessages: {} });
  });

  it('fails on a file without MSH, importing nothing', async () => {
    const path = join(dir, 'nomsh.hl7');
    await writeFile(path, 'PID|1||P001\nPV1|1|O\n');
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, line 1: no HL7 v2 message found (no MSH segment); nothing was imported`,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('fails on a message without a patient id or with a bad time, or skips them when asked', async () => {
    const path = join(dir, 'bad.hl7');
    await writeFile(
      path,
      [
        'MSH|^~\\&|S|C|P|C|20240301090000||SIU^S12^SIU_S12|M1|P|2.5',
        'PID|1||P001',
        'MSH|^~\\&|S|C|P|C|20240301090000||SIU^S12^SIU_S12|M2|P|2.5',
        'PID|1||',
        'MSH|^~\\&|S|C|P|C|yesterday||SIU^S15^SIU_S12|M3|P|2.5',
        'PID|1||P001',
      ].join('\n'),
    );
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, message at line 3: empty patient id (PID-3); nothing was imported`,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
    const result = await store.importEvents(path, { skipBadRows: true });
    expect(result.events).toBe(1);
    expect(result.skipped).toEqual({
      count: 2,
      first: [
        { record: 2, location: 'message at line 3', reason: 'empty patient id (PID-3)' },
        {
          record: 3,
          location: 'message at line 5',
          reason:
            'time (MSH-7) is not an HL7 date/time (expected YYYYMMDD[HHMM[SS]][+ZZZZ], e.g. 20250301143000+0100)',
        },
      ],
    });
  });
});
