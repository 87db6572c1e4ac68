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
  ActivityCount as ActivityRow,
  type AnalysisFilter as AnalysisFilterInput,
  AnalysisFilter as AnalysisFilterSchema,
  AttributeColumns,
  AttributeKey,
  Dashboard,
  KPI_LIBRARY,
  KpiDefinitionRef as KpiDefinition,
  JourneyMetrics as Metrics,
  ProcessMap,
  type Role,
  StepCases,
  StepDetail,
  WorkspaceDashboard,
} from '@pathlight/core';
import type { Context } from 'hono';
import { requireRole } from '../access';
import { audit } from '../audit';
import type { AppDeps } from '../env';
import {
  errors,
  IdParam,
  jsonBody,
  jsonResponse,
  scopedErrors as memberOnly,
  router,
  bodyErrors as withBody,
} from '../openapi';
import { problems } from '../problem';
import { requireCaller } from '../session';

export const AnalysisFilter = AnalysisFilterSchema.meta({ id: 'AnalysisFilter' });

const SharedQuery = z.object({ shared: z.enum(['0', '1']).optional() });

const StepParam = z.object({ id: z.uuid(), stepId: z.string().min(1).max(100) });

const activitiesRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/activities',
  tags: ['analyses'],
  summary: 'Activities in the workspace event data with event and case counts (any member)',
  request: { params: IdParam, query: SharedQuery },
  responses: { 200: jsonResponse(z.array(ActivityRow), 'Activities'), ...memberOnly },
});
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
