import type { CostBreakdownRow, KpiResult } from '@pathlight/analytics';
import {
  hideFields,
  type KpiDefinition,
  SMALL_CELL_THRESHOLD,
  type Suppressed,
  suppressKpi,
  suppressRows,
} from '@pathlight/core';

/** A KPI result after suppression, with its breakdown rows suppressed one by one. */
export type ShownKpi = Suppressed<Omit<KpiResult, 'breakdown'>> & {
  breakdown?: Suppressed<CostBreakdownRow>[];
};

/**
 * Whether a KPI's numerator counts people. NPS (promoters − detractors) and cost-per (spend) do not:
 * for them only the denominator decides what is hidden.
 */
export const countsNumerator = (k: KpiDefinition): boolean =>
  !(k.kind === 'score' && k.scale === 'nps') && k.kind !== 'cost-per';

/**
 * One KPI result as shown: with `hide`, small cells are suppressed (healthcare.md §3.4) — the value and
 * counts by `suppressKpi`, and a cost-per breakdown row's acquired count of 1..k with the cost per
 * acquired case built on it (complementary over the rows, whose acquired counts add up to the shown total).
 */
export function shownKpi(result: KpiResult, def: KpiDefinition | undefined, hide: boolean): ShownKpi {
  const { breakdown, ...rest } = result;
  const extra = rest.p90Seconds === undefined ? [] : ['p90Seconds'];
  const kpi: ShownKpi =
    hide && def ? suppressKpi(rest, countsNumerator(def), SMALL_CELL_THRESHOLD, extra) : hideFields(rest, []);
  if (breakdown === undefined) return kpi;
  const rows = hide
    ? suppressRows(breakdown, { count: 'acquired', derived: ['costPerAcquired'] })
    : breakdown.map((r) => hideFields(r, []));
  return { ...kpi, breakdown: rows };
}
