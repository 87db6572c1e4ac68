import type { AnalysisFilter } from '@pathlight/core';
import type { EventStore } from '../event-store';
import { activities, edgeCases, edges, endpoints, variants } from '../mining/basic';
import { memoOf, onFiltered, type ViewOptions } from './context';
import { isSmallCount, suppressionInfo } from './disclosure';
import { eventFilters } from './filter';
import { type Omitted, shownDataRows } from './protect';

/** Limits of the process map: the busiest activities, paths and variants to return. */
export interface ProcessMapLimits {
  maxActivities?: number | undefined;
  maxPaths?: number | undefined;
  maxVariants?: number | undefined;
}

/** The real journey as a directly-follows graph, trimmed to the busiest activities and paths. */
export async function processMap(
  store: EventStore,
  f: AnalysisFilter,
  limits: ProcessMapLimits,
  options: ViewOptions,
) {
  const memo = memoOf(options);
  const filters = eventFilters(f);
  const maxVariants = limits.maxVariants ?? 25;
  const protect = options.protect;
  const bounds = (signal: AbortSignal | undefined) => ({ signal, timeoutMs: options.timeoutMs });
  // The full graph is remembered; trimming to the busiest activities and paths is cheap.
  const { allActivities, allEdges, vars, ends } = await memo(['process-map', f, maxVariants], (signal) =>
    onFiltered(store, filters, bounds(signal), async (conn, fs) => ({
      allActivities: await activities(conn, { filters: fs }),
      allEdges: await edges(conn, { filters: fs }),
      vars: await variants(conn, { filters: fs, limit: maxVariants }),
      ends: await endpoints(conn, { filters: fs }),
    })),
  );
  const population = ends.startActivities.reduce((n, r) => n + r.cases, 0);
  if (protect && isSmallCount(population)) {
    return {
      activities: [],
      edges: [],
      variants: [],
      startActivities: [],
      endActivities: [],
      totalActivities: 0,
      totalEdges: 0,
      omitted: {},
      suppression: suppressionInfo(true, true),
    };
  }
  // A path taken many times by a few patients (a loop) is still about those few: count its patients.
  const pathCases = protect
    ? new Map(
        (
          await memo(['edge-cases', f], (signal) =>
            onFiltered(store, filters, bounds(signal), (conn, fs) => edgeCases(conn, { filters: fs })),
          )
        ).map((e) => [`${e.from}\u0000${e.to}`, e.cases]),
      )
    : new Map<string, number>();

  const shownActivities = shownDataRows(allActivities, (a) => a.cases, protect, {
    counts: ['events', 'cases'],
  });
  const kept = shownActivities.rows.slice(0, limits.maxActivities ?? 100);
  const names = new Set(kept.map((a) => a.name));
  const shownEdges = shownDataRows(
    allEdges,
    (e) => pathCases.get(`${e.from}\u0000${e.to}`) ?? e.count,
    protect,
    { counts: ['count'], seconds: ['meanSeconds', 'medianSeconds', 'p90Seconds'] },
  );
  const keptEdges = shownEdges.rows
    .filter((e) => names.has(e.from) && names.has(e.to))
    .slice(0, limits.maxPaths ?? 500);
  const shownVariants = shownDataRows(vars, (v) => v.cases, protect, { counts: ['cases'] });
  const endRows = (rows: typeof ends.startActivities) =>
    shownDataRows(rows, (r) => r.cases, protect, { counts: ['cases'] });
  const starts = endRows(ends.startActivities);
  const endsShown = endRows(ends.endActivities);
  const omitted: Omitted = {};
  const note = (list: string, n: number) => {
    if (n > 0) omitted[list] = n;
  };
  note('activities', shownActivities.omitted);
  note('edges', shownEdges.omitted);
  note('variants', shownVariants.omitted);
  note('startActivities', starts.omitted);
  note('endActivities', endsShown.omitted);
  return {
    activities: kept,
    edges: keptEdges,
    variants: shownVariants.rows,
    startActivities: starts.rows.filter((r) => names.has(r.name)),
    endActivities: endsShown.rows.filter((r) => names.has(r.name)),
    totalActivities: shownActivities.rows.length,
    totalEdges: shownEdges.rows.length,
    omitted,
    suppression: suppressionInfo(protect),
  };
}

/** Activities with counts, for mapping steps to activities; viewers see only those of 11 or more patients. */
export async function activityCounts(store: EventStore, options: ViewOptions) {
  const rows = await memoOf(options)(['activities'], (signal) =>
    onFiltered(store, [], { signal, timeoutMs: options.timeoutMs }, (conn) => activities(conn, {})),
  );
  return shownDataRows(rows, (a) => a.cases, options.protect, { counts: ['events', 'cases'] }).rows;
}
