import { JourneyContent } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { counterIds, sampleJourney } from '../fixtures/sample-journey';
import * as c from './commands/index';
import { EditorStore } from './editor-store';

type Doc = JourneyContent;

/** Applies a command through the store, checks validity, undo (back to the original) and redo. */
function roundTrip<A>(
  command: (doc: Doc, a: A) => Doc,
  args: A,
  check: (after: Doc, before: Doc) => void,
): Doc {
  const store = new EditorStore(sampleJourney(), { newId: counterIds() });
  const before = store.doc;
  const frozen = structuredClone(before);
  expect(store.dispatch(command, args)).toBe(true);
  expect(store.ui.error).toBeNull();
  const after = store.doc;
  expect(after).not.toBe(before);
  expect(JourneyContent.safeParse(after).success).toBe(true);
  check(after, before);
  store.undo();
  expect(store.doc).toEqual(frozen);
  store.redo();
  expect(store.doc).toBe(after);
  expect(before).toEqual(frozen); // commands never mutate their input
  return after;
}

const stepNames = (d: Doc) => d.stages.map((s) => s.steps.map((t) => t.name));

describe('stage commands', () => {
  it('addStage inserts at an index with an optional first step', () => {
    roundTrip(
      c.addStage,
      { id: 'sN', name: '  Aftercare ', goal: 'Heal', index: 1, firstStep: { id: 'tN', name: 'Call back' } },
      (d) => {
        expect(d.stages.map((s) => s.id)).toEqual(['s1', 'sN', 's2']);
        expect(d.stages[1]).toEqual({
          id: 'sN',
          name: 'Aftercare',
          goal: 'Heal',
          hidden: false,
          steps: [
            { id: 'tN', name: 'Call back', description: '', optional: false, hidden: false, activities: [] },
          ],
        });
      },
    );
  });
  it('renameStage and setStageGoal', () => {
    roundTrip(c.renameStage, { stageId: 's2', name: 'The visit' }, (d, b) => {
      expect(d.stages[1]!.name).toBe('The visit');
      expect(d.stages[0]).toBe(b.stages[0]);
    });
    roundTrip(c.setStageGoal, { stageId: 's1', goal: 'Be seen this week' }, (d) => {
      expect(d.stages[0]!.goal).toBe('Be seen this week');
    });
  });
  it('moveStage reorders', () => {
    roundTrip(c.moveStage, { stageId: 's2', toIndex: 0 }, (d) => {
      expect(d.stages.map((s) => s.id)).toEqual(['s2', 's1']);
    });
  });
  it('hideStage', () => {
    roundTrip(c.hideStage, { stageId: 's1', hidden: true }, (d) => expect(d.stages[0]!.hidden).toBe(true));
  });
  it('deleteStage removes its steps, their cards and emotions, links and KPI step refs', () => {
    roundTrip(c.deleteStage, { stageId: 's1' }, (d) => {
      expect(d.stages.map((s) => s.id)).toEqual(['s2']);
      expect(d.cards.map((x) => x.id)).toEqual(['c4', 'c5', 'c6']);
      expect(d.emotions).toEqual([{ personaId: 'p-omar', stepId: 't3', score: 0, note: '' }]);
      expect(d.opportunities[0]!.cardIds).toEqual([]);
      expect(d.opportunities[0]!.stepIds).toEqual([]);
      // t2 had no activities, so the KPI from it cannot survive and the opportunity loses its target.
      expect(d.kpis).toEqual([]);
      expect(d.opportunities[0]!.targetKpiId).toBeNull();
    });
  });
});

describe('step commands', () => {
  it('addStep appends to a stage', () => {
    roundTrip(c.addStep, { id: 'tN', stageId: 's1', name: 'Read reviews' }, (d) => {
      expect(stepNames(d)[0]).toEqual(['Search online', 'Call the practice', 'Read reviews']);
    });
  });
  it('renameStep refuses an empty name', () => {
    roundTrip(c.renameStep, { stepId: 't4', name: 'Examination' }, (d) =>
      expect(stepNames(d)[1]).toEqual(['Check in', 'Examination']),
    );
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(store.dispatch(c.renameStep, { stepId: 't4', name: '   ' })).toBe(false);
    expect(store.ui.error).toBe('renameStep: name must not be empty');
    expect(store.getSnapshot().canUndo).toBe(false);
  });
  it('moveStep within a stage', () => {
    roundTrip(c.moveStep, { stepId: 't2', toStageId: 's1', toIndex: 0 }, (d) =>
      expect(stepNames(d)[0]).toEqual(['Call the practice', 'Search online']),
    );
  });
  it('moveStep across stages keeps the step object and its cards', () => {
    roundTrip(c.moveStep, { stepId: 't2', toStageId: 's2', toIndex: 1 }, (d, b) => {
      expect(stepNames(d)).toEqual([['Search online'], ['Check in', 'Call the practice', 'Exam']]);
      expect(d.stages[1]!.steps[1]).toBe(b.stages[0]!.steps[1]);
      expect(d.cards).toBe(b.cards);
    });
  });
  it('setStepOptional, hideStep, setStepActivities, setStepDescription', () => {
    roundTrip(c.setStepOptional, { stepId: 't1', optional: true }, (d) =>
      expect(d.stages[0]!.steps[0]!.optional).toBe(true),
    );
    roundTrip(c.hideStep, { stepId: 't1', hidden: true }, (d) =>
      expect(d.stages[0]!.steps[0]!.hidden).toBe(true),
    );
    roundTrip(c.setStepActivities, { stepId: 't2', activities: [' call ', 'call', '', 'voicemail'] }, (d) =>
      expect(d.stages[0]!.steps[1]!.activities).toEqual(['call', 'voicemail']),
    );
    roundTrip(c.setStepDescription, { stepId: 't2', description: 'Main line' }, (d) =>
      expect(d.stages[0]!.steps[1]!.description).toBe('Main line'),
    );
  });
  it('deleteStep removes cards, emotions, opportunity links; KPI falls back to activities', () => {
    roundTrip(c.deleteStep, { stepId: 't3' }, (d) => {
      expect(d.cards.map((x) => x.id)).toEqual(['c1', 'c2', 'c3']);
      expect(d.emotions.map((e) => e.stepId)).toEqual(['t1', 't2']);
      const kpi = d.kpis[0]!;
      expect(kpi.kind === 'conversion' && kpi.to).toEqual({ activities: ['check-in'] });
    });
  });
});

describe('lane commands', () => {
  it('addLane, renameLane, moveLane, hideLane', () => {
    roundTrip(c.addLane, { id: 'lN', kind: 'thoughts', name: 'Thoughts', index: 2 }, (d) =>
      expect(d.lanes[2]).toEqual({ id: 'lN', kind: 'thoughts', name: 'Thoughts', hidden: false }),
    );
    roundTrip(c.renameLane, { laneId: 'l-act', name: 'Doing' }, (d) =>
      expect(d.lanes[1]!.name).toBe('Doing'),
    );
    roundTrip(c.moveLane, { laneId: 'l-data', toIndex: 0 }, (d) => expect(d.lanes[0]!.id).toBe('l-data'));
    roundTrip(c.hideLane, { laneId: 'l-back', hidden: true }, (d) => expect(d.lanes[6]!.hidden).toBe(true));
  });
  it('deleteLane removes its cards and links to them', () => {
    roundTrip(c.deleteLane, { laneId: 'l-pain' }, (d) => {
      expect(d.lanes.some((l) => l.id === 'l-pain')).toBe(false);
      expect(d.cards.map((x) => x.id)).toEqual(['c1', 'c3', 'c4', 'c5', 'c6']);
      expect(d.cards.find((x) => x.id === 'c3')!.linkedCardIds).toEqual([]);
      expect(d.opportunities[0]!.cardIds).toEqual([]);
    });
  });
});

describe('card commands', () => {
  it('addCard appends to its cell, or at an index inside the cell', () => {
    roundTrip(c.addCard, { id: 'cN', laneId: 'l-act', stepId: 't3', text: ' Waits ', index: 1 }, (d) => {
      expect(d.cards.filter((x) => x.laneId === 'l-act' && x.stepId === 't3').map((x) => x.id)).toEqual([
        'c5',
        'cN',
        'c6',
      ]);
      expect(d.cards.find((x) => x.id === 'cN')!.text).toBe('Waits');
    });
    roundTrip(
      c.addCard,
      { id: 'cN', laneId: 'l-touch', stepId: 't4', text: 'Reminder SMS', channel: 'sms' },
      (d) => {
        expect(d.cards.at(-1)).toMatchObject({ id: 'cN', stepId: 't4', channel: 'sms', evidence: [] });
      },
    );
  });
  it('updateCard changes fields and keeps other cards identical', () => {
    roundTrip(
      c.updateCard,
      { cardId: 'c2', patch: { text: 'On hold 8 min', severity: 'critical', tags: ['a', ' a ', 'b'] } },
      (d, b) => {
        expect(d.cards[1]).toMatchObject({ text: 'On hold 8 min', severity: 'critical', tags: ['a', 'b'] });
        expect(d.cards[0]).toBe(b.cards[0]);
      },
    );
    roundTrip(c.updateCard, { cardId: 'c3', patch: { linkedCardIds: ['c2', 'c1'] } }, (d) =>
      expect(d.cards[2]!.linkedCardIds).toEqual(['c2', 'c1']),
    );
    roundTrip(c.updateCard, { cardId: 'c4', patch: { systemId: null } }, (d) =>
      expect(d.cards[3]!.systemId).toBeNull(),
    );
  });
  it('updateCard refuses links to unknown cards and to itself, and empty text', () => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(store.dispatch(c.updateCard, { cardId: 'c3', patch: { linkedCardIds: ['nope'] } })).toBe(false);
    expect(store.dispatch(c.updateCard, { cardId: 'c3', patch: { linkedCardIds: ['c3'] } })).toBe(false);
    expect(store.dispatch(c.updateCard, { cardId: 'c3', patch: { text: ' ' } })).toBe(false);
    expect(store.dispatch(c.updateCard, { cardId: 'c3', patch: { systemId: 'nope' } })).toBe(false);
  });
  it('moveCard to another cell and index; to the same place is a no-op', () => {
    roundTrip(c.moveCard, { cardId: 'c1', laneId: 'l-act', stepId: 't3', index: 1 }, (d) => {
      expect(d.cards.filter((x) => x.laneId === 'l-act' && x.stepId === 't3').map((x) => x.id)).toEqual([
        'c5',
        'c1',
        'c6',
      ]);
    });
    roundTrip(c.moveCard, { cardId: 'c6', laneId: 'l-act', stepId: 't3', index: 0 }, (d) => {
      expect(d.cards.filter((x) => x.laneId === 'l-act').map((x) => x.id)).toEqual(['c6', 'c5']);
    });
    const doc = sampleJourney();
    expect(c.moveCard(doc, { cardId: 'c5', laneId: 'l-act', stepId: 't3', index: 0 })).toBe(doc);
  });
  it('deleteCard removes links to it', () => {
    roundTrip(c.deleteCard, { cardId: 'c2' }, (d) => {
      expect(d.cards.map((x) => x.id)).toEqual(['c1', 'c3', 'c4', 'c5', 'c6']);
      expect(d.cards[1]!.linkedCardIds).toEqual([]);
      expect(d.opportunities[0]!.cardIds).toEqual([]);
      expect(d.opportunities[0]!.stepIds).toEqual(['t2']);
    });
  });
  it('setEvidence adds, updates and removes', () => {
    const ev = {
      kind: 'survey' as const,
      source: ' Survey Q1 ',
      date: '2026-02-01',
      confidence: 'observed' as const,
    };
    roundTrip(c.setEvidence, { cardId: 'c5', action: 'add', evidence: ev }, (d) =>
      expect(d.cards[4]!.evidence).toEqual([{ ...ev, source: 'Survey Q1' }]),
    );
    roundTrip(
      c.setEvidence,
      { cardId: 'c2', action: 'update', index: 0, evidence: { ...ev, source: 'x' } },
      (d) => expect(d.cards[1]!.evidence[0]!.source).toBe('x'),
    );
    roundTrip(c.setEvidence, { cardId: 'c1', action: 'remove', index: 0 }, (d) =>
      expect(d.cards[0]!.evidence).toEqual([]),
    );
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(
      store.dispatch(c.setEvidence, { cardId: 'c1', action: 'add', evidence: { ...ev, date: '1 March' } }),
    ).toBe(false);
  });
  it('setEmotion adds or replaces; clearEmotion removes; bad scores refused', () => {
    roundTrip(c.setEmotion, { personaId: 'p-omar', stepId: 't4', score: 2, note: 'Relieved' }, (d) =>
      expect(d.emotions.at(-1)).toEqual({ personaId: 'p-omar', stepId: 't4', score: 2, note: 'Relieved' }),
    );
    roundTrip(c.setEmotion, { personaId: 'p-rosa', stepId: 't2', score: -1 }, (d) =>
      expect(d.emotions[1]).toEqual({
        personaId: 'p-rosa',
        stepId: 't2',
        score: -1,
        note: 'Frustrated by the wait',
      }),
    );
    roundTrip(c.clearEmotion, { personaId: 'p-rosa', stepId: 't1' }, (d) =>
      expect(d.emotions).toHaveLength(2),
    );
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(store.dispatch(c.setEmotion, { personaId: 'p-rosa', stepId: 't1', score: 3 })).toBe(false);
    expect(store.dispatch(c.setEmotion, { personaId: 'p-rosa', stepId: 't1', score: 0.5 })).toBe(false);
  });
});

describe('systems, opportunities, meta', () => {
  it('addSystem, updateSystem, deleteSystem (cards lose the link)', () => {
    roundTrip(
      c.addSystem,
      { id: 'sys2', name: 'SMS gateway', category: 'messaging', holdsPhi: true, baaInPlace: true },
      (d) =>
        expect(d.systems[1]).toEqual({
          id: 'sys2',
          name: 'SMS gateway',
          category: 'messaging',
          holdsPhi: true,
          baaInPlace: true,
          owner: '',
        }),
    );
    roundTrip(c.updateSystem, { systemId: 'sys1', patch: { baaInPlace: true } }, (d) =>
      expect(d.systems[0]!.baaInPlace).toBe(true),
    );
    roundTrip(c.deleteSystem, { systemId: 'sys1' }, (d) => {
      expect(d.systems).toEqual([]);
      expect(d.cards[3]!.systemId).toBeNull();
    });
  });
  it('addOpportunity, updateOpportunity, deleteOpportunity', () => {
    roundTrip(
      c.addOpportunity,
      { id: 'o2', title: 'Text reminders', impact: 3, effort: 1, cardIds: ['c2'] },
      (d) =>
        expect(d.opportunities[1]).toMatchObject({
          id: 'o2',
          status: 'idea',
          confidence: 'assumed',
          cardIds: ['c2'],
          stepIds: [],
        }),
    );
    roundTrip(
      c.updateOpportunity,
      {
        opportunityId: 'o1',
        patch: { impact: 5, effort: 4, owner: 'Dr. Lee', status: 'planned', stepIds: ['t1'] },
      },
      (d) =>
        expect(d.opportunities[0]).toMatchObject({
          impact: 5,
          effort: 4,
          owner: 'Dr. Lee',
          status: 'planned',
          stepIds: ['t1'],
        }),
    );
    roundTrip(c.deleteOpportunity, { opportunityId: 'o1' }, (d) => expect(d.opportunities).toEqual([]));
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(store.dispatch(c.updateOpportunity, { opportunityId: 'o1', patch: { impact: 6 } })).toBe(false);
    expect(store.dispatch(c.updateOpportunity, { opportunityId: 'o1', patch: { cardIds: ['zz'] } })).toBe(
      false,
    );
  });
  it('updateMeta', () => {
    roundTrip(
      c.updateMeta,
      {
        patch: {
          name: 'Booking',
          question: 'Q?',
          status: 'researched',
          tags: ['x', 'x'],
          reviewCadenceDays: 30,
          lastReviewedAt: '2026-04-01',
        },
      },
      (d) =>
        expect(d).toMatchObject({
          name: 'Booking',
          question: 'Q?',
          status: 'researched',
          tags: ['x'],
          reviewCadenceDays: 30,
          lastReviewedAt: '2026-04-01',
        }),
    );
  });
});

describe('EditorStore history', () => {
  it('coalesces rapid typing on one key into one undo step, and not after the window', () => {
    let t = 0;
    const store = new EditorStore(sampleJourney(), { newId: counterIds(), now: () => t });
    const original = store.doc;
    for (const text of ['O', 'On', 'On h', 'On hold']) {
      t += 200;
      store.dispatch(c.updateCard, { cardId: 'c1', patch: { text } }, { coalesceKey: 'card:c1:text' });
    }
    t += 5000;
    store.dispatch(
      c.updateCard,
      { cardId: 'c1', patch: { text: 'On hold!' } },
      { coalesceKey: 'card:c1:text' },
    );
    store.undo();
    expect(store.doc.cards[0]!.text).toBe('On hold');
    store.undo();
    expect(store.doc).toBe(original);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
  it('a new edit clears redo; undo labels name the command', () => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    store.dispatch(c.deleteCard, { cardId: 'c1' });
    expect(store.getSnapshot().undoLabel).toBe('delete card');
    store.undo();
    expect(store.getSnapshot().redoLabel).toBe('delete card');
    store.dispatch(c.hideLane, { laneId: 'l-act', hidden: true });
    expect(store.getSnapshot().canRedo).toBe(false);
  });
  it('notifies subscribers with a new snapshot; selection of a deleted card is dropped', () => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    let calls = 0;
    store.subscribe(() => calls++);
    store.select({ kind: 'card', cardId: 'c2' });
    const snap = store.getSnapshot();
    store.dispatch(c.deleteCard, { cardId: 'c2' });
    expect(calls).toBe(2);
    expect(store.getSnapshot()).not.toBe(snap);
    expect(store.ui.selection).toBeNull();
  });
  it('transact groups commands into one step', () => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    const original = store.doc;
    store.transact('start', (d) =>
      c.addStep(c.addStage(d, { id: 'x', name: 'X' }), { id: 'y', stageId: 'x', name: 'Y' }),
    );
    expect(store.doc.stages[2]!.steps[0]!.id).toBe('y');
    store.undo();
    expect(store.doc).toBe(original);
  });
  it('rejects a result the schema would not accept (safety net)', () => {
    const store = new EditorStore(sampleJourney(), { newId: counterIds() });
    expect(store.transact('bad', (d) => ({ ...d, name: '' }))).toBe(false);
    expect(store.ui.error).toMatch(/^bad: name/);
  });
});
