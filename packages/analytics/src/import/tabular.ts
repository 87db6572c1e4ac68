import type { DuckDBConnection } from '@duckdb/node-api';
import { looksLikeDirectIdentifier } from '../pseudonymise';
import { ImportError, listNames, quoteName } from './import-error';
import { ident, lit } from './sql';
import type { StagedSource } from './staging';
import {
  detectTimestampFormat,
  ISO_FORMAT,
  patternFormat,
  type TimestampFormat,
  timestampSql,
} from './timestamps';
import type { ColumnMapping, ImportOptions } from './types';

type Field = Exclude<keyof ColumnMapping, 'attributes'>;

/**
 * Common column names per event field, normalised (lower case, letters and digits only), best first.
 * They cover pm4py/XES-flattened logs (`case:concept:name`), Disco/ProM CSV exports (`Case ID`,
 * `Complete Timestamp`) and everyday exports (`patient_id`, `event`, `timestamp`).
 */
const KNOWN_NAMES: Record<Field, string[]> = {
  case: [
    'caseconceptname',
    'caseid',
    'case',
    'patientid',
    'patient',
    'caseidentifier',
    'traceid',
    'journeyid',
  ],
  activity: ['conceptname', 'activity', 'activityname', 'event', 'eventname', 'action', 'step', 'task'],
  timestamp: [
    'timetimestamp',
    'timestamp',
    'completetimestamp',
    'endtimestamp',
    'eventtime',
    'datetime',
    'time',
    'date',
    'ts',
    'starttimestamp',
  ],
  channel: ['channel', 'medium'],
  resource: ['orgresource', 'resource', 'user', 'performer'],
  lifecycle: ['lifecycletransition', 'lifecycle', 'transition'],
  cost: ['costtotal', 'cost', 'amount'],
};
const FIELDS = Object.keys(KNOWN_NAMES) as Field[];
const REQUIRED: Field[] = ['case', 'activity', 'timestamp'];
const FLAG: Record<Field, string> = {
  case: 'case',
  activity: 'activity',
  timestamp: 'timestamp',
  channel: 'channel',
  resource: 'resource',
  lifecycle: 'lifecycle',
  cost: 'cost',
};

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a column name is one of the common event-log names (used to recognise a header row). */
export function isKnownColumnName(name: string): boolean {
  const n = normalise(name);
  return FIELDS.some((f) => KNOWN_NAMES[f].includes(n));
}

/** A resolved mapping: every field's column (or undefined), kept attributes and dropped identifier columns. */
export interface ResolvedMapping {
  fields: Partial<Record<Field, string>>;
  attributes: string[];
  dropped: string[];
}

/** Guesses unmapped fields from common names; never throws (the upload wizard shows what it found). */
export function guessMapping(columns: readonly string[], options: ImportOptions): ResolvedMapping {
  const explicit = options.columns ?? {};
  const fields: Partial<Record<Field, string>> = {};
  const used = new Set<string>();
  for (const f of FIELDS) {
    const given = explicit[f];
    if (given !== undefined) {
      fields[f] = given;
      used.add(given);
    }
  }
  for (const f of FIELDS) {
    if (fields[f] !== undefined) continue;
    for (const candidate of KNOWN_NAMES[f]) {
      const match = columns.find((c) => !used.has(c) && normalise(c) === candidate);
      if (match !== undefined) {
        fields[f] = match;
        used.add(match);
        break;
      }
    }
  }
  const keep = new Set(options.keepColumns ?? []);
  const rest = explicit.attributes ?? columns.filter((c) => !used.has(c));
  const attributes = rest.filter((c) => !used.has(c) && (keep.has(c) || !looksLikeDirectIdentifier(c)));
  const kept = new Set(attributes);
  const dropped = columns.filter((c) => !used.has(c) && !kept.has(c) && looksLikeDirectIdentifier(c));
  return { fields, attributes, dropped };
}

/** The columns a mapping reads, each once: mapped fields first, then attributes. */
export function usedColumns(mapping: ResolvedMapping): string[] {
  return [...new Set([...Object.values(mapping.fields), ...mapping.attributes])];
}

/**
 * Like guessMapping, but throws an ImportError when columns named in the options are not in the file
 * (naming all of them) or a required field has no column.
 */
export function resolveMapping(
  file: string,
  columns: readonly string[],
  options: ImportOptions,
): ResolvedMapping {
  const mapping = guessMapping(columns, options);
  const present = new Set(columns);
  const inFile = columns.length === 0 ? 'the file is empty' : `columns: ${listNames(columns)}`;
  const missing: string[] = [];
  for (const f of FIELDS) {
    const column = mapping.fields[f];
    if (column !== undefined && !present.has(column)) missing.push(`${quoteName(column)} (${f})`);
  }
  for (const column of options.columns?.attributes ?? []) {
    if (!present.has(column)) missing.push(`${quoteName(column)} (attribute)`);
  }
  if (missing.length > 0) {
    throw new ImportError(
      file,
      `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the file (${inFile}); nothing was imported`,
    );
  }
  for (const f of REQUIRED) {
    if (mapping.fields[f] === undefined) {
      throw new ImportError(file, `no ${f} column found; name it with --${FLAG[f]} (${inFile})`);
    }
  }
  return mapping;
}

const INTEGER = '-?(0|[1-9][0-9]{0,17})';
const NUMBER = String.raw`-?(0|[1-9][0-9]*)(\.[0-9]+)?`;
const SAMPLE_ROWS = 1000;
/**
 * Columns checked per query in the full scan. DuckDB plans a query with thousands of aggregates in
 * quadratic time (1,000 columns took 6 s, 2,000 took 23 s), so wide files are checked a batch at a time.
 */
const CHECK_BATCH = 50;

/**
 * Attribute columns whose every value is a number (no leading zeros, so codes like `0123` stay text),
 * as BIGINT or DOUBLE. A sample of 1,000 rows, unpivoted so that one query checks any number of columns
 * (selecting 1,000 columns into a result alone takes half a second), rules most text columns out; when
 * the table holds more rows, the remaining columns get a full scan.
 */
async function numericKinds(
  db: DuckDBConnection,
  table: string,
  columns: readonly string[],
): Promise<Map<string, 'BIGINT' | 'DOUBLE'>> {
  const checks = (value: string) =>
    `bool_and(${value} IS NULL OR regexp_full_match(trim(${value}), ${lit(INTEGER)})),
      bool_and(${value} IS NULL OR regexp_full_match(trim(${value}), ${lit(NUMBER)}))`;
  const sample = (
    await db.runAndReadAll(
      `SELECT name, ${checks('v')} FROM (UNPIVOT (SELECT ${columns.map(ident).join(', ')} FROM ${table}
        LIMIT ${SAMPLE_ROWS}) ON COLUMNS(*) INTO NAME name VALUE v) GROUP BY name`,
    )
  ).getRowsJS() as [string, boolean, boolean][];
  // Unpivoting drops NULLs: a column with no value in the sample has no row and stays text.
  const sampled = new Map(sample.map(([name, integer, number]) => [name, { integer, number }]));
  const kinds = new Map<string, 'BIGINT' | 'DOUBLE'>();
  const candidates = columns.filter((c) => sampled.get(c)?.number === true);
  const whole = (
    await db.runAndReadAll(`SELECT count(*) <= ${SAMPLE_ROWS} FROM ${table}`)
  ).getRowsJS()[0]?.[0];
  if (whole === true) {
    for (const c of candidates) kinds.set(c, sampled.get(c)?.integer ? 'BIGINT' : 'DOUBLE');
    return kinds;
  }
  for (let from = 0; from < candidates.length; from += CHECK_BATCH) {
    const batch = candidates.slice(from, from + CHECK_BATCH);
    const row =
      (
        await db.runAndReadAll(`SELECT ${batch.map((c) => checks(ident(c))).join(', ')} FROM ${table}`)
      ).getRowsJS()[0] ?? [];
    batch.forEach((c, i) => {
      if (row[i * 2] === true) kinds.set(c, 'BIGINT');
      else if (row[i * 2 + 1] === true) kinds.set(c, 'DOUBLE');
    });
  }
  return kinds;
}

/**
 * Builds the StagedSource over a TEMP table of VARCHAR columns (rowid = file order): picks the timestamp
 * format from a sample, and types attribute columns whose every value is a number as JSON numbers.
 */
export async function tabularSource(
  db: DuckDBConnection,
  file: string,
  table: string,
  mapping: ResolvedMapping,
  options: ImportOptions,
  timezone: string,
): Promise<StagedSource> {
  const f = mapping.fields;
  const tsColumn = f.timestamp!;
  let format: TimestampFormat;
  if (options.timestampFormat !== undefined) {
    format = patternFormat(options.timestampFormat);
  } else {
    const sample = (
      await db.runAndReadAll(
        `SELECT ${ident(tsColumn)} FROM ${table} WHERE trim(${ident(tsColumn)}) <> '' LIMIT 1000`,
      )
    ).getColumnsJS()[0] as string[] | undefined;
    const detected = sample && sample.length > 0 ? detectTimestampFormat(sample) : ISO_FORMAT;
    if (detected === null) {
      throw new ImportError(
        file,
        'no date or time in a recognised format (expected e.g. 2025-03-01 14:30:00, 2025/03/01 14:30:00, 01-03-2025 14:30, 01.03.2025 14:30, epoch seconds); give --timestamp-format; nothing was imported',
        `column ${quoteName(tsColumn)}`,
      );
    }
    format = detected;
  }

  let attrs = "'{}'::JSON";
  if (mapping.attributes.length > 0) {
    const kinds = await numericKinds(db, table, mapping.attributes);
    const parts = mapping.attributes.map((c) => {
      const kind = kinds.get(c);
      const value = kind === undefined ? ident(c) : `try_cast(trim(${ident(c)}) AS ${kind})`;
      return `${lit(c)}, ${value}`;
    });
    attrs = `json_object(${parts.join(', ')})`;
  }
  const col = (field: Field) => (f[field] === undefined ? 'NULL::VARCHAR' : ident(f[field]));
  return {
    select: `SELECT rowid + 1 AS rec, NULL::VARCHAR AS loc, ${col('case')} AS case_raw, ${col('activity')} AS activity,
      ${ident(tsColumn)} AS ts_raw, ${timestampSql(ident(tsColumn), format, timezone)} AS ts,
      ${col('channel')} AS channel, ${col('resource')} AS resource, ${col('lifecycle')} AS lifecycle,
      ${col('cost')} AS cost_raw, try_cast(trim(${col('cost')}) AS DOUBLE) AS cost, ${attrs} AS attrs,
      NULL::VARCHAR AS bad
      FROM ${table}`,
    fields: {
      caseId: `column ${quoteName(f.case ?? '')}`,
      activity: `column ${quoteName(f.activity ?? '')}`,
      timestamp: `column ${quoteName(tsColumn)}`,
      cost: `column ${quoteName(f.cost ?? '')}`,
    },
    timestamp: format,
  };
}
