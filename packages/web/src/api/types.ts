import type {
  AttributeColumns as AttributeColumnsAnswer,
  Dashboard as DashboardAnswer,
  ProcessMap,
  WorkspaceDashboard as WorkspaceDashboardAnswer,
} from '@pathlight/core';
import type { Api } from './client';

// The API's shapes are core schemas (one definition, `z.infer`); the rest are read off the typed client.
export type {
  CsvPreview,
  DataSource,
  HiddenReason,
  ImportFormat,
  Job,
  JourneySummary,
} from '@pathlight/core';

/**
 * A row of an analysis answer: the fields the server set to null, and why. Older servers send no
 * reasons; a reason the app does not know reads as none.
 */
export interface SuppressibleRow {
  readonly suppressed: readonly string[];
  readonly suppressedReasons?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * The `suppression` block of every analysis answer. When `applied` (viewers, `?shared=1`): counts are
 * rounded to `rounding` (1 = exact), and `smallPopulation` says the view has no numbers at all.
 * Both may be absent (older server): exact, not small.
 */
export interface Suppression {
  readonly applied: boolean;
  readonly threshold: number;
  readonly rounding?: number | undefined;
  readonly smallPopulation?: boolean | undefined;
}

/** An analysis answer: its suppression, and how many rows (of 1–10 patients) each found list left out. */
export interface SuppressedAnswer {
  readonly suppression: Suppression;
  readonly omitted?: Readonly<Record<string, number>> | undefined;
}

/** An answer type from the typed client with the suppression contract's newer fields declared. */
export type WithPrivacy<T extends { suppression: object }> = T & SuppressedAnswer;

/** The signed-in user and the CSRF token the session expects on writes. */
export type Me = Awaited<ReturnType<Api['me']>>;
/** What the template gallery shows before a template is chosen. */
export type TemplateSummary = Awaited<ReturnType<Api['templates']['list']>>[number];
/** The directly-follows graph with variants. */
export type ProcessMapData = WithPrivacy<ProcessMap>;
/** A journey's KPI dashboard. */
export type Dashboard = WithPrivacy<DashboardAnswer>;
/** One KPI tile of a dashboard. */
export type KpiTile = Dashboard['tiles'][number];
/** Every journey's tiles for the workspace overview. */
export type WorkspaceDashboard = WithPrivacy<WorkspaceDashboardAnswer>;
/** The attributes of a workspace's event data, to split and segment by. */
export type AttributeColumns = WithPrivacy<AttributeColumnsAnswer>;
/** One attribute: its key, number of distinct values and patients who have it. */
export type AttributeColumn = AttributeColumns['attributes'][number];
