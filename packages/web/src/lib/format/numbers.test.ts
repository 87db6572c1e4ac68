import type { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatKpiValue,
  formatMoney,
  formatPercent,
  formatPoints,
  formatSpend,
} from './numbers';

const base = { id: 'k', name: 'K', description: '', direction: 'higher-is-better', reference: '' } as const;
const rate: KpiDefinition = {
  ...base,
  kind: 'rate',
  numerator: ['a'],
  denominator: ['b'],
  countOver: 'events',
};
const nps: KpiDefinition = { ...base, kind: 'score', scale: 'nps', activity: 'survey', attribute: 'score' };
const dur: KpiDefinition = {
  ...base,
  kind: 'duration',
  from: { activities: ['a'] },
  to: { activities: ['b'] },
};
const cpa: KpiDefinition = {
  ...base,
  kind: 'cost-per',
  costActivities: ['ad.clicked'],
  acquired: { activities: ['visit.completed'] },
  splitBy: 'source',
};

describe('numbers', () => {
  it('writes counts with separators, an em dash when unknown', () => {
    expect([formatCount(1408), formatCount(null), formatCount(undefined), formatCount(2.6)]).toEqual([
      '1,408',
      '—',
      '—',
      '3',
    ]);
  });

  it('writes shares whole on the map and to a tenth on dashboards', () => {
    expect([0.8234, 0.045, 0, 1, null].map((v) => formatPercent(v))).toEqual([
      '82%',
      '4.5%',
      '0%',
      '100%',
      '—',
    ]);
    expect([0.2216, 0.5, 1].map((v) => formatPercent(v, 'full'))).toEqual(['22.2%', '50%', '100%']);
    expect([formatPoints(-0.018), formatPoints(0.05)]).toEqual(['−1.8 pts', '+5 pts']);
  });

  it('writes durations in human units, days spelt out on dashboards', () => {
    expect(
      [40, 45 * 60, 5.5 * 3600, 3.2 * 86_400, 3 * 86_400, 12.4 * 86_400].map((s) => formatDuration(s)),
    ).toEqual(['40 s', '45 min', '5.5 h', '3.2 d', '3 d', '12 d']);
    expect([formatDuration(4.5 * 86_400, 'full'), formatDuration(null), formatDuration(-7200)]).toEqual([
      '4.5 days',
      '—',
      '−2 h',
    ]);
  });

  it('writes money, spend and sizes', () => {
    expect([formatMoney(42.1), formatSpend(12630), formatSpend(12630.5)]).toEqual([
      '42.10',
      '12,630',
      '12,630.5',
    ]);
    expect([formatBytes(512), formatBytes(2048), formatBytes(14.2 * 1024 * 1024)]).toEqual([
      '512 bytes',
      '2 KB',
      '14.2 MB',
    ]);
  });

  it('writes KPI values in their kind’s unit', () => {
    expect(formatKpiValue(rate, 0.125)).toBe('13%');
    expect(formatKpiValue(rate, 312 / 1408, 'full')).toBe('22.2%');
    expect([formatKpiValue(nps, 32.4), formatKpiValue(nps, -7.6), formatKpiValue(nps, 0)]).toEqual([
      '+32',
      '−8',
      '0',
    ]);
    expect([formatKpiValue(dur, 7200), formatKpiValue(dur, 4.5 * 86_400, 'full')]).toEqual([
      '2 h',
      '4.5 days',
    ]);
    expect([formatKpiValue(cpa, 12630 / 300), formatKpiValue(cpa, 1234.567)]).toEqual([
      '42.10 per patient',
      '1,234.57 per patient',
    ]);
    expect(formatKpiValue(rate, null)).toBe('—');
  });
});
