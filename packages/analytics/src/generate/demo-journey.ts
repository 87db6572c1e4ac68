import { JourneyContent, type JourneyInput } from '@pathlight/core';

const step = (id: string, name: string, activities: string[], optional = false) => ({
  id,
  name,
  activities,
  optional,
});

/**
 * The journey map matching the generated clinic log: its steps name the generated activities and it
 * defines the KPIs the demo shows. Activities such as no-shows and cancellations are left off the
 * map on purpose, so conformance has unmapped activities to report.
 */
export const DEMO_JOURNEY_INPUT: JourneyInput = {
  schemaVersion: 2,
  name: 'New patient: first contact to follow-up (synthetic clinic)',
  description: 'Matches the event log written by `pathlight generate`. All patients are fictional.',
  question: 'Where do new patients drop off between first contact and follow-up, and how long do they wait?',
  lanes: [
    { id: 'touchpoints', kind: 'touchpoints', name: 'Touchpoints' },
    { id: 'pain-points', kind: 'pain-points', name: 'Pain points' },
  ],
  stages: [
    {
      id: 'discover',
      name: 'Discover',
      steps: [
        step('notices-need', 'Notices a need for care', []),
        step(
          'browses',
          'Sees an ad or browses the website',
          ['ad.clicked', 'web.visited', 'review.viewed'],
          true,
        ),
        step(
          'referred',
          'Referred by a partner practice',
          ['referral.placed', 'referral.received', 'referral.triaged'],
          true,
        ),
      ],
    },
    {
      id: 'book',
      name: 'Enquire and book',
      steps: [
        step('enquiry', 'Enquires online or by phone', ['lead.created', 'call.received']),
        step('booked', 'Books a first appointment', ['appointment.booked']),
        step('intake', 'Completes intake forms', ['intake.completed'], true),
        step('portal', 'Activates the patient portal', ['portal.activated'], true),
        step('reminded', 'Gets a reminder', ['reminder.sent', 'reminder.confirmed'], true),
      ],
    },
    {
      id: 'visit',
      name: 'First visit',
      steps: [
        step('first-visit', 'Attends the first visit', ['appointment.arrived', 'visit.completed']),
        step('plan', 'Is presented a treatment plan', ['treatment_plan.presented']),
        step('accepts', 'Accepts the plan', ['treatment_plan.accepted']),
      ],
    },
    {
      id: 'treat',
      name: 'Treatment',
      steps: [
        step('treatment', 'Has treatment', [
          'treatment.started',
          'procedure.completed',
          'treatment.completed',
        ]),
      ],
    },
    {
      id: 'after',
      name: 'Follow-up',
      steps: [
        step('followup', 'Comes back for follow-up', ['followup.completed']),
        step('survey', 'Answers the survey', ['survey.completed'], true),
      ],
    },
  ],
  kpis: [
    {
      id: 'no-show-rate',
      name: 'No-show rate',
      kind: 'rate',
      numerator: ['appointment.noshow'],
      denominator: ['appointment.noshow', 'appointment.arrived'],
      countOver: 'events',
      direction: 'lower-is-better',
    },
    {
      id: 'booking-conversion',
      name: 'Enquiry to booking (30 days)',
      kind: 'conversion',
      from: { stepId: 'enquiry' },
      to: { stepId: 'booked' },
      windowDays: 30,
    },
    {
      id: 'time-to-first-visit',
      name: 'Enquiry to first visit',
      kind: 'duration',
      from: { stepId: 'enquiry' },
      to: { activities: ['appointment.arrived'] },
      direction: 'lower-is-better',
    },
    {
      id: 'referral-to-booking',
      name: 'Referral received to booking',
      kind: 'duration',
      from: { activities: ['referral.received'] },
      to: { activities: ['appointment.booked'] },
      direction: 'lower-is-better',
    },
    {
      id: 'plan-acceptance',
      name: 'Treatment plan acceptance',
      kind: 'conversion',
      from: { stepId: 'plan' },
      to: { stepId: 'accepts' },
    },
    {
      id: 'follow-up-completion',
      name: 'Follow-up completion',
      kind: 'rate',
      numerator: ['followup.completed'],
      denominator: ['followup.booked'],
      countOver: 'cases',
    },
    {
      id: 'portal-adoption',
      name: 'Portal activation',
      kind: 'rate',
      numerator: ['portal.activated'],
      denominator: ['portal.invited'],
      countOver: 'cases',
    },
    {
      id: 'nps',
      name: 'Net Promoter Score',
      kind: 'score',
      scale: 'nps',
      activity: 'survey.completed',
      attribute: 'nps',
    },
    {
      id: 'csat',
      name: 'CSAT (top-2-box)',
      kind: 'score',
      scale: 'csat',
      activity: 'survey.completed',
      attribute: 'csat',
    },
  ],
};

/** The demo journey, validated (throws if the generator and the map ever drift apart in shape). */
export function demoJourney(): JourneyContent {
  return JourneyContent.parse(DEMO_JOURNEY_INPUT);
}
