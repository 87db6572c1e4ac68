import { describe, expect, it } from 'vitest';
import { JourneyContent } from './journey';
import { instantiateTemplate, JourneyTemplate } from './template';
import { templates } from './templates/index';

/** A deterministic id generator: `prefix-1`, `prefix-2`, … */
function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Every id a template defines, persona ids included. */
function definedIds(t: Pick<JourneyTemplate, 'journey' | 'personas'>): string[] {
  const j = t.journey;
  return [
    ...t.personas.map((p) => p.id),
    ...j.stages.flatMap((s) => [s.id, ...s.steps.map((p) => p.id)]),
    ...j.lanes.map((l) => l.id),
    ...j.cards.map((c) => c.id),
    ...j.systems.map((s) => s.id),
    ...j.opportunities.map((o) => o.id),
    ...j.kpis.map((k) => k.id),
  ];
}

/** Every id a document refers to, outside the definitions. */
function referencedIds(j: JourneyContent): string[] {
  return [
    ...j.scope.personaIds,
    ...j.cards.flatMap((c) => [c.laneId, c.stepId, ...(c.systemId ? [c.systemId] : []), ...c.linkedCardIds]),
    ...j.emotions.flatMap((e) => [e.personaId, e.stepId]),
    ...j.opportunities.flatMap((o) => [
      ...o.cardIds,
      ...o.stepIds,
      ...(o.targetKpiId ? [o.targetKpiId] : []),
    ]),
    ...j.kpis.flatMap((k) =>
      k.kind === 'conversion' || k.kind === 'duration' || k.kind === 'cost-per'
        ? (k.kind === 'cost-per' ? [k.acquired] : [k.from, k.to]).flatMap((r) =>
            'stepId' in r ? [r.stepId] : [],
          )
        : [],
    ),
  ];
}

describe('instantiateTemplate', () => {
  it.each(templates.map((t) => [t.id, t] as const))('%s: every id is fresh and references follow', (_, t) => {
    const { journey, personas } = instantiateTemplate(t, counter());
    const fresh = { journey, personas };
    const oldIds = new Set([...definedIds(t), ...referencedIds(t.journey)]);
    const newDefined = definedIds(fresh);

    expect(newDefined).toHaveLength(definedIds(t).length);
    expect(new Set(newDefined).size).toBe(newDefined.length);
    for (const id of [...newDefined, ...referencedIds(journey)]) expect(oldIds.has(id), id).toBe(false);
    // Every reference points at something the new document defines, and the document is valid.
    const defined = new Set(newDefined);
    for (const id of referencedIds(journey)) expect(defined.has(id), id).toBe(true);
    expect(JourneyContent.safeParse(journey).success).toBe(true);
    expect(journey.scope.personaIds).toEqual(personas.map((p) => p.id));
  });

  it('keeps content, order and structure; only ids change', () => {
    const t = templates.find((x) => x.id === 'specialty-referral')!;
    const { journey } = instantiateTemplate(t, counter());
    expect(journey.cards.map((c) => c.text)).toEqual(t.journey.cards.map((c) => c.text));
    expect(journey.stages.map((s) => s.steps.map((p) => p.name))).toEqual(
      t.journey.stages.map((s) => s.steps.map((p) => p.name)),
    );
    expect(journey.emotions.map((e) => [e.score, e.note])).toEqual(
      t.journey.emotions.map((e) => [e.score, e.note]),
    );
  });

  it('maps a KPI step reference to the new id of the same step', () => {
    const t = templates.find((x) => x.id === 'specialty-referral')!;
    const { journey } = instantiateTemplate(t, counter());
    const kpi = journey.kpis.find((k) => k.name === 'Referral completion (90 days)');
    if (kpi?.kind !== 'conversion') throw new Error('expected the referral-completion conversion');
    const steps = journey.stages.flatMap((s) => s.steps);
    const placed = steps.find((s) => s.name === 'Referral order sent')!;
    const consult = steps.find((s) => s.name === 'Specialist consultation')!;
    expect(kpi.from).toEqual({ stepId: placed.id });
    expect(kpi.to).toEqual({ stepId: consult.id });
  });

  it('maps the acquired step of a cost-per KPI to the new id of the same step', () => {
    const t = structuredClone(templates.find((x) => x.id === 'specialty-referral')!);
    const consult = t.journey.stages
      .flatMap((s) => s.steps)
      .find((s) => s.name === 'Specialist consultation')!;
    t.journey.kpis.push({
      id: 'k-cpa',
      name: 'Cost per acquired patient',
      kind: 'cost-per',
      description: '',
      direction: 'lower-is-better',
      reference: '',
      costActivities: [],
      acquired: { stepId: consult.id },
      splitBy: 'source',
    });
    const { journey } = instantiateTemplate(t, counter());
    const kpi = journey.kpis.find((k) => k.name === 'Cost per acquired patient');
    if (kpi?.kind !== 'cost-per') throw new Error('expected the cost-per KPI');
    const step = journey.stages.flatMap((s) => s.steps).find((s) => s.name === 'Specialist consultation')!;
    expect(step.id).not.toBe(consult.id);
    expect(kpi.acquired).toEqual({ stepId: step.id });
    expect(kpi.id).not.toBe('k-cpa');
    expect(JourneyContent.safeParse(journey).success).toBe(true);
  });

  it('maps an opportunity card link to the new id of the same card', () => {
    const t = templates.find((x) => x.id === 'dental-practice')!;
    const { journey } = instantiateTemplate(t, counter());
    const idea = journey.cards.find((c) => c.text.startsWith('Hygienist books the next visit'))!;
    const pain = journey.cards.find((c) => c.text.startsWith('Hygiene patients leave without'))!;
    expect(idea.linkedCardIds).toEqual([pain.id]);
  });

  it('gives two instantiations no shared ids', () => {
    const t = templates[0]!;
    const next = counter();
    const a = definedIds(instantiateTemplate(t, next));
    const b = definedIds(instantiateTemplate(t, next));
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('is deterministic for the same generator and leaves the template untouched', () => {
    const t = templates[1]!;
    const before = structuredClone(t);
    expect(instantiateTemplate(t, counter('x'))).toEqual(instantiateTemplate(t, counter('x')));
    expect(t).toEqual(before);
  });

  it('calls the generator once per distinct template id', () => {
    const t = templates[2]!;
    let calls = 0;
    instantiateTemplate(t, () => `g-${++calls}`);
    expect(calls).toBe(new Set(definedIds(t)).size);
  });
});

describe('JourneyTemplate', () => {
  it('rejects an unknown category and a broken journey inside', () => {
    const t = templates[0]!;
    expect(JourneyTemplate.safeParse({ ...t, category: 'veterinary' }).success).toBe(false);
    const cards = t.journey.cards.map((c, i) => (i === 0 ? { ...c, laneId: 'ln-x' } : c));
    const r = JourneyTemplate.safeParse({ ...t, journey: { ...t.journey, cards } });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['journey.cards.0.laneId']);
  });
});
