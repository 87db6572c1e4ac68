import { JourneyContent, PersonaContent } from '@pathlight/core';

/** A small, obviously synthetic journey document (test fixture). */
export function bookingJourney(overrides: { name?: string; cardText?: string } = {}): JourneyContent {
  return JourneyContent.parse({
    schemaVersion: 2,
    name: overrides.name ?? 'New patient booking',
    question: 'Why do callers not book?',
    scope: { serviceLine: 'Dental', personaIds: ['persona-1'] },
    status: 'researched',
    reviewCadenceDays: 30,
    lastReviewedAt: '2026-01-15',
    tags: ['dental', 'booking'],
    stages: [{ id: 'intake', name: 'Intake', steps: [{ id: 'call', name: 'Calls the practice' }] }],
    lanes: [{ id: 'touch', kind: 'touchpoints', name: 'Touchpoints' }],
    cards: [
      {
        id: 'c1',
        laneId: 'touch',
        stepId: 'call',
        text: overrides.cardText ?? 'Phone line',
        channel: 'phone',
      },
    ],
  });
}

/** A synthetic persona for the workspace library (test fixture). */
export function persona(name = 'Avery Example'): PersonaContent {
  return PersonaContent.parse({ name, kind: 'patient', goals: ['Book quickly'], channels: ['phone'] });
}
