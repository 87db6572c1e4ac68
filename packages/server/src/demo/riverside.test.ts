import {
  type JourneyContent,
  PersonaContent,
  strongestConfidence,
  TEMPLATE_EVIDENCE,
  templates,
} from '@pathlight/core';
import { describe, expect, test } from 'vitest';
import { customiseTemplate, type DemoJourneySpec } from './customise-template';
import { DEMO_JOURNEYS } from './riverside';
import { type DemoPersonaKey, RIVERSIDE_PERSONAS } from './riverside-personas';

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

  test('dropCards must name template cards; dropped cards are unlinked from cards and opportunities', () => {
    const referral = DEMO_JOURNEYS[1] as DemoJourneySpec;
    expect(() => customiseTemplate({ ...referral, dropCards: ['c-nope'] }, personaIds, null)).toThrow(
      'demo: template "specialty-referral" has no card "c-nope"',
    );
    expect(() => customiseTemplate({ ...referral, dropCards: ['c-pp-fax-queue'] }, personaIds, null)).toThrow(
      '"c-pp-fax-queue" of template "specialty-referral" is in more than one of',
    );
    const { 'c-pp-referral-booking-wait': _, ...cards } = referral.cards;
    const j = customiseTemplate(
      { ...referral, cards, dropCards: [...(referral.dropCards ?? []), 'c-pp-referral-booking-wait'] },
      personaIds,
      null,
    );
    expect(j.cards.map((c) => c.id)).not.toContain('c-pp-referral-booking-wait');
    expect(j.cards.find((c) => c.id === 'c-op-self-schedule-link')?.linkedCardIds).toEqual([
      'c-pp-blocked-number',
    ]);
    expect(j.opportunities.find((o) => o.id === 'o-self-schedule')?.cardIds).toEqual([
      'c-op-self-schedule-link',
    ]);
  });
});

/**
 * Words that belong to the other templates' settings, never to Riverside (a combined dental and
 * family-medicine practice with an oral-surgery clinic, in a neutral English-speaking setting).
 */
const FOREIGN_WORDS: readonly [setting: string, words: RegExp][] = [
  [
    'gastroenterology (specialty-referral)',
    /\b(colonoscop\w*|scopes?|GI|gastro\w*|endoscop\w*|bowel|co?eliac|polyps?|anaemia|iron)\b/i,
  ],
  ['GI (case-sensitive)', /\bGI\b/],
  [
    'cardiology and hospital care (health-system-six-stage)',
    /\b(cardi\w*|heart failure|echo\w*|BNP|diuresis|catheter|wards?|hospital\w*|admitted|admission|readmission\w*|discharged?|rehab\w*|emergency department|urgent care|ADT|inpatient|outpatient building)\b/i,
  ],
  ['ED (case-sensitive)', /\bED\b/],
  [
    'aesthetics (aesthetics-wellness)',
    /\b(botox|injectables?|injector|fillers?|med(ical)? spa|laser|deposit)\b/i,
  ],
  [
    'platform onboarding (health-tech-onboarding)',
    /\b(go-live|SSO|kickoff|security questionnaire|hypertension programme|guided step)\b/i,
  ],
  [
    'one country’s insurance system',
    /(\$\s?\d|\b(PPO|co-?pays?|payers?|prior authori[sz]ation|pre-determination|CMS|Medicare|Medicaid|NHS)\b)/,
  ],
];

/** Every text of a demo journey a user can read on the map, its panels and its dashboard. */
function visibleTexts(j: JourneyContent, spec: DemoJourneySpec): [where: string, text: string][] {
  const out: [string, string][] = [
    ['name', j.name],
    ['description', j.description],
    ['question', j.question],
    ['service line', j.scope.serviceLine],
    ...j.tags.map((t): [string, string] => ['tag', t]),
  ];
  for (const stage of j.stages) {
    out.push([`stage ${stage.id}`, `${stage.name} ${stage.goal ?? ''}`]);
    for (const step of stage.steps) out.push([`step ${step.id}`, `${step.name} ${step.description ?? ''}`]);
  }
  for (const lane of j.lanes) out.push([`lane ${lane.id}`, lane.name]);
  for (const card of j.cards) out.push([`card ${card.id}`, card.text]);
  for (const e of j.emotions) out.push([`emotion at ${e.stepId}`, e.note]);
  for (const s of j.systems) out.push([`system ${s.id}`, `${s.name} ${s.owner}`]);
  for (const o of j.opportunities)
    out.push([`opportunity ${o.id}`, `${o.title} ${o.description} ${o.owner}`]);
  for (const k of j.kpis) out.push([`KPI ${k.id}`, `${k.name} ${k.description ?? ''}`]);
  for (const key of new Set(Object.values(spec.personas))) {
    const p = RIVERSIDE_PERSONAS[key as DemoPersonaKey];
    const texts = [
      p.name,
      p.summary,
      p.quote,
      p.role,
      ...(p.goals ?? []),
      ...(p.needs ?? []),
      ...(p.barriers ?? []),
    ];
    out.push([`persona ${key}`, texts.filter(Boolean).join(' ')]);
  }
  return out;
}

/** Given names of template personas the demo does not use ("Dr Okafor" → "Okafor"). */
const foreignPersonaNames = (spec: DemoJourneySpec): string[] =>
  templates
    .flatMap((t) => t.personas.filter((p) => !(t.id === spec.templateId && p.id in spec.personas)))
    .map((p) => p.name.replace(/^Dr /, '').split(/[ ,]/)[0] ?? '')
    .filter((name) => !Object.values(RIVERSIDE_PERSONAS).some((r) => r.name.startsWith(name)));

describe('every demo journey is true to Riverside', () => {
  test.each(DEMO_JOURNEYS.map((spec) => [spec.name, spec] as const))(
    '%s: no words from another specialty, setting or template persona',
    (_, spec) => {
      const j = customiseTemplate(spec, personaIds, null);
      const names = new RegExp(`\\b(${foreignPersonaNames(spec).join('|')})\\b`);
      const found = visibleTexts(j, spec).flatMap(([where, text]) => [
        ...FOREIGN_WORDS.filter(([, words]) => words.test(text)).map(
          ([setting]) => `${where} (${setting}): ${text}`,
        ),
        ...(names.test(text) ? [`${where} (template persona): ${text}`] : []),
      ]);
      expect(found).toEqual([]);
    },
  );

  test.each(DEMO_JOURNEYS.map((spec) => [spec.name, spec] as const))(
    '%s: every template card was rewritten, dropped or reviewed and kept; every step was reviewed',
    (_, spec) => {
      const t = templates.find((x) => x.id === spec.templateId);
      const cards = t?.journey.cards.map((c) => c.id) ?? [];
      const reviewed = new Set([
        ...Object.keys(spec.cards),
        ...(spec.dropCards ?? []),
        ...(spec.keptAsIs ?? []),
      ]);
      expect(
        cards.filter((id) => !reviewed.has(id)),
        'neither rewritten, dropped nor in keptAsIs',
      ).toEqual([]);
      expect(reviewed.size).toBe(
        Object.keys(spec.cards).length + (spec.dropCards?.length ?? 0) + (spec.keptAsIs?.length ?? 0),
      );
      const steps = t?.journey.stages.flatMap((s) => s.steps.map((x) => x.id)) ?? [];
      expect(
        steps.filter((id) => !(id in spec.steps)),
        'steps not named in the spec',
      ).toEqual([]);
      const j = customiseTemplate(spec, personaIds, null);
      for (const id of spec.dropCards ?? []) expect(j.cards.map((c) => c.id)).not.toContain(id);
    },
  );
});
