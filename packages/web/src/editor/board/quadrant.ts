import type { Opportunity } from '@pathlight/core';

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

export const QUADRANT_LABELS: Record<Quadrant, { title: string; hint: string }> = {
  'quick-win': { title: 'Quick wins', hint: 'High impact, low effort: do these first' },
  'big-bet': { title: 'Big bets', hint: 'High impact, high effort: plan them' },
  'fill-in': { title: 'Fill-ins', hint: 'Low impact, low effort: when there is time' },
  'money-pit': { title: 'Money pits', hint: 'Low impact, high effort: avoid' },
};

/** Impact and effort run 1–5; 3 and above counts as high (the midline belongs to the upper half). */
export function quadrantOf(o: Pick<Opportunity, 'impact' | 'effort'>): Quadrant {
  const highImpact = o.impact >= 3;
  const highEffort = o.effort >= 3;
  if (highImpact) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

/** Snaps a point in the matrix (0…1 from the left and from the top) to effort and impact 1–5. */
export function snapToScores(fx: number, fy: number): { effort: number; impact: number } {
  const clamp = (v: number) => Math.max(1, Math.min(5, v));
  return { effort: clamp(Math.round(1 + fx * 4)), impact: clamp(Math.round(5 - fy * 4)) };
}
