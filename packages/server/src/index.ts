/**
 * @module @pathlight/server
 * The Pathlight HTTP API (Hono): `createApp` builds the request→response app, `startServer`
 * serves it with the web app on a port. The typed client is at `@pathlight/server/client`.
 */
export { type App, type CreateAppOptions, createApp } from './app';
export { type BootstrapResult, bootstrapAdmin, DEFAULT_ADMIN_EMAIL } from './bootstrap-admin';
export { type AppConfig, defaultAppConfig } from './config';
export { CSRF_HEADER } from './csrf';
export { type DemoMode, demoModeFromEnv } from './demo/demo-mode';
export { findJourney, findWorkspace, type LocalData, openLocalData } from './demo/local-data';
export { DEMO_WORKSPACE_NAME } from './demo/riverside';
export {
  type DemoSummary,
  findDemoWorkspaces,
  resetDemo,
  type SeedDemoOptions,
  seedDemo,
} from './demo/seed-demo';
export { DEFAULT_MAX_UPLOAD_BYTES, Evidence, type EvidenceOptions } from './evidence/evidence';
export { consoleLogger, type Logger, memoryLogger } from './logger';
export { DEFAULT_PORT, optionsFromEnv, type RunningServer, type StartOptions, startServer } from './main';
export {
  FileImportError,
  type FileImportOptions,
  type ImportFileRequest,
  importFile,
} from './operations/import-local-file';
export { type FieldIssue, type Outcome, type ProblemBody, ProblemError, toProblem } from './problem';
export { SESSION_COOKIE } from './session';
