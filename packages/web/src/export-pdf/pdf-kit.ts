import type { Confidence } from '@pathlight/core';
import type { jsPDF } from 'jspdf';

/** An RGB colour for jsPDF. */
export type Rgb = readonly [number, number, number];

export const INK: Rgb = [31, 41, 55];
export const MUTED: Rgb = [75, 85, 99];
export const RULE: Rgb = [209, 213, 219];

/** `#rrggbb` as RGB; a neutral grey for anything else. */
export function hexRgb(color: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m
    ? [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)]
    : [107, 114, 128];
}

/** Characters beyond Latin-1 that the PDF standard fonts (WinAnsi) still have. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Common characters the standard fonts lack, written with ones they have. */
const SPELLED: Record<string, string> = {
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '✓': 'yes',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

/**
 * Text the PDF's built-in Helvetica can draw (WinAnsi): known symbols spelled out, accents kept,
 * anything else reduced to its base letters or "?". Without this, jsPDF writes garbage for them.
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ' ';
    else if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base !== ch && /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** Lines of `text` wrapped to `width` at the current font (each made PDF-safe). */
export function wrap(pdf: jsPDF, text: string, width: number): string[] {
  const lines = pdf.splitTextToSize(pdfSafe(text), width) as string[];
  return lines.length === 0 ? [''] : lines;
}

/** Sets font, size (pt) and colour in one call. */
export function font(pdf: jsPDF, size: number, style: 'normal' | 'bold' | 'italic' = 'normal', color = INK) {
  pdf.setFont('helvetica', style);
  pdf.setFontSize(size);
  pdf.setTextColor(color[0], color[1], color[2]);
}

/** The evidence glyph of a card: filled (observed), half (reported), dashed ring (assumed). */
export const CONFIDENCE_COLOR: Record<Confidence, Rgb> = {
  observed: [4, 120, 87],
  reported: [37, 99, 235],
  assumed: [180, 83, 9],
};

export const CONFIDENCE_WORD: Record<Confidence, string> = {
  observed: 'Observed',
  reported: 'Reported',
  assumed: 'Assumed',
};

/** Draws the evidence glyph centred on (cx, cy) with radius r (in the document's unit). */
export function confidenceGlyph(pdf: jsPDF, c: Confidence, cx: number, cy: number, r: number) {
  const [red, green, blue] = CONFIDENCE_COLOR[c];
  pdf.setDrawColor(red, green, blue);
  pdf.setFillColor(red, green, blue);
  pdf.setLineWidth(r * 0.28);
  if (c === 'observed') pdf.circle(cx, cy, r, 'F');
  else if (c === 'reported') {
    pdf.circle(cx, cy, r * 0.86, 'S');
    // the right half filled: a polygon approximating the half disc
    const pts: [number, number][] = [];
    for (let i = 0; i <= 12; i++) {
      const a = -Math.PI / 2 + (Math.PI * i) / 12;
      pts.push([cx + Math.cos(a) * r * 0.86, cy + Math.sin(a) * r * 0.86]);
    }
    polygon(pdf, pts, 'F');
  } else {
    pdf.setLineDashPattern([r * 0.45, r * 0.35], 0);
    pdf.circle(cx, cy, r * 0.86, 'S');
    pdf.setLineDashPattern([], 0);
  }
}

/** A closed polygon through absolute points. */
export function polygon(pdf: jsPDF, pts: readonly (readonly [number, number])[], style: 'F' | 'S' | 'FD') {
  const [first, ...rest] = pts;
  if (!first) return;
  const deltas: [number, number][] = [];
  let [px, py] = first;
  for (const [x, y] of rest) {
    deltas.push([x - px, y - py]);
    px = x;
    py = y;
  }
  pdf.lines(deltas, first[0], first[1], [1, 1], style, true);
}

/** An open polyline through absolute points (vector, no fill). */
export function polyline(pdf: jsPDF, pts: readonly (readonly [number, number])[]) {
  const [first, ...rest] = pts;
  if (!first || rest.length === 0) return;
  const deltas: [number, number][] = [];
  let [px, py] = first;
  for (const [x, y] of rest) {
    deltas.push([x - px, y - py]);
    px = x;
    py = y;
  }
  pdf.lines(deltas, first[0], first[1], [1, 1], 'S', false);
}

/** A small triangle pointing up or down, centred on (cx, cy): the direction of a change. */
export function arrowGlyph(pdf: jsPDF, up: boolean, cx: number, cy: number, size: number, color: Rgb) {
  pdf.setFillColor(color[0], color[1], color[2]);
  const h = size * 0.9;
  const pts: [number, number][] = up
    ? [
        [cx, cy - h / 2],
        [cx + size / 2, cy + h / 2],
        [cx - size / 2, cy + h / 2],
      ]
    : [
        [cx - size / 2, cy - h / 2],
        [cx + size / 2, cy - h / 2],
        [cx, cy + h / 2],
      ];
  polygon(pdf, pts, 'F');
}

/** Writes "Page 2 of 3" (or what `label` says) at the foot of every page. */
export function numberPages(
  pdf: jsPDF,
  label: (page: number, of: number) => string,
  at: (w: number, h: number) => [number, number],
  size: number,
) {
  const total = pdf.getNumberOfPages();
  for (let i = 1; i <= total; i++) {
    pdf.setPage(i);
    const w = pdf.internal.pageSize.getWidth();
    const h = pdf.internal.pageSize.getHeight();
    const [x, y] = at(w, h);
    font(pdf, size, 'normal', MUTED);
    pdf.text(pdfSafe(label(i, total)), x, y, { align: 'right' });
  }
}
