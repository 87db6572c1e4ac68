import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { edges, summary, variants } from './mining/basic';
import { conformance } from './mining/conformance';
import { funnel } from './mining/funnel';
import { kpis } from './mining/kpis';
import { CLINIC, CLINIC_JOURNEY, eventsDb } from './mining/test-fixture';

describe('analyze', () => {
  it('returns exactly the documented keys, with journey parts only when a journey is given', async () => {
    const db = await eventsDb(CLINIC);
    const plain = await analyze(db);
    expect(Object.keys(plain)).toEqual([
      'summary',
      'activities',
      'startActivities',
      'endActivities',
      'edges',
      'variants',
      'caseDuration',
    ]);
    const full = await analyze(db, { journey: CLINIC_JOURNEY, variants: 1 });
    expect(Object.keys(full)).toEqual([...Object.keys(plain), 'funnel', 'kpis', 'conformance']);
    expect(full.variants).toEqual([{ activities: ['Book', 'Lead', 'Visit'], cases: 1 }]);
    expect(full.funnel?.map((s) => s.cases)).toEqual([6, 3, 0, 2, 2]);
    expect(full.kpis?.map((k) => k.id)).toEqual(CLINIC_JOURNEY.kpis.map((k) => k.id));
    expect(full.conformance?.fittingCases).toBe(2);
    // Round-trips through JSON unchanged: plain numbers, strings and nulls only.
    expect(JSON.parse(JSON.stringify(full))).toEqual(full);
  });

  it('matches the analyses run one by one on the events table, and leaves no temporary table', async () => {
    const db = await eventsDb(CLINIC);
    const filters = [{ kind: 'activity', activity: 'Visit', present: true }] as const;
    const r = await analyze(db, { journey: CLINIC_JOURNEY, filters, variants: 'all' });
    expect(r.summary).toEqual(await summary(db, { filters }));
    expect(r.edges).toEqual(await edges(db, { filters }));
    expect(r.variants).toEqual(await variants(db, { filters, limit: 'all' }));
    expect(r.funnel).toEqual(await funnel(db, { journey: CLINIC_JOURNEY, filters }));
    expect(r.kpis).toEqual(await kpis(db, { journey: CLINIC_JOURNEY, filters }));
    expect(r.conformance).toEqual(await conformance(db, { journey: CLINIC_JOURNEY, filters }));
    const temp = await db.runAndReadAll('SELECT count(*) AS n FROM duckdb_tables() WHERE temporary');
    expect(Number(temp.getRowObjectsJS()[0]?.n)).toBe(0);
  });

  it('counts every variant in the summary whatever the variant limit', async () => {
    const db = await eventsDb(CLINIC);
    const none = await analyze(db, { variants: 0 });
    expect(none.variants).toEqual([]);
    expect(none.summary).toEqual(await summary(db));
    expect(none.summary.variants).toBe(6);
    expect((await analyze(db, { variants: 'all' })).variants).toHaveLength(6);
  });

  it('applies filters to every part', async () => {
    const db = await eventsDb(CLINIC);
    const r = await analyze(db, {
      journey: CLINIC_JOURNEY,
      filters: [{ kind: 'attribute', key: 'location', values: ['Süd'] }],
    });
    expect(r.summary.cases).toBe(2);
    expect(r.activities.find((a) => a.name === 'Lead')?.cases).toBe(2);
    expect(r.funnel?.[0]?.cases).toBe(2);
    expect(r.kpis?.find((k) => k.id === 'nps')?.denominator).toBe(2);
    expect(r.conformance?.fittingShare).toBe(0.5);
  });
});
