import { describe, expect, test } from 'vitest';
import { hiddenCells, isSmallCount, suppressFunnel, suppressKpi, suppressRows } from './suppression';

describe('isSmallCount', () => {
  test('1 to 10 are small; 0, 11 and null are not', () => {
    expect([0, 1, 10, 11, null].map((n) => isSmallCount(n))).toEqual([false, true, true, false, false]);
    expect(isSmallCount(4, 3)).toBe(false);
  });
});

describe('hiddenCells', () => {
  test('primary only when two or more cells are small', () => {
    expect([...hiddenCells([120, 3, 7, 40])].sort()).toEqual([1, 2]);
  });
  test('one small cell takes the next-smallest positive cell with it', () => {
    // 50 + 5 + 0 + 30 = 85 shown as a total: hiding only the 5 would leave it derivable.
    expect([...hiddenCells([50, 5, 0, 30])].sort()).toEqual([1, 3]);
  });
  test('nothing small, nothing hidden; a lone small cell with no partner stays alone', () => {
    expect(hiddenCells([0, 11, 200]).size).toBe(0);
    expect([...hiddenCells([4, 0])]).toEqual([0]);
  });
});

describe('suppressRows', () => {
  test('split values: count, rate and complementary cell hidden and listed', () => {
    const rows = [
      { value: 'web', cases: 200, conversionFromPrevious: 0.5 },
      { value: 'phone', cases: 9, conversionFromPrevious: 0.9 },
      { value: 'walk-in', cases: 25, conversionFromPrevious: 0.25 },
    ];
    const out = suppressRows(rows, { count: 'cases', derived: ['conversionFromPrevious'] });
    expect(out[0]).toEqual({ ...rows[0], suppressed: [] });
    expect(out[1]).toEqual({
      value: 'phone',
      cases: null,
      conversionFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious'],
    });
    expect(out[2]).toEqual({
      value: 'walk-in',
      cases: null,
      conversionFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious'],
    });
  });
  test('other counts are hidden on their own', () => {
    const out = suppressRows([{ from: 'a', to: 'b', count: 400, loops: 2 }], {
      count: 'count',
      otherCounts: ['loops'],
    });
    expect(out[0]).toEqual({ from: 'a', to: 'b', count: 400, loops: null, suppressed: ['loops'] });
  });
});

describe('suppressFunnel', () => {
  const step = (cases: number, prev: number | null) => ({
    cases,
    conversionFromPrevious: prev === null ? null : cases / prev,
    dropOff: prev === null ? null : prev - cases,
    medianSecondsFromPrevious: prev === null ? null : 3600,
  });
  test('a small step hides its rates, the next-smallest step, and rates built on either', () => {
    // 500 → 300 → 8 → 100 (optional-free chain); 8 is primary, 100 complementary.
    const steps = [step(500, null), step(300, 500), step(8, 300), step(100, 8)];
    const out = suppressFunnel(steps, [null, 0, 1, 2]);
    expect(out[0]!.suppressed).toEqual([]);
    expect(out[1]).toEqual({ ...steps[1], suppressed: [] });
    expect(out[2]).toEqual({
      cases: null,
      conversionFromPrevious: null,
      dropOff: null,
      medianSecondsFromPrevious: null,
      suppressed: ['cases', 'conversionFromPrevious', 'dropOff', 'medianSecondsFromPrevious'],
    });
    expect(out[3]!.cases).toBeNull();
    expect(out[3]!.suppressed).toContain('conversionFromPrevious');
  });
  test('a small drop-off hides the step (cases + drop-off = previous cases)', () => {
    const out = suppressFunnel([step(500, null), step(495, 500), step(400, 495)], [null, 0, 1]);
    expect(out[1]!.cases).toBeNull();
    expect(out[1]!.dropOff).toBeNull();
    // Its partner in the set is the next-smallest: 400, and the rates built on them.
    expect(out[2]!.cases).toBeNull();
    expect(out[0]!.cases).toBe(500);
  });
});

describe('suppressKpi', () => {
  test('a small numerator hides value and numerator, keeps the denominator', () => {
    expect(suppressKpi({ id: 'no-show', value: 7 / 90, numerator: 7, denominator: 90 })).toEqual({
      id: 'no-show',
      value: null,
      numerator: null,
      denominator: 90,
      suppressed: ['value', 'numerator'],
    });
  });
  test('a small remainder (denominator − numerator) is derivable, so it hides too', () => {
    expect(suppressKpi({ value: 95 / 100, numerator: 95, denominator: 100 }).value).toBeNull();
  });
  test('a small denominator hides everything; large numbers stay exact', () => {
    expect(suppressKpi({ value: 0.5, numerator: 3, denominator: 6 }).suppressed).toEqual([
      'value',
      'numerator',
      'denominator',
    ]);
    expect(suppressKpi({ value: 0.25, numerator: 30, denominator: 120 })).toEqual({
      value: 0.25,
      numerator: 30,
      denominator: 120,
      suppressed: [],
    });
  });
  test('NPS: a net numerator is not a count; only the answers count', () => {
    expect(suppressKpi({ value: 5, numerator: 2, denominator: 40 }, false).suppressed).toEqual([]);
    expect(suppressKpi({ value: 20, numerator: 1, denominator: 5 }, false).value).toBeNull();
  });
});
