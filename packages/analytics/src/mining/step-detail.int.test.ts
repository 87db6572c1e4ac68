import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { funnel } from './funnel';
import { stepCases, stepPaths, stepSplit, stepWeekly } from './step-detail';
import { CLINIC, CLINIC_JOURNEY, eventsDb } from './test-fixture';

let db: DuckDBConnection;
beforeAll(async () => {
  db = await eventsDb(CLINIC);
});
const journey = CLINIC_JOURNEY;
const iso = (hours: number) => new Date(Date.UTC(2025, 2, 1) + hours * 3_600_000).toISOString();

describe('step detail on the small clinic (hand-computed)', () => {
  it('weekly: NA reaches Visit on Sun 2 March (week of 24 Feb), b on Mon 3 March', async () => {
    expect(await stepWeekly(db, { journey, stepId: 'visit' })).toEqual([
      { week: '2025-02-24', cases: 1 },
      { week: '2025-03-03', cases: 1 },
    ]);
  });

  it('weekly counts add up to the funnel count of the step', async () => {
    const f = await funnel(db, { journey });
    for (const step of f) {
      const weeks = await stepWeekly(db, { journey, stepId: step.stepId });
      expect(
        weeks.reduce((s, w) => s + w.cases, 0),
        step.stepId,
      ).toBe(step.cases);
    }
  });

  it('split by location: conversion from Book per value', async () => {
    expect(await stepSplit(db, { journey, stepId: 'visit', attribute: 'location' })).toEqual([
      { value: 'Süd', cases: 1, previousCases: 2, conversionFromPrevious: 0.5 },
      { value: 'Nord', cases: 1, previousCases: 1, conversionFromPrevious: 1 },
    ]);
    expect(await stepSplit(db, { journey, stepId: 'lead', attribute: 'location' })).toEqual([
      { value: 'Nord', cases: 3, previousCases: null, conversionFromPrevious: null },
      { value: 'Süd', cases: 2, previousCases: null, conversionFromPrevious: null },
      { value: null, cases: 1, previousCases: null, conversionFromPrevious: null },
    ]);
  });

  it('paths into and out of a step', async () => {
    expect(await stepPaths(db, { journey, stepId: 'visit' })).toEqual({
      pathsIn: [{ activity: 'Book', cases: 2 }],
      pathsOut: [{ activity: 'Survey', cases: 2 }],
      startedHere: 0,
      endedHere: 0,
    });
    expect(await stepPaths(db, { journey, stepId: 'lead' })).toEqual({
      pathsIn: [{ activity: 'Book', cases: 1 }],
      pathsOut: [
        { activity: 'Book', cases: 2 },
        { activity: 'Visit', cases: 2 },
        { activity: 'Überweisung', cases: 1 },
      ],
      startedHere: 5,
      endedHere: 1,
    });
  });

  it('case lists: reached and dropped', async () => {
    expect(await stepCases(db, { journey, stepId: 'book', which: 'dropped' })).toEqual({
      total: 3,
      cases: [
        { caseId: 'c', firstEvent: iso(0), lastEvent: iso(6), events: 3 },
        { caseId: 'd', firstEvent: iso(0), lastEvent: iso(10), events: 3 },
        { caseId: 'e', firstEvent: iso(10), lastEvent: iso(10), events: 1 },
      ],
    });
    const reached = await stepCases(db, { journey, stepId: 'visit', which: 'reached', limit: 1 });
    expect(reached).toEqual({
      total: 2,
      cases: [{ caseId: 'NA', firstEvent: iso(0), lastEvent: iso(26), events: 4 }],
    });
    expect(await stepCases(db, { journey, stepId: 'lead', which: 'dropped' })).toEqual({
      total: 0,
      cases: [],
    });
  });

  it('refuses a step that is not in the funnel', async () => {
    await expect(stepWeekly(db, { journey, stepId: 'note' })).rejects.toThrow(/step "note"/);
  });
});

describe('kpiSeries', () => {
  it('each bucket equals the KPI filtered to that window', async () => {
    const { kpiSeries } = await import('./kpi-series');
    const { kpi } = await import('./kpis');
    const def = journey.kpis.find((k) => k.id === 'book-per-lead')!;
    // [0 h, 2 h): Leads of NA, b, c, d; Books of NA (1 h) and d (0 h). [2 h, 100 h): Leads of f, e; Books b, b, f.
    const [early, late] = await kpiSeries(db, {
      journey,
      kpi: def,
      buckets: [
        { from: iso(0), to: iso(2) },
        { from: iso(2), to: iso(100) },
      ],
    });
    expect(early).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(late).toMatchObject({ numerator: 3, denominator: 2, value: 1.5 });
    const whole = await kpi(db, { journey, kpi: def });
    expect(early!.numerator + late!.numerator).toBe(whole.numerator);
  });
});

describe('buildFilteredEvents', () => {
  it('analyses on the materialised events equal the analyses with the filters', async () => {
    const { buildFilteredEvents } = await import('./filtered-events');
    const filters = [
      { kind: 'time' as const, from: iso(0), to: iso(30) },
      { kind: 'attribute' as const, key: 'location', values: ['Nord'] },
    ];
    const q = buildFilteredEvents(filters);
    await db.run(`CREATE TEMP TABLE fev AS ${q.sql}`, q.params);
    const rows = (await db.runAndReadAll('SELECT case_id, activity FROM fev ORDER BY seq')).getRowObjectsJS();
    // Nord cases (first location): NA, c, e; every event of theirs is before hour 30.
    expect(rows.map((r) => `${r.case_id}:${r.activity}`)).toEqual([
      'NA:Lead',
      'NA:Book',
      'NA:Visit',
      'NA:Survey',
      'c:Lead',
      'c:Visit',
      'c:Survey',
      'e:Lead',
    ]);
    const direct = await funnel(db, { journey, filters });
    expect(direct.map((s) => s.cases)).toEqual([3, 1, 0, 1, 1]);
    await db.run('DROP TABLE fev');
  });
});
