import { describe, expect, it } from 'vitest';
import { kpiFieldErrors, shownReference } from './kpi-text';

describe('KPI form sentences', () => {
  it('maps each schema issue to its field with a sentence saying what to do', () => {
    expect(
      kpiFieldErrors({
        id: 'k',
        name: '',
        kind: 'conversion',
        from: { activities: [] },
        to: { stepId: 's1' },
        windowDays: -3,
      }),
    ).toEqual({
      name: 'Give the KPI a name (up to 200 characters).',
      from: 'Choose the step patients start from, or name at least one activity.',
      windowDays: 'Give the window as a number of days from 1 to 3,650, or leave it empty for no limit.',
    });
    expect(
      kpiFieldErrors({ id: 'k', name: 'NPS', kind: 'score', scale: 'nps', activity: '', attribute: '' }),
    ).toEqual({
      activity: 'Name the survey activity that carries the score, such as survey.completed.',
      attribute: 'Name the attribute that holds the score, such as nps.',
    });
    expect(
      kpiFieldErrors({ id: 'k', name: 'Ok', kind: 'rate', numerator: ['a'], denominator: ['a', 'b'] }),
    ).toBeNull();
  });

  it('never shows a reference into internal files, but shows what a user wrote', () => {
    expect(shownReference('healthcare.md §1.3')).toBeNull();
    expect(shownReference('Practice convention (not in healthcare.md §1)')).toBeNull();
    expect(shownReference('  ')).toBeNull();
    expect(shownReference('NHS Digital KH03')).toBe('NHS Digital KH03');
  });
});
