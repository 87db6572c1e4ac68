import type { DuckDBConnection } from '@duckdb/node-api';
import {
  type ActivityRef,
  type CostPerKpi,
  type JourneyContent,
  type KpiDefinition,
  orderedSteps,
} from '@pathlight/core';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { attributeExpr, caseAttributeAgg } from './filters';
import { runQuery, runSingle } from './runner';
import { position, type SqlParams, type SqlQuery, secondsBetween } from './sql';

/** The activities a conversion or duration end names: its step's activities, or the listed ones. */
export function resolveRef(ref: ActivityRef, journey: Pick<JourneyContent, 'stages'>): string[] {
  if ('activities' in ref) return ref.activities;
  const step = orderedSteps(journey).find((s) => s.id === ref.stepId);
  if (!step) throw new Error(`KPI refers to step "${ref.stepId}", which is not in the journey`);
  return step.activities;
}

/**
 * A CTE `am(activity, <flag>…)`: every activity named in any list, with one boolean per list telling
 * whether the activity is in it. Joining events to it replaces per-event list tests.
 */
function activityFlags(p: SqlParams, lists: Record<string, readonly string[]>): string {
  const all = p.strings([...new Set(Object.values(lists).flat())]);
  const flags = Object.entries(lists).map(
    ([name, acts]) => `list_contains(${p.strings(acts)}, activity) AS ${name}`,
  );
  return `am AS (SELECT activity, ${flags.join(', ')} FROM (SELECT unnest(${all}) AS activity))`;
}

export interface KpiRequest extends FilteredRequest {
  kpi: KpiDefinition;
  journey: Pick<JourneyContent, 'stages'>;
}

const Counts = z.object({
  numerator: z.number(),
  denominator: z.number().int().nonnegative(),
  value: z.number().nullable(),
  p90: z.number().nullable(),
});

/**
 * One KPI as SQL returning (numerator, denominator, value, p90):
 * - rate/events: events of numerator activities ÷ events of denominator activities;
 * - rate/cases: cases with a denominator event that also have a numerator event ÷ cases with a denominator event;
 * - conversion: cases with a `to` event after their first `from` event (within `windowDays` of it) ÷ cases with a `from` event;
 * - duration: seconds from each case's first `from` to its first later `to`: value = median, p90;
 *   numerator = cases measured, denominator = cases with a `from` event;
 * - score: answers of the activity's numeric attribute in range (NPS 0–10, CSAT 1–5; others ignored);
 *   NPS numerator = promoters (9–10) − detractors (0–6), CSAT numerator = answers of 4–5;
 * - cost-per: numerator = sum of `cost` on the cost activities' events (every event with a cost when none
 *   are named), denominator = cases with an `acquired` event.
 */
export function buildKpi(req: KpiRequest): SqlQuery {
  const { kpi, journey } = req;
  return withEvents(req, (p) => {
    switch (kpi.kind) {
      case 'rate': {
        // Flags per activity on a small table, joined to the events: no string-list test per event.
        const am = activityFlags(p, { n: kpi.numerator, d: kpi.denominator });
        if (kpi.countOver === 'events')
          return {
            ctes: [am],
            select: `SELECT count(*) FILTER (WHERE n) AS numerator, count(*) FILTER (WHERE d) AS denominator,
  NULL::DOUBLE AS value, NULL::DOUBLE AS p90 FROM fe JOIN am USING (activity)`,
          };
        return {
          ctes: [
            am,
            'rc AS (SELECT bool_or(n) AS n, bool_or(d) AS d FROM fe JOIN am USING (activity) GROUP BY case_no)',
          ],
          select: `SELECT count(*) FILTER (WHERE n AND d) AS numerator, count(*) FILTER (WHERE d) AS denominator,
  NULL::DOUBLE AS value, NULL::DOUBLE AS p90 FROM rc`,
        };
      }
      case 'conversion':
      case 'duration': {
        const am = activityFlags(p, { f: resolveRef(kpi.from, journey), t: resolveRef(kpi.to, journey) });
        const window =
          kpi.kind === 'conversion' && kpi.windowDays !== null
            ? ` AND ${secondsBetween('f.ts', 'e.ts')} <= ${p.add(kpi.windowDays * 86400)}`
            : '';
        const ctes = [
          am,
          `ke AS MATERIALIZED (SELECT case_no, ${position()} AS p, ts, f, t FROM fe JOIN am USING (activity))`,
          'kf AS MATERIALIZED (SELECT case_no, min(p) AS p, arg_min(ts, p) AS ts FROM ke WHERE f GROUP BY case_no)',
          `kt AS MATERIALIZED (SELECT e.case_no, min(e.p) AS p, arg_min(e.ts, e.p) AS ts FROM ke e JOIN kf f ON e.case_no = f.case_no
WHERE e.t AND e.p > f.p${window} GROUP BY e.case_no)`,
        ];
        if (kpi.kind === 'conversion')
          return {
            ctes,
            select: `SELECT (SELECT count(*) FROM kt) AS numerator, (SELECT count(*) FROM kf) AS denominator,
  NULL::DOUBLE AS value, NULL::DOUBLE AS p90`,
          };
        return {
          ctes: [
            ...ctes,
            `kd AS (SELECT ${secondsBetween('f.ts', 't.ts')} AS s FROM kt t JOIN kf f USING (case_no))`,
          ],
          select: `SELECT (SELECT count(*) FROM kd) AS numerator, (SELECT count(*) FROM kf) AS denominator,
  (SELECT quantile_cont(s, 0.5) FROM kd) AS value, (SELECT quantile_cont(s, 0.9) FROM kd) AS p90`,
        };
      }
      case 'cost-per': {
        const { ctes, spend } = costPerCtes(kpi, journey, p);
        return {
          ctes,
          select: `SELECT (SELECT coalesce(sum(cost), 0) FROM fe WHERE ${spend}) AS numerator,
  (SELECT count(*) FROM ka) AS denominator, NULL::DOUBLE AS value, NULL::DOUBLE AS p90`,
        };
      }
      case 'score': {
        const x = `TRY_CAST(${attributeExpr(kpi.attribute, p)} AS DOUBLE)`;
        const [lo, hi] = kpi.scale === 'nps' ? [0, 10] : [1, 5];
        const num =
          kpi.scale === 'nps'
            ? 'count(*) FILTER (WHERE x >= 9) - count(*) FILTER (WHERE x <= 6)'
            : 'count(*) FILTER (WHERE x >= 4)';
        return {
          ctes: [
            `sc AS (SELECT x FROM (SELECT ${x} AS x FROM fe WHERE activity = ${p.add(kpi.activity)}) WHERE x BETWEEN ${lo} AND ${hi})`,
          ],
          select: `SELECT ${num} AS numerator, count(*) AS denominator, NULL::DOUBLE AS value, NULL::DOUBLE AS p90 FROM sc`,
        };
      }
    }
  });
}

/** The CTE `ka(case_no)` of acquired cases and the condition selecting the events whose cost is spend. */
function costPerCtes(
  kpi: CostPerKpi,
  journey: Pick<JourneyContent, 'stages'>,
  p: SqlParams,
): { ctes: string[]; spend: string } {
  const acquired = p.strings(resolveRef(kpi.acquired, journey));
  const spend =
    kpi.costActivities.length > 0
      ? `cost IS NOT NULL AND list_contains(${p.strings(kpi.costActivities)}, activity)`
      : 'cost IS NOT NULL';
  return {
    ctes: [`ka AS (SELECT DISTINCT case_no FROM fe WHERE list_contains(${acquired}, activity))`],
    spend,
  };
}

/**
 * A cost-per KPI broken down by its `splitBy` attribute, one row per value (the case's value: its first
 * event that has one; cases without it under null): spend and acquired cases of the cases with that value.
 */
export function buildCostBreakdown(req: KpiRequest & { kpi: CostPerKpi & { splitBy: string } }): SqlQuery {
  const { kpi, journey } = req;
  return withEvents(req, (p) => {
    const { ctes, spend } = costPerCtes(kpi, journey, p);
    return {
      ctes: [
        ...ctes,
        `kv AS (SELECT case_no, ${caseAttributeAgg(kpi.splitBy, p)} AS v,
  coalesce(sum(cost) FILTER (WHERE ${spend}), 0) AS spend FROM fe GROUP BY case_no)`,
      ],
      select: `SELECT v AS value, sum(spend) AS spend, count(ka.case_no) AS acquired
FROM kv LEFT JOIN ka USING (case_no) GROUP BY v ORDER BY v NULLS LAST`,
    };
  });
}

const BreakdownRow = z.object({
  value: z.string().nullable(),
  spend: z.number(),
  acquired: z.number().int(),
});

export const CostBreakdownRow = BreakdownRow.extend({ costPerAcquired: z.number().nullable() });
export type CostBreakdownRow = z.infer<typeof CostBreakdownRow>;

export const KpiResult = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().int().nonnegative(),
  p90Seconds: z.number().nullable().optional(),
  /** Cost-per KPIs with a `splitBy`: the value per attribute value. */
  breakdown: z.array(CostBreakdownRow).optional(),
});
export type KpiResult = z.infer<typeof KpiResult>;

/**
 * Final KPI value: rates, conversions and CSAT as a 0–1 share, NPS in points (−100…100),
 * durations as the median in seconds (with p90Seconds), cost-per as spend per acquired case.
 * Null when the denominator is 0.
 */
export function kpiValue(kpi: KpiDefinition, counts: z.infer<typeof Counts>): KpiResult {
  const base = { id: kpi.id, name: kpi.name, numerator: counts.numerator, denominator: counts.denominator };
  if (kpi.kind === 'duration')
    return { ...base, value: counts.denominator ? counts.value : null, p90Seconds: counts.p90 };
  if (counts.denominator === 0) return { ...base, value: null };
  const share = counts.numerator / counts.denominator;
  if (kpi.kind === 'cost-per') return { ...base, value: share };
  return { ...base, value: kpi.kind === 'score' && kpi.scale === 'nps' ? 100 * share : share };
}

/** Computes one KPI. */
export async function kpi(conn: DuckDBConnection, req: KpiRequest): Promise<KpiResult> {
  const result = kpiValue(req.kpi, await runSingle(conn, buildKpi(req), Counts));
  const def = req.kpi;
  if (def.kind !== 'cost-per' || def.splitBy === null) return result;
  const rows = await runQuery(
    conn,
    buildCostBreakdown({ ...req, kpi: { ...def, splitBy: def.splitBy } }),
    BreakdownRow,
  );
  return {
    ...result,
    breakdown: rows.map((r) => ({ ...r, costPerAcquired: r.acquired ? r.spend / r.acquired : null })),
  };
}

/** Computes every KPI the journey defines, in its order. */
export async function kpis(
  conn: DuckDBConnection,
  req: FilteredRequest & { journey: JourneyModelForKpis },
): Promise<KpiResult[]> {
  const out: KpiResult[] = [];
  for (const def of req.journey.kpis) out.push(await kpi(conn, { ...req, kpi: def }));
  return out;
}

type JourneyModelForKpis = Pick<JourneyContent, 'stages' | 'kpis'>;
