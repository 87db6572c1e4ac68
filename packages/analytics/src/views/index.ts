/**
 * The event-data port: every view of a workspace's events the app shows, built from a typed request and
 * answered with the disclosure rule applied (see disclosure.ts). The server, the CLI and the demo call
 * these; nobody else writes SQL on events.
 */
export { ATTRIBUTE_COLUMNS, attributeColumns, buildAttributeColumns, MAX_ATTRIBUTES } from './attributes';
export { AnalysisStopped, DEFAULT_ANALYSIS_TIMEOUT_MS } from './connection';
export type { Memo, ViewOptions } from './context';
export { dashboardPeriod, journeyDashboard, MAX_DASHBOARD_WEEKS, PERIOD_MARGIN_DAYS } from './dashboard';
export {
  type HiddenReason,
  protectedCount,
  ROUNDING_BASE,
  type Shown,
  SMALL_CELL_THRESHOLD,
  type SuppressionInfo,
  suppressionInfo,
} from './disclosure';
export { AnalysisInputError } from './filter';
export { journeyMetrics, stepCaseList, stepDetail } from './journey-views';
export { activityCounts, type ProcessMapLimits, processMap } from './workspace-views';
