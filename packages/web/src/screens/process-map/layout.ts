import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph } from './graph';

export interface Point {
  x: number;
  y: number;
}

/** Where ELK put each node (top-left, size) and the route of each edge with its midpoint (`label`). */
export interface Layout {
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  edges: Map<string, { points: Point[]; label: Point | null }>;
  width: number;
  height: number;
}

/** Node box from its weight: the busiest activities are drawn larger. */
export function nodeSize(
  kind: 'start' | 'end' | 'activity',
  weight: number,
): { width: number; height: number } {
  if (kind !== 'activity') return { width: 120, height: 44 };
  return { width: Math.round(200 + 60 * weight), height: Math.round(64 + 10 * weight) };
}

let elk: Promise<ElkApi> | null = null;

/** ELK (1.5 MB) in its own chunk, loaded on first use. */
function loadElk(): Promise<ElkApi> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => {
    // marks for the bench (and the browser's performance panel)
    performance.mark('pathlight:elk-loaded');
    return new Elk();
  });
  return elk;
}

/** Fetches and starts ELK ahead of the first layout. */
export function preloadElk(): void {
  void loadElk();
}

/** Lays the graph out top to bottom with ELK's layered algorithm, routing edges around nodes. */
export async function layoutGraph(graph: Graph): Promise<Layout> {
  const engine = await loadElk();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.spacing.nodeNode': '32',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeEdge': '6',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
      'elk.layered.spacing.edgeNodeBetweenLayers': '12',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // With a journey overlaid, node order is step order: loops are broken against it, so the
      // designed steps run top to bottom and backward moves show as going back up.
      'elk.layered.cycleBreaking.strategy': graph.nodes.some((n) => n.stepIndex !== null)
        ? 'MODEL_ORDER'
        : 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n.kind, n.weight) })),
    // No label boxes: reserving one on every edge doubled the layers and made a dense map too tall
    // to read; `placeLabels` puts the few labels shown where they overlap nothing.
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const begin = performance.now();
  const out = await engine.layout(root);
  performance.measure('pathlight:elk-layout', { start: begin });
  const nodes: Layout['nodes'] = new Map();
  for (const c of out.children ?? []) {
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  }
  const edges: Layout['edges'] = new Map();
  for (const e of out.edges ?? []) {
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    edges.set(e.id, { points, label: points.length > 0 ? pointAlong(points, 0.5) : null });
  }
  return { nodes, edges, width: out.width ?? 0, height: out.height ?? 0 };
}

/** An SVG path through the points with softly rounded corners. */
export function roundedPath(points: readonly Point[], radius = 8): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points as [Point, ...Point[]];
  let d = `M ${first.x} ${first.y}`;
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i] as Point;
    const prev = (i === 0 ? first : rest[i - 1]) as Point;
    const next = rest[i + 1];
    if (!next) {
      d += ` L ${p.x} ${p.y}`;
      break;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    d += ` L ${a.x} ${a.y} Q ${p.x} ${p.y} ${b.x} ${b.y}`;
  }
  return d;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
}

/** Largest zoom a fit uses: a small graph opens a little larger than life, not blown up. */
const FIT_MAX_ZOOM = 1.1;

/**
 * The viewport that shows the whole graph centred in `box`, `pad` pixels from its sides and `top`
 * pixels from its top (room for the zoom buttons), never larger than `FIT_MAX_ZOOM`. Labels stay
 * legible at small zooms because the CSS scales text up against the zoom; the person zooms in or
 * thins the map with the sliders for detail.
 */
export function fitViewport(
  graph: { width: number; height: number },
  box: { width: number; height: number },
  pad = 16,
  top = pad,
): { x: number; y: number; zoom: number } {
  const w = Math.max(1, graph.width);
  const h = Math.max(1, graph.height);
  const room = { width: box.width - 2 * pad, height: box.height - top - pad };
  const zoom = Math.max(0.01, Math.min(room.width / w, room.height / h, FIT_MAX_ZOOM));
  return { x: (box.width - w * zoom) / 2, y: top + (room.height - h * zoom) / 2, zoom };
}

/** The point a fraction `t` (0–1) of the way along a polyline, by length. */
export function pointAlong(points: readonly Point[], t: number): Point {
  const first = points[0] ?? { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1] as Point, points[i] as Point);
  let left = total * t;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const d = dist(a, b);
    if (left <= d && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return points[points.length - 1] ?? first;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where along an edge a label may sit, best first: the middle, then either side of it. */
const LABEL_SPOTS = [0.5, 0.35, 0.65, 0.25, 0.75];

/**
 * Places edge labels, most important first, each at the first spot along its edge where its box
 * (sized for `fontPx` text) covers no node and no label already placed; a label with no free spot
 * is left out (it shows on pointing). So labels at rest never pile up into an unreadable mush.
 */
export function placeLabels(
  layout: Pick<Layout, 'nodes' | 'edges'>,
  labels: readonly { id: string; text: string }[],
  fontPx: number,
): Map<string, Point> {
  const taken: Box[] = [...layout.nodes.values()];
  const placed = new Map<string, Point>();
  for (const { id, text } of labels) {
    const points = layout.edges.get(id)?.points ?? [];
    if (points.length < 2 || !text) continue;
    const width = text.length * fontPx * 0.62 + 10;
    const height = fontPx * 1.45;
    for (const t of LABEL_SPOTS) {
      const c = pointAlong(points, t);
      const box = { x: c.x - width / 2, y: c.y - height / 2, width, height };
      if (taken.some((b) => overlaps(box, b))) continue;
      taken.push(box);
      placed.set(id, c);
      break;
    }
  }
  return placed;
}
