import { toCanvas, toSvg } from 'html-to-image';

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

/**
 * Live numbers on the map (step numbers, KPI values) are left out of its pictures: they are what the
 * person exporting sees (exact for editors), and the poster prints the shared view's instead.
 */
const LIVE_NUMBERS = new Set(['step-data', 'kpi-value']);
export const keepInPicture = (node: HTMLElement) =>
  !(
    node instanceof HTMLElement &&
    (node.dataset.exportHide !== undefined || LIVE_NUMBERS.has(node.dataset.testid ?? ''))
  );

/** Options that render the whole map at its natural size, not just the visible part. */
function fullSize(el: HTMLElement, pixelRatio: number) {
  return {
    width: el.scrollWidth,
    height: el.scrollHeight,
    pixelRatio,
    backgroundColor: '#ffffff',
    skipFonts: true,
    includeStyleProperties: STYLE_PROPERTIES,
    filter: keepInPicture,
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
