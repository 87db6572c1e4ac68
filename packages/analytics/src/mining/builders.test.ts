import { describe, expect, it } from 'vitest';
import { buildEdges, buildSummary, buildVariants } from './basic';
import { filteredEvents, jsonPointer } from './filters';
import { buildFunnel, funnelFromCounts, funnelSteps } from './funnel';
import { buildKpi, kpiValue } from './kpis';
import { CODE_SEQUENCE, SqlParams } from './sql';
import { wilsonInterval } from './stats';
import { CLINIC_JOURNEY } from './test-fixture';

describe('filteredEvents', () => {
  it('reads the events table as is without filters', () => {
    const p = new SqlParams();
    expect(filteredEvents([], p)).toMatch(/^fe AS NOT MATERIALIZED \(SELECT .* FROM events\)$/);
    expect(p.values).toEqual([]);
  });

  it('binds every user value and never splices it into the SQL', () => {
    const p = new SqlParams();
    const evil = "x'); DROP TABLE events; --";
    const sql = filteredEvents(
      [
        { kind: 'time', from: '2025-01-01T00:00:00Z' },
        { kind: 'activity', activity: evil, present: false },
        { kind: 'attribute', key: evil, values: [evil] },
      ],
      p,
    );
    expect(sql).not.toContain('DROP');
    expect(sql).toContain('NOT bool_or(activity = $2)');
    expect(sql).toContain('SEMI JOIN fc');
    expect(p.values[0]).toBe('2025-01-01T00:00:00Z');
    expect(p.values[1]).toBe(evil);
  });

  it('reads known columns directly and other attributes from attrs', () => {
    const p = new SqlParams();
    const sql = filteredEvents([{ kind: 'attribute', key: 'channel', values: ['web', null] }], p);
    expect(sql).toContain('arg_min(channel,');
    expect(sql).toContain('IS NULL');
    const q = new SqlParams();
    expect(filteredEvents([{ kind: 'attribute', key: 'source', values: ['google-ads'] }], q)).toContain(
      'json_extract_string(attrs, $1)',
    );
    expect(q.values[0]).toBe('/source');
  });

  it('names any attribute key by JSON Pointer: only ~ and / are escaped', () => {
    expect(['a\\b', 'x*y', '50%', 'q"uote', '$.x', 'a/b', 'til~de'].map(jsonPointer)).toEqual([
      '/a\\b',
      '/x*y',
      '/50%',
      '/q"uote',
      '/$.x',
      '/a~1b',
      '/til~0de',
    ]);
  });
});

describe('builders', () => {
  it('orders every sequence by (ts, seq)', () => {
    expect(buildSummary({}).sql).toContain(CODE_SEQUENCE);
    expect(CODE_SEQUENCE).toContain(
      "list_sort(list({'p': (epoch_us(ts)::HUGEINT * 1099511627776 + seq), 'a': code}))",
    );
    expect(buildEdges({}).sql).toContain('PARTITION BY case_no ORDER BY ts, seq');
    expect(buildVariants({}).sql).toContain(CODE_SEQUENCE);
  });

  it('limits variants to 50 by default, binds the limit, and rejects bad limits', () => {
    expect(buildVariants({}).params).toEqual([50]);
    expect(buildVariants({ limit: 'all' }).sql).not.toContain('LIMIT');
    expect(() => buildVariants({ limit: -1 })).toThrow(/non-negative integer/);
  });

  it('builds one CTE per funnel step, chained to the step each is measured from', () => {
    const { sql } = buildFunnel({ journey: CLINIC_JOURNEY });
    expect(sql).toContain('s2 AS MATERIALIZED (SELECT e.case_no');
    expect(sql.split('\n').find((l) => l.startsWith('s3 AS'))).toContain('JOIN s1 a');
  });

  it('rejects a KPI pointing at a step that does not exist', () => {
    expect(() =>
      buildKpi({
        journey: CLINIC_JOURNEY,
        kpi: {
          id: 'x',
          name: 'x',
          description: '',
          direction: 'higher-is-better',
          reference: '',
          kind: 'conversion',
          from: { stepId: 'nope' },
          to: { activities: ['Visit'] },
          windowDays: null,
        },
      }),
    ).toThrow(/step "nope"/);
  });
});

describe('funnel steps', () => {
  it('skips steps without activities and anchors optional steps on the last required one', () => {
    expect(funnelSteps(CLINIC_JOURNEY).map((s) => [s.id, s.previous])).toEqual([
      ['lead', null],
      ['book', 0],
      ['ref', 1],
      ['visit', 1],
      ['survey', 3],
    ]);
  });

  it('derives conversion and drop-off from counts', () => {
    const steps = funnelSteps(CLINIC_JOURNEY);
    const f = funnelFromCounts(steps, [
      { cases: 10, median: null },
      { cases: 4, median: 60 },
      { cases: 1, median: 5 },
      { cases: 3, median: 7 },
      { cases: 0, median: null },
    ]);
    expect(f.map((s) => [s.conversionFromPrevious, s.dropOff])).toEqual([
      [null, null],
      [0.4, 6],
      [0.25, 3],
      [0.75, 1],
      [0, 3],
    ]);
  });
});

describe('kpiValue', () => {
  const nps = CLINIC_JOURNEY.kpis.find((k) => k.id === 'nps');
  it('reports NPS in points and null without answers', () => {
    if (!nps) throw new Error('fixture lost its NPS KPI');
    expect(kpiValue(nps, { numerator: -3, denominator: 12, value: null, p90: null }).value).toBe(-25);
    expect(kpiValue(nps, { numerator: 0, denominator: 0, value: null, p90: null }).value).toBeNull();
  });
});

describe('wilsonInterval', () => {
  it('matches the worked example 18/120 → 9.7%–22.5%', () => {
    const ci = wilsonInterval(18, 120);
    expect(ci?.low).toBeCloseTo(0.097, 3);
    expect(ci?.high).toBeCloseTo(0.225, 3);
  });
  it('stays inside 0..1 and is null for n = 0', () => {
    expect(wilsonInterval(0, 10)?.low).toBe(0);
    expect(wilsonInterval(10, 10)?.high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(/0 ≤ x ≤ n/);
  });
});
