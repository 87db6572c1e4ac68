import { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { shownKpi } from './kpi-suppression';

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
  it('hides a breakdown row with 1..10 acquired and its cost per patient, plus the next-smallest row', () => {
    const shown = shownKpi(result, def, true);
    expect(shown).toMatchObject({ value: 1000 / 45, numerator: 1000, denominator: 45, suppressed: [] });
    expect(shown.breakdown).toEqual([
      { value: 'ads', spend: 600, acquired: 20, costPerAcquired: 30, suppressed: [] },
      {
        value: 'partner',
        spend: 400,
        acquired: null,
        costPerAcquired: null,
        suppressed: ['acquired', 'costPerAcquired'],
      },
      {
        value: 'friends',
        spend: 0,
        acquired: null,
        costPerAcquired: null,
        suppressed: ['acquired', 'costPerAcquired'],
      },
      { value: 'radio', spend: 0, acquired: 0, costPerAcquired: null, suppressed: [] },
    ]);
  });

  it('hides the value built on 1..10 acquired cases but not spend, which counts no people', () => {
    const shown = shownKpi(
      { ...result, value: 100, numerator: 700, denominator: 7, breakdown: [] },
      def,
      true,
    );
    expect(shown).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      suppressed: ['value', 'numerator', 'denominator'],
    });
    // Spend of 5 over 40 patients is shown: the numerator is money, not a small count of people.
    expect(shownKpi({ ...result, numerator: 5, value: 5 / 40, denominator: 40 }, def, true)).toMatchObject({
      value: 5 / 40,
      numerator: 5,
      suppressed: [],
    });
  });

  it('shows everything when suppression is off', () => {
    expect(shownKpi(result, def, false).breakdown?.[1]).toEqual({ ...result.breakdown[1], suppressed: [] });
  });
});
