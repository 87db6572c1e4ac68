import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportError, quoteName } from './import-error';
import { bytes, count, MAX_COLUMNS, MAX_FIELD_BYTES } from './limits';
import { ident, lit } from './sql';
import { tempName } from './staging';
import type { ImportOptions } from './types';

/**
 * Reads a Parquet file into a TEMP table, each used column cast to VARCHAR, in file order (DuckDB preserves
 * insertion order), so it goes through the same mapping, timestamp parsing and validation as CSV. Typed
 * timestamps survive the cast: TIMESTAMP becomes naive ISO text, TIMESTAMPTZ ISO text with a `+00` offset.
 * `pick` chooses the columns to stage from all of the file's; the others never land in a table.
 */
export async function stageParquet(
  db: DuckDBConnection,
  file: string,
  options: ImportOptions,
  pick: (columns: readonly string[]) => readonly string[],
): Promise<{ table: string; columns: string[] }> {
  const total = (await stat(file)).size;
  options.onProgress?.({ done: 0, total, unit: 'bytes' });
  let columns: string[];
  try {
    columns = (
      await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${lit(file)}))`)
    ).getColumnsJS()[0] as string[];
  } catch {
    // DuckDB's message names our path on the server and may quote the file's bytes: not passed on.
    throw new ImportError(
      file,
      'not a readable Parquet file (damaged, cut off or not Parquet); nothing was imported',
    );
  }
  if (columns.length > MAX_COLUMNS) {
    throw new ImportError(
      file,
      `the file has ${count(columns.length)} columns; at most ${count(MAX_COLUMNS)} are supported; nothing was imported`,
    );
  }
  const table = tempName('parquet');
  const used = pick(columns);
  const kept = used.map((c) => `${ident(c)}::VARCHAR AS ${ident(c)}`);
  await db.run(`CREATE TEMP TABLE ${table} AS SELECT ${kept.join(', ')} FROM read_parquet(${lit(file)})`);
  await checkValueSizes(db, file, table, used);
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { table, columns };
}

/** Columns whose longest value is checked per query (see CHECK_BATCH in tabular.ts). */
const SIZE_BATCH = 50;

/** Fails with the record and column of the first staged value longer than MAX_FIELD_BYTES. */
async function checkValueSizes(
  db: DuckDBConnection,
  file: string,
  table: string,
  columns: readonly string[],
): Promise<void> {
  for (let from = 0; from < columns.length; from += SIZE_BATCH) {
    const batch = columns.slice(from, from + SIZE_BATCH);
    const longest = (
      await db.runAndReadAll(
        `SELECT ${batch.map((c) => `coalesce(max(strlen(${ident(c)})), 0)`).join(', ')} FROM ${table}`,
      )
    ).getRowsJS()[0];
    const i = (longest ?? []).findIndex((n) => Number(n) > MAX_FIELD_BYTES);
    const column = batch[i];
    if (column === undefined) continue;
    const rec = (
      await db.runAndReadAll(
        `SELECT min(rowid) + 1 FROM ${table} WHERE strlen(${ident(column)}) > ${MAX_FIELD_BYTES}`,
      )
    ).getRowsJS()[0]?.[0];
    throw new ImportError(
      file,
      `a value longer than ${bytes(MAX_FIELD_BYTES)}; at most ${count(MAX_FIELD_BYTES)} bytes are supported; nothing was imported`,
      `record ${Number(rec)}, column ${quoteName(column)}`,
    );
  }
}
