import { describe, expect, it } from 'vitest';
import { initialViewport, nodeSize, roundedPath } from './layout';

describe('process map layout helpers', () => {
  it('opens a small graph whole and centred, a large one at its top at a readable zoom', () => {
    const small = initialViewport({ width: 400, height: 300 }, { width: 848, height: 648 });
    expect(small.zoom).toBe(1.1);
    expect(small.x).toBeCloseTo(204);
    expect(small.y).toBeCloseTo(159);
    // Start at x=1700 of a 2000-wide graph: shown in the middle, the graph's right edge at the padding
    const big = initialViewport({ width: 2000, height: 3000 }, { width: 1000, height: 600 }, 1700);
    expect(big.zoom).toBe(0.7);
    expect(big.y).toBe(24);
    expect(big.x).toBeCloseTo(1000 - 24 - 2000 * 0.7);
    expect(initialViewport({ width: 2000, height: 3000 }, { width: 1000, height: 600 }, 900).x).toBeCloseTo(
      500 - 900 * 0.7,
    );
    expect(initialViewport({ width: 2000, height: 3000 }, { width: 1000, height: 600 }, 10).x).toBe(24);
  });

  it('sizes busier activities larger and rounds route corners', () => {
    expect(nodeSize('activity', 0)).toEqual({ width: 200, height: 60 });
    expect(nodeSize('activity', 1)).toEqual({ width: 260, height: 70 });
    expect(nodeSize('start', 1)).toEqual({ width: 120, height: 44 });
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 0, y: 100 },
        { x: 100, y: 100 },
      ]),
    ).toBe('M 0 0 L 0 92 Q 0 100 8 100 L 100 100');
    expect(roundedPath([])).toBe('');
  });
});
