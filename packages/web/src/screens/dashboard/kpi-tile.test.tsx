import type { KpiDefinition } from '@pathlight/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiTile as Tile } from '../../api';
import { KpiTile } from './kpi-tile';

afterEach(cleanup);

const kpi: KpiDefinition = {
  id: 'no-show-rate',
  name: 'No-show rate',
  description: '',
  kind: 'rate',
  direction: 'lower-is-better',
  numerator: ['appointment.noshow'],
  denominator: ['appointment.noshow', 'appointment.arrived'],
  countOver: 'events',
  reference: 'healthcare.md §1.2',
};
const week = (value: number | null, suppressed: string[] = []) => ({
  week: '2026-03-02',
  value,
  numerator: null,
  denominator: null,
  suppressed,
});
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
  suppressed: [],
  ...over,
});

describe('KpiTile', () => {
  it('shows the value, the numbers behind it, the change in words and the definition', () => {
    render(<KpiTile tile={tile({})} previousLabel="previous 4 weeks" stepName={(id) => id} expanded />);
    expect(screen.getByRole('heading', { name: 'No-show rate' })).toBeTruthy();
    expect(screen.getByText('22.2%')).toBeTruthy();
    expect(screen.getByText('312 / 1,408 events')).toBeTruthy();
    const change = screen.getByText((_, el) => el?.tagName === 'P' && (el.textContent ?? '').startsWith('▼'));
    expect(change.textContent).toBe('▼ −1.8 pts better vs previous 4 weeks');
    expect(
      screen.getByText(
        'Rate: appointment.noshow ÷ appointment.noshow or appointment.arrived, counted over events.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Lower is better. Definition: healthcare.md §1.2.')).toBeTruthy();
    expect(screen.getByText('No weekly values in this period.')).toBeTruthy();
  });

  it('shows <11 with the rule for hidden numbers', () => {
    render(
      <KpiTile
        tile={tile({
          value: null,
          numerator: null,
          change: null,
          suppressed: ['numerator', 'value', 'change'],
          weekly: [week(null, ['value'])],
        })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
      />,
    );
    const hidden = screen.getAllByText('<11');
    expect(hidden[0]?.closest('abbr')?.getAttribute('title')).toContain('Fewer than 11 patients');
    expect(screen.getByText('<11 / 1,408 events')).toBeTruthy();
    expect(screen.getByText('change hidden (small numbers)', { exact: false }).textContent).not.toContain(
      'vs',
    );
    expect(screen.getByText('Weekly values are hidden (small numbers).')).toBeTruthy();
  });
});
