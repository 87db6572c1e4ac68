import { describe, expect, it } from 'vitest';
import { fitViewport, nodeSize, placeLabels, pointAlong, roundedPath } from './layout';

describe('process map layout helpers', () => {
  it('fits the whole graph centred in its box, a small one at most a little larger than life', () => {
    const small = fitViewport({ width: 400, height: 300 }, { width: 848, height: 648 });
    expect(small.zoom).toBe(1.1);
    expect(small.x).toBeCloseTo(204);
    expect(small.y).toBeCloseTo(159);
    // a tall graph on a phone-width box: the width decides, all of it inside the padding
    const tall = fitViewport({ width: 2000, height: 3000 }, { width: 366, height: 560 });
    expect(tall.zoom).toBeCloseTo((366 - 32) / 2000);
    expect(tall.x).toBeCloseTo(16);
    expect(tall.y).toBeGreaterThanOrEqual(16);
    expect(tall.y + 3000 * tall.zoom).toBeLessThanOrEqual(560 - 16);
    // a wide one in a desktop box: the height decides
    const wide = fitViewport({ width: 1000, height: 4000 }, { width: 900, height: 640 });
    expect(wide.zoom).toBeCloseTo(608 / 4000);
    expect(wide.x + 1000 * wide.zoom).toBeLessThanOrEqual(900);
    // room kept above for the zoom buttons
    const under = fitViewport({ width: 1000, height: 4000 }, { width: 900, height: 640 }, 16, 56);
    expect(under.zoom).toBeCloseTo((640 - 56 - 16) / 4000);
    expect(under.y).toBeCloseTo(56);
  });

  it('sizes busier activities larger and rounds route corners', () => {
    expect(nodeSize('activity', 0)).toEqual({ width: 200, height: 64 });
    expect(nodeSize('activity', 1)).toEqual({ width: 260, height: 74 });
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

  it('places labels where they cover no node and no other label, and leaves out one with no room', () => {
    const line = (x: number) => [
      { x, y: 0 },
      { x, y: 200 },
    ];
    const layout = {
      nodes: new Map([['n', { x: 200, y: 90, width: 100, height: 20 }]]),
      edges: new Map([
        ['a', { points: line(0), label: null }],
        ['b', { points: line(10), label: null }], // right beside a: its label moves along the line
        ['c', { points: line(250), label: null }], // through the node's middle
        ['d', { points: line(5), label: null }], // a third between them: further along still
      ]),
    };
    const texts = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: '1,234' }));
    const placed = placeLabels(layout, texts, 14);
    expect(placed.get('a')).toEqual({ x: 0, y: 100 });
    expect(placed.get('b')).toEqual({ x: 10, y: 70 });
    expect(placed.get('c')).toEqual({ x: 250, y: 70 });
    expect(placed.get('d')).toEqual({ x: 5, y: 130 });
    // six labels on one line: three fit, the others wait until pointed at
    const crowded = {
      nodes: new Map(),
      edges: new Map(['1', '2', '3', '4', '5', '6'].map((id) => [id, { points: line(0), label: null }])),
    };
    const some = placeLabels(
      crowded,
      [...crowded.edges.keys()].map((id) => ({ id, text: '1,234' })),
      14,
    );
    expect([...some.values()].map((p) => p.y)).toEqual([100, 70, 130]);
    expect(pointAlong(line(0), 0.25)).toEqual({ x: 0, y: 50 });
  });
});
