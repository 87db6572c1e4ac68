import type { KpiDefinition } from '@pathlight/core';
import type { SuppressibleRow } from '../../api/types';

/** Live numbers of one mapped step (a row of `POST /api/journeys/:id/metrics` `steps`). */
export interface StepEvidence extends SuppressibleRow {
  stepId: string;
  cases: number | null;
  conversionFromPrevious: number | null;
  dropOff: number | null;
  medianSecondsFromPrevious: number | null;
  /**
   * How the host reads the step in the ordered funnel (see `funnelFacts`): absent when unknown, and then
   * the step is read as a plain required step measured from the one before.
   */
  funnel?: FunnelFacts | undefined;
}

/**
 * A step's place in the ordered funnel: a patient counts at a step when they reached it after the step
 * it is measured from (the last required mapped step before it); optional steps never anchor later ones.
 */
export interface FunnelFacts {
  /** The name of the step this one is measured from; null for the first measured step. */
  measuredFrom: string | null;
  optional: boolean;
  /** None of the step's activities has an event in the data. */
  noData: boolean;
  /** The step it is measured from has no events in the data, so nothing can be lost on the way. */
  fromNoData: boolean;
  /**
   * More patients than the mapped step just before it on the map (an optional step, or a step it is not
   * measured from): some patients reached it without that step.
   */
  moreThanStepBefore: boolean;
}

/** A KPI's value on the current data (a row of the metrics `kpis`). */
export interface KpiEvidence extends SuppressibleRow {
  id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  p90Seconds?: number | null | undefined;
}

/** An activity of the workspace's event data, with its counts. */
export interface ActivityEvidence extends SuppressibleRow {
  name: string;
  events: number | null;
  cases: number | null;
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
