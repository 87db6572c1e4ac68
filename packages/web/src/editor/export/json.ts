import { JOURNEY_SCHEMA_VERSION, type JourneyContent, migrateJourney } from '@pathlight/core';

/** The file format of a journey export; the server's export endpoint writes the same shape. */
export interface JourneyExport {
  format: 'pathlight.journey';
  schemaVersion: number;
  exportedAt: string;
  journey: JourneyContent;
}

/** Wraps a journey document for export (re-importable through `parseJourneyExport` or the server). */
export function journeyToExport(doc: JourneyContent, exportedAt: string): JourneyExport {
  return { format: 'pathlight.journey', schemaVersion: JOURNEY_SCHEMA_VERSION, exportedAt, journey: doc };
}

/** Reads an export file's text back into a current-version document, or explains what is wrong. */
export function parseJourneyExport(
  text: string,
): { ok: true; journey: JourneyContent } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'pathlight.journey')
    return { ok: false, error: 'the file is not a Pathlight journey export (format "pathlight.journey")' };
  const result = migrateJourney((raw as { journey?: unknown }).journey);
  if (result.ok) return { ok: true, journey: result.document };
  const e = result.error;
  if (typeof e === 'string') return { ok: false, error: e };
  const issue = e.issues[0];
  return { ok: false, error: `journey.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}
