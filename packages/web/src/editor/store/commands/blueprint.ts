import type { BlueprintSystem, JourneyContent, JourneyStatus, Opportunity } from '@pathlight/core';
import { CommandError, cleanName } from './command-error';

function systemIndex(command: string, doc: JourneyContent, systemId: string): number {
  const i = doc.systems.findIndex((s) => s.id === systemId);
  if (i < 0) throw new CommandError(command, `no system "${systemId}"`);
  return i;
}

export type SystemPatch = Partial<Omit<BlueprintSystem, 'id'>>;

function cleanSystem(command: string, s: BlueprintSystem): BlueprintSystem {
  return { ...s, name: cleanName(command, 'name', s.name), owner: s.owner.trim() };
}

/** Adds a blueprint system (EHR, scheduling…) with its PHI and BAA flags. */
export function addSystem(
  doc: JourneyContent,
  a: { id: string } & Pick<BlueprintSystem, 'name' | 'category' | 'holdsPhi' | 'baaInPlace'> & {
      owner?: string;
    },
): JourneyContent {
  if (doc.systems.some((s) => s.id === a.id))
    throw new CommandError('addSystem', `id "${a.id}" is already used`);
  const system = cleanSystem('addSystem', { ...a, owner: a.owner ?? '' });
  return { ...doc, systems: [...doc.systems, system] };
}

/** Changes a system's name, category, owner, PHI or BAA flag. */
export function updateSystem(
  doc: JourneyContent,
  a: { systemId: string; patch: SystemPatch },
): JourneyContent {
  const i = systemIndex('updateSystem', doc, a.systemId);
  const systems = doc.systems.slice();
  systems[i] = cleanSystem('updateSystem', { ...systems[i]!, ...a.patch });
  return { ...doc, systems };
}

/** Deletes a system; cards that named it keep their text but lose the link. */
export function deleteSystem(doc: JourneyContent, a: { systemId: string }): JourneyContent {
  systemIndex('deleteSystem', doc, a.systemId);
  return {
    ...doc,
    systems: doc.systems.filter((s) => s.id !== a.systemId),
    cards: doc.cards.map((c) => (c.systemId === a.systemId ? { ...c, systemId: null } : c)),
  };
}

export type OpportunityPatch = Partial<Omit<Opportunity, 'id'>>;

function checkOpportunity(command: string, doc: JourneyContent, o: Opportunity): Opportunity {
  const title = cleanName(command, 'title', o.title);
  for (const field of ['impact', 'effort'] as const) {
    const v = o[field];
    if (!Number.isInteger(v) || v < 1 || v > 5) throw new CommandError(command, `${field} ${v} is not 1–5`);
  }
  const cardIds = [...new Set(o.cardIds)];
  const stepIds = [...new Set(o.stepIds)];
  for (const id of cardIds)
    if (!doc.cards.some((c) => c.id === id)) throw new CommandError(command, `no card "${id}" to link`);
  for (const id of stepIds)
    if (!doc.stages.some((s) => s.steps.some((t) => t.id === id)))
      throw new CommandError(command, `no step "${id}" to link`);
  if (o.targetKpiId !== null && !doc.kpis.some((k) => k.id === o.targetKpiId))
    throw new CommandError(command, `no KPI "${o.targetKpiId}"`);
  return { ...o, title, description: o.description.trim(), owner: o.owner.trim(), cardIds, stepIds };
}

/** Adds an opportunity (defaults: idea, assumed, no links). */
export function addOpportunity(
  doc: JourneyContent,
  a: { id: string; title: string; impact: number; effort: number } & OpportunityPatch,
): JourneyContent {
  if (doc.opportunities.some((o) => o.id === a.id))
    throw new CommandError('addOpportunity', `id "${a.id}" is already used`);
  const o: Opportunity = {
    description: '',
    cardIds: [],
    stepIds: [],
    confidence: 'assumed',
    owner: '',
    status: 'idea',
    targetKpiId: null,
    ...a,
  };
  return { ...doc, opportunities: [...doc.opportunities, checkOpportunity('addOpportunity', doc, o)] };
}

/** Changes an opportunity's fields: impact, effort, owner, status, links… */
export function updateOpportunity(
  doc: JourneyContent,
  a: { opportunityId: string; patch: OpportunityPatch },
): JourneyContent {
  const i = doc.opportunities.findIndex((o) => o.id === a.opportunityId);
  if (i < 0) throw new CommandError('updateOpportunity', `no opportunity "${a.opportunityId}"`);
  const opportunities = doc.opportunities.slice();
  opportunities[i] = checkOpportunity('updateOpportunity', doc, { ...opportunities[i]!, ...a.patch });
  return { ...doc, opportunities };
}

/** Deletes an opportunity. */
export function deleteOpportunity(doc: JourneyContent, a: { opportunityId: string }): JourneyContent {
  const opportunities = doc.opportunities.filter((o) => o.id !== a.opportunityId);
  if (opportunities.length === doc.opportunities.length)
    throw new CommandError('deleteOpportunity', `no opportunity "${a.opportunityId}"`);
  return { ...doc, opportunities };
}

export type MetaPatch = Partial<{
  name: string;
  description: string;
  question: string;
  status: JourneyStatus;
  tags: string[];
  reviewCadenceDays: number | null;
  lastReviewedAt: string | null;
  /** The personas this journey is mapped for (their emotion curves are drawn). */
  personaIds: string[];
}>;

/** Changes the journey's own fields: name, description, question, status, tags, review cadence. */
export function updateMeta(doc: JourneyContent, a: { patch: MetaPatch }): JourneyContent {
  const p = a.patch;
  const next = { ...doc };
  if (p.name !== undefined) next.name = cleanName('updateMeta', 'name', p.name);
  if (p.description !== undefined) next.description = p.description.trim();
  if (p.question !== undefined) next.question = p.question.trim();
  if (p.status !== undefined) next.status = p.status;
  if (p.tags !== undefined) next.tags = [...new Set(p.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  if (p.reviewCadenceDays !== undefined) {
    const d = p.reviewCadenceDays;
    if (d !== null && (!Number.isInteger(d) || d < 1 || d > 3650))
      throw new CommandError('updateMeta', `review cadence ${d} is not 1–3650 days`);
    next.reviewCadenceDays = d;
  }
  if (p.lastReviewedAt !== undefined) {
    if (p.lastReviewedAt !== null && !/^\d{4}-\d{2}-\d{2}$/.test(p.lastReviewedAt))
      throw new CommandError('updateMeta', `last reviewed "${p.lastReviewedAt}" is not YYYY-MM-DD`);
    next.lastReviewedAt = p.lastReviewedAt;
  }
  if (p.personaIds !== undefined) {
    const ids = [...new Set(p.personaIds)];
    if (ids.length > 20) throw new CommandError('updateMeta', 'at most 20 personas per journey');
    next.scope = { ...doc.scope, personaIds: ids };
  }
  return next;
}
