import { createApi } from './client';
import { createHttp } from './http';

/** The one HTTP wrapper of the app (CSRF token and sign-out handler live here). */
export const http = createHttp();

/** The app's API client, on the page's own origin (the server serves the app). */
export const api = createApi(
  http,
  typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
);

export type {
  AnalysisFilterBody,
  Api,
  ProcessMapRequest,
  SaveResult,
  SourceCreate,
  SourceRefresh,
  TemplateBody,
  TemplateCategory,
  UploadResult,
} from './client';
export { type CountedRow, countedRows } from './counted';
export { ApiError, type ApiIssue, errorMessage } from './errors';
export type {
  AttributeColumn,
  AttributeColumns,
  CsvPreview,
  Dashboard,
  DataSource,
  HiddenReason,
  Job,
  JourneySummary,
  KpiTile,
  Me,
  ProcessMapData,
  SuppressedAnswer,
  SuppressibleRow,
  Suppression,
  TemplateSummary,
  WithPrivacy,
  WorkspaceDashboard,
} from './types';
