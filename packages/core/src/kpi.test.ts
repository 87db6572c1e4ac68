import { describe, expect, it } from 'vitest';
import { ActivityRef, KpiDefinition } from './kpi';

describe('KpiDefinition', () => {
  it('parses a rate with defaults', () => {
    const k = KpiDefinition.parse({
      id: 'k-ns',
      kind: 'rate',
      name: 'No-show rate',
      numerator: ['appointment.noshow'],
      denominator: ['appointment.noshow', 'appointment.arrived'],
    });
    expect(k).toMatchObject({
      countOver: 'events',
      direction: 'higher-is-better',
      reference: '',
      description: '',
    });
  });

  it('needs at least one activity on each side of a rate', () => {
    const r = KpiDefinition.safeParse({
      id: 'k',
      kind: 'rate',
      name: 'x',
      numerator: [],
      denominator: ['a'],
    });
    expect(r.error?.issues[0]).toMatchObject({ path: ['numerator'], message: 'name at least one activity' });
  });

  it('takes a positive window on conversions, or none', () => {
    const conv = (windowDays: unknown) =>
      KpiDefinition.safeParse({
        id: 'k',
        kind: 'conversion',
        name: 'x',
        from: { stepId: 'sp-a' },
        to: { activities: ['b'] },
        windowDays,
      }).success;
    expect(conv(30)).toBe(true);
    expect(conv(null)).toBe(true);
    expect(conv(0)).toBe(false);
    expect(conv(-1)).toBe(false);
  });

  it('knows NPS and CSAT scales only', () => {
    const score = { id: 'k', kind: 'score', name: 'x', activity: 'survey.completed', attribute: 'nps' };
    expect(KpiDefinition.safeParse({ ...score, scale: 'nps' }).success).toBe(true);
    expect(KpiDefinition.safeParse({ ...score, scale: 'ces' }).success).toBe(false);
  });

  it('rejects unknown kinds and fields of another kind', () => {
    expect(KpiDefinition.safeParse({ id: 'k', kind: 'ratio', name: 'x' }).success).toBe(false);
    expect(
      KpiDefinition.safeParse({
        id: 'k',
        kind: 'duration',
        name: 'x',
        from: { stepId: 'a' },
        to: { stepId: 'b' },
        windowDays: 3,
      }).success,
    ).toBe(false);
  });
});

describe('ActivityRef', () => {
  it('is a step or a list of activities, not both', () => {
    expect(ActivityRef.safeParse({ stepId: 'sp-a' }).success).toBe(true);
    expect(ActivityRef.safeParse({ activities: ['a.b'] }).success).toBe(true);
    expect(ActivityRef.safeParse({ stepId: 'sp-a', activities: ['a.b'] }).success).toBe(false);
    expect(ActivityRef.safeParse({ activities: [] }).success).toBe(false);
    expect(ActivityRef.safeParse({}).success).toBe(false);
  });

  it('parses a cost-per KPI with its defaults (lower is better, every cost, no split)', () => {
    const k = KpiDefinition.parse({
      id: 'k-cpa',
      kind: 'cost-per',
      name: 'Cost per acquired patient',
      acquired: { activities: ['visit.completed'] },
    });
    expect(k).toEqual({
      id: 'k-cpa',
      kind: 'cost-per',
      name: 'Cost per acquired patient',
      description: '',
      reference: '',
      direction: 'lower-is-better',
      costActivities: [],
      acquired: { activities: ['visit.completed'] },
      splitBy: null,
    });
  });

  it('rejects a cost-per KPI without an acquired end, or with unknown keys', () => {
    const base = { id: 'k', kind: 'cost-per', name: 'x' };
    expect(KpiDefinition.safeParse(base).error?.issues[0]?.path).toEqual(['acquired']);
    expect(KpiDefinition.safeParse({ ...base, acquired: { activities: ['a'] }, spend: ['b'] }).success).toBe(
      false,
    );
    expect(KpiDefinition.safeParse({ ...base, acquired: { activities: [] } }).success).toBe(false);
    expect(KpiDefinition.safeParse({ ...base, acquired: { stepId: 'sp-1' }, splitBy: '' }).success).toBe(
      false,
    );
  });
});
