import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { type FilteredRequest, withEvents } from './basic';
import { caseAttributeAgg } from './filters';
import { type FunnelStepResult, funnel, type JourneyModel } from './funnel';
import { type KpiResult, kpis } from './kpis';
import { runQuery } from './runner';
import type { SqlQuery } from './sql';

export interface SegmentsRequest extends FilteredRequest {
  journey: JourneyModel;
  /** `channel`, `resource`, `lifecycle` or a key of `attrs` (e.g. `source`, `location`). */
  attribute: string;
  /** The largest segments to analyse (by cases). Default 20. */
  limit?: number;
}

/** Segment values by case count: a case's value is the value on its first event that has one (null: none). */
export function buildSegmentValues(req: SegmentsRequest): SqlQuery {
  return withEvents(req, (p) => {
    const limit = req.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`segments limit must be a positive integer, got ${limit}`);
    return {
      ctes: [`sv AS (SELECT ${caseAttributeAgg(req.attribute, p)} AS value FROM fe GROUP BY case_no)`],
      select: `SELECT value, count(*) AS cases FROM sv GROUP BY value ORDER BY cases DESC, value NULLS LAST LIMIT ${p.add(limit)}`,
    };
  });
}

const SegmentValue = z.object({ value: z.string().nullable(), cases: z.number().int().nonnegative() });

export interface Segment {
  value: string | null;
  cases: number;
  funnel: FunnelStepResult[];
  kpis: KpiResult[];
}

/** Funnel and KPIs split by a case attribute, one entry per value (largest segments first). */
export async function segments(conn: DuckDBConnection, req: SegmentsRequest): Promise<Segment[]> {
  const values = await runQuery(conn, buildSegmentValues(req), SegmentValue);
  const out: Segment[] = [];
  for (const { value, cases } of values) {
    const filters = [
      ...(req.filters ?? []),
      { kind: 'attribute' as const, key: req.attribute, values: [value] },
    ];
    out.push({
      value,
      cases,
      funnel: await funnel(conn, { journey: req.journey, filters }),
      kpis: await kpis(conn, { journey: req.journey, filters }),
    });
  }
  return out;
}
