import type { AnalysisFilter, JourneyContent, KpiDefinition } from '@pathlight/core';
import type { EventStore } from '../event-store';
import { type EventStats, eventStats } from '../mining/basic';
import { kpiSeries, type TimeBucket, weekBuckets } from '../mining/kpi-series';
import type { KpiResult } from '../mining/kpis';
import { onConnection } from './connection';
import { memoOf, type ViewOptions } from './context';
import { isSmallCount, suppressionInfo } from './disclosure';
import { AnalysisInputError, caseFilters, instantMs } from './filter';
import { hiddenKpi, shownKpi } from './protect';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_DAYS = 28;
/** A chosen period may reach this far before the first or after the last event, and no further. */
export const PERIOD_MARGIN_DAYS = 366;
/** The weekly series covers at most the period's last this many weeks. */
export const MAX_DASHBOARD_WEEKS = 53;

const iso = (ms: number) => new Date(ms).toISOString();
const day = (value: string | null) => value?.slice(0, 10) ?? '';

/**
 * The dashboard period: `from..to` when given; else the last 28 days of data (ending at the midnight
 * after the latest event). The previous period is the same length right before it. A period reaching
 * more than a year beyond the data is refused: there is nothing to show there, and its weeks would
 * only cost time.
 */
export function dashboardPeriod(
  f: AnalysisFilter,
  data: Pick<EventStats, 'firstEvent' | 'lastEvent'>,
  now: number,
) {
  const lastMs = data.lastEvent === null ? now : Date.parse(data.lastEvent);
  const end = f.to !== undefined ? instantMs(f.to, 'to') : Math.floor(lastMs / DAY_MS) * DAY_MS + DAY_MS;
  const from = f.from !== undefined ? instantMs(f.from, 'from') : end - DEFAULT_PERIOD_DAYS * DAY_MS;
  if (!(from < end)) throw new AnalysisInputError('the period is empty: from must be before to', 'from');
  const firstMs = data.firstEvent === null ? lastMs : Date.parse(data.firstEvent);
  const margin = PERIOD_MARGIN_DAYS * DAY_MS;
  const span = `${day(data.firstEvent) || 'none'} to ${day(data.lastEvent) || 'none'}`;
  if (from < firstMs - margin) {
    throw new AnalysisInputError(`from is more than a year before the data (${span})`, 'from');
  }
  if (end > lastMs + margin + DAY_MS) {
    throw new AnalysisInputError(`to is more than a year after the data (${span})`, 'to');
  }
  return {
    period: { from: iso(from), to: iso(end) },
    previous: { from: iso(from - (end - from)), to: iso(from) },
  };
}

/** KPI tiles of a journey: value in the period, the previous period, the change and a weekly series. */
export async function journeyDashboard(
  store: EventStore,
  journey: JourneyContent,
  f: AnalysisFilter,
  options: ViewOptions & { now?: number },
) {
  const filters = caseFilters(f);
  const raw = await memoOf(options)(['dashboard', f], (signal) =>
    onConnection(store, { signal, timeoutMs: options.timeoutMs }, null, async (conn) => {
      const stats = await eventStats(conn, { filters });
      const periods = dashboardPeriod(f, stats, options.now ?? Date.now());
      const weeks = weekBuckets(periods.period.from, periods.period.to).slice(-MAX_DASHBOARD_WEEKS);
      const buckets: TimeBucket[] = [periods.period, periods.previous, ...weeks];
      // A TEMP table `events` with only the two periods shadows the stored one, so the many per-bucket
      // KPI queries scan the window instead of the whole log (their own time filters still apply).
      await conn.run(
        `CREATE TEMP TABLE events AS SELECT * FROM main.events
WHERE ts >= $1::TIMESTAMPTZ AT TIME ZONE 'UTC' AND ts < $2::TIMESTAMPTZ AT TIME ZONE 'UTC'`,
        [periods.previous.from, periods.period.to],
      );
      const series: KpiResult[][] = [];
      for (const kpi of journey.kpis) series.push(await kpiSeries(conn, { journey, kpi, filters, buckets }));
      return { ...periods, weeks, series, population: stats.cases };
    }),
  );
  const hideEverything = options.protect && isSmallCount(raw.population);
  return {
    period: raw.period,
    previous: raw.previous,
    tiles: journey.kpis.flatMap((def, i) => {
      const tile = kpiTile(def, raw.series[i] ?? [], raw.weeks, options.protect, hideEverything);
      return tile ? [tile] : [];
    }),
    suppression: suppressionInfo(options.protect, hideEverything),
  };
}

/** One tile from a KPI's results per bucket: [period, previous, ...weeks]. */
function kpiTile(
  def: KpiDefinition,
  results: readonly KpiResult[],
  weeks: readonly (TimeBucket & { week: string })[],
  protect: boolean,
  hideEverything: boolean,
) {
  const [now, before, ...weekly] = results;
  if (!now || !before) return null;
  const show = (r: KpiResult) => (hideEverything ? hiddenKpi(r) : shownKpi(r, def, protect));
  const current = show(now);
  const prev = show({ ...before, breakdown: undefined });
  const change = current.value !== null && prev.value !== null ? current.value - prev.value : null;
  const previousName = (k: string) => `previous${k[0]?.toUpperCase()}${k.slice(1)}`;
  const suppressed = [...current.suppressed, ...prev.suppressed.map(previousName)];
  const suppressedReasons = {
    ...current.suppressedReasons,
    ...Object.fromEntries(Object.entries(prev.suppressedReasons).map(([k, v]) => [previousName(k), v])),
  };
  if (current.suppressed.includes('value') || prev.suppressed.includes('value')) {
    suppressed.push('change');
    suppressedReasons.change = 'derived';
  }
  return {
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
    omitted: current.omitted ?? {},
    weekly: weeks.map((w, i) => {
      const cell = show({ ...(weekly[i] as KpiResult), breakdown: undefined });
      return {
        week: w.week,
        value: cell.value,
        numerator: cell.numerator,
        denominator: cell.denominator,
        suppressed: cell.suppressed,
        suppressedReasons: cell.suppressedReasons,
      };
    }),
    suppressed,
    suppressedReasons,
  };
}
