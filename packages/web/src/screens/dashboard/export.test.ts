import type { KpiDefinition } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import type { KpiTile as Tile } from '../../api';
import { pdfStrings } from '../../export-pdf/pdf-strings';
import { privacyOf } from '../../lib/format';
import { row, suppression } from '../../test-utils/analysis';
import { noShowKpi } from '../../test-utils/fixtures';
import { type DashboardPdfInput, dashboardPdfDocument, fractionWords } from './export';

type RateKpi = Extract<KpiDefinition, { kind: 'rate' }>;

const visitKpi: KpiDefinition = {
  id: 'time-to-visit',
  name: 'Time to first visit',
  description: 'How long new patients wait.',
  kind: 'duration',
  direction: 'lower-is-better',
  reference: '',
  from: { activities: ['referral.received'] },
  to: { stepId: 'st-visit' },
};

const week = (value: number | null) => row({ week: '2026-03-02', value, numerator: null, denominator: null });
const tile = (over: Partial<Tile> = {}): Tile => ({
  kpi: noShowKpi,
  value: 310 / 1205,
  numerator: 310,
  denominator: 1205,
  p90Seconds: null,
  previousValue: 0.24,
  previousNumerator: 300,
  previousDenominator: 1250,
  change: 310 / 1205 - 0.24,
  weekly: [week(0.2), week(0.25), week(null), week(0.22)],
  omitted: {},
  suppressed: [],
  suppressedReasons: {},
  ...over,
});

const viewer = privacyOf({ suppression: suppression.viewer });
const input = (tiles: Tile[]): DashboardPdfInput => ({
  title: 'New patient — KPI dashboard',
  workspace: 'Riverside Dental',
  journey: 'New patient',
  period: { from: '2026-03-02', to: '2026-03-30' },
  previous: { from: '2026-02-02', to: '2026-03-02' },
  previousLabel: 'previous 4 weeks',
  generated: '2026-04-01',
  privacy: viewer,
  sections: [
    {
      name: 'New patient',
      tiles,
      privacy: viewer,
      stepName: (id) => (id === 'st-visit' ? 'First visit' : '?'),
    },
  ],
});

const nine = () =>
  Array.from({ length: 9 }, (_, i) =>
    tile({
      kpi:
        i % 2
          ? { ...visitKpi, id: `k${i}`, name: `Wait ${i}` }
          : { ...noShowKpi, id: `k${i}`, name: `Rate ${i}` },
      ...(i % 2 ? { value: 3.5 * 86_400, change: -86_400, p90Seconds: 9 * 86_400 } : {}),
    }),
  );

describe('dashboard PDF', () => {
  it('is an A4 portrait document of several numbered pages, one block per KPI, in vector text', () => {
    const pdf = dashboardPdfDocument(input(nine()));
    const pages = pdfStrings(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // A4 portrait in points
    expect(Math.round(pdf.internal.pageSize.getWidth() * (72 / 25.4))).toBe(595);
    expect(Math.round(pdf.internal.pageSize.getHeight() * (72 / 25.4))).toBe(842);
    const all = pages.flat().join('\n');
    for (let i = 0; i < 9; i++) expect(all).toContain(i % 2 ? `Wait ${i}` : `Rate ${i}`);
    expect(pages[0]!.join(' ')).toContain(
      'Period: 2 Mar 2026 – 29 Mar 2026, compared with the previous period 2 Feb 2026 – 1 Mar 2026.',
    );
    expect(all).toContain('Generated 1 Apr 2026 from Pathlight.');
    expect(all).toMatch(/Shared view: counts of 1–10 patients are hidden/);
    expect(all).toContain('rounded to the nearest 5');
    expect(pages.at(-1)!.join(' ')).toContain(`Page ${pages.length} of ${pages.length}`);
    // a KPI block is never split: each KPI's name and its definition are on the same page
    for (const page of pages) {
      const text = page.join(' ');
      const names = text.match(/(Rate|Wait) \d/g) ?? [];
      const definitions = text.match(/(Lower|Higher) is better\./g) ?? [];
      expect(definitions.length).toBe(names.length);
    }
  });

  it('writes the value in its unit, the numbers in words, the change with its direction, and step names', () => {
    const all = pdfStrings(dashboardPdfDocument(input(nine())))
      .flat()
      .join(' ');
    expect(all).toContain('25.7%');
    expect(all).toContain('310 of 1,205 events.');
    expect(all).toContain('Up +1.7 pts vs the previous 4 weeks (worse).');
    expect(all).toContain('3.5 days');
    expect(all).toContain('Down −1 days vs the previous 4 weeks (better).'.replace('−', '-'));
    expect(all).toContain('9 in 10 within 9 days.');
    expect(all).toContain('step “First visit”');
    expect(all).not.toContain('st-visit');
  });

  it('prints "<11" for a hidden small count and "hidden" for a derived value, never the exact number', () => {
    const hidden = tile({
      ...row(
        { value: 7 / 40, numerator: 7, denominator: 40, change: 0.01, previousValue: 0.165 },
        { numerator: 'small', value: 'derived', change: 'derived' },
      ),
      kpi: { ...noShowKpi, name: 'Late cancellations' },
      weekly: [
        row({ week: '2026-03-02', value: 0.175, numerator: 7, denominator: 40 }, { value: 'derived' }),
      ],
    });
    const all = pdfStrings(dashboardPdfDocument(input([hidden])))
      .flat()
      .join(' ');
    expect(all).toContain('Late cancellations');
    expect(all).toContain('<11 of 40 events.');
    expect(all).toMatch(/\bhidden\b/);
    expect(all).toContain('Change on the previous period: hidden.');
    expect(all).toContain('Weekly values are hidden.');
    expect(all).not.toMatch(/\b7 of\b/);
    expect(all).not.toContain('17.5%');
  });

  it('says the view has too few patients instead of printing its numbers', () => {
    const tooFew = privacyOf({ suppression: suppression.tooFew });
    const o = input([tile()]);
    const all = pdfStrings(dashboardPdfDocument({ ...o, sections: [{ ...o.sections[0]!, privacy: tooFew }] }))
      .flat()
      .join(' ');
    expect(all).toContain('Fewer than 11 patients match this view');
    expect(all).not.toContain('1,205');
  });

  it('words the numbers behind each kind of KPI', () => {
    expect(fractionWords(tile({ kpi: { ...(noShowKpi as RateKpi), countOver: 'cases' } }))).toBe(
      '310 of 1,205 patients.',
    );
    expect(fractionWords(tile({ kpi: visitKpi }))).toBe('Measured for 310 of 1,205 patients.');
    expect(fractionWords(tile({ denominator: 0 }))).toBe('No events in this period.');
  });
});
