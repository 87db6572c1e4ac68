import { describe, expect, it } from 'vitest';
import { guessMapping, resolveMapping } from './tabular';

describe('guessMapping', () => {
  it.each([
    [
      ['case:concept:name', 'concept:name', 'time:timestamp', 'org:resource', 'lifecycle:transition'],
      'case:concept:name',
      'concept:name',
      'time:timestamp',
    ],
    [['Case ID', 'Activity', 'Complete Timestamp'], 'Case ID', 'Activity', 'Complete Timestamp'],
    [['PATIENT_ID', 'event', 'Timestamp'], 'PATIENT_ID', 'event', 'Timestamp'],
    [['case_id', 'activity', 'timestamp'], 'case_id', 'activity', 'timestamp'],
  ])('maps %j', (columns, c, a, t) => {
    expect(guessMapping(columns, {}).fields).toMatchObject({ case: c, activity: a, timestamp: t });
  });

  it('maps resource and lifecycle, keeps other columns as attributes and drops identifiers', () => {
    const m = guessMapping(
      ['case_id', 'activity', 'timestamp', 'org:resource', 'lifecycle:transition', 'cost', 'nps', 'phone'],
      {},
    );
    expect(m).toEqual({
      fields: {
        case: 'case_id',
        activity: 'activity',
        timestamp: 'timestamp',
        resource: 'org:resource',
        lifecycle: 'lifecycle:transition',
        cost: 'cost',
      },
      attributes: ['nps'],
      dropped: ['phone'],
    });
  });

  it('lets explicit options win and limits attributes to the ones listed', () => {
    const m = guessMapping(['id', 'step', 'at', 'timestamp', 'a', 'b'], {
      columns: { case: 'id', activity: 'step', timestamp: 'at', attributes: ['b'] },
    });
    expect(m.fields).toEqual({ case: 'id', activity: 'step', timestamp: 'at' });
    expect(m.attributes).toEqual(['b']);
  });

  it('throws when a required field has no column', () => {
    expect(() => resolveMapping('f.csv', ['case_id', 'activity'], {})).toThrow(
      'f.csv: no timestamp column found; name it with --timestamp (columns: "case_id", "activity")',
    );
  });
});
