import type { DuckDBConnection } from '@duckdb/node-api';
import type { JourneyContent } from '@pathlight/core';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { caseAttributeAgg } from './filters';
import { type FunnelStep, funnelSteps } from './funnel';
import { runQuery } from './runner';
import { position, type SqlParams, type SqlQuery } from './sql';

/** A request about one funnel step of a journey (a step with activities). */
export interface StepRequest extends FilteredRequest {
  journey: Pick<JourneyContent, 'stages'>;
  stepId: string;
}

/** The funnel step `stepId` and the chain of steps it is measured from (nearest last). */
function stepChain(req: StepRequest): { steps: FunnelStep[]; k: number; chain: number[] } {
  const steps = funnelSteps(req.journey);
  const k = steps.findIndex((s) => s.id === req.stepId);
  if (k < 0) throw new Error(`step "${req.stepId}" is not in the journey or names no activities`);
  const chain: number[] = [];
  for (let i: number | null = k; i !== null; i = steps[i]?.previous ?? null) chain.unshift(i);
  return { steps, k, chain };
}

/**
 * CTEs `r<j>(case_no, p, ts)` for each step of the chain: where each case reaches the step, with the
 * funnel's rule (the earliest event of the step strictly after the step it is measured from). The same
 * matching as `buildFunnel`, so counts agree with the funnel.
 */
function reachCtes(steps: readonly FunnelStep[], chain: readonly number[], p: SqlParams): string[] {
  const pairs = chain.flatMap((j) => (steps[j]?.activities ?? []).map((a) => [a, j] as const));
  return [
    `sm AS (SELECT unnest(${p.strings(pairs.map(([a]) => a))}) AS activity, unnest(${p.integers(pairs.map(([, j]) => j))}) AS k)`,
    `fm AS MATERIALIZED (SELECT case_no, ${position()} AS p, ts, k FROM fe JOIN sm USING (activity))`,
    ...chain.map((j) => {
      const prev = steps[j]?.previous ?? null;
      return prev === null
        ? `r${j} AS MATERIALIZED (SELECT case_no, min(p) AS p, arg_min(ts, p) AS ts FROM fm WHERE k = ${j} GROUP BY case_no)`
        : `r${j} AS MATERIALIZED (SELECT e.case_no, min(e.p) AS p, arg_min(e.ts, e.p) AS ts FROM fm e JOIN r${prev} a ON e.case_no = a.case_no
WHERE e.k = ${j} AND e.p > a.p GROUP BY e.case_no)`;
    }),
  ];
}

// ---- weekly trend ----
const WeekRow = z.object({ week: z.string(), cases: z.number().int().nonnegative() });
export type StepWeek = z.infer<typeof WeekRow>;

/** Cases reaching the step per ISO week (Monday, `YYYY-MM-DD`) of the moment they reached it. */
export function buildStepWeekly(req: StepRequest): SqlQuery {
  const { steps, k, chain } = stepChain(req);
  return withEvents(req, (p) => ({
    ctes: reachCtes(steps, chain, p),
    select: `SELECT strftime(date_trunc('week', ts), '%Y-%m-%d') AS week, count(*) AS cases FROM r${k} GROUP BY week ORDER BY week`,
  }));
}

/** Runs {@link buildStepWeekly}. */
export async function stepWeekly(conn: DuckDBConnection, req: StepRequest): Promise<StepWeek[]> {
  return runQuery(conn, buildStepWeekly(req), WeekRow);
}

// ---- split by a case attribute ----
const SplitRow = z.object({
  value: z.string().nullable(),
  cases: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative().nullable(),
});
export interface StepSplit {
  value: string | null;
  cases: number;
  /** Cases of this value at the step this one is measured from (null for a first step). */
  previousCases: number | null;
  conversionFromPrevious: number | null;
}

/**
 * Cases reaching the step and the step it is measured from, per value of a case attribute (the value
 * on the case's first event that has one; null for none), largest first, at most `limit` (20) values.
 */
export function buildStepSplit(req: StepRequest & { attribute: string; limit?: number }): SqlQuery {
  const { steps, k, chain } = stepChain(req);
  const prev = steps[k]?.previous ?? null;
  return withEvents(req, (p) => ({
    ctes: [
      ...reachCtes(steps, chain, p),
      `sv AS (SELECT case_no, ${caseAttributeAgg(req.attribute, p)} AS value FROM fe GROUP BY case_no)`,
    ],
    select: `SELECT sv.value, count(b.case_no) AS cases, ${prev === null ? 'NULL::BIGINT' : 'count(a.case_no)'} AS previous
FROM sv LEFT JOIN r${k} b ON b.case_no = sv.case_no${prev === null ? '' : ` LEFT JOIN r${prev} a ON a.case_no = sv.case_no`}
GROUP BY sv.value HAVING count(b.case_no) > 0${prev === null ? '' : ' OR count(a.case_no) > 0'}
ORDER BY cases DESC, ${prev === null ? '' : 'previous DESC, '}sv.value NULLS LAST LIMIT ${p.add(req.limit ?? 20)}`,
  }));
}

/** Runs {@link buildStepSplit}; conversion = cases ÷ previous cases of the same value. */
export async function stepSplit(
  conn: DuckDBConnection,
  req: StepRequest & { attribute: string; limit?: number },
): Promise<StepSplit[]> {
  const rows = await runQuery(conn, buildStepSplit(req), SplitRow);
  return rows.map((r) => ({
    value: r.value,
    cases: r.cases,
    previousCases: r.previous,
    conversionFromPrevious: r.previous ? r.cases / r.previous : null,
  }));
}

// ---- paths into and out of a step ----
const PathRow = z.object({
  dir: z.enum(['in', 'out']),
  activity: z.string().nullable(),
  cases: z.number().int().nonnegative(),
});
export interface StepPaths {
  /** The activity right before the event where each case reached the step, by cases desc. */
  pathsIn: { activity: string; cases: number }[];
  /** The activity right after it. */
  pathsOut: { activity: string; cases: number }[];
  /** Cases whose first event is the step's event, and whose last event is. */
  startedHere: number;
  endedHere: number;
}

/** Activities directly before and after the event where each case reached the step. */
export function buildStepPaths(req: StepRequest): SqlQuery {
  const { steps, k, chain } = stepChain(req);
  return withEvents(req, (p) => ({
    ctes: [
      ...reachCtes(steps, chain, p),
      `nb AS (SELECT case_no, ${position()} AS p, lag(activity) OVER w AS before, lead(activity) OVER w AS after
FROM fe SEMI JOIN r${k} USING (case_no) WINDOW w AS (PARTITION BY case_no ORDER BY ts, seq))`,
      `rn AS (SELECT nb.* FROM nb JOIN r${k} USING (case_no, p))`,
    ],
    select: `SELECT 'in' AS dir, before AS activity, count(*) AS cases FROM rn GROUP BY before
UNION ALL SELECT 'out', after, count(*) FROM rn GROUP BY after
ORDER BY dir, cases DESC, activity NULLS FIRST`,
  }));
}

/** Runs {@link buildStepPaths}. */
export async function stepPaths(conn: DuckDBConnection, req: StepRequest): Promise<StepPaths> {
  const rows = await runQuery(conn, buildStepPaths(req), PathRow);
  const pick = (dir: 'in' | 'out') =>
    rows
      .filter((r): r is typeof r & { activity: string } => r.dir === dir && r.activity !== null)
      .map(({ activity, cases }) => ({ activity, cases }));
  const ends = (dir: 'in' | 'out') => rows.find((r) => r.dir === dir && r.activity === null)?.cases ?? 0;
  return { pathsIn: pick('in'), pathsOut: pick('out'), startedHere: ends('in'), endedHere: ends('out') };
}

// ---- case lists (patient level: callers must restrict and audit) ----
const CaseRow = z.object({
  caseId: z.string(),
  firstEvent: z.string(),
  lastEvent: z.string(),
  events: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export interface StepCase {
  /** Pseudonymised case id, as stored. */
  caseId: string;
  firstEvent: string;
  lastEvent: string;
  events: number;
}

export interface StepCasesRequest extends StepRequest {
  /** `reached`: cases that reached the step; `dropped`: cases at the step it is measured from that did not. */
  which: 'reached' | 'dropped';
  /** At most this many cases (default and maximum 500), earliest first event first. */
  limit?: number;
}

/** The cases that reached (or dropped before) a step, with their first/last event and event count. */
export function buildStepCases(req: StepCasesRequest): SqlQuery {
  const { steps, k, chain } = stepChain(req);
  const prev = steps[k]?.previous ?? null;
  const limit = Math.min(req.limit ?? 500, 500);
  const picked =
    req.which === 'reached'
      ? `SELECT case_no FROM r${k}`
      : prev === null
        ? 'SELECT case_no FROM fe WHERE false'
        : `SELECT case_no FROM r${prev} ANTI JOIN r${k} USING (case_no)`;
  return withEvents(req, (p) => ({
    ctes: [
      ...reachCtes(steps, chain, p),
      `pc AS (${picked})`,
      'cs AS (SELECT case_id, min(ts) AS f, max(ts) AS l, count(*) AS n FROM fe SEMI JOIN pc USING (case_no) GROUP BY case_no, case_id)',
    ],
    select: `SELECT case_id AS "caseId", f AS "firstEvent", l AS "lastEvent", n AS events, count(*) OVER () AS total
FROM cs ORDER BY f, case_id LIMIT ${p.add(limit)}`,
  }));
}

/** Runs {@link buildStepCases}; `total` is the number of matching cases before the limit. */
export async function stepCases(
  conn: DuckDBConnection,
  req: StepCasesRequest,
): Promise<{ cases: StepCase[]; total: number }> {
  const rows = await runQuery(conn, buildStepCases(req), CaseRow);
  return { cases: rows.map(({ total: _t, ...c }) => c), total: rows[0]?.total ?? 0 };
}
