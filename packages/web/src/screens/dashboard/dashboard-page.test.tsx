import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceProvider } from '../../app/workspace';
import { HIDDEN_HELP, SMALL_POPULATION_MESSAGE } from '../../lib/format';
import { row, suppression, visibleText } from '../../test-utils/analysis';
import { fakeApi } from '../../test-utils/fake-api';
import { dataSource, ids, noShowKpi, summary, workspace } from '../../test-utils/fixtures';
import { DashboardPage } from './dashboard-page';

beforeEach(() => window.history.replaceState(null, '', `/w/${ids.ws}/dashboard`));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const period = { from: '2026-03-01', to: '2026-03-29' };
const previous = { from: '2026-02-01', to: '2026-03-01' };
/** A viewer's tile: 5 no-shows ("<11"), the rate and change built on them hidden. */
const tile = {
  kpi: noShowKpi,
  ...row(
    {
      value: 0.02,
      numerator: 5,
      denominator: 250,
      p90Seconds: null,
      previousValue: 0.03,
      previousNumerator: 7,
      previousDenominator: 230,
      change: -0.01,
    },
    {
      value: 'derived',
      numerator: 'small',
      previousValue: 'derived',
      previousNumerator: 'small',
      change: 'derived',
    },
  ),
  weekly: [],
  omitted: {},
};

describe('DashboardPage for a viewer', () => {
  it('shows a journey of too few patients as one message, the others with "<11" only on small counts', async () => {
    fakeApi({
      'GET /api/workspaces/:id/sources': () => [dataSource({ eventCount: 4000 })],
      'GET /api/workspaces/:id/journeys': () => [
        summary({ id: ids.j1, name: 'Dental new patients' }),
        summary({ id: ids.j2, name: 'Rare referrals' }),
      ],
      'GET /api/workspaces/:id/dashboard': () => ({
        journeys: [
          {
            journeyId: ids.j1,
            name: 'Dental new patients',
            period,
            previous,
            tiles: [tile],
            suppression: suppression.viewer,
          },
          {
            journeyId: ids.j2,
            name: 'Rare referrals',
            period,
            previous,
            tiles: [],
            suppression: suppression.tooFew,
          },
        ],
        suppression: suppression.viewer,
      }),
    });
    render(
      <WorkspaceProvider workspace={workspace('viewer')}>
        <DashboardPage />
      </WorkspaceProvider>,
    );
    const rare = await screen.findByRole('region', { name: 'KPIs of Rare referrals' });
    expect(within(rare).getByTestId('small-population').textContent).toBe(SMALL_POPULATION_MESSAGE);
    const dental = screen.getByRole('region', { name: 'KPIs of Dental new patients' });
    const value = within(dental).getByTestId('tile-value');
    expect(value.textContent).toBe('hidden');
    expect(value.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(visibleText(within(dental).getByTestId('tile-fraction'))).toBe('<11 / 250 events');
    expect(within(dental).getAllByText('<11')).toHaveLength(1);
    expect(screen.getByText(/^Counts from 1 to 10 are shown as <11\./)).toBeTruthy();
    expect(screen.getAllByTestId('rounding-note').map((n) => n.textContent)).toEqual([
      'Counts rounded to the nearest 5 for privacy.',
    ]);
  });
});

describe('DashboardPage "All data"', () => {
  it('offers All data beside the other periods and asks for the first to the last event of the data', async () => {
    window.history.replaceState(null, '', `/w/${ids.ws}/dashboard?journey=${ids.j1}&period=all`);
    const seen = fakeApi({
      'GET /api/workspaces/:id/sources': () => [
        dataSource({
          eventCount: 4000,
          firstEvent: '2026-01-05T08:00:00.000Z',
          lastEvent: '2026-03-20T17:00:00.000Z',
        }),
        dataSource({
          eventCount: 10,
          firstEvent: '2025-11-02T09:00:00.000Z',
          lastEvent: '2026-03-28T10:00:00.000Z',
        }),
      ],
      'GET /api/workspaces/:id/journeys': () => [summary({ id: ids.j1, name: 'Dental new patients' })],
      'GET /api/journeys/:id': () => ({ id: ids.j1, version: 1, document: { stages: [], kpis: [] } }),
      'POST /api/journeys/:id/dashboard': () => ({
        period: { from: '2025-11-02T00:00:00.000Z', to: '2026-03-29T00:00:00.000Z' },
        previous: { from: '2025-07-07T00:00:00.000Z', to: '2025-11-02T00:00:00.000Z' },
        tiles: [],
        suppression: suppression.exact,
      }),
    });
    render(
      <WorkspaceProvider workspace={workspace('owner')}>
        <DashboardPage />
      </WorkspaceProvider>,
    );
    const all = (await screen.findByLabelText('All data')) as HTMLInputElement;
    expect(all.checked).toBe(true);
    expect(screen.getByLabelText('Last 4 weeks')).toBeTruthy();
    await screen.findByText(/^All data: /);
    const asked = seen.filter((r) => r.method === 'POST' && r.path.endsWith('/dashboard'));
    expect(asked.at(-1)?.body).toEqual({ from: '2025-11-02', to: '2026-03-28' });
  });
});
