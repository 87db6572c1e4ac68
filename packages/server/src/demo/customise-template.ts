import {
  type BlueprintSystem,
  type Channel,
  type Evidence,
  JourneyContent,
  type JourneyStatus,
  type JourneyTemplate,
  KPI_LIBRARY,
  type KpiInput,
  type Opportunity,
  type Severity,
  templates,
} from '@pathlight/core';
import type { DemoPersonaKey } from './riverside-personas';

/** How one demo journey is made from a built-in template: what is renamed, rewritten and mapped. */
export interface DemoJourneySpec {
  templateId: string;
  name: string;
  description: string;
  question: string;
  serviceLine: string;
  status: JourneyStatus;
  /** Days before the seeding day that the team last reviewed the map (so "review due" reads true). */
  reviewedDaysAgo: number;
  tags: string[];
  stages?: Record<string, { name?: string; goal?: string }>;
  /**
   * Every step that the event log evidences, with the generator's activities. Steps not listed keep
   * their text but lose their template activities (the demo log does not emit them).
   */
  steps: Record<string, { name?: string; description?: string; activities?: string[]; optional?: boolean }>;
  /** Rewritten cards; every other card not dropped keeps its template text and gets `defaultEvidence`. */
  cards: Record<
    string,
    { text?: string; severity?: Severity; channel?: Channel; evidence: readonly Evidence[] }
  >;
  /**
   * Template cards with no sensible counterpart at this clinic: left out of the demo, and unlinked
   * from the opportunities and cards that pointed at them.
   */
  dropCards?: readonly string[];
  /**
   * Template cards read and judged true to the clinic as they are. Not used to build the map: the
   * demo tests require every template card to be rewritten, dropped or listed here, so a template
   * change cannot slip text into the demo unseen.
   */
  keptAsIs?: readonly string[];
  defaultEvidence: readonly Evidence[];
  /** Emotion points rewritten by step id, then template persona id (the point must exist). */
  emotions?: Record<string, Record<string, { score?: -2 | -1 | 0 | 1 | 2; note: string }>>;
  systems?: Record<string, Partial<Omit<BlueprintSystem, 'id'>>>;
  opportunities?: Record<string, Partial<Omit<Opportunity, 'id' | 'cardIds' | 'stepIds'>>>;
  /** Template KPI ids to keep, ids from `KPI_LIBRARY`, or new definitions; the order is the dashboard's. */
  kpis: (string | KpiInput)[];
  /** Template persona id → demo persona; emotion curves of personas not listed are dropped. */
  personas: Record<string, DemoPersonaKey>;
}

/** The calendar date `days` before `day` (both `YYYY-MM-DD`, UTC). */
function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** A template by id, or an error naming it (the demo must fail loudly if a template is renamed). */
function template(id: string): JourneyTemplate {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`demo: no template "${id}"`);
  return found;
}

function mustHave(kind: string, known: ReadonlySet<string>, ids: Iterable<string>, templateId: string) {
  for (const id of ids)
    if (!known.has(id)) throw new Error(`demo: template "${templateId}" has no ${kind} "${id}"`);
}

/**
 * Builds a demo journey document from its template and spec. Persona references become the stored
 * persona ids in `personaIds`. Every id the spec names must exist in the template (checked), so a
 * template change cannot silently leave the demo half-customised.
 */
export function customiseTemplate(
  spec: DemoJourneySpec,
  personaIds: Readonly<Record<DemoPersonaKey, string>>,
  ownerId: string | null,
  /** The seeding day, `YYYY-MM-DD`; review dates are counted back from it. */
  today = '2025-07-07',
): JourneyContent {
  const t = template(spec.templateId);
  const j = t.journey;
  const steps = j.stages.flatMap((s) => s.steps);
  mustHave('stage', new Set(j.stages.map((s) => s.id)), Object.keys(spec.stages ?? {}), t.id);
  mustHave('step', new Set(steps.map((s) => s.id)), Object.keys(spec.steps), t.id);
  const cardIds = new Set(j.cards.map((c) => c.id));
  mustHave('card', cardIds, Object.keys(spec.cards), t.id);
  mustHave('card', cardIds, spec.dropCards ?? [], t.id);
  mustHave('card', cardIds, spec.keptAsIs ?? [], t.id);
  const dropped = new Set(spec.dropCards);
  const kept = new Set(spec.keptAsIs);
  for (const id of cardIds) {
    const verdicts = [id in spec.cards, dropped.has(id), kept.has(id)].filter(Boolean).length;
    if (verdicts > 1)
      throw new Error(
        `demo: card "${id}" of template "${t.id}" is in more than one of cards, dropCards, keptAsIs`,
      );
  }
  const points = new Set(j.emotions.map((e) => `${e.stepId} ${e.personaId}`));
  for (const [stepId, byPersona] of Object.entries(spec.emotions ?? {}))
    mustHave(
      'emotion point',
      points,
      Object.keys(byPersona).map((personaId) => `${stepId} ${personaId}`),
      t.id,
    );
  mustHave('system', new Set(j.systems.map((s) => s.id)), Object.keys(spec.systems ?? {}), t.id);
  mustHave(
    'opportunity',
    new Set(j.opportunities.map((o) => o.id)),
    Object.keys(spec.opportunities ?? {}),
    t.id,
  );
  mustHave('persona', new Set(t.personas.map((p) => p.id)), Object.keys(spec.personas), t.id);

  const persona = (id: string) => {
    const key = spec.personas[id];
    return key === undefined ? undefined : personaIds[key];
  };
  const kpis = spec.kpis.map((k) => {
    if (typeof k !== 'string') return k;
    const kept = j.kpis.find((x) => x.id === k) ?? KPI_LIBRARY.find((x) => x.id === k);
    if (!kept) throw new Error(`demo: template "${t.id}" has no KPI "${k}" and the KPI library neither`);
    return kept;
  });
  const kpiIds = new Set(kpis.map((k) => k.id));

  return JourneyContent.parse({
    ...j,
    name: spec.name,
    description: spec.description,
    question: spec.question,
    scope: {
      serviceLine: spec.serviceLine,
      personaIds: j.scope.personaIds.map(persona).filter((id) => id !== undefined),
    },
    ownerId,
    status: spec.status,
    lastReviewedAt: daysBefore(today, spec.reviewedDaysAgo),
    tags: spec.tags,
    stages: j.stages.map((stage) => ({
      ...stage,
      ...spec.stages?.[stage.id],
      steps: stage.steps.map((step) => {
        const change = spec.steps[step.id];
        return { ...step, ...change, activities: change?.activities ?? [] };
      }),
    })),
    cards: j.cards.flatMap((card) => {
      if (dropped.has(card.id)) return [];
      const linkedCardIds = card.linkedCardIds.filter((id) => !dropped.has(id));
      const change = spec.cards[card.id];
      return [
        change
          ? { ...card, ...change, linkedCardIds }
          : { ...card, linkedCardIds, evidence: spec.defaultEvidence },
      ];
    }),
    emotions: j.emotions.flatMap((e) => {
      const id = persona(e.personaId);
      return id === undefined ? [] : [{ ...e, ...spec.emotions?.[e.stepId]?.[e.personaId], personaId: id }];
    }),
    systems: j.systems.map((s) => ({ ...s, ...spec.systems?.[s.id] })),
    opportunities: j.opportunities.map((o) => {
      const merged = {
        ...o,
        ...spec.opportunities?.[o.id],
        cardIds: o.cardIds.filter((id) => !dropped.has(id)),
      };
      // A KPI the demo dropped (its activities are not in the log) cannot be an opportunity's target.
      return merged.targetKpiId !== null && !kpiIds.has(merged.targetKpiId)
        ? { ...merged, targetKpiId: null }
        : merged;
    }),
    kpis,
  });
}
