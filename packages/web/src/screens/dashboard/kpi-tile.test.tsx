import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiTile as Tile } from '../../api';
import { HIDDEN_HELP } from '../../lib/format';
import { row, visibleText } from '../../test-utils/analysis';
import { noShowKpi } from '../../test-utils/fixtures';
import { KpiTile } from './kpi-tile';

afterEach(cleanup);

const kpi = noShowKpi;
const week = (value: number | null, hidden = false) =>
  row(
    { week: '2026-03-02', value, numerator: null, denominator: null },
    hidden ? { value: 'derived' as const } : {},
  );
const tile = (over: Partial<Tile>): Tile => ({
  kpi,
  value: 312 / 1408,
  numerator: 312,
  denominator: 1408,
  p90Seconds: null,
  previousValue: 0.24,
  previousNumerator: 300,
  previousDenominator: 1250,
  change: 312 / 1408 - 0.24,
  weekly: [week(null), week(null)],
  omitted: {},
  suppressed: [],
  suppressedReasons: {},
  ...over,
});

describe('KpiTile', () => {
  it('shows the value, the numbers behind it, the change in words and the definition', () => {
    render(<KpiTile tile={tile({})} previousLabel="previous 4 weeks" stepName={(id) => id} expanded />);
    expect(screen.getByRole('heading', { name: 'No-show rate' })).toBeTruthy();
    expect(screen.getByText('22.2%')).toBeTruthy();
    expect(screen.getByTestId('tile-fraction').textContent).toBe('312 / 1,408 events');
    const change = screen.getByText((_, el) => el?.tagName === 'P' && (el.textContent ?? '').startsWith('▼'));
    expect(change.textContent).toBe('▼ −1.8 pts better vs previous 4 weeks');
    expect(
      screen.getByText(
        'Share of appointment.noshow events, of all appointment.noshow or appointment.arrived events.',
      ),
    ).toBeTruthy();
    // An internal file reference is never shown; a reference the user wrote is.
    expect(screen.getByText('Lower is better.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/healthcare\.md|§/);
    expect(screen.getByText('No weekly values in this period.')).toBeTruthy();
  });

  it('reads a hidden rate "hidden" with its reason, and "<11" only on the small count', () => {
    render(
      <KpiTile
        tile={tile({
          value: null,
          numerator: null,
          change: null,
          suppressed: ['numerator', 'value', 'change'],
          suppressedReasons: { numerator: 'small', value: 'derived', change: 'derived' },
          weekly: [week(null, true)],
        })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
      />,
    );
    const value = screen.getByTestId('tile-value');
    expect(value.textContent).toBe('hidden');
    expect(value.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    // screen readers get the sentence right after the number
    expect(value.nextElementSibling?.textContent).toContain(HIDDEN_HELP.derived);
    const fraction = screen.getByTestId('tile-fraction');
    expect(visibleText(fraction)).toBe('<11 / 1,408 events');
    expect(screen.getAllByText('<11')).toHaveLength(1);
    expect(within(fraction).getByText('<11').getAttribute('title')).toBe(HIDDEN_HELP.small);
    const change = screen.getByTestId('tile-change');
    expect(visibleText(change)).toBe('◆ hidden change on the previous period');
    expect(screen.getByText('Weekly values are hidden.').getAttribute('title')).toBe(HIDDEN_HELP.derived);
  });

  it('reads a hidden number "hidden" when an older server gives no reason', () => {
    render(
      <KpiTile
        tile={tile({
          value: null,
          numerator: null,
          suppressed: ['numerator', 'value'],
          suppressedReasons: {},
        })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
      />,
    );
    expect(screen.queryByText('<11')).toBeNull();
    expect(screen.getByTestId('tile-value').getAttribute('title')).toBe(HIDDEN_HELP.unknown);
    expect(visibleText(screen.getByTestId('tile-fraction'))).toBe('hidden / 1,408 events');
  });
});

describe('KpiTile of a journey about accounts', () => {
  const casesKpi = { ...kpi, countOver: 'cases' as const };
  it('counts accounts, in the singular for one', () => {
    render(
      <KpiTile
        tile={tile({ kpi: casesKpi })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
        subject={{ singular: 'account', plural: 'accounts' }}
        expanded
      />,
    );
    expect(screen.getByTestId('tile-fraction').textContent).toBe('312 / 1,408 accounts');
    expect(document.body.textContent).not.toMatch(/patient/i);
    cleanup();
    render(
      <KpiTile
        tile={tile({ kpi: casesKpi, numerator: 1, denominator: 1, value: 1 })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
        subject={{ singular: 'account', plural: 'accounts' }}
      />,
    );
    expect(screen.getByTestId('tile-fraction').textContent).toBe('1 / 1 account');
  });

  it('counts patients by default', () => {
    render(<KpiTile tile={tile({ kpi: casesKpi })} previousLabel="previous 4 weeks" stepName={(id) => id} />);
    expect(screen.getByTestId('tile-fraction').textContent).toBe('312 / 1,408 patients');
  });
});
