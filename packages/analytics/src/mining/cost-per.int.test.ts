import type { DuckDBConnection } from '@duckdb/node-api';
import { KpiDefinition } from '@pathlight/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiSeries } from './kpi-series';
import { kpi } from './kpis';
import { eventsDb, type TestEvent } from './test-fixture';

/**
 * Three sources, hand-computed: ads spend 10+20+0 = 30 over a, b, c with a and b acquired → 15; partner
 * spend 20, d acquired → 20; friends spend 0, nobody acquired → null. The visits' own cost (120) is not spend.
 */
const EVENTS: readonly TestEvent[] = [
  { case: 'a', activity: 'ad.clicked', hours: 0, attrs: { source: 'ads' }, cost: 10 },
  { case: 'a', activity: 'visit.completed', hours: 24, cost: 120 },
  { case: 'b', activity: 'ad.clicked', hours: 1, attrs: { source: 'ads' }, cost: 20 },
  { case: 'b', activity: 'visit.completed', hours: 200, cost: 120 },
  { case: 'c', activity: 'ad.clicked', hours: 2, attrs: { source: 'ads' }, cost: 0 },
  { case: 'd', activity: 'referral.placed', hours: 3, attrs: { source: 'partner' }, cost: 20 },
  { case: 'd', activity: 'visit.completed', hours: 30, cost: 120 },
  { case: 'e', activity: 'lead.created', hours: 4, attrs: { source: 'friends' } },
  { case: 'e', activity: 'appointment.booked', hours: 5 },
];

const JOURNEY = {
  stages: [
    {
      id: 'st-1',
      name: 'Visit',
      steps: [{ id: 'sp-visit', name: 'First visit', activities: ['visit.completed'] }],
    },
  ],
} as never;

const def = (extra: Record<string, unknown> = {}) =>
  KpiDefinition.parse({
    id: 'cpa',
    name: 'Cost per acquired patient',
    kind: 'cost-per',
    costActivities: ['ad.clicked', 'referral.placed'],
    acquired: { activities: ['visit.completed'] },
    splitBy: 'source',
    ...extra,
  });

let db: DuckDBConnection;
beforeAll(async () => {
  db = await eventsDb(EVENTS);
});

describe('cost-per KPI', () => {
  it('divides the spend on the cost activities by the acquired cases, broken down by source', async () => {
    expect(await kpi(db, { kpi: def(), journey: JOURNEY })).toEqual({
      id: 'cpa',
      name: 'Cost per acquired patient',
      value: 50 / 3,
      numerator: 50,
      denominator: 3,
      breakdown: [
        { value: 'ads', spend: 30, acquired: 2, costPerAcquired: 15 },
        { value: 'friends', spend: 0, acquired: 0, costPerAcquired: null },
        { value: 'partner', spend: 20, acquired: 1, costPerAcquired: 20 },
      ],
    });
  });

  it('counts every cost when no activity is named, follows a step reference, and omits the breakdown', async () => {
    const r = await kpi(db, {
      kpi: def({ costActivities: [], acquired: { stepId: 'sp-visit' }, splitBy: null }),
      journey: JOURNEY,
    });
    expect(r).toEqual({
      id: 'cpa',
      name: 'Cost per acquired patient',
      value: 410 / 3,
      numerator: 410,
      denominator: 3,
    });
  });

  it('gives a null value when nobody was acquired (spend is still reported)', async () => {
    const r = await kpi(db, {
      kpi: def({ splitBy: null }),
      journey: JOURNEY,
      filters: [{ kind: 'time', from: '2025-03-01T00:00:00Z', to: '2025-03-01T05:00:00Z' }],
    });
    expect(r).toMatchObject({ value: null, numerator: 50, denominator: 0 });
  });

  it('computes per time bucket like the KPI filtered to it', async () => {
    const series = await kpiSeries(db, {
      kpi: def(),
      journey: JOURNEY,
      buckets: [
        { from: '2025-03-01T00:00:00Z', to: '2025-03-02T12:00:00Z' },
        { from: '2025-03-02T12:00:00Z', to: '2025-03-10T00:00:00Z' },
      ],
    });
    // First 36 h: spend 50, a and d visit → 25; later: b's visit, no spend → 0.
    expect(series.map((s) => [s.numerator, s.denominator, s.value])).toEqual([
      [50, 2, 25],
      [0, 1, 0],
    ]);
    expect(series[0]?.breakdown).toEqual([
      { value: 'ads', spend: 30, acquired: 1, costPerAcquired: 30 },
      { value: 'friends', spend: 0, acquired: 0, costPerAcquired: null },
      { value: 'partner', spend: 20, acquired: 1, costPerAcquired: 20 },
    ]);
  });
});
