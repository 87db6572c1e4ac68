import { JOURNEY_SCHEMA_VERSION, type JourneyContent } from './journey';

/** The `format` of a journey export file. */
export const JOURNEY_EXPORT_FORMAT = 'pathlight.journey';

/** The file Pathlight writes for one journey: the API's export route, the editor's menu and `pathlight export`. */
export interface JourneyExport {
  format: typeof JOURNEY_EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  journey: JourneyContent;
}

/** Wraps a journey document for export; the clock is the caller's (`exportedAt`, ISO 8601). */
export function journeyExport(journey: JourneyContent, exportedAt: string): JourneyExport {
  return { format: JOURNEY_EXPORT_FORMAT, schemaVersion: JOURNEY_SCHEMA_VERSION, exportedAt, journey };
}

/**
 * The journey document inside a parsed file: an export's `journey`, or the value itself when it is a
 * bare document (as `pathlight generate --journey-out` writes). Migrate and validate it afterwards.
 */
export function journeyDocumentOf(raw: unknown): unknown {
  if (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { format?: unknown }).format === JOURNEY_EXPORT_FORMAT
  )
    return (raw as { journey?: unknown }).journey;
  return raw;
}
