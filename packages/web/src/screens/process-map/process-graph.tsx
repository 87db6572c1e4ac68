import '@xyflow/react/dist/style.css';
import {
  Background,
  BaseEdge,
  Controls,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Shown } from '../../components/privacy/shown';
import { type Displayed, shownField } from '../../lib/format';
import { EDGE_STYLE } from './edge-style';
import { type Graph, type GraphEdge, type GraphNode, START } from './graph';
import { describeNode, edgeLabel, type LabelMode } from './labels';
import { initialViewport, type Layout, layoutGraph, roundedPath } from './layout';
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
      {data.label.text && data.route.label ? (
        <EdgeLabelRenderer>
          <div
            className={`${styles.edgeLabel} ${data.dim ? styles.dim : ''}`}
            style={{
              transform: `translate(-50%, -50%) translate(${data.route.label.x}px, ${data.route.label.y}px)`,
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

/** The directly-follows graph drawn with React Flow on an ELK layered layout. */
export default function ProcessGraph({ graph, labels, highlight, onReady }: ProcessGraphProps) {
  const [layout, setLayout] = useState<{ graph: Graph; layout: Layout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

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
      },
      focusable: false,
    }));
    return { nodes, edges };
  }, [graph, laid, labels, highlight]);

  useEffect(() => {
    if (laid) onReady?.();
  }, [laid, onReady]);

  if (error) return <p role="alert">The map could not be laid out: {error}</p>;
  if (!laid)
    return (
      <p className="muted" role="status">
        Laying out the map…
      </p>
    );
  return (
    <div ref={box} style={{ width: '100%', height: '100%' }}>
      <ReactFlow
        key={`${laid.width}x${laid.height}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onInit={(rf) => {
          const el = box.current;
          const start = laid.nodes.get(START);
          if (!el) return;
          const size = { width: el.clientWidth, height: el.clientHeight };
          void rf.setViewport(initialViewport(laid, size, start ? start.x + start.width / 2 : undefined));
        }}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
        aria-label="Process map"
      >
        <Background gap={24} color="#e5e7eb" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
