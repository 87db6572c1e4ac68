import type { AnalysisFilter, JourneyContent } from '@pathlight/core';
import type { EventStore } from '../event-store';
import { activities, eventStats } from '../mining/basic';
import { conformance } from '../mining/conformance';
import { funnel, funnelSteps } from '../mining/funnel';
import { kpis } from '../mining/kpis';
import { segments } from '../mining/segments';
import { type StepCasesRequest, stepCases, stepPaths, stepSplit, stepWeekly } from '../mining/step-detail';
import { memoOf, onFiltered, type ViewOptions } from './context';
import {
  coarsen,
  hideAll,
  hideFields,
  hideMore,
  isSmallCount,
  omitSmall,
  shownExactly,
  suppressionInfo,
  suppressKpi,
} from './disclosure';
import { AnalysisInputError, eventFilters } from './filter';
import { hiddenKpi, type Omitted, shownDataRows, shownFunnel, shownKpi, shownSeries } from './protect';

/** Live metrics of a journey: summary, funnel per step, KPIs, conformance and optional segments. */
export async function journeyMetrics(
  store: EventStore,
  journey: JourneyContent,
  f: AnalysisFilter,
  options: ViewOptions,
) {
  const memo = memoOf(options);
  const filters = eventFilters(f);
  const raw = await memo(['metrics', f], (signal) =>
    onFiltered(store, filters, { signal, timeoutMs: options.timeoutMs }, async (conn, fs) => {
      const req = { filters: fs, journey };
      return {
        // Without the variant count (every case's sequence): the process map lists variants.
        sum: await eventStats(conn, { filters: fs }),
        steps: await funnel(conn, req),
        kpiResults: await kpis(conn, req),
        conf: await conformance(conn, req),
        segs: f.segment ? await segments(conn, { ...req, attribute: f.segment, limit: 20 }) : null,
        // Patients per activity: an unmapped activity of 1–10 patients is not listed to viewers.
        acts: await activities(conn, { filters: fs }),
      };
    }),
  );
  const { sum, steps, kpiResults, conf, segs, acts } = raw;
  const protect = options.protect;
  const omitted: Omitted = {};

  if (protect && isSmallCount(sum.cases)) {
    return {
      summary: hideFields(
        { ...sum, firstEvent: null, lastEvent: null },
        ['cases', 'events', 'activities'],
        'small-population',
      ),
      steps: steps.map((s) => hideAll(s)),
      kpis: kpiResults.map((k) => hiddenKpi(k)),
      conformance: {
        ...hideAll({ fittingCases: conf.fittingCases, fittingShare: conf.fittingShare }),
        steps: conf.steps.map((s) => hideAll(s)),
        unmappedActivities: [],
      },
      ...(segs ? { segments: [] } : {}),
      omitted,
      suppression: suppressionInfo(true, true),
    };
  }

  const summary = protect
    ? coarsen(shownExactly(sum), { counts: ['cases', 'events'], times: ['firstEvent', 'lastEvent'] })
    : shownExactly(sum);
  const casesOf = new Map(acts.map((a) => [a.name, a.cases]));
  const unmapped = shownDataRows(conf.unmappedActivities, (a) => casesOf.get(a.name) ?? null, protect, {
    counts: ['events'],
  });
  if (unmapped.omitted) omitted.unmappedActivities = unmapped.omitted;
  const out = {
    summary,
    steps: shownFunnel(journey, steps, protect),
    kpis: kpiResults.map((r, i) => shownKpi(r, journey.kpis[i], protect)),
    conformance: {
      ...shownFit({ fittingCases: conf.fittingCases, fittingShare: conf.fittingShare }, sum.cases, protect),
      steps: conf.steps.map((s) =>
        protect
          ? coarsen(
              hideFields(
                s,
                (['skipped', 'outOfOrder'] as const).filter((k) => isSmallCount(s[k])),
              ),
              { counts: ['skipped', 'outOfOrder'] },
            )
          : shownExactly(s),
      ),
      unmappedActivities: unmapped.rows,
    },
    omitted,
    suppression: suppressionInfo(protect),
  };
  if (!segs) return out;
  // Segment values are attribute values: those held by 1–10 patients are not listed.
  const shownSegs = shownDataRows(segs, (s) => s.cases, protect, { counts: ['cases'] });
  if (shownSegs.omitted) omitted.segments = shownSegs.omitted;
  return {
    ...out,
    segments: shownSegs.rows.map((s) => ({
      value: s.value,
      cases: s.cases,
      suppressed: s.suppressed,
      suppressedReasons: s.suppressedReasons,
      steps: shownFunnel(journey, s.funnel, protect),
      kpis: s.kpis.map((r, i) => shownKpi(r, journey.kpis[i], protect)),
    })),
  };
}

/** The share of cases that follow the designed path, as a KPI over all cases is shown. */
function shownFit(
  fit: { fittingCases: number; fittingShare: number | null },
  cases: number,
  protect: boolean,
) {
  if (!protect) return shownExactly(fit);
  const kpi = suppressKpi({ value: fit.fittingShare, numerator: fit.fittingCases, denominator: cases });
  let row = shownExactly(fit);
  if (kpi.suppressed.includes('numerator')) {
    row = hideMore(row, ['fittingCases'], kpi.suppressedReasons.numerator ?? 'derived');
  }
  if (kpi.suppressed.includes('value')) row = hideMore(row, ['fittingShare'], 'derived');
  return coarsen(row, { counts: ['fittingCases'], shares: ['fittingShare'] });
}

/** The step's index in the funnel, or an input error when the journey has no such step with activities. */
function requireFunnelStep(journey: JourneyContent, stepId: string): void {
  if (!funnelSteps(journey).some((s) => s.id === stepId)) {
    throw new AnalysisInputError(
      `step ${stepId} is not in this journey or evidences no activities`,
      'stepId',
      'not-found',
    );
  }
}

/** Detail of one step: weekly trend, split by an attribute, paths in and out. */
export async function stepDetail(
  store: EventStore,
  journey: JourneyContent,
  stepId: string,
  f: AnalysisFilter,
  splitBy: string | undefined,
  options: ViewOptions,
) {
  requireFunnelStep(journey, stepId);
  const memo = memoOf(options);
  const filters = eventFilters(f);
  const { weekly, split, paths, population } = await memo(['detail', stepId, f, splitBy ?? null], (signal) =>
    onFiltered(store, filters, { signal, timeoutMs: options.timeoutMs }, async (conn, fs) => {
      const req = { journey, stepId, filters: fs };
      return {
        population: (await eventStats(conn, { filters: fs })).cases,
        weekly: await stepWeekly(conn, req),
        split: splitBy ? await stepSplit(conn, { ...req, attribute: splitBy }) : [],
        paths: await stepPaths(conn, req),
      };
    }),
  );
  const protect = options.protect;
  const ends = { startedHere: paths.startedHere, endedHere: paths.endedHere };
  if (protect && isSmallCount(population)) {
    return {
      weekly: [],
      split: [],
      pathsIn: [],
      pathsOut: [],
      ...hideAll(ends),
      omitted: {},
      suppression: suppressionInfo(true, true),
    };
  }
  // Split values are attribute values: a value held by 1–10 patients at this step and the one before is not listed.
  const splitKept = protect
    ? omitSmall(split, (r) => Math.max(r.cases, r.previousCases ?? 0))
    : { rows: split, omitted: 0 };
  const splitOut = shownSeries(
    splitKept.rows,
    protect,
    { count: 'cases', derived: ['conversionFromPrevious'], otherCounts: ['previousCases'] },
    { shares: ['conversionFromPrevious'] },
  ).map((r) =>
    r.suppressed.includes('previousCases') ? hideMore(r, ['conversionFromPrevious'], 'derived') : r,
  );
  const pathsIn = shownDataRows(paths.pathsIn, (r) => r.cases, protect, { counts: ['cases'] });
  const pathsOut = shownDataRows(paths.pathsOut, (r) => r.cases, protect, { counts: ['cases'] });
  const omitted: Omitted = {};
  if (splitKept.omitted) omitted.split = splitKept.omitted;
  if (pathsIn.omitted) omitted.pathsIn = pathsIn.omitted;
  if (pathsOut.omitted) omitted.pathsOut = pathsOut.omitted;
  const endsOut = protect
    ? coarsen(
        hideFields(
          ends,
          (['startedHere', 'endedHere'] as const).filter((k) => isSmallCount(ends[k])),
        ),
        {
          counts: ['startedHere', 'endedHere'],
        },
      )
    : shownExactly(ends);
  return {
    weekly: shownSeries(weekly, protect, { count: 'cases' }),
    split: splitOut,
    pathsIn: pathsIn.rows,
    pathsOut: pathsOut.rows,
    ...endsOut,
    omitted,
    suppression: suppressionInfo(protect),
  };
}

/**
 * Pseudonymised cases that reached or dropped before a step (editors only: never protected, and the
 * caller audits the look), within the view's time limit.
 */
export function stepCaseList(
  store: EventStore,
  journey: JourneyContent,
  stepId: string,
  which: StepCasesRequest['which'],
  f: AnalysisFilter,
  options: Omit<ViewOptions, 'protect' | 'memo'>,
) {
  requireFunnelStep(journey, stepId);
  const filters = eventFilters(f);
  return onFiltered(store, [], options, (conn) => stepCases(conn, { journey, stepId, which, filters }));
}
