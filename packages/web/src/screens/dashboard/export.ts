import type { KpiDefinition } from '@pathlight/core';
import { jsPDF } from 'jspdf';
import type { KpiTile } from '../../api';
import { mapToPng } from '../../editor/export/image';
import {
  arrowGlyph,
  font,
  INK,
  MUTED,
  numberPages,
  pdfSafe,
  polyline,
  type Rgb,
  RULE,
  wrap,
} from '../../export-pdf/pdf-kit';
import {
  type Displayed,
  formatDate,
  formatPeriod,
  formatSpend,
  omittedNote,
  PATIENTS,
  type Privacy,
  type Subject,
  shownField,
  smallPopulationMessage,
} from '../../lib/format';
import {
  breakdownLines,
  definitionText,
  sparkGaps,
  sparkValues,
  tileChange,
  tileP90,
  tileValue,
  unitOf,
} from './tile-text';

/** PNG of the dashboard element (the editor's exporter: full size, white background, 2× pixels). */
export const dashboardToPng = (el: HTMLElement): Promise<Blob> => mapToPng(el);

/** One journey's KPIs in the document. */
export interface DashboardPdfSection {
  name: string;
  tiles: readonly KpiTile[];
  privacy: Privacy;
  /** A step's name by id (for definitions that name a step). */
  stepName: (id: string) => string;
  /** Who the journey's cases are (patients when not given). */
  subject?: Subject;
}

/** What the dashboard PDF shows: the shared view's answer and where it comes from. */
export interface DashboardPdfInput {
  /** "Riverside Dental — KPI dashboard" */
  title: string;
  /** The workspace, and the journey when the dashboard shows one. */
  workspace: string;
  journey: string | null;
  period: { from: string; to: string } | null;
  previous: { from: string; to: string } | null;
  /** "previous 4 weeks" */
  previousLabel: string;
  /** `YYYY-MM-DD` */
  generated: string;
  privacy: Privacy;
  sections: readonly DashboardPdfSection[];
}

// A4 portrait in millimetres.
const PAGE_W = 210;
const PAGE_H = 297;
const M = 14;
const BODY_W = PAGE_W - 2 * M;
const FOOT = 10;
const PT = 0.3528; // mm per point
const lineH = (size: number) => size * PT * 1.3;
const TONE: Record<ReturnType<typeof tileChange>['tone'], Rgb> = {
  better: [4, 120, 87],
  worse: [185, 28, 28],
  same: MUTED,
  unknown: MUTED,
};

const isNps = (k: KpiDefinition) => k.kind === 'score' && k.scale === 'nps';

/** "312 of 1,204 patients", "measured for 312 of 1,204 patients", "spend 12,630 over 300 patients". */
export function fractionWords(
  tile: Pick<KpiTile, 'kpi' | 'numerator' | 'denominator' | 'suppressed' | 'suppressedReasons'>,
  subject: Subject = PATIENTS,
): string | null {
  const { kpi } = tile;
  if (tile.numerator === null && tile.denominator === null && tile.suppressed.length === 0) return null;
  if (tile.denominator === 0) return `No ${unitOf(kpi, subject)} in this period.`;
  const shownDen = shownField(tile, 'denominator');
  const den = shownDen.text;
  const unit = unitOf(kpi, subject, shownDen.hidden ? null : tile.denominator);
  const num = shownField(tile, 'numerator').text;
  if (kpi.kind === 'cost-per')
    return `Spend ${shownField(tile, 'numerator', (v) => (v === null ? '—' : formatSpend(v))).text} over ${den} ${unit} acquired.`;
  if (kpi.kind === 'duration') return `Measured for ${num} of ${den} ${unit}.`;
  if (isNps(kpi)) return `From ${den} ${unit}.`;
  if (kpi.kind === 'score') return `${num} of ${den} ${unit} scored 4 or 5.`;
  return `${num} of ${den} ${unit}.`;
}

/** The change against the previous period as one sentence, and which way it points. */
export function changeWords(
  tile: KpiTile,
  previousLabel: string,
  subject: Subject = PATIENTS,
): { text: string; up: boolean | null; color: Rgb } {
  const c = tileChange(tile, subject);
  const color = TONE[c.tone];
  if (c.tone === 'unknown')
    return {
      text: c.amount.hidden ? 'Change on the previous period: hidden.' : `Change: ${c.words}.`,
      up: null,
      color,
    };
  if (c.tone === 'same') return { text: `No change vs the ${previousLabel}.`, up: null, color };
  const up = c.arrow === '▲';
  return {
    text: `${up ? 'Up' : 'Down'} ${c.amount.text} vs the ${previousLabel} (${c.words}).`,
    up,
    color,
  };
}

/** The hidden-value sentence to print under a suppressed value, or null when it is shown. */
const hiddenNote = (d: Displayed) => (d.hidden ? d.hidden.help : null);

/** The definition of a KPI as sentences: how it is counted, what it is for, which way is better. */
function definitionSentences(kpi: KpiDefinition, stepName: (id: string) => string, subject: Subject): string {
  return [
    definitionText(kpi, stepName, subject),
    kpi.description,
    kpi.direction === 'higher-is-better' ? 'Higher is better.' : 'Lower is better.',
    kpi.reference ? `Definition: ${kpi.reference}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

interface Painter {
  pdf: jsPDF;
  /** Measuring only: nothing is drawn. */
  dry: boolean;
}

/** Writes wrapped text from the top edge `y` and returns the height used. */
function para(
  p: Painter,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  style: 'normal' | 'bold' | 'italic' = 'normal',
  color: Rgb = INK,
): number {
  font(p.pdf, size, style, color);
  const lines = wrap(p.pdf, text, width);
  if (!p.dry) p.pdf.text(lines, x, y + size * PT * 0.95, { lineHeightFactor: 1.3, baseline: 'alphabetic' });
  return lines.length * lineH(size);
}

const SPARK_W = 58;
const SPARK_H = 16;

/** A weekly sparkline as vector lines: a segment between neighbouring shown weeks, ticks for hidden ones. */
function sparkline(p: Painter, tile: KpiTile, x: number, y: number): number {
  const values = sparkValues(tile);
  const gaps = sparkGaps(tile);
  const shown = values.filter((v): v is number => v !== null);
  const hiddenWeeks = gaps.filter((g) => g !== null).length;
  const caption =
    values.length === 0
      ? 'No weekly values in this period.'
      : shown.length === 0
        ? 'Weekly values are hidden.'
        : `Week by week (${values.length} ${values.length === 1 ? 'week' : 'weeks'}${hiddenWeeks > 0 ? `, ${hiddenWeeks} hidden` : ''})`;
  const capH = para(p, caption, x, y, SPARK_W, 8, 'normal', MUTED);
  if (shown.length === 0) return capH;
  const top = y + capH + 1;
  if (!p.dry) {
    const { pdf } = p;
    const min = Math.min(...shown);
    const max = Math.max(...shown);
    const span = max - min || 1;
    const px = (i: number) => x + (values.length === 1 ? SPARK_W / 2 : (i / (values.length - 1)) * SPARK_W);
    const py = (v: number) => top + SPARK_H - ((v - min) / span) * SPARK_H;
    pdf.setDrawColor(...RULE);
    pdf.setLineWidth(0.2);
    pdf.line(x, top + SPARK_H + 0.8, x + SPARK_W, top + SPARK_H + 0.8);
    pdf.setDrawColor(37, 99, 235);
    pdf.setFillColor(37, 99, 235);
    pdf.setLineWidth(0.45);
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1) polyline(pdf, run);
      run = [];
    };
    values.forEach((v, i) => {
      if (v === null) {
        flush();
        if (gaps[i] !== null) {
          pdf.setDrawColor(...MUTED);
          pdf.setLineWidth(0.3);
          pdf.line(px(i), top + SPARK_H - 1.5, px(i), top + SPARK_H + 0.8);
          pdf.setDrawColor(37, 99, 235);
          pdf.setLineWidth(0.45);
        }
        return;
      }
      run.push([px(i), py(v)]);
    });
    flush();
    values.forEach((v, i) => {
      if (v !== null) pdf.circle(px(i), py(v), 0.55, 'F');
    });
  }
  return capH + 1 + SPARK_H + 1.5;
}

/** One KPI block; returns its height. Drawn only when `p.dry` is false. */
function tileBlock(
  p: Painter,
  tile: KpiTile,
  stepName: (id: string) => string,
  x: number,
  y: number,
  previousLabel: string,
  subject: Subject = PATIENTS,
): number {
  const pad = 3;
  const leftW = BODY_W - SPARK_W - 3 * pad;
  let h = pad;
  h += para(p, tile.kpi.name, x + pad, y + h, leftW, 12, 'bold');
  h += 0.8;
  const value = tileValue(tile, subject);
  const valueTop = h;
  h += para(p, value.text, x + pad, y + h, leftW, 20, 'bold');
  const note = hiddenNote(value);
  if (note) h += para(p, note, x + pad, y + h, leftW, 8.5, 'italic', MUTED);
  const fraction = fractionWords(tile, subject);
  if (fraction) h += para(p, fraction, x + pad, y + h, leftW, 10);
  const p90 = tileP90(tile);
  if (p90) h += para(p, `9 in 10 within ${p90.text}.`, x + pad, y + h, leftW, 10);
  const change = changeWords(tile, previousLabel, subject);
  const arrowW = change.up === null ? 0 : 4;
  if (!p.dry && change.up !== null)
    arrowGlyph(p.pdf, change.up, x + pad + 1.4, y + h + lineH(10) / 2, 2.6, change.color);
  h += para(p, change.text, x + pad + arrowW, y + h, leftW - arrowW, 10, 'bold', change.color);
  const sparkH = sparkline(p, tile, x + BODY_W - SPARK_W - pad, y + valueTop);
  h = Math.max(h, valueTop + sparkH) + 1.5;
  if (tile.kpi.kind === 'cost-per' && tile.kpi.splitBy !== null) {
    const rows = breakdownLines(tile, subject);
    if (rows.length > 0) {
      h += para(p, `By ${tile.kpi.splitBy}:`, x + pad, y + h, BODY_W - 2 * pad, 9, 'bold');
      for (const r of rows)
        h += para(
          p,
          `${r.value}: ${r.cost.text} (${r.numbers.map((n) => (typeof n === 'string' ? n : n.text)).join('')})`,
          x + pad + 3,
          y + h,
          BODY_W - 2 * pad - 3,
          9,
        );
    }
    const omitted = omittedNote({ omitted: tile.omitted ?? {} }, 'breakdown');
    if (omitted) h += para(p, omitted, x + pad, y + h, BODY_W - 2 * pad, 9, 'italic', MUTED);
  }
  h += para(
    p,
    definitionSentences(tile.kpi, stepName, subject),
    x + pad,
    y + h,
    BODY_W - 2 * pad,
    9,
    'normal',
    MUTED,
  );
  h += pad;
  if (!p.dry) {
    p.pdf.setDrawColor(...RULE);
    p.pdf.setLineWidth(0.3);
    p.pdf.roundedRect(x, y, BODY_W, h, 1.5, 1.5, 'S');
  }
  return h;
}

/** What the privacy of the view means, in one sentence. */
export function sharedViewSentence(privacy: Privacy): string {
  if (!privacy.applied) return 'Exact counts: this is not a shared view.';
  return `Shared view: counts of 1–10 patients are hidden (shown as “<11”), numbers that would reveal them read “hidden”${privacy.rounding > 1 ? `, and other counts are rounded to the nearest ${privacy.rounding}` : ''}.`;
}

/**
 * The dashboard as a printable A4 document in vector text and lines: a title block (scope, period
 * and the previous period, date, what the shared view hides), then one block per KPI (value in its
 * unit, numbers in words, change and direction, weekly sparkline, definition). Blocks never split
 * across pages; every page is numbered "Page n of N".
 */
export function dashboardToPdf(o: DashboardPdfInput): Blob {
  return dashboardPdfDocument(o).output('blob');
}

/** The jsPDF document behind `dashboardToPdf` (tests read its pages and text). */
export function dashboardPdfDocument(o: DashboardPdfInput, { compress = true } = {}): jsPDF {
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress });
  pdf.setProperties({
    title: pdfSafe(o.title),
    subject: 'KPI dashboard (shared view)',
    creator: 'Pathlight',
  });
  const draw: Painter = { pdf, dry: false };
  const measure: Painter = { pdf, dry: true };
  const bottom = PAGE_H - M - FOOT;
  let y = M;

  // Title block
  y += para(draw, o.title, M, y, BODY_W, 18, 'bold');
  y += 1;
  const facts = [
    o.journey
      ? `Workspace: ${o.workspace}. Journey: ${o.journey}.`
      : `Workspace: ${o.workspace}. Every journey with KPIs.`,
    o.period
      ? `Period: ${formatPeriod(o.period.from, o.period.to)}${o.previous ? `, compared with the previous period ${formatPeriod(o.previous.from, o.previous.to)}` : ''}.`
      : 'Period: no events in the data yet.',
    `Generated ${formatDate(o.generated)} from Pathlight.`,
  ];
  for (const f of facts) y += para(draw, f, M, y, BODY_W, 10, 'normal', MUTED);
  y += 2;
  const shared = sharedViewSentence(o.privacy);
  const sharedH = para(measure, shared, M + 3, y + 2, BODY_W - 6, 10, 'bold');
  pdf.setFillColor(243, 244, 246);
  pdf.roundedRect(M, y, BODY_W, sharedH + 4, 1.5, 1.5, 'F');
  para(draw, shared, M + 3, y + 2, BODY_W - 6, 10, 'bold');
  y += sharedH + 8;

  const fits = (h: number) => y + h <= bottom;
  const newPage = () => {
    pdf.addPage('a4', 'portrait');
    y = M;
  };
  for (const s of o.sections) {
    const subject = s.subject ?? PATIENTS;
    const small = smallPopulationMessage(subject);
    const headH = o.journey ? 0 : para(measure, s.name, M, 0, BODY_W, 14, 'bold') + 2;
    const firstH =
      s.privacy.smallPopulation || s.tiles.length === 0
        ? para(measure, small, M, 0, BODY_W, 10)
        : tileBlock(measure, s.tiles[0]!, s.stepName, M, 0, o.previousLabel, subject);
    // A section title stays with its first block.
    if (!fits(headH + firstH)) newPage();
    if (headH > 0) y += para(draw, s.name, M, y, BODY_W, 14, 'bold') + 2;
    if (s.privacy.smallPopulation) {
      y += para(draw, small, M, y, BODY_W, 10) + 4;
      continue;
    }
    if (s.tiles.length === 0) {
      y += para(draw, 'This journey has no KPIs.', M, y, BODY_W, 10) + 4;
      continue;
    }
    for (const tile of s.tiles) {
      const h = tileBlock(measure, tile, s.stepName, M, y, o.previousLabel, subject);
      if (!fits(h) && y > M) newPage();
      tileBlock(draw, tile, s.stepName, M, y, o.previousLabel, subject);
      y += h + 4;
    }
    y += 2;
  }

  numberPages(
    pdf,
    (page, of) => `${o.title} · Page ${page} of ${of}`,
    (w, h) => [w - M, h - M + 2],
    8,
  );
  return pdf;
}
