/**
 * @module @pathlight/analytics
 * Event-log import into DuckDB and journey analyses (SQL built apart from running it).
 */
export { type AnalysisResult, type AnalyzeOptions, analyze } from './analyze';
export { defaultMemoryLimit, EventStore, type EventStoreOptions, openEventStore } from './event-store';
export { DEMO_JOURNEY_INPUT, demoJourney } from './generate/demo-journey';
export { type GeneratedFormat, type GenerateOptions, generateEventLog } from './generate/generate';
export { type CsvPreview, detectCsv } from './import/csv';
export { detectFormat } from './import/detect-format';
export { ImportError } from './import/import-error';
export {
  MAX_BUNDLE_BYTES,
  MAX_COLUMNS,
  MAX_FIELD_BYTES,
  MAX_GZIP_RATIO,
  MAX_INFLATED_BYTES,
  MAX_LINE_BYTES,
} from './import/limits';
export type {
  ColumnMapping,
  ImportFormat,
  ImportOptions,
  ImportProgress,
  ImportResult,
  SkippedRecord,
} from './import/types';
export {
  type ActivityCount,
  activities,
  buildActivities,
  buildCaseDuration,
  buildEdges,
  buildEndpoints,
  buildEventStats,
  buildSummary,
  buildVariants,
  type CaseDuration,
  caseDuration,
  type Edge,
  type EndpointCount,
  type EventStats,
  edges,
  endpoints,
  eventStats,
  type FilteredRequest,
  type Summary,
  summary,
  type Variant,
  type VariantsRequest,
  variants,
  variantsWithTotal,
} from './mining/basic';
export {
  buildConformance,
  type Conformance,
  type ConformanceRequest,
  conformance,
} from './mining/conformance';
export { buildFilteredEvents } from './mining/filtered-events';
export type { EventFilter } from './mining/filters';
export {
  buildFunnel,
  type FunnelRequest,
  type FunnelStepResult,
  funnel,
  funnelSteps,
  type JourneyModel,
} from './mining/funnel';
export { type KpiSeriesRequest, kpiSeries, type TimeBucket, weekBuckets } from './mining/kpi-series';
export { buildKpi, type CostBreakdownRow, type KpiRequest, type KpiResult, kpi, kpis } from './mining/kpis';
export { runQuery } from './mining/runner';
export { type Segment, type SegmentsRequest, segments } from './mining/segments';
export type { SqlQuery } from './mining/sql';
export { wilsonInterval } from './mining/stats';
export {
  buildStepCases,
  buildStepPaths,
  buildStepSplit,
  buildStepWeekly,
  type StepCase,
  type StepCasesRequest,
  type StepPaths,
  type StepRequest,
  type StepSplit,
  type StepWeek,
  stepCases,
  stepPaths,
  stepSplit,
  stepWeekly,
} from './mining/step-detail';
export { loadOrCreateKey, looksLikeDirectIdentifier, pseudonymise } from './pseudonymise';
export {
  AnalysisInputError,
  AnalysisStopped,
  ATTRIBUTE_COLUMNS,
  activityCounts,
  attributeColumns,
  buildAttributeColumns,
  DEFAULT_ANALYSIS_TIMEOUT_MS,
  dashboardPeriod,
  type HiddenReason,
  journeyDashboard,
  journeyMetrics,
  MAX_ATTRIBUTES,
  MAX_DASHBOARD_WEEKS,
  type Memo,
  PERIOD_MARGIN_DAYS,
  type ProcessMapLimits,
  processMap,
  protectedCount,
  ROUNDING_BASE,
  type Shown,
  SMALL_CELL_THRESHOLD,
  type SuppressionInfo,
  stepCaseList,
  stepDetail,
  suppressionInfo,
  type ViewOptions,
} from './views/index';
