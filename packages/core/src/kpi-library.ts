import { KpiDefinition, type KpiInput } from './kpi';

/**
 * Ready-made KPI definitions a user adds to a journey in one click. They name activities of the shared
 * vocabulary (`ACTIVITY_VOCABULARY`), so they light up on any log that uses it, the synthetic clinic
 * included. Each cites the definition it follows in `reference` (healthcare.md §1).
 */
const LIBRARY_INPUT: readonly KpiInput[] = [
  {
    id: 'no-show-rate',
    name: 'No-show rate',
    kind: 'rate',
    description:
      'No-shows ÷ (no-shows + arrivals), counted over appointments. Appointments still open after their start are not counted.',
    numerator: ['appointment.noshow'],
    denominator: ['appointment.noshow', 'appointment.arrived'],
    countOver: 'events',
    direction: 'lower-is-better',
    reference: 'healthcare.md §1.2',
  },
  {
    id: 'late-cancellation-rate',
    name: 'Late-cancellation rate',
    kind: 'rate',
    description:
      'Cancellations ÷ bookings. Counts every cancellation: the event log holds no appointment start time, so the 24 h window of §1.3 cannot be applied, and this is an upper bound.',
    numerator: ['appointment.cancelled'],
    denominator: ['appointment.booked'],
    countOver: 'events',
    direction: 'lower-is-better',
    reference: 'healthcare.md §1.3',
  },
  {
    id: 'booking-conversion',
    name: 'Booking conversion (30 days)',
    kind: 'conversion',
    description:
      'Patients who book within 30 days of their first enquiry (web lead or call) ÷ patients who enquired.',
    from: { activities: ['lead.created', 'call.received'] },
    to: { activities: ['appointment.booked'] },
    windowDays: 30,
    reference: 'healthcare.md §1.4',
  },
  {
    id: 'referral-completion',
    name: 'Referral completion (90 days)',
    kind: 'conversion',
    description:
      'Referred patients with a completed visit within 90 days of the referral ÷ referred patients.',
    from: { activities: ['referral.placed', 'referral.received'] },
    to: { activities: ['visit.completed'] },
    windowDays: 90,
    reference: 'healthcare.md §1.5',
  },
  {
    id: 'time-to-first-visit',
    name: 'Time to first visit',
    kind: 'duration',
    description:
      'Median (and p90) time from first contact (enquiry, call or referral) to the first completed visit.',
    from: { activities: ['lead.created', 'call.received', 'referral.placed'] },
    to: { activities: ['visit.completed'] },
    direction: 'lower-is-better',
    reference: 'healthcare.md §1.7',
  },
  {
    id: 'cost-per-acquired-patient',
    name: 'Cost per acquired patient',
    kind: 'cost-per',
    description:
      'Marketing spend ÷ new patients with a completed first visit, by source. Spend is only the cost recorded on paid acquisition events: media cost on ad clicks and the fee on partner referrals. Agency, tools and call-centre staff costs (not in the event log) and visit or treatment costs are not included. Shown only when the log carries cost data.',
    costActivities: ['ad.clicked', 'referral.placed'],
    acquired: { activities: ['visit.completed'] },
    splitBy: 'source',
    direction: 'lower-is-better',
    reference: 'healthcare.md §1.11',
  },
  {
    id: 'follow-up-completion',
    name: 'Follow-up completion',
    kind: 'rate',
    description: 'Patients with a booked follow-up who completed one ÷ patients with a booked follow-up.',
    numerator: ['followup.completed'],
    denominator: ['followup.booked'],
    countOver: 'cases',
    reference: 'healthcare.md §1.13',
  },
  {
    id: 'portal-adoption',
    name: 'Portal adoption',
    kind: 'rate',
    description:
      'Invited patients who activated the portal ÷ patients invited (the "offered → activated" level).',
    numerator: ['portal.activated'],
    denominator: ['portal.invited'],
    countOver: 'cases',
    reference: 'healthcare.md §1.8',
  },
  {
    id: 'nps',
    name: 'Net Promoter Score',
    kind: 'score',
    description:
      '% promoters (9–10) − % detractors (0–6) of the `nps` answer on completed surveys, in points.',
    scale: 'nps',
    activity: 'survey.completed',
    attribute: 'nps',
    reference: 'healthcare.md §1.9',
  },
  {
    id: 'csat',
    name: 'CSAT (top-2-box)',
    kind: 'score',
    description: 'Share of `csat` answers of 4 or 5 (of 5) on completed surveys.',
    scale: 'csat',
    activity: 'survey.completed',
    attribute: 'csat',
    reference: 'healthcare.md §1.9',
  },
];

/** The ready-made KPI definitions, validated (see `LIBRARY_INPUT`). */
export const KPI_LIBRARY: readonly KpiDefinition[] = LIBRARY_INPUT.map((k) => KpiDefinition.parse(k));
