/**
 * Small-cell suppression for aggregate numbers shown to viewers and in shared views
 * (healthcare.md §3.4, CMS cell-size policy). Pure functions: the server decides when to apply them.
 *
 * 1. Primary: a count from 1 to k (default 10) is hidden; 0 is shown.
 * 2. Rates, shares, medians and differences built on a hidden count are hidden too.
 * 3. Complementary: where a set of counts adds up to (or is bounded by) a total that is shown and
 *    exactly one of them is hidden, the next-smallest positive count is hidden as well, so the hidden
 *    value cannot be recovered by subtraction.
 * Hidden fields become `null` and are named in the object's `suppressed` list.
 */

/** Counts from 1 to this value are hidden (CMS: 1–10; shown as "<11"). */
export const SMALL_CELL_THRESHOLD = 10;

/** A row after suppression: its numbers may be hidden (null), and `suppressed` names the hidden fields. */
export type Suppressed<T> = { [K in keyof T]: number extends T[K] ? T[K] | null : T[K] } & {
  suppressed: string[];
};

/** Whether a count must be hidden: 1 ≤ n ≤ k (0 and null are not). */
export function isSmallCount(n: number | null | undefined, k = SMALL_CELL_THRESHOLD): boolean {
  return typeof n === 'number' && n >= 1 && n <= k;
}

/**
 * Which cells of a set to hide: every small count and every index in `alsoPrimary` (primary), and
 * when exactly one cell is hidden that way, also the next-smallest positive count (complementary).
 */
export function hiddenCells(
  counts: readonly (number | null)[],
  k = SMALL_CELL_THRESHOLD,
  alsoPrimary: Iterable<number> = [],
): Set<number> {
  const hidden = new Set<number>(alsoPrimary);
  counts.forEach((n, i) => {
    if (isSmallCount(n, k)) hidden.add(i);
  });
  if (hidden.size === 1) {
    let next = -1;
    counts.forEach((n, i) => {
      if (hidden.has(i) || typeof n !== 'number' || n <= 0) return;
      if (next < 0 || n < (counts[next] as number)) next = i;
    });
    if (next >= 0) hidden.add(next);
  }
  return hidden;
}

/** Returns a copy of `row` with `fields` set to null and listed in `suppressed` (merged with any already there). */
export function hideFields<T extends object>(row: T, fields: Iterable<string>): Suppressed<T> {
  const out = { ...row } as Record<string, unknown>;
  const listed = new Set<string>(Array.isArray(out.suppressed) ? (out.suppressed as string[]) : []);
  for (const f of fields) {
    out[f] = null;
    listed.add(f);
  }
  out.suppressed = [...listed];
  return out as Suppressed<T>;
}

/** How the numbers of one row relate: a count field and the fields computed from it. */
export interface RowRule<T> {
  /** The row's count (e.g. `cases`). */
  count: keyof T & string;
  /** Fields hidden together with the count (rates, medians, durations built on it). */
  derived?: readonly (keyof T & string)[];
  /** Further independent counts of the row, each hidden when small (primary only). */
  otherCounts?: readonly (keyof T & string)[];
}

/**
 * Suppresses a set of rows sharing a total (the values of a split, weeks of a series, edges of a
 * map): primary and complementary on `count`, derived fields follow their count.
 */
export function suppressRows<T extends object>(
  rows: readonly T[],
  rule: RowRule<T>,
  k = SMALL_CELL_THRESHOLD,
): Suppressed<T>[] {
  const get = (row: T, f: string) => (row as Record<string, unknown>)[f] as number | null;
  const hidden = hiddenCells(
    rows.map((r) => get(r, rule.count)),
    k,
  );
  return rows.map((row, i) => {
    const fields: string[] = [];
    if (hidden.has(i)) fields.push(rule.count, ...(rule.derived ?? []));
    for (const f of rule.otherCounts ?? []) if (isSmallCount(get(row, f), k)) fields.push(f);
    return hideFields(row, fields);
  });
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
 * for a first step). A step's cases are hidden when small, or when its drop-off is small (cases +
 * drop-off = the previous step's cases, which is shown); complementary suppression runs over all
 * steps; conversion, drop-off and median are hidden when this step's or the previous step's cases are.
 */
export function suppressFunnel<T extends FunnelStepNumbers>(
  steps: readonly T[],
  previous: readonly (number | null)[],
  k = SMALL_CELL_THRESHOLD,
): Suppressed<T>[] {
  const smallDropOff = steps.flatMap((s, i) => (isSmallCount(s.dropOff, k) ? [i] : []));
  const hidden = hiddenCells(
    steps.map((s) => s.cases),
    k,
    smallDropOff,
  );
  return steps.map((s, i) => {
    const prev = previous[i] ?? null;
    if (hidden.has(i) || (prev !== null && hidden.has(prev))) {
      const fields = ['conversionFromPrevious', 'dropOff', 'medianSecondsFromPrevious'];
      if (hidden.has(i)) fields.unshift('cases');
      return hideFields(s, fields);
    }
    return hideFields(s, []);
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
 * numerator (promoters − detractors) is not a count of people; then only the denominator decides.
 */
export function suppressKpi<T extends KpiNumbers>(
  kpi: T,
  countNumerator = true,
  k = SMALL_CELL_THRESHOLD,
  extraDerived: readonly string[] = [],
): Suppressed<T> {
  const fields: string[] = [];
  const smallDenominator = isSmallCount(kpi.denominator, k);
  const smallPart =
    countNumerator && (isSmallCount(kpi.numerator, k) || isSmallCount(kpi.denominator - kpi.numerator, k));
  if (smallDenominator || smallPart) fields.push('value', 'numerator', ...extraDerived);
  if (smallDenominator) fields.push('denominator');
  return hideFields(kpi, fields);
}
