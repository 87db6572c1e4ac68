import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../fixtures/sample-journey';
import { addCard, deleteCard, moveStep, renameStep, setEmotion, updateCard } from './commands/index';
import { diffJourneys } from './diff';

describe('diffJourneys', () => {
  it('is empty for equal documents', () => {
    expect(diffJourneys(sampleJourney(), sampleJourney())).toEqual([]);
  });

  it('names cards only in mine, only in theirs, and changed; steps changed; other parts summarised', () => {
    const base = sampleJourney();
    const mine = updateCard(
      addCard(renameStep(base, { stepId: 't2', name: 'Phone us' }), {
        id: 'cM',
        laneId: 'l-act',
        stepId: 't1',
        text: 'Reads reviews',
      }),
      {
        cardId: 'c1',
        patch: { text: 'Search for a dentist' },
      },
    );
    const theirs = setEmotion(deleteCard(base, { cardId: 'c6' }), {
      personaId: 'p-omar',
      stepId: 't4',
      score: 1,
    });
    expect(diffJourneys(mine, theirs)).toEqual([
      { kind: 'step', id: 't2', change: 'changed', label: 'Phone us' },
      { kind: 'card', id: 'c1', change: 'changed', label: 'Search for a dentist' },
      { kind: 'card', id: 'c6', change: 'only-mine', label: 'Shows insurance card' },
      { kind: 'card', id: 'cM', change: 'only-mine', label: 'Reads reviews' },
      { kind: 'emotions', id: 'emotions', change: 'changed', label: 'Emotion curve points' },
    ]);
  });

  it('a step moved to another stage shows as a changed step and both stages changed', () => {
    const base = sampleJourney();
    const theirs = moveStep(base, { stepId: 't2', toStageId: 's2', toIndex: 0 });
    expect(diffJourneys(base, theirs).map((e) => `${e.kind}:${e.id}:${e.change}`)).toEqual([
      'stage:s1:changed',
      'stage:s2:changed',
      'step:t2:changed',
    ]);
  });

  it('lists things only the server has, and journey details', () => {
    const base = sampleJourney();
    const theirs = {
      ...addCard(base, { id: 'cT', laneId: 'l-act', stepId: 't4', text: 'x'.repeat(80) }),
      name: 'Renamed',
    };
    expect(diffJourneys(base, theirs)).toEqual([
      { kind: 'journey', id: 'journey', change: 'changed', label: 'Journey details' },
      { kind: 'card', id: 'cT', change: 'only-theirs', label: `${'x'.repeat(57)}…` },
    ]);
  });
});
