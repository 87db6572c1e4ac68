import { mkdir, writeFile } from 'node:fs/promises';
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

describe('FHIR import', () => {
  it('maps every resource of the bundle, counts unknown types and drops entered-in-error', async () => {
    const result = await store.importEvents(fixture('bundle.json'));
    expect(result).toMatchObject({
      format: 'fhir-bundle',
      events: 11,
      cases: 2,
      skipped: { count: 0, first: [] },
      unknownResourceTypes: { Observation: 1, Practitioner: 1 },
      droppedColumns: ['email'],
      firstEvent: '2024-02-28T15:00:00.000Z',
      lastEvent: '2024-03-12T08:00:00.000Z',
    });
    const rows = await eventRows(store);
    expect(trail(rows, 'p1')).toEqual([
      'referral.placed@2024-02-28T15:00:00.000',
      'appointment.booked@2024-03-01T09:00:00.000',
      'appointment.booked@2024-03-02T08:00:00.000',
      'appointment.cancelled@2024-03-03T12:00:00.000', // meta.lastUpdated, not the slot
      'message.sent@2024-03-04T18:00:00.000',
      'appointment.fulfilled@2024-03-05T09:00:00.000', // start 10:00+01:00; ties with the encounter below
      'encounter.started@2024-03-05T09:00:00.000',
      'encounter.finished@2024-03-05T09:30:00.000',
      'encounter.started@2024-03-06T10:00:00.000', // absolute reference with _history
      'survey.completed@2024-03-06T12:00:00.000',
    ]);
    // The second patient has no id: its bundle fullUrl is the case identity.
    expect(trail(rows, 'urn:uuid:0b000000-0000-4000-8000-000000000002')).toEqual([
      'appointment.noshow@2024-03-12T08:00:00.000',
    ]);
    const by = (activity: string) => rows.filter((r) => r.activity === activity);
    expect(by('encounter.started').map((r) => r.channel)).toEqual(['video', 'in-person']);
    expect(by('message.sent')[0]?.channel).toBe('email');
    expect(by('appointment.booked')[0]?.attrs).toEqual({ appointmentType: 'FOLLOWUP' });
    expect(by('appointment.noshow')[0]?.lifecycle).toBe('ate_abort');
    expect(by('survey.completed')[0]?.attrs).toEqual({
      questionnaire: 'http://example.test/Questionnaire/visit-survey',
      nps: 9,
      comment: 'quick and kind',
      csat: 5,
    });
    expect(by('referral.placed')[0]?.attrs).toEqual({ category: '3457005' });
  });

  it('reads a folder of Bulk Data NDJSON files (other files ignored)', async () => {
    const result = await store.importEvents(fixture('ndjson'));
    expect(result).toMatchObject({ format: 'fhir-ndjson', events: 5, cases: 2, unknownResourceTypes: {} });
    const rows = await eventRows(store);
    expect(trail(rows, 'NA')).toEqual(['appointment.booked@2024-04-01T09:00:00.000']);
    expect(trail(rows, 'px')).toEqual([
      'appointment.booked@2024-04-02T09:00:00.000',
      'appointment.arrived@2024-04-09T09:00:00.000',
      'encounter.started@2024-04-09T09:05:00.000',
      'encounter.finished@2024-04-09T11:00:00.000',
    ]);
  });

  it('fails on an invalid JSON bundle, naming the line, importing nothing', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{\n  "resourceType": "Bundle",\n  "entry": [\n    { "resource": }\n  ]\n}\n');
    await expect(store.importEvents(path)).rejects.toThrow(
      `${path}, line 4: invalid JSON: unexpected character; nothing was imported`,
    );
    await expect(store.importEvents(path, { skipBadRows: true })).rejects.toThrow('invalid JSON');
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
  });

  it('fails on a bad NDJSON line and a resource without its time, or skips them when asked', async () => {
    const folder = join(dir, 'export');
    await mkdir(folder);
    await writeFile(
      join(folder, 'Communication.ndjson'),
      [
        '{"resourceType":"Communication","status":"completed","subject":{"reference":"Patient/a"},"sent":"2024-01-01T10:00:00Z"}',
        '{"resourceType":"Communication","status":"completed",',
        '{"resourceType":"Communication","status":"completed","subject":{"reference":"Patient/a"}}',
        '{"resourceType":"Communication","status":"completed","sent":"2024-01-02T10:00:00Z"}',
      ].join('\n'),
    );
    await expect(store.importEvents(folder)).rejects.toThrow(
      /^.*export, Communication\.ndjson line 2: invalid JSON: .*; nothing was imported$/,
    );
    expect(await tableState(store)).toEqual({ n: 0, maxSeq: 0 });
    const result = await store.importEvents(folder, { skipBadRows: true });
    expect(result.events).toBe(1);
    expect(result.skipped.count).toBe(3);
    expect(result.skipped.first.slice(1)).toEqual([
      {
        record: 3,
        location: 'Communication.ndjson line 3 (Communication.sent)',
        reason: 'missing Communication.sent for message.sent',
      },
      {
        record: 4,
        location: 'Communication.ndjson line 4 (Communication.sent)',
        reason: 'no Patient reference',
      },
    ]);
  });
});
