import { JourneyContent, type JourneyInput, KPI_LIBRARY } from '@pathlight/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Agent, type Harness, makeHarness } from './harness';

// ---- cost per acquired patient, computed by hand ----
// ads: 30 fictional patients, an ad click costing 10 each, 20 of them visit → spend 300 / 20 = 15.
// partner: 5 patients, a referral costing 20 each, 3 visit → 100 / 3.
// friends: 12 patients, a lead with no cost, all 12 visit → 0 / 12 = 0.
// Every visit carries a cost of 120 that is not acquisition spend. Total: 400 / 35.
const BASE = Date.UTC(2026, 0, 5, 8);
const HOUR = 3_600_000;
function costCsv(): string {
  const rows = ['case_id,activity,timestamp,cost,source'];
  const at = (ms: number) => new Date(ms).toISOString();
  let n = 0;
  const group = (
    prefix: string,
    size: number,
    source: string,
    first: string,
    cost: string,
    visits: number,
  ) => {
    for (let i = 1; i <= size; i++) {
      const id = `${prefix}${String(i).padStart(2, '0')}`;
      const t = BASE + n++ * HOUR;
      rows.push(`${id},${first},${at(t)},${cost},${source}`);
      if (i <= visits) rows.push(`${id},visit.completed,${at(t + 48 * HOUR)},120,${source}`);
    }
  };
  group('a', 30, 'ads', 'ad.clicked', '10', 20);
  group('r', 5, 'partner', 'referral.placed', '20', 3);
  group('f', 12, 'friends', 'lead.created', '', 12);
  return `${rows.join('\n')}\n`;
}

const library = KPI_LIBRARY.find((k) => k.id === 'cost-per-acquired-patient')!;
const JOURNEY: JourneyInput = {
  schemaVersion: 2,
  name: 'Acquisition',
  lanes: [],
  stages: [
    {
      id: 'all',
      name: 'All',
      steps: [
        {
          id: 'contact',
          name: 'First contact',
          activities: ['ad.clicked', 'referral.placed', 'lead.created'],
        },
        { id: 'visit', name: 'First visit', activities: ['visit.completed'] },
      ],
    },
  ],
  kpis: [{ ...library, acquired: { stepId: 'visit' } }],
};

let h: Harness;
let olga: Agent;
let vera: Agent;
let journeyId: string;

beforeAll(async () => {
  h = await makeHarness({});
  await h.user('olga@example.test', 'Olga Owner');
  const veraUser = await h.user('vera@example.test', 'Vera Viewer');
  olga = await h.agent('olga@example.test').login();
  vera = await h.agent('vera@example.test').login();
  const ws = (await olga.json('POST', '/api/workspaces', { name: 'Cost clinic' })).body.id;
  await olga.json('POST', `/api/workspaces/${ws}/members`, { email: veraUser.email, role: 'viewer' });
  const made = await olga.json('POST', `/api/workspaces/${ws}/journeys/import`, {
    format: 'pathlight.journey',
    schemaVersion: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    journey: JourneyContent.parse(JOURNEY),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  journeyId = made.body.id;
  const up = await olga.json('POST', `/api/workspaces/${ws}/uploads`, new TextEncoder().encode(costCsv()), {
    'x-filename': 'costs.csv',
  });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const source = await olga.json('POST', `/api/workspaces/${ws}/sources`, {
    uploadId: up.body.uploadId,
    name: 'costs.csv',
  });
  expect(source.status, JSON.stringify(source.body)).toBe(202);
  await h.evidence.jobs.idle();
}, 120_000);
afterAll(() => h?.close());

const exactBreakdown = [
  { value: 'ads', spend: 300, acquired: 20, costPerAcquired: 15, suppressed: [], suppressedReasons: {} },
  { value: 'friends', spend: 0, acquired: 12, costPerAcquired: 0, suppressed: [], suppressedReasons: {} },
  {
    value: 'partner',
    spend: 100,
    acquired: 3,
    costPerAcquired: 100 / 3,
    suppressed: [],
    suppressedReasons: {},
  },
];
// Viewers: partner's 3 acquired patients are a value held by fewer than 11 patients, so the row is left
// out (and counted as left out); friends' 12 patients show as 10 (rounded to 5).
const protectedBreakdown = [
  exactBreakdown[0],
  { value: 'friends', spend: 0, acquired: 10, costPerAcquired: 0, suppressed: [], suppressedReasons: {} },
];

describe('cost per acquired patient through the API', () => {
  test('metrics: spend ÷ acquired patients with the breakdown by source; viewers see small rows hidden', async () => {
    const m = await olga.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.kpis).toEqual([
      {
        id: 'cost-per-acquired-patient',
        name: 'Cost per acquired patient',
        value: 400 / 35,
        numerator: 400,
        denominator: 35,
        breakdown: exactBreakdown,
        suppressed: [],
        suppressedReasons: {},
      },
    ]);
    const v = await vera.json('POST', `/api/journeys/${journeyId}/metrics`, {});
    expect(v.body.kpis[0]).toMatchObject({
      value: 11.43,
      numerator: 400,
      denominator: 35,
      suppressed: [],
      omitted: { breakdown: 1 },
    });
    expect(v.body.kpis[0].breakdown).toEqual(protectedBreakdown);
  });

  test('dashboard: the tile carries the breakdown, the previous period and the weekly series', async () => {
    const d = await olga.json('POST', `/api/journeys/${journeyId}/dashboard`, {});
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const [tile] = d.body.tiles;
    expect(tile).toMatchObject({
      value: 400 / 35,
      numerator: 400,
      denominator: 35,
      previousValue: null,
      previousDenominator: 0,
      change: null,
      breakdown: exactBreakdown,
    });
    expect(tile.kpi.kind).toBe('cost-per');
    expect(tile.weekly.at(-1)).toMatchObject({ value: 400 / 35, numerator: 400, denominator: 35 });
    const v = await vera.json('POST', `/api/journeys/${journeyId}/dashboard`, {});
    expect(v.body.tiles[0].breakdown).toEqual(protectedBreakdown);
    expect(v.body.tiles[0].omitted).toEqual({ breakdown: 1 });
  });
});
