import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfStrings } from '../../export-pdf/pdf-strings';
import { privacyOf } from '../../lib/format';
import { row, suppression } from '../../test-utils/analysis';
import { bigJourney } from '../fixtures/big-journey';
import { sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { journeyPersonas } from '../map/layout';
import { type PosterInput, posterDocument } from './poster';

const viewer = privacyOf({ suppression: suppression.viewer });
const step = (stepId: string, cases: number, conv: number | null, lost: number | null) =>
  row({ stepId, cases, conversionFromPrevious: conv, dropOff: lost, medianSecondsFromPrevious: 86_400 * 2 });

const sample = (over: Partial<PosterInput> = {}): PosterInput => {
  const doc = sampleJourney();
  return {
    doc,
    personas: journeyPersonas(doc, samplePersonas),
    size: 'a1',
    generated: '2026-04-01',
    numbers: {
      steps: [
        step('t1', 1205, null, null),
        // a small count: 1–10 patients read "<11", the conversion and loss that reveal it "hidden"
        row(
          {
            stepId: 't3',
            cases: 7,
            conversionFromPrevious: 7 / 1205,
            dropOff: 1198,
            medianSecondsFromPrevious: 3600,
          },
          { cases: 'small', conversionFromPrevious: 'derived', dropOff: 'complementary' },
        ),
      ],
      kpis: [],
      privacy: viewer,
      summary: '1,205 patients, 3 Mar 2025 – 30 Aug 2025',
    },
    ...over,
  };
};

const pt = (mm: number) => Math.round((mm / 25.4) * 72);
const dump = (name: string, pdf: ReturnType<typeof posterDocument>) => {
  // PATHLIGHT_POSTER_OUT=/tmp writes the posters for a look (pdftoppm).
  const out = process.env.PATHLIGHT_POSTER_OUT;
  if (out) writeFileSync(`${out}/${name}.pdf`, Buffer.from(pdf.output('arraybuffer')));
};

describe('journey map poster', () => {
  it('fills one A1 landscape sheet with every step, lane and card in vector text', () => {
    const input = sample();
    const pdf = posterDocument(input);
    dump('poster-a1', pdf);
    expect(pdf.getNumberOfPages()).toBe(1);
    expect(Math.round(pdf.internal.pageSize.getWidth())).toBe(pt(841));
    expect(Math.round(pdf.internal.pageSize.getHeight())).toBe(pt(594));
    const text = pdfStrings(pdf).flat().join(' ');
    for (const name of [
      'Search online',
      'Call the practice',
      'Check in',
      'Exam',
      'Find a practice',
      'Front desk',
    ])
      expect(text).toContain(name);
    expect(text).toContain('Search "dentist near me"');
    expect(text).toMatch(/Observed|Reported|Assumed/);
    expect(text).toContain('Evidence:');
    expect(text).not.toMatch(/\bt[1-4]\b|l-touch|\bc1\b/);
  });

  it('prints the shared view: rounded counts, "<11" for a small count and "hidden" for what would reveal it', () => {
    const text = pdfStrings(posterDocument(sample())).flat().join(' ');
    expect(text).toContain('1,205 patients');
    expect(text).toContain('<11 patients');
    expect(text).toContain('hidden kept · hidden lost');
    expect(text).not.toMatch(/\b7 patients\b/);
    expect(text).not.toContain('1,198');
    expect(text).toContain('Counts rounded to the nearest 5 for privacy.');
  });

  it('keeps text at 14 pt or more at A1 and scales the whole poster to A3', () => {
    const sizes = (pdf: ReturnType<typeof posterDocument>) => {
      const ops = (pdf.internal as unknown as { pages: string[][] }).pages.flat().join('\n');
      return [...ops.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
    };
    const a1 = posterDocument(sample());
    const a3 = posterDocument(sample({ size: 'a3' }));
    dump('poster-a3', a3);
    expect(Math.min(...sizes(a1))).toBeGreaterThanOrEqual(14);
    expect(Math.round(a3.internal.pageSize.getWidth())).toBe(pt(420));
    expect(Math.min(...sizes(a3))).toBeGreaterThanOrEqual(6.99);
  });

  it('splits a long map over several sheets, numbered, with overlap marks, never under 14 pt', () => {
    const doc = bigJourney(12, 5, 240);
    const pdf = posterDocument({ ...sample(), doc, personas: journeyPersonas(doc, samplePersonas) });
    dump('poster-long', pdf);
    const pages = pdfStrings(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.join(' ')).toContain(`Sheet 1 of ${pages.length}`);
    expect(pages[1]!.join(' ')).toMatch(/Overlap/);
    const all = pages.flat().join(' ');
    for (let s = 1; s <= 12; s++) expect(all).toContain(`Step ${s}.5`);
    const ops = (pdf.internal as unknown as { pages: string[][] }).pages.flat().join('\n');
    const sizes = [...ops.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });

  it('says there are no numbers when the view has too few patients', () => {
    const tooFew = privacyOf({ suppression: suppression.tooFew });
    const input = sample();
    const text = pdfStrings(posterDocument({ ...input, numbers: { ...input.numbers!, privacy: tooFew } }))
      .flat()
      .join(' ');
    expect(text).toContain('Fewer than 11 patients match this view');
    expect(text).not.toContain('1,205 patients ');
  });
});
