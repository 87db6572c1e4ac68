import { describe, expect, it } from 'vitest';
import { quadrantOf, snapToScores } from './quadrant';

describe('quadrantOf', () => {
  it('classifies by impact and effort with 3 counting as high', () => {
    expect(quadrantOf({ impact: 5, effort: 1 })).toBe('quick-win');
    expect(quadrantOf({ impact: 3, effort: 3 })).toBe('big-bet');
    expect(quadrantOf({ impact: 2, effort: 2 })).toBe('fill-in');
    expect(quadrantOf({ impact: 1, effort: 4 })).toBe('money-pit');
  });
});

describe('snapToScores', () => {
  it('maps the matrix corners and centre, clamping outside points', () => {
    expect(snapToScores(0, 0)).toEqual({ effort: 1, impact: 5 });
    expect(snapToScores(1, 1)).toEqual({ effort: 5, impact: 1 });
    expect(snapToScores(0.5, 0.5)).toEqual({ effort: 3, impact: 3 });
    expect(snapToScores(-0.3, 1.4)).toEqual({ effort: 1, impact: 1 });
    expect(snapToScores(0.3, 0.2)).toEqual({ effort: 2, impact: 4 });
  });
});
