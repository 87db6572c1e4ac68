import type { DuckDBConnection } from '@duckdb/node-api';
import { looksLikeDirectIdentifier } from '../pseudonymise';
import { ImportError } from './import-error';
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
  const dropped = columns.filter(
    (c) => !used.has(c) && !attributes.includes(c) && looksLikeDirectIdentifier(c),
  );
  return { fields, attributes, dropped };
}

/** The columns a mapping reads, each once: mapped fields first, then attributes. */
export function usedColumns(mapping: ResolvedMapping): string[] {
  return [...new Set([...Object.values(mapping.fields), ...mapping.attributes])];
}

/** Like guessMapping, but throws an ImportError when a required field has no column or a named one is absent. */
export function resolveMapping(
  file: string,
  columns: readonly string[],
  options: ImportOptions,
): ResolvedMapping {
  const mapping = guessMapping(columns, options);
  const listed = columns.map((c) => `"${c}"`).join(', ');
  for (const f of FIELDS) {
    const column = mapping.fields[f];
    if (column !== undefined && !columns.includes(column)) {
      throw new ImportError(
        file,
        `column "${column}" given for ${f} is not in the file (columns: ${listed})`,
      );
    }
  }
  for (const column of options.columns?.attributes ?? []) {
    if (!columns.includes(column)) {
      throw new ImportError(file, `attribute column "${column}" is not in the file (columns: ${listed})`);
    }
  }
  for (const f of REQUIRED) {
    if (mapping.fields[f] === undefined) {
      throw new ImportError(
        file,
        `no ${f} column found; name it with --${FLAG[f]} (columns: ${listed})`,
        undefined,
        undefined,
      );
    }
  }
  return mapping;
}

const INTEGER = '-?(0|[1-9][0-9]{0,17})';
const NUMBER = String.raw`-?(0|[1-9][0-9]*)(\.[0-9]+)?`;
const SAMPLE_ROWS = 1000;

/**
 * Attribute columns whose every value is a number (no leading zeros, so codes like `0123` stay text),
 * as BIGINT or DOUBLE. A sample rules most text columns out before the full scan.
 */
async function numericKinds(
  db: DuckDBConnection,
  table: string,
  columns: readonly string[],
): Promise<Map<string, 'BIGINT' | 'DOUBLE'>> {
  const sample = (
    await db.runAndReadAll(`SELECT ${columns.map(ident).join(', ')} FROM ${table} LIMIT ${SAMPLE_ROWS}`)
  ).getColumnsJS() as (string | null)[][];
  const numeric = new RegExp(`^${NUMBER}$`);
  const candidates = columns.filter((_, i) => {
    const values = (sample[i] ?? []).filter((v): v is string => v !== null);
    return values.length > 0 && values.every((v) => numeric.test(v.trim()));
  });
  const kinds = new Map<string, 'BIGINT' | 'DOUBLE'>();
  if (candidates.length === 0) return kinds;
  const checks = candidates.flatMap((c) => [
    `bool_and(${ident(c)} IS NULL OR regexp_full_match(trim(${ident(c)}), ${lit(INTEGER)}))`,
    `bool_and(${ident(c)} IS NULL OR regexp_full_match(trim(${ident(c)}), ${lit(NUMBER)}))`,
  ]);
  const row = (await db.runAndReadAll(`SELECT ${checks.join(', ')} FROM ${table}`)).getRowsJS()[0] ?? [];
  candidates.forEach((c, i) => {
    if (row[i * 2] === true) kinds.set(c, 'BIGINT');
    else if (row[i * 2 + 1] === true) kinds.set(c, 'DOUBLE');
  });
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
        'timestamps are in no recognised format (ISO 8601, YYYY/MM/DD HH:MM:SS, DD-MM-YYYY HH:MM, epoch); give --timestamp-format',
        undefined,
        tsColumn,
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
      caseId: `field "${f.case}"`,
      activity: `field "${f.activity}"`,
      timestamp: `field "${tsColumn}"`,
      cost: `field "${f.cost ?? ''}"`,
    },
    timestampLabel: format.label,
  };
}
