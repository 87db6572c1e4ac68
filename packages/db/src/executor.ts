import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle handle on either driver, or a transaction on it: repositories run on any of these. */
export type Executor = PgDatabase<PgQueryResultHKT>;

/** The storage clock, as a Date (columns) — kept in one place so every write stamps the same way. */
export function now(): Date {
  return new Date();
}

/** A column instant as an ISO 8601 UTC string. */
export function iso(date: Date): string {
  return date.toISOString();
}

/** An optional column instant as an ISO string, keeping null. */
export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** Parses an ISO instant given to the storage layer, naming the field when it is not a valid date. */
export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`@pathlight/db: ${field} is not an ISO 8601 instant: "${value}"`);
  return date;
}
