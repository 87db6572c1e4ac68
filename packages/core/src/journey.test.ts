import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  JOURNEY_SCHEMA_VERSION,
  Journey,
  JourneyContent,
  type JourneyInput,
  orderedSteps,
  reviewDueDate,
} from './journey';
import { templates } from './templates/index';

/** A small, valid journey: two stages, three steps, two lanes, cards, an emotion, a KPI, an opportunity. */
function doc(): JourneyInput {
  return {
    schemaVersion: 2,
    name: 'New-patient booking',
    stages: [
      {
        id: 'st-find',
        name: 'Find',
        steps: [
          { id: 'sp-search', name: 'Search', activities: ['web.visited'] },
          { id: 'sp-call', name: 'Call', optional: true },
        ],
      },
      { id: 'st-visit', name: 'Visit', steps: [{ id: 'sp-visit', name: 'First visit' }] },
    ],
    lanes: [
      { id: 'ln-touch', kind: 'touchpoints', name: 'Touchpoints' },
      { id: 'ln-pain', kind: 'pain-points', name: 'Pain points' },
    ],
    cards: [
      { id: 'c-1', laneId: 'ln-touch', stepId: 'sp-search', text: 'Search results', channel: 'search' },
      { id: 'c-2', laneId: 'ln-pain', stepId: 'sp-call', text: 'Long hold', severity: 'high' },
    ],
    emotions: [{ personaId: 'pe-1', stepId: 'sp-call', score: -2 }],
    systems: [{ id: 'sy-ehr', name: 'EHR', category: 'ehr', holdsPhi: true, baaInPlace: true }],
    kpis: [
      {
        id: 'k-conv',
        kind: 'conversion',
        name: 'Search to visit',
        from: { stepId: 'sp-search' },
        to: { activities: ['visit.completed'] },
      },
    ],
    opportunities: [
      { id: 'o-1', title: 'Call-back', cardIds: ['c-2'], stepIds: ['sp-call'], impact: 3, effort: 2 },
    ],
  };
}

/** Issues as "path: message" strings, so a test can name exactly where a problem is reported. */
function issues(input: unknown): string[] {
  const r = JourneyContent.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i: z.core.$ZodIssue) => `${i.path.join('.')}: ${i.message}`);
}

describe('JourneyContent', () => {
  it('accepts a valid document and fills the defaults', () => {
    const j = JourneyContent.parse(doc());
    expect(j.status).toBe('draft');
    expect(j.reviewCadenceDays).toBe(90);
    expect(j.lastReviewedAt).toBeNull();
    expect(j.scope).toEqual({ serviceLine: '', personaIds: [] });
    expect(j.stages[0]?.steps[1]).toMatchObject({ optional: true, hidden: false, activities: [] });
    expect(j.cards[0]).toMatchObject({
      tags: [],
      severity: null,
      systemId: null,
      linkedCardIds: [],
      evidence: [],
    });
    expect(j.emotions[0]?.note).toBe('');
    expect(j.kpis[0]).toMatchObject({ direction: 'higher-is-better', windowDays: null, reference: '' });
    expect(j.opportunities[0]).toMatchObject({ status: 'idea', confidence: 'assumed', targetKpiId: null });
  });

  it('rejects unknown fields at the top and inside cards', () => {
    const top = JourneyContent.safeParse({ ...doc(), colour: 'blue' });
    expect(top.success).toBe(false);
    expect(top.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'], path: [] });

    const d = doc();
    d.cards = [{ id: 'c-1', laneId: 'ln-touch', stepId: 'sp-search', text: 'x', votes: 3 } as never];
    const inCard = JourneyContent.safeParse(d);
    expect(inCard.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['votes'],
      path: ['cards', 0],
    });
  });

  it('rejects a wrong schemaVersion', () => {
    expect(issues({ ...doc(), schemaVersion: 1 })[0]).toMatch(/^schemaVersion: /);
  });

  it('reports a card in a missing lane or step at its field', () => {
    const d = doc();
    d.cards = [
      { id: 'c-1', laneId: 'ln-nope', stepId: 'sp-search', text: 'x' },
      { id: 'c-2', laneId: 'ln-touch', stepId: 'sp-gone', text: 'y' },
    ];
    expect(issues(d)).toEqual(['cards.0.laneId: no lane "ln-nope"', 'cards.1.stepId: no step "sp-gone"']);
  });

  it('reports duplicate ids across stages, steps, lanes and cards', () => {
    const d = doc();
    d.stages[1]!.steps[0]!.id = 'sp-search';
    d.lanes[1]!.id = 'ln-touch';
    d.cards![1]!.id = 'st-find';
    d.cards![1]!.laneId = 'ln-touch';
    expect(issues(d)).toEqual([
      'stages.1.steps.0.id: duplicate id "sp-search"',
      'lanes.1.id: duplicate id "ln-touch"',
      'cards.1.id: duplicate id "st-find"',
      'opportunities.0.cardIds.0: no card "c-2"',
    ]);
  });

  it('checks the acquired step of a cost-per KPI', () => {
    const d = doc();
    const costPer = (stepId: string) => ({
      id: 'k-cpa',
      name: 'Cost per acquired patient',
      kind: 'cost-per' as const,
      acquired: { stepId },
    });
    d.kpis = [costPer('sp-visit')];
    expect(issues(d)).toEqual([]);
    d.kpis = [costPer('sp-gone')];
    expect(issues(d)).toEqual(['kpis.0.acquired.stepId: no step "sp-gone"']);
  });

  it('rejects emotion scores outside −2…+2 and fractions', () => {
    for (const score of [3, -3, 1.5]) {
      const d = doc();
      d.emotions = [{ personaId: 'pe-1', stepId: 'sp-call', score }];
      expect(issues(d)).toHaveLength(1);
      expect(issues(d)[0]).toMatch(/^emotions\.0\.score: /);
    }
    const ok = doc();
    ok.emotions = [
      { personaId: 'pe-1', stepId: 'sp-call', score: 2 },
      { personaId: 'pe-1', stepId: 'sp-visit', score: -2 },
    ];
    expect(issues(ok)).toEqual([]);
  });

  it('allows one emotion point per persona and step, on existing steps', () => {
    const d = doc();
    d.emotions = [
      { personaId: 'pe-1', stepId: 'sp-call', score: 0 },
      { personaId: 'pe-1', stepId: 'sp-call', score: 1 },
      { personaId: 'pe-2', stepId: 'sp-call', score: 1 },
      { personaId: 'pe-2', stepId: 'sp-x', score: 1 },
    ];
    expect(issues(d)).toEqual([
      'emotions.3.stepId: no step "sp-x"',
      'emotions.1: one emotion point per persona and step',
    ]);
  });

  it('reports a KPI that refers to a missing step', () => {
    const d = doc();
    d.kpis = [
      {
        id: 'k-d',
        kind: 'duration',
        name: 'Wait',
        from: { stepId: 'sp-nowhere' },
        to: { stepId: 'sp-visit' },
      },
    ];
    expect(issues(d)).toEqual(['kpis.0.from.stepId: no step "sp-nowhere"']);
  });

  it('keeps opportunity impact and effort within 1–5', () => {
    for (const [impact, effort, ok] of [
      [0, 3, false],
      [6, 3, false],
      [3, 0, false],
      [3, 6, false],
      [1, 5, true],
      [5, 1, true],
    ] as const) {
      const d = doc();
      d.opportunities = [{ id: 'o-1', title: 'x', impact, effort }];
      expect(JourneyContent.safeParse(d).success).toBe(ok);
    }
    const d = doc();
    d.opportunities = [{ id: 'o-1', title: 'x', impact: 0, effort: 3 }];
    expect(issues(d)[0]).toMatch(/^opportunities\.0\.impact: /);
  });

  it('checks the references of opportunities, systems and linked cards', () => {
    const d = doc();
    d.cards!.push({
      id: 'c-3',
      laneId: 'ln-touch',
      stepId: 'sp-visit',
      text: 'z',
      systemId: 'sy-x',
      linkedCardIds: ['c-9'],
    });
    d.opportunities = [
      {
        id: 'o-1',
        title: 'x',
        impact: 2,
        effort: 2,
        cardIds: ['c-8'],
        stepIds: ['sp-7'],
        targetKpiId: 'k-6',
      },
    ];
    expect(issues(d)).toEqual([
      'cards.2.systemId: no system "sy-x"',
      'cards.2.linkedCardIds.0: no card "c-9"',
      'opportunities.0.cardIds.0: no card "c-8"',
      'opportunities.0.stepIds.0: no step "sp-7"',
      'opportunities.0.targetKpiId: no KPI "k-6"',
    ]);
  });

  it('rejects empty card text, a bad channel and a bad id', () => {
    const d = doc();
    d.cards = [
      { id: 'c 1', laneId: 'ln-touch', stepId: 'sp-search', text: '   ', channel: 'pigeon' as never },
    ];
    const found = issues(d).map((i) => i.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['cards.0.id', 'cards.0.text', 'cards.0.channel']));
  });
});

describe('Journey (stored)', () => {
  const stored = {
    id: '0b8a5a3c-3f7e-4d8e-9a51-5c2a9c1d2e01',
    workspaceId: '7d6f1e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6',
    version: 1,
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00+01:00',
    updatedBy: null,
  };
  it('accepts a stored journey with a valid document', () => {
    expect(Journey.safeParse({ ...stored, document: doc() }).success).toBe(true);
  });
  it('rejects version 0, a non-uuid id and a timestamp without offset', () => {
    expect(Journey.safeParse({ ...stored, version: 0, document: doc() }).success).toBe(false);
    expect(Journey.safeParse({ ...stored, id: 'j-1', document: doc() }).success).toBe(false);
    expect(Journey.safeParse({ ...stored, createdAt: '2026-03-01T09:00:00', document: doc() }).success).toBe(
      false,
    );
  });
});

describe('orderedSteps', () => {
  it('lists steps in map order with their stage', () => {
    const steps = orderedSteps(JourneyContent.parse(doc()));
    expect(steps.map((s) => [s.stageId, s.id])).toEqual([
      ['st-find', 'sp-search'],
      ['st-find', 'sp-call'],
      ['st-visit', 'sp-visit'],
    ]);
  });
  it('returns nothing for a journey without stages', () => {
    expect(orderedSteps({ stages: [] })).toEqual([]);
  });
});

describe('reviewDueDate', () => {
  it('adds the cadence to the last review date', () => {
    expect(reviewDueDate({ reviewCadenceDays: 90, lastReviewedAt: '2026-01-15' })).toBe('2026-04-15');
  });
  it('crosses year ends and leap days', () => {
    expect(reviewDueDate({ reviewCadenceDays: 30, lastReviewedAt: '2026-12-20' })).toBe('2027-01-19');
    expect(reviewDueDate({ reviewCadenceDays: 1, lastReviewedAt: '2028-02-28' })).toBe('2028-02-29');
    expect(reviewDueDate({ reviewCadenceDays: 365, lastReviewedAt: '2027-03-01' })).toBe('2028-02-29');
  });
  it('is null without a cadence or without a first review', () => {
    expect(reviewDueDate({ reviewCadenceDays: null, lastReviewedAt: '2026-01-15' })).toBeNull();
    expect(reviewDueDate({ reviewCadenceDays: 90, lastReviewedAt: null })).toBeNull();
  });
});

describe('journey subject', () => {
  it('defaults to patients, so older documents read as before', () => {
    const doc = JourneyContent.parse({
      schemaVersion: JOURNEY_SCHEMA_VERSION,
      name: 'x',
      stages: [],
      lanes: [],
    });
    expect(doc.subject).toEqual({ singular: 'patient', plural: 'patients' });
  });
  it('the health-tech onboarding template follows accounts, not patients', () => {
    const t = templates.find((x) => x.id === 'health-tech-onboarding');
    expect(t?.journey.subject).toEqual({ singular: 'account', plural: 'accounts' });
    expect(JourneyContent.safeParse({ ...t?.journey, subject: { singular: '', plural: 'x' } }).success).toBe(
      false,
    );
  });
});
