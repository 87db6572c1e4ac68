import type { EventFilter } from '@pathlight/analytics';
import { problems } from '../problem';

/** The filter every analysis request may carry (contract: `AnalysisFilter`). */
export interface AnalysisFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  sourceIds?: string[] | undefined;
  attribute?: { key: string; values: string[] } | undefined;
  segment?: string | undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * An ISO date or date-time as an instant. A date-only `to` means the whole day (its end is the next
 * midnight UTC), so `{from: '2026-01-01', to: '2026-01-31'}` is all of January.
 */
export function instant(value: string, field: 'from' | 'to'): string {
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) {
    throw problems.invalid(`${field} is not a date`, [
      { path: field, message: 'use an ISO 8601 date or date-time' },
    ]);
  }
  return new Date(field === 'to' && DATE_ONLY.test(value) ? ms + DAY_MS : ms).toISOString();
}

/**
 * The analytics filters of a request: the time window (events `from ≤ ts < to`), the sources and an
 * attribute (both case-level: a case's value is the one on its first event that has it).
 */
export function eventFilters(f: AnalysisFilterInput): EventFilter[] {
  const out: EventFilter[] = [];
  if (f.from !== undefined || f.to !== undefined) {
    const time: { kind: 'time'; from?: string; to?: string } = { kind: 'time' };
    if (f.from !== undefined) time.from = instant(f.from, 'from');
    if (f.to !== undefined) time.to = instant(f.to, 'to');
    out.push(time);
  }
  if (f.sourceIds?.length) out.push({ kind: 'attribute', key: 'source_id', values: f.sourceIds });
  if (f.attribute) out.push({ kind: 'attribute', key: f.attribute.key, values: f.attribute.values });
  return out;
}

/** The filters without the time window (for periods the server chooses itself). */
export function caseFilters(f: AnalysisFilterInput): EventFilter[] {
  return eventFilters({ ...f, from: undefined, to: undefined });
}
