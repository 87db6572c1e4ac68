import { z } from 'zod';
import { JourneyContent } from './journey';
import { PersonaContent } from './persona';
import { Id, Name, Text } from './vocabulary';

/** A ready-made journey: the full document plus the personas its emotion curves refer to. */
export const JourneyTemplate = z.strictObject({
  id: Id,
  name: Name,
  summary: Text(1000),
  category: z.enum(['health-system', 'clinic', 'specialty', 'dental', 'aesthetics', 'health-tech']),
  journey: JourneyContent,
  personas: z.array(PersonaContent.extend({ id: Id })).max(10),
});
export type JourneyTemplate = z.infer<typeof JourneyTemplate>;
export type JourneyTemplateInput = z.input<typeof JourneyTemplate>;

/**
 * Copies a template into fresh ids (via the injected generator) so several journeys can come
 * from one template without clashing. References inside the document follow the renaming.
 */
export function instantiateTemplate(
  template: JourneyTemplate,
  newId: () => string,
): { journey: JourneyContent; personas: (PersonaContent & { id: string })[] } {
  const ids = new Map<string, string>();
  const map = (id: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = newId();
      ids.set(id, next);
    }
    return next;
  };
  const personas = template.personas.map((p) => ({
    ...p,
    id: map(p.id),
    origin: { templateId: template.id, personaId: p.id },
  }));
  const j = template.journey;
  const ref = <T extends { stepId: string } | { activities: string[] }>(r: T): T =>
    'stepId' in r ? { ...r, stepId: map(r.stepId) } : r;
  const journey: JourneyContent = {
    ...j,
    scope: { ...j.scope, personaIds: j.scope.personaIds.map(map) },
    stages: j.stages.map((s) => ({
      ...s,
      id: map(s.id),
      steps: s.steps.map((t) => ({ ...t, id: map(t.id) })),
    })),
    lanes: j.lanes.map((l) => ({ ...l, id: map(l.id) })),
    cards: j.cards.map((c) => ({
      ...c,
      id: map(c.id),
      laneId: map(c.laneId),
      stepId: map(c.stepId),
      systemId: c.systemId === null ? null : map(c.systemId),
      linkedCardIds: c.linkedCardIds.map(map),
    })),
    emotions: j.emotions.map((e) => ({ ...e, personaId: map(e.personaId), stepId: map(e.stepId) })),
    systems: j.systems.map((s) => ({ ...s, id: map(s.id) })),
    opportunities: j.opportunities.map((o) => ({
      ...o,
      id: map(o.id),
      cardIds: o.cardIds.map(map),
      stepIds: o.stepIds.map(map),
      targetKpiId: o.targetKpiId === null ? null : map(o.targetKpiId),
    })),
    kpis: j.kpis.map((k) => {
      if (k.kind === 'conversion' || k.kind === 'duration')
        return { ...k, id: map(k.id), from: ref(k.from), to: ref(k.to) };
      if (k.kind === 'cost-per') return { ...k, id: map(k.id), acquired: ref(k.acquired) };
      return { ...k, id: map(k.id) };
    }),
  };
  return { journey, personas };
}
