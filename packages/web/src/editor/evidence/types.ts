import type { KpiDefinition } from '@pathlight/core';

/** Live numbers of one mapped step (a row of `POST /api/journeys/:id/metrics` `steps`). */
export interface StepEvidence {
  stepId: string;
  cases: number | null;
  conversionFromPrevious: number | null;
  dropOff: number | null;
  medianSecondsFromPrevious: number | null;
  /** Fields hidden by small-cell suppression (shown as "<11"). */
  suppressed: readonly string[];
}

/** A KPI's value on the current data (a row of the metrics `kpis`). */
export interface KpiEvidence {
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  p90Seconds?: number | null | undefined;
  suppressed: readonly string[];
}

/** An activity of the workspace's event data, with its counts. */
export interface ActivityEvidence {
  name: string;
  events: number | null;
  cases: number | null;
  suppressed: readonly string[];
}

/**
 * What the host knows about the workspace's event data, for the map: metrics per step and KPI,
 * the activities to map steps to, and the ready-made KPI library. `null` fields are not loaded.
 */
export interface MapEvidence {
  /** The workspace has event data at all (else metrics are not shown and "Map data" is quiet). */
  hasData: boolean;
  /** A refetch is under way: numbers stay on screen, dimmed. */
  loading: boolean;
  steps: readonly StepEvidence[] | null;
  kpis: readonly KpiEvidence[] | null;
  activities: readonly ActivityEvidence[] | null;
  library: readonly KpiDefinition[];
}
