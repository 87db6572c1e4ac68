import type { DuckDBConnection } from '@duckdb/node-api';
import {
  type ActivityCount,
  activities,
  type CaseDuration,
  caseDuration,
  type Edge,
  type EndpointCount,
  edges,
  endpoints,
  eventStats,
  type Summary,
  type Variant,
  variantsWithTotal,
} from './mining/basic';
import { type Conformance, conformance } from './mining/conformance';
import type { EventFilter } from './mining/filters';
import { type FunnelStepResult, funnel, type JourneyModel } from './mining/funnel';
import { type KpiResult, kpis } from './mining/kpis';

export interface AnalyzeOptions {
  journey?: JourneyModel;
  /** Variants to list (most frequent first), or all. Default 50. */
  variants?: number | 'all';
  filters?: readonly EventFilter[];
}

/** The full analysis, exactly the document `pathlight analyze --json` prints. */
export interface AnalysisResult {
  summary: Summary;
  activities: ActivityCount[];
  startActivities: EndpointCount[];
  endActivities: EndpointCount[];
  edges: Edge[];
  variants: Variant[];
  caseDuration: CaseDuration;
  funnel?: FunnelStepResult[];
  kpis?: KpiResult[];
  conformance?: Conformance;
}

/** Runs every analysis on the `events` table (and, with a journey, funnel, KPIs and conformance). */
export async function analyze(conn: DuckDBConnection, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const req = options.filters ? { filters: options.filters } : {};
  // The variant count comes with the variants, so every case's sequence is built once.
  const stats = await eventStats(conn, req);
  const variantList = await variantsWithTotal(conn, { ...req, limit: options.variants ?? 50 });
  const result: AnalysisResult = {
    summary: {
      cases: stats.cases,
      events: stats.events,
      activities: stats.activities,
      variants: variantList.distinct,
      firstEvent: stats.firstEvent,
      lastEvent: stats.lastEvent,
    },
    activities: await activities(conn, req),
    ...(await endpoints(conn, req)),
    edges: await edges(conn, req),
    variants: variantList.variants,
    caseDuration: await caseDuration(conn, req),
  };
  if (options.journey) {
    const journey = options.journey;
    result.funnel = await funnel(conn, { ...req, journey });
    result.kpis = await kpis(conn, { ...req, journey });
    result.conformance = await conformance(conn, { ...req, journey });
  }
  return result;
}
