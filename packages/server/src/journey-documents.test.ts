import { JourneyContent, type JourneyTemplate } from '@pathlight/core';
import { describe, expect, test } from 'vitest';
import { blankJourney, copyName, journeyFromTemplate, relinkPersonas, sameOrigin } from './journey-documents';

const OWNER = '00000000-0000-4000-8000-000000000001';

describe('blankJourney', () => {
  test('is a valid document with the ten standard lanes and no stages', () => {
    const doc = blankJourney({ name: 'Intake', question: 'Why do people drop off?', ownerId: OWNER });
    expect(JourneyContent.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({
      name: 'Intake',
      question: 'Why do people drop off?',
      ownerId: OWNER,
      stages: [],
    });
    expect(doc.lanes.map((l) => l.kind)).toEqual([
      'touchpoints',
      'actions',
      'thoughts',
      'emotions',
      'pain-points',
      'opportunities',
      'frontstage',
      'backstage',
      'systems',
      'data',
    ]);
  });
});

describe('copyName', () => {
  test('appends (copy) within the 200-character limit', () => {
    expect(copyName('Intake')).toBe('Intake (copy)');
    const long = copyName('x'.repeat(200));
    expect(long).toHaveLength(200);
    expect(long.endsWith(' (copy)')).toBe(true);
  });
});

describe('templates and personas', () => {
  const base = blankJourney({ name: 'T', ownerId: OWNER });
  const template: JourneyTemplate = {
    id: 'tiny',
    name: 'Tiny',
    summary: '',
    category: 'clinic',
    journey: {
      ...base,
      scope: { serviceLine: '', personaIds: ['pat'] },
      stages: [
        {
          id: 's',
          name: 'S',
          goal: '',
          hidden: false,
          steps: [{ id: 't', name: 'T', description: '', optional: false, hidden: false, activities: [] }],
        },
      ],
      emotions: [{ personaId: 'pat', stepId: 't', score: -1, note: '' }],
    },
    personas: [
      {
        id: 'pat',
        name: 'Pat',
        kind: 'patient',
        role: '',
        summary: '',
        goals: [],
        needs: [],
        barriers: [],
        channels: [],
        quote: '',
        color: '#2563eb',
        evidence: [],
        origin: null,
      },
    ],
  };

  test('journeyFromTemplate renames, sets the owner and gives fresh ids', () => {
    const { journey, personas } = journeyFromTemplate(template, 'Ours', OWNER);
    expect(journey.name).toBe('Ours');
    expect(journey.ownerId).toBe(OWNER);
    expect(personas[0]?.id).not.toBe('pat');
    expect(journey.scope.personaIds).toEqual([personas[0]?.id]);
    expect(journeyFromTemplate(template, undefined, OWNER).journey.name).toBe('T');
  });

  test('relinkPersonas points scope and emotions at the stored persona ids', () => {
    const { journey, personas } = journeyFromTemplate(template, undefined, OWNER);
    const stored = '00000000-0000-4000-8000-0000000000aa';
    const linked = relinkPersonas(journey, new Map([[personas[0]!.id, stored]]));
    expect(linked.scope.personaIds).toEqual([stored]);
    expect(linked.emotions.map((e) => e.personaId)).toEqual([stored]);
    expect(JourneyContent.safeParse(linked).success).toBe(true);
  });
});

describe('sameOrigin', () => {
  test('matches the same template persona; personas without an origin (or stored before it existed) never match', () => {
    const a = { templateId: 'dental-practice', personaId: 'pe-rosa' };
    expect(sameOrigin(a, { ...a })).toBe(true);
    expect(sameOrigin(a, { ...a, personaId: 'pe-omar' })).toBe(false);
    expect(sameOrigin(null, a)).toBe(false);
    expect(sameOrigin(undefined, a)).toBe(false);
  });
});
