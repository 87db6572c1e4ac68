import type { Api } from './client';

/** The signed-in user and the CSRF token the session expects on writes. */
export type Me = Awaited<ReturnType<Api['me']>>;
/** One row of the journey list (no full document). */
export type JourneySummary = Awaited<ReturnType<Api['journeys']['list']>>[number];
/** What the template gallery shows before a template is chosen. */
export type TemplateSummary = Awaited<ReturnType<Api['templates']['list']>>[number];
/** One imported event-log file of a workspace. */
export type DataSource = Awaited<ReturnType<Api['evidence']['sources']>>[number];
/** A background job (imports). */
export type Job = Awaited<ReturnType<Api['evidence']['job']>>;
/** Column preview of an uploaded CSV/TSV. */
export type CsvPreview = Awaited<ReturnType<Api['evidence']['preview']>>;
/** The directly-follows graph with variants. */
export type ProcessMapData = Awaited<ReturnType<Api['evidence']['processMap']>>;
/** A journey's KPI dashboard. */
export type Dashboard = Awaited<ReturnType<Api['evidence']['journeyDashboard']>>;
/** One KPI tile of a dashboard. */
export type KpiTile = Dashboard['tiles'][number];
/** Every journey's tiles for the workspace overview. */
export type WorkspaceDashboard = Awaited<ReturnType<Api['evidence']['workspaceDashboard']>>;
