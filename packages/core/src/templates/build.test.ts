import { describe, expect, it } from 'vitest';
import { JourneyTemplate } from '../template';
import { handoff, idea, on, pain, sys, TEMPLATE_EVIDENCE, template } from './build';

const tiny = template({
  id: 'tiny',
  name: 'Tiny',
  summary: 'Two stages for a test',
  category: 'clinic',
  description: '',
  question: '',
  serviceLine: 'Test',
  tags: ['test'],
  personas: [{ id: 'pe-a', name: 'A', kind: 'patient' }],
  stages: [
    {
      id: 'st-1',
      name: 'One',
      goal: 'Get in',
      steps: [
        {
          id: 'sp-call',
          name: 'Call',
          optional: true,
          activities: ['call.received'],
          cards: {
            touchpoints: [on('phone', 'Main line'), 'Front desk'],
            'pain-points': [pain('c-pp-hold', 'high', 'Long hold')],
            opportunities: [idea('c-op-back', 'Call-back', ['c-pp-hold'])],
            systems: [sys('sy-phone', 'Phone system')],
            actions: [handoff('Front desk passes to a nurse')],
          },
          feel: { 'pe-a': [-2, 'Stuck on hold'] },
        },
      ],
    },
    {
      id: 'st-2',
      name: 'Two',
      goal: 'Be seen',
      steps: [{ id: 'sp-visit', name: 'Visit', activities: [], cards: {} }],
    },
  ],
  systems: [{ id: 'sy-phone', name: 'Phone', category: 'call-centre', holdsPhi: true, baaInPlace: false }],
  opportunities: [{ id: 'o-1', title: 'Call-back', description: '', impact: 3, effort: 2 }],
  kpis: [],
});

describe('template()', () => {
  const t = JourneyTemplate.parse(tiny);

  it('makes the ten standard lanes with readable ids', () => {
    expect(t.journey.lanes.map((l) => l.id)).toEqual([
      'ln-touchpoints',
      'ln-actions',
      'ln-thoughts',
      'ln-emotions',
      'ln-pain-points',
      'ln-opportunities',
      'ln-frontstage',
      'ln-backstage',
      'ln-systems',
      'ln-data',
    ]);
  });

  it('numbers generated card ids per step and lane, in lane order, keeping explicit ids', () => {
    expect(t.journey.cards.map((c) => [c.id, c.laneId])).toEqual([
      ['c-call-tp1', 'ln-touchpoints'],
      ['c-call-tp2', 'ln-touchpoints'],
      ['c-call-ac1', 'ln-actions'],
      ['c-pp-hold', 'ln-pain-points'],
      ['c-op-back', 'ln-opportunities'],
      ['c-call-sy1', 'ln-systems'],
    ]);
  });

  it('fills card fields from the helpers and adds the assumed evidence', () => {
    const [main, desk, act, hold, back, phone] = t.journey.cards;
    expect(main).toMatchObject({ text: 'Main line', channel: 'phone', stepId: 'sp-call' });
    expect(desk).toMatchObject({ text: 'Front desk', channel: null });
    expect(act?.tags).toEqual(['hand-off']);
    expect(hold?.severity).toBe('high');
    expect(back?.linkedCardIds).toEqual(['c-pp-hold']);
    expect(phone?.systemId).toBe('sy-phone');
    expect(
      t.journey.cards.every((c) => JSON.stringify(c.evidence) === JSON.stringify([TEMPLATE_EVIDENCE])),
    ).toBe(true);
  });

  it('turns feelings into emotion points and personas into the scope', () => {
    expect(t.journey.emotions).toEqual([
      { personaId: 'pe-a', stepId: 'sp-call', score: -2, note: 'Stuck on hold' },
    ]);
    expect(t.journey.scope).toEqual({ serviceLine: 'Test', personaIds: ['pe-a'] });
    expect(t.personas[0]?.evidence).toEqual([TEMPLATE_EVIDENCE]);
    expect(t.journey.tags).toEqual(['template', 'test']);
  });

  it('keeps step fields and drops the authoring-only ones', () => {
    expect(t.journey.stages[0]?.steps[0]).toEqual({
      id: 'sp-call',
      name: 'Call',
      description: '',
      optional: true,
      hidden: false,
      activities: ['call.received'],
    });
  });
});
