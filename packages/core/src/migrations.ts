import type { z } from 'zod';
import { JOURNEY_SCHEMA_VERSION, JourneyContent } from './journey';

type Json = Record<string, unknown>;

/** A named, one-step upgrade of a stored journey document. */
interface Migration {
  from: number;
  name: string;
  up(doc: Json): Json;
}

const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * Every upgrade ever made to the journey document, oldest first. Never edit a released entry:
 * add a new one, so old exports keep opening.
 */
export const journeyMigrations: readonly Migration[] = [
  {
    // v1 (pre-release) kept one `activity` per step and a bare `confidence` on each card.
    from: 1,
    name: 'step-activity-lists-and-card-evidence',
    up(doc) {
      const stages = asList(doc.stages).map((stage) => ({
        ...stage,
        steps: asList(stage.steps).map(({ activity, ...step }) => ({
          ...step,
          activities: typeof activity === 'string' && activity !== '' ? [activity] : [],
        })),
      }));
      const cards = asList(doc.cards).map(({ confidence, source, ...card }) => ({
        ...card,
        evidence:
          typeof confidence === 'string'
            ? [
                {
                  kind: 'staff-report',
                  source: typeof source === 'string' ? source : '',
                  date: null,
                  confidence,
                },
              ]
            : [],
      }));
      return { ...doc, stages, cards, schemaVersion: 2 };
    },
  },
];

export type MigrationResult =
  | { ok: true; document: JourneyContent; applied: string[] }
  | { ok: false; error: z.ZodError | string };

/**
 * Loads a journey document of any released version: applies the named migrations in order,
 * then validates against the current schema. A missing `schemaVersion` means version 1.
 */
export function migrateJourney(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'a journey document must be a JSON object' };
  }
  let doc = raw as Json;
  let version = doc.schemaVersion === undefined ? 1 : doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'schemaVersion must be a positive whole number' };
  }
  if (version > JOURNEY_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `schemaVersion ${version} is newer than this Pathlight understands (${JOURNEY_SCHEMA_VERSION})`,
    };
  }
  const applied: string[] = [];
  while (version < JOURNEY_SCHEMA_VERSION) {
    const step = journeyMigrations.find((m) => m.from === version);
    if (!step) return { ok: false, error: `no migration from schemaVersion ${version}` };
    doc = step.up(doc);
    applied.push(step.name);
    version += 1;
  }
  const parsed = JourneyContent.safeParse(doc);
  return parsed.success ? { ok: true, document: parsed.data, applied } : { ok: false, error: parsed.error };
}
