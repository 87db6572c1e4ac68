import type { JourneyContent, KpiDefinition } from '@pathlight/core';
import { funnelSteps } from '../mining/funnel';
import type { CostBreakdownRow, KpiResult } from '../mining/kpis';
import {
  coarsen,
  hideAll,
  omitSmall,
  roundCount,
  type Shown,
  SMALL_CELL_THRESHOLD,
  shownExactly,
  suppressFunnel,
  suppressKpi,
  suppressRows,
} from './disclosure';

/**
 * The disclosure rule (disclosure.ts) applied to the shapes the views return. Each function takes the
 * exact numbers and `protect`; without it the numbers pass through with empty `suppressed` lists.
 */

/** How many rows of each list were left out because 1–10 patients hold them. */
export type Omitted = Record<string, number>;

/**
 * Whether a numerator is a count of people. NPS (promoters − detractors) and cost-per (spend) are not:
 * for them only the denominator decides what is hidden.
 */
export const countsNumerator = (k: KpiDefinition): boolean =>
  !(k.kind === 'score' && k.scale === 'nps') && k.kind !== 'cost-per';

/** A KPI result as shown, its breakdown rows (cost-per by source) shown one by one. */
export type ShownKpi = Shown<Omit<KpiResult, 'breakdown'>> & {
  breakdown?: Shown<CostBreakdownRow>[];
  omitted?: Omitted;
};

/** Rounds a KPI's shown numbers the way its kind reads: shares, waits, NPS points, money over rounded patients. */
function coarsenKpi(kpi: ShownKpi, def: KpiDefinition): ShownKpi {
  const isNps = def.kind === 'score' && def.scale === 'nps';
  const out = coarsen(kpi, {
    counts: def.kind === 'cost-per' ? ['denominator'] : ['numerator', 'denominator'],
    seconds: def.kind === 'duration' ? ['value', 'p90Seconds'] : [],
    points: isNps ? ['value'] : [],
    shares: def.kind === 'duration' || isNps || def.kind === 'cost-per' ? [] : ['value'],
  });
  // Spend over exact patients would give the exact count back: divide by the patients as shown.
  if (def.kind === 'cost-per' && out.value !== null && out.numerator !== null && out.denominator) {
    out.value = Math.round((out.numerator / out.denominator) * 100) / 100;
  }
  return out;
}

/** A cost breakdown row as shown: acquired patients rounded, cost per patient over that. */
function coarsenBreakdownRow(row: Shown<CostBreakdownRow>): Shown<CostBreakdownRow> {
  if (row.acquired === null) return row;
  const acquired = roundCount(row.acquired);
  const costPerAcquired =
    acquired > 0 && row.spend !== null ? Math.round((row.spend / acquired) * 100) / 100 : null;
  return { ...row, acquired, costPerAcquired };
}

/** One KPI result as shown to `protect`ed audiences or exactly. */
export function shownKpi(result: KpiResult, def: KpiDefinition | undefined, protect: boolean): ShownKpi {
  const { breakdown, ...rest } = result;
  if (!protect || !def) {
    const exact: ShownKpi = shownExactly(rest);
    return breakdown === undefined ? exact : { ...exact, breakdown: breakdown.map((r) => shownExactly(r)) };
  }
  const extra = rest.p90Seconds === undefined ? [] : ['p90Seconds'];
  const kpi = coarsenKpi(suppressKpi(rest, countsNumerator(def), SMALL_CELL_THRESHOLD, extra), def);
  if (breakdown === undefined) return kpi;
  // Breakdown values are attribute values: those of 1–10 acquired patients are not listed.
  const kept = omitSmall(breakdown, (r) => r.acquired);
  return {
    ...kpi,
    breakdown: kept.rows.map((r) => coarsenBreakdownRow(shownExactly(r))),
    omitted: { breakdown: kept.omitted },
  };
}

/** A KPI with every number hidden because the view's population is small. */
export function hiddenKpi(result: KpiResult): ShownKpi {
  const { breakdown, ...rest } = result;
  const kpi: ShownKpi = hideAll(rest);
  return breakdown === undefined ? kpi : { ...kpi, breakdown: [], omitted: {} };
}

/** The funnel of a journey as shown. */
export function shownFunnel<
  T extends {
    cases: number;
    conversionFromPrevious: number | null;
    dropOff: number | null;
    medianSecondsFromPrevious: number | null;
  },
>(journey: Pick<JourneyContent, 'stages'>, rows: readonly T[], protect: boolean) {
  if (!protect) return rows.map((r) => shownExactly(r));
  const previous = funnelSteps(journey).map((s) => s.previous);
  return suppressFunnel(rows, previous).map((r) =>
    coarsen(r, {
      counts: ['cases', 'dropOff'],
      shares: ['conversionFromPrevious'],
      seconds: ['medianSecondsFromPrevious'],
    }),
  );
}

/**
 * Rows found in the data (activities, paths, variants, attribute values) as shown: without
 * `protect` as they are; with it, rows held by 1–10 patients left out, the rest with their counts
 * rounded and their `seconds` fields to whole minutes.
 */
export function shownDataRows<T extends object>(
  rows: readonly T[],
  casesOf: (row: T) => number | null,
  protect: boolean,
  spec: {
    counts: readonly (keyof T & string)[];
    seconds?: readonly (keyof T & string)[];
    shares?: readonly (keyof T & string)[];
  },
): { rows: Shown<T>[]; omitted: number } {
  if (!protect) return { rows: rows.map((r) => shownExactly(r)), omitted: 0 };
  const kept = omitSmall(rows, casesOf);
  return { rows: kept.rows.map((r) => coarsen(shownExactly(r), spec as never)), omitted: kept.omitted };
}

/**
 * Rows of a designed series that share a total (weeks of a trend) as shown: small counts hidden with
 * their complement, the rest rounded.
 */
export function shownSeries<T extends object>(
  rows: readonly T[],
  protect: boolean,
  rule: {
    count: keyof T & string;
    derived?: readonly (keyof T & string)[];
    otherCounts?: readonly (keyof T & string)[];
  },
  spec: { shares?: readonly (keyof T & string)[] } = {},
): Shown<T>[] {
  if (!protect) return rows.map((r) => shownExactly(r));
  return suppressRows(rows, rule).map((r) =>
    coarsen(r, { counts: [rule.count, ...(rule.otherCounts ?? [])], shares: spec.shares ?? [] } as never),
  );
}
