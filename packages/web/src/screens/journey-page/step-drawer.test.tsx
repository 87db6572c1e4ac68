import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_HELP, SMALL_POPULATION_MESSAGE } from '../../lib/format';
import { row, suppression, visibleText } from '../../test-utils/analysis';
import { fakeApi } from '../../test-utils/fake-api';
import { ids } from '../../test-utils/fixtures';
import { StepDrawer } from './step-drawer';

// ECharts is not what this test is about: the chart lists how each week reads.
vi.mock('./weekly-chart', () => ({
  default: ({ weeks }: { weeks: { week: string; shown: { text: string } }[] }) => (
    <ol data-testid="weekly">
      {weeks.map((w) => (
        <li key={w.week}>{w.shown.text}</li>
      ))}
    </ol>
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const metric = row(
  { stepId: 't3', cases: 8, conversionFromPrevious: 0.02, dropOff: 392, medianSecondsFromPrevious: 3600 },
  {
    cases: 'small',
    conversionFromPrevious: 'derived',
    dropOff: 'complementary',
    medianSecondsFromPrevious: 'derived',
  },
);

/** A viewer's step detail: counts rounded to 5, small cells hidden, rows of 1–10 patients left out. */
const viewerDetail = {
  weekly: [row({ week: '2026-03-02', cases: 40 }), row({ week: '2026-03-09', cases: 7 }, { cases: 'small' })],
  split: [
    row({ value: 'phone', cases: 120, previousCases: 200, conversionFromPrevious: 0.6 }),
    row(
      { value: 'web', cases: 6, previousCases: 90, conversionFromPrevious: 0.07 },
      { cases: 'small', conversionFromPrevious: 'derived' },
    ),
    row(
      { value: 'walk-in', cases: 45, previousCases: 50, conversionFromPrevious: 0.9 },
      { cases: 'complementary', conversionFromPrevious: 'derived' },
    ),
  ],
  pathsIn: [row({ activity: 'referral.received', cases: 150 })],
  pathsOut: [row({ activity: 'visit.completed', cases: 9 }, { cases: 'small' })],
  startedHere: 0,
  endedHere: null,
  suppressed: ['endedHere'],
  suppressedReasons: { endedHere: 'complementary' },
  omitted: { split: 2, pathsIn: 4, pathsOut: 1 },
  suppression: suppression.viewer,
};

function open(detail: unknown, m: typeof metric | null = metric) {
  fakeApi({ 'POST /api/journeys/:id/steps/:stepId/detail': () => detail });
  render(
    <StepDrawer
      journeyId={ids.j1}
      stepId="t3"
      stepName="Arrive"
      metric={m}
      filter={{}}
      version={1}
      canEdit={false}
      sourceNames={new Map()}
      onClose={() => {}}
    />,
  );
}

describe('StepDrawer for a viewer', () => {
  it('reads "<11" only on small counts and "hidden" with its reason on shares, waits and larger counts', async () => {
    open(viewerDetail);
    const stats = screen.getByText('Patients reached').closest('dl') as HTMLElement;
    expect(visibleText(stats)).toBe('Patients reached<11Kept from previoushiddenLosthiddenMedian waithidden');
    expect(within(stats).getByText('<11').getAttribute('title')).toBe(HIDDEN_HELP.small);
    const [kept, lost, wait] = within(stats).getAllByText('hidden');
    expect(kept?.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(lost?.getAttribute('title')).toBe(HIDDEN_HELP.complementary);
    expect(wait?.getAttribute('title')).toBe(HIDDEN_HELP.derived);

    const split = await screen.findByTestId('step-split');
    const rows = within(split).getAllByRole('row').map(visibleText);
    expect(rows).toEqual([
      'ChannelPatientsKept from previous',
      'phone12060%',
      'web<11hidden',
      'walk-inhiddenhidden',
    ]);
    expect(
      within(await screen.findByTestId('weekly'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['40', '<11']);
    expect(visibleText(screen.getByTestId('paths-out'))).toBe(
      'here → visit.completed · <11(journey ends here) · hidden',
    );
  });

  it('says counts are rounded, once, and how many rows of each list are left out', async () => {
    open(viewerDetail);
    expect((await screen.findByTestId('rounding-note')).textContent).toBe(
      'Counts rounded to the nearest 5 for privacy.',
    );
    expect(screen.getAllByTestId('rounding-note')).toHaveLength(1);
    expect(screen.getByTestId('omitted-split').textContent).toBe(
      '2 values held by fewer than 11 patients are not shown.',
    );
    expect(screen.getByTestId('omitted-pathsIn').textContent).toBe(
      '4 ways in taken by fewer than 11 patients are not shown.',
    );
    expect(screen.getByTestId('omitted-pathsOut').textContent).toBe(
      '1 way out taken by fewer than 11 patients is not shown.',
    );
  });

  it('shows one message in place of the numbers when fewer than 11 patients match', async () => {
    open(
      {
        weekly: [],
        split: [],
        pathsIn: [],
        pathsOut: [],
        startedHere: null,
        endedHere: null,
        suppressed: ['startedHere', 'endedHere'],
        suppressedReasons: { startedHere: 'small-population', endedHere: 'small-population' },
        omitted: {},
        suppression: suppression.tooFew,
      },
      null,
    );
    expect((await screen.findByTestId('small-population')).textContent).toBe(SMALL_POPULATION_MESSAGE);
    expect(screen.queryByTestId('step-split')).toBeNull();
    expect(screen.queryByText('<11')).toBeNull();
    expect(screen.queryByText('hidden')).toBeNull();
  });
});

describe('StepDrawer for an owner', () => {
  it('shows exact numbers with no privacy notes', async () => {
    open({
      ...viewerDetail,
      split: [viewerDetail.split[0]],
      pathsOut: [],
      omitted: {},
      endedHere: 3,
      suppressed: [],
      suppressedReasons: {},
      suppression: suppression.exact,
    });
    await screen.findByTestId('step-split');
    expect(screen.queryByTestId('rounding-note')).toBeNull();
    expect(screen.queryByTestId('omitted-split')).toBeNull();
    expect(visibleText(screen.getByTestId('paths-out'))).toBe('(journey ends here) · 3');
  });
});
