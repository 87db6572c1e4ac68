import type { JourneyContent, JourneyTemplate, Persona } from '@pathlight/core';

/** How many personas a template may carry (the core `JourneyTemplate` limit). */
export const TEMPLATE_PERSONA_LIMIT = 10;

/** The persona ids a journey refers to (scope and emotion curves), first mention first. */
export function referencedPersonaIds(journey: JourneyContent): string[] {
  return [...new Set([...journey.scope.personaIds, ...journey.emotions.map((e) => e.personaId)])];
}

/**
 * A journey as a self-contained template body: the document plus copies of the library personas it
 * refers to, keeping their ids so references inside the document still resolve. A reference to a persona
 * no longer in the library stays as it is; instantiating gives it a fresh id like every other.
 */
export function templateFromJourney(
  head: Pick<JourneyTemplate, 'name' | 'summary' | 'category'>,
  journey: JourneyContent,
  library: readonly Persona[],
): Omit<JourneyTemplate, 'id'> {
  const byId = new Map(library.map((p) => [p.id, p]));
  const personas = referencedPersonaIds(journey).flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { workspaceId: _w, version: _v, updatedAt: _u, ...content } = found;
    return [content];
  });
  return { ...head, journey, personas };
}
