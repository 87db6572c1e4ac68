import { JourneyTemplate, type Persona, PersonaContent } from '@pathlight/core';
import { describe, expect, test } from 'vitest';
import { blankJourney } from './journey-documents';
import { referencedPersonaIds, templateFromJourney } from './template-documents';

const OWNER = '00000000-0000-4000-8000-000000000001';
const WS = '00000000-0000-4000-8000-00000000a001';

const persona = (id: string, name: string): Persona => ({
  ...PersonaContent.parse({ name, kind: 'patient', goals: ['Be seen soon'] }),
  id,
  workspaceId: WS,
  version: 4,
  updatedAt: '2026-02-01T10:00:00.000Z',
});

const journey = () => {
  const base = blankJourney({ name: 'Walk-in', ownerId: OWNER });
  return {
    ...base,
    scope: { serviceLine: '', personaIds: ['p-riley', 'p-gone'] },
    stages: [{ id: 'st', name: 'Arrive', goal: '', hidden: false, steps: [step('desk'), step('wait')] }],
    emotions: [
      { personaId: 'p-avery', stepId: 'wait', score: -1, note: '' },
      { personaId: 'p-riley', stepId: 'desk', score: 1, note: '' },
    ],
  };
};
const step = (id: string) => ({
  id,
  name: id,
  description: '',
  optional: false,
  hidden: false,
  activities: [],
});

describe('templateFromJourney', () => {
  test('lists persona references once, scope first', () => {
    expect(referencedPersonaIds(journey())).toEqual(['p-riley', 'p-gone', 'p-avery']);
  });

  test('copies the referenced library personas (not others, not missing ones) into a valid template', () => {
    const library = [persona('p-avery', 'Avery'), persona('p-other', 'Other'), persona('p-riley', 'Riley')];
    const t = templateFromJourney(
      { name: 'Walk-in', summary: 'Ours', category: 'clinic' },
      journey(),
      library,
    );
    expect(t.personas.map((p) => [p.id, p.name])).toEqual([
      ['p-riley', 'Riley'],
      ['p-avery', 'Avery'],
    ]);
    expect(t.personas[0]).not.toHaveProperty('workspaceId');
    expect(t.personas[0]).not.toHaveProperty('version');
    expect(t.journey).toEqual(journey());
    expect(JourneyTemplate.safeParse({ ...t, id: 'x' }).success).toBe(true);
  });
});
