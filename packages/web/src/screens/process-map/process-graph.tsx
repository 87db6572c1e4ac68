import '@xyflow/react/dist/style.css';
import {
  Background,
  BaseEdge,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Panel,
  Position,
  ReactFlow,
  type ReactFlowInstance,
  useViewport,
} from '@xyflow/react';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Shown } from '../../components/privacy/shown';
import { type Displayed, shownField } from '../../lib/format';
import { EDGE_STYLE } from './edge-style';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { busiestEdges, describeNode, edgeLabel, type LabelMode } from './labels';
import { fitViewport, type Layout, layoutGraph, type Point, placeLabels, roundedPath } from './layout';
import styles from './process-map.module.css';

export interface ProcessGraphProps {
  graph: Graph;
  labels: LabelMode;
  /** Node and edge ids of a highlighted variant (others are dimmed), or null. */
  highlight: { nodes: Set<string>; edges: Set<string> } | null;
  /** Called once the graph is laid out and drawn (for timing and tests). */
  onReady?: () => void;
}

type ActivityData = { node: GraphNode; dim: boolean };
type PathData = {
  edge: GraphEdge;
  route: Layout['edges'] extends Map<string, infer R> ? R : never;
  label: Displayed;
  dim: boolean;
  /** Where the label sits at rest (a busy path with room for it), or null: shown only when active. */
  restAt: Point | null;
  /** The arrow or one of its ends is pointed at or focused: its label shows at any zoom. */
  active: boolean;
};

/** Fill colour for a frequency weight (0–1): pale to deep blue. */
export function fillFor(weight: number): { backgroundColor: string; color: string } {
  const light = [239, 246, 255];
  const dark = [30, 64, 175];
  const mix = light.map((l, i) => Math.round(l + ((dark[i] as number) - l) * weight));
  return { backgroundColor: `rgb(${mix.join(' ')})`, color: weight > 0.5 ? '#ffffff' : '#1f2937' };
}

function ActivityNode({ data }: NodeProps<Node<ActivityData>>) {
  const { node, dim } = data;
  const terminal = node.kind !== 'activity';
  const fill = terminal ? { backgroundColor: '#1f2937', color: '#ffffff' } : fillFor(node.weight);
  const cls = [
    styles.node,
    terminal ? styles.nodeTerminal : '',
    node.overlay === 'on-map' ? styles.nodeOnMap : '',
    node.overlay === 'off-map' ? styles.nodeOffMap : '',
    dim ? styles.dim : '',
  ].join(' ');
  return (
    <div className={cls} style={fill} data-activity={node.id} title={describeNode(node)}>
      <Handle type="target" position={Position.Top} className={styles.handle} isConnectable={false} />
      {node.stepIndex !== null ? (
        <span className={styles.stepTag}>
          Step {node.stepIndex + 1} · {node.stepName}
        </span>
      ) : null}
      {node.overlay === 'off-map' ? <span className={styles.offMapTag}>not on the map</span> : null}
      <span className={styles.nodeLabel}>{node.label}</span>
      <span className={styles.nodeCount}>
        {node.kind === 'activity' ? (
          <>
            <Shown value={shownField(node, 'events')} /> events
          </>
        ) : (
          <>
            <Shown value={shownField(node, 'cases')} /> patients
          </>
        )}
      </span>
      <Handle type="source" position={Position.Bottom} className={styles.handle} isConnectable={false} />
    </div>
  );
}

function PathEdge({ id, data, markerEnd }: EdgeProps<Edge<PathData>>) {
  if (!data || data.route.points.length === 0) return null;
  const at = data.restAt ?? (data.active ? data.route.label : null);
  const look = EDGE_STYLE[data.edge.overlay];
  const width = 1.2 + 6 * Math.sqrt(data.edge.weight);
  return (
    <>
      <BaseEdge
        id={id}
        path={roundedPath(data.route.points)}
        {...(markerEnd ? { markerEnd } : {})}
        style={{
          stroke: look.stroke,
          strokeWidth: data.edge.overlay === 'designed' ? width + 1.5 : width,
          ...(look.dash ? { strokeDasharray: look.dash } : {}),
          opacity: data.dim ? 0.12 : 1,
        }}
      />
      {data.label.text && at ? (
        <EdgeLabelRenderer>
          <div
            className={[
              styles.edgeLabel,
              data.dim && !data.active ? styles.dim : '',
              data.active ? styles.edgeLabelActive : '',
            ].join(' ')}
            style={{
              transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`,
            }}
            data-edge={id}
          >
            {data.edge.overlay === 'backward' || data.edge.overlay === 'loop' ? '↺ ' : ''}
            {data.edge.overlay === 'skip' ? '⤼ ' : ''}
            <Shown value={data.label} />
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const nodeTypes = { activity: ActivityNode };
const edgeTypes = { path: PathEdge };

/** How far an arrow key pans (screen pixels); + and − zoom by React Flow's step (×1.2). */
const PAN_STEP = 80;
/** Which way each arrow key moves the map under the view (left shows more of the left side). */
const PAN_KEYS: Partial<Record<string, { x: number; y: number }>> = {
  ArrowLeft: { x: 1, y: 0 },
  ArrowRight: { x: -1, y: 0 },
  ArrowUp: { x: 0, y: 1 },
  ArrowDown: { x: 0, y: -1 },
};
/** Below this zoom the map is an overview: edge numbers show only on what is pointed at. */
const FAR_ZOOM = 0.45;
const MIN_ZOOM = 0.02;
/** Room kept free above a fitted map for the zoom buttons. */
const CONTROLS_HEIGHT = 56;
/** Largest edge-label text, in map units, that CSS draws above FAR_ZOOM (see .edgeLabel). */
const LABEL_FONT_PX = 24;
const MAX_ZOOM = 2.5;

/**
 * The directly-follows graph drawn with React Flow on an ELK layered layout. It opens fitted to
 * its box and refits when the box changes size, until the person zooms or pans; then "Fit" (or
 * the 0 key) brings the whole map back.
 */
export default function ProcessGraph({ graph, labels, highlight, onReady }: ProcessGraphProps) {
  const [layout, setLayout] = useState<{ graph: Graph; layout: Layout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hoverEdge, setHoverEdge] = useState<string | null>(null);
  const [activeNode, setActiveNode] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<Node<ActivityData>, Edge<PathData>> | null>(null);
  /** The person moved the view: a resize then keeps their view rather than refitting. */
  const moved = useRef(false);
  const hintId = useId();

  useEffect(() => {
    let live = true;
    layoutGraph(graph).then(
      (l) => live && setLayout({ graph, layout: l }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [graph]);

  const laid = layout?.graph === graph ? layout.layout : null;
  // Labels at rest: the highlighted path's, then the busiest, each only where it overlaps nothing.
  const resting = useMemo(() => {
    if (!laid) return new Map<string, Point>();
    const first = highlight ? graph.edges.filter((e) => highlight.edges.has(e.id)) : [];
    const order = [...new Set([...first, ...busiestEdges(graph.edges)])];
    return placeLabels(
      laid,
      order.map((e) => ({ id: e.id, text: `${edgeLabel(e, labels).text}  ` })),
      LABEL_FONT_PX,
    );
  }, [graph, laid, labels, highlight]);
  const { nodes, edges } = useMemo(() => {
    if (!laid) return { nodes: [], edges: [] };
    const nodes: Node<ActivityData>[] = graph.nodes.map((n) => {
      const box = laid.nodes.get(n.id) ?? { x: 0, y: 0, width: 180, height: 50 };
      return {
        id: n.id,
        type: 'activity',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        // known handle spots: edges draw at once, without waiting for the handles to be measured
        handles: [
          { type: 'target', position: Position.Top, x: box.width / 2, y: 0, width: 1, height: 1 },
          { type: 'source', position: Position.Bottom, x: box.width / 2, y: box.height, width: 1, height: 1 },
        ],
        data: { node: n, dim: highlight !== null && !highlight.nodes.has(n.id) },
        draggable: false,
        connectable: false,
        ariaLabel: describeNode(n),
      };
    });
    const edges: Edge<PathData>[] = graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'path',
      // fixed size: arrowheads scaled by stroke width swamp small loops
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: EDGE_STYLE[e.overlay].stroke,
        width: 16,
        height: 16,
        markerUnits: 'userSpaceOnUse',
      },
      data: {
        edge: e,
        route: laid.edges.get(e.id) ?? { points: [], label: null },
        label: edgeLabel(e, labels),
        dim: highlight !== null && !highlight.edges.has(e.id),
        restAt: resting.get(e.id) ?? null,
        active: e.id === hoverEdge || e.source === activeNode || e.target === activeNode,
      },
      focusable: false,
    }));
    return { nodes, edges };
  }, [graph, laid, labels, highlight, resting, hoverEdge, activeNode]);

  useEffect(() => {
    if (laid) onReady?.();
  }, [laid, onReady]);

  const fit = useCallback(() => {
    const el = box.current;
    if (!el || !laid || !flow.current) return;
    moved.current = false;
    void flow.current.setViewport(
      fitViewport(laid, { width: el.clientWidth, height: el.clientHeight }, 16, CONTROLS_HEIGHT),
    );
  }, [laid]);

  // A new box size (a turned phone, a resized window) refits, unless the person has moved the view.
  useEffect(() => {
    const el = box.current;
    if (!el || !laid || typeof ResizeObserver === 'undefined') return;
    let last = { width: el.clientWidth, height: el.clientHeight };
    const watch = new ResizeObserver(() => {
      const size = { width: el.clientWidth, height: el.clientHeight };
      if (size.width === last.width && size.height === last.height) return;
      last = size;
      if (!moved.current) fit();
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [laid, fit]);

  // A focused activity shows the numbers on its arrows, as pointing at it does.
  useEffect(() => {
    const el = box.current;
    if (!el || !laid) return;
    const onIn = (e: FocusEvent) => setActiveNode(e.target ? nodeIdOf(e.target) : null);
    const onOut = () => setActiveNode(null);
    el.addEventListener('focusin', onIn);
    el.addEventListener('focusout', onOut);
    return () => {
      el.removeEventListener('focusin', onIn);
      el.removeEventListener('focusout', onOut);
    };
  }, [laid]);

  const zoom = useCallback((direction: 'in' | 'out') => {
    const rf = flow.current;
    if (!rf) return;
    moved.current = true;
    void (direction === 'in' ? rf.zoomIn() : rf.zoomOut());
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rf = flow.current;
    if (!rf || e.altKey || e.ctrlKey || e.metaKey) return;
    const pan = PAN_KEYS[e.key];
    if (e.key === '+' || e.key === '=') zoom('in');
    else if (e.key === '-' || e.key === '_' || e.key === '−') zoom('out');
    else if (e.key === '0') fit();
    else if (pan) {
      const v = rf.getViewport();
      moved.current = true;
      void rf.setViewport({ x: v.x + pan.x * PAN_STEP, y: v.y + pan.y * PAN_STEP, zoom: v.zoom });
    } else return;
    e.preventDefault();
  };

  if (error) return <p role="alert">The map could not be laid out: {error}</p>;
  if (!laid)
    return (
      <p className="muted" role="status">
        Laying out the map…
      </p>
    );
  return (
    <div ref={box} className={styles.flowBox}>
      <ReactFlow
        key={`${laid.width}x${laid.height}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onInit={(rf) => {
          flow.current = rf;
          fit();
        }}
        onMoveStart={(event) => {
          // a drag, wheel or pinch (programmatic moves come without an event)
          if (event) moved.current = true;
        }}
        onEdgeMouseEnter={(_, edge) => setHoverEdge(edge.id)}
        onEdgeMouseLeave={() => setHoverEdge(null)}
        onNodeMouseEnter={(_, node) => setActiveNode(node.id)}
        onNodeMouseLeave={() => setActiveNode(null)}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
        aria-label="Process map"
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <Background gap={24} color="#e5e7eb" />
        <ZoomWatch box={box} />
        <Panel position="top-right" className={styles.zoomPanel}>
          <MapControls onZoomIn={() => zoom('in')} onZoomOut={() => zoom('out')} onFit={fit} />
        </Panel>
      </ReactFlow>
      <p id={hintId} className="visually-hidden">
        Keys: plus and minus zoom, arrow keys move the map, 0 fits the whole map. Tab to an activity to see
        the numbers on its arrows.
      </p>
    </div>
  );
}

/** The React Flow node id around a focused element, if any. */
function nodeIdOf(target: EventTarget): string | null {
  const el = (target as HTMLElement).closest?.<HTMLElement>('.react-flow__node');
  return el?.dataset.id ?? null;
}

/** Zoom in, zoom out, the zoom as a percentage, and Fit. */
function MapControls({
  onZoomIn,
  onZoomOut,
  onFit,
}: {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
}) {
  const { zoom } = useViewport();
  return (
    <div className={styles.zoomControls} role="toolbar" aria-label="Zoom">
      <button
        type="button"
        className="btn btn-small"
        onClick={onZoomOut}
        aria-label="Zoom out"
        title="Zoom out (−)"
      >
        −
      </button>
      <output className={styles.zoomLevel} aria-label="Zoom level">
        {Math.round(zoom * 100)}%
      </output>
      <button
        type="button"
        className="btn btn-small"
        onClick={onZoomIn}
        aria-label="Zoom in"
        title="Zoom in (+)"
      >
        +
      </button>
      <button type="button" className="btn btn-small" onClick={onFit} title="Show the whole map (0)">
        Fit
      </button>
    </div>
  );
}

/**
 * Passes the zoom to CSS (`--pm-zoom`, `data-zoom`), so text scales up against it and stays legible,
 * without re-rendering the graph on every frame of a pan or zoom.
 */
function ZoomWatch({ box }: { box: RefObject<HTMLDivElement | null> }) {
  const { zoom } = useViewport();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.setProperty('--pm-zoom', String(zoom));
    el.dataset.zoom = zoom < FAR_ZOOM ? 'far' : 'near';
  }, [box, zoom]);
  return null;
}
