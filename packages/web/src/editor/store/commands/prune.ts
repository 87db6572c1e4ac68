import type { JourneyContent, KpiDefinition } from '@pathlight/core';

type Ref = { stepId: string } | { activities: string[] };

/**
 * Removes everything that points at deleted steps or cards, so the document stays valid:
 * cards in those steps, emotion points, card links, opportunity links and KPI step references
 * (a KPI end that named a removed step falls back to the step's activities, or the KPI goes).
 * Objects that do not change keep their identity, which keeps the editor's memoised cells cheap.
 */
export function pruneReferences(
  doc: JourneyContent,
  removed: {
    stepIds?: ReadonlySet<string>;
    cardIds?: ReadonlySet<string>;
    stepActivities?: Map<string, string[]>;
  },
): JourneyContent {
  const stepIds = removed.stepIds ?? new Set<string>();
  const cardIds = new Set(removed.cardIds ?? []);
  for (const card of doc.cards) if (stepIds.has(card.stepId)) cardIds.add(card.id);
  if (stepIds.size === 0 && cardIds.size === 0) return doc;

  const cards = doc.cards
    .filter((c) => !cardIds.has(c.id))
    .map((c) =>
      c.linkedCardIds.some((id) => cardIds.has(id))
        ? { ...c, linkedCardIds: c.linkedCardIds.filter((id) => !cardIds.has(id)) }
        : c,
    );
  const emotions = stepIds.size === 0 ? doc.emotions : doc.emotions.filter((e) => !stepIds.has(e.stepId));
  const opportunities = doc.opportunities.map((o) =>
    o.cardIds.some((id) => cardIds.has(id)) || o.stepIds.some((id) => stepIds.has(id))
      ? {
          ...o,
          cardIds: o.cardIds.filter((id) => !cardIds.has(id)),
          stepIds: o.stepIds.filter((id) => !stepIds.has(id)),
        }
      : o,
  );

  let kpis = doc.kpis;
  const droppedKpis = new Set<string>();
  if (stepIds.size > 0) {
    const fix = (ref: Ref): Ref | null => {
      if (!('stepId' in ref) || !stepIds.has(ref.stepId)) return ref;
      const activities = removed.stepActivities?.get(ref.stepId) ?? [];
      return activities.length > 0 ? { activities } : null;
    };
    const next: KpiDefinition[] = [];
    for (const k of doc.kpis) {
      if (k.kind === 'cost-per') {
        const acquired = fix(k.acquired);
        if (acquired === null) droppedKpis.add(k.id);
        else next.push(acquired === k.acquired ? k : { ...k, acquired });
        continue;
      }
      if (k.kind !== 'conversion' && k.kind !== 'duration') {
        next.push(k);
        continue;
      }
      const from = fix(k.from);
      const to = fix(k.to);
      if (from === null || to === null) droppedKpis.add(k.id);
      else next.push(from === k.from && to === k.to ? k : { ...k, from, to });
    }
    kpis = next;
  }
  const finalOpportunities =
    droppedKpis.size === 0
      ? opportunities
      : opportunities.map((o) =>
          o.targetKpiId !== null && droppedKpis.has(o.targetKpiId) ? { ...o, targetKpiId: null } : o,
        );
  return { ...doc, cards, emotions, opportunities: finalOpportunities, kpis };
}
