import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph } from './graph';

export interface Point {
  x: number;
  y: number;
}

/** Where ELK put each node (top-left, size) and the route and label position of each edge. */
export interface Layout {
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  edges: Map<string, { points: Point[]; label: Point | null }>;
  width: number;
  height: number;
}

/** Label box reserved on every edge so labels never sit on a node. */
export const EDGE_LABEL = { width: 84, height: 22 };

/** Node box from its weight: the busiest activities are drawn larger. */
export function nodeSize(
  kind: 'start' | 'end' | 'activity',
  weight: number,
): { width: number; height: number } {
  if (kind !== 'activity') return { width: 120, height: 44 };
  return { width: Math.round(200 + 60 * weight), height: Math.round(60 + 10 * weight) };
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
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeNode': '20',
      'elk.spacing.edgeEdge': '12',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // With a journey overlaid, node order is step order: loops are broken against it, so the
      // designed steps run top to bottom and backward moves show as going back up.
      'elk.layered.cycleBreaking.strategy': graph.nodes.some((n) => n.stepIndex !== null)
        ? 'MODEL_ORDER'
        : 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n.kind, n.weight) })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      labels: [{ id: `${e.id}:label`, text: ' ', ...EDGE_LABEL }],
    })),
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
    const l = e.labels?.[0];
    edges.set(e.id, {
      points,
      label:
        l && l.x !== undefined && l.y !== undefined
          ? { x: l.x + EDGE_LABEL.width / 2, y: l.y + EDGE_LABEL.height / 2 }
          : null,
    });
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

/** Smallest zoom the map opens at: below it the labels cannot be read, so the person pans instead. */
const MIN_READABLE_ZOOM = 0.7;

/**
 * Where the map opens: the whole graph when it fits at a readable zoom, otherwise its top at the
 * smallest readable zoom, with `focusX` (the Start node's centre) in the middle as far as the
 * graph's edges allow.
 */
export function initialViewport(
  graph: { width: number; height: number },
  box: { width: number; height: number },
  focusX: number = graph.width / 2,
): { x: number; y: number; zoom: number } {
  const pad = 24;
  const fit = Math.min((box.width - 2 * pad) / graph.width, (box.height - 2 * pad) / graph.height, 1.1);
  if (fit >= MIN_READABLE_ZOOM) {
    return {
      x: (box.width - graph.width * fit) / 2,
      y: (box.height - graph.height * fit) / 2,
      zoom: fit,
    };
  }
  const zoom = MIN_READABLE_ZOOM;
  const width = graph.width * zoom;
  const centred = box.width / 2 - focusX * zoom;
  // keep the graph's left edge from drifting right of the padding and its right edge from leaving a gap
  const x =
    width + 2 * pad <= box.width
      ? (box.width - width) / 2
      : Math.min(pad, Math.max(box.width - pad - width, centred));
  return { x, y: pad, zoom };
}
