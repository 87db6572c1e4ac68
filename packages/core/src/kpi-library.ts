import { KpiDefinition, type KpiInput } from './kpi';

/**
 * Ready-made KPI definitions a user adds to a journey in one click. They name activities of the shared
 * vocabulary (`ACTIVITY_VOCABULARY`), so they light up on any log that uses it, the synthetic clinic
 * included. Each description states the formula as a sentence a practice manager can check against
 * their own figures; none refers to internal documents.
 */
const LIBRARY_INPUT: readonly KpiInput[] = [
  {
    id: 'no-show-rate',
    name: 'No-show rate',
    kind: 'rate',
    description:
      'Share of booked appointments the patient did not attend, of all booked appointments that were due (attended or missed). Appointments still to come are not counted.',
    numerator: ['appointment.noshow'],
    denominator: ['appointment.noshow', 'appointment.arrived'],
    countOver: 'events',
    direction: 'lower-is-better',
  },
  {
    id: 'late-cancellation-rate',
    name: 'Late-cancellation rate',
    kind: 'rate',
    description:
      'Share of booked appointments that were cancelled, of all booked appointments. The data does not say when each appointment was due, so every cancellation counts, not only those made at short notice: the true late-cancellation rate is at most this.',
    numerator: ['appointment.cancelled'],
    denominator: ['appointment.booked'],
    countOver: 'events',
    direction: 'lower-is-better',
  },
  {
    id: 'booking-conversion',
    name: 'Booking conversion (30 days)',
    kind: 'conversion',
    description:
      'Share of patients who booked an appointment within 30 days of first getting in touch (a web enquiry or a phone call), of all patients who got in touch.',
    from: { activities: ['lead.created', 'call.received'] },
    to: { activities: ['appointment.booked'] },
    windowDays: 30,
  },
  {
    id: 'referral-completion',
    name: 'Referral completion (90 days)',
    kind: 'conversion',
    description:
      'Share of referred patients who completed a visit within 90 days of their referral, of all referred patients.',
    from: { activities: ['referral.placed', 'referral.received'] },
    to: { activities: ['visit.completed'] },
    windowDays: 90,
  },
  {
    id: 'time-to-first-visit',
    name: 'Time to first visit',
    kind: 'duration',
    description:
      'How long patients wait from first getting in touch (an enquiry, a call or a referral) to their first completed visit: the middle patient’s wait, and the wait 9 in 10 patients are seen within.',
    from: { activities: ['lead.created', 'call.received', 'referral.placed'] },
    to: { activities: ['visit.completed'] },
    direction: 'lower-is-better',
  },
  {
    id: 'cost-per-acquired-patient',
    name: 'Cost per acquired patient',
    kind: 'cost-per',
    description:
      'Marketing spend divided by the number of new patients who completed a first visit, per source (where the patients came from). Spend is only the cost recorded on paid advertising clicks and partner-referral fees; agency fees, tools, call-centre staff and the cost of visits or treatment are not included. Shown only when the data carries costs.',
    costActivities: ['ad.clicked', 'referral.placed'],
    acquired: { activities: ['visit.completed'] },
    splitBy: 'source',
    direction: 'lower-is-better',
  },
  {
    id: 'follow-up-completion',
    name: 'Follow-up completion',
    kind: 'rate',
    description:
      'Share of patients with a follow-up booked who went on to complete one, of all patients with a follow-up booked.',
    numerator: ['followup.completed'],
    denominator: ['followup.booked'],
    countOver: 'cases',
  },
  {
    id: 'portal-adoption',
    name: 'Portal adoption',
    kind: 'rate',
    description:
      'Share of patients invited to the patient portal who activated their account, of all patients invited.',
    numerator: ['portal.activated'],
    denominator: ['portal.invited'],
    countOver: 'cases',
  },
  {
    id: 'nps',
    name: 'Net Promoter Score',
    kind: 'score',
    description:
      'Net Promoter Score from the 0–10 “would you recommend us” answer on completed surveys: the percentage of patients answering 9 or 10 minus the percentage answering 0 to 6, in points from −100 to 100.',
    scale: 'nps',
    activity: 'survey.completed',
    attribute: 'nps',
  },
  {
    id: 'csat',
    name: 'CSAT (top-2-box)',
    kind: 'score',
    description:
      'Share of satisfaction answers of 4 or 5 (on a 1–5 scale) on completed surveys, of all answers given.',
    scale: 'csat',
    activity: 'survey.completed',
    attribute: 'csat',
  },
];

/** The ready-made KPI definitions, validated (see `LIBRARY_INPUT`). */
export const KPI_LIBRARY: readonly KpiDefinition[] = LIBRARY_INPUT.map((k) => KpiDefinition.parse(k));
