import { describe, expect, test } from 'vitest';
import { KPI_LIBRARY } from './kpi-library';
import { ACTIVITY_VOCABULARY } from './templates/build';

const activitiesOf = (k: (typeof KPI_LIBRARY)[number]): string[] => {
  switch (k.kind) {
    case 'rate':
      return [...k.numerator, ...k.denominator];
    case 'conversion':
    case 'duration':
      return [k.from, k.to].flatMap((r) => ('activities' in r ? r.activities : []));
    case 'score':
      return [k.activity];
    case 'cost-per':
      return [...k.costActivities, ...('activities' in k.acquired ? k.acquired.activities : [])];
  }
};

describe('KPI_LIBRARY', () => {
  test('the ready-made set the issue asks for, with unique ids', () => {
    const ids = KPI_LIBRARY.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'no-show-rate',
      'late-cancellation-rate',
      'booking-conversion',
      'referral-completion',
      'time-to-first-visit',
      'cost-per-acquired-patient',
      'follow-up-completion',
      'portal-adoption',
      'nps',
      'csat',
    ]);
  });
  test('every definition cites healthcare.md §1 and names only vocabulary activities', () => {
    const vocabulary = new Set<string>(ACTIVITY_VOCABULARY);
    for (const k of KPI_LIBRARY) {
      expect(k.reference, k.id).toMatch(/^healthcare\.md §1\.\d+$/);
      for (const a of activitiesOf(k)) expect(vocabulary.has(a), `${k.id}: ${a}`).toBe(true);
      expect(k.description.length, k.id).toBeGreaterThan(20);
    }
  });
  test('no library KPI refers to a step (they must work in any journey)', () => {
    for (const k of KPI_LIBRARY) {
      if (k.kind === 'conversion' || k.kind === 'duration') {
        expect('stepId' in k.from || 'stepId' in k.to).toBe(false);
      }
    }
  });

  test('cost per acquired patient: paid acquisition spend ÷ first completed visits, by source', () => {
    const k = KPI_LIBRARY.find((x) => x.id === 'cost-per-acquired-patient');
    expect(k).toMatchObject({
      kind: 'cost-per',
      costActivities: ['ad.clicked', 'referral.placed'],
      acquired: { activities: ['visit.completed'] },
      splitBy: 'source',
      direction: 'lower-is-better',
      reference: 'healthcare.md §1.11',
    });
    expect(k?.description).toMatch(/not included/);
  });
});
