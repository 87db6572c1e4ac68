import type { DuckDBConnection } from '@duckdb/node-api';
import { type ActivityRef, type JourneyContent, type KpiDefinition, orderedSteps } from '@pathlight/core';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { attributeExpr } from './filters';
import { runSingle } from './runner';
import { position, type SqlQuery, secondsBetween } from './sql';

/** The activities a conversion or duration end names: its step's activities, or the listed ones. */
export function resolveRef(ref: ActivityRef, journey: Pick<JourneyContent, 'stages'>): string[] {
  if ('activities' in ref) return ref.activities;
  const step = orderedSteps(journey).find((s) => s.id === ref.stepId);
  if (!step) throw new Error(`KPI refers to step "${ref.stepId}", which is not in the journey`);
  return step.activities;
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
 *   NPS numerator = promoters (9–10) − detractors (0–6), CSAT numerator = answers of 4–5.
 */
export function buildKpi(req: KpiRequest): SqlQuery {
  const { kpi, journey } = req;
  return withEvents(req, (p) => {
    switch (kpi.kind) {
      case 'rate': {
        const num = p.strings(kpi.numerator);
        const den = p.strings(kpi.denominator);
        if (kpi.countOver === 'events')
          return {
            select: `SELECT count(*) FILTER (WHERE list_contains(${num}, activity)) AS numerator,
  count(*) FILTER (WHERE list_contains(${den}, activity)) AS denominator, NULL::DOUBLE AS value, NULL::DOUBLE AS p90 FROM fe`,
          };
        return {
          ctes: [
            `rc AS (SELECT bool_or(list_contains(${num}, activity)) AS n, bool_or(list_contains(${den}, activity)) AS d
FROM fe GROUP BY case_id)`,
          ],
          select: `SELECT count(*) FILTER (WHERE n AND d) AS numerator, count(*) FILTER (WHERE d) AS denominator,
  NULL::DOUBLE AS value, NULL::DOUBLE AS p90 FROM rc`,
        };
      }
      case 'conversion':
      case 'duration': {
        const from = p.strings(resolveRef(kpi.from, journey));
        const to = p.strings(resolveRef(kpi.to, journey));
        const window =
          kpi.kind === 'conversion' && kpi.windowDays !== null
            ? ` AND ${secondsBetween('f.p.ts', 'e.ts')} <= ${p.add(kpi.windowDays * 86400)}`
            : '';
        const ctes = [
          `kf AS (SELECT case_id, min(${position()}) AS p FROM fe WHERE list_contains(${from}, activity) GROUP BY case_id)`,
          `kt AS (SELECT e.case_id, min(${position('e')}) AS p FROM fe e JOIN kf f ON e.case_id = f.case_id
WHERE list_contains(${to}, e.activity) AND ${position('e')} > f.p${window} GROUP BY e.case_id)`,
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
            `kd AS (SELECT ${secondsBetween('f.p.ts', 't.p.ts')} AS s FROM kt t JOIN kf f USING (case_id))`,
          ],
          select: `SELECT (SELECT count(*) FROM kd) AS numerator, (SELECT count(*) FROM kf) AS denominator,
  (SELECT quantile_cont(s, 0.5) FROM kd) AS value, (SELECT quantile_cont(s, 0.9) FROM kd) AS p90`,
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

export const KpiResult = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().int().nonnegative(),
  p90Seconds: z.number().nullable().optional(),
});
export type KpiResult = z.infer<typeof KpiResult>;

/**
 * Final KPI value: rates, conversions and CSAT as a 0–1 share, NPS in points (−100…100),
 * durations as the median in seconds (with p90Seconds). Null when the denominator is 0.
 */
export function kpiValue(kpi: KpiDefinition, counts: z.infer<typeof Counts>): KpiResult {
  const base = { id: kpi.id, name: kpi.name, numerator: counts.numerator, denominator: counts.denominator };
  if (kpi.kind === 'duration')
    return { ...base, value: counts.denominator ? counts.value : null, p90Seconds: counts.p90 };
  if (counts.denominator === 0) return { ...base, value: null };
  const share = counts.numerator / counts.denominator;
  return { ...base, value: kpi.kind === 'score' && kpi.scale === 'nps' ? 100 * share : share };
}

/** Computes one KPI. */
export async function kpi(conn: DuckDBConnection, req: KpiRequest): Promise<KpiResult> {
  return kpiValue(req.kpi, await runSingle(conn, buildKpi(req), Counts));
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
