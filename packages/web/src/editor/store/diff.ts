import type { JourneyContent } from '@pathlight/core';

export type DiffChange = 'only-mine' | 'only-theirs' | 'changed';

export interface DiffEntry {
  kind: 'journey' | 'stage' | 'step' | 'lane' | 'card' | 'emotions' | 'systems' | 'opportunities' | 'kpis';
  id: string;
  change: DiffChange;
  /** A human label: the name in my version (or theirs when I don't have it). */
  label: string;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function byId<T extends { id: string }>(
  kind: DiffEntry['kind'],
  mine: readonly T[],
  theirs: readonly T[],
  label: (item: T) => string,
  compare: (a: T, b: T) => boolean = same,
): DiffEntry[] {
  const out: DiffEntry[] = [];
  const theirMap = new Map(theirs.map((x) => [x.id, x]));
  const myIds = new Set(mine.map((x) => x.id));
  for (const m of mine) {
    const t = theirMap.get(m.id);
    if (!t) out.push({ kind, id: m.id, change: 'only-mine', label: label(m) });
    else if (!compare(m, t)) out.push({ kind, id: m.id, change: 'changed', label: label(m) });
  }
  for (const t of theirs)
    if (!myIds.has(t.id)) out.push({ kind, id: t.id, change: 'only-theirs', label: label(t) });
  return out;
}

/**
 * What differs between my version of a journey and the server's, by id: stages, steps, lanes and
 * cards each as only-mine / only-theirs / changed, plus one line per other part that differs.
 * Pure, so the conflict dialog can show it and tests can pin it.
 */
export function diffJourneys(mine: JourneyContent, theirs: JourneyContent): DiffEntry[] {
  const out: DiffEntry[] = [];
  const metaKeys = [
    'name',
    'description',
    'question',
    'status',
    'tags',
    'reviewCadenceDays',
    'lastReviewedAt',
    'scope',
  ] as const;
  if (metaKeys.some((k) => !same(mine[k], theirs[k])))
    out.push({ kind: 'journey', id: 'journey', change: 'changed', label: 'Journey details' });
  // A stage "changed" only for its own fields and step order; step edits are listed as steps.
  const stageShape = (s: JourneyContent['stages'][number]) => ({ ...s, steps: s.steps.map((t) => t.id) });
  out.push(
    ...byId(
      'stage',
      mine.stages,
      theirs.stages,
      (s) => s.name,
      (a, b) => same(stageShape(a), stageShape(b)),
    ),
  );
  const steps = (d: JourneyContent) => d.stages.flatMap((s) => s.steps.map((t) => ({ ...t, stageId: s.id })));
  out.push(...byId('step', steps(mine), steps(theirs), (t) => t.name));
  out.push(...byId('lane', mine.lanes, theirs.lanes, (l) => l.name));
  out.push(...byId('card', mine.cards, theirs.cards, (c) => short(c.text)));
  const parts = [
    ['emotions', 'Emotion curve points'],
    ['systems', 'Blueprint systems'],
    ['opportunities', 'Opportunities'],
    ['kpis', 'KPI definitions'],
  ] as const;
  for (const [key, label] of parts)
    if (!same(mine[key], theirs[key])) out.push({ kind: key, id: key, change: 'changed', label });
  return out;
}
