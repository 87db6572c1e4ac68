import { describe, expect, test } from 'vitest';
import {
  coarsen,
  hideAll,
  isSmallCount,
  omitSmall,
  roundCount,
  suppressFunnel,
  suppressKpi,
  suppressRows,
} from './disclosure';

describe('isSmallCount', () => {
  test('1 to 10 are small; 0, 11 and null are not', () => {
    expect([0, 1, 10, 11, null].map((n) => isSmallCount(n))).toEqual([false, true, true, false, false]);
    expect(isSmallCount(4, 3)).toBe(false);
  });
});

describe('suppressRows', () => {
  test('split values: a small count and its rate hidden and listed; larger rows stay (rounding protects them)', () => {
    const rows = [
      { value: 'web', cases: 200, conversionFromPrevious: 0.5 },
      { value: 'phone', cases: 9, conversionFromPrevious: 0.9 },
      { value: 'walk-in', cases: 25, conversionFromPrevious: 0.25 },
    ];
    const out = suppressRows(rows, { count: 'cases', derived: ['conversionFromPrevious'] });
    expect(out[0]).toEqual({ ...rows[0], suppressed: [], suppressedReasons: {} });
    expect(out[1]).toEqual({
      value: 'phone',
      cases: null,
      conversionFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious'],
      suppressedReasons: { cases: 'small', conversionFromPrevious: 'derived' },
    });
    expect(out[2]).toEqual({ ...rows[2], suppressed: [], suppressedReasons: {} });
  });
  test('other counts are suppressed on their own', () => {
    const out = suppressRows(
      [
        { value: 'a', cases: 400, previous: 3 },
        { value: 'b', cases: 300, previous: 500 },
        { value: 'c', cases: 200, previous: 90 },
      ],
      { count: 'cases', otherCounts: ['previous'] },
    );
    expect(out.map((r) => r.cases)).toEqual([400, 300, 200]);
    expect(out.map((r) => r.previous)).toEqual([null, 500, 90]);
    expect(out[0]?.suppressedReasons).toEqual({ previous: 'small' });
  });
});

describe('suppressFunnel', () => {
  const step = (cases: number, prev: number | null) => ({
    cases,
    conversionFromPrevious: prev === null ? null : cases / prev,
    dropOff: prev === null ? null : prev - cases,
    medianSecondsFromPrevious: prev === null ? null : 3600,
  });
  test('a small step hides its count and what is built on it; the step after it hides its rate', () => {
    // 500 → 300 → 8 → 100 (a chain without optional steps): 8 is small.
    const steps = [step(500, null), step(300, 500), step(8, 300), step(100, 8)];
    const out = suppressFunnel(steps, [null, 0, 1, 2]);
    expect(out[0]!.suppressed).toEqual([]);
    expect(out[1]).toEqual({ ...steps[1], suppressed: [], suppressedReasons: {} });
    expect(out[2]).toEqual({
      cases: null,
      conversionFromPrevious: null,
      dropOff: null,
      medianSecondsFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious', 'dropOff', 'medianSecondsFromPrevious'],
      suppressedReasons: {
        cases: 'small',
        conversionFromPrevious: 'derived',
        dropOff: 'derived',
        medianSecondsFromPrevious: 'derived',
      },
    });
    // 100 patients are shown (rounded later); a rate over the hidden 8 is not.
    expect(out[3]).toMatchObject({
      cases: 100,
      conversionFromPrevious: null,
      dropOff: null,
      medianSecondsFromPrevious: 3600,
    });
    expect(out[3]?.suppressedReasons).toEqual({ conversionFromPrevious: 'derived', dropOff: 'derived' });
  });
  test('a small drop-off hides itself and the rate that would give it back; the counts stay', () => {
    const out = suppressFunnel([step(500, null), step(495, 500), step(400, 495)], [null, 0, 1]);
    expect(out[1]).toMatchObject({
      cases: 495,
      dropOff: null,
      conversionFromPrevious: null,
      medianSecondsFromPrevious: 3600,
    });
    expect(out[1]?.suppressedReasons).toEqual({ dropOff: 'small', conversionFromPrevious: 'derived' });
    expect(out[2]?.suppressed).toEqual([]);
  });
});

describe('suppressKpi', () => {
  test('a small numerator hides value and numerator, keeps the denominator', () => {
    expect(suppressKpi({ id: 'no-show', value: 7 / 90, numerator: 7, denominator: 90 })).toEqual({
      id: 'no-show',
      value: null,
      numerator: null,
      denominator: 90,
      suppressed: ['numerator', 'value'],
      suppressedReasons: { numerator: 'small', value: 'derived' },
    });
  });
  test('a small remainder (denominator − numerator) is derivable, so it hides too', () => {
    expect(suppressKpi({ value: 95 / 100, numerator: 95, denominator: 100 }).value).toBeNull();
  });
  test('a small denominator hides everything; large numbers stay exact', () => {
    expect(suppressKpi({ value: 0.5, numerator: 3, denominator: 6 }).suppressedReasons).toEqual({
      denominator: 'small',
      numerator: 'small',
      value: 'derived',
    });
    expect(suppressKpi({ value: 0.25, numerator: 30, denominator: 120 })).toEqual({
      value: 0.25,
      numerator: 30,
      denominator: 120,
      suppressed: [],
      suppressedReasons: {},
    });
  });
  test('NPS: a net numerator is not a count; only the answers count', () => {
    expect(suppressKpi({ value: 5, numerator: 2, denominator: 40 }, false).suppressed).toEqual([]);
    expect(suppressKpi({ value: 20, numerator: 1, denominator: 5 }, false).value).toBeNull();
  });
});

describe('omitSmall', () => {
  test('rows held by 1 to 10 patients are left out and counted; 0 and 11 stay', () => {
    const rows = [
      { v: 'a', n: 0 },
      { v: 'b', n: 3 },
      { v: 'c', n: 10 },
      { v: 'd', n: 11 },
    ];
    expect(omitSmall(rows, (r) => r.n)).toEqual({ rows: [rows[0], rows[3]], omitted: 2 });
  });
});

describe('coarsen', () => {
  test('counts to the nearest 5, shares to whole percents, waits to minutes, times to the day', () => {
    const row = {
      cases: 13,
      share: 0.4567,
      wait: 3_689,
      at: '2025-03-04T13:14:15.000Z',
      nps: 23.4,
      gone: null,
    };
    expect(
      coarsen(row, {
        counts: ['cases', 'gone'],
        shares: ['share'],
        seconds: ['wait'],
        times: ['at'],
        points: ['nps'],
      }),
    ).toEqual({ cases: 15, share: 0.46, wait: 3_660, at: '2025-03-04T00:00:00.000Z', nps: 23, gone: null });
  });
  test('every rounded count is a multiple of 5, so two answers never differ by 1 to 4', () => {
    for (let n = 11; n < 2000; n += 1) expect(roundCount(n) % 5).toBe(0);
    expect([11, 12, 13, 17, 18].map(roundCount)).toEqual([10, 10, 15, 15, 20]);
  });
});

describe('hideAll', () => {
  test('hides every number of a designed row because the population is small', () => {
    expect(hideAll({ step: 'Booked', cases: 3, conversionFromPrevious: 0.5 })).toEqual({
      step: 'Booked',
      cases: null,
      conversionFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious'],
      suppressedReasons: { cases: 'small-population', conversionFromPrevious: 'small-population' },
    });
  });
});
