/**
 * @module @pathlight/core
 * The journey domain: zod schemas (the single source of truth for types), templates,
 * document migrations and pure functions. No I/O.
 */
export { ANALYSIS_DATE_RANGE, AnalysisFilter, AttributeKey, analysisInstantMs } from './analysis';
export {
  ActivityCount,
  AttributeColumns,
  Dashboard,
  HiddenReason,
  JourneyMetrics,
  KpiBreakdownRow,
  KpiDefinitionRef,
  KpiTile,
  KpiValue,
  Omitted,
  ProcessMap,
  StepCases,
  StepDetail,
  StepMetric,
  SuppressedReasons,
  Suppression,
  WorkspaceDashboard,
} from './api/analyses';
export { JourneySummary } from './api/journey-summary';
export {
  ColumnMapping,
  CsvPreview,
  DataSource,
  DataSourceStatus,
  ImportFormat,
  ImportRequestFormat,
  Job,
  JobStatus,
  SkippedRecord,
  SourceCreate,
  SourceImport,
  SourceName,
  SourceRefresh,
  SourceRename,
  Upload,
} from './api/sources';
export { Evidence, strongestConfidence } from './evidence';
export {
  BlueprintSystem,
  Card,
  DEFAULT_SUBJECT,
  EmotionPoint,
  JOURNEY_SCHEMA_VERSION,
  Journey,
  JourneyContent,
  type JourneyInput,
  JourneyStatus,
  JourneySubject,
  Lane,
  LaneKind,
  Opportunity,
  OpportunityStatus,
  orderedSteps,
  reviewDueDate,
  Severity,
  Stage,
  Step,
  SystemCategory,
} from './journey';
export {
  JOURNEY_EXPORT_FORMAT,
  type JourneyExport,
  journeyDocumentOf,
  journeyExport,
} from './journey-export';
export {
  applyJourneyMerge,
  diffJourneys3,
  type JourneyMerge,
  type MergeChoices,
  type MergeItem,
  type MergeItemKind,
  type MergeOrder,
  type MergeSide,
  type MergeSideChange,
  type MergeStage,
  type MergeStep,
  mergeJourneys,
  mergeSideOf,
} from './journey-merge';
export {
  ActivityRef,
  ConversionKpi,
  CostPerKpi,
  DurationKpi,
  KpiDefinition,
  type KpiInput,
  RateKpi,
  ScoreKpi,
} from './kpi';
export { KPI_LIBRARY } from './kpi-library';
export { journeyMigrations, type MigrationResult, migrateJourney } from './migrations';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordWeakness } from './password-strength';
export { Persona, PersonaContent, type PersonaInput, PersonaKind } from './persona';
export { STANDARD_LANES } from './standard-lanes';
export { instantiateTemplate, JourneyTemplate, type JourneyTemplateInput } from './template';
export { ACTIVITY_VOCABULARY, type Activity as KnownActivity, TEMPLATE_EVIDENCE } from './templates/build';
export { templates } from './templates/index';
export { Channel, Confidence, EvidenceKind, Id, IsoDate, IsoDateTime, Name } from './vocabulary';
export {
  Email,
  LoginRequest,
  Member,
  MemberAdd,
  MemberUpdate,
  NewPassword,
  PasswordChange,
  Role,
  roleAllows,
  User,
  UserCreate,
  UserUpdate,
  Workspace,
  WorkspaceCreate,
} from './workspace';
