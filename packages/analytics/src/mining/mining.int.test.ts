import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { activities, caseDuration, edges, endpoints, summary, variants } from './basic';
import { conformance } from './conformance';
import { funnel } from './funnel';
import { kpis } from './kpis';
import { segments } from './segments';
import { CLINIC, CLINIC_JOURNEY, eventsDb } from './test-fixture';

const H = 3600;
let db: DuckDBConnection;
beforeAll(async () => {
  db = await eventsDb(CLINIC);
});

describe('basic analyses on the small clinic', () => {
  it('summarises cases, events, activities, variants and the time span', async () => {
    expect(await summary(db)).toEqual({
      cases: 6,
      events: 20,
      activities: 5,
      variants: 6,
      firstEvent: '2025-03-01T00:00:00.000Z',
      lastEvent: '2025-03-03T03:00:00.000Z',
    });
  });

  it('counts activities by events then name', async () => {
    expect(await activities(db)).toEqual([
      { name: 'Lead', events: 6, cases: 6 },
      { name: 'Book', events: 5, cases: 4 },
      { name: 'Survey', events: 4, cases: 4 },
      { name: 'Visit', events: 4, cases: 4 },
      { name: 'Überweisung', events: 1, cases: 1 },
    ]);
  });

  it('finds start and end activities (ties in time broken by seq)', async () => {
    expect(await endpoints(db)).toEqual({
      startActivities: [
        { name: 'Lead', cases: 5 },
        { name: 'Book', cases: 1 },
      ],
      endActivities: [
        { name: 'Survey', cases: 4 },
        { name: 'Lead', cases: 1 },
        { name: 'Visit', cases: 1 },
      ],
    });
  });

  it('builds directly-follows edges with mean, even/odd medians and p90', async () => {
    const e = (from: string, to: string, count: number, mean: number, median: number, p90: number) => ({
      from,
      to,
      count,
      meanSeconds: mean,
      medianSeconds: median,
      p90Seconds: p90,
    });
    expect(await edges(db)).toEqual([
      e('Visit', 'Survey', 3, H, H, H),
      e('Book', 'Visit', 2, 35.5 * H, 35.5 * H, 160_920),
      e('Lead', 'Book', 2, 1.5 * H, 1.5 * H, 6840),
      e('Lead', 'Visit', 2, 7 * H, 7 * H, 30_960),
      e('Book', 'Book', 1, H, H, H),
      e('Book', 'Lead', 1, H, H, H),
      e('Book', 'Survey', 1, 2 * H, 2 * H, 2 * H),
      e('Lead', 'Überweisung', 1, 0, 0, 0),
      e('Überweisung', 'Book', 1, 0, 0, 0),
    ]);
  });

  it('lists variants by cases then sequence, limited or all', async () => {
    const all = await variants(db, { limit: 'all' });
    expect(all.map((v) => v.activities.join('>'))).toEqual([
      'Book>Lead>Visit',
      'Lead',
      'Lead>Book>Book>Visit>Survey',
      'Lead>Book>Visit>Survey',
      'Lead>Visit>Survey',
      'Lead>Überweisung>Book>Survey',
    ]);
    expect(all.every((v) => v.cases === 1)).toBe(true);
    expect(await variants(db, { limit: 2 })).toHaveLength(2);
  });

  it('computes case duration (even count: mean of the two middle values)', async () => {
    expect(await caseDuration(db)).toEqual({
      meanSeconds: 57_000,
      medianSeconds: 8 * H,
      p90Seconds: 38.5 * H,
    });
  });
});

describe('filters', () => {
  it('keeps events inside a time window, offsets converted to UTC', async () => {
    const s = await summary(db, {
      filters: [{ kind: 'time', from: '2025-03-01T02:00:00+01:00', to: '2025-03-02T02:00:00Z' }],
    });
    expect(s).toMatchObject({ cases: 6, events: 13, firstEvent: '2025-03-01T01:00:00.000Z' });
  });

  it('reads a time without an offset as UTC, whatever the session zone', async () => {
    const zoned = await eventsDb(CLINIC);
    await zoned.run("SET TimeZone = 'America/New_York'");
    const naive = await summary(zoned, {
      filters: [{ kind: 'time', from: '2025-03-01T01:00:00', to: '2025-03-02T02:00:00' }],
    });
    expect(naive).toMatchObject({ events: 13, firstEvent: '2025-03-01T01:00:00.000Z' });
    const offset = await summary(zoned, { filters: [{ kind: 'time', from: '2025-02-28T20:00:00-05:00' }] });
    expect(offset.events).toBe(16); // from 01:00Z: the four events at 00:00Z are out
  });

  it('keeps cases by a column attribute, its first value, and null for "never set"', async () => {
    const web = await summary(db, { filters: [{ kind: 'attribute', key: 'channel', values: ['web'] }] });
    expect(web.cases).toBe(3);
    const phone = await summary(db, { filters: [{ kind: 'attribute', key: 'channel', values: ['phone'] }] });
    expect(phone).toMatchObject({ cases: 2, events: 8 });
    const none = await summary(db, { filters: [{ kind: 'attribute', key: 'channel', values: [null] }] });
    expect(none).toMatchObject({ cases: 1, events: 3 });
  });

  it('keeps cases by data source (the source_id column)', async () => {
    const all = await summary(db, { filters: [{ kind: 'attribute', key: 'source_id', values: ['test'] }] });
    expect(all).toMatchObject({ cases: 6, events: 20 });
    const other = await summary(db, {
      filters: [{ kind: 'attribute', key: 'source_id', values: ['other'] }],
    });
    expect(other).toMatchObject({ cases: 0, events: 0 });
  });

  it('keeps cases by an attrs key', async () => {
    const s = await summary(db, { filters: [{ kind: 'attribute', key: 'location', values: ['Süd'] }] });
    expect(s).toMatchObject({ cases: 2, events: 9 });
  });

  it('keeps cases with or without an activity (odd median)', async () => {
    expect(
      (await summary(db, { filters: [{ kind: 'activity', activity: 'Survey', present: true }] })).cases,
    ).toBe(4);
    const noRef = { filters: [{ kind: 'activity', activity: 'Überweisung', present: false }] as const };
    expect((await summary(db, noRef)).cases).toBe(5);
    expect((await caseDuration(db, noRef)).medianSeconds).toBe(10 * H);
  });

  it('keeps cases of one variant, combined with other filters by AND', async () => {
    const v = { kind: 'variant', activities: ['Lead', 'Visit', 'Survey'] } as const;
    expect(await summary(db, { filters: [v] })).toMatchObject({ cases: 1, events: 3 });
    const none = await summary(db, { filters: [v, { kind: 'activity', activity: 'Book', present: true }] });
    expect(none).toMatchObject({ cases: 0, events: 0, firstEvent: null });
  });
});

describe('journey analyses', () => {
  it('runs the ordered funnel: earliest match after the previous step, optional steps off the path', async () => {
    expect(await funnel(db, { journey: CLINIC_JOURNEY })).toEqual([
      {
        step: 'Lead',
        stepId: 'lead',
        cases: 6,
        conversionFromPrevious: null,
        dropOff: null,
        medianSecondsFromPrevious: null,
      },
      {
        step: 'Book',
        stepId: 'book',
        cases: 3,
        conversionFromPrevious: 0.5,
        dropOff: 3,
        medianSecondsFromPrevious: H,
      },
      {
        step: 'Referral',
        stepId: 'ref',
        cases: 0,
        conversionFromPrevious: 0,
        dropOff: 3,
        medianSecondsFromPrevious: null,
      },
      {
        step: 'Visit',
        stepId: 'visit',
        cases: 2,
        conversionFromPrevious: 2 / 3,
        dropOff: 1,
        medianSecondsFromPrevious: 36 * H,
      },
      {
        step: 'Survey',
        stepId: 'survey',
        cases: 2,
        conversionFromPrevious: 1,
        dropOff: 0,
        medianSecondsFromPrevious: H,
      },
    ]);
  });

  it('computes a KPI of each kind', async () => {
    const byId = Object.fromEntries((await kpis(db, { journey: CLINIC_JOURNEY })).map((k) => [k.id, k]));
    expect(byId['book-per-lead']).toEqual({
      id: 'book-per-lead',
      name: 'Bookings per lead',
      value: 5 / 6,
      numerator: 5,
      denominator: 6,
    });
    expect(byId.surveyed).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(byId['lead-visit']).toMatchObject({ value: 4 / 6, numerator: 4, denominator: 6 });
    expect(byId['lead-visit-1d']).toMatchObject({ value: 2 / 6, numerator: 2, denominator: 6 });
    expect(byId['lead-survey']).toEqual({
      id: 'lead-survey',
      name: 'Lead to survey',
      value: 16 * H,
      numerator: 4,
      denominator: 6,
      p90Seconds: 43.5 * H,
    });
    // NPS answers 9, 10, "7", 0: promoters 2, detractors 1 of 4 → 25 points.
    expect(byId.nps).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    // CSAT answers 5, 4, 3, 1: two of four in the top two boxes.
    expect(byId.csat).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('checks conformance to the designed order', async () => {
    expect(await conformance(db, { journey: CLINIC_JOURNEY })).toEqual({
      fittingCases: 2,
      fittingShare: 2 / 6,
      steps: [
        { step: 'Lead', stepId: 'lead', skipped: 0, outOfOrder: 1 },
        { step: 'Book', stepId: 'book', skipped: 1, outOfOrder: 1 },
        { step: 'Referral', stepId: 'ref', skipped: 4, outOfOrder: 0 },
        { step: 'Visit', stepId: 'visit', skipped: 1, outOfOrder: 0 },
        { step: 'Survey', stepId: 'survey', skipped: 0, outOfOrder: 0 },
      ],
      unmappedActivities: [],
    });
  });

  it('lists activities on no step', async () => {
    const journey = {
      ...CLINIC_JOURNEY,
      stages: CLINIC_JOURNEY.stages.map((s) => ({ ...s, steps: s.steps.filter((t) => t.id !== 'ref') })),
    };
    const c = await conformance(db, { journey });
    expect(c.unmappedActivities).toEqual([{ name: 'Überweisung', events: 1 }]);
    expect(c.fittingCases).toBe(2);
  });

  it('splits funnel and KPIs by a case attribute', async () => {
    const segs = await segments(db, { journey: CLINIC_JOURNEY, attribute: 'location' });
    expect(segs.map((s) => [s.value, s.cases])).toEqual([
      ['Nord', 3],
      ['Süd', 2],
      [null, 1],
    ]);
    const sud = segs[1];
    expect(sud?.funnel.map((f) => f.cases)).toEqual([2, 2, 0, 1, 1]);
    expect(sud?.kpis.find((k) => k.id === 'nps')).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });
});

describe('an empty events table', () => {
  it('returns zeros and nulls without crashing', async () => {
    const empty = await eventsDb([]);
    expect(await summary(empty)).toEqual({
      cases: 0,
      events: 0,
      activities: 0,
      variants: 0,
      firstEvent: null,
      lastEvent: null,
    });
    expect(await activities(empty)).toEqual([]);
    expect(await edges(empty)).toEqual([]);
    expect(await variants(empty)).toEqual([]);
    expect(await caseDuration(empty)).toEqual({ meanSeconds: null, medianSeconds: null, p90Seconds: null });
    const f = await funnel(empty, { journey: CLINIC_JOURNEY });
    expect(f.map((s) => [s.cases, s.conversionFromPrevious, s.medianSecondsFromPrevious])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    const k = await kpis(empty, { journey: CLINIC_JOURNEY });
    expect(k.every((x) => x.value === null && x.denominator === 0)).toBe(true);
    expect(await conformance(empty, { journey: CLINIC_JOURNEY })).toMatchObject({
      fittingCases: 0,
      fittingShare: null,
      unmappedActivities: [],
    });
  });
});
