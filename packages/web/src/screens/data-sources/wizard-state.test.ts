import { describe, expect, it } from 'vitest';
import type { CsvPreview } from '../../api';
import {
  attributeChoices,
  hasNaiveTimestamps,
  importRequest,
  initialWizard,
  nameFromFile,
  willBeDropped,
  wizardProblems,
  wizardReducer,
} from './wizard-state';

const preview: CsvPreview = {
  delimiter: ';',
  header: true,
  columns: ['visit_id', 'event', 'when', 'patient_name', 'phone', 'clinic', 'channel'],
  rows: [
    ['V1', 'Booked', '2026-03-02 09:15', 'Test Person A', '000', 'North', 'web'],
    ['V1', 'Attended', '2026-03-09T10:00:00Z', 'Test Person A', '000', 'North', 'web'],
  ],
  mapping: { case: 'visit_id', activity: 'event', timestamp: 'when', channel: 'channel' },
  timestampFormat: 'ISO 8601',
  attributes: ['clinic'],
  droppedColumns: ['patient_name', 'phone'],
};

describe('column-mapping wizard state', () => {
  it('starts from the guessed mapping and a readable name', () => {
    const s = initialWizard(preview, 'march_clinic-export.csv');
    expect(s.name).toBe('march clinic export');
    expect(s.fields).toEqual({
      case: 'visit_id',
      activity: 'event',
      timestamp: 'when',
      channel: 'channel',
      resource: '',
      cost: '',
    });
    expect(s.attributes).toEqual(['clinic']);
    expect(willBeDropped(s, preview)).toEqual(['patient_name', 'phone']);
    expect(wizardProblems(s)).toEqual([]);
    expect(nameFromFile('.csv')).toBe('Event log');
  });

  it('moves a column between fields and attributes without using it twice', () => {
    let s = initialWizard(preview, 'a.csv');
    s = wizardReducer(s, { type: 'field', field: 'resource', column: 'clinic' });
    expect(s.fields.resource).toBe('clinic');
    expect(s.attributes).toEqual([]);
    // the activity column chosen for the case: activity is emptied and flagged
    s = wizardReducer(s, { type: 'field', field: 'case', column: 'event' });
    expect([s.fields.case, s.fields.activity]).toEqual(['event', '']);
    expect(wizardProblems(s)).toEqual(['Choose the column for activity.']);
    expect(attributeChoices(s, preview)).toEqual(['visit_id']);
    s = wizardReducer(s, { type: 'name', name: '  ' });
    expect(wizardProblems(s)[0]).toBe('Give the data source a name.');
  });

  it('keeps an identifier column only when asked, and sends it as kept', () => {
    let s = initialWizard(preview, 'a.csv');
    s = wizardReducer(s, { type: 'keep', column: 'phone', on: true });
    expect(willBeDropped(s, preview)).toEqual(['patient_name']);
    const req = importRequest(s, preview, 'u-1');
    expect(req).toEqual({
      uploadId: 'u-1',
      name: 'a',
      mapping: {
        case: 'visit_id',
        activity: 'event',
        timestamp: 'when',
        channel: 'channel',
        attributes: ['clinic', 'phone'],
      },
      delimiter: ';',
      header: true,
      keepColumns: ['phone'],
      timezone: 'UTC',
      skipBadRows: false,
    });
    s = wizardReducer(s, { type: 'keep', column: 'phone', on: false });
    s = wizardReducer(s, { type: 'attribute', column: 'clinic', on: false });
    s = wizardReducer(s, { type: 'skipBadRows', on: true });
    s = wizardReducer(s, { type: 'timezone', timezone: 'Europe/London' });
    const again = importRequest(s, preview, 'u-1');
    expect(again.mapping?.attributes).toEqual([]);
    expect(again.keepColumns).toBeUndefined();
    expect([again.timezone, again.skipBadRows]).toEqual(['Europe/London', true]);
  });

  it('starts the mapping over when the file is read with another delimiter, keeping the choices', () => {
    let s = initialWizard(preview, 'a.csv');
    s = wizardReducer(s, { type: 'name', name: 'Scheduling' });
    s = wizardReducer(s, { type: 'skipBadRows', on: true });
    s = wizardReducer(s, { type: 'keep', column: 'phone', on: true });
    const oneColumn: CsvPreview = {
      ...preview,
      delimiter: ',',
      columns: ['visit_id;event;when'],
      rows: [['V1;Booked;2026-03-02']],
      mapping: {},
      attributes: ['visit_id;event;when'],
      droppedColumns: [],
    };
    s = wizardReducer(s, { type: 'preview', preview: oneColumn });
    expect(s.fields.case).toBe('');
    expect(s.attributes).toEqual(['visit_id;event;when']);
    expect([s.name, s.skipBadRows, s.keep]).toEqual(['Scheduling', true, []]);
  });

  it('asks for a time zone only when some timestamp has none', () => {
    const s = initialWizard(preview, 'a.csv');
    expect(hasNaiveTimestamps(s, preview)).toBe(true);
    const zoned = {
      ...preview,
      rows: [
        ['V1', 'Booked', '2026-03-02T09:15:00+01:00', '', '', '', ''],
        ['V1', 'Attended', '1767225600', '', '', '', ''],
      ],
    };
    expect(hasNaiveTimestamps(s, zoned)).toBe(false);
    expect(importRequest(s, zoned, 'u').timezone).toBeUndefined();
  });
});
