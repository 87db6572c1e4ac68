import type { DuckDBConnection } from '@duckdb/node-api';
import { type JourneyContent, orderedSteps } from '@pathlight/core';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { runQuery } from './runner';
import { position, type SqlQuery } from './sql';

export interface ConformanceRequest extends FilteredRequest {
  journey: Pick<JourneyContent, 'stages'>;
}

/** Steps of the map that name activities, in designed order (the ones conformance can check). */
function mappedSteps(journey: Pick<JourneyContent, 'stages'>) {
  return orderedSteps(journey).filter((s) => s.activities.length > 0);
}

/**
 * Conformance of real cases to the designed step order. A case *visits* a step when it has an event
 * of the step's activities; the step's position in the case is its first such event (by ts, seq).
 * - fitting: the case visits every non-optional mapped step, and the steps it visits (optional ones
 *   included) appear in designed order by first visit;
 * - skipped (per step): cases that never visit the step but visit a later-designed step;
 * - outOfOrder (per step): cases that visit the step after first visiting a later-designed step;
 * - unmapped activities: activities that occur but are on no step, with event counts.
 * Returns rows of four kinds: 'step' (k, cases visiting k that also visit a later step, cases visiting k
 * out of order), 'reach' (m, cases whose last-designed visited step is m), 'fit' (fitting, all cases)
 * and 'unmapped' (activity, events); {@link conformanceFromRows} combines them.
 */
export function buildConformance(req: ConformanceRequest): SqlQuery {
  const steps = mappedSteps(req.journey);
  const pairs = steps.flatMap((s, k) => s.activities.map((a) => [a, k] as const));
  const required = steps.flatMap((s, k) => (s.optional ? [] : [k]));
  return withEvents(req, (p) => ({
    ctes: [
      `sm AS (SELECT unnest(${p.strings(pairs.map(([a]) => a))}) AS activity, unnest(${p.integers(pairs.map(([, k]) => k))}) AS k)`,
      `fv AS MATERIALIZED (SELECT case_no, k, min(${position()}) AS p FROM fe JOIN sm USING (activity) GROUP BY case_no, k)`,
      `fo AS MATERIALIZED (SELECT case_no, k, coalesce(max(k) OVER (PARTITION BY case_no ORDER BY p, k
  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) > k AS late, max(k) OVER (PARTITION BY case_no) AS maxk FROM fv)`,
      // A case fits when none of its visited steps comes late and it visits every required step.
      `cf AS (SELECT case_no FROM fo GROUP BY case_no
  HAVING NOT bool_or(late) AND count(*) FILTER (WHERE list_contains(${p.integers(required)}, k)) = ${p.add(required.length)})`,
    ],
    select: `SELECT 'step' AS kind, k, NULL AS name, count(*) FILTER (WHERE maxk > k) AS a, count(*) FILTER (WHERE late) AS b
FROM fo GROUP BY k
UNION ALL SELECT 'reach', maxk, NULL, count(*), NULL FROM (SELECT DISTINCT case_no, maxk FROM fo) GROUP BY maxk
UNION ALL SELECT 'fit', NULL, NULL,
  (SELECT count(*) FROM cf),
  (SELECT count(*) FROM (SELECT case_no FROM fe GROUP BY case_no))
UNION ALL SELECT 'unmapped', NULL, activity, n, NULL
FROM (SELECT activity, count(*) AS n FROM fe GROUP BY activity) ANTI JOIN sm USING (activity)
ORDER BY kind, k, a DESC, name`,
  }));
}

const Row = z.object({
  kind: z.enum(['step', 'reach', 'fit', 'unmapped']),
  k: z.number().int().nullable(),
  name: z.string().nullable(),
  a: z.number().int().nonnegative(),
  b: z.number().int().nonnegative().nullable(),
});
type Row = z.infer<typeof Row>;

export const Conformance = z.object({
  fittingCases: z.number().int().nonnegative(),
  fittingShare: z.number().nullable(),
  steps: z.array(
    z.object({
      step: z.string(),
      stepId: z.string(),
      skipped: z.number().int().nonnegative(),
      outOfOrder: z.number().int().nonnegative(),
    }),
  ),
  unmappedActivities: z.array(z.object({ name: z.string(), events: z.number().int().nonnegative() })),
});
export type Conformance = z.infer<typeof Conformance>;

/**
 * Combines the rows of {@link buildConformance}: skipped(k) = cases whose last visited step is after k
 * minus the cases among them that visit k. fittingShare = fitting cases ÷ all cases (null without cases).
 */
export function conformanceFromRows(
  steps: readonly { id: string; name: string }[],
  rows: readonly Row[],
): Conformance {
  const fit = rows.find((r) => r.kind === 'fit');
  const total = fit?.b ?? 0;
  const fittingCases = fit?.a ?? 0;
  const reachedBeyond = (k: number) =>
    rows.filter((r) => r.kind === 'reach' && (r.k ?? -1) > k).reduce((sum, r) => sum + r.a, 0);
  return {
    fittingCases,
    fittingShare: total ? fittingCases / total : null,
    steps: steps.map((s, k) => {
      const row = rows.find((r) => r.kind === 'step' && r.k === k);
      return {
        step: s.name,
        stepId: s.id,
        skipped: reachedBeyond(k) - (row?.a ?? 0),
        outOfOrder: row?.b ?? 0,
      };
    }),
    unmappedActivities: rows
      .filter((r) => r.kind === 'unmapped')
      .map((r) => ({ name: r.name ?? '', events: r.a })),
  };
}

/** Runs {@link buildConformance}. */
export async function conformance(conn: DuckDBConnection, req: ConformanceRequest): Promise<Conformance> {
  return conformanceFromRows(mappedSteps(req.journey), await runQuery(conn, buildConformance(req), Row));
}
