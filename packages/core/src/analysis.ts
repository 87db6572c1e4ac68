import { z } from 'zod';

/** The earliest and latest dates an analysis may name: wide enough for any care record, small enough to compute on. */
export const ANALYSIS_DATE_RANGE = { min: '1900-01-01', max: '2200-12-31' } as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// A calendar date, optionally a time with seconds, fractions and an offset: nothing Date.parse guesses at.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([zZ]|[+-]\d{2}(:?\d{2})?)?)?$/;
const MIN_MS = Date.parse(`${ANALYSIS_DATE_RANGE.min}T00:00:00Z`);
const MAX_MS = Date.parse(`${ANALYSIS_DATE_RANGE.max}T23:59:59.999Z`);

/**
 * Milliseconds since the epoch of an analysis date (`YYYY-MM-DD`, midnight UTC) or date-time (ISO 8601;
 * UTC without an offset), or null when it is not one or lies outside {@link ANALYSIS_DATE_RANGE}.
 */
export function analysisInstantMs(value: string): number | null {
  if (!ISO_INSTANT.test(value)) return null;
  const text = DATE_ONLY.test(value)
    ? `${value}T00:00:00Z`
    : /([zZ]|[+-]\d{2}(:?\d{2})?)$/.test(value)
      ? value
      : `${value}Z`;
  const ms = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(ms) || !isCalendarDate(value.slice(0, 10))) return null;
  return ms >= MIN_MS && ms <= MAX_MS ? ms : null;
}

/** Whether `YYYY-MM-DD` names a real day (Date.parse would roll 2025-02-30 over to March). */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const AnalysisInstant = z
  .string()
  .max(40)
  .refine((v) => analysisInstantMs(v) !== null, {
    message: `use an ISO 8601 date or date-time between ${ANALYSIS_DATE_RANGE.min} and ${ANALYSIS_DATE_RANGE.max}`,
  });

/** An attribute of the imported events (a column name): any text, matched exactly. */
export const AttributeKey = z.string().min(1).max(200);

/**
 * What every analysis request may narrow to: a time window (`from`/`to`: a date-only `to` includes that
 * whole day), data sources, cases with an attribute value, and an attribute to split the answer by.
 * (That `from` is not after `to` is checked where the window is built, so the schema stays extensible.)
 */
export const AnalysisFilter = z.strictObject({
  from: AnalysisInstant.optional(),
  to: AnalysisInstant.optional(),
  sourceIds: z.array(z.uuid()).max(100).optional(),
  attribute: z.strictObject({ key: AttributeKey, values: z.array(z.string().max(500)).max(500) }).optional(),
  /** An attribute to split the metrics by (`segments`). */
  segment: AttributeKey.optional(),
});
export type AnalysisFilter = z.infer<typeof AnalysisFilter>;
