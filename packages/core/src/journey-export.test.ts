import { describe, expect, it } from 'vitest';
import { JOURNEY_SCHEMA_VERSION } from './journey';
import { JOURNEY_EXPORT_FORMAT, journeyDocumentOf, journeyExport } from './journey-export';
import { migrateJourney } from './migrations';

const doc = migrateJourney({ schemaVersion: 2, name: 'Intake', stages: [], lanes: [] });
if (!doc.ok) throw new Error('fixture');

describe('journey export files', () => {
  it('wraps a document with its format, schema version and time', () => {
    expect(journeyExport(doc.document, '2026-11-21T10:00:00.000Z')).toEqual({
      format: 'pathlight.journey',
      schemaVersion: JOURNEY_SCHEMA_VERSION,
      exportedAt: '2026-11-21T10:00:00.000Z',
      journey: doc.document,
    });
  });

  it('finds the document in an export or takes a bare document as it is', () => {
    const file = journeyExport(doc.document, '2026-11-21T10:00:00.000Z');
    expect(journeyDocumentOf(JSON.parse(JSON.stringify(file)))).toEqual(doc.document);
    expect(journeyDocumentOf(doc.document)).toBe(doc.document);
    expect(journeyDocumentOf({ format: 'something-else', journey: 1 })).toEqual({
      format: 'something-else',
      journey: 1,
    });
    expect(journeyDocumentOf({ format: JOURNEY_EXPORT_FORMAT })).toBeUndefined();
    expect(journeyDocumentOf(null)).toBeNull();
  });
});
