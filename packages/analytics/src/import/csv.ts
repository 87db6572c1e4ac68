import { open, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { ImportError } from './import-error';
import { ident, lit } from './sql';
import { tempName } from './staging';
import { guessMapping, isKnownColumnName } from './tabular';
import { detectTimestampFormat, looksLikeTimestamp } from './timestamps';
import type { ColumnMapping, ImportOptions, SkippedRecord } from './types';

/** Bytes read from the start of a file to detect its dialect. */
const SNIFF_BYTES = 256 * 1024;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Rows a preview shows. */
const PREVIEW_ROWS = 20;

/** What `detectCsv` found at the start of a file: enough for an upload wizard to confirm the mapping. */
export interface CsvPreview {
  delimiter: string;
  header: boolean;
  columns: string[];
  /** The first data rows (at most 20), as text. */
  rows: string[][];
  mapping: ColumnMapping;
  /** Label of the detected timestamp format (e.g. `ISO 8601`), or null if the column is unknown/unreadable. */
  timestampFormat: string | null;
  attributes: string[];
  droppedColumns: string[];
}

interface Dialect {
  delimiter: string;
  header: boolean;
  columns: string[];
  rows: string[][];
  empty: boolean;
}

async function sniff(file: string, options: ImportOptions): Promise<Dialect> {
  const handle = await open(file, 'r');
  let text: string;
  let truncated: boolean;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    truncated = bytesRead === SNIFF_BYTES;
  } finally {
    await handle.close();
  }
  if (text.trim() === '')
    return { delimiter: options.delimiter ?? ',', header: true, columns: [], rows: [], empty: true };
  const defaultDelimiter = /\.(tsv|tab)$/i.test(file) ? '\t' : undefined;
  const parsed = Papa.parse<string[]>(text, {
    delimiter: options.delimiter ?? defaultDelimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    preview: PREVIEW_ROWS + 2,
    skipEmptyLines: true,
  });
  const rows = parsed.data;
  // A sample cut mid-record leaves a partial last row.
  if (truncated && rows.length > PREVIEW_ROWS + 1) rows.pop();
  const first = rows[0] ?? [];
  // Column names are never timestamps or numbers; data rows of an event log always hold a timestamp.
  const header =
    options.header ??
    (first.some(isKnownColumnName) ||
      !first.some((cell) => looksLikeTimestamp(cell) || NUMBER.test(cell.trim())));
  const columns = header ? uniqueNames(first) : first.map((_, i) => `column${i}`);
  return {
    delimiter: parsed.meta.delimiter,
    header,
    columns,
    rows: (header ? rows.slice(1) : rows).slice(0, PREVIEW_ROWS),
    empty: false,
  };
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column${i}` : raw.trim();
    let name = base;
    for (let n = 2; seen.has(name); n += 1) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

/** Previews a CSV/TSV file: delimiter, header, first rows, guessed mapping, timestamp format, dropped columns. */
export async function detectCsv(file: string, options: ImportOptions = {}): Promise<CsvPreview> {
  const d = await sniff(file, options);
  const mapping = guessMapping(d.columns, options);
  const tsIndex = mapping.fields.timestamp === undefined ? -1 : d.columns.indexOf(mapping.fields.timestamp);
  const format = tsIndex < 0 ? null : detectTimestampFormat(d.rows.map((r) => r[tsIndex] ?? ''));
  return {
    delimiter: d.delimiter,
    header: d.header,
    columns: d.columns,
    rows: d.rows,
    mapping: { ...mapping.fields, attributes: mapping.attributes },
    timestampFormat: options.timestampFormat ?? format?.label ?? null,
    attributes: mapping.attributes,
    droppedColumns: mapping.dropped,
  };
}

/** A CSV file read into a TEMP table of VARCHAR columns, in file order. */
export interface StagedCsv {
  table: string | null;
  columns: string[];
  /** Structural rejects (wrong column count, bad quoting) when skipping bad rows. */
  rejected: { count: number; first: SkippedRecord[] };
}

/**
 * Reads a CSV/TSV into a TEMP table with DuckDB's parallel reader: every column VARCHAR (ids like `NA`,
 * `null` stay text; only an empty field is NULL), quoted delimiters and newlines honoured. Structural errors
 * fail with the line DuckDB reports, or are collected as rejects when skipping bad rows.
 */
export async function stageCsv(
  db: DuckDBConnection,
  file: string,
  options: ImportOptions,
  pick: (columns: readonly string[]) => readonly string[],
): Promise<StagedCsv> {
  const total = (await stat(file)).size;
  options.onProgress?.({ done: 0, total, unit: 'bytes' });
  const d = await sniff(file, options);
  if (d.empty) return { table: null, columns: [], rejected: { count: 0, first: [] } };
  const table = tempName('csv');
  const rejects = tempName('rejects');
  const scans = tempName('scans');
  const columns = `{${d.columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}}`;
  const kept = pick(d.columns);
  const skip = options.skipBadRows === true;
  try {
    // Only the columns the import uses are staged: dropped identifier columns never land in a table.
    // Insertion order is preserved (DuckDB's default), so the staged rowid is the record's place in the file.
    await db.run(`CREATE TEMP TABLE ${table} AS SELECT ${kept.map(ident).join(', ')} FROM read_csv(${lit(file)},
      delim = ${lit(d.delimiter)}, quote = '"', escape = '"', header = ${d.header}, auto_detect = false,
      columns = ${columns}, strict_mode = true, null_padding = false
      ${skip ? `, store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)}` : ''})`);
  } catch (error) {
    throw new ImportError(file, `${csvErrorReason(error)}; nothing was imported`, csvErrorLine(error));
  }
  let rejected: StagedCsv['rejected'] = { count: 0, first: [] };
  if (skip) {
    const rows = (
      await db.runAndReadAll(
        `SELECT line, error_message, count(*) OVER () AS n FROM ${ident(rejects)} ORDER BY line LIMIT 10`,
      )
    ).getRowObjectsJS();
    rejected = {
      count: Number(rows[0]?.n ?? 0),
      first: rows.map((r) => ({
        record: Number(r.line),
        location: `line ${Number(r.line)}`,
        reason: String(r.error_message),
      })),
    };
    await db.run(`DROP TABLE IF EXISTS ${ident(rejects)}; DROP TABLE IF EXISTS ${ident(scans)}`);
  }
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { table, columns: d.columns, rejected };
}

/** DuckDB's CSV error without the offending line's text (which may hold patient data). */
function csvErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const expected = lines.find((l) => /^Expected Number of Columns/.test(l));
  if (expected) return `malformed CSV: ${expected.toLowerCase()}`;
  const first = (lines[0] ?? message).replace(/^[A-Za-z ]+Error: /, '');
  return /CSV Error on Line/.test(first)
    ? `malformed CSV: ${
        lines
          .slice(1)
          .find((l) => l.trim() !== '' && !/^Original Line/.test(l))
          ?.trim() ?? first
      }`
    : first;
}

function csvErrorLine(error: unknown): string | undefined {
  const m = /CSV Error on Line: (\d+)/.exec(error instanceof Error ? error.message : String(error));
  return m ? `line ${m[1]}` : undefined;
}
