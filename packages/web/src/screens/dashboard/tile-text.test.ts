import type { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { definitionText, formatKpiValue, tileChange, tileFraction, tileValue } from './tile-format';

const common = { description: '', reference: 'healthcare.md §1.1' };
const noShow: KpiDefinition = {
  ...common,
  id: 'no-show-rate',
  name: 'No-show rate',
  kind: 'rate',
  direction: 'lower-is-better',
  numerator: ['No-show'],
  denominator: ['No-show', 'Attended'],
  countOver: 'events',
};
const ttfv: KpiDefinition = {
  ...common,
  id: 'ttfv',
  name: 'Time to first visit',
  kind: 'duration',
  direction: 'lower-is-better',
  from: { activities: ['Referral received'] },
  to: { stepId: 'visit' },
};
const nps: KpiDefinition = {
  ...common,
  id: 'nps',
  name: 'NPS',
  kind: 'score',
  direction: 'higher-is-better',
  scale: 'nps',
  activity: 'Survey answered',
  attribute: 'score',
};
const conversion: KpiDefinition = {
  ...common,
  id: 'conv',
  name: 'Booking conversion',
  kind: 'conversion',
  direction: 'higher-is-better',
  from: { activities: ['Enquiry'] },
  to: { activities: ['Booked'] },
  windowDays: 30,
};

describe('tile values', () => {
  it('formats shares, durations and NPS', () => {
    expect(formatKpiValue(noShow, 312 / 1408)).toBe('22.2%');
    expect(formatKpiValue(noShow, 0.5)).toBe('50%');
    expect(formatKpiValue(ttfv, 4.5 * 86_400)).toBe('4.5 days');
    expect(formatKpiValue(ttfv, 90 * 60)).toBe('1.5 h');
    expect(formatKpiValue(nps, 32.4)).toBe('+32');
    expect(formatKpiValue(nps, -7.6)).toBe('−8');
    expect(formatKpiValue(nps, 0)).toBe('0');
  });

  it('shows <11 for a suppressed value and — for no data', () => {
    expect(tileValue({ kpi: noShow, value: null, suppressed: ['numerator', 'value'] })).toEqual({
      text: '<11',
      hidden: true,
    });
    expect(tileValue({ kpi: noShow, value: null, suppressed: [] })).toEqual({ text: '—', hidden: false });
  });

  it('writes the numerator and denominator with their unit', () => {
    const t = { kpi: noShow, numerator: 312, denominator: 1408, suppressed: [] };
    expect(tileFraction(t)).toBe('312 / 1,408 events');
    expect(tileFraction({ ...t, kpi: conversion })).toBe('312 / 1,408 patients');
    expect(tileFraction({ ...t, numerator: null, suppressed: ['numerator', 'value'] })).toBe(
      '<11 / 1,408 events',
    );
    expect(tileFraction({ ...t, kpi: ttfv })).toBe('measured for 312 of 1,408 patients');
    expect(tileFraction({ ...t, kpi: nps, numerator: 40 })).toBe('from 1,408 responses');
    expect(tileFraction({ ...t, numerator: null, denominator: null })).toBeNull();
    expect(tileFraction({ ...t, kpi: ttfv, numerator: 0, denominator: 0 })).toBe(
      'no patients in this period',
    );
  });
});

describe('tile change', () => {
  it('reads a falling no-show rate as better, in percentage points', () => {
    expect(tileChange({ kpi: noShow, change: -0.021, previousValue: 0.24, suppressed: [] })).toEqual({
      arrow: '▼',
      amount: '−2.1 pts',
      words: 'better',
      tone: 'better',
    });
    expect(tileChange({ kpi: noShow, change: 0.05, previousValue: 0.2, suppressed: [] }).tone).toBe('worse');
  });

  it('reads durations as time and NPS as points, by the KPI direction', () => {
    expect(tileChange({ kpi: ttfv, change: 2 * 86_400, previousValue: 1, suppressed: [] })).toEqual({
      arrow: '▲',
      amount: '+2 days',
      words: 'worse',
      tone: 'worse',
    });
    expect(tileChange({ kpi: nps, change: 3.2, previousValue: 30, suppressed: [] }).amount).toBe('+3 points');
    expect(tileChange({ kpi: conversion, change: 0.0001, previousValue: 0.5, suppressed: [] })).toMatchObject(
      {
        amount: '0',
        tone: 'same',
      },
    );
  });

  it('explains a missing or hidden change', () => {
    expect(
      tileChange({ kpi: noShow, change: null, previousValue: null, suppressed: ['change'] }),
    ).toMatchObject({
      amount: '<11',
      words: 'change hidden (small numbers)',
    });
    expect(tileChange({ kpi: noShow, change: null, previousValue: null, suppressed: [] }).words).toBe(
      'no data in the previous period to compare with',
    );
  });
});

describe('definition text', () => {
  it('names the activities, window and steps used', () => {
    expect(definitionText(noShow)).toBe('Rate: No-show ÷ No-show or Attended, counted over events.');
    expect(definitionText(conversion)).toBe(
      'Conversion: patients reaching Booked after Enquiry within 30 days, ÷ patients reaching Enquiry.',
    );
    expect(definitionText(ttfv, () => 'First visit')).toContain('to the first later step “First visit”');
  });
});
