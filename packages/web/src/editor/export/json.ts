import {
  JOURNEY_EXPORT_FORMAT,
  type JourneyContent,
  type JourneyExport,
  journeyExport,
  migrateJourney,
} from '@pathlight/core';

export type { JourneyExport };

/** Wraps a journey document for export (re-importable through `parseJourneyExport` or the server). */
export const journeyToExport = (doc: JourneyContent, exportedAt: string): JourneyExport =>
  journeyExport(doc, exportedAt);

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
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== JOURNEY_EXPORT_FORMAT
  )
    return {
      ok: false,
      error: `the file is not a Pathlight journey export (format "${JOURNEY_EXPORT_FORMAT}")`,
    };
  const result = migrateJourney((raw as { journey?: unknown }).journey);
  if (result.ok) return { ok: true, journey: result.document };
  const e = result.error;
  if (typeof e === 'string') return { ok: false, error: e };
  const issue = e.issues[0];
  return { ok: false, error: `journey.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}
