import type { DuckDBConnection } from '@duckdb/node-api';
import type { KpiDefinition } from '@pathlight/core';
import type { FilteredRequest } from './basic';
import type { JourneyModel } from './funnel';
import { type KpiResult, kpi } from './kpis';

/** A half-open time window `[from, to)`, ISO 8601. */
export interface TimeBucket {
  from: string;
  to: string;
}

export interface KpiSeriesRequest extends FilteredRequest {
  kpi: KpiDefinition;
  journey: Pick<JourneyModel, 'stages'>;
  buckets: readonly TimeBucket[];
}

/**
 * One KPI per time bucket, each exactly `kpi()` with the request's filters plus a time filter for the
 * bucket (so a period's value is the same number as the KPI filtered to that period).
 */
export async function kpiSeries(conn: DuckDBConnection, req: KpiSeriesRequest): Promise<KpiResult[]> {
  const out: KpiResult[] = [];
  for (const b of req.buckets) {
    out.push(
      await kpi(conn, {
        journey: req.journey,
        kpi: req.kpi,
        filters: [...(req.filters ?? []), { kind: 'time', from: b.from, to: b.to }],
      }),
    );
  }
  return out;
}

const DAY_MS = 86_400_000;

/**
 * The ISO weeks (Monday 00:00 UTC to the next Monday) overlapping `[from, to)`, each clipped to the
 * window, oldest first: `week` is the Monday as `YYYY-MM-DD`.
 */
export function weekBuckets(from: string, to: string): (TimeBucket & { week: string })[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end)) throw new Error(`not a time window: ${from} .. ${to}`);
  const day = new Date(start);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  let monday = midnight - ((day.getUTCDay() + 6) % 7) * DAY_MS;
  const out: (TimeBucket & { week: string })[] = [];
  for (; monday < end; monday += 7 * DAY_MS) {
    out.push({
      week: new Date(monday).toISOString().slice(0, 10),
      from: new Date(Math.max(monday, start)).toISOString(),
      to: new Date(Math.min(monday + 7 * DAY_MS, end)).toISOString(),
    });
  }
  return out;
}
