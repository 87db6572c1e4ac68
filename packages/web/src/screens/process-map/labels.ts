import { type Displayed, formatDuration, HIDDEN_HELP, HIDDEN_TEXT, shownField } from '../../lib/format';
import type { GraphEdge, GraphNode } from './graph';

/** What the edge labels say. */
export type LabelMode = 'frequency' | 'wait';

const count = (n: GraphNode, field: 'events' | 'cases') => shownField(n, field).text;

/** A node in words, for its tooltip and screen readers. */
export function describeNode(n: GraphNode): string {
  if (n.kind !== 'activity') return `${n.label}: ${count(n, 'cases')} patients`;
  const where =
    n.overlay === 'on-map'
      ? ` — step ${(n.stepIndex ?? 0) + 1} (${n.stepName})`
      : n.overlay === 'off-map'
        ? ' — on no step of the map'
        : '';
  return `${n.label}: ${count(n, 'events')} events, ${count(n, 'cases')} patients${where}`;
}

/**
 * The label an edge shows: patients along it ("<11" when 1–10), or the median wait between the two
 * activities ("hidden" when it rests on a hidden count: a wait is never "<11").
 */
export function edgeLabel(e: GraphEdge, mode: LabelMode): Displayed {
  if (mode === 'frequency') return shownField(e, 'count');
  if (e.source.startsWith('__') || e.target.startsWith('__')) return { text: '', hidden: null };
  return waitLabel(e);
}

/** An edge's median wait as it reads; an older server that hides only the count leaves the wait null. */
export function waitLabel(e: GraphEdge): Displayed {
  const wait = shownField(e, 'medianSeconds', formatDuration);
  if (!wait.hidden && e.medianSeconds === null && e.suppressed.includes('count'))
    return { text: HIDDEN_TEXT, hidden: { reason: 'derived', help: HIDDEN_HELP.derived } };
  return wait;
}

/** How many arrows carry a number without being pointed at: more turn the map into a mush of labels. */
export const LABELLED_PATHS = 15;

/**
 * The `n` busiest edges (by patients; a hidden count ranks last), busiest first: the ones whose
 * label may show at rest. The rest show theirs when the person points at or focuses the arrow or
 * one of its ends.
 */
export function busiestEdges<E extends Pick<GraphEdge, 'id' | 'count'>>(
  edges: readonly E[],
  n = LABELLED_PATHS,
): E[] {
  return [...edges]
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, n));
}
