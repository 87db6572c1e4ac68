import { describe, expect, it } from 'vitest';
import { weekBuckets } from './kpi-series';

describe('weekBuckets', () => {
  it('splits a window into Monday weeks, clipped at both ends', () => {
    // 2025-03-01 is a Saturday; 2025-03-12 a Wednesday.
    expect(weekBuckets('2025-03-01T00:00:00.000Z', '2025-03-12T12:00:00.000Z')).toEqual([
      { week: '2025-02-24', from: '2025-03-01T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' },
      { week: '2025-03-03', from: '2025-03-03T00:00:00.000Z', to: '2025-03-10T00:00:00.000Z' },
      { week: '2025-03-10', from: '2025-03-10T00:00:00.000Z', to: '2025-03-12T12:00:00.000Z' },
    ]);
  });
  it('an empty window has no weeks; a bad date throws', () => {
    expect(weekBuckets('2025-03-03T00:00:00Z', '2025-03-03T00:00:00Z')).toEqual([]);
    expect(() => weekBuckets('soon', '2025-03-03')).toThrow(/not a time window/);
  });
});
