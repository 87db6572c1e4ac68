import {
  type Card,
  type JourneyContent,
  type LaneKind,
  orderedSteps,
  strongestConfidence,
} from '@pathlight/core';
import { jsPDF } from 'jspdf';
import {
  CONFIDENCE_WORD,
  confidenceGlyph,
  hexRgb,
  INK,
  MUTED,
  pdfSafe,
  polygon,
  polyline,
  type Rgb,
  RULE,
} from '../../export-pdf/pdf-kit';
import {
  formatDuration,
  formatKpiValue,
  formatPercent,
  HIDDEN_TEXT,
  PATIENTS,
  type Privacy,
  roundingNote,
  SMALL_TEXT,
  type Subject,
  shownField,
  smallPopulationMessage,
  subjectWord,
} from '../../lib/format';
import { stepScale } from '../evidence/scale';
import type { KpiEvidence, StepEvidence } from '../evidence/types';
import { CHANNEL_LABELS } from '../glyphs/glyphs';
import { type Column, groupCards, kpiAnchorStep, type Marker, mapLayout, SCORE_WORDS } from '../map/layout';

/** The sheet a poster is printed on (landscape). */
export type PosterSize = 'a1' | 'a3';

/** The shared view's live numbers for the poster (`POST /api/journeys/:id/metrics?shared=1`). */
export interface PosterNumbers {
  steps: readonly StepEvidence[];
  kpis: readonly KpiEvidence[];
  privacy: Privacy;
  /** One line on where the numbers come from, e.g. "1,205 patients, 3 Mar 2025 – 30 Aug 2025". */
  summary: string | null;
  /** The same facts unworded (count text and date span), so the poster names the journey's subject. */
  source?: { cases: string; span: string } | null;
}

export interface PosterInput {
  doc: JourneyContent;
  /** The personas whose curves belong on the map (`journeyPersonas`). */
  personas: readonly { id: string; name: string; color: string; marker: Marker }[];
  size: PosterSize;
  /** `YYYY-MM-DD` */
  generated: string;
  /** The shared view's numbers; null when the workspace has no event data. */
  numbers: PosterNumbers | null;
}

// Sizes are in points on an A1 sheet; an A3 poster is the same poster scaled by 420/841.
const A1 = { w: 2383.94, h: 1683.78 };
const SCALE: Record<PosterSize, number> = { a1: 1, a3: 420 / 841 };
/** The smallest text on the poster at A1 (pt); every other size is larger. */
export const MIN_TEXT_PT = 14;
const SIZE = {
  title: 44,
  sub: 18,
  stage: 22,
  step: 17,
  lane: 16,
  text: MIN_TEXT_PT,
};
const LH = 1.25;
const MARGIN = 48;
const LANE_W = 210;
/** The narrowest step column (about 26 characters a line at 14 pt). */
const MIN_COL = 230;
const PAD = 8;
const GAP = 8;
/** The emotions lane below its name: five score levels a text line apart, at least. */
const EMOTION_H = 150;
const MAX_SCALE = 3;

const LANE_FILL: Partial<Record<LaneKind, Rgb>> = {
  touchpoints: [238, 242, 255],
  actions: [240, 249, 255],
  thoughts: [254, 252, 232],
  'pain-points': [254, 242, 242],
  opportunities: [236, 253, 245],
  frontstage: [245, 243, 255],
  backstage: [248, 250, 252],
  systems: [241, 245, 249],
  data: [255, 247, 237],
};
const BAND_COLOR: Rgb[] = [
  [4, 120, 87],
  [161, 98, 7],
  [194, 65, 12],
  [185, 28, 28],
];
const BAND_WORDS = ['Keeps 90% or more', 'Keeps 75–89%', 'Keeps 50–74%', 'Keeps under 50%'];

/** One thing drawn in a cell: a card (text, evidence, channel) or a chip (KPI, opportunity). */
interface Item {
  lines: string[];
  meta: string | null;
  glyph: Card['evidence'][number]['confidence'] | null;
  fill: Rgb;
  bold: boolean;
  height: number;
}

interface Sheet {
  columns: Column[];
  /** The first column repeats the previous sheet's last one (overlap for pasting). */
  overlapLeft: boolean;
  overlapRight: boolean;
  lanes: string[];
  row: number;
  col: number;
  /** The sheet numbers (from 1) of the neighbours this sheet overlaps, left and right. */
  leftSheet: number;
  rightSheet: number;
}

/** Lays the map out in A1 points and draws it; `s` scales every length (A3). */
class Poster {
  readonly pdf: jsPDF;
  readonly s: number;
  constructor(readonly input: PosterInput) {
    this.s = SCALE[input.size];
    this.pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: input.size, compress: true });
  }

  private font(size: number, style: 'normal' | 'bold' | 'italic' = 'normal', color: Rgb = INK) {
    this.pdf.setFont('helvetica', style);
    // measured at the A1 size (widths are linear in the size); drawn at the scaled size
    this.pdf.setFontSize(size);
    this.pdf.setTextColor(color[0], color[1], color[2]);
  }

  /** Lines of text wrapped to `width` at `size` (A1 points). */
  wrap(text: string, width: number, size: number, style: 'normal' | 'bold' | 'italic' = 'normal'): string[] {
    this.font(size, style);
    const lines = this.pdf.splitTextToSize(pdfSafe(text), width) as string[];
    return lines.length === 0 ? [''] : lines;
  }

  width(text: string, size: number, style: 'normal' | 'bold' | 'italic' = 'normal'): number {
    this.font(size, style);
    return this.pdf.getTextWidth(pdfSafe(text));
  }

  /** Draws lines from the top edge `y`; returns the height used. */
  text(
    lines: string[],
    x: number,
    y: number,
    size: number,
    style: 'normal' | 'bold' | 'italic' = 'normal',
    color: Rgb = INK,
    align: 'left' | 'right' | 'center' = 'left',
  ): number {
    this.font(size * this.s, style, color);
    this.pdf.text(lines, x * this.s, (y + size * 0.93) * this.s, {
      lineHeightFactor: LH,
      baseline: 'alphabetic',
      align,
    });
    return lines.length * size * LH;
  }

  rect(x: number, y: number, w: number, h: number, fill: Rgb | null, stroke: Rgb | null, r = 0) {
    const { pdf, s } = this;
    if (fill) pdf.setFillColor(fill[0], fill[1], fill[2]);
    if (stroke) {
      pdf.setDrawColor(stroke[0], stroke[1], stroke[2]);
      pdf.setLineWidth(1 * s);
    }
    const style = fill && stroke ? 'FD' : fill ? 'F' : 'S';
    if (r > 0) pdf.roundedRect(x * s, y * s, w * s, h * s, r * s, r * s, style);
    else pdf.rect(x * s, y * s, w * s, h * s, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, width = 1, dash: number[] | null = null) {
    const { pdf, s } = this;
    pdf.setDrawColor(color[0], color[1], color[2]);
    pdf.setLineWidth(width * s);
    if (dash)
      pdf.setLineDashPattern(
        dash.map((d) => d * s),
        0,
      );
    pdf.line(x1 * s, y1 * s, x2 * s, y2 * s);
    if (dash) pdf.setLineDashPattern([], 0);
  }

  marker(m: Marker, x: number, y: number, r: number, color: Rgb) {
    const { pdf, s } = this;
    pdf.setFillColor(color[0], color[1], color[2]);
    const [X, Y, R] = [x * s, y * s, r * s];
    if (m === 'circle') pdf.circle(X, Y, R, 'F');
    else if (m === 'square') pdf.rect(X - R, Y - R, 2 * R, 2 * R, 'F');
    else if (m === 'diamond')
      polygon(
        pdf,
        [
          [X, Y - R * 1.3],
          [X + R * 1.3, Y],
          [X, Y + R * 1.3],
          [X - R * 1.3, Y],
        ],
        'F',
      );
    else
      polygon(
        pdf,
        [
          [X, Y - R * 1.2],
          [X + R * 1.2, Y + R],
          [X - R * 1.2, Y + R],
        ],
        'F',
      );
  }

  /** The band of a step's conversion as a shape (never colour alone): ●, half, ▲, ▼. */
  band(b: number, x: number, y: number, r: number) {
    const color = BAND_COLOR[b] ?? MUTED;
    const { pdf, s } = this;
    pdf.setFillColor(color[0], color[1], color[2]);
    pdf.setDrawColor(color[0], color[1], color[2]);
    pdf.setLineWidth(1.5 * s);
    const [X, Y, R] = [x * s, y * s, r * s];
    if (b === 0) pdf.circle(X, Y, R, 'F');
    else if (b === 1) {
      pdf.circle(X, Y, R * 0.9, 'S');
      const pts: [number, number][] = [];
      for (let i = 0; i <= 12; i++) {
        const a = -Math.PI / 2 + (Math.PI * i) / 12;
        pts.push([X + Math.cos(a) * R * 0.9, Y + Math.sin(a) * R * 0.9]);
      }
      polygon(pdf, pts, 'F');
    } else if (b === 2)
      polygon(
        pdf,
        [
          [X, Y - R],
          [X + R, Y + R * 0.8],
          [X - R, Y + R * 0.8],
        ],
        'F',
      );
    else
      polygon(
        pdf,
        [
          [X - R, Y - R * 0.8],
          [X + R, Y - R * 0.8],
          [X, Y + R],
        ],
        'F',
      );
  }

  glyph(c: NonNullable<Item['glyph']>, x: number, y: number, r: number) {
    confidenceGlyph(this.pdf, c, x * this.s, y * this.s, r * this.s);
  }
}

const lh = (size: number) => size * LH;

/** The text of a step's live numbers, as on the map: patients, kept and lost, median wait. */
export function stepNumberLines(m: StepEvidence, subject: Subject = PATIENTS): string[] {
  const cases = shownField(m, 'cases');
  const conv = shownField(m, 'conversionFromPrevious', formatPercent);
  const lost = shownField(m, 'dropOff');
  const wait = shownField(m, 'medianSecondsFromPrevious', formatDuration);
  const first = m.conversionFromPrevious === null && !m.suppressed.includes('conversionFromPrevious');
  return [
    `${cases.text} ${subjectWord(cases.hidden ? null : m.cases, subject)}`,
    first ? 'first measured step' : `${conv.text} kept · ${lost.text} lost`,
    ...(m.medianSecondsFromPrevious !== null || wait.hidden ? [`wait ${wait.text} (median)`] : []),
  ];
}

/** The headline facts of the poster's map, its cells' contents and its sheets. */
function plan(p: Poster) {
  const { doc, numbers } = p.input;
  const layout = mapLayout(doc);
  const cells = groupCards(doc.cards);
  const visible = layout.columns.flatMap((c) => (c.step ? [c.step.id] : []));
  const stepNames = new Map(orderedSteps(doc).map((s) => [s.id, s.name]));
  const mapped = new Set(orderedSteps(doc).flatMap((s) => (s.activities.length > 0 ? [s.id] : [])));
  const showNumbers = numbers && !numbers.privacy.smallPopulation ? numbers : null;
  const stepRows = new Map(
    (showNumbers?.steps ?? []).filter((r) => mapped.has(r.stepId)).map((r) => [r.stepId, r]),
  );
  const scale = stepScale([...stepRows.values()]);
  const kpiValues = new Map((showNumbers?.kpis ?? []).map((k) => [k.id, k]));
  const kpiChips = new Map<string, { text: string; meta: string | null }[]>();
  for (const k of doc.kpis) {
    const at = kpiAnchorStep(k, visible);
    if (!at) continue;
    const v = kpiValues.get(k.id);
    const value = v
      ? shownField(v, 'value', (x) => formatKpiValue(k, x, 'compact', doc.subject.singular)).text
      : null;
    const frac =
      v && k.kind !== 'score'
        ? `${shownField(v, 'numerator').text} of ${shownField(v, 'denominator').text}`
        : null;
    kpiChips.set(at, [
      ...(kpiChips.get(at) ?? []),
      { text: `KPI: ${k.name}`, meta: value ? `${value}${frac ? ` (${frac})` : ''}` : null },
    ]);
  }
  const opps = new Map<string, string[]>();
  for (const o of doc.opportunities)
    for (const s of o.stepIds) opps.set(s, [...(opps.get(s) ?? []), `Opportunity: ${o.title}`]);
  const systems = new Map(doc.systems.map((s) => [s.id, s.name]));

  /** The items of a cell at a column width. */
  const items = (laneId: string, kind: LaneKind, stepId: string, colW: number): Item[] => {
    const inner = colW - 2 * PAD - 2 * PAD;
    const out: Item[] = [];
    const fill = LANE_FILL[kind] ?? [249, 250, 251];
    for (const card of cells.get(`${laneId}|${stepId}`) ?? []) {
      const lines = p.wrap(card.text, inner, SIZE.text);
      const conf = strongestConfidence(card.evidence);
      const extra = [
        card.channel ? CHANNEL_LABELS[card.channel] : null,
        card.severity ? `${card.severity} severity` : null,
        card.systemId && systems.get(card.systemId) ? `system: ${systems.get(card.systemId)}` : null,
      ].filter(Boolean);
      const metaText = [CONFIDENCE_WORD[conf], ...extra].join(' · ');
      const meta = p.wrap(metaText, inner - 22, SIZE.text).join(' ');
      const metaLines = p.wrap(metaText, inner - 22, SIZE.text).length;
      out.push({
        lines,
        meta,
        glyph: conf,
        fill,
        bold: false,
        height: 2 * PAD + lines.length * lh(SIZE.text) + 4 + metaLines * lh(SIZE.text),
      });
    }
    if (kind === 'data')
      for (const k of kpiChips.get(stepId) ?? []) {
        const lines = p.wrap(k.text, inner, SIZE.text, 'bold');
        const metaLines = k.meta ? p.wrap(k.meta, inner, SIZE.text) : [];
        out.push({
          lines,
          meta: metaLines.join(' ') || null,
          glyph: null,
          fill: [255, 237, 213],
          bold: true,
          height: 2 * PAD + (lines.length + metaLines.length) * lh(SIZE.text),
        });
      }
    if (kind === 'opportunities')
      for (const o of opps.get(stepId) ?? []) {
        const lines = p.wrap(o, inner, SIZE.text, 'bold');
        out.push({
          lines,
          meta: null,
          glyph: null,
          fill: [209, 250, 229],
          bold: true,
          height: 2 * PAD + lines.length * lh(SIZE.text),
        });
      }
    return out;
  };

  /** Heights of the header rows and of each lane for some columns at a column width. */
  const measure = (columns: readonly Column[], colW: number, lanes: readonly string[]) => {
    const stageH = Math.max(
      0,
      ...layout.stages.map((st) => {
        const span = columns.filter((c) => c.stage.id === st.stage.id).length;
        if (span === 0) return 0;
        const w = span * colW - 2 * PAD;
        return (
          2 * PAD +
          p.wrap(st.stage.name, w, SIZE.stage, 'bold').length * lh(SIZE.stage) +
          (st.stage.goal ? p.wrap(st.stage.goal, w, SIZE.text, 'italic').length * lh(SIZE.text) : 0)
        );
      }),
    );
    const stepH = Math.max(
      60,
      ...columns.map((c) => {
        if (!c.step) return 2 * PAD + lh(SIZE.text);
        const name = p.wrap(c.step.name, colW - 2 * PAD, SIZE.step, 'bold').length * lh(SIZE.step);
        const m = stepRows.get(c.step.id);
        const nums = m
          ? (stepNumberLines(m, p.input.doc.subject).length + (scale.worstStepId === c.step.id ? 1 : 0)) *
              lh(SIZE.text) +
            6
          : 0;
        return 2 * PAD + name + nums;
      }),
    );
    const laneH = new Map<string, number>();
    for (const lane of layout.lanes) {
      if (!lanes.includes(lane.id)) continue;
      const head = 2 * PAD + p.wrap(lane.name, LANE_W - 2 * PAD, SIZE.lane, 'bold').length * lh(SIZE.lane);
      if (lane.kind === 'emotions') {
        laneH.set(lane.id, head + EMOTION_H);
        continue;
      }
      const content = Math.max(
        0,
        ...columns.map((c) =>
          c.step ? items(lane.id, lane.kind, c.step.id, colW).reduce((h, it) => h + it.height + GAP, 0) : 0,
        ),
      );
      laneH.set(lane.id, Math.max(head, 2 * PAD + content, 60));
    }
    return { stageH, stepH, laneH };
  };

  return { layout, items, measure, stepRows, scale, stepNames, showNumbers };
}

/** The poster header: title, facts, sheet number and the shared view's privacy; returns its bottom. */
function header(p: Poster, index: number, total: number, width: number, draw: boolean): number {
  const { doc, numbers, generated } = p.input;
  const summary = numbers?.source
    ? `all event data (${numbers.source.cases} ${doc.subject.plural}${numbers.source.span})`
    : (numbers?.summary ?? null);
  let y = MARGIN;
  const title = p.wrap(doc.name, width - 420, SIZE.title, 'bold').slice(0, 1);
  if (draw) p.text(title, MARGIN, y, SIZE.title, 'bold');
  if (draw && total > 1)
    p.text([`Sheet ${index + 1} of ${total}`], MARGIN + width, y + 10, SIZE.stage, 'bold', INK, 'right');
  y += lh(SIZE.title);
  const steps = orderedSteps(doc).filter((s) => !s.hidden).length;
  const facts = [
    doc.question ? `Question: ${doc.question}` : null,
    `${steps} steps · ${doc.cards.length} cards`,
    `Generated ${generated}`,
  ]
    .filter(Boolean)
    .join('   ·   ');
  const privacy = numbers
    ? numbers.privacy.smallPopulation
      ? `Numbers: shared view. ${smallPopulationMessage(doc.subject)}`
      : `Numbers: shared view${summary ? ` of ${summary}` : ''}. Counts of 1 to 10 ${doc.subject.plural} read “${SMALL_TEXT}”; numbers that would reveal one read “${HIDDEN_TEXT}”. ${roundingNote(numbers.privacy) ?? ''}`
    : 'No event data yet: the map has no live numbers.';
  for (const t of [facts, privacy]) {
    const lines = p.wrap(t, width, SIZE.sub);
    if (draw) p.text(lines, MARGIN, y, SIZE.sub, 'normal', MUTED);
    y += lines.length * lh(SIZE.sub);
  }
  return y + 12;
}

interface LegendEntry {
  draw: (x: number, y: number) => void;
  w: number;
  label: string;
}

/** The legend and evidence key, flowed into rows at the foot of the sheet; returns its height. */
function legend(p: Poster, width: number, y0: number | null): number {
  const entries: LegendEntry[] = [];
  const size = SIZE.text;
  const mid = lh(size) / 2;
  entries.push({ w: 0, label: 'Evidence:', draw: () => {} });
  for (const c of ['observed', 'reported', 'assumed'] as const)
    entries.push({
      w: 22,
      label: `${CONFIDENCE_WORD[c]} (${c === 'observed' ? 'seen in data or in person' : c === 'reported' ? 'someone told us' : 'not yet checked'})`,
      draw: (x, y) => p.glyph(c, x + 8, y + mid, 7),
    });
  if (p.input.personas.length > 0) {
    entries.push({ w: 0, label: 'Emotion curves:', draw: () => {} });
    for (const per of p.input.personas)
      entries.push({
        w: 40,
        label: per.name,
        draw: (x, y) => {
          p.line(x, y + mid, x + 32, y + mid, hexRgb(per.color), 3);
          p.marker(per.marker, x + 16, y + mid, 5, hexRgb(per.color));
        },
      });
  }
  if (p.input.numbers) {
    entries.push({ w: 0, label: 'Conversion from the previous step:', draw: () => {} });
    BAND_WORDS.forEach((word, b) => {
      entries.push({ w: 22, label: word, draw: (x, y) => p.band(b, x + 8, y + mid, 7) });
    });
    entries.push({
      w: 0,
      label: `${SMALL_TEXT} = 1 to 10 ${p.input.doc.subject.plural}, hidden`,
      draw: () => {},
    });
    entries.push({
      w: 0,
      label: `${HIDDEN_TEXT} = held back so a small count cannot be worked out`,
      draw: () => {},
    });
  }
  entries.push({
    w: 40,
    label: 'Line of visibility / internal interaction',
    draw: (x, y) => p.line(x, y + mid, x + 32, y + mid, MUTED, 2, [8, 5]),
  });
  let x = MARGIN;
  let y = y0 ?? 0;
  let rows = 1;
  for (const e of entries) {
    const bold = e.w === 0;
    const w = e.w + p.width(e.label, size, bold ? 'bold' : 'normal') + 28;
    if (x + w > MARGIN + width) {
      rows++;
      x = MARGIN;
      y += lh(size) + 6;
    }
    if (y0 !== null) {
      e.draw(x, y);
      p.text([pdfSafe(e.label)], x + e.w, y, size, bold ? 'bold' : 'normal', bold ? INK : MUTED);
    }
    x += w;
  }
  return rows * (lh(size) + 6);
}

/** Draws one sheet's map at (x0, y0) in A1 points with column width `colW`, lengths multiplied by `k`. */
function drawMap(
  p: Poster,
  pl: ReturnType<typeof plan>,
  sheet: Sheet,
  colW: number,
  x0: number,
  y0: number,
  k: number,
) {
  const { measure, items, stepRows, scale, layout } = pl;
  const { stageH, stepH, laneH } = measure(sheet.columns, colW, sheet.lanes);
  // Layout units (A1 points at k = 1) to sheet positions.
  const X = (x: number) => x0 + x * k;
  const Y = (y: number) => y0 + y * k;
  const T = (
    lines: string[],
    x: number,
    y: number,
    size: number,
    style: 'normal' | 'bold' | 'italic' = 'normal',
    color: Rgb = INK,
  ) => p.text(lines, X(x), Y(y), size * k, style, color);
  const width = LANE_W + sheet.columns.length * colW;
  let y = 0;

  // Stage row
  let i = 0;
  while (i < sheet.columns.length) {
    const stage = sheet.columns[i]!.stage;
    let j = i;
    while (j < sheet.columns.length && sheet.columns[j]!.stage.id === stage.id) j++;
    const x = LANE_W + i * colW;
    const w = (j - i) * colW;
    const started =
      layout.columns.findIndex((c) => c.stage.id === stage.id) < layout.columns.indexOf(sheet.columns[i]!);
    p.rect(X(x + 2), Y(y), (w - 4) * k, (stageH - 4) * k, [31, 41, 55], null, 4 * k);
    const nameLines = p.wrap(
      `${stage.name}${started ? ' (continued)' : ''}`,
      w - 2 * PAD,
      SIZE.stage,
      'bold',
    );
    const nh = T(nameLines, x + PAD, y + PAD, SIZE.stage, 'bold', [255, 255, 255]);
    if (stage.goal)
      T(
        p.wrap(stage.goal, w - 2 * PAD, SIZE.text, 'italic'),
        x + PAD,
        y + PAD + nh / k,
        SIZE.text,
        'italic',
        [229, 231, 235],
      );
    i = j;
  }
  y += stageH;

  // Step row
  sheet.columns.forEach((c, ci) => {
    const x = LANE_W + ci * colW;
    p.rect(X(x + 2), Y(y), (colW - 4) * k, (stepH - 4) * k, [243, 244, 246], RULE, 4 * k);
    if (!c.step) {
      T(['(no steps yet)'], x + PAD, y + PAD, SIZE.text, 'italic', MUTED);
      return;
    }
    const nameLines = p.wrap(c.step.name, colW - 2 * PAD, SIZE.step, 'bold');
    let yy = y + PAD + T(nameLines, x + PAD, y + PAD, SIZE.step, 'bold') / k + 6;
    const m = stepRows.get(c.step.id);
    if (m) {
      if (scale.worstStepId === c.step.id)
        yy += T(['Biggest drop-off'], x + PAD, yy, SIZE.text, 'bold', BAND_COLOR[3]!) / k;
      const band = scale.bands.get(c.step.id);
      stepNumberLines(m, p.input.doc.subject).forEach((line, li) => {
        const indent = li === 1 && band !== undefined ? 22 : 0;
        if (indent) p.band(band!, X(x + PAD + 8), Y(yy + lh(SIZE.text) / 2), 7 * k);
        yy += T([pdfSafe(line)], x + PAD + indent, yy, SIZE.text, li === 0 ? 'bold' : 'normal') / k;
      });
    }
  });
  y += stepH;

  // Lanes
  for (const lane of layout.lanes) {
    if (!sheet.lanes.includes(lane.id)) continue;
    const h = laneH.get(lane.id) ?? 60;
    const line = layout.lineAbove.get(lane.id);
    if (line) {
      p.line(X(0), Y(y), X(width), Y(y), MUTED, 2 * k, [10 * k, 6 * k]);
      T(
        [line === 'visibility' ? 'Line of visibility' : 'Line of internal interaction'],
        LANE_W + PAD,
        y + 2,
        SIZE.text,
        'italic',
        MUTED,
      );
      y += lh(SIZE.text) + 4;
    }
    p.rect(X(0), Y(y), LANE_W * k, h * k, [249, 250, 251], null);
    p.line(X(0), Y(y), X(width), Y(y), RULE, 1);
    T(p.wrap(lane.name, LANE_W - 2 * PAD, SIZE.lane, 'bold'), PAD, y + PAD, SIZE.lane, 'bold');
    if (lane.kind === 'emotions') {
      const head = 2 * PAD + p.wrap(lane.name, LANE_W - 2 * PAD, SIZE.lane, 'bold').length * lh(SIZE.lane);
      drawEmotions(p, sheet, colW, X, Y, k, y + head, h - head);
    } else {
      sheet.columns.forEach((c, ci) => {
        if (!c.step) return;
        let yy = y + PAD;
        const x = LANE_W + ci * colW + PAD;
        const w = colW - 2 * PAD;
        for (const it of items(lane.id, lane.kind, c.step.id, colW)) {
          p.rect(X(x), Y(yy), w * k, it.height * k, it.fill, RULE, 4 * k);
          let ty = yy + PAD + T(it.lines, x + PAD, yy + PAD, SIZE.text, it.bold ? 'bold' : 'normal') / k;
          if (it.glyph) {
            ty += 4;
            p.glyph(it.glyph, X(x + PAD + 8), Y(ty + lh(SIZE.text) / 2), 7 * k);
          }
          if (it.meta) {
            const indent = it.glyph ? 22 : 0;
            T(
              p.wrap(it.meta, w - 2 * PAD - indent, SIZE.text),
              x + PAD + indent,
              ty,
              SIZE.text,
              'normal',
              MUTED,
            );
          }
          yy += it.height + GAP;
        }
      });
    }
    y += h;
  }
  p.line(X(0), Y(y), X(width), Y(y), RULE, 1);
  // column rules
  for (let ci = 0; ci <= sheet.columns.length; ci++) {
    const x = LANE_W + ci * colW;
    p.line(X(x), Y(stageH + stepH), X(x), Y(y), RULE, 1);
  }

  // Overlap marks: the repeated column is shaded on the later sheet, marked on the earlier one.
  const top = Y(0);
  const bottom = Y(y);
  const red: Rgb = [220, 38, 38];
  const mark = (x: number, label: string, align: 'left' | 'right') => {
    p.line(X(x), top - 18, X(x), bottom + 18, red, 2, [12, 6]);
    for (const yy of [top - 12, bottom + 12]) p.line(X(x) - 12, yy, X(x) + 12, yy, red, 2);
    p.text([label], X(x) + (align === 'left' ? 8 : -8), bottom + 6, SIZE.text, 'bold', red, align);
  };
  // The shared column: the earlier sheet's last column is the later sheet's first.
  if (sheet.overlapLeft) {
    mark(
      LANE_W + colW,
      `Overlap: sheet ${sheet.leftSheet} ends here (its last column is repeated on the left)`,
      'left',
    );
  }
  if (sheet.overlapRight)
    mark(
      LANE_W + (sheet.columns.length - 1) * colW,
      `Overlap: sheet ${sheet.rightSheet} starts with this column`,
      'right',
    );
  return y * k;
}

function drawEmotions(
  p: Poster,
  sheet: Sheet,
  colW: number,
  X: (x: number) => number,
  Y: (y: number) => number,
  k: number,
  top: number,
  h: number,
) {
  const { doc, personas } = p.input;
  const pad = lh(SIZE.text) / 2 + 4;
  const ys = (score: number) => top + pad + ((2 - score) / 4) * (h - 2 * pad);
  // guide lines and scale words
  for (const sc of [2, 0, -2]) {
    p.line(
      X(LANE_W),
      Y(ys(sc)),
      X(LANE_W + sheet.columns.length * colW),
      Y(ys(sc)),
      [229, 231, 235],
      1,
      sc === 0 ? null : [4, 4],
    );
    p.text(
      [`${sc > 0 ? '+' : sc < 0 ? '-' : ''}${Math.abs(sc)} ${SCORE_WORDS[sc]}`],
      X(LANE_W - PAD),
      Y(ys(sc) - lh(SIZE.text) / 2),
      SIZE.text * k,
      'normal',
      MUTED,
      'right',
    );
  }
  const col = new Map(sheet.columns.map((c, i) => [c.step?.id ?? c.key, i]));
  for (const per of personas) {
    const color = hexRgb(per.color);
    const pts = doc.emotions
      .filter((e) => e.personaId === per.id && col.has(e.stepId))
      .map((e) => ({ i: col.get(e.stepId)!, score: e.score }))
      .sort((a, b) => a.i - b.i);
    const xy = pts.map((pt) => [X(LANE_W + pt.i * colW + colW / 2), Y(ys(pt.score))] as [number, number]);
    p.pdf.setDrawColor(color[0], color[1], color[2]);
    p.pdf.setLineWidth(3 * k * p.s);
    polyline(
      p.pdf,
      xy.map(([x, y]) => [x * p.s, y * p.s]),
    );
    for (const [x, y] of xy) p.marker(per.marker, x, y, 6 * k, color);
  }
}

/** Splits the map into sheets: columns that fit across (one repeated for overlap), lanes that fit down. */
function sheetsFor(pl: ReturnType<typeof plan>, colW: number, perSheet: number, availH: number): Sheet[] {
  const cols = pl.layout.columns;
  const groups: { columns: Column[]; overlapLeft: boolean; overlapRight: boolean }[] = [];
  if (cols.length <= perSheet) groups.push({ columns: cols, overlapLeft: false, overlapRight: false });
  else {
    // n sheets hold perSheet + (n-1)(perSheet-1) columns; spread them evenly
    const n = Math.ceil((cols.length - 1) / (perSheet - 1));
    const fresh = cols.length - 1;
    let start = 0;
    for (let g = 0; g < n; g++) {
      const end = Math.round(((g + 1) * fresh) / n);
      groups.push({ columns: cols.slice(start, end + 1), overlapLeft: g > 0, overlapRight: g < n - 1 });
      start = end;
    }
  }
  const sheets: Sheet[] = [];
  const allLanes = pl.layout.lanes.map((l) => l.id);
  groups.forEach((g, gi) => {
    const { stageH, stepH, laneH } = pl.measure(g.columns, colW, allLanes);
    let rows: string[][] = [[]];
    let used = stageH + stepH;
    for (const id of allLanes) {
      const h = (laneH.get(id) ?? 0) + (pl.layout.lineAbove.has(id) ? lh(SIZE.text) + 4 : 0);
      if (used + h > availH && rows.at(-1)!.length > 0) {
        rows.push([]);
        used = stageH + stepH;
      }
      rows.at(-1)!.push(id);
      used += h;
    }
    rows = rows.filter((r) => r.length > 0);
    rows.forEach((lanes, ri) => {
      sheets.push({ ...g, lanes, row: ri, col: gi, leftSheet: 0, rightSheet: 0 });
    });
  });
  // Numbered across, then down, as they hang on the wall.
  sheets.sort((a, b) => a.row - b.row || a.col - b.col);
  const number = (col: number, row: number) =>
    sheets.findIndex((x) => x.col === col && x.row === Math.min(row, maxRow(col))) + 1;
  const maxRow = (col: number) => Math.max(...sheets.filter((x) => x.col === col).map((x) => x.row));
  for (const sh of sheets) {
    sh.leftSheet = number(sh.col - 1, sh.row);
    sh.rightSheet = number(sh.col + 1, sh.row);
  }
  return sheets;
}

/**
 * A wall poster of the journey map in vector drawing and text: stages, steps with the shared view's
 * live numbers, lanes, cards wrapped in boxes with their evidence glyph and word, emotion curves as
 * polylines, KPI values in the data lane, legend and evidence key. It fills the sheet (A1 or A3
 * landscape, the A3 poster being the A1 one scaled by 420/841); text is never under 14 pt at A1
 * (7 pt at A3): a map too wide or tall for that is split over several sheets, numbered "Sheet 1 of
 * 2", each repeating the lane names, with the column shared by neighbouring sheets marked for overlap.
 */
export function posterDocument(input: PosterInput): jsPDF {
  const p = new Poster(input);
  const pl = plan(p);
  p.pdf.setProperties({
    title: pdfSafe(input.doc.name),
    subject: 'Journey map poster (shared view)',
    creator: 'Pathlight',
  });
  const width = A1.w - 2 * MARGIN;
  // Header and legend heights do not depend on the map.
  const headH = header(p, 0, 2, width, false);
  const legendH = legend(p, width, null);
  const availH = A1.h - headH - legendH - MARGIN - 40;
  const availW = width;
  const lanes = pl.layout.lanes.map((l) => l.id);
  const n = Math.max(1, pl.layout.columns.length);

  // One sheet: the column width that lets the map grow largest, then widen columns to fill across.
  let best = { k: 0, colW: MIN_COL };
  for (const f of [1, 1.15, 1.3, 1.5, 1.75, 2, 2.4, 2.9, 3.5]) {
    const colW = MIN_COL * f;
    const { stageH, stepH, laneH } = pl.measure(pl.layout.columns, colW, lanes);
    const extra = [...pl.layout.lineAbove.keys()].length * (lh(SIZE.text) + 4);
    const h = stageH + stepH + [...laneH.values()].reduce((a, b) => a + b, 0) + extra;
    const w = LANE_W + n * colW;
    const k = Math.min(availW / w, availH / h, MAX_SCALE);
    if (k > best.k) best = { k, colW };
  }
  let sheets: Sheet[];
  let colW: number;
  let k: number;
  if (best.k >= 1) {
    k = best.k;
    colW = Math.max(best.colW, (availW / k - LANE_W) / n);
    sheets = [
      {
        columns: pl.layout.columns,
        overlapLeft: false,
        overlapRight: false,
        lanes,
        row: 0,
        col: 0,
        leftSheet: 0,
        rightSheet: 0,
      },
    ];
  } else {
    k = 1;
    const perSheet = Math.max(2, Math.floor((availW - LANE_W) / MIN_COL));
    colW = MIN_COL;
    sheets = sheetsFor(pl, colW, perSheet, availH);
  }
  sheets.forEach((sheet, si) => {
    if (si > 0) p.pdf.addPage(input.size, 'landscape');
    // Each sheet's columns fill the width (wider columns only wrap less, so the height still fits).
    const w = sheets.length > 1 ? (availW / k - LANE_W) / sheet.columns.length : colW;
    const top = header(p, si, sheets.length, width, true);
    drawMap(p, pl, sheet, w, MARGIN, top, k);
    legend(p, width, A1.h - MARGIN - legendH + 6);
    if (sheets.length > 1) {
      const rest = sheets.filter((s) => s.col === sheet.col && s.row === sheet.row + 1)[0];
      if (rest)
        p.text(
          [`Continues below on sheet ${sheets.indexOf(rest) + 1}`],
          MARGIN + width,
          A1.h - MARGIN - legendH - 20,
          SIZE.text,
          'bold',
          MUTED,
          'right',
        );
    }
  });
  return p.pdf;
}

/** The poster as a PDF file. */
export function mapToPoster(input: PosterInput): Blob {
  return posterDocument(input).output('blob');
}
