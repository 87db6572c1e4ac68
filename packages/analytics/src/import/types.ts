import type { ImportFormat } from '@pathlight/core';

/** File formats the importers read (the core schema `ImportFormat`). `fhir` in options means "bundle or NDJSON, whichever the file is". */
export type { ImportFormat };

/** Which source columns feed the canonical event fields (CSV, TSV and Parquet). */
export interface ColumnMapping {
  case?: string;
  activity?: string;
  timestamp?: string;
  channel?: string;
  resource?: string;
  lifecycle?: string;
  cost?: string;
  /** Columns kept as attributes; default: every unmapped column that is not a direct identifier. */
  attributes?: string[];
}

/** Progress of one import, for a progress bar: `done` of `total` bytes (or records). */
export interface ImportProgress {
  done: number;
  total: number;
  unit: 'bytes' | 'records';
}

export interface ImportOptions {
  /** Default: detected from the extension and content (`detectFormat`). */
  format?: ImportFormat | 'fhir';
  /** Names the import so it can be deleted later; default a random UUID. Must be new in the store. */
  sourceId?: string;
  /** Column mapping for tabular files; unmapped fields are guessed from common names. */
  columns?: ColumnMapping;
  /** CSV delimiter; default detected. */
  delimiter?: string;
  /** Whether the CSV's first row is a header; default detected. */
  header?: boolean;
  /** DuckDB strptime pattern for the timestamp column (e.g. `%d/%m/%Y %H:%M`); default detected. */
  timestampFormat?: string;
  /** IANA zone of naive timestamps (no offset); default UTC. Never the machine's zone. */
  timezone?: string;
  /** Columns to keep even though they look like direct identifiers. */
  keepColumns?: string[];
  /** Skip bad records and report them, instead of failing the whole import on the first one. */
  skipBadRows?: boolean;
  /** Bytes a `.xes.gz` may inflate to; default MAX_INFLATED_BYTES (20 GiB). */
  maxInflatedBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** One record that was not imported, and why. */
export interface SkippedRecord {
  /** 1-based ordinal among the records read (rows, events, messages…), in file order. */
  record: number;
  /** Human-readable place: `record 12`, `line 340`, `entry 3`, `patients.ndjson line 7`. */
  location: string;
  reason: string;
}

export interface ImportResult {
  sourceId: string;
  format: ImportFormat;
  events: number;
  cases: number;
  skipped: { count: number; first: SkippedRecord[] };
  /** FHIR: resources of types that map to no event, by type. */
  unknownResourceTypes?: Record<string, number>;
  /** HL7 v2: messages that are not touchpoints (e.g. `ADT^A08`) or duplicates, by type. */
  ignoredMessages?: Record<string, number>;
  /** Columns dropped because they look like direct identifiers. */
  droppedColumns: string[];
  /** ISO 8601 UTC of the earliest and latest imported event; null when nothing was imported. */
  firstEvent: string | null;
  lastEvent: string | null;
}
