import { toCanvas, toSvg } from 'html-to-image';
import { jsPDF } from 'jspdf';

/**
 * The computed styles the map needs, copied onto the clone. Copying every property (the
 * default) made a 600-card map take ~20 s and a 40 MB SVG; this list keeps the look.
 */
const SIDES = ['top', 'right', 'bottom', 'left'];
const STYLE_PROPERTIES = [
  'display',
  'position',
  'top',
  'right',
  'bottom',
  'left',
  'z-index',
  'box-sizing',
  'width',
  'height',
  'min-width',
  'min-height',
  'max-width',
  'max-height',
  ...SIDES.flatMap((s) => [
    `margin-${s}`,
    `padding-${s}`,
    `border-${s}-width`,
    `border-${s}-style`,
    `border-${s}-color`,
  ]),
  'border-top-left-radius',
  'border-top-right-radius',
  'border-bottom-left-radius',
  'border-bottom-right-radius',
  'background-color',
  'background-image',
  'color',
  'opacity',
  'box-shadow',
  'visibility',
  'outline-style',
  'outline-width',
  'outline-color',
  'outline-offset',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'text-overflow',
  'text-decoration-line',
  'white-space',
  'overflow-x',
  'overflow-y',
  'overflow-wrap',
  'word-break',
  'vertical-align',
  'list-style-type',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'align-self',
  'justify-content',
  'row-gap',
  'column-gap',
  'grid-template-columns',
  'grid-template-rows',
  'grid-auto-rows',
  'grid-auto-flow',
  'grid-row-start',
  'grid-row-end',
  'grid-column-start',
  'grid-column-end',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  '-webkit-line-clamp',
  '-webkit-box-orient',
  'translate',
  'transform',
  'writing-mode',
];

const skip = (node: HTMLElement) => !(node instanceof HTMLElement && node.dataset.exportHide !== undefined);

/** Options that render the whole map at its natural size, not just the visible part. */
function fullSize(el: HTMLElement, pixelRatio: number) {
  return {
    width: el.scrollWidth,
    height: el.scrollHeight,
    pixelRatio,
    backgroundColor: '#ffffff',
    skipFonts: true,
    includeStyleProperties: STYLE_PROPERTIES,
    filter: skip,
    // the grid's scroll container clips it; the clone is laid out unclipped and unzoomed
    style: { zoom: '1', overflow: 'visible' } as Partial<CSSStyleDeclaration>,
  };
}

/** The largest pixel ratio (≤ wanted) that keeps the canvas inside what browsers can allocate. */
export function safePixelRatio(width: number, height: number, wanted: number): number {
  const maxSide = 16_000;
  const maxArea = 120_000_000;
  const bySide = Math.min(maxSide / width, maxSide / height);
  const byArea = Math.sqrt(maxArea / (width * height));
  return Math.max(0.5, Math.min(wanted, bySide, byArea));
}

/** PNG of the whole map element. */
export async function mapToPng(el: HTMLElement): Promise<Blob> {
  const canvas = await toCanvas(el, fullSize(el, safePixelRatio(el.scrollWidth, el.scrollHeight, 2)));
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('PNG export: the browser could not encode the image'))),
      'image/png',
    ),
  );
}

/** SVG of the whole map element (HTML inside a foreignObject, so it scales without blur in browsers). */
export async function mapToSvg(el: HTMLElement): Promise<Blob> {
  const url = await toSvg(el, fullSize(el, 1));
  const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  return new Blob([svg], { type: 'image/svg+xml' });
}

export interface PosterOptions {
  size: 'a3' | 'a2';
  title: string;
  subtitle: string;
  /** e.g. "Exported 2026-05-01" */
  dateLine: string;
  personas: readonly { name: string; color: string }[];
}

const PAGE_MM = { a3: [420, 297], a2: [594, 420] } as const;

function hex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m
    ? [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)]
    : [80, 80, 80];
}

/**
 * A print-ready landscape poster: title, date, legend (evidence key, personas, blueprint lines)
 * drawn as vector text, and the map rendered at print resolution and fitted to the page.
 */
export async function mapToPdf(el: HTMLElement, o: PosterOptions): Promise<Blob> {
  const [pw, ph] = PAGE_MM[o.size];
  const margin = 12;
  const headerH = 30;
  const boxW = pw - margin * 2;
  const boxH = ph - margin * 2 - headerH;
  // ~250 dpi at the printed size of the map box
  const wantedPx = (boxW / 25.4) * 250;
  const ratio = safePixelRatio(
    el.scrollWidth,
    el.scrollHeight,
    Math.max(1, Math.min(4, wantedPx / el.scrollWidth)),
  );
  const canvas = await toCanvas(el, fullSize(el, ratio));

  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: o.size, compress: true });
  pdf.setProperties({ title: o.title, creator: 'Pathlight' });
  pdf.setTextColor(31, 41, 55);
  pdf.setFont('helvetica', 'bold');
  pdf.setFontSize(o.size === 'a2' ? 26 : 20);
  pdf.text(o.title, margin, margin + 7);
  pdf.setFont('helvetica', 'normal');
  pdf.setFontSize(10);
  pdf.setTextColor(107, 114, 128);
  pdf.text([o.subtitle, o.dateLine].filter(Boolean).join('   ·   '), margin, margin + 14);

  // Legend row
  let x = margin;
  const y = margin + 23;
  pdf.setFontSize(9);
  pdf.setTextColor(31, 41, 55);
  pdf.setFont('helvetica', 'bold');
  pdf.text('Evidence:', x, y);
  x += 17;
  pdf.setFont('helvetica', 'normal');
  const key: [string, [number, number, number], 'F' | 'half' | 'dash'][] = [
    ['Observed (seen in data or in person)', [4, 120, 87], 'F'],
    ['Reported (someone told us)', [37, 99, 235], 'half'],
    ['Assumed (not yet checked)', [180, 83, 9], 'dash'],
  ];
  for (const [label, rgb, style] of key) {
    pdf.setDrawColor(...rgb);
    pdf.setFillColor(...rgb);
    pdf.setLineWidth(0.4);
    if (style === 'F') pdf.circle(x + 1.6, y - 1.1, 1.6, 'F');
    else if (style === 'half') {
      pdf.circle(x + 1.6, y - 1.1, 1.6, 'S');
      pdf.rect(x + 1.6, y - 2.7, 1.6, 3.2, 'F');
    } else {
      pdf.setLineDashPattern([0.6, 0.5], 0);
      pdf.circle(x + 1.6, y - 1.1, 1.6, 'S');
      pdf.setLineDashPattern([], 0);
    }
    pdf.text(label, x + 4.5, y);
    x += 6 + pdf.getTextWidth(label) + 5;
  }
  if (o.personas.length > 0) {
    x += 4;
    pdf.setFont('helvetica', 'bold');
    pdf.text('Personas:', x, y);
    x += 17;
    pdf.setFont('helvetica', 'normal');
    for (const p of o.personas) {
      pdf.setDrawColor(...hex(p.color));
      pdf.setLineWidth(1);
      pdf.line(x, y - 1.1, x + 6, y - 1.1);
      pdf.text(p.name, x + 8, y);
      x += 10 + pdf.getTextWidth(p.name) + 4;
    }
  }
  x += 4;
  pdf.setDrawColor(107, 114, 128);
  pdf.setLineWidth(0.4);
  pdf.setLineDashPattern([1.5, 1], 0);
  pdf.line(x, y - 1.1, x + 8, y - 1.1);
  pdf.setLineDashPattern([], 0);
  pdf.text('Line of visibility / internal interaction', x + 10, y);

  const scale = Math.min(boxW / canvas.width, boxH / canvas.height);
  const w = canvas.width * scale;
  const h = canvas.height * scale;
  pdf.addImage(canvas.toDataURL('image/jpeg', 0.92), 'JPEG', margin, margin + headerH, w, h);
  pdf.setDrawColor(229, 231, 235);
  pdf.rect(margin, margin + headerH, w, h, 'S');
  return pdf.output('blob');
}
