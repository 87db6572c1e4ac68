import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportError } from './import-error';
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
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ImportError(file, `not a readable Parquet file (${message.replace(/^[A-Za-z ]+Error: /, '')})`);
  }
  const table = tempName('parquet');
  const kept = pick(columns).map((c) => `${ident(c)}::VARCHAR AS ${ident(c)}`);
  await db.run(`CREATE TEMP TABLE ${table} AS SELECT ${kept.join(', ')} FROM read_parquet(${lit(file)})`);
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { table, columns };
}
