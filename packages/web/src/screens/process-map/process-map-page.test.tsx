import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceProvider } from '../../app/workspace';
import { HIDDEN_HELP, SMALL_POPULATION_MESSAGE } from '../../lib/format';
import { row, suppression, visibleText } from '../../test-utils/analysis';
import { fakeApi } from '../../test-utils/fake-api';
import { dataSource, workspace } from '../../test-utils/fixtures';
import { denseProcessMap } from './dense-map.fixture';
import type { Graph } from './graph';
import { ProcessMapPage } from './process-map-page';

// React Flow and ELK are not what this test is about: the drawing says it is ready at once.
vi.mock('./process-graph', async () => {
  const { useEffect } = await import('react');
  return {
    default: ({ onReady, graph }: { onReady?: () => void; graph: Graph }) => {
      useEffect(() => onReady?.(), [onReady]);
      const paths = graph.edges.filter((e) => !e.source.startsWith('__') && !e.target.startsWith('__'));
      return <div data-testid="graph" data-nodes={graph.nodes.length} data-paths={paths.length} />;
    },
  };
});

beforeEach(() => window.history.replaceState(null, '', '/w/ws/process-map'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A viewer's process map: counts rounded to 5, a small edge, a wait on it, rows of few patients left out. */
const viewerMap = {
  activities: [
    row({ name: 'Referral', events: 400, cases: 300 }),
    row({ name: 'Booked', events: 250, cases: 200 }),
  ],
  edges: [
    row({
      from: 'Referral',
      to: 'Booked',
      count: 195,
      meanSeconds: 7200,
      medianSeconds: 3600,
      p90Seconds: 9000,
    }),
    row(
      { from: 'Booked', to: 'Referral', count: 6, meanSeconds: 60, medianSeconds: 60, p90Seconds: 60 },
      { count: 'small', meanSeconds: 'derived', medianSeconds: 'derived', p90Seconds: 'derived' },
    ),
  ],
  variants: [
    row({ activities: ['Referral', 'Booked'], cases: 180 }),
    row({ activities: ['Referral', 'Booked', 'Referral', 'Booked'], cases: 120 }, { cases: 'complementary' }),
  ],
  startActivities: [row({ name: 'Referral', cases: 300 })],
  endActivities: [row({ name: 'Booked', cases: 300 })],
  totalActivities: 2,
  totalEdges: 2,
  omitted: { variants: 37, edges: 12 },
  suppression: suppression.viewer,
};

function show(map: unknown) {
  fakeApi({
    'GET /api/workspaces/:id/sources': () => [dataSource({ eventCount: null, suppressed: ['eventCount'] })],
    'GET /api/workspaces/:id/journeys': () => [],
    'POST /api/workspaces/:id/process-map': () => map,
  });
  render(
    <WorkspaceProvider workspace={workspace('viewer')}>
      <ProcessMapPage />
    </WorkspaceProvider>,
  );
}

describe('ProcessMapPage for a viewer', () => {
  it('reads "<11" on a small path, "hidden" on its wait and on a larger hidden path, and says what is left out', async () => {
    show(viewerMap);
    const side = await screen.findByRole('complementary', { name: 'Variants and legend' });
    const paths = within(side).getAllByRole('button');
    expect(visibleText(paths[0]!)).toContain('180 patients · 60%');
    expect(visibleText(paths[1]!)).toContain('hidden patients');
    expect(within(paths[1]!).getByText('hidden').getAttribute('title')).toBe(HIDDEN_HELP.complementary);
    expect(screen.getByTestId('omitted-variants').textContent).toBe(
      '37 paths taken by fewer than 11 patients are not shown.',
    );
    expect(screen.getByTestId('omitted-edges').textContent).toBe(
      '12 moves between activities made by fewer than 11 patients are not shown.',
    );
    expect(screen.getByTestId('rounding-note').textContent).toBe(
      'Counts rounded to the nearest 5 for privacy.',
    );
    const table = screen.getByRole('table');
    const small = [...table.querySelectorAll('tbody tr')]
      .map(visibleText)
      .find((r) => r.startsWith('BookedReferral'));
    expect(small).toBe('BookedReferral<11hidden');
    expect(within(table).getByText('<11').getAttribute('title')).toBe(HIDDEN_HELP.small);
  });

  it('shows one message in place of the map when fewer than 11 patients match', async () => {
    show({
      activities: [],
      edges: [],
      variants: [],
      startActivities: [],
      endActivities: [],
      totalActivities: 0,
      totalEdges: 0,
      omitted: {},
      suppression: suppression.tooFew,
    });
    expect((await screen.findByTestId('small-population')).textContent).toBe(SMALL_POPULATION_MESSAGE);
    expect(screen.queryByTestId('graph')).toBeNull();
    expect(screen.queryByText('<11')).toBeNull();
  });
});

describe('ProcessMapPage on a dense map (115 paths)', () => {
  it('thins the map with the Paths slider: busiest first, every shown activity still reachable', async () => {
    show(denseProcessMap());
    const graph = await screen.findByTestId('graph');
    const paths = () => Number(screen.getByTestId('graph').dataset.paths);
    fireEvent.change(screen.getByLabelText(/^Activities/), { target: { value: '20' } });
    expect(Number(graph.dataset.nodes)).toBe(22); // 20 activities, Start and End
    const slider = screen.getByLabelText(/^Paths/);
    fireEvent.change(slider, { target: { value: '115' } });
    expect(paths()).toBe(115);
    expect(screen.getByText(/^Paths:/).closest('label')?.textContent).toBe(
      'Paths: 115 of 115 (busiest first)',
    );

    fireEvent.change(slider, { target: { value: '10' } });
    // the 10 busiest, plus a way in and out for each activity the 10 leave unconnected
    expect(paths()).toBeLessThan(40);
    expect(paths()).toBeGreaterThanOrEqual(10);
    const shown = [...screen.getByRole('table').querySelectorAll('tbody tr')].map(
      (r) => r.querySelector('td')?.textContent,
    );
    expect(shown).toContain('Referral received');
    expect(screen.getByText(/^Paths:/).closest('label')?.textContent).toBe(
      `Paths: ${paths()} of 115 (busiest first)`,
    );
  });
});
