import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JOURNEY_SCHEMA_VERSION } from './journey';
import { journeyMigrations, migrateJourney } from './migrations';
import { templates } from './templates/index';

/** A hand-written pre-release (v1) document: one `activity` per step, bare `confidence`/`source` on cards. */
function v1(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Referral to first visit (2025 export)',
    stages: [
      {
        id: 'st-refer',
        name: 'Referral',
        steps: [
          { id: 'sp-placed', name: 'Referral placed', activity: 'referral.placed' },
          { id: 'sp-wait', name: 'Waits for a call', activity: '' },
          { id: 'sp-booked', name: 'Booked' },
        ],
      },
    ],
    lanes: [{ id: 'ln-pain', kind: 'pain-points', name: 'Pain points' }],
    cards: [
      {
        id: 'c-1',
        laneId: 'ln-pain',
        stepId: 'sp-wait',
        text: 'Nobody calls for two weeks',
        confidence: 'reported',
        source: 'Front-desk interviews, March',
      },
      { id: 'c-2', laneId: 'ln-pain', stepId: 'sp-booked', text: 'No evening slots' },
    ],
  };
}

describe('migrateJourney', () => {
  it('upgrades a v1 document to the current version and names the migration', () => {
    const r = migrateJourney(v1());
    if (!r.ok) throw new Error(`expected ok, got ${String(r.error)}`);
    expect(r.applied).toEqual(['step-activity-lists-and-card-evidence']);
    expect(r.document.schemaVersion).toBe(JOURNEY_SCHEMA_VERSION);
    expect(r.document.stages[0]?.steps.map((s) => s.activities)).toEqual([['referral.placed'], [], []]);
    expect(r.document.cards[0]?.evidence).toEqual([
      { kind: 'staff-report', source: 'Front-desk interviews, March', date: null, confidence: 'reported' },
    ]);
    expect(r.document.cards[1]?.evidence).toEqual([]);
    expect(r.document.cards[0]).not.toHaveProperty('confidence');
    expect(r.document.stages[0]?.steps[0]).not.toHaveProperty('activity');
  });

  it('treats a document without schemaVersion as v1', () => {
    const { schemaVersion: _drop, ...unversioned } = v1();
    const r = migrateJourney(unversioned);
    expect(r.ok && r.applied).toEqual(['step-activity-lists-and-card-evidence']);
  });

  it('does not modify the input', () => {
    const input = v1();
    const before = structuredClone(input);
    migrateJourney(input);
    expect(input).toEqual(before);
  });

  it('loads a current document with no migrations applied', () => {
    const current = templates[0]!.journey;
    const r = migrateJourney(current);
    expect(r).toEqual({ ok: true, document: current, applied: [] });
  });

  it('refuses a version newer than it knows, saying which', () => {
    const r = migrateJourney({ ...v1(), schemaVersion: JOURNEY_SCHEMA_VERSION + 1 });
    expect(r).toEqual({
      ok: false,
      error: `schemaVersion ${JOURNEY_SCHEMA_VERSION + 1} is newer than this Pathlight understands (${JOURNEY_SCHEMA_VERSION})`,
    });
  });

  it('refuses anything that is not a JSON object', () => {
    for (const raw of [null, undefined, 42, 'journey', [v1()]]) {
      expect(migrateJourney(raw)).toEqual({ ok: false, error: 'a journey document must be a JSON object' });
    }
  });

  it('refuses a schemaVersion that is not a positive whole number', () => {
    for (const schemaVersion of [0, -1, 1.5, '2', null]) {
      expect(migrateJourney({ ...v1(), schemaVersion })).toEqual({
        ok: false,
        error: 'schemaVersion must be a positive whole number',
      });
    }
  });

  it('returns zod issues when the migrated document is still invalid', () => {
    const broken = v1();
    (broken.cards as Record<string, unknown>[])[0]!.laneId = 'ln-missing';
    (broken.cards as Record<string, unknown>[])[1]!.confidence = 'certain';
    const r = migrateJourney(broken);
    if (r.ok) throw new Error('expected a failure');
    expect(r.error).toBeInstanceOf(z.ZodError);
    const paths = (r.error as z.ZodError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['cards.1.evidence.0.confidence']);
    // Reference checks run once the fields are valid.
    (broken.cards as Record<string, unknown>[])[1]!.confidence = 'observed';
    const again = migrateJourney(broken);
    expect(again.ok).toBe(false);
    expect(!again.ok && (again.error as z.ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      [['cards.0.laneId', 'no lane "ln-missing"']],
    );
  });

  it('has exactly one named migration per older version, in order', () => {
    expect(journeyMigrations.map((m) => m.from)).toEqual(
      Array.from({ length: JOURNEY_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(new Set(journeyMigrations.map((m) => m.name)).size).toBe(journeyMigrations.length);
  });
});
