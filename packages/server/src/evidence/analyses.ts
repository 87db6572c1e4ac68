import {
  activities,
  buildFilteredEvents,
  conformance,
  type EventFilter,
  type EventStore,
  edges,
  endpoints,
  eventStats,
  funnel,
  funnelSteps,
  type KpiResult,
  kpiSeries,
  kpis,
  segments,
  stepPaths,
  stepSplit,
  stepWeekly,
  type TimeBucket,
  variants,
  weekBuckets,
} from '@pathlight/analytics';
import {
  hideFields,
  isSmallCount,
  type JourneyContent,
  type KpiDefinition,
  SMALL_CELL_THRESHOLD,
  suppressFunnel,
  suppressKpi,
  suppressRows,
} from '@pathlight/core';
import { problems } from '../problem';
import { type AnalysisFilterInput, caseFilters, eventFilters, instant } from './analysis-filter';
import { shownKpi } from './kpi-suppression';

type Conn = EventStore['connection'];

/**
 * Remembers raw (unsuppressed) results under a key: the routes pass one backed by the result cache,
 * scoped to the workspace's data generation and the journey's version, so viewers and editors share
 * one computation and only the cheap suppression runs per request.
 */
export type Memo = <T>(key: unknown[], compute: () => Promise<T>) => Promise<T>;
const noMemo: Memo = (_key, compute) => compute();

/**
 * Runs `fn` on the events the filters keep. With filters, they are materialised once in a TEMP table
 * named `events` on a connection of its own (the temp schema shadows the stored table), so the several
 * analyses of a request scan only those events and evaluate the case-level filters once; `fn` then gets
 * no filters. The numbers are the same as running each analysis with the filters.
 */
async function onFiltered<T>(
  store: EventStore,
  filters: EventFilter[],
  fn: (conn: Conn, filters: EventFilter[]) => Promise<T>,
): Promise<T> {
  if (filters.length === 0) return fn(store.connection, filters);
  const conn = await store.instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const q = buildFilteredEvents(filters);
    await conn.run(`CREATE TEMP TABLE events AS ${q.sql}`, q.params);
    return await fn(conn, []);
  } finally {
    conn.closeSync();
  }
}

/** Whether small cells are hidden in this answer, and from which count (contract: `suppression`). */
export const suppressionInfo = (applied: boolean) => ({ applied, threshold: SMALL_CELL_THRESHOLD });

/** Leaves rows as they are but adds an empty `suppressed` list, so every answer has the same shape. */
const exact = <T extends object>(rows: readonly T[]) => rows.map((r) => hideFields(r, []));

/** KPI results with their definitions' suppression rule applied (or not). */
function kpiRows(results: readonly KpiResult[], defs: readonly KpiDefinition[], hide: boolean) {
  return results.map((r, i) => shownKpi(r, defs[i], hide));
}

function funnelRows(journey: JourneyContent, rows: Awaited<ReturnType<typeof funnel>>, hide: boolean) {
  if (!hide) return exact(rows);
  return suppressFunnel(
    rows,
    funnelSteps(journey).map((s) => s.previous),
  );
}

/** Live metrics of a journey: summary, funnel per step, KPIs, conformance and optional segments. */
export async function journeyMetrics(
  store: EventStore,
  journey: JourneyContent,
  f: AnalysisFilterInput,
  hide: boolean,
  memo: Memo = noMemo,
) {
  const { sum, steps, kpiResults, conf, segs } = await memo(['metrics', f], () =>
    onFiltered(store, eventFilters(f), async (conn, filters) => {
      const req = { filters, journey };
      return {
        // Without the variant count (every case's sequence): the process map lists variants.
        sum: await eventStats(conn, { filters }),
        steps: await funnel(conn, req),
        kpiResults: await kpis(conn, req),
        conf: await conformance(conn, req),
        segs: f.segment ? await segments(conn, { ...req, attribute: f.segment, limit: 20 }) : null,
      };
    }),
  );
  const summaryOut = hide
    ? hideFields(
        sum,
        ['cases', 'events'].filter((k) => isSmallCount(sum[k as 'cases' | 'events'])),
      )
    : hideFields(sum, []);
  const fitHidden =
    hide &&
    suppressKpi({ value: conf.fittingShare, numerator: conf.fittingCases, denominator: sum.cases }).suppressed
      .length > 0;
  const conformanceOut = {
    ...hideFields(
      { fittingCases: conf.fittingCases, fittingShare: conf.fittingShare },
      fitHidden ? ['fittingCases', 'fittingShare'] : [],
    ),
    steps: conf.steps.map((s) =>
      hideFields(s, hide ? (['skipped', 'outOfOrder'] as const).filter((k) => isSmallCount(s[k])) : []),
    ),
    unmappedActivities: conf.unmappedActivities.map((a) =>
      hideFields(a, hide && isSmallCount(a.events) ? ['events'] : []),
    ),
  };
  const out = {
    summary: summaryOut,
    steps: funnelRows(journey, steps, hide),
    kpis: kpiRows(kpiResults, journey.kpis, hide),
    conformance: conformanceOut,
    suppression: suppressionInfo(hide),
  };
  if (!segs) return out;
  const segCases = hide ? suppressRows(segs, { count: 'cases' }) : exact(segs);
  return {
    ...out,
    segments: segs.map((s, i) => ({
      value: s.value,
      cases: segCases[i]?.cases ?? null,
      suppressed: segCases[i]?.suppressed ?? [],
      steps: funnelRows(journey, s.funnel, hide),
      kpis: kpiRows(s.kpis, journey.kpis, hide),
    })),
  };
}

/** The step and its index in the funnel, or a 404 when the journey has no such step with activities. */
function requireFunnelStep(journey: JourneyContent, stepId: string) {
  const steps = funnelSteps(journey);
  if (!steps.some((s) => s.id === stepId)) {
    throw problems.notFound(`step ${stepId} is not in this journey or evidences no activities`);
  }
}

/** Detail of one step: weekly trend, split by an attribute, paths in and out. */
export async function stepDetail(
  store: EventStore,
  journey: JourneyContent,
  stepId: string,
  f: AnalysisFilterInput,
  splitBy: string | undefined,
  hide: boolean,
  memo: Memo = noMemo,
) {
  requireFunnelStep(journey, stepId);
  const { weekly, split, paths } = await memo(['detail', stepId, f, splitBy ?? null], () =>
    onFiltered(store, eventFilters(f), async (conn, filters) => {
      const req = { journey, stepId, filters };
      return {
        weekly: await stepWeekly(conn, req),
        split: splitBy ? await stepSplit(conn, { ...req, attribute: splitBy }) : [],
        paths: await stepPaths(conn, req),
      };
    }),
  );
  if (!hide) {
    return {
      weekly: exact(weekly),
      split: exact(split),
      pathsIn: exact(paths.pathsIn),
      pathsOut: exact(paths.pathsOut),
      startedHere: paths.startedHere,
      endedHere: paths.endedHere,
      suppressed: [] as string[],
      suppression: suppressionInfo(false),
    };
  }
  const splitOut = suppressRows(split, { count: 'cases', derived: ['conversionFromPrevious'] }).map(
    (row, i) =>
      isSmallCount(split[i]?.previousCases)
        ? hideFields(row, ['previousCases', 'conversionFromPrevious'])
        : row,
  );
  const ends = { startedHere: paths.startedHere, endedHere: paths.endedHere };
  const endsOut = hideFields(
    ends,
    (['startedHere', 'endedHere'] as const).filter((k) => isSmallCount(ends[k])),
  );
  return {
    weekly: suppressRows(weekly, { count: 'cases' }),
    split: splitOut,
    pathsIn: suppressRows(paths.pathsIn, { count: 'cases' }),
    pathsOut: suppressRows(paths.pathsOut, { count: 'cases' }),
    ...endsOut,
    suppression: suppressionInfo(true),
  };
}

/** The real journey as a directly-follows graph, trimmed to the busiest activities and paths. */
export async function processMap(
  store: EventStore,
  f: AnalysisFilterInput,
  options: {
    maxActivities?: number | undefined;
    maxPaths?: number | undefined;
    maxVariants?: number | undefined;
  },
  hide: boolean,
  memo: Memo = noMemo,
) {
  const maxVariants = options.maxVariants ?? 25;
  // The full graph is remembered; trimming to the busiest activities and paths is cheap.
  const { allActivities, allEdges, vars, ends } = await memo(['process-map', f, maxVariants], () =>
    onFiltered(store, eventFilters(f), async (conn, filters) => ({
      allActivities: await activities(conn, { filters }),
      allEdges: await edges(conn, { filters }),
      vars: await variants(conn, { filters, limit: maxVariants }),
      ends: await endpoints(conn, { filters }),
    })),
  );
  const kept = allActivities.slice(0, options.maxActivities ?? 100);
  const names = new Set(kept.map((a) => a.name));
  const keptEdges = allEdges
    .filter((e) => names.has(e.from) && names.has(e.to))
    .slice(0, options.maxPaths ?? 500);
  const keepEnds = (rows: typeof ends.startActivities) => rows.filter((r) => names.has(r.name));
  if (!hide) {
    return {
      activities: exact(kept),
      edges: exact(keptEdges),
      variants: exact(vars),
      startActivities: exact(keepEnds(ends.startActivities)),
      endActivities: exact(keepEnds(ends.endActivities)),
      totalActivities: allActivities.length,
      totalEdges: allEdges.length,
      suppression: suppressionInfo(false),
    };
  }
  return {
    activities: suppressRows(kept, { count: 'cases', derived: ['events'] }),
    edges: suppressRows(keptEdges, {
      count: 'count',
      derived: ['meanSeconds', 'medianSeconds', 'p90Seconds'],
    }),
    variants: suppressRows(vars, { count: 'cases' }),
    startActivities: suppressRows(keepEnds(ends.startActivities), { count: 'cases' }),
    endActivities: suppressRows(keepEnds(ends.endActivities), { count: 'cases' }),
    totalActivities: allActivities.length,
    totalEdges: allEdges.length,
    suppression: suppressionInfo(true),
  };
}

/** Activities with counts, for mapping steps to activities. */
export async function activityCounts(conn: Conn, hide: boolean, memo: Memo = noMemo) {
  const rows = await memo(['activities'], () => activities(conn, {}));
  return hide ? suppressRows(rows, { count: 'cases', derived: ['events'] }) : exact(rows);
}

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 28;

/**
 * The dashboard period: `from..to` when given; else the last 28 days of data (ending at the midnight
 * after the latest event). The previous period is the same length right before it.
 */
export async function dashboardPeriod(conn: Conn, f: AnalysisFilterInput, filters: EventFilter[]) {
  let to: number;
  let from: number;
  if (f.from !== undefined && f.to !== undefined) {
    from = Date.parse(instant(f.from, 'from'));
    to = Date.parse(instant(f.to, 'to'));
  } else {
    let end: number;
    if (f.to !== undefined) end = Date.parse(instant(f.to, 'to'));
    else {
      const last = (await eventStats(conn, { filters })).lastEvent;
      const lastMs = last === null ? Date.now() : Date.parse(last);
      end = Math.floor(lastMs / DAY_MS) * DAY_MS + DAY_MS;
    }
    to = end;
    from = f.from !== undefined ? Date.parse(instant(f.from, 'from')) : end - DEFAULT_PERIOD_DAYS * DAY_MS;
  }
  if (!(from < to))
    throw problems.invalid('the period is empty', [{ path: 'from', message: 'from must be before to' }]);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    period: { from: iso(from), to: iso(to) },
    previous: { from: iso(from - (to - from)), to: iso(from) },
  };
}

/**
 * Runs `fn` on a connection where `events` holds only the events in `[from, to)`: a TEMP table of that
 * name shadows the stored one (DuckDB resolves the temp schema first), so the many per-period KPI
 * queries scan the window instead of the whole log. Their own time filters still apply, so the numbers
 * are the same; the connection and its TEMP table are dropped afterwards.
 */
async function onWindow<T>(store: EventStore, from: string, to: string, fn: (conn: Conn) => Promise<T>) {
  const conn = await store.instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    await conn.run(
      `CREATE TEMP TABLE events AS SELECT * FROM main.events
WHERE ts >= $1::TIMESTAMPTZ AT TIME ZONE 'UTC' AND ts < $2::TIMESTAMPTZ AT TIME ZONE 'UTC'`,
      [from, to],
    );
    return await fn(conn);
  } finally {
    conn.closeSync();
  }
}

/** KPI tiles of a journey: value in the period, the previous period, the change and a weekly series. */
export async function journeyDashboard(
  store: EventStore,
  journey: JourneyContent,
  f: AnalysisFilterInput,
  hide: boolean,
  memo: Memo = noMemo,
) {
  const filters = caseFilters(f);
  const { period, previous, series } = await memo(['dashboard', f], async () => {
    const periods = await dashboardPeriod(store.connection, f, filters);
    const buckets = [
      periods.period,
      periods.previous,
      ...weekBuckets(periods.period.from, periods.period.to),
    ];
    const results = await onWindow(store, periods.previous.from, periods.period.to, async (conn) => {
      const out: KpiResult[][] = [];
      for (const kpi of journey.kpis) out.push(await kpiSeries(conn, { journey, kpi, filters, buckets }));
      return out;
    });
    return { ...periods, series: results };
  });
  const weeks = weekBuckets(period.from, period.to);
  return {
    period,
    previous,
    tiles: kpiTiles(journey, series, weeks, hide),
    suppression: suppressionInfo(hide),
  };
}

/** Tiles from each KPI's results per bucket: [period, previous, ...weeks]. */
function kpiTiles(
  journey: JourneyContent,
  series: readonly KpiResult[][],
  weeks: readonly (TimeBucket & { week: string })[],
  hide: boolean,
) {
  const tiles = [];
  for (const [i, def] of journey.kpis.entries()) {
    const [now, before, ...weekly] = series[i] ?? [];
    if (!now || !before) continue;
    const current = shownKpi(now, def, hide);
    const prev = shownKpi({ ...before, breakdown: undefined }, def, hide);
    const change = current.value !== null && prev.value !== null ? current.value - prev.value : null;
    const previousName = (k: string) => `previous${k[0]?.toUpperCase()}${k.slice(1)}`;
    const suppressed = [...current.suppressed, ...prev.suppressed.map(previousName)];
    if (current.suppressed.includes('value') || prev.suppressed.includes('value')) suppressed.push('change');
    tiles.push({
      kpi: def,
      value: current.value,
      numerator: current.numerator,
      denominator: current.denominator,
      p90Seconds: current.p90Seconds ?? null,
      previousValue: prev.value,
      previousNumerator: prev.numerator,
      previousDenominator: prev.denominator,
      change,
      ...('breakdown' in current ? { breakdown: current.breakdown } : {}),
      weekly: weeks.map((w, i) => {
        const r = weekly[i] as KpiResult;
        const cell = shownKpi({ ...r, breakdown: undefined }, def, hide);
        return {
          week: w.week,
          value: cell.value,
          numerator: cell.numerator,
          denominator: cell.denominator,
          suppressed: cell.suppressed,
        };
      }),
      suppressed,
    });
  }
  return tiles;
}
