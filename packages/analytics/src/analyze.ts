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
  /**
   * More connections to the same database: the independent analyses are spread over them and the main
   * connection and run at the same time (`EventStore.analyze` passes one). Each must read UTC.
   */
  connections?: readonly DuckDBConnection[];
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

/**
 * Runs every analysis on the `events` table (and, with a journey, funnel, KPIs and conformance). With
 * `connections`, the analyses run concurrently, each connection taking the next one still to run (longest
 * first); results do not depend on which connection ran what.
 */
export async function analyze(conn: DuckDBConnection, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const req = options.filters ? { filters: options.filters } : {};
  const journey = options.journey;
  // The variant count comes with the variants, so every case's sequence is built once.
  const tasks = {
    edges: (c: DuckDBConnection) => edges(c, req),
    activities: (c: DuckDBConnection) => activities(c, req),
    variants: (c: DuckDBConnection) => variantsWithTotal(c, { ...req, limit: options.variants ?? 50 }),
    endpoints: (c: DuckDBConnection) => endpoints(c, req),
    conformance: (c: DuckDBConnection) => (journey ? conformance(c, { ...req, journey }) : undefined),
    kpis: (c: DuckDBConnection) => (journey ? kpis(c, { ...req, journey }) : undefined),
    funnel: (c: DuckDBConnection) => (journey ? funnel(c, { ...req, journey }) : undefined),
    stats: (c: DuckDBConnection) => eventStats(c, req),
    caseDuration: (c: DuckDBConnection) => caseDuration(c, req),
  };
  const r = await runOnConnections([conn, ...(options.connections ?? [])], tasks);
  const result: AnalysisResult = {
    summary: {
      cases: r.stats.cases,
      events: r.stats.events,
      activities: r.stats.activities,
      variants: r.variants.distinct,
      firstEvent: r.stats.firstEvent,
      lastEvent: r.stats.lastEvent,
    },
    activities: r.activities,
    ...r.endpoints,
    edges: r.edges,
    variants: r.variants.variants,
    caseDuration: r.caseDuration,
  };
  if (r.funnel) result.funnel = r.funnel;
  if (r.kpis) result.kpis = r.kpis;
  if (r.conformance) result.conformance = r.conformance;
  return result;
}

type Tasks = Record<string, (c: DuckDBConnection) => Promise<unknown> | undefined>;

/** Runs every task; each connection takes the next task in order as soon as it is free. */
async function runOnConnections<T extends Tasks>(
  connections: readonly DuckDBConnection[],
  tasks: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const queue = Object.entries(tasks);
  const out: Record<string, unknown> = {};
  await Promise.all(
    connections.map(async (c) => {
      try {
        for (let next = queue.shift(); next; next = queue.shift()) out[next[0]] = await next[1](c);
      } catch (error) {
        queue.length = 0; // the other connections stop after their current task
        throw error;
      }
    }),
  );
  return out as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
