import { PersonaContent, strongestConfidence, TEMPLATE_EVIDENCE } from '@pathlight/core';
import { describe, expect, test } from 'vitest';
import { customiseTemplate, type DemoJourneySpec } from './customise-template';
import { DEMO_JOURNEYS } from './riverside';
import { RIVERSIDE_PERSONAS } from './riverside-personas';

const personaIds = { aisha: 'p-aisha', luis: 'p-luis', denise: 'p-denise', jen: 'p-jen' };
const journeys = DEMO_JOURNEYS.map((spec) => customiseTemplate(spec, personaIds, null));

describe('the Riverside demo content', () => {
  test('three journeys from three templates, each with at least five steps mapped to activities', () => {
    expect(DEMO_JOURNEYS.map((s) => s.templateId)).toEqual([
      'dental-practice',
      'specialty-referral',
      'health-system-six-stage',
    ]);
    for (const j of journeys) {
      const mapped = j.stages.flatMap((s) => s.steps).filter((s) => s.activities.length > 0);
      expect(mapped.length, j.name).toBeGreaterThanOrEqual(5);
    }
  });

  test('review dates count back from the seeding day: one map reviewed recently, one due soon, one overdue', () => {
    const reviewed = DEMO_JOURNEYS.map((spec) => customiseTemplate(spec, personaIds, null, '2026-11-21'));
    expect(reviewed.map((j) => [j.lastReviewedAt, j.reviewCadenceDays])).toEqual([
      ['2026-10-31', 90],
      ['2026-08-30', 90],
      ['2026-07-14', 90],
    ]);
  });

  test('no card still carries the template placeholder evidence; evidence strength is mixed', () => {
    for (const j of journeys) {
      const cards = j.cards.filter((c) => c.evidence.some((e) => e.source === TEMPLATE_EVIDENCE.source));
      expect(cards, j.name).toEqual([]);
      const levels = new Set(j.cards.map((c) => strongestConfidence(c.evidence)));
      expect([...levels].sort(), j.name).toEqual(['assumed', 'observed', 'reported']);
    }
  });

  test('a meaningful share of cards is rewritten for Riverside', () => {
    for (const spec of DEMO_JOURNEYS)
      expect(Object.keys(spec.cards).length, spec.name).toBeGreaterThanOrEqual(15);
  });

  test('four personas with evidence; emotion curves point only at them', () => {
    expect(Object.keys(RIVERSIDE_PERSONAS)).toHaveLength(4);
    for (const input of Object.values(RIVERSIDE_PERSONAS)) {
      const persona = PersonaContent.parse(input);
      expect(persona.evidence.length, persona.name).toBeGreaterThanOrEqual(3);
    }
    const known = new Set(Object.values(personaIds));
    for (const j of journeys) {
      expect(j.emotions.length, j.name).toBeGreaterThan(0);
      for (const e of j.emotions) expect(known.has(e.personaId)).toBe(true);
    }
  });

  test('systems carry PHI/BAA badges, with at least one PHI system without a BAA', () => {
    const systems = journeys.flatMap((j) => j.systems);
    expect(systems.some((s) => s.holdsPhi && !s.baaInPlace)).toBe(true);
    expect(systems.some((s) => s.holdsPhi && s.baaInPlace)).toBe(true);
  });

  test('opportunities and KPI definitions on every journey; targets point at kept KPIs', () => {
    for (const j of journeys) {
      expect(j.opportunities.length, j.name).toBeGreaterThanOrEqual(4);
      expect(j.kpis.length, j.name).toBeGreaterThanOrEqual(6);
      const kpis = new Set(j.kpis.map((k) => k.id));
      for (const o of j.opportunities) if (o.targetKpiId !== null) expect(kpis.has(o.targetKpiId)).toBe(true);
    }
  });

  test('a spec naming something the template lacks fails loudly', () => {
    const base = DEMO_JOURNEYS[0] as DemoJourneySpec;
    expect(() =>
      customiseTemplate({ ...base, steps: { 'sp-nope': { activities: ['x'] } } }, personaIds, null),
    ).toThrow('demo: template "dental-practice" has no step "sp-nope"');
    expect(() => customiseTemplate({ ...base, kpis: ['k-nope'] }, personaIds, null)).toThrow(
      'has no KPI "k-nope" and the KPI library neither',
    );
  });
});
