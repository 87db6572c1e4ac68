import type { Evidence } from '@pathlight/core';

/**
 * The research behind the Riverside demo, named once so cards and personas cite the same sources.
 * Riverside Family Dental & Medical is fictional; so are these studies and every number in them.
 */
export const RESEARCH = {
  /** The generated event log imported as the demo's data source. */
  eventLog: {
    kind: 'event-log',
    source: 'Scheduling, EHR and messaging export, Jan–Jun 2025 (demo data source)',
    date: '2025-07-14',
    confidence: 'observed',
  },
  shadowing: {
    kind: 'observation',
    source: 'Two days shadowing the front desk and call team, Riverside and Hillcrest sites',
    date: '2025-05-21',
    confidence: 'observed',
  },
  patientInterviews: {
    kind: 'interview',
    source: 'Interviews with 9 new patients (45 min each), May 2025',
    date: '2025-05-30',
    confidence: 'reported',
  },
  partnerInterviews: {
    kind: 'interview',
    source: 'Interviews with 4 referring partner practices, June 2025',
    date: '2025-06-12',
    confidence: 'reported',
  },
  staffWorkshop: {
    kind: 'staff-report',
    source: 'Front-desk and referral team workshop, 3 June 2025',
    date: '2025-06-03',
    confidence: 'reported',
  },
  survey: {
    kind: 'survey',
    source: 'Post-visit survey free-text answers, Q2 2025 (412 responses)',
    date: '2025-07-01',
    confidence: 'reported',
  },
  reviews: {
    kind: 'review',
    source: 'Public reviews of the three sites, last 12 months (86 reviews)',
    date: '2025-06-20',
    confidence: 'reported',
  },
  hypothesis: {
    kind: 'staff-report',
    source: 'Kickoff workshop hypothesis — not yet checked against data or patients',
    date: '2025-04-28',
    confidence: 'assumed',
  },
} as const satisfies Record<string, Evidence>;
