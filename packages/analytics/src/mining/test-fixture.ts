import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { JourneyInput } from '@pathlight/core';
import { JourneyContent } from '@pathlight/core';
import { assignCaseNumbers, ensureEventsTable } from '../events-table';

/** A hand-written event for tests: hours after T0 (2025-03-01T00:00:00Z). */
export interface TestEvent {
  case: string;
  activity: string;
  hours: number;
  channel?: string;
  attrs?: Record<string, string | number>;
  cost?: number;
}

export const T0 = Date.UTC(2025, 2, 1);

/** An in-memory DuckDB with the events table holding `events`; seq follows array order. */
export async function eventsDb(events: readonly TestEvent[]): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await fillEvents(conn, events);
  return conn;
}

/** Writes `events` (seq following array order) into the events table of `conn`, creating it if needed. */
export async function fillEvents(conn: DuckDBConnection, events: readonly TestEvent[]): Promise<void> {
  await ensureEventsTable(conn);
  for (const [i, e] of events.entries()) {
    await conn.run(
      `INSERT INTO events (source_id, seq, case_id, activity, ts, channel, attrs, cost)
        VALUES ('test', $1, $2, $3, $4::TIMESTAMP, $5, $6::JSON, $7)`,
      [
        i + 1,
        e.case,
        e.activity,
        new Date(T0 + e.hours * 3_600_000).toISOString(),
        e.channel ?? null,
        e.attrs ? JSON.stringify(e.attrs) : null,
        e.cost ?? null,
      ],
    );
  }
  await assignCaseNumbers(conn);
}

/**
 * "Small clinic": six fictional cases with hand-computed results (see the analytics README).
 * Case `NA` is a real id; F has three events at the same second (order by seq) and its survey row
 * comes first in the file but last in time.
 */
export const CLINIC: readonly TestEvent[] = [
  { case: 'NA', activity: 'Lead', hours: 0, channel: 'web', attrs: { location: 'Nord' } },
  { case: 'NA', activity: 'Book', hours: 1 },
  { case: 'NA', activity: 'Visit', hours: 25 },
  { case: 'NA', activity: 'Survey', hours: 26, attrs: { nps: 9, csat: 5 } },
  { case: 'b', activity: 'Lead', hours: 0, attrs: { location: 'Süd' } },
  { case: 'b', activity: 'Book', hours: 2, channel: 'phone' },
  { case: 'b', activity: 'Book', hours: 3 },
  { case: 'b', activity: 'Visit', hours: 50 },
  { case: 'b', activity: 'Survey', hours: 51, attrs: { nps: 10, csat: 4 } },
  { case: 'c', activity: 'Lead', hours: 0, attrs: { location: 'Nord' } },
  { case: 'c', activity: 'Visit', hours: 5 },
  { case: 'c', activity: 'Survey', hours: 6, attrs: { nps: '7', csat: 3 } },
  { case: 'd', activity: 'Book', hours: 0, channel: 'phone' },
  { case: 'd', activity: 'Lead', hours: 1 },
  { case: 'd', activity: 'Visit', hours: 10 },
  { case: 'e', activity: 'Lead', hours: 10, channel: 'web', attrs: { location: 'Nord' } },
  { case: 'f', activity: 'Survey', hours: 4, attrs: { nps: 0, csat: 1 } },
  { case: 'f', activity: 'Lead', hours: 2, channel: 'web', attrs: { location: 'Süd' } },
  { case: 'f', activity: 'Überweisung', hours: 2 },
  { case: 'f', activity: 'Book', hours: 2 },
];

const clinicJourney: JourneyInput = {
  schemaVersion: 2,
  name: 'Small clinic',
  lanes: [],
  stages: [
    {
      id: 'find',
      name: 'Find',
      steps: [
        { id: 'lead', name: 'Lead', activities: ['Lead'] },
        { id: 'note', name: 'Reads about us' },
      ],
    },
    {
      id: 'care',
      name: 'Care',
      steps: [
        { id: 'book', name: 'Book', activities: ['Book'] },
        { id: 'ref', name: 'Referral', optional: true, activities: ['Überweisung'] },
        { id: 'visit', name: 'Visit', activities: ['Visit'] },
        { id: 'survey', name: 'Survey', activities: ['Survey'] },
      ],
    },
  ],
  kpis: [
    {
      id: 'book-per-lead',
      name: 'Bookings per lead',
      kind: 'rate',
      numerator: ['Book'],
      denominator: ['Lead'],
    },
    {
      id: 'surveyed',
      name: 'Visited patients surveyed',
      kind: 'rate',
      numerator: ['Survey'],
      denominator: ['Visit'],
      countOver: 'cases',
    },
    {
      id: 'lead-visit',
      name: 'Lead to visit',
      kind: 'conversion',
      from: { stepId: 'lead' },
      to: { stepId: 'visit' },
    },
    {
      id: 'lead-visit-1d',
      name: 'Lead to visit within a day',
      kind: 'conversion',
      from: { stepId: 'lead' },
      to: { stepId: 'visit' },
      windowDays: 1,
    },
    {
      id: 'lead-survey',
      name: 'Lead to survey',
      kind: 'duration',
      from: { activities: ['Lead'] },
      to: { stepId: 'survey' },
    },
    { id: 'nps', name: 'NPS', kind: 'score', scale: 'nps', activity: 'Survey', attribute: 'nps' },
    { id: 'csat', name: 'CSAT', kind: 'score', scale: 'csat', activity: 'Survey', attribute: 'csat' },
  ],
};

/** The journey the clinic fixture is measured against (parsed, defaults applied). */
export const CLINIC_JOURNEY = JourneyContent.parse(clinicJourney);
