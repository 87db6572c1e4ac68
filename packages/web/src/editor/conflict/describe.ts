import type { JourneyContent, MergeItem, MergeSide } from '@pathlight/core';
import { CHANNEL_LABELS, SEVERITY_LABELS } from '../glyphs/glyphs';

/** The word for an item's kind, shown before its label. */
export const KIND_WORD: Record<MergeItem['kind'], string> = {
  journey: 'Journey',
  stage: 'Stage',
  step: 'Step',
  lane: 'Lane',
  card: 'Card',
  emotion: 'Emotion',
  system: 'System',
  opportunity: 'Opportunity',
  persona: 'Persona',
  kpi: 'KPI',
  order: 'Order',
};

export interface DescribeContext {
  /** Persona names by id (the workspace's personas). */
  personaName: (id: string) => string;
  mine: JourneyContent;
  theirs: JourneyContent;
}

const CHANGE_WORD = { added: 'added', removed: 'deleted', edited: 'changed' } as const;

/** "You added" / "They deleted"…: what one side did to an item, or null when it did nothing. */
export function changeText(item: MergeItem, side: MergeSide): string | null {
  const c = item[side];
  if (!c) return null;
  return `${side === 'mine' ? 'You' : 'They'} ${CHANGE_WORD[c]}`;
}

/** The item's label, with a persona name where the item is about a persona. */
export function itemLabel(item: MergeItem, ctx: DescribeContext): string {
  if (item.kind === 'persona') return ctx.personaName(item.id);
  if (item.kind === 'emotion') {
    const v = item.mineValue ?? item.theirsValue ?? item.base;
    return v ? `${ctx.personaName(v.personaId)}: ${item.label.toLowerCase()}` : item.label;
  }
  return item.label;
}

const yesNo = (flag: boolean, word: string) => (flag ? [word] : []);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Lines describing one side's version of an item, for the side-by-side view. */
export function describeSide(item: MergeItem, side: MergeSide, ctx: DescribeContext): string[] {
  const doc = side === 'mine' ? ctx.mine : ctx.theirs;
  const laneName = (id: string) => doc.lanes.find((l) => l.id === id)?.name ?? 'a lane';
  const stepName = (id: string) =>
    doc.stages.flatMap((s) => s.steps).find((t) => t.id === id)?.name ?? 'a step';
  const stageName = (id: string) => doc.stages.find((s) => s.id === id)?.name ?? 'a stage';
  const inside =
    item.inside.length > 0 && item[side] === 'edited' && item.status === 'conflict'
      ? [`Changed inside: ${item.inside.join(', ')}`]
      : [];
  switch (item.kind) {
    case 'journey': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (Array.isArray(v)) return [v.length > 0 ? v.join(', ') : '(none)'];
      // e.g. the subject { singular, plural }: its values in order
      if (v !== null && typeof v === 'object') return [Object.values(v).map(String).join(' / ')];
      return [v === null || v === '' ? '(empty)' : String(v)];
    }
    case 'order': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      return (v ?? []).map((x, i) => `${i + 1}. ${x.label}`);
    }
    case 'stage': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [v.name, ...(v.goal ? [`Goal: ${v.goal}`] : []), ...yesNo(v.hidden, 'Hidden'), ...inside];
    }
    case 'step': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [
        v.name,
        `In stage ${stageName(v.stageId)}`,
        ...(v.description ? [v.description] : []),
        ...yesNo(v.optional, 'Optional'),
        ...yesNo(v.hidden, 'Hidden'),
        ...(v.activities.length > 0 ? [`Data: ${v.activities.join(', ')}`] : []),
        ...inside,
      ];
    }
    case 'lane': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [v.name, ...yesNo(v.hidden, 'Hidden'), ...inside];
    }
    case 'card': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [
        v.text,
        `In ${laneName(v.laneId)} · ${stepName(v.stepId)}`,
        ...(v.tags.length > 0 ? [`Tags: ${v.tags.join(', ')}`] : []),
        ...(v.severity ? [`Severity: ${SEVERITY_LABELS[v.severity]}`] : []),
        ...(v.channel ? [`Channel: ${CHANNEL_LABELS[v.channel]}`] : []),
        `${v.evidence.length} evidence ${v.evidence.length === 1 ? 'item' : 'items'}`,
      ];
    }
    case 'emotion': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [`Score ${signed(v.score)}`, ...(v.note ? [v.note] : [])];
    }
    case 'system': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [v.name, v.holdsPhi ? 'Holds PHI' : 'No PHI', v.baaInPlace ? 'BAA signed' : 'No BAA'];
    }
    case 'opportunity': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [
        v.title,
        `Impact ${v.impact}, effort ${v.effort}, ${v.status}`,
        ...(v.owner ? [`Owner: ${v.owner}`] : []),
        ...(v.description ? [v.description] : []),
      ];
    }
    case 'persona': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      return [v ? 'On the map' : 'Not on the map'];
    }
    case 'kpi': {
      const v = side === 'mine' ? item.mineValue : item.theirsValue;
      if (!v) return ['Deleted'];
      return [v.name, `${v.kind} KPI`, ...(v.description ? [v.description] : [])];
    }
  }
}
