import type { Card, JourneyContent, KpiDefinition, Lane, Persona, Stage, Step } from '@pathlight/core';

/** One column of the map: a visible step, or a placeholder for a stage that has no visible step yet. */
export interface Column {
  key: string;
  stage: Stage;
  step: Step | null;
}

export interface StageSpan {
  stage: Stage;
  start: number;
  span: number;
}

export interface MapLayout {
  columns: Column[];
  stages: StageSpan[];
  lanes: Lane[];
  /** Service-blueprint lines drawn above a lane. */
  lineAbove: ReadonlyMap<string, 'visibility' | 'internal'>;
}

/** Which stages, steps and lanes are on screen, in order (hidden ones are left out). */
export function mapLayout(doc: Pick<JourneyContent, 'stages' | 'lanes'>): MapLayout {
  const columns: Column[] = [];
  const stages: StageSpan[] = [];
  for (const stage of doc.stages) {
    if (stage.hidden) continue;
    const start = columns.length;
    for (const step of stage.steps) if (!step.hidden) columns.push({ key: step.id, stage, step });
    if (columns.length === start) columns.push({ key: `empty:${stage.id}`, stage, step: null });
    stages.push({ stage, start, span: columns.length - start });
  }
  const lanes = doc.lanes.filter((l) => !l.hidden);
  return { columns, stages, lanes, lineAbove: blueprintLines(lanes) };
}

/**
 * Service-blueprint lines: the line of visibility sits above the first backstage or systems lane
 * (what the patient does not see), the line of internal interaction above the first systems lane
 * that follows a backstage lane.
 */
export function blueprintLines(lanes: readonly Lane[]): Map<string, 'visibility' | 'internal'> {
  const lines = new Map<string, 'visibility' | 'internal'>();
  const visibility = lanes.findIndex((l) => l.kind === 'backstage' || l.kind === 'systems');
  if (visibility > 0) lines.set(lanes[visibility]!.id, 'visibility');
  if (visibility >= 0) {
    const internal = lanes.findIndex((l, i) => i > visibility && l.kind === 'systems');
    if (internal > 0 && lanes.slice(visibility, internal).some((l) => l.kind === 'backstage'))
      lines.set(lanes[internal]!.id, 'internal');
  }
  return lines;
}

export const cellKey = (laneId: string, stepId: string) => `${laneId}|${stepId}`;

/** Cards grouped by cell, in their document order. */
export function groupCards(cards: readonly Card[]): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const key = cellKey(card.laneId, card.stepId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  return cells;
}

/** The personas whose curves belong on this journey: its scope first, then any with points. */
export function journeyPersonas(
  doc: Pick<JourneyContent, 'scope' | 'emotions'>,
  personas: readonly Persona[],
) {
  const byId = new Map(personas.map((p) => [p.id, p]));
  const ids = [...new Set([...doc.scope.personaIds, ...doc.emotions.map((e) => e.personaId)])];
  return ids.map((id, i) => {
    const p = byId.get(id);
    return {
      id,
      name: p?.name ?? 'Unknown persona',
      color: p?.color ?? '#6b7280',
      marker: MARKERS[i % MARKERS.length]!,
    };
  });
}

export const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;
export type Marker = (typeof MARKERS)[number];

/**
 * Tags naming some other persona than the filtered one: cards carrying one of these (and not the
 * filtered persona's name) are hidden while the filter is on.
 */
export function hiddenPersonaTags(
  names: readonly string[],
  filterName: string | null,
): ReadonlySet<string> | null {
  if (filterName === null) return null;
  const key = (s: string) => s.trim().toLowerCase();
  return new Set(names.filter((n) => key(n) !== key(filterName)).map(key));
}

/** Whether a card shows under the persona filter. */
export function cardVisibleFor(
  card: Card,
  hidden: ReadonlySet<string> | null,
  filterName: string | null,
): boolean {
  if (hidden === null || filterName === null) return true;
  const tags = card.tags.map((t) => t.trim().toLowerCase());
  if (tags.includes(filterName.trim().toLowerCase())) return true;
  return !tags.some((t) => hidden.has(t));
}

/** "Call to visit · conversion · Call the practice → Check in" */
export function kpiSummary(kpi: KpiDefinition, stepName: (id: string) => string): string {
  const ref = (r: { stepId: string } | { activities: string[] }) =>
    'stepId' in r ? stepName(r.stepId) : r.activities.join(' / ');
  switch (kpi.kind) {
    case 'rate':
      return `${kpi.name} · rate · ${kpi.numerator.join(' / ')} ÷ ${kpi.denominator.join(' / ')}`;
    case 'conversion':
    case 'duration':
      return `${kpi.name} · ${kpi.kind} · ${ref(kpi.from)} → ${ref(kpi.to)}`;
    case 'score':
      return `${kpi.name} · ${kpi.scale.toUpperCase()} · ${kpi.activity}`;
    case 'cost-per':
      return `${kpi.name} · cost per · ${kpi.costActivities.join(' / ') || 'all costs'} ÷ ${ref(kpi.acquired)}${kpi.splitBy === null ? '' : ` by ${kpi.splitBy}`}`;
  }
}

/** The step a KPI is shown at in the data lane: its `from` step when it names one, else the first column. */
export function kpiAnchorStep(kpi: KpiDefinition, visibleStepIds: readonly string[]): string | null {
  if (
    (kpi.kind === 'conversion' || kpi.kind === 'duration') &&
    'stepId' in kpi.from &&
    visibleStepIds.includes(kpi.from.stepId)
  )
    return kpi.from.stepId;
  return visibleStepIds[0] ?? null;
}

export const SCORE_WORDS: Record<number, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};
