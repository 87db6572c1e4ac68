import { describe, expect, it } from 'vitest';
import { strongestConfidence } from '../evidence';
import { LaneKind, orderedSteps } from '../journey';
import { JourneyTemplate } from '../template';
import { ACTIVITY_VOCABULARY, TEMPLATE_EVIDENCE } from './build';
import { templateInputs, templates } from './index';

const vocabulary = new Set<string>(ACTIVITY_VOCABULARY);
const cases = templates.map((t) => [t.id, t] as const);

describe('built-in templates', () => {
  it('are the six templates of the foundation issue, in order, one per category', () => {
    expect(templates.map((t) => t.id)).toEqual([
      'health-system-six-stage',
      'clinic-new-patient',
      'specialty-referral',
      'dental-practice',
      'aesthetics-wellness',
      'health-tech-onboarding',
    ]);
    expect(new Set(templates.map((t) => t.category)).size).toBe(6);
  });

  it('validate as written', () => {
    for (const input of templateInputs) expect(JourneyTemplate.safeParse(input).success, input.id).toBe(true);
  });

  it('share one activity vocabulary, so one event log can light up several maps', () => {
    const used = (activity: string) =>
      templates.filter((t) => orderedSteps(t.journey).some((s) => s.activities.includes(activity))).length;
    expect(used('appointment.booked')).toBeGreaterThanOrEqual(5);
    expect(used('consent.signed')).toBeGreaterThanOrEqual(4);
    expect(used('survey.completed')).toBeGreaterThanOrEqual(5);
    expect(used('intake.completed')).toBeGreaterThanOrEqual(5);
    expect(used('recall.due')).toBe(2);
    expect(ACTIVITY_VOCABULARY.every((a) => /^[a-z_]+\.[a-z_]+$/.test(a))).toBe(true);
    expect(new Set(ACTIVITY_VOCABULARY).size).toBe(ACTIVITY_VOCABULARY.length);
  });
});

describe.each(cases)('%s', (_, t) => {
  const j = t.journey;
  const steps = orderedSteps(j);
  const laneKind = new Map(j.lanes.map((l) => [l.id, l.kind]));
  const inLane = (kind: LaneKind) => j.cards.filter((c) => laneKind.get(c.laneId) === kind);

  it('has 4–7 stages of 2–4 steps, each with a goal, and some optional steps', () => {
    expect(j.stages.length).toBeGreaterThanOrEqual(4);
    expect(j.stages.length).toBeLessThanOrEqual(7);
    for (const s of j.stages) {
      expect(s.goal, s.id).not.toBe('');
      expect(s.steps.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.steps.length, s.id).toBeLessThanOrEqual(4);
    }
    expect(steps.some((s) => s.optional)).toBe(true);
  });

  it('uses readable, prefixed ids', () => {
    expect(j.stages.every((s) => s.id.startsWith('st-'))).toBe(true);
    expect(steps.every((s) => s.id.startsWith('sp-'))).toBe(true);
    expect(j.lanes.every((l) => l.id === `ln-${l.kind}`)).toBe(true);
    expect(j.cards.every((c) => c.id.startsWith('c-'))).toBe(true);
    expect(j.systems.every((s) => s.id.startsWith('sy-'))).toBe(true);
    expect(j.opportunities.every((o) => o.id.startsWith('o-'))).toBe(true);
    expect(j.kpis.every((k) => k.id.startsWith('k-'))).toBe(true);
    expect(t.personas.every((p) => p.id.startsWith('pe-'))).toBe(true);
  });

  it('reaches every step with a card and evidences it with known activities', () => {
    for (const s of steps) {
      expect(j.cards.some((c) => c.stepId === s.id) || s.activities.length > 0, s.id).toBe(true);
      expect(s.activities.length, s.id).toBeGreaterThan(0);
      for (const a of s.activities) expect(vocabulary.has(a), `${s.id}: ${a}`).toBe(true);
    }
    // An activity evidences one step only, so analytics can place every event.
    const all = steps.flatMap((s) => s.activities);
    expect(new Set(all).size).toBe(all.length);
  });

  it('has every standard lane, each with example cards', () => {
    const kinds = LaneKind.options.filter((k) => k !== 'text');
    expect(j.lanes.map((l) => l.kind)).toEqual(kinds);
    for (const kind of kinds) expect(inLane(kind).length, kind).toBeGreaterThan(0);
  });

  it('marks every example card and persona as assumed template evidence', () => {
    for (const c of j.cards) {
      expect(c.evidence, c.id).toEqual([TEMPLATE_EVIDENCE]);
      expect(strongestConfidence(c.evidence)).toBe('assumed');
    }
    for (const p of t.personas) expect(p.evidence).toEqual([TEMPLATE_EVIDENCE]);
  });

  it('fills lane-specific fields: channels, severities, linked pain points, systems', () => {
    expect(inLane('touchpoints').every((c) => c.channel !== null)).toBe(true);
    expect(inLane('pain-points').every((c) => c.severity !== null)).toBe(true);
    const pains = new Set(inLane('pain-points').map((c) => c.id));
    for (const c of inLane('opportunities')) {
      expect(c.linkedCardIds.length, c.id).toBeGreaterThan(0);
      for (const id of c.linkedCardIds) expect(pains.has(id), `${c.id} → ${id}`).toBe(true);
    }
    expect(inLane('systems').every((c) => c.systemId !== null)).toBe(true);
    const cardsOutsideLanes = j.cards.filter(
      (c) => laneKind.get(c.laneId) !== 'systems' && c.systemId !== null,
    );
    expect(cardsOutsideLanes).toEqual([]);
  });

  it('has personas with an emotion curve across the steps', () => {
    expect(t.personas.length).toBeGreaterThanOrEqual(1);
    expect(t.personas.length).toBeLessThanOrEqual(4);
    expect(j.scope.personaIds).toEqual(t.personas.map((p) => p.id));
    for (const p of t.personas) {
      expect(p.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(p.goals.length && p.needs.length && p.barriers.length && p.channels.length).toBeGreaterThan(0);
      expect(p.quote).not.toBe('');
      const curve = j.emotions.filter((e) => e.personaId === p.id);
      expect(curve.length, p.id).toBeGreaterThanOrEqual(3);
      expect(curve.every((e) => e.note !== '')).toBe(true);
    }
    const personaIds = new Set(t.personas.map((p) => p.id));
    expect(j.emotions.every((e) => personaIds.has(e.personaId))).toBe(true);
    for (const s of steps)
      expect(
        j.emotions.some((e) => e.stepId === s.id),
        s.id,
      ).toBe(true);
  });

  it('has blueprint systems, including at least one without a BAA', () => {
    expect(j.systems.length).toBeGreaterThanOrEqual(5);
    expect(j.systems.some((s) => !s.baaInPlace)).toBe(true);
    expect(j.systems.some((s) => s.category === 'ehr' || s.category === 'pms')).toBe(true);
    const used = new Set(j.cards.map((c) => c.systemId));
    for (const s of j.systems) expect(used.has(s.id), s.id).toBe(true);
  });

  it('has 3–6 opportunities tied to steps', () => {
    expect(j.opportunities.length).toBeGreaterThanOrEqual(3);
    expect(j.opportunities.length).toBeLessThanOrEqual(6);
    for (const o of j.opportunities) expect(o.stepIds.length, o.id).toBeGreaterThan(0);
  });

  it('suggests KPIs over the shared vocabulary', () => {
    expect(j.kpis.length).toBeGreaterThanOrEqual(5);
    for (const k of j.kpis) {
      const named =
        k.kind === 'rate'
          ? [...k.numerator, ...k.denominator]
          : k.kind === 'score'
            ? [k.activity]
            : k.kind === 'cost-per'
              ? [...k.costActivities, ...('activities' in k.acquired ? k.acquired.activities : [])]
              : [k.from, k.to].flatMap((r) => ('activities' in r ? r.activities : []));
      for (const a of named) expect(vocabulary.has(a), `${k.id}: ${a}`).toBe(true);
    }
    expect(j.kpis.some((k) => k.kind === 'score')).toBe(true);
    expect(j.kpis.some((k) => k.kind === 'duration')).toBe(true);
    expect(j.kpis.some((k) => k.kind === 'conversion' && k.windowDays !== null)).toBe(true);
  });
});

describe('KPI definitions follow the standard formulas', () => {
  const all = templates.flatMap((t) => t.journey.kpis);
  it('no-show rate is no-shows ÷ (no-shows + arrivals), over events, lower is better', () => {
    const noShow = all.filter((k) => k.kind === 'rate' && k.numerator.includes('appointment.noshow'));
    expect(noShow.length).toBe(5);
    for (const k of noShow) {
      expect(k).toMatchObject({
        kind: 'rate',
        numerator: ['appointment.noshow'],
        denominator: ['appointment.noshow', 'appointment.arrived'],
        countOver: 'events',
        direction: 'lower-is-better',
      });
    }
  });
  it('no definition cites an internal file', () => {
    for (const k of all) expect(`${k.reference} ${k.description}`).not.toMatch(/\.md\b|§/);
  });
  it('NPS and CSAT are scores on the survey activity', () => {
    const scores = all.filter((k) => k.kind === 'score');
    expect(
      new Set(scores.map((k) => k.kind === 'score' && `${k.scale}:${k.attribute}:${k.activity}`)),
    ).toEqual(new Set(['nps:nps:survey.completed', 'csat:csat:survey.completed']));
  });
  it('booking conversions carry an attribution window; durations say lower is better', () => {
    for (const k of all.filter((x) => x.kind === 'conversion' && /book/i.test(x.name))) {
      expect(k.kind === 'conversion' && k.windowDays).toBeGreaterThan(0);
    }
    for (const k of all.filter((x) => x.kind === 'duration'))
      expect(k.direction, k.id).toBe('lower-is-better');
  });
});
