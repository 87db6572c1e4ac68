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
 * Returns one row per step (kind 'step', k = index) plus one 'fit' row and the 'unmapped' rows.
 */
export function buildConformance(req: ConformanceRequest): SqlQuery {
  const steps = mappedSteps(req.journey);
  const pairs = steps.flatMap((s, k) => s.activities.map((a) => [a, k] as const));
  const required = steps.flatMap((s, k) => (s.optional ? [] : [k]));
  return withEvents(req, (p) => ({
    ctes: [
      `sm AS (SELECT unnest(${p.strings(pairs.map(([a]) => a))}) AS activity, unnest(${p.integers(pairs.map(([, k]) => k))}) AS k)`,
      `fv AS (SELECT case_id, k, min(${position()}) AS p FROM fe JOIN sm USING (activity) GROUP BY case_id, k)`,
      `fo AS (SELECT case_id, k, coalesce(max(k) OVER (PARTITION BY case_id ORDER BY p, k
  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), -1) > k AS late, max(k) OVER (PARTITION BY case_id) AS maxk FROM fv)`,
      `cs AS (SELECT case_id, list(k ORDER BY p, k) AS ks FROM fv GROUP BY case_id)`,
      'ca AS (SELECT DISTINCT case_id FROM fe)',
      `cm AS (SELECT max(k) AS maxk FROM fv GROUP BY case_id)`,
      `st AS (SELECT unnest(range(${p.add(steps.length)})) AS k)`,
    ],
    select: `SELECT 'step' AS kind, st.k, NULL AS name,
  (SELECT count(*) FROM cm WHERE cm.maxk > st.k) - (SELECT count(*) FROM fo WHERE fo.k = st.k AND fo.maxk > st.k) AS a,
  (SELECT count(*) FROM fo WHERE fo.k = st.k AND fo.late) AS b
FROM st
UNION ALL SELECT 'fit', NULL, NULL,
  (SELECT count(*) FROM cs WHERE ks = list_sort(ks) AND list_has_all(ks, ${p.integers(required)})),
  (SELECT count(*) FROM ca)
UNION ALL SELECT 'unmapped', NULL, activity, count(*), NULL FROM fe ANTI JOIN sm USING (activity) GROUP BY activity
ORDER BY kind, k, a DESC, name`,
  }));
}

const Row = z.object({
  kind: z.enum(['step', 'fit', 'unmapped']),
  k: z.number().int().nullable(),
  name: z.string().nullable(),
  a: z.number().int().nonnegative(),
  b: z.number().int().nonnegative().nullable(),
});

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

/** Runs {@link buildConformance}; fittingShare = fitting cases ÷ all cases (null without cases). */
export async function conformance(conn: DuckDBConnection, req: ConformanceRequest): Promise<Conformance> {
  const steps = mappedSteps(req.journey);
  const rows = await runQuery(conn, buildConformance(req), Row);
  const fit = rows.find((r) => r.kind === 'fit');
  const total = fit?.b ?? 0;
  const fittingCases = fit?.a ?? 0;
  return {
    fittingCases,
    fittingShare: total ? fittingCases / total : null,
    steps: steps.map((s, k) => {
      const row = rows.find((r) => r.kind === 'step' && r.k === k);
      return { step: s.name, stepId: s.id, skipped: row?.a ?? 0, outOfOrder: row?.b ?? 0 };
    }),
    unmappedActivities: rows
      .filter((r) => r.kind === 'unmapped')
      .map((r) => ({ name: r.name ?? '', events: r.a })),
  };
}
