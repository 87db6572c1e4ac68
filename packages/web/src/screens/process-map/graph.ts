import { type CountedRow, countedRows, type ProcessMapData, type SuppressibleRow } from '../../api';

/** Ids of the synthetic nodes every case passes through. */
export const START = '__start__';
export const END = '__end__';

/** How an edge or node relates to the designed journey (when one is overlaid). */
export type EdgeClass = 'designed' | 'within-step' | 'skip' | 'backward' | 'loop' | 'off-map' | 'neutral';
export type NodeClass = 'on-map' | 'off-map' | 'terminal' | 'neutral';

/** A node or edge keeps its row's hidden fields and reasons, so its labels read "<11" or "hidden" rightly. */
export interface GraphNode extends SuppressibleRow {
  id: string;
  label: string;
  kind: 'start' | 'end' | 'activity';
  /** Events of the activity (cases through Start/End); null when suppressed. */
  events: number | null;
  cases: number | null;
  /** 0–1 relative to the most frequent activity, for size and colour. */
  weight: number;
  overlay: NodeClass;
  /** Position of the activity's step in the designed order (0-based), when it is on the map. */
  stepIndex: number | null;
  stepName: string | null;
}

export interface GraphEdge extends SuppressibleRow {
  id: string;
  source: string;
  target: string;
  count: number | null;
  medianSeconds: number | null;
  /** 0–1 relative to the busiest edge, for thickness. */
  weight: number;
  overlay: EdgeClass;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The designed path: the journey's steps in map order with the activities that evidence each. */
export interface DesignedStep {
  id: string;
  name: string;
  activities: readonly string[];
}

type Edge = ProcessMapData['edges'][number];

/** A count for ranking: suppressed (1–10) counts rank as the threshold's floor, below every real count. */
const rank = (n: number | null) => n ?? 0;

/** The `n` most frequent activities (by events, then cases, then name for a stable order). */
export function topActivities(data: Pick<ProcessMapData, 'activities'>, n: number): string[] {
  return [...data.activities]
    .sort(
      (a, b) =>
        rank(b.events) - rank(a.events) || rank(b.cases) - rank(a.cases) || a.name.localeCompare(b.name),
    )
    .slice(0, Math.max(0, n))
    .map((a) => a.name);
}

/**
 * The paths to draw among the kept activities: the `maxPaths` busiest, plus each kept activity's
 * busiest way in and way out so no activity is left floating (as process-mining tools do).
 */
export function topPaths(edges: readonly Edge[], kept: ReadonlySet<string>, maxPaths: number): Edge[] {
  const among = edges
    .filter((e) => kept.has(e.from) && kept.has(e.to))
    .sort((a, b) => rank(b.count) - rank(a.count) || `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
  const chosen = new Set(among.slice(0, Math.max(0, maxPaths)));
  for (const name of kept) {
    const ins = among.filter((e) => e.to === name && e.from !== name);
    const outs = among.filter((e) => e.from === name && e.to !== name);
    if (ins[0] && !ins.some((e) => chosen.has(e))) chosen.add(ins[0]);
    if (outs[0] && !outs.some((e) => chosen.has(e))) chosen.add(outs[0]);
  }
  return among.filter((e) => chosen.has(e));
}

/** Which designed step (index and name) each activity evidences; the first step wins. */
export function stepOfActivity(steps: readonly DesignedStep[]): Map<string, { index: number; name: string }> {
  const out = new Map<string, { index: number; name: string }>();
  steps.forEach((s, index) => {
    for (const a of s.activities) if (!out.has(a)) out.set(a, { index, name: s.name });
  });
  return out;
}

/**
 * Classifies a path against the designed order: the next step (designed), the same step
 * (within-step), a later step that jumps over one (skip), an earlier step (backward), the same
 * activity again (loop), or an activity on no step (off-map).
 */
export function classifyEdge(
  from: string,
  to: string,
  steps: ReadonlyMap<string, { index: number }>,
): EdgeClass {
  if (from === to) return 'loop';
  if (from === START || to === END) {
    const other = from === START ? to : from;
    return steps.has(other) ? 'neutral' : 'off-map';
  }
  const a = steps.get(from);
  const b = steps.get(to);
  if (!a || !b) return 'off-map';
  if (b.index === a.index + 1) return 'designed';
  if (b.index === a.index) return 'within-step';
  if (b.index > a.index) return 'skip';
  return 'backward';
}

export interface BuildOptions {
  maxActivities: number;
  maxPaths: number;
  /** The designed path to overlay, or null. */
  designed: readonly DesignedStep[] | null;
}

/** The graph to draw: top activities and paths, synthetic Start/End, weights and the designed overlay. */
export function buildGraph(data: ProcessMapData, o: BuildOptions): Graph {
  const names = topActivities(data, o.maxActivities);
  const kept = new Set(names);
  const steps = o.designed ? stepOfActivity(o.designed) : null;
  const byName = new Map(data.activities.map((a) => [a.name, a]));
  const maxEvents = Math.max(1, ...data.activities.map((a) => rank(a.events)));
  // Start/End count every patient: unknown when a row is hidden or rows of 1–10 patients were left out.
  const sum = (rows: CountedRow[], list: 'startActivities' | 'endActivities') =>
    rows.some((r) => r.cases === null) || (data.omitted?.[list] ?? 0) > 0
      ? null
      : rows.reduce((n, r) => n + (r.cases ?? 0), 0);
  const allStarts = countedRows(data.startActivities, 'name');
  const allEnds = countedRows(data.endActivities, 'name');
  const starts = allStarts.filter((r) => kept.has(r.name));
  const ends = allEnds.filter((r) => kept.has(r.name));

  const nodes: GraphNode[] = [
    terminal(START, 'Start', sum(allStarts, 'startActivities')),
    ...names.map((name): GraphNode => {
      const a = byName.get(name);
      const step = steps?.get(name) ?? null;
      return {
        id: name,
        label: name,
        kind: 'activity',
        events: a?.events ?? null,
        cases: a?.cases ?? null,
        suppressed: a?.suppressed ?? [],
        suppressedReasons: a?.suppressedReasons ?? {},
        weight: rank(a?.events ?? null) / maxEvents,
        overlay: steps ? (step ? 'on-map' : 'off-map') : 'neutral',
        stepIndex: step?.index ?? null,
        stepName: step?.name ?? null,
      };
    }),
    terminal(END, 'End', sum(allEnds, 'endActivities')),
  ];
  if (steps) {
    // Designed steps first, in step order, so the layout can rank them that way; the rest by frequency.
    const rankOf = (n: GraphNode) =>
      n.kind === 'start' ? -1 : n.kind === 'end' ? Infinity : (n.stepIndex ?? 1e6);
    nodes.sort((a, b) => rankOf(a) - rankOf(b));
  }

  const paths = topPaths(data.edges, kept, o.maxPaths);
  // A start or end row's hidden `cases` is its edge's hidden `count`.
  const endpoint = (from: string, to: string, r: CountedRow) => ({
    from,
    to,
    count: r.cases,
    medianSeconds: null,
    suppressed: r.suppressed.includes('cases') ? ['count'] : [],
    suppressedReasons: r.suppressedReasons?.cases ? { count: r.suppressedReasons.cases } : {},
  });
  const all = [
    ...starts.map((s) => endpoint(START, s.name, s)),
    ...paths.map((e) => ({
      from: e.from,
      to: e.to,
      count: e.count,
      medianSeconds: e.medianSeconds,
      suppressed: e.suppressed,
      suppressedReasons: e.suppressedReasons ?? {},
    })),
    ...ends.map((s) => endpoint(s.name, END, s)),
  ];
  const maxCount = Math.max(1, ...all.map((e) => rank(e.count)));
  const edges = all.map(
    (e): GraphEdge => ({
      id: edgeId(e.from, e.to),
      source: e.from,
      target: e.to,
      count: e.count,
      medianSeconds: e.medianSeconds,
      suppressed: e.suppressed,
      suppressedReasons: e.suppressedReasons,
      weight: rank(e.count) / maxCount,
      overlay: steps ? classifyEdge(e.from, e.to, steps) : 'neutral',
    }),
  );
  return { nodes, edges };
}

/** Start or End: every patient's first or last activity; hidden (as built on hidden counts) when one is. */
function terminal(id: string, label: string, cases: number | null): GraphNode {
  return {
    id,
    label,
    kind: id === START ? 'start' : 'end',
    events: cases,
    cases,
    suppressed: cases === null ? ['events', 'cases'] : [],
    suppressedReasons: cases === null ? { events: 'derived', cases: 'derived' } : {},
    weight: 0,
    overlay: 'terminal',
    stepIndex: null,
    stepName: null,
  };
}

/** A stable id for the edge between two node ids. */
export const edgeId = (from: string, to: string) => `${from}\u2192${to}`;

/** The node and edge ids one variant passes through (Start → activities → End), for highlighting. */
export function variantPath(activities: readonly string[]): { nodes: Set<string>; edges: Set<string> } {
  const seq = [START, ...activities, END];
  const edges = new Set<string>();
  for (let i = 0; i + 1 < seq.length; i++) edges.add(edgeId(seq[i] as string, seq[i + 1] as string));
  return { nodes: new Set(seq), edges };
}

/** Counts of each deviation kind in a graph, for the legend. */
export function deviationCounts(graph: Graph): Record<'skip' | 'backward' | 'loop' | 'offMap', number> {
  return {
    skip: graph.edges.filter((e) => e.overlay === 'skip').length,
    backward: graph.edges.filter((e) => e.overlay === 'backward').length,
    loop: graph.edges.filter((e) => e.overlay === 'loop').length,
    offMap: graph.nodes.filter((n) => n.overlay === 'off-map').length,
  };
}

/** Share of all cases (0–1) for a variant, or null when either count is hidden. */
export function variantShare(cases: number | null, total: number | null): number | null {
  return cases === null || total === null || total === 0 ? null : cases / total;
}
