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
  test('every definition names only vocabulary activities and says its formula in a sentence', () => {
    const vocabulary = new Set<string>(ACTIVITY_VOCABULARY);
    for (const k of KPI_LIBRARY) {
      for (const a of activitiesOf(k)) expect(vocabulary.has(a), `${k.id}: ${a}`).toBe(true);
      expect(k.description.length, k.id).toBeGreaterThan(60);
      expect(k.description, k.id).toMatch(/^[A-Z].*\.$/s);
      // No symbols or internal references a practice manager would have to decode.
      expect(k.description, k.id).not.toMatch(/÷|§|\.md\b|`/);
      expect(k.reference, k.id).toBe('');
    }
  });
  test('rates and conversions say what they count and what they count it out of', () => {
    const noShow = KPI_LIBRARY.find((k) => k.id === 'no-show-rate');
    expect(noShow?.description).toMatch(
      /^Share of booked appointments the patient did not attend, of all booked appointments that were due/,
    );
    for (const k of KPI_LIBRARY.filter((x) => x.kind === 'rate' || x.kind === 'conversion')) {
      expect(k.description, k.id).toMatch(/^Share of .+, of all /);
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
    });
    expect(k?.description).toMatch(/not included/);
  });
});
