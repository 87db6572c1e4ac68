import type { SuppressibleRow } from './types';

/** A row of a list found in the data (`{ [key]: name, cases }`: top paths, start and end activities). */
export interface CountedRow extends SuppressibleRow {
  name: string;
  cases: number | null;
}

/**
 * Rows of a found list with their fields typed: the API schema names the row's key at run time
 * (`activity`, `name`), so the typed client types these rows loosely.
 */
export function countedRows(rows: readonly object[], key: string): CountedRow[] {
  return rows.map((row) => {
    const r = row as Record<string, unknown>;
    const reasons = r.suppressedReasons;
    return {
      name: String(r[key]),
      cases: typeof r.cases === 'number' ? r.cases : null,
      suppressed: Array.isArray(r.suppressed) ? r.suppressed.map(String) : [],
      suppressedReasons:
        reasons !== null && typeof reasons === 'object' ? (reasons as Record<string, string>) : {},
    };
  });
}
