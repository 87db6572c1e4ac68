import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPeriod, formatShare } from './format';

describe('evidence formatting', () => {
  it('writes counts, shares, durations and sizes for people', () => {
    expect([formatCount(1408), formatCount(null), formatCount(2.6)]).toEqual(['1,408', '—', '3']);
    expect([formatShare(0.2216), formatShare(0.5), formatShare(1)]).toEqual(['22.2%', '50%', '100%']);
    expect([
      formatDuration(44),
      formatDuration(720),
      formatDuration(5400),
      formatDuration(4.5 * 86400),
    ]).toEqual(['44 s', '12 min', '1.5 h', '4.5 days']);
    expect([formatDuration(null), formatDuration(15 * 86400)]).toEqual(['—', '15 days']);
    expect([formatBytes(512), formatBytes(2048), formatBytes(14.2 * 1024 * 1024)]).toEqual([
      '512 bytes',
      '2 KB',
      '14.2 MB',
    ]);
  });

  it('shows a period with its exclusive end as the day before', () => {
    expect(formatPeriod('2025-03-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z')).toBe(
      '1 Mar 2025 – 30 Apr 2025',
    );
  });
});
