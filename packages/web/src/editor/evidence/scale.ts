import { claimsDropOff } from './funnel-facts';
import type { StepEvidence } from './types';

/** How bad a step's conversion is: 0 fine (≥ 90 %), 1 watch (≥ 75 %), 2 poor (≥ 50 %), 3 severe. */
export type Severity = 0 | 1 | 2 | 3;

export const SEVERITY_WORDS: Record<Severity, string> = {
  0: 'Keeps ≥ 90%',
  1: 'Keeps 75–89%',
  2: 'Keeps 50–74%',
  3: 'Keeps < 50%',
};

/**
 * The severity band of a conversion share, judged on the whole percent the step shows, so a step
 * labelled "75%" never sits in the "50–74%" band.
 */
export function severityOf(conversion: number): Severity {
  const shown = Math.round(conversion * 100);
  if (shown >= 90) return 0;
  if (shown >= 75) return 1;
  if (shown >= 50) return 2;
  return 3;
}

/**
 * The colour scale of the map's steps: a band per step with a visible conversion, and the worst
 * step (lowest conversion; ties: more patients lost, then the earlier step) marked on its own when
 * at least two steps can be compared.
 * Steps whose conversion is unknown or suppressed get no band and cannot be the worst; nor can
 * optional steps (a detour is not a loss) and steps with no events in the data (see `claimsDropOff`).
 */
export function stepScale(steps: readonly StepEvidence[]): {
  bands: Map<string, Severity>;
  worstStepId: string | null;
} {
  const bands = new Map<string, Severity>();
  let worst: StepEvidence | null = null;
  for (const s of steps) {
    const c = s.conversionFromPrevious;
    if (c === null || s.suppressed.includes('conversionFromPrevious') || !claimsDropOff(s)) continue;
    bands.set(s.stepId, severityOf(c));
    const w = worst?.conversionFromPrevious ?? Number.POSITIVE_INFINITY;
    if (c < w || (c === w && (s.dropOff ?? 0) > (worst?.dropOff ?? 0))) worst = s;
  }
  // "Worst" needs something to compare with, and a funnel where nobody is lost has no worst step.
  const worstStepId =
    bands.size >= 2 && worst && (worst.conversionFromPrevious ?? 1) < 1 ? worst.stepId : null;
  return { bands, worstStepId };
}
