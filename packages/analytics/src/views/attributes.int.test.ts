import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EventStore, openEventStore } from '../event-store';
import { fillEvents, type TestEvent } from '../mining/test-fixture';
import { attributeColumns } from './attributes';

// 30 fictional patients p01…p30: each has a `location` (North for p01–p15, South for p16–p30), a channel
// (web for the first 20, phone for the rest) and a `\` answer 0–9; a planted group of three (p01–p03) has
// the columns `x*y` and `50%`; p04 alone has `a/b~c`. An `attrs` key named `channel` is never readable
// (the column wins) and is not offered twice.
function events(): TestEvent[] {
  const out: TestEvent[] = [];
  for (let i = 1; i <= 30; i++) {
    const id = `p${String(i).padStart(2, '0')}`;
    const attrs: Record<string, string | number> = { location: i <= 15 ? 'North' : 'South', '\\': i % 10 };
    if (i <= 3) Object.assign(attrs, { 'x*y': `star${i}`, '50%': 'half' });
    if (i === 4) attrs['a/b~c'] = 'odd';
    if (i === 5) attrs.channel = 'shadowed';
    out.push({ case: id, activity: 'Lead', hours: i, channel: i <= 20 ? 'web' : 'phone', attrs });
    out.push({
      case: id,
      activity: 'Visit',
      hours: i + 24,
      attrs: { location: i <= 15 ? 'North' : 'South' },
    });
  }
  return out;
}

let store: EventStore;
beforeAll(async () => {
  store = await openEventStore();
  await fillEvents(store.connection, events());
});
afterAll(() => store?.close());

describe('attributeColumns', () => {
  test('editors: every column and attrs key, with distinct values and patients, widest first', async () => {
    const r = await attributeColumns(store, { protect: false });
    expect(r.suppression.applied).toBe(false);
    const byKey = Object.fromEntries(r.attributes.map((a) => [a.key, a]));
    expect(Object.keys(byKey).sort()).toEqual(
      ['50%', '\\', 'a/b~c', 'channel', 'location', 'source_id', 'x*y'].sort(),
    );
    expect(byKey.location).toMatchObject({ cases: 30, values: 2, suppressed: [] });
    expect(byKey.channel).toMatchObject({ cases: 30, values: 2 });
    expect(byKey.source_id).toMatchObject({ cases: 30, values: 1 });
    expect(byKey['\\']).toMatchObject({ cases: 30, values: 10 });
    expect(byKey['x*y']).toMatchObject({ cases: 3, values: 3 });
    expect(byKey['50%']).toMatchObject({ cases: 3, values: 1 });
    expect(byKey['a/b~c']).toMatchObject({ cases: 1, values: 1 });
    // Most widely held first, then by name.
    expect(r.attributes.map((a) => a.cases)).toEqual(
      [...r.attributes.map((a) => a.cases)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
    expect(r.attributes.at(-1)?.key).toBe('a/b~c');
  });

  test('viewers: attributes of 1–10 patients left out, patients rounded, only values a split would list', async () => {
    const r = await attributeColumns(store, { protect: true });
    expect(r.suppression).toMatchObject({ applied: true, rounding: 5 });
    expect(r.attributes.map((a) => a.key)).not.toEqual(expect.arrayContaining(['x*y']));
    expect(r.attributes.map((a) => a.key).sort()).toEqual(['\\', 'channel', 'location', 'source_id'].sort());
    expect(r.omitted).toEqual({ attributes: 3 });
    const byKey = Object.fromEntries(r.attributes.map((a) => [a.key, a]));
    expect(byKey.location).toMatchObject({ cases: 30, values: 2 });
    // phone: 10 patients, web: 20: only web is held by more than 10.
    expect(byKey.channel).toMatchObject({ cases: 30, values: 1 });
    // Each `\` answer is held by 3 patients: none would be listed.
    expect(byKey['\\']).toMatchObject({ cases: 30, values: 0 });
    for (const a of r.attributes) expect((a.cases ?? 0) % 5).toBe(0);
  });

  test('a memo shares one computation between audiences', async () => {
    let computed = 0;
    const cache = new Map<string, unknown>();
    const memo = async <T>(key: unknown[], compute: (s: AbortSignal | undefined) => Promise<T>) => {
      const k = JSON.stringify(key);
      if (!cache.has(k)) {
        computed++;
        cache.set(k, await compute(undefined));
      }
      return cache.get(k) as T;
    };
    await attributeColumns(store, { protect: false, memo });
    await attributeColumns(store, { protect: true, memo });
    expect(computed).toBe(1);
  });

  test('a requester that went away stops the view', async () => {
    const gone = new AbortController();
    gone.abort();
    await expect(attributeColumns(store, { protect: false, signal: gone.signal })).rejects.toMatchObject({
      name: 'AnalysisStopped',
      why: 'cancelled',
    });
  });
});
