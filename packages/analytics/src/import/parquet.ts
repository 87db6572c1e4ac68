import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportError } from './import-error';
import { lit } from './sql';
import { tempName } from './staging';
import type { ImportOptions } from './types';

/**
 * Reads a Parquet file into a TEMP table with every column cast to VARCHAR, in file order, so it goes
 * through the same mapping, timestamp parsing and validation as CSV. Typed timestamps survive the cast:
 * TIMESTAMP becomes naive ISO text, TIMESTAMPTZ ISO text with a `+00` offset.
 */
export async function stageParquet(
  db: DuckDBConnection,
  file: string,
  options: ImportOptions,
): Promise<{ table: string; columns: string[] }> {
  const total = (await stat(file)).size;
  options.onProgress?.({ done: 0, total, unit: 'bytes' });
  const table = tempName('parquet');
  try {
    await db.run(`CREATE TEMP TABLE ${table} AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${lit(file)})`);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ImportError(file, `not a readable Parquet file (${message.replace(/^[A-Za-z ]+Error: /, '')})`);
  }
  const columns = (
    await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${table})`)
  ).getColumnsJS()[0] as string[];
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { table, columns };
}
