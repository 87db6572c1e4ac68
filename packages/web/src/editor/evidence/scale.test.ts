import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../lib/format';
import { severityOf, stepScale } from './scale';
import type { StepEvidence } from './types';

describe('worst-step scale', () => {
  const step = (stepId: string, conv: number | null, dropOff: number | null, suppressed: string[] = []) =>
    ({
      stepId,
      cases: 100,
      conversionFromPrevious: conv,
      dropOff,
      medianSecondsFromPrevious: null,
      suppressed,
    }) satisfies StepEvidence;

  it('bands conversions', () => {
    expect([0.95, 0.9, 0.8, 0.6, 0.3].map(severityOf)).toEqual([0, 0, 1, 2, 3]);
    // Banded as shown: 74.8% reads "75%" and keeps 75–89%; 89.4% reads "89%" and stays below 90.
    expect([0.748, 0.744, 0.895, 0.894, 0.496].map((c) => [formatPercent(c), severityOf(c)])).toEqual([
      ['75%', 1],
      ['74%', 2],
      ['90%', 0],
      ['89%', 1],
      ['50%', 2],
    ]);
  });

  it('marks the lowest conversion as worst, breaking ties by patients lost', () => {
    const { bands, worstStepId } = stepScale([
      step('first', null, null),
      step('b', 0.8, 20),
      step('c', 0.55, 45),
      step('d', 0.55, 90),
      step('e', 0.95, 5),
    ]);
    expect(worstStepId).toBe('d');
    expect([...bands]).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['e', 0],
    ]);
  });

  it('never picks a suppressed step, and has no worst step when nobody is lost', () => {
    expect(
      stepScale([step('a', null, null), step('b', 0.2, null, ['conversionFromPrevious'])]).worstStepId,
    ).toBeNull();
    expect(stepScale([step('a', null, null), step('b', 1, 0), step('c', 1, 0)]).worstStepId).toBeNull();
    // one comparable step is not "the worst" of anything
    expect(stepScale([step('a', null, null), step('b', 0.3, 70)]).worstStepId).toBeNull();
  });
});
