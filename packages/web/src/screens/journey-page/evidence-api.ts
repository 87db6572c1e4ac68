import { createApiClient } from '@pathlight/server/client';
import { parseResponse } from 'hono/client';
import { http, type WithPrivacy } from '../../api';
import { cancel } from '../../api/client';

/** The filter every analysis takes (date range, sources, an attribute = value segment). */
export interface AnalysisFilter {
  from?: string;
  to?: string;
  sourceIds?: string[];
  attribute?: { key: string; values: string[] };
}

/**
 * The evidence calls of the journey page, on the server's typed client and the app's HTTP wrapper
 * (cookies, CSRF header, problem+json as ApiError).
 */
export function createEvidenceApi(baseUrl: string) {
  const c = createApiClient(baseUrl, http.fetch).api;
  return {
    activities: (workspaceId: string, signal?: AbortSignal) =>
      parseResponse(
        c.workspaces[':id'].activities.$get({ param: { id: workspaceId }, query: {} }, cancel(signal)),
      ),
    /** Every attribute of the data with its distinct values and patients (to split and segment by). */
    attributes: (workspaceId: string, signal?: AbortSignal) =>
      parseResponse(
        c.workspaces[':id'].attributes.$get({ param: { id: workspaceId }, query: {} }, cancel(signal)),
      ),
    sources: (workspaceId: string, signal?: AbortSignal) =>
      parseResponse(c.workspaces[':id'].sources.$get({ param: { id: workspaceId } }, cancel(signal))),
    kpiLibrary: (signal?: AbortSignal) => parseResponse(c['kpi-library'].$get(undefined, cancel(signal))),
    metrics: (journeyId: string, filter: AnalysisFilter, signal?: AbortSignal) =>
      parseResponse(
        c.journeys[':id'].metrics.$post(
          { param: { id: journeyId }, query: {}, json: filter },
          cancel(signal),
        ),
      ),
    stepDetail: (
      journeyId: string,
      stepId: string,
      filter: AnalysisFilter,
      splitBy?: string,
      signal?: AbortSignal,
    ) =>
      parseResponse(
        c.journeys[':id'].steps[':stepId'].detail.$post(
          { param: { id: journeyId, stepId }, query: {}, json: splitBy ? { ...filter, splitBy } : filter },
          cancel(signal),
        ),
      ),
    /** Patient-level (pseudonymised) rows: editors only, and the server audits every call. */
    stepCases: (journeyId: string, stepId: string, filter: AnalysisFilter, which: 'reached' | 'dropped') =>
      parseResponse(
        c.journeys[':id'].steps[':stepId'].cases.$post({
          param: { id: journeyId, stepId },
          json: { ...filter, which },
        }),
      ),
  };
}

export type EvidenceApi = ReturnType<typeof createEvidenceApi>;
export type JourneyMetrics = WithPrivacy<Awaited<ReturnType<EvidenceApi['metrics']>>>;
export type StepDetail = WithPrivacy<Awaited<ReturnType<EvidenceApi['stepDetail']>>>;
export type DataSourceRow = Awaited<ReturnType<EvidenceApi['sources']>>[number];
export type AttributeRow = Awaited<ReturnType<EvidenceApi['attributes']>>['attributes'][number];

/** The app's evidence API on the page's own origin. */
export const evidenceApi = createEvidenceApi(
  typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
);
