import { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { shownKpi } from './protect';

const def = KpiDefinition.parse({
  id: 'cpa',
  name: 'Cost per acquired patient',
  kind: 'cost-per',
  costActivities: ['ad.clicked'],
  acquired: { activities: ['visit.completed'] },
  splitBy: 'source',
});

const result = {
  id: 'cpa',
  name: 'Cost per acquired patient',
  value: 1000 / 45,
  numerator: 1000,
  denominator: 45,
  breakdown: [
    { value: 'ads', spend: 600, acquired: 20, costPerAcquired: 30 },
    { value: 'partner', spend: 400, acquired: 8, costPerAcquired: 50 },
    { value: 'friends', spend: 0, acquired: 17, costPerAcquired: 0 },
    { value: 'radio', spend: 0, acquired: 0, costPerAcquired: null },
  ],
};

describe('shownKpi for cost-per KPIs', () => {
  it('protected: leaves out sources of 1..10 acquired patients, rounds patients, divides spend by them', () => {
    const shown = shownKpi(result, def, true);
    // 45 patients shown as 45; the cost per patient is the spend over the patients as shown.
    expect(shown).toMatchObject({ value: 22.22, numerator: 1000, denominator: 45, suppressed: [] });
    expect(shown.breakdown).toEqual([
      { value: 'ads', spend: 600, acquired: 20, costPerAcquired: 30, suppressed: [], suppressedReasons: {} },
      { value: 'friends', spend: 0, acquired: 15, costPerAcquired: 0, suppressed: [], suppressedReasons: {} },
      { value: 'radio', spend: 0, acquired: 0, costPerAcquired: null, suppressed: [], suppressedReasons: {} },
    ]);
    expect(shown.omitted).toEqual({ breakdown: 1 });
  });

  it('protected: the cost per patient never gives the exact patient count back', () => {
    const shown = shownKpi({ ...result, value: 1000 / 37, denominator: 37, breakdown: [] }, def, true);
    expect(shown.denominator).toBe(35);
    expect(shown.value).toBeCloseTo(1000 / 35, 2);
  });

  it('hides the value built on 1..10 acquired cases but not spend, which counts no people', () => {
    const shown = shownKpi(
      { ...result, value: 100, numerator: 700, denominator: 7, breakdown: [] },
      def,
      true,
    );
    expect(shown).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(shown.suppressedReasons).toEqual({ denominator: 'small', value: 'derived', numerator: 'derived' });
    // Spend of 5 over 40 patients is shown: the numerator is money, not a small count of people.
    expect(shownKpi({ ...result, numerator: 5, value: 5 / 40, denominator: 40 }, def, true)).toMatchObject({
      value: 0.13,
      numerator: 5,
      suppressed: [],
    });
  });

  it('shows everything exactly when not protected', () => {
    expect(shownKpi(result, def, false).breakdown?.[1]).toEqual({
      ...result.breakdown[1],
      suppressed: [],
      suppressedReasons: {},
    });
  });
});
