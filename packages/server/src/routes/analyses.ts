import { createRoute, z } from '@hono/zod-openapi';
import {
  activityCounts,
  attributeColumns,
  journeyDashboard,
  journeyMetrics,
  type Memo,
  processMap,
  stepCaseList,
  stepDetail,
  suppressionInfo,
} from '@pathlight/analytics';
import {
  type AnalysisFilter as AnalysisFilterInput,
  AnalysisFilter as AnalysisFilterSchema,
  AttributeKey,
  KPI_LIBRARY,
  KpiDefinition as KpiDefinitionSchema,
  type Role,
} from '@pathlight/core';
import type { Context } from 'hono';
import { requireRole } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import { errors, IdParam, jsonBody, jsonResponse, router } from '../openapi';
import { problems } from '../problem';
import { requireCaller } from '../session';

const memberOnly = { 401: errors[401], 403: errors[403], 404: errors[404] } as const;
const withBody = { 400: errors[400], 413: errors[413], 415: errors[415], 422: errors[422] } as const;

const KpiDefinition = KpiDefinitionSchema.meta({ id: 'KpiDefinition' });

export const AnalysisFilter = AnalysisFilterSchema.meta({ id: 'AnalysisFilter' });

const SharedQuery = z.object({ shared: z.enum(['0', '1']).optional() });

const num = z.number().nullable();
/** The fields of a row hidden by the disclosure rule, and why (`small` = a count of 1–10). */
const suppressed = z.array(z.string());
const suppressedReasons = z
  .record(z.string(), z.enum(['small', 'complementary', 'derived', 'small-population']))
  .openapi('SuppressedReasons');
/** How many rows of each list were left out because 1–10 patients hold them. */
const omitted = z.record(z.string(), z.number().int()).openapi('Omitted');
const Suppression = z
  .object({
    applied: z.boolean(),
    threshold: z.number().int(),
    rounding: z.number().int(),
    smallPopulation: z.boolean(),
  })
  .openapi('Suppression');

const StepMetric = z
  .object({
    stepId: z.string(),
    step: z.string(),
    cases: num,
    conversionFromPrevious: num,
    dropOff: num,
    medianSecondsFromPrevious: num,
    suppressed,
    suppressedReasons,
  })
  .openapi('StepMetric');
/** A cost-per KPI per value of its split attribute. */
const BreakdownRow = z
  .object({
    value: z.string().nullable(),
    spend: num,
    acquired: num,
    costPerAcquired: num,
    suppressed,
    suppressedReasons,
  })
  .openapi('KpiBreakdownRow');
const KpiValue = z
  .object({
    id: z.string(),
    name: z.string(),
    value: num,
    numerator: num,
    denominator: num,
    p90Seconds: num.optional(),
    breakdown: z.array(BreakdownRow).optional(),
    omitted: omitted.optional(),
    suppressed,
    suppressedReasons,
  })
  .openapi('KpiValue');
const Metrics = z
  .object({
    summary: z.object({
      cases: num,
      events: num,
      activities: num,
      firstEvent: z.string().nullable(),
      lastEvent: z.string().nullable(),
      suppressed,
      suppressedReasons,
    }),
    steps: z.array(StepMetric),
    kpis: z.array(KpiValue),
    conformance: z.object({
      fittingCases: num,
      fittingShare: num,
      suppressed,
      suppressedReasons,
      steps: z.array(
        z.object({
          step: z.string(),
          stepId: z.string(),
          skipped: num,
          outOfOrder: num,
          suppressed,
          suppressedReasons,
        }),
      ),
      unmappedActivities: z.array(z.object({ name: z.string(), events: num, suppressed, suppressedReasons })),
    }),
    segments: z
      .array(
        z.object({
          value: z.string().nullable(),
          cases: num,
          suppressed,
          suppressedReasons,
          steps: z.array(StepMetric),
          kpis: z.array(KpiValue),
        }),
      )
      .optional(),
    omitted,
    suppression: Suppression,
  })
  .openapi('JourneyMetrics');

const counted = (key: string) => z.object({ [key]: z.string(), cases: num, suppressed, suppressedReasons });
const StepDetail = z
  .object({
    weekly: z.array(z.object({ week: z.string(), cases: num, suppressed, suppressedReasons })),
    split: z.array(
      z.object({
        value: z.string().nullable(),
        cases: num,
        previousCases: num,
        conversionFromPrevious: num,
        suppressed,
        suppressedReasons,
      }),
    ),
    pathsIn: z.array(counted('activity')),
    pathsOut: z.array(counted('activity')),
    startedHere: num,
    endedHere: num,
    suppressed,
    suppressedReasons,
    omitted,
    suppression: Suppression,
  })
  .openapi('StepDetail');

const StepCases = z
  .object({
    cases: z.array(
      z.object({
        caseId: z.string(),
        firstEvent: z.string(),
        lastEvent: z.string(),
        events: z.number().int(),
      }),
    ),
    total: z.number().int(),
    suppression: Suppression,
  })
  .openapi('StepCases');

const ActivityRow = z
  .object({ name: z.string(), events: num, cases: num, suppressed, suppressedReasons })
  .openapi('ActivityCount');
const ProcessMap = z
  .object({
    activities: z.array(ActivityRow),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        count: num,
        meanSeconds: num,
        medianSeconds: num,
        p90Seconds: num,
        suppressed,
        suppressedReasons,
      }),
    ),
    variants: z.array(
      z.object({ activities: z.array(z.string()), cases: num, suppressed, suppressedReasons }),
    ),
    startActivities: z.array(counted('name')),
    endActivities: z.array(counted('name')),
    totalActivities: z.number().int(),
    totalEdges: z.number().int(),
    omitted,
    suppression: Suppression,
  })
  .openapi('ProcessMap');

const Period = z.object({ from: z.string(), to: z.string() });
const Tile = z
  .object({
    kpi: KpiDefinition,
    value: num,
    numerator: num,
    denominator: num,
    p90Seconds: num,
    previousValue: num,
    previousNumerator: num,
    previousDenominator: num,
    change: num,
    breakdown: z.array(BreakdownRow).optional(),
    omitted,
    weekly: z.array(
      z.object({
        week: z.string(),
        value: num,
        numerator: num,
        denominator: num,
        suppressed,
        suppressedReasons,
      }),
    ),
    suppressed,
    suppressedReasons,
  })
  .openapi('KpiTile');
const Dashboard = z
  .object({ period: Period, previous: Period, tiles: z.array(Tile), suppression: Suppression })
  .openapi('Dashboard');
const WorkspaceDashboard = z
  .object({
    journeys: z.array(
      z.object({
        journeyId: z.uuid(),
        name: z.string(),
        period: Period,
        previous: Period,
        tiles: z.array(Tile),
        suppression: Suppression,
      }),
    ),
    suppression: Suppression,
  })
  .openapi('WorkspaceDashboard');

const StepParam = z.object({ id: z.uuid(), stepId: z.string().min(1).max(100) });

const activitiesRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/activities',
  tags: ['analyses'],
  summary: 'Activities in the workspace event data with event and case counts (any member)',
  request: { params: IdParam, query: SharedQuery },
  responses: { 200: jsonResponse(z.array(ActivityRow), 'Activities'), ...memberOnly },
});
const AttributeColumns = z
  .object({
    attributes: z.array(
      z.object({
        key: z.string(),
        cases: num,
        values: z.number().int(),
        suppressed,
        suppressedReasons,
      }),
    ),
    omitted,
    suppression: Suppression,
  })
  .openapi('AttributeColumns');
const attributesRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/attributes',
  tags: ['analyses'],
  summary:
    'Attributes of the event data to split or segment by, with distinct values and patients (any member)',
  request: { params: IdParam, query: SharedQuery },
  responses: { 200: jsonResponse(AttributeColumns, 'Attributes'), ...memberOnly },
});
const metricsRoute = createRoute({
  method: 'post',
  path: '/api/journeys/{id}/metrics',
  tags: ['analyses'],
  summary: 'Live metrics of a journey: funnel per mapped step, KPIs, conformance (any member)',
  request: { params: IdParam, query: SharedQuery, ...jsonBody(AnalysisFilter) },
  responses: { 200: jsonResponse(Metrics, 'Result'), ...memberOnly, ...withBody },
});
const detailRoute = createRoute({
  method: 'post',
  path: '/api/journeys/{id}/steps/{stepId}/detail',
  tags: ['analyses'],
  summary: 'One step: weekly trend, split by an attribute, top paths in and out (any member)',
  request: {
    params: StepParam,
    query: SharedQuery,
    ...jsonBody(AnalysisFilter.extend({ splitBy: AttributeKey.optional() })),
  },
  responses: { 200: jsonResponse(StepDetail, 'Result'), ...memberOnly, ...withBody },
});
const casesRoute = createRoute({
  method: 'post',
  path: '/api/journeys/{id}/steps/{stepId}/cases',
  tags: ['analyses'],
  summary: 'Pseudonymised cases that reached or dropped before a step, at most 500 (editor; audited)',
  request: {
    params: StepParam,
    ...jsonBody(AnalysisFilter.extend({ which: z.enum(['reached', 'dropped']) })),
  },
  responses: { 200: jsonResponse(StepCases, 'Cases'), ...memberOnly, ...withBody },
});
const processMapRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/process-map',
  tags: ['analyses'],
  summary: 'The real journey as a directly-follows graph with variants (any member)',
  request: {
    params: IdParam,
    query: SharedQuery,
    ...jsonBody(
      AnalysisFilter.extend({
        maxActivities: z.number().int().min(1).max(1000).optional(),
        maxPaths: z.number().int().min(0).max(10000).optional(),
        maxVariants: z.number().int().min(0).max(500).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(ProcessMap, 'Result'), ...memberOnly, ...withBody },
});
const dashboardRoute = createRoute({
  method: 'post',
  path: '/api/journeys/{id}/dashboard',
  tags: ['analyses'],
  summary:
    "KPI tiles of a journey for a period (default: the data's last 28 days) vs the previous one (any member)",
  request: { params: IdParam, query: SharedQuery, ...jsonBody(AnalysisFilter) },
  responses: { 200: jsonResponse(Dashboard, 'Result'), ...memberOnly, ...withBody },
});
const workspaceDashboardRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/dashboard',
  tags: ['analyses'],
  summary: 'KPI tiles of every journey with KPIs, for the last 28 days of data (any member)',
  request: { params: IdParam, query: SharedQuery },
  responses: { 200: jsonResponse(WorkspaceDashboard, 'Tiles per journey'), ...memberOnly },
});
const libraryRoute = createRoute({
  method: 'get',
  path: '/api/kpi-library',
  tags: ['analyses'],
  summary: 'Ready-made KPI definitions to add to a journey (signed in)',
  responses: { 200: jsonResponse(z.array(KpiDefinition), 'KPI definitions'), 401: errors[401] },
});

/**
 * Analyses of a workspace's event data: metrics on the map, step detail, process map, dashboards. Each
 * handler authorizes, then calls one view of the analytics event-data port; viewers and shared views
 * (`?shared=1`) get protected answers (the disclosure rule lives in analytics, not here).
 */
export function analysisRoutes(deps: AppDeps) {
  const { db, evidence } = deps;

  /** Whether the caller's answers are protected: viewers always, anyone in a shared view. */
  const protects = (role: Role, shared?: string) => role === 'viewer' || shared === '1';

  /** The journey, its store and the view options for this caller and request. */
  const loadJourney = async (c: Context, id: string, userId: string, needed: Role, shared?: string) => {
    const journey = await db.journeys.get(id);
    if (!journey) throw problems.notFound(`no journey ${id}`);
    const role = await requireRole(db, journey.workspaceId, userId, needed, `no journey ${id}`);
    const store = await evidence.stores.get(journey.workspaceId);
    const memo = memoFor(c, journey.workspaceId, [journey.id, journey.version]);
    return { journey, store, options: viewOptions(c, protects(role, shared), memo) };
  };
  const loadWorkspace = async (id: string, userId: string, shared?: string) => {
    const role = await requireRole(db, id, userId, 'viewer');
    const store = await evidence.stores.get(id);
    return { store, protect: protects(role, shared) };
  };

  /** Bounds every view by the server's time limit and the request: a client that goes away stops its query. */
  const viewOptions = (c: Context, protect: boolean, memo: Memo) => ({
    protect,
    memo,
    signal: c.req.raw.signal,
    timeoutMs: evidence.analysisTimeoutMs,
  });

  /**
   * Drops a source filter naming every source of the workspace (it selects everything). A strict subset
   * is passed on as a case-level `source_id` attribute filter.
   */
  const withSources = async <F extends AnalysisFilterInput>(workspaceId: string, f: F): Promise<F> => {
    if (!f.sourceIds) return f;
    const wanted = new Set(f.sourceIds);
    const all = await db.dataSources.list(workspaceId);
    return all.every((s) => wanted.has(s.id)) ? { ...f, sourceIds: undefined } : f;
  };

  /** Remembers raw results in the result cache, per workspace data generation and `scope`. */
  const memoFor =
    (c: Context, workspaceId: string, scope: unknown[]): Memo =>
    (key, compute) =>
      evidence.cache.get(workspaceId, [...scope, ...key], compute, c.req.raw.signal);

  return router()
    .openapi(activitiesRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { store, protect } = await loadWorkspace(id, user.id, c.req.valid('query').shared);
      return c.json(await activityCounts(store, viewOptions(c, protect, memoFor(c, id, []))), 200);
    })
    .openapi(attributesRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { store, protect } = await loadWorkspace(id, user.id, c.req.valid('query').shared);
      return c.json(await attributeColumns(store, viewOptions(c, protect, memoFor(c, id, []))), 200);
    })
    .openapi(metricsRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { journey, store, options } = await loadJourney(
        c,
        id,
        user.id,
        'viewer',
        c.req.valid('query').shared,
      );
      const filter = await withSources(journey.workspaceId, c.req.valid('json'));
      return c.json(await journeyMetrics(store, journey.document, filter, options), 200);
    })
    .openapi(detailRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id, stepId } = c.req.valid('param');
      const { splitBy, ...filter } = c.req.valid('json');
      const { journey, store, options } = await loadJourney(
        c,
        id,
        user.id,
        'viewer',
        c.req.valid('query').shared,
      );
      const scopedFilter = await withSources(journey.workspaceId, filter);
      return c.json(await stepDetail(store, journey.document, stepId, scopedFilter, splitBy, options), 200);
    })
    .openapi(casesRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id, stepId } = c.req.valid('param');
      const { which, ...filter } = c.req.valid('json');
      const { journey, store, options } = await loadJourney(c, id, user.id, 'editor');
      const result = await stepCaseList(store, journey.document, stepId, which, filter, options);
      await db.transaction((tx) =>
        audit(tx, {
          workspaceId: journey.workspaceId,
          actorId: user.id,
          action: 'cases.view',
          entityType: 'journey',
          entityId: id,
          detail: { stepId, which, listed: result.cases.length, total: result.total },
        }),
      );
      return c.json({ ...result, suppression: suppressionInfo(false) }, 200);
    })
    .openapi(processMapRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { maxActivities, maxPaths, maxVariants, ...filter } = c.req.valid('json');
      const { store, protect } = await loadWorkspace(id, user.id, c.req.valid('query').shared);
      const limits = { maxActivities, maxPaths, maxVariants };
      const scopedFilter = await withSources(id, filter);
      const options = viewOptions(c, protect, memoFor(c, id, []));
      return c.json(await processMap(store, scopedFilter, limits, options), 200);
    })
    .openapi(dashboardRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { journey, store, options } = await loadJourney(
        c,
        id,
        user.id,
        'viewer',
        c.req.valid('query').shared,
      );
      const filter = await withSources(journey.workspaceId, c.req.valid('json'));
      return c.json(await journeyDashboard(store, journey.document, filter, options), 200);
    })
    .openapi(workspaceDashboardRoute, async (c) => {
      const { user } = requireCaller(c);
      const { id } = c.req.valid('param');
      const { store, protect } = await loadWorkspace(id, user.id, c.req.valid('query').shared);
      const journeys = [];
      for (const summary of await db.journeys.list(id)) {
        const journey = await db.journeys.get(summary.id);
        if (!journey || journey.document.kpis.length === 0) continue;
        const options = viewOptions(c, protect, memoFor(c, id, [journey.id, journey.version]));
        const { tiles, period, previous, suppression } = await journeyDashboard(
          store,
          journey.document,
          {},
          options,
        );
        journeys.push({
          journeyId: journey.id,
          name: journey.document.name,
          period,
          previous,
          tiles,
          suppression,
        });
      }
      return c.json({ journeys, suppression: suppressionInfo(protect) }, 200);
    })
    .openapi(libraryRoute, async (c) => {
      requireCaller(c);
      return c.json([...KPI_LIBRARY], 200);
    });
}
