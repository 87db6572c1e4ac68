import type { Channel, Confidence, EvidenceKind, PersonaKind } from '@pathlight/core';

export const kindLabel: Record<PersonaKind, string> = {
  patient: 'Patient',
  caregiver: 'Caregiver',
  clinician: 'Clinician',
  'front-desk': 'Front-desk staff',
  buyer: 'Buyer (e.g. medical director, IT manager)',
};

export const channelLabel: Record<Channel, string> = {
  web: 'Website',
  search: 'Search engine',
  social: 'Social media',
  phone: 'Phone',
  sms: 'SMS',
  email: 'Email',
  portal: 'Patient portal',
  app: 'Mobile app',
  'in-person': 'In person',
  mail: 'Post',
  referral: 'Referral',
  video: 'Video call',
};

export const evidenceKindLabel: Record<EvidenceKind, string> = {
  interview: 'Interview',
  survey: 'Survey',
  'event-log': 'Event log',
  'support-ticket': 'Support ticket',
  review: 'Online review',
  observation: 'Observation',
  'staff-report': 'Staff report',
};

export const confidenceLabel: Record<Confidence, string> = {
  observed: 'Observed — seen in data or in person',
  reported: 'Reported — someone told us',
  assumed: 'Assumed — our best guess',
};
