import type { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import {
  fieldText,
  formatCount,
  formatDuration,
  formatKpiValue,
  formatPercent,
  SUPPRESSED_TEXT,
  severityOf,
  stepScale,
} from './format';
import type { StepEvidence } from './types';

describe('metric formatting', () => {
  it('writes durations in human units', () => {
    expect(formatDuration(40)).toBe('40 s');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(5.5 * 3600)).toBe('5.5 h');
    expect(formatDuration(3.2 * 86_400)).toBe('3.2 d');
    expect(formatDuration(3 * 86_400)).toBe('3 d');
    expect(formatDuration(12.4 * 86_400)).toBe('12 d');
    expect(formatDuration(null)).toBe('—');
  });

  it('writes shares as percentages and counts with separators', () => {
    expect(formatPercent(0.8234)).toBe('82%');
    expect(formatPercent(0.045)).toBe('4.5%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(1204)).toBe('1,204');
  });

  it('shows "<11" for a suppressed field and "—" for an unknown one', () => {
    const row = { cases: null, dropOff: null, conversionFromPrevious: 0.5, suppressed: ['cases'] };
    expect(fieldText(row, 'cases', formatCount)).toEqual({ text: SUPPRESSED_TEXT, suppressed: true });
    expect(fieldText(row, 'dropOff', formatCount)).toEqual({ text: '—', suppressed: false });
    expect(fieldText(row, 'conversionFromPrevious', formatPercent).text).toBe('50%');
  });

  it('formats KPI values by kind', () => {
    const base = {
      id: 'k',
      name: 'K',
      description: '',
      direction: 'higher-is-better',
      reference: '',
    } as const;
    const rate: KpiDefinition = {
      ...base,
      kind: 'rate',
      numerator: ['a'],
      denominator: ['b'],
      countOver: 'events',
    };
    const nps: KpiDefinition = {
      ...base,
      kind: 'score',
      scale: 'nps',
      activity: 'survey',
      attribute: 'score',
    };
    const dur: KpiDefinition = {
      ...base,
      kind: 'duration',
      from: { activities: ['a'] },
      to: { activities: ['b'] },
    };
    expect(formatKpiValue(rate, 0.125)).toBe('13%');
    expect(formatKpiValue(nps, 32.4)).toBe('+32');
    expect(formatKpiValue(nps, -5)).toBe('-5');
    expect(formatKpiValue(dur, 7200)).toBe('2 h');
    const cpa: KpiDefinition = {
      ...base,
      kind: 'cost-per',
      costActivities: ['ad.clicked'],
      acquired: { activities: ['visit.completed'] },
      splitBy: 'source',
    };
    expect(formatKpiValue(cpa, 12630 / 300)).toBe('42.10 per patient');
    expect(formatKpiValue(cpa, 1234.567)).toBe('1,234.57 per patient');
  });
});

describe('worst-step scale', () => {
  const step = (stepId: string, conv: number | null, dropOff: number | null, suppressed: string[] = []) =>
    ({
      stepId,
      cases: 100,
      conversionFromPrevious: conv,
      dropOff,
      medianSecondsFromPrevious: null,
      suppressed,
    }) satisfies StepEvidence;

  it('bands conversions', () => {
    expect([0.95, 0.9, 0.8, 0.6, 0.3].map(severityOf)).toEqual([0, 0, 1, 2, 3]);
    // Banded as shown: 74.8% reads "75%" and keeps 75–89%; 89.4% reads "89%" and stays below 90.
    expect([0.748, 0.744, 0.895, 0.894, 0.496].map((c) => [formatPercent(c), severityOf(c)])).toEqual([
      ['75%', 1],
      ['74%', 2],
      ['90%', 0],
      ['89%', 1],
      ['50%', 2],
    ]);
  });

  it('marks the lowest conversion as worst, breaking ties by patients lost', () => {
    const { bands, worstStepId } = stepScale([
      step('first', null, null),
      step('b', 0.8, 20),
      step('c', 0.55, 45),
      step('d', 0.55, 90),
      step('e', 0.95, 5),
    ]);
    expect(worstStepId).toBe('d');
    expect([...bands]).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['e', 0],
    ]);
  });

  it('never picks a suppressed step, and has no worst step when nobody is lost', () => {
    expect(
      stepScale([step('a', null, null), step('b', 0.2, null, ['conversionFromPrevious'])]).worstStepId,
    ).toBeNull();
    expect(stepScale([step('a', null, null), step('b', 1, 0), step('c', 1, 0)]).worstStepId).toBeNull();
    // one comparable step is not "the worst" of anything
    expect(stepScale([step('a', null, null), step('b', 0.3, 70)]).worstStepId).toBeNull();
  });
});
