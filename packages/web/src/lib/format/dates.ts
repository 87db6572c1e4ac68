import { type JourneyContent, reviewDueDate } from '@pathlight/core';

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "just now" for an ISO instant relative to `now`. */
export function relativeTime(iso: string, now: Date): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), 'minute');
}

const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date for people, e.g. "3 Mar 2026", from `YYYY-MM-DD` or an ISO instant (read in UTC). */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : day.format(d);
}

/** An analysis period, "3 Mar 2026 – 30 Apr 2026"; its `to` is exclusive, so the day before is shown. */
export function formatPeriod(from: string, to: string): string {
  const end = Date.parse(to.length === 10 ? `${to}T00:00:00Z` : to) - 1;
  return `${formatDate(from)} – ${Number.isNaN(end) ? to : formatDate(new Date(end).toISOString())}`;
}

/** Where a journey stands against its review cadence on `today` (`YYYY-MM-DD`). */
export type ReviewState =
  | { kind: 'none' }
  | { kind: 'never-reviewed' }
  | { kind: 'ok'; due: string; days: number }
  | { kind: 'soon'; due: string; days: number }
  | { kind: 'overdue'; due: string; days: number };

/** Days before the due date when a review counts as "due soon". */
export const REVIEW_SOON_DAYS = 14;

/**
 * Review status from the cadence and last review date: overdue, due within two weeks, fine,
 * never reviewed (a cadence but no review yet), or no cadence at all.
 */
export function reviewState(
  doc: Pick<JourneyContent, 'reviewCadenceDays' | 'lastReviewedAt'>,
  today: string,
): ReviewState {
  if (doc.reviewCadenceDays === null) return { kind: 'none' };
  const due = reviewDueDate(doc);
  if (due === null) return { kind: 'never-reviewed' };
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return { kind: 'overdue', due, days: -days };
  if (days <= REVIEW_SOON_DAYS) return { kind: 'soon', due, days };
  return { kind: 'ok', due, days };
}

/** Today's date `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
