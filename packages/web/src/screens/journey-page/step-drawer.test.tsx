import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepEvidence } from '../../editor';
import { HIDDEN_HELP, SMALL_POPULATION_MESSAGE } from '../../lib/format';
import { row, suppression, visibleText } from '../../test-utils/analysis';
import { fakeApi, type SeenRequest } from '../../test-utils/fake-api';
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

/** The data's attributes as the attributes route lists them (imported columns with awkward names too). */
const attributes = [
  row({ key: 'location', values: 3, cases: 400 }),
  row({ key: 'channel', values: 4, cases: 380 }),
  row({ key: 'x*y', values: 1, cases: 120 }),
  row({ key: 'source_id', values: 2, cases: 400 }),
];

function open(
  detail: unknown,
  m: StepEvidence | null = metric,
  attrs: typeof attributes = attributes,
): SeenRequest[] {
  const seen = fakeApi({ 'POST /api/journeys/:id/steps/:stepId/detail': () => detail });
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
      attributes={attrs}
      onClose={() => {}}
    />,
  );
  return seen;
}

describe('StepDrawer for a viewer', () => {
  it('reads "<11" only on small counts and "hidden" with its reason on shares, waits and larger counts', async () => {
    open(viewerDetail);
    const stats = screen.getByText('Patients reached').closest('dl') as HTMLElement;
    expect(visibleText(stats)).toBe(
      'Patients reached<11Kept from the previous stephiddenLosthiddenMedian waithidden',
    );
    expect(within(stats).getByText('<11').getAttribute('title')).toBe(HIDDEN_HELP.small);
    const [kept, lost, wait] = within(stats).getAllByText('hidden');
    expect(kept?.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(lost?.getAttribute('title')).toBe(HIDDEN_HELP.complementary);
    expect(wait?.getAttribute('title')).toBe(HIDDEN_HELP.derived);

    const split = await screen.findByTestId('step-split');
    const rows = within(split).getAllByRole('row').map(visibleText);
    expect(rows).toEqual([
      'channelPatientsKept from the previous step',
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

describe('StepDrawer split and funnel wording', () => {
  const exact = {
    ...viewerDetail,
    suppressed: [],
    suppressedReasons: {},
    omitted: {},
    suppression: suppression.exact,
  };

  it('offers every attribute of the data with its distinct values, and asks for the one chosen', async () => {
    const seen = open(exact);
    const select = (await screen.findByTestId('split-by')) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['location', 'location (3 values)'],
      ['channel', 'channel (4 values)'],
      ['x*y', 'x*y (1 value)'],
      ['source_id', 'data source (2 values)'],
    ]);
    expect(select.value).toBe('channel');
    fireEvent.change(select, { target: { value: 'x*y' } });
    await vi.waitFor(() => expect(seen.at(-1)?.body).toMatchObject({ splitBy: 'x*y' }));
    expect(seen[0]?.body).toMatchObject({ splitBy: 'channel' });
  });

  it('an optional step says what it is measured from and claims no loss', async () => {
    open(exact, {
      ...row({
        stepId: 't3',
        cases: 40,
        conversionFromPrevious: 0.1,
        dropOff: 360,
        medianSecondsFromPrevious: 60,
      }),
      funnel: {
        measuredFrom: 'Book',
        optional: true,
        noData: false,
        fromNoData: false,
        moreThanStepBefore: false,
      },
    });
    const stats = screen.getByText('Patients reached').closest('dl') as HTMLElement;
    expect(visibleText(stats)).toBe(
      'Patients reached40Took this optional step, of “Book”10%Median wait1 min',
    );
    expect(screen.getByTestId('funnel-mode-note').textContent).toMatch(
      /^Optional step: measured from “Book”; patients who skip it are not counted as lost\. Ordered funnel:/,
    );
  });

  it('a step with no events in the data shows neither a share kept nor a loss, and says why', () => {
    open(exact, {
      ...row({
        stepId: 't3',
        cases: 0,
        conversionFromPrevious: 0,
        dropOff: 400,
        medianSecondsFromPrevious: null,
      }),
      funnel: {
        measuredFrom: 'Book',
        optional: false,
        noData: true,
        fromNoData: false,
        moreThanStepBefore: false,
      },
    });
    const stats = screen.getByText('Patients reached').closest('dl') as HTMLElement;
    expect(visibleText(stats)).toBe('Patients reached0Median wait—');
    expect(screen.getByTestId('funnel-mode-note').textContent).toContain(
      'None of this step’s activities has events in the data',
    );
  });

  it('a step with more patients than the step before says why', () => {
    open(exact, {
      ...row({
        stepId: 't3',
        cases: 300,
        conversionFromPrevious: 0.75,
        dropOff: 100,
        medianSecondsFromPrevious: null,
      }),
      funnel: {
        measuredFrom: 'Enquire',
        optional: false,
        noData: false,
        fromNoData: false,
        moreThanStepBefore: true,
      },
    });
    expect(screen.getByTestId('funnel-mode-note').textContent).toContain(
      'More patients than the step before: some reached it without the earlier step.',
    );
  });
});
