import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { denseProcessMap } from './dense-map.fixture';
import { buildGraph, type Graph } from './graph';
import { LABELLED_PATHS } from './labels';
import type { Layout } from './layout';
import ProcessGraph from './process-graph';

// ELK is not what this test is about: a column of nodes, each edge a straight line between them.
vi.mock('./layout', async (original) => {
  const real = await original<typeof import('./layout')>();
  return {
    ...real,
    layoutGraph: async (graph: Graph): Promise<Layout> => {
      const nodes: Layout['nodes'] = new Map();
      graph.nodes.forEach((n, i) => {
        nodes.set(n.id, { x: (i % 4) * 400, y: Math.floor(i / 4) * 250, width: 200, height: 64 });
      });
      const edges: Layout['edges'] = new Map();
      for (const e of graph.edges) {
        const a = nodes.get(e.source);
        const b = nodes.get(e.target);
        if (!a || !b) continue;
        const points = [
          { x: a.x + 100, y: a.y + 64 },
          { x: b.x + 100, y: b.y },
        ];
        edges.set(e.id, { points, label: real.pointAlong(points, 0.5) });
      }
      return { nodes, edges, width: 1400, height: Math.ceil(graph.nodes.length / 4) * 250 };
    },
  };
});

// happy-dom lays nothing out: give the map's box a laptop-sized canvas.
const size = { clientWidth: 700, clientHeight: 640, offsetWidth: 700, offsetHeight: 640 };
const saved = Object.keys(size).map(
  (k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const,
);
beforeAll(() => {
  for (const [k, v] of Object.entries(size))
    Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v });
});
afterAll(() => {
  for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
});
afterEach(cleanup);

const dense = (maxPaths: number) =>
  buildGraph(denseProcessMap(), { maxActivities: 20, maxPaths, designed: null });

/** The zoom React Flow draws at, from the viewport's transform. */
function zoom(): number {
  const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
}

async function draw(graph: Graph) {
  const ready = vi.fn();
  render(<ProcessGraph graph={graph} labels="frequency" highlight={null} onReady={ready} />);
  await waitFor(() => expect(ready).toHaveBeenCalled(), { timeout: 10_000 });
  return screen.getByRole('application', { name: 'Process map' });
}

describe('ProcessGraph controls', () => {
  it('has Zoom in, Zoom out and Fit buttons; + and − zoom from the keyboard, 0 fits again', async () => {
    const map = await draw(dense(115));
    expect(screen.getByRole('button', { name: 'Fit' })).toBeTruthy();
    expect(map.tabIndex).toBe(0);
    expect(map.getAttribute('aria-describedby')).toBeTruthy();
    const fitted = zoom();
    expect(fitted).toBeGreaterThan(0);

    fireEvent.keyDown(map, { key: '+' });
    const closer = zoom();
    expect(closer).toBeGreaterThan(fitted);
    fireEvent.keyDown(map, { key: '-' });
    fireEvent.keyDown(map, { key: '-' });
    expect(zoom()).toBeLessThan(closer);
    fireEvent.keyDown(map, { key: '0' });
    expect(zoom()).toBeCloseTo(fitted);

    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoom()).toBeGreaterThan(fitted);
    fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(zoom()).toBeCloseTo(fitted);
  });

  it('pans with the arrow keys', async () => {
    const map = await draw(dense(20));
    const at = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
    const before = at();
    fireEvent.keyDown(map, { key: 'ArrowLeft' });
    expect(at()).not.toBe(before);
    fireEvent.keyDown(map, { key: 'ArrowRight' });
    expect(at()).toBe(before);
  });

  it(`labels at most the ${LABELLED_PATHS} busiest of 115 paths at rest, and an activity's arrows when pointed at`, async () => {
    await draw(dense(115));
    const labels = () => [...document.querySelectorAll<HTMLElement>('[data-edge]')];
    await waitFor(() => expect(document.querySelectorAll('.react-flow__edge').length).toBeGreaterThan(100));
    expect(labels().length).toBeGreaterThan(0);
    const resting = labels().length;
    expect(resting).toBeLessThanOrEqual(LABELLED_PATHS);
    // the busiest path (Referral received → Referral triaged, 5,000 patients) is among them
    expect(labels().map((l) => l.textContent)).toContain('5,000');

    // the full name stays in the tooltip however the box truncates it
    expect(document.querySelector<HTMLElement>('[data-activity="Survey answered"]')?.title).toMatch(
      /^Survey answered: \d/,
    );
    const quiet = document.querySelector<HTMLElement>('.react-flow__node[data-id="Survey answered"]');
    await act(async () => {
      if (quiet) fireEvent.mouseEnter(quiet);
    });
    await waitFor(() => expect(labels().length).toBeGreaterThan(resting));
  });
});
