import type { DuckDBConnection } from '@duckdb/node-api';
import { type JourneyContent, orderedSteps } from '@pathlight/core';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { runQuery } from './runner';
import { position, type SqlQuery, secondsBetween } from './sql';

/** The parts of a journey document the analyses read. */
export type JourneyModel = Pick<JourneyContent, 'stages' | 'kpis'>;

/** A step of the map that the event log can evidence (it names at least one activity). */
export interface FunnelStep {
  id: string;
  name: string;
  optional: boolean;
  activities: readonly string[];
  /** Index (into the funnel steps) of the step this one is measured from: the last non-optional step before it. */
  previous: number | null;
}

/**
 * The funnel's steps in map order. Steps without activities cannot be evidenced and are left out.
 * Optional steps hang off the main path: they are measured from the last non-optional step before
 * them and never become the anchor for later steps, so an optional detour nobody takes does not
 * empty the rest of the funnel.
 */
export function funnelSteps(journey: Pick<JourneyContent, 'stages'>): FunnelStep[] {
  const steps: FunnelStep[] = [];
  let anchor: number | null = null;
  for (const s of orderedSteps(journey)) {
    if (s.activities.length === 0) continue;
    steps.push({ id: s.id, name: s.name, optional: s.optional, activities: s.activities, previous: anchor });
    if (!s.optional) anchor = steps.length - 1;
  }
  return steps;
}

export interface FunnelRequest extends FilteredRequest {
  journey: Pick<JourneyContent, 'stages'>;
}

const FunnelRow = z.object({
  k: z.number().int(),
  cases: z.number().int().nonnegative(),
  median: z.number().nullable(),
});

/**
 * Ordered funnel. A case reaches step k when it has an event of the step's activities strictly
 * after (by (ts, seq) position) the event matched for the step it is measured from; each step is
 * matched at its earliest such event. The first step matches the case's earliest event of it.
 */
export function buildFunnel(req: FunnelRequest): SqlQuery {
  const steps = funnelSteps(req.journey);
  return withEvents(req, (p) => {
    // Read the events once, tagging each funnel event with its step index k through a small
    // (activity → k) table: integer tests per step are far cheaper than string-list tests per event.
    const pairs = steps.flatMap((s, k) => s.activities.map((a) => [a, k] as const));
    const ctes = [
      `sm AS (SELECT unnest(${p.strings(pairs.map(([a]) => a))}) AS activity, unnest(${p.integers(pairs.map(([, k]) => k))}) AS k)`,
      `fm AS MATERIALIZED (SELECT case_no, ${position()} AS p, ts, k FROM fe JOIN sm USING (activity))`,
      ...steps.map((s, k) =>
        s.previous === null
          ? `s${k} AS MATERIALIZED (SELECT case_no, min(p) AS p, arg_min(ts, p) AS ts FROM fm WHERE k = ${k} GROUP BY case_no)`
          : `s${k} AS MATERIALIZED (SELECT e.case_no, min(e.p) AS p, arg_min(e.ts, e.p) AS ts FROM fm e JOIN s${s.previous} a ON e.case_no = a.case_no
WHERE e.k = ${k} AND e.p > a.p GROUP BY e.case_no)`,
      ),
    ];
    const selects = steps.map((s, k) =>
      s.previous === null
        ? `SELECT ${k} AS k, count(*) AS cases, NULL::DOUBLE AS median FROM s${k}`
        : `SELECT ${k}, count(*), quantile_cont(${secondsBetween('a.ts', 'b.ts')}, 0.5) FROM s${k} b JOIN s${s.previous} a USING (case_no)`,
    );
    return {
      ctes,
      select: selects.length
        ? `${selects.join('\nUNION ALL ')}\nORDER BY k`
        : 'SELECT 0 AS k, 0 AS cases, NULL AS median WHERE false',
    };
  });
}

export const FunnelStepResult = z.object({
  step: z.string(),
  stepId: z.string(),
  cases: z.number().int().nonnegative(),
  conversionFromPrevious: z.number().nullable(),
  dropOff: z.number().int().nullable(),
  medianSecondsFromPrevious: z.number().nullable(),
});
export type FunnelStepResult = z.infer<typeof FunnelStepResult>;

/**
 * Turns per-step counts into the funnel: conversion = cases ÷ cases of the step it is measured from
 * (null for the first step, or when that step has no cases), drop-off = those cases − these cases.
 */
export function funnelFromCounts(
  steps: readonly FunnelStep[],
  counts: readonly { cases: number; median: number | null }[],
): FunnelStepResult[] {
  return steps.map((s, k) => {
    const here = counts[k] ?? { cases: 0, median: null };
    const prev = s.previous === null ? undefined : counts[s.previous];
    return {
      step: s.name,
      stepId: s.id,
      cases: here.cases,
      conversionFromPrevious: prev && prev.cases > 0 ? here.cases / prev.cases : null,
      dropOff: prev ? prev.cases - here.cases : null,
      medianSecondsFromPrevious: here.median,
    };
  });
}

/** Runs {@link buildFunnel} and derives conversions and drop-offs. */
export async function funnel(conn: DuckDBConnection, req: FunnelRequest): Promise<FunnelStepResult[]> {
  const steps = funnelSteps(req.journey);
  if (!steps.length) return [];
  const rows = await runQuery(conn, buildFunnel(req), FunnelRow);
  return funnelFromCounts(steps, rows);
}
