import { describe, expect, it } from 'vitest';
import { latestEvent, periodFilter, periodFromParam, periodToParam } from './period';

describe('period choices', () => {
  it('turns "last N weeks" into dates ending after the last day with data', () => {
    expect(periodFilter({ kind: 'weeks', weeks: 4 }, '2025-08-25T16:13:34.840Z')).toEqual({
      from: '2025-07-29',
      to: '2025-08-26T00:00:00Z',
    });
    expect(periodFilter({ kind: 'weeks', weeks: 12 }, '2025-08-25T16:13:34.840Z').from).toBe('2025-06-03');
    expect(periodFilter({ kind: 'weeks', weeks: 4 }, null)).toEqual({});
    expect(periodFilter({ kind: 'all' }, '2025-08-25')).toEqual({});
    expect(periodFilter({ kind: 'custom', from: '2025-03-01', to: '2025-04-30' }, null)).toEqual({
      from: '2025-03-01',
      to: '2025-04-30',
    });
  });

  it('round-trips through the URL and ignores anything else', () => {
    const fallback = { kind: 'weeks', weeks: 4 } as const;
    for (const c of [
      { kind: 'all' },
      { kind: 'weeks', weeks: 12 },
      { kind: 'custom', from: '2025-03-01', to: '2025-04-30' },
    ] as const) {
      expect(periodFromParam(periodToParam(c), fallback)).toEqual(c);
    }
    expect(periodFromParam('5w', fallback)).toBe(fallback);
    expect(periodFromParam(null, fallback)).toBe(fallback);
  });

  it('finds the last event over ready sources only', () => {
    expect(
      latestEvent([
        { status: 'ready', lastEvent: '2025-08-25T10:00:00Z' },
        { status: 'failed', lastEvent: '2026-01-01T00:00:00Z' },
        { status: 'ready', lastEvent: '2025-09-01T00:00:00Z' },
        { status: 'ready', lastEvent: null },
      ]),
    ).toBe('2025-09-01T00:00:00Z');
    expect(latestEvent([])).toBeNull();
  });
});
