import { randomUUID } from 'node:crypto';
import {
  instantiateTemplate,
  JOURNEY_SCHEMA_VERSION,
  JourneyContent,
  type JourneyTemplate,
  type PersonaContent,
  STANDARD_LANES,
} from '@pathlight/core';

/** A new, empty journey document with the standard lanes (`STANDARD_LANES`). */
export function blankJourney(input: {
  name: string;
  description?: string | undefined;
  question?: string | undefined;
  serviceLine?: string | undefined;
  ownerId: string;
}): JourneyContent {
  return JourneyContent.parse({
    schemaVersion: JOURNEY_SCHEMA_VERSION,
    name: input.name,
    description: input.description ?? '',
    question: input.question ?? '',
    scope: { serviceLine: input.serviceLine ?? '', personaIds: [] },
    ownerId: input.ownerId,
    stages: [],
    lanes: STANDARD_LANES.map(({ kind, name }) => ({ id: `lane-${kind}`, kind, name })),
  });
}

/**
 * A template as a fresh journey plus its personas. Persona ids in the document are placeholders
 * until `relinkPersonas` swaps in the ids storage gives the created personas.
 */
export function journeyFromTemplate(
  template: JourneyTemplate,
  name: string | undefined,
  ownerId: string,
): { journey: JourneyContent; personas: (PersonaContent & { id: string })[] } {
  const { journey, personas } = instantiateTemplate(template, () => randomUUID());
  return { journey: { ...journey, name: name ?? journey.name, ownerId }, personas };
}

/**
 * Whether two personas were made from the same template persona (see `PersonaContent.origin`); personas
 * stored before origins were recorded have none.
 */
export const sameOrigin = (
  a: PersonaContent['origin'] | undefined,
  b: PersonaContent['origin'] | undefined,
): boolean => !!a && !!b && a.templateId === b.templateId && a.personaId === b.personaId;

/** Rewrites persona references (scope and emotion curves) through `ids`. */
export function relinkPersonas(journey: JourneyContent, ids: ReadonlyMap<string, string>): JourneyContent {
  const map = (id: string) => ids.get(id) ?? id;
  return {
    ...journey,
    scope: { ...journey.scope, personaIds: journey.scope.personaIds.map(map) },
    emotions: journey.emotions.map((e) => ({ ...e, personaId: map(e.personaId) })),
  };
}

/** The name of a duplicate: `X (copy)`, kept within the 200-character name limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, 200 - suffix.length)}${suffix}`;
}
