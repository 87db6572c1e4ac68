import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, relativeTime, reviewState } from './dates';

describe('reviewState', () => {
  const today = '2026-03-10';
  it('is overdue once the cadence has passed since the last review', () => {
    // 2026-01-01 + 30 days = 2026-01-31, which is 38 days before 2026-03-10
    expect(reviewState({ reviewCadenceDays: 30, lastReviewedAt: '2026-01-01' }, today)).toEqual({
      kind: 'overdue',
      due: '2026-01-31',
      days: 38,
    });
  });
  it('is due soon within 14 days, and fine after that', () => {
    // 2026-02-01 + 45 = 2026-03-18: 8 days away
    expect(reviewState({ reviewCadenceDays: 45, lastReviewedAt: '2026-02-01' }, today)).toEqual({
      kind: 'soon',
      due: '2026-03-18',
      days: 8,
    });
    // 2026-03-01 + 90 = 2026-05-30: 81 days away
    expect(reviewState({ reviewCadenceDays: 90, lastReviewedAt: '2026-03-01' }, today)).toEqual({
      kind: 'ok',
      due: '2026-05-30',
      days: 81,
    });
  });
  it('due today counts as soon, not overdue', () => {
    expect(reviewState({ reviewCadenceDays: 9, lastReviewedAt: '2026-03-01' }, today)).toEqual({
      kind: 'soon',
      due: '2026-03-10',
      days: 0,
    });
  });
  it('separates never reviewed from no cadence', () => {
    expect(reviewState({ reviewCadenceDays: 90, lastReviewedAt: null }, today)).toEqual({
      kind: 'never-reviewed',
    });
    expect(reviewState({ reviewCadenceDays: null, lastReviewedAt: '2026-01-01' }, today)).toEqual({
      kind: 'none',
    });
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('says just now, minutes, hours, days', () => {
    expect(relativeTime('2026-03-10T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-02-24T12:00:00Z', now)).toBe('2 weeks ago');
  });
});

describe('formatDate', () => {
  it('writes dates for people', () => {
    expect(formatDate('2026-03-05')).toBe('5 Mar 2026');
  });
});

describe('formatPeriod', () => {
  it('shows a period with its exclusive end as the day before', () => {
    expect(formatPeriod('2025-03-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z')).toBe(
      '1 Mar 2025 – 30 Apr 2025',
    );
    expect(formatPeriod('2025-03-01', '2025-03-08')).toBe('1 Mar 2025 – 7 Mar 2025');
  });

  it('reads instants in UTC', () => {
    expect(formatDate('2026-03-05T23:30:00Z')).toBe('5 Mar 2026');
  });
});
