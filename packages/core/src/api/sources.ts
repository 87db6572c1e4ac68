import { z } from 'zod';

// API schemas carry their OpenAPI component name (`.meta({ id })`) here, once, so a schema nested in
// another (ColumnMapping in CsvPreview, DataSource in SourceImport) is a reference in the document.

/** File formats the importers read (what detection and an import report name). */
export const ImportFormat = z.enum([
  'csv',
  'tsv',
  'xes',
  'xes.gz',
  'fhir-bundle',
  'fhir-ndjson',
  'hl7',
  'parquet',
]);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** A format an import may be asked for: any `ImportFormat`, or `fhir` (bundle or NDJSON, whichever the file is). */
export const ImportRequestFormat = z.enum([...ImportFormat.options, 'fhir']);
export type ImportRequestFormat = z.infer<typeof ImportRequestFormat>;

const Column = z.string().min(1).max(200);

/** Which columns of a tabular file (CSV, TSV, Parquet) feed the canonical event fields. */
export const ColumnMapping = z
  .strictObject({
    case: Column.optional(),
    activity: Column.optional(),
    timestamp: Column.optional(),
    channel: Column.optional(),
    resource: Column.optional(),
    lifecycle: Column.optional(),
    cost: Column.optional(),
    attributes: z.array(Column).max(500).optional(),
  })
  .meta({ id: 'ColumnMapping' });
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** What detection made of an uploaded CSV/TSV: its first rows, the guessed mapping and what would be dropped. */
export const CsvPreview = z
  .object({
    delimiter: z.string(),
    header: z.boolean(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    mapping: ColumnMapping,
    timestampFormat: z.string().nullable(),
    attributes: z.array(z.string()),
    droppedColumns: z.array(z.string()),
  })
  .meta({ id: 'CsvPreview' });
export type CsvPreview = z.infer<typeof CsvPreview>;

/** A stored upload, waiting to be imported. */
export const Upload = z
  .object({
    uploadId: z.uuid(),
    filename: z.string(),
    bytes: z.number().int(),
    format: ImportFormat.nullable(),
    csv: CsvPreview.nullable(),
  })
  .meta({ id: 'Upload' });
export type Upload = z.infer<typeof Upload>;

/** A record an import skipped (`--skip-bad-rows`): where, and why; never the record's contents. */
export const SkippedRecord = z.object({ record: z.number().int(), location: z.string(), reason: z.string() });
export type SkippedRecord = z.infer<typeof SkippedRecord>;

export const DataSourceStatus = z.enum(['importing', 'ready', 'failed']);
export type DataSourceStatus = z.infer<typeof DataSourceStatus>;

/** One imported event-log file of a workspace, as the API shows it. */
export const DataSource = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    name: z.string(),
    format: z.string(),
    status: DataSourceStatus,
    /** Viewers: null when 1–10 (named in `suppressed`), else rounded to the nearest 5. */
    eventCount: z.number().int().nullable(),
    caseCount: z.number().int().nullable(),
    suppressed: z.array(z.string()),
    suppressedReasons: z.record(z.string(), z.enum(['small'])),
    firstEvent: z.string().nullable(),
    lastEvent: z.string().nullable(),
    droppedColumns: z.array(z.string()),
    skipped: z.object({ count: z.number().int(), first: z.array(SkippedRecord) }).nullable(),
    error: z.string().nullable(),
    /** The import job that last ran for this source. */
    jobId: z.uuid().nullable(),
    /** The uploaded file's name (as the client sent it). */
    filename: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'DataSource' });
export type DataSource = z.infer<typeof DataSource>;

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

/** A background job (imports): status, progress 0–1, error, result. */
export const Job = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid().nullable(),
    kind: z.string(),
    status: JobStatus,
    progress: z.number(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

/** How to import an upload: everything but the source's name (a refresh keeps it). */
export const SourceRefresh = z
  .strictObject({
    uploadId: z.uuid(),
    format: ImportRequestFormat.optional(),
    mapping: ColumnMapping.optional(),
    timezone: z.string().min(1).max(100).optional(),
    keepColumns: z.array(Column).max(200).optional(),
    skipBadRows: z.boolean().optional(),
    delimiter: z.string().min(1).max(1).optional(),
    header: z.boolean().optional(),
    timestampFormat: z.string().min(1).max(100).optional(),
  })
  .meta({ id: 'SourceRefresh' });
export type SourceRefresh = z.infer<typeof SourceRefresh>;

/** A data source's name. */
export const SourceName = z.string().trim().min(1).max(200);

/** Import an upload as a new data source. */
export const SourceCreate = SourceRefresh.extend({ name: SourceName }).meta({ id: 'SourceCreate' });
export type SourceCreate = z.infer<typeof SourceCreate>;

export const SourceRename = z.strictObject({ name: SourceName }).meta({ id: 'SourceRename' });
export type SourceRename = z.infer<typeof SourceRename>;

/** What starting an import (or a refresh) answers: the source and its job. */
export const SourceImport = z.object({ source: DataSource, job: Job }).meta({ id: 'SourceImport' });
export type SourceImport = z.infer<typeof SourceImport>;
