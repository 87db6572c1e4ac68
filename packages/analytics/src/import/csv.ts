import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { ImportError, quoteName } from './import-error';
import { bytes, count, MAX_COLUMNS, MAX_FIELD_BYTES, MAX_LINE_BYTES } from './limits';
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
  const first = rows[0] ?? [];
  // Counted before anything else looks at the names (a cut first row has at least this many).
  const firstRowCut = truncated && rows.length < 2;
  if (first.length > MAX_COLUMNS) {
    throw new ImportError(
      file,
      `the first row has ${firstRowCut ? 'more than ' : ''}${count(firstRowCut ? MAX_COLUMNS : first.length)} columns; at most ${count(MAX_COLUMNS)} are supported; nothing was imported`,
      'line 1',
    );
  }
  if (firstRowCut) {
    throw new ImportError(
      file,
      `the first row is longer than ${bytes(SNIFF_BYTES)}; a header that long is not supported; nothing was imported`,
      'line 1',
    );
  }
  // A sample cut mid-record leaves a partial last row.
  if (truncated && rows.length > PREVIEW_ROWS + 1) rows.pop();
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

/** Header names made unique (`a`, `a_2`, `a_3`…; blank ones `column<i>`), in linear time. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column${i}` : raw.trim();
    let name = base;
    if (seen.has(name)) {
      let n = nextSuffix.get(base) ?? 2;
      do {
        name = `${base}_${n}`;
        n += 1;
      } while (seen.has(name));
      nextSuffix.set(base, n);
    }
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
  if (d.empty) {
    // An empty file is an empty log, unless columns were named: they are not in it.
    if (options.columns !== undefined && Object.keys(options.columns).length > 0) pick([]);
    return { table: null, columns: [], rejected: { count: 0, first: [] } };
  }
  await checkSizes(file, d);
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
      columns = ${columns}, strict_mode = true, null_padding = false, max_line_size = ${DUCKDB_LINE_BYTES}
      ${skip ? `, store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)}` : ''})`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(file, `${csvProblem(message)}; nothing was imported`, csvErrorLine(message));
  }
  let rejected: StagedCsv['rejected'] = { count: 0, first: [] };
  if (skip) {
    // One entry per line (DuckDB may report several errors for one line), the leftmost error first.
    const rows = (
      await db.runAndReadAll(
        `SELECT line, first(error_type ORDER BY column_idx) AS type, first(column_name ORDER BY column_idx) AS col,
          first(error_message ORDER BY column_idx) AS message, count(*) OVER () AS n
        FROM ${ident(rejects)} GROUP BY line ORDER BY line LIMIT 10`,
      )
    ).getRowObjectsJS();
    rejected = {
      count: Number(rows[0]?.n ?? 0),
      first: rows.map((r) => ({
        record: Number(r.line),
        location: `line ${Number(r.line)}${typeof r.col === 'string' ? `, column ${quoteName(r.col)}` : ''}`,
        reason: csvProblem(`${String(r.type)}: ${String(r.message)}`),
      })),
    };
    await db.run(`DROP TABLE IF EXISTS ${ident(rejects)}; DROP TABLE IF EXISTS ${ident(scans)}`);
  }
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { table, columns: d.columns, rejected };
}

/**
 * What is wrong, from DuckDB's CSV error (or a rejects-table `type: message`), in our own words: DuckDB's
 * text quotes the offending line, which may hold patient data, so none of it is passed on.
 */
function csvProblem(message: string): string {
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(message);
  if (columns) return `malformed CSV: expected ${columns[1]} fields, found ${columns[2]}`;
  if (/unterminated quote|UNQUOTED VALUE/i.test(message))
    return 'malformed CSV: a quoted field is not closed, or a quote stands inside an unquoted field';
  if (/invalid unicode|INVALID ENCODING/i.test(message)) return 'not UTF-8 text (save the file as UTF-8)';
  if (/maximum line size|LINE SIZE OVER MAXIMUM/i.test(message))
    return `a record longer than ${bytes(MAX_LINE_BYTES)}; at most ${count(MAX_LINE_BYTES)} bytes are supported`;
  return 'malformed CSV: the file could not be read as CSV with this delimiter';
}

function csvErrorLine(message: string): string | undefined {
  const m = /CSV Error on Line: (\d+)/.exec(message);
  return m ? `line ${m[1]}` : undefined;
}

/** DuckDB's own line limit, a little above ours: `checkSizes` has already enforced ours exactly. */
const DUCKDB_LINE_BYTES = MAX_LINE_BYTES + 64 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
/** States of the field scan: between fields or in an unquoted one, in a quoted one, just after a quote in one. */
const PLAIN = 0;
const QUOTED = 1;
const QUOTE_SEEN = 2;

/**
 * Reads the whole file once before DuckDB does and fails with the line (and column) of the first record
 * longer than MAX_LINE_BYTES or field longer than MAX_FIELD_BYTES. DuckDB's own line limit is not enough:
 * on a huge line it fails with a misleading error or, when skipping bad rows, drops the line without
 * reporting it. The scan jumps from newline to quote (~1 GB/s), and only looks at the fields of a record
 * longer than MAX_FIELD_BYTES. It reads chunk by chunk, so the event loop stays free.
 */
async function checkSizes(file: string, d: Dialect): Promise<void> {
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let offset = 0;
  let scanned = -1;
  const scan = async () => {
    scanned = recordStart;
    await scanRecord(file, d, recordStart, recordLine);
  };
  for await (const data of createReadStream(file)) {
    const chunk = data as Buffer;
    let nextLf = chunk.indexOf(LF);
    let nextQuote = chunk.indexOf(QUOTE);
    while (nextLf >= 0 || nextQuote >= 0) {
      if (nextQuote >= 0 && (nextLf < 0 || nextQuote < nextLf)) {
        inQuotes = !inQuotes; // a doubled (escaped) quote flips twice
        nextQuote = chunk.indexOf(QUOTE, nextQuote + 1);
        continue;
      }
      line += 1;
      if (!inQuotes) {
        if (offset + nextLf - recordStart > MAX_FIELD_BYTES && scanned !== recordStart) await scan();
        recordStart = offset + nextLf + 1;
        recordLine = line;
      }
      nextLf = chunk.indexOf(LF, nextLf + 1);
    }
    offset += chunk.length;
    // A record still open is looked at as soon as it is long, so a huge one stops the read early.
    if (offset - recordStart > MAX_FIELD_BYTES && scanned !== recordStart) await scan();
  }
}

/**
 * Follows one long record field by field from its first byte (a quote opens a quoted field only at its
 * start, as DuckDB reads it) until it ends; throws at the first field or the record growing too long.
 */
async function scanRecord(file: string, d: Dialect, start: number, line: number): Promise<void> {
  const delimiter = Buffer.from(d.delimiter);
  // A multi-byte delimiter only gets the record check.
  const delim = delimiter.length === 1 ? (delimiter[0] ?? -1) : -1;
  let state = PLAIN;
  let column = 0;
  let fieldStart = 0;
  let offset = 0;
  const tooLong = (what: 'field' | 'record') => {
    const limit = what === 'field' ? MAX_FIELD_BYTES : MAX_LINE_BYTES;
    const name =
      d.header && column < d.columns.length ? quoteName(d.columns[column] ?? '') : String(column + 1);
    return new ImportError(
      file,
      `a ${what} longer than ${bytes(limit)} (or a quote that is never closed); at most ${count(limit)} bytes are supported; nothing was imported`,
      what === 'field' ? `line ${line}, column ${name}` : `line ${line}`,
    );
  };
  for await (const data of createReadStream(file, { start, end: start + MAX_LINE_BYTES })) {
    const chunk = data as Buffer;
    for (let i = 0; i < chunk.length; i += 1) {
      const b = chunk[i];
      if (state === QUOTED) {
        if (b === QUOTE) state = QUOTE_SEEN;
        continue;
      }
      if (state === QUOTE_SEEN) {
        state = PLAIN;
        if (b === QUOTE) {
          state = QUOTED; // an escaped quote
          continue;
        }
      }
      if (b === QUOTE) {
        if (offset + i === fieldStart) state = QUOTED;
      } else if (b === delim || b === LF) {
        if (delim >= 0 && offset + i - fieldStart > MAX_FIELD_BYTES) throw tooLong('field');
        if (b === LF) return;
        column += 1;
        fieldStart = offset + i + 1;
      }
    }
    offset += chunk.length;
    if (delim >= 0 && offset - fieldStart > MAX_FIELD_BYTES) throw tooLong('field');
  }
  if (offset > MAX_LINE_BYTES) throw tooLong('record');
}
