/**
 * The disclosure rule for event data shown to viewers and in shared views: the one place that decides
 * what a "protected" answer may reveal. Every view in this folder applies it on the way out, so no
 * route can forget it. Exact answers (owners and editors) pass through with empty `suppressed` lists.
 *
 * For a protected answer:
 * 1. **Small population**: when the patients a view is about number 1 to {@link SMALL_CELL_THRESHOLD},
 *    the whole answer is hidden — counts, rates, times, paths and values — not only its counts.
 * 2. **Small cells**: a count from 1 to 10 is hidden (shown as "<11"); rates, medians and costs built on a
 *    hidden count are hidden with it, and so is a rate whose remainder (denominator − numerator, or a
 *    funnel step's drop-off) is 1–10, since the rate and the two rounded counts would give it back.
 * 3. **Rounding**: every shown count is rounded to the nearest {@link ROUNDING_BASE} (NHS Digital's rule
 *    for Hospital Episode Statistics, with our threshold of 10), so subtracting two answers, or a row from
 *    a total, never yields an exact small number — which is why no other cell has to be hidden to protect
 *    a hidden one (complementary suppression). Shares are shown to whole percents, durations to whole
 *    minutes and first/last event times to the day.
 * 4. **Values found in the data** (activities, paths, variants, attribute values) held by 1 to 10 patients
 *    are left out of lists; the answer says how many were left out.
 * Hidden fields become `null`, are named in `suppressed` and get a reason in `suppressedReasons`.
 */

/** Counts from 1 to this value are hidden (shown as "<11"). */
export const SMALL_CELL_THRESHOLD = 10;
/** Shown counts are rounded to a multiple of this. */
export const ROUNDING_BASE = 5;

/**
 * Why a field is hidden: `small` (a count of 1–10), `complementary` (a larger count hidden because a
 * small one could be worked out from it: a KPI numerator whose remainder is 1–10), `derived` (a rate,
 * time or cost built on a hidden count), `small-population` (the whole view is about 1–10 patients).
 */
export type HiddenReason = 'small' | 'complementary' | 'derived' | 'small-population';

/** A row as shown: its numbers may be hidden (null); `suppressed` names them and `suppressedReasons` says why. */
export type Shown<T> = { [K in keyof T]: number extends T[K] ? T[K] | null : T[K] } & {
  suppressed: string[];
  suppressedReasons: Record<string, HiddenReason>;
};

/** What every answer says about the rule applied to it (API contract: `Suppression`). */
export interface SuppressionInfo {
  applied: boolean;
  threshold: number;
  rounding: number;
  smallPopulation: boolean;
}

/** The `suppression` block of an answer. */
export function suppressionInfo(applied: boolean, smallPopulation = false): SuppressionInfo {
  return {
    applied,
    threshold: SMALL_CELL_THRESHOLD,
    rounding: applied ? ROUNDING_BASE : 1,
    smallPopulation: applied && smallPopulation,
  };
}

/** Whether a count must be hidden: 1 ≤ n ≤ 10 (0 and null are not). */
export function isSmallCount(n: number | null | undefined, k = SMALL_CELL_THRESHOLD): boolean {
  return typeof n === 'number' && n >= 1 && n <= k;
}

/** Returns a copy of `row` with `fields` set to null, listed in `suppressed` with `reason` (merged with any already there). */
export function hideFields<T extends object>(
  row: T,
  fields: Iterable<string>,
  reason: HiddenReason = 'small',
): Shown<T> {
  const out = { ...row } as Record<string, unknown>;
  const listed = new Set<string>(Array.isArray(out.suppressed) ? (out.suppressed as string[]) : []);
  const reasons = { ...((out.suppressedReasons as Record<string, HiddenReason> | undefined) ?? {}) };
  for (const f of fields) {
    out[f] = null;
    listed.add(f);
    reasons[f] ??= reason;
  }
  out.suppressed = [...listed];
  out.suppressedReasons = reasons;
  return out as Shown<T>;
}

/** {@link hideFields} on a row that is already shown: its type stays `Shown<T>`. */
export function hideMore<T extends object>(
  row: Shown<T>,
  fields: Iterable<string>,
  reason: HiddenReason,
): Shown<T> {
  return hideFields(row, fields, reason) as unknown as Shown<T>;
}

/** A row shown as it is, with empty `suppressed` and `suppressedReasons`. */
export const shownExactly = <T extends object>(row: T): Shown<T> => hideFields(row, []);

/** How the numbers of one row relate: a count field and the fields computed from it. */
export interface RowRule<T> {
  /** The row's count (e.g. `cases`). */
  count: keyof T & string;
  /** Fields hidden together with the count (rates, medians, durations built on it). */
  derived?: readonly (keyof T & string)[];
  /** Further counts of the row sharing a total over the rows, suppressed like `count` but on their own. */
  otherCounts?: readonly (keyof T & string)[];
}

const numberOf = (row: object, f: string) => (row as Record<string, unknown>)[f] as number | null;

/**
 * Suppresses a set of rows (the weeks of a series, the values of a split): a small `count`, or a small
 * one of `otherCounts`, is hidden; derived fields follow `count`. Shown counts are rounded afterwards
 * (see {@link coarsen}), which is what keeps a hidden cell from being worked out from a total.
 */
export function suppressRows<T extends object>(
  rows: readonly T[],
  rule: RowRule<T>,
  k = SMALL_CELL_THRESHOLD,
): Shown<T>[] {
  return rows.map((r) => {
    let row = shownExactly(r);
    if (isSmallCount(numberOf(r, rule.count), k)) {
      row = hideMore(hideMore(row, [rule.count], 'small'), rule.derived ?? [], 'derived');
    }
    for (const field of rule.otherCounts ?? []) {
      if (isSmallCount(numberOf(r, field), k)) row = hideMore(row, [field], 'small');
    }
    return row;
  });
}

/**
 * Leaves out rows held by 1 to 10 patients (values found in the data: activities, paths, variants,
 * attribute values). Returns the rows kept and how many were left out.
 */
export function omitSmall<T>(
  rows: readonly T[],
  casesOf: (row: T) => number | null,
  k = SMALL_CELL_THRESHOLD,
): { rows: T[]; omitted: number } {
  const kept = rows.filter((r) => !isSmallCount(casesOf(r), k));
  return { rows: kept, omitted: rows.length - kept.length };
}

/** A funnel step as the analyses return it. */
export interface FunnelStepNumbers {
  cases: number;
  conversionFromPrevious: number | null;
  dropOff: number | null;
  medianSecondsFromPrevious: number | null;
}

/**
 * Suppresses an ordered funnel. `previous[i]` is the index of the step step i is measured from (null
 * for a first step). A step of 1–10 patients hides its count and everything built on it; a small
 * drop-off is hidden with the conversion (the rate and the two rounded counts would give it back);
 * a step measured from a hidden step hides its conversion and drop-off.
 */
export function suppressFunnel<T extends FunnelStepNumbers>(
  steps: readonly T[],
  previous: readonly (number | null)[],
  k = SMALL_CELL_THRESHOLD,
): Shown<T>[] {
  return steps.map((s, i) => {
    let row = shownExactly(s);
    const prev = previous[i] ?? null;
    if (isSmallCount(s.cases, k)) {
      row = hideMore(row, ['cases'], 'small');
      row = hideMore(row, ['conversionFromPrevious', 'dropOff', 'medianSecondsFromPrevious'], 'derived');
    } else if (prev !== null && isSmallCount(steps[prev]?.cases, k)) {
      row = hideMore(row, ['conversionFromPrevious', 'dropOff'], 'derived');
    }
    if (isSmallCount(s.dropOff, k)) {
      row = hideMore(row, ['dropOff'], 'small');
      row = hideMore(row, ['conversionFromPrevious'], 'derived');
    }
    return row;
  });
}

/** A KPI result: value over numerator and denominator. */
export interface KpiNumbers {
  value: number | null;
  numerator: number;
  denominator: number;
}

/**
 * Suppresses one KPI: when its denominator is small, or its numerator is a small count, or the
 * remainder (denominator − numerator) is small, the value and the numerator are hidden (and the
 * denominator when it is small itself). `countNumerator` is false for net scores such as NPS, whose
 * numerator (promoters − detractors) is not a count of people, and for spend; then only the
 * denominator decides.
 */
export function suppressKpi<T extends KpiNumbers>(
  kpi: T,
  countNumerator = true,
  k = SMALL_CELL_THRESHOLD,
  extraDerived: readonly string[] = [],
): Shown<T> {
  const smallDenominator = isSmallCount(kpi.denominator, k);
  const smallNumerator = countNumerator && isSmallCount(kpi.numerator, k);
  const smallRemainder = countNumerator && isSmallCount(kpi.denominator - kpi.numerator, k);
  let row = shownExactly(kpi);
  if (smallDenominator) row = hideMore(row, ['denominator'], 'small');
  if (smallNumerator) row = hideMore(row, ['numerator'], 'small');
  // The numerator follows a small remainder: shown, it would give the remainder by subtraction.
  if (smallRemainder) row = hideMore(row, ['numerator'], 'complementary');
  if (smallDenominator || smallNumerator || smallRemainder) {
    row = hideMore(row, ['value', 'numerator', ...extraDerived], 'derived');
  }
  return row;
}

/** Every number of a designed row (a step, a KPI) hidden because the view's population is small. */
export function hideAll<T extends object>(row: T): Shown<T> {
  const numeric = Object.entries(row)
    .filter(([, v]) => typeof v === 'number')
    .map(([k]) => k);
  return hideFields(row, numeric, 'small-population');
}

/** The kinds of number a protected answer coarsens, field by field. */
export interface Coarsening<T> {
  /** Counts of people or events: rounded to the nearest {@link ROUNDING_BASE}. */
  counts?: readonly (keyof T & string)[];
  /** Shares 0..1: whole percents. */
  shares?: readonly (keyof T & string)[];
  /** Durations in seconds: whole minutes. */
  seconds?: readonly (keyof T & string)[];
  /** ISO instants: the day (midnight UTC). */
  times?: readonly (keyof T & string)[];
  /** Scores in points (NPS): whole points. */
  points?: readonly (keyof T & string)[];
}

/** A count rounded to the nearest multiple of {@link ROUNDING_BASE}. */
export const roundCount = (n: number): number => Math.round(n / ROUNDING_BASE) * ROUNDING_BASE;

const coarsers = {
  counts: roundCount,
  shares: (x: number) => Math.round(x * 100) / 100,
  seconds: (s: number) => Math.round(s / 60) * 60,
  points: (x: number) => Math.round(x),
} as const;

/** Coarsens the shown (non-null) numbers and times of a row, as a protected answer shows them. */
export function coarsen<T extends object>(row: T, spec: Coarsening<T>): T {
  const out = { ...row } as Record<string, unknown>;
  for (const kind of ['counts', 'shares', 'seconds', 'points'] as const) {
    for (const f of spec[kind] ?? []) {
      const v = out[f];
      if (typeof v === 'number' && Number.isFinite(v)) out[f] = coarsers[kind](v);
    }
  }
  for (const f of spec.times ?? []) {
    const v = out[f];
    if (typeof v === 'string') out[f] = `${v.slice(0, 10)}T00:00:00.000Z`;
  }
  return out as T;
}

/** A lone count as a protected answer shows it: null when small, else rounded. */
export function protectedCount(n: number): { value: number | null; hidden: boolean } {
  return isSmallCount(n) ? { value: null, hidden: true } : { value: roundCount(n), hidden: false };
}
