import type { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { formatKpiValue, HIDDEN_HELP, type Phrase, phraseText } from '../../lib/format';
import { definitionText, tileChange, tileFraction, tileValue } from './tile-text';

const text = (p: Phrase | null) => (p === null ? null : phraseText(p));
const full = (k: KpiDefinition, v: number) => formatKpiValue(k, v, 'full');

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
    expect(full(noShow, 312 / 1408)).toBe('22.2%');
    expect(full(noShow, 0.5)).toBe('50%');
    expect(full(ttfv, 4.5 * 86_400)).toBe('4.5 days');
    expect(full(ttfv, 90 * 60)).toBe('1.5 h');
    expect(full(nps, 32.4)).toBe('+32');
    expect(full(nps, -7.6)).toBe('−8');
    expect(full(nps, 0)).toBe('0');
  });

  it('reads a hidden rate "hidden", never "<11", and — for no data', () => {
    expect(
      tileValue({
        kpi: noShow,
        value: null,
        suppressed: ['numerator', 'value'],
        suppressedReasons: { numerator: 'small', value: 'derived' },
      }),
    ).toEqual({ text: 'hidden', hidden: { reason: 'derived', help: HIDDEN_HELP.derived } });
    expect(tileValue({ kpi: noShow, value: null, suppressed: [], suppressedReasons: {} })).toEqual({
      text: '—',
      hidden: null,
    });
  });

  it('writes the numerator and denominator with their unit', () => {
    const t = { kpi: noShow, numerator: 312, denominator: 1408, suppressed: [], suppressedReasons: {} };
    expect(text(tileFraction(t))).toBe('312 / 1,408 events');
    expect(text(tileFraction({ ...t, kpi: conversion }))).toBe('312 / 1,408 patients');
    const small = { numerator: 'small', value: 'derived' } as const;
    expect(
      text(
        tileFraction({ ...t, numerator: null, suppressed: ['numerator', 'value'], suppressedReasons: small }),
      ),
    ).toBe('<11 / 1,408 events');
    const large = { numerator: 'complementary', denominator: 'small' } as const;
    expect(
      text(
        tileFraction({
          ...t,
          numerator: null,
          denominator: null,
          suppressed: ['numerator', 'denominator'],
          suppressedReasons: large,
        }),
      ),
    ).toBe('hidden / <11 events');
    expect(text(tileFraction({ ...t, kpi: ttfv }))).toBe('measured for 312 of 1,408 patients');
    expect(text(tileFraction({ ...t, kpi: nps, numerator: 40 }))).toBe('from 1,408 responses');
    expect(tileFraction({ ...t, numerator: null, denominator: null })).toBeNull();
    expect(text(tileFraction({ ...t, kpi: ttfv, numerator: 0, denominator: 0 }))).toBe(
      'no patients in this period',
    );
  });
});

describe('tile change', () => {
  it('reads a falling no-show rate as better, in percentage points', () => {
    expect(
      tileChange({ kpi: noShow, change: -0.021, previousValue: 0.24, suppressed: [], suppressedReasons: {} }),
    ).toEqual({
      arrow: '▼',
      amount: { text: '−2.1 pts', hidden: null },
      words: 'better',
      tone: 'better',
    });
    expect(
      tileChange({ kpi: noShow, change: 0.05, previousValue: 0.2, suppressed: [], suppressedReasons: {} })
        .tone,
    ).toBe('worse');
  });

  it('reads durations as time and NPS as points, by the KPI direction', () => {
    expect(
      tileChange({ kpi: ttfv, change: 2 * 86_400, previousValue: 1, suppressed: [], suppressedReasons: {} }),
    ).toEqual({
      arrow: '▲',
      amount: { text: '+2 days', hidden: null },
      words: 'worse',
      tone: 'worse',
    });
    expect(
      tileChange({ kpi: nps, change: 3.2, previousValue: 30, suppressed: [], suppressedReasons: {} }).amount
        .text,
    ).toBe('+3 points');
    expect(
      tileChange({
        kpi: conversion,
        change: 0.0001,
        previousValue: 0.5,
        suppressed: [],
        suppressedReasons: {},
      }),
    ).toMatchObject({ amount: { text: '0', hidden: null }, tone: 'same' });
  });

  it('explains a missing or hidden change', () => {
    // A change is never a count: "hidden", even when it rests on a small one.
    expect(
      tileChange({
        kpi: noShow,
        change: null,
        previousValue: null,
        suppressed: ['change'],
        suppressedReasons: { change: 'small' },
      }),
    ).toMatchObject({
      amount: { text: 'hidden', hidden: { reason: 'derived', help: HIDDEN_HELP.small } },
      words: 'change on the previous period',
    });
    expect(
      tileChange({ kpi: noShow, change: null, previousValue: null, suppressed: [], suppressedReasons: {} })
        .words,
    ).toBe('no data in the previous period to compare with');
  });
});

describe('definition text', () => {
  it('says the formula as a sentence naming the activities, window and steps used', () => {
    expect(definitionText(noShow)).toBe('Share of No-show events, of all No-show or Attended events.');
    expect(definitionText(conversion)).toBe(
      'Share of patients who reached Booked after Enquiry within 30 days, of all patients who reached Enquiry.',
    );
    expect(definitionText(ttfv, () => 'First visit')).toContain(
      'to their first the step “First visit” after it',
    );
    for (const k of [noShow, conversion, ttfv]) expect(definitionText(k)).not.toMatch(/÷|§/);
  });
});
