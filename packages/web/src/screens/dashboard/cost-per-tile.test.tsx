import type { KpiDefinition } from '@pathlight/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiTile as Tile } from '../../api';
import { KpiTile } from './kpi-tile';
import { breakdownLines, definitionText, tileChange, tileFraction, tileValue } from './tile-format';

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
  weekly: [{ week: '2026-03-02', value: 42.1, numerator: 12630, denominator: 300, suppressed: [] }],
  breakdown: [
    { value: 'google-ads', spend: 1260, acquired: 30, costPerAcquired: 42, suppressed: [] },
    {
      value: 'facebook',
      spend: 270,
      acquired: null,
      costPerAcquired: null,
      suppressed: ['acquired', 'costPerAcquired'],
    },
    { value: 'word-of-mouth', spend: 0, acquired: 0, costPerAcquired: null, suppressed: [] },
  ],
  suppressed: [],
  ...over,
});

describe('cost-per tile formatting', () => {
  it('reads as money per patient without a currency, with spend over patients', () => {
    expect(tileValue(tile())).toEqual({ text: '42.10 per patient', hidden: false });
    expect(tileFraction(tile())).toBe('spend 12,630 / 300 patients');
    expect(tileFraction(tile({ numerator: 1234.5, denominator: 1000 }))).toBe(
      'spend 1,234.5 / 1,000 patients',
    );
  });

  it('hides a value built on 1..10 patients and says so', () => {
    const hidden = tile({
      value: null,
      numerator: null,
      denominator: null,
      suppressed: ['value', 'numerator', 'denominator'],
    });
    expect(tileValue(hidden)).toEqual({ text: '<11', hidden: true });
    expect(tileFraction(hidden)).toBe('spend <11 / <11 patients');
  });

  it('tells a rise in cost per patient as worse, in money', () => {
    expect(tileChange(tile())).toEqual({
      arrow: '▲',
      amount: '+2.10 per patient',
      words: 'worse',
      tone: 'worse',
    });
    expect(tileChange(tile({ change: 0.001 })).words).toBe('no change');
  });

  it('lists the breakdown by source, hidden rows as "<11"', () => {
    expect(breakdownLines(tile())).toEqual([
      { value: 'google-ads', cost: '42.00 per patient', numbers: 'spend 1,260 / 30 patients', hidden: false },
      { value: 'facebook', cost: '<11', numbers: 'spend 270 / <11 patients', hidden: true },
      { value: 'word-of-mouth', cost: '—', numbers: 'spend 0 / 0 patients', hidden: false },
    ]);
    expect(breakdownLines(tile({ breakdown: undefined }))).toEqual([]);
  });

  it('states which costs count in the definition line', () => {
    expect(definitionText(kpi)).toBe(
      'Cost per acquired patient: cost on ad.clicked or referral.placed ÷ patients reaching visit.completed, by “source”.',
    );
  });
});

describe('KpiTile with a cost-per KPI', () => {
  it('shows money per patient and the breakdown table by source under the sparkline', () => {
    render(<KpiTile tile={tile()} previousLabel="previous 4 weeks" stepName={(id) => id} />);
    expect(screen.getByText('42.10 per patient')).toBeTruthy();
    expect(screen.getByText('spend 12,630 / 300 patients')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Cost per acquired patient by source' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'sourceCost per patientSpend / patients',
      'google-ads42.00 per patientspend 1,260 / 30 patients',
      'facebook<11spend 270 / <11 patients',
      'word-of-mouth—spend 0 / 0 patients',
    ]);
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
