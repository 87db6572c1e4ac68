import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { openEventStore } from './event-store';
import { summary } from './mining/basic';
import { CLINIC, CLINIC_JOURNEY, eventsDb, fillEvents } from './mining/test-fixture';

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

  it('gives the same result when the analyses run concurrently on more connections', async () => {
    const store = await openEventStore();
    try {
      await fillEvents(store.connection, CLINIC);
      const filters = [{ kind: 'time' as const, from: '2025-03-01T00:00:00Z' }];
      const serial = await analyze(store.connection, { journey: CLINIC_JOURNEY, variants: 'all', filters });
      expect(serial.summary).toMatchObject({ cases: 6, events: 20, variants: 6 });
      expect(serial.funnel?.map((s) => s.cases)).toEqual([6, 3, 0, 2, 2]);
      const extra = [await store.instance.connect(), await store.instance.connect()];
      try {
        expect(
          await analyze(store.connection, {
            journey: CLINIC_JOURNEY,
            variants: 'all',
            filters,
            connections: extra,
          }),
        ).toEqual(serial);
      } finally {
        for (const c of extra) c.closeSync();
      }
      expect(await store.analyze({ journey: CLINIC_JOURNEY, variants: 'all', filters })).toEqual(serial);
      expect(Object.keys(await store.analyze())).toEqual(Object.keys(await analyze(store.connection)));
    } finally {
      store.close();
    }
  });
});
