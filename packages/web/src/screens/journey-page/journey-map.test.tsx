import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { counterIds, sampleJourney, samplePersonas } from '../../editor/fixtures/sample-journey';
import { SMALL_POPULATION_MESSAGE } from '../../lib/format';
import { row, suppression } from '../../test-utils/analysis';
import { fakeApi } from '../../test-utils/fake-api';
import { dataSource, ids } from '../../test-utils/fixtures';
import { JourneyMap } from './journey-map';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const step = (stepId: string, cases: number, reason?: 'small-population') =>
  row(
    {
      stepId,
      step: stepId,
      cases,
      conversionFromPrevious: null,
      dropOff: null,
      medianSecondsFromPrevious: null,
    },
    reason ? { cases: reason } : {},
  );

/** The metrics answer for a viewer (`tooFew`: fewer than 11 patients match, so no numbers at all). */
const metrics = (tooFew: boolean) => ({
  summary: row(
    { cases: 400, events: 1200, activities: 3, firstEvent: '2026-03-01', lastEvent: '2026-03-28' },
    tooFew ? { cases: 'small-population' as const, events: 'small-population' as const } : {},
  ),
  steps: [
    step('t1', 400, tooFew ? 'small-population' : undefined),
    step('t3', 200, tooFew ? 'small-population' : undefined),
  ],
  kpis: [],
  conformance: { ...row({ fittingCases: 100, fittingShare: 0.25 }), steps: [], unmappedActivities: [] },
  omitted: {},
  suppression: tooFew ? suppression.tooFew : suppression.viewer,
});

const ACCOUNTS = { singular: 'account', plural: 'accounts' };

function mount(tooFew: boolean, subject?: typeof ACCOUNTS) {
  fakeApi({
    'GET /api/workspaces/:id/activities': () => [row({ name: 'web visit', events: 500, cases: 400 })],
    'GET /api/workspaces/:id/sources': () => [dataSource({ eventCount: 1200 })],
    'GET /api/kpi-library': () => [],
    'POST /api/journeys/:id/metrics': () => metrics(tooFew),
  });
  render(
    <JourneyMap
      journey={{ version: 1, document: subject ? { ...sampleJourney(), subject } : sampleJourney() }}
      personas={samplePersonas}
      newId={counterIds('n')}
      journeyId={ids.j1}
      workspaceId={ids.ws}
      canEdit={false}
    />,
  );
}

describe('JourneyMap for a viewer', () => {
  it('shows step numbers and says once that counts are rounded', async () => {
    mount(false);
    expect((await screen.findAllByTestId('step-cases')).map((c) => c.textContent)).toEqual(['400', '200']);
    expect(screen.getByTestId('metrics-status').textContent).toBe(
      '400 patients · 1,200 events · Counts rounded to the nearest 5 for privacy.',
    );
  });

  it('shows one message instead of any step number when fewer than 11 patients match', async () => {
    mount(true);
    expect((await screen.findByTestId('small-population')).textContent).toBe(SMALL_POPULATION_MESSAGE);
    expect(screen.queryAllByTestId('step-data')).toHaveLength(0);
    expect(screen.queryByText('<11')).toBeNull();
    expect(screen.queryByText('hidden')).toBeNull();
  });
});

describe('JourneyMap of a journey about accounts', () => {
  it('names accounts on the step numbers, the key and the summary', async () => {
    mount(false, ACCOUNTS);
    const steps = await screen.findAllByTestId('step-data');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringContaining('400 accounts'),
      expect.stringContaining('200 accounts'),
    ]);
    expect(steps[0]?.getAttribute('aria-label')).toContain('400 accounts reached');
    expect(screen.getByTestId('metrics-status').textContent).toMatch(/^400 accounts · /);
    expect(screen.getByTestId('scale-key').textContent).toContain('1 to 10 accounts, hidden');
    for (const el of [...steps, screen.getByTestId('scale-key'), screen.getByTestId('metrics-status')])
      expect(`${el.textContent} ${el.getAttribute('aria-label') ?? ''}`).not.toMatch(/patient/i);
  });

  it('says fewer than 11 accounts match', async () => {
    mount(true, ACCOUNTS);
    expect((await screen.findByTestId('small-population')).textContent).toMatch(
      /^Fewer than 11 accounts match this view/,
    );
  });

  it('reads patients on a journey with the default subject', async () => {
    mount(false);
    const steps = await screen.findAllByTestId('step-data');
    expect(steps[0]?.textContent).toContain('400 patients');
  });
});

describe('JourneyMap filter bar', () => {
  it('folds its controls behind a Filters button that says how many are set', async () => {
    mount(false);
    const toggle = await screen.findByTestId('filters-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const controls = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(controls?.hasAttribute('data-open')).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(controls?.hasAttribute('data-open')).toBe(true);
    fireEvent.change(screen.getByLabelText('Segment attribute'), { target: { value: 'channel' } });
    fireEvent.change(screen.getByLabelText('Segment value'), { target: { value: 'web' } });
    expect(toggle.textContent).toMatch(/^Filters \(\d\)/);
  });
});
