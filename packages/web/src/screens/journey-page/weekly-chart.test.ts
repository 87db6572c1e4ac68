import { describe, expect, it } from 'vitest';
import { shownField } from '../../lib/format';
import { row } from '../../test-utils/analysis';
import { chartOption } from './weekly-chart';

const week = (w: string, cases: number, hide?: 'small' | 'complementary') => {
  const r = row({ week: w, cases }, hide ? { cases: hide } : {});
  return { week: r.week, cases: r.cases, shown: shownField(r, 'cases') };
};

describe('weekly chart', () => {
  it('draws a hidden week as a stub labelled "<11" only when it is a small count, else "hidden"', () => {
    const weeks = [
      week('2026-03-02', 40),
      week('2026-03-09', 7, 'small'),
      week('2026-03-16', 60, 'complementary'),
    ];
    const option = chartOption(weeks, 'Patients reaching Book');
    const series = (Array.isArray(option.series) ? option.series[0] : option.series) as { data: unknown[] };
    expect(series.data[0]).toBe(40);
    expect(series.data[1]).toMatchObject({ value: '-', label: { show: true, formatter: '<11' } });
    expect(series.data[2]).toMatchObject({ value: '-', label: { show: true, formatter: 'hidden' } });
    const tooltip = option.tooltip as { valueFormatter: (v: unknown, i: number) => string };
    expect([0, 1, 2].map((i) => tooltip.valueFormatter('-', i))).toEqual(['40', '<11', 'hidden']);
  });
});
