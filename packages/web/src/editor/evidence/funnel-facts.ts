import { orderedSteps, type Stage } from '@pathlight/core';
import type { FunnelFacts, StepEvidence } from './types';

/** A mapped step's funnel facts before the numbers are known, and the mapped step just before it. */
export interface FunnelPlace extends Omit<FunnelFacts, 'moreThanStepBefore'> {
  stepBefore: string | null;
}

/**
 * Each mapped step's place in the ordered funnel, as the server measures it: steps without activities
 * are not measured; a step is measured from the last required (non-optional) mapped step before it, so
 * an optional step never anchors a later one. `activitiesInData` names the activities that have events
 * (null while unknown: then no step is said to lack data).
 */
export function funnelPlaces(
  stages: readonly Stage[],
  activitiesInData: ReadonlySet<string> | null,
): Map<string, FunnelPlace> {
  const out = new Map<string, FunnelPlace>();
  let anchor: { name: string; noData: boolean } | null = null;
  let before: string | null = null;
  for (const s of orderedSteps({ stages: [...stages] })) {
    if (s.activities.length === 0) continue;
    const noData = activitiesInData !== null && !s.activities.some((a) => activitiesInData.has(a));
    out.set(s.id, {
      measuredFrom: anchor?.name ?? null,
      optional: s.optional,
      noData,
      fromNoData: anchor?.noData ?? false,
      stepBefore: before,
    });
    if (!s.optional) anchor = { name: s.name, noData };
    before = s.id;
  }
  return out;
}

/**
 * The metrics rows with their funnel facts attached: their place in the funnel, and whether they show
 * more patients than the mapped step just before them (both counts shown). Rows of steps no longer on
 * the map pass as they are.
 */
export function withFunnelFacts(
  rows: readonly StepEvidence[],
  places: ReadonlyMap<string, FunnelPlace>,
): StepEvidence[] {
  const cases = new Map(rows.map((r) => [r.stepId, r.suppressed.includes('cases') ? null : r.cases]));
  return rows.map((r) => {
    const place = places.get(r.stepId);
    if (!place) return r;
    const { stepBefore, ...facts } = place;
    const here = cases.get(r.stepId) ?? null;
    const there = stepBefore === null ? null : (cases.get(stepBefore) ?? null);
    return {
      ...r,
      funnel: { ...facts, moreThanStepBefore: here !== null && there !== null && here > there },
    };
  });
}

/**
 * Whether a step's drop-off may be claimed: a required step with data of its own, measured from a step
 * with data. Optional steps (a detour, not a loss) and steps whose activities have no events are never
 * "the biggest drop-off" and get no colour band.
 */
export function claimsDropOff(s: StepEvidence): boolean {
  const f = s.funnel;
  return !f || (!f.optional && !f.noData && !f.fromNoData);
}

/** The note a step showing more patients than the step before it carries. */
export const MORE_THAN_BEFORE_NOTE =
  'More patients than the step before: some reached it without the earlier step.';

/** The one-line description of the funnel the map uses (the scale key and the step detail say it). */
export const FUNNEL_MODE_TEXT =
  'Ordered funnel: a patient counts at a step when they reached it after the step it is measured from (the last required step before it). Optional steps are measured the same way but never start a later step’s count.';
