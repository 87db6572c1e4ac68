import type { KpiDefinition } from '@pathlight/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiTile as Tile } from '../../api';
import { HIDDEN_HELP, phraseText } from '../../lib/format';
import { row, visibleText } from '../../test-utils/analysis';
import { KpiTile } from './kpi-tile';
import { breakdownLines, definitionText, tileChange, tileFraction, tileValue } from './tile-text';

afterEach(cleanup);

const kpi: KpiDefinition = {
  id: 'cost-per-acquired-patient',
  name: 'Cost per acquired patient',
  description: 'Marketing spend ÷ new patients with a completed first visit.',
  kind: 'cost-per',
  direction: 'lower-is-better',
  reference: 'healthcare.md §1.11',
  costActivities: ['ad.clicked', 'referral.placed'],
  acquired: { activities: ['visit.completed'] },
  splitBy: 'source',
};

const tile = (over: Partial<Tile> = {}): Tile => ({
  kpi,
  value: 12630 / 300,
  numerator: 12630,
  denominator: 300,
  p90Seconds: null,
  previousValue: 40,
  previousNumerator: 12000,
  previousDenominator: 300,
  change: 12630 / 300 - 40,
  weekly: [row({ week: '2026-03-02', value: 42.1, numerator: 12630, denominator: 300 })],
  breakdown: [
    row({ value: 'google-ads', spend: 1260, acquired: 30, costPerAcquired: 42 }),
    row(
      { value: 'facebook', spend: 270, acquired: 5, costPerAcquired: 54 },
      { acquired: 'small', costPerAcquired: 'derived' },
    ),
    row({ value: 'word-of-mouth', spend: 0, acquired: 0, costPerAcquired: null }),
  ],
  omitted: {},
  suppressed: [],
  suppressedReasons: {},
  ...over,
});

describe('cost-per tile formatting', () => {
  it('reads as money per patient without a currency, with spend over patients', () => {
    expect(tileValue(tile())).toEqual({ text: '42.10 per patient', hidden: null });
    expect(phraseText(tileFraction(tile()) ?? [])).toBe('spend 12,630 / 300 patients');
    expect(phraseText(tileFraction(tile({ numerator: 1234.5, denominator: 1000 })) ?? [])).toBe(
      'spend 1,234.5 / 1,000 patients',
    );
  });

  it('hides a value built on 1..10 patients and says so', () => {
    const hidden = tile({
      value: null,
      numerator: null,
      denominator: null,
      suppressed: ['value', 'numerator', 'denominator'],
      suppressedReasons: { value: 'derived', numerator: 'derived', denominator: 'small' },
    });
    // Money is never "<11": only the count of patients is.
    expect(tileValue(hidden)).toEqual({
      text: 'hidden',
      hidden: { reason: 'derived', help: HIDDEN_HELP.derived },
    });
    expect(phraseText(tileFraction(hidden) ?? [])).toBe('spend hidden / <11 patients');
  });

  it('tells a rise in cost per patient as worse, in money', () => {
    expect(tileChange(tile())).toEqual({
      arrow: '▲',
      amount: { text: '+2.10 per patient', hidden: null },
      words: 'worse',
      tone: 'worse',
    });
    expect(tileChange(tile({ change: 0.001 })).words).toBe('no change');
  });

  it('lists the breakdown by source: a small acquired count "<11", the cost on it "hidden"', () => {
    expect(
      breakdownLines(tile()).map((l) => [l.value, l.cost.text, phraseText(l.numbers), l.hidden]),
    ).toEqual([
      ['google-ads', '42.00 per patient', 'spend 1,260 / 30 patients', false],
      ['facebook', 'hidden', 'spend 270 / <11 patients', true],
      ['word-of-mouth', '—', 'spend 0 / 0 patients', false],
    ]);
    expect(breakdownLines(tile({ breakdown: undefined }))).toEqual([]);
  });

  it('states which costs count in the definition line', () => {
    expect(definitionText(kpi)).toBe(
      'Spend recorded on ad.clicked or referral.placed, divided by the number of patients who reached visit.completed, per “source”.',
    );
  });
});

describe('KpiTile with a cost-per KPI', () => {
  it('shows money per patient and the breakdown table by source under the sparkline', () => {
    render(<KpiTile tile={tile()} previousLabel="previous 4 weeks" stepName={(id) => id} />);
    expect(screen.getByText('42.10 per patient')).toBeTruthy();
    expect(screen.getByTestId('tile-fraction').textContent).toBe('spend 12,630 / 300 patients');
    const table = screen.getByRole('table', { name: 'Cost per acquired patient by source' });
    const rows = within(table).getAllByRole('row');
    const cells = (r: Element) => [...r.querySelectorAll('th, td')].map(visibleText).join('|');
    expect(rows.map(cells)).toEqual([
      'source|Cost per patient|Spend / patients',
      'google-ads|42.00 per patient|spend 1,260 / 30 patients',
      'facebook|hidden|spend 270 / <11 patients',
      'word-of-mouth|—|spend 0 / 0 patients',
    ]);
    const cost = within(rows[2]!).getByText('hidden');
    expect(cost.getAttribute('title')).toBe(HIDDEN_HELP.derived);
    expect(within(rows[2]!).getByText('<11').getAttribute('title')).toBe(HIDDEN_HELP.small);
  });

  it('says how many breakdown rows of few patients are left out', () => {
    render(
      <KpiTile
        tile={tile({ omitted: { breakdown: 3 } })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
      />,
    );
    expect(screen.getByTestId('omitted-breakdown').textContent).toBe(
      '3 breakdown rows of fewer than 11 patients are not shown.',
    );
  });

  it('shows no breakdown table without a split', () => {
    render(
      <KpiTile
        tile={tile({ kpi: { ...kpi, splitBy: null }, breakdown: undefined })}
        previousLabel="previous 4 weeks"
        stepName={(id) => id}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
  });
});
