import { type AnalysisFilter, analysisInstantMs } from '@pathlight/core';
import type { EventFilter } from '../mining/filters';

/**
 * A request an analysis cannot answer as asked: `path` names the field (e.g. `from`); `kind` says
 * whether the value is invalid or names something the journey or data does not have.
 */
export class AnalysisInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly kind: 'invalid' | 'not-found' = 'invalid',
  ) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * An analysis date or date-time as milliseconds: a date-only `to` means the whole day (its end is the
 * next midnight UTC), so `{from: '2026-01-01', to: '2026-01-31'}` is all of January.
 */
export function instantMs(value: string, field: 'from' | 'to'): number {
  const ms = analysisInstantMs(value);
  if (ms === null) {
    throw new AnalysisInputError(`${field} is not a date between 1900 and 2200 (use ISO 8601)`, field);
  }
  return field === 'to' && DATE_ONLY.test(value) ? ms + DAY_MS : ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The analytics filters of a request: the time window (events `from ≤ ts < to`), the sources and an
 * attribute (both case-level: a case's value is the one on its first event that has it).
 */
export function eventFilters(f: AnalysisFilter): EventFilter[] {
  const out: EventFilter[] = [];
  if (f.from !== undefined || f.to !== undefined) {
    const time: { kind: 'time'; from?: string; to?: string } = { kind: 'time' };
    const from = f.from === undefined ? null : instantMs(f.from, 'from');
    const to = f.to === undefined ? null : instantMs(f.to, 'to');
    if (from !== null && to !== null && from >= to) {
      throw new AnalysisInputError('the period is empty: from must be before to', 'from');
    }
    if (from !== null) time.from = iso(from);
    if (to !== null) time.to = iso(to);
    out.push(time);
  }
  if (f.sourceIds?.length) out.push({ kind: 'attribute', key: 'source_id', values: f.sourceIds });
  if (f.attribute) out.push({ kind: 'attribute', key: f.attribute.key, values: f.attribute.values });
  return out;
}

/** The filters without the time window (for periods a view chooses itself). */
export function caseFilters(f: AnalysisFilter): EventFilter[] {
  return eventFilters({ ...f, from: undefined, to: undefined });
}
