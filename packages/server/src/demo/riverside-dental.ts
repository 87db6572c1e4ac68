import type { DemoJourneySpec } from './customise-template';
import { RESEARCH } from './riverside-evidence';

const { eventLog, shadowing, patientInterviews, staffWorkshop, survey, reviews, hypothesis } = RESEARCH;

/** New-patient booking at Riverside's dental side: from a search at night to the review visit. */
export const RIVERSIDE_DENTAL: DemoJourneySpec = {
  templateId: 'dental-practice',
  name: 'New dental patient: search to first review visit',
  description:
    'How a new adult dental patient finds Riverside Family Dental & Medical, books, is seen, accepts (or not) a treatment plan and comes back for the review visit. Built from the dental template with our interviews and the scheduling/EHR export (demo data source). Riverside is fictional.',
  question: 'Where do new dental patients drop off between the first call and an accepted treatment plan?',
  serviceLine: 'General dentistry — Riverside, Hillcrest and Old Town sites',
  status: 'live',
  reviewedDaysAgo: 21,
  tags: ['dental', 'new patients', 'demo'],
  stages: {
    'st-lead': { goal: 'Find a dentist who can see me soon and will not judge me' },
    'st-booking': { name: 'Booking and intake' },
  },
  steps: {
    'sp-search': {
      name: 'Finds Riverside online (ad, website, reviews)',
      activities: ['ad.clicked', 'web.visited', 'review.viewed'],
      optional: true,
    },
    'sp-enquire': {
      name: 'Calls the front desk or sends the online form',
      activities: ['lead.created', 'call.received', 'call.abandoned'],
    },
    'sp-book': { name: 'Books a new-patient exam', activities: ['appointment.booked'] },
    'sp-forms': {
      name: 'Completes intake forms; insurance verified',
      activities: ['intake.completed', 'insurance.verified'],
      optional: true,
    },
    'sp-reminders': {
      name: 'Gets reminders and confirms by text',
      activities: ['reminder.sent', 'reminder.confirmed'],
      optional: true,
    },
    'sp-checkin': { name: 'Arrives at the front desk', activities: ['appointment.arrived'] },
    'sp-exam': {
      name: 'New-patient exam, X-rays and diagnosis',
      activities: ['visit.completed', 'diagnosis.recorded'],
    },
    'sp-checkout': {
      description: 'Not in the event log yet: the PMS does not record check-out as an event.',
    },
    'sp-plan-presented': {
      name: 'Treatment plan and estimate presented',
      activities: ['treatment_plan.presented'],
    },
    'sp-plan-decision': { name: 'Accepts the treatment plan', activities: ['treatment_plan.accepted'] },
    'sp-treatment': {
      name: 'Treatment visits (fillings, crowns, root canals)',
      activities: ['treatment.started', 'procedure.completed', 'treatment.completed'],
    },
    'sp-recall-due': { name: 'Review visit booked', activities: ['followup.booked'] },
    'sp-recall-visit': { name: 'Comes back for the review visit', activities: ['followup.completed'] },
    'sp-review': { name: 'Answers the post-visit survey', activities: ['survey.completed'], optional: true },
  },
  cards: {
    'c-search-tp1': {
      text: 'Google ad "Emergency dentist Riverside — same-week appointments" (42 per lead)',
      evidence: [eventLog],
    },
    'c-search-tp3': {
      text: 'Google reviews: "Dr Patel was so gentle" is the most quoted line',
      evidence: [reviews],
    },
    'c-pp-price-hidden': {
      text: 'Website has no emergency-exam price and does not say which PPO plans Riverside is in network with',
      evidence: [patientInterviews, reviews],
    },
    'c-search-da1': {
      text: 'Cost per lead: Google Ads 42, Facebook 27, partner referrals 15, word of mouth and organic search 0',
      evidence: [eventLog],
    },
    'c-enquire-tp1': {
      text: 'Tracked number (555) 0142 answered at three front desks and the call team',
      evidence: [shadowing],
    },
    'c-pp-lunch-calls': {
      text: 'About one caller in seven hangs up before anyone answers; 12:00–13:30 calls roll to voicemail',
      severity: 'high',
      evidence: [eventLog, shadowing],
    },
    'c-enquire-da1': {
      text: 'Abandoned calls by hour and site; enquiries that booked within 30 days',
      evidence: [eventLog],
    },
    'c-book-tp2': {
      text: 'Online booking for new-patient exams — 6 in 10 online bookers activate the portal vs 1 in 3 phone bookers',
      evidence: [eventLog],
    },
    'c-forms-tp2': {
      text: 'Paper forms at reception for those who skipped the link: check-in takes 15 minutes longer',
      evidence: [shadowing],
    },
    'c-pp-benefits-unknown': {
      text: 'One in ten new patients arrives with insurance not verified, so no estimate is possible at the visit',
      evidence: [eventLog, staffWorkshop],
    },
    'c-reminders-tp1': {
      text: 'Reminder 7 days before (e-mail) and 2 days before (text with "reply C to confirm")',
      evidence: [eventLog],
    },
    'c-pp-late-cancel': {
      text: 'Patients without a reminder miss their first appointment far more often (see the no-show KPI by segment)',
      severity: 'high',
      evidence: [eventLog],
    },
    'c-checkin-da1': { text: 'No-show rate by site and by reminder medium', evidence: [eventLog] },
    'c-pp-rushed-explanation': {
      text: 'Findings explained with the mirror and suction still in — patients say they "nodded along"',
      evidence: [patientInterviews, survey],
    },
    'c-pp-estimate-vague': {
      text: 'Estimate printed as one total "approximately"; no phasing, no financing option on paper',
      severity: 'high',
      evidence: [patientInterviews],
    },
    'c-pp-plan-no-followup': {
      text: 'About one plan in three is declined or left undecided, and nobody calls back about it',
      severity: 'critical',
      evidence: [eventLog, staffWorkshop],
    },
    'c-plan-decision-da1': {
      text: 'Plan acceptance by clinician and site; days from plan to first treatment visit',
      evidence: [eventLog],
    },
    'c-recall-due-tp1': {
      text: 'Review visit booked at check-out or by text link two weeks after treatment',
      evidence: [staffWorkshop],
    },
    'c-review-tp1': {
      text: 'Survey by text or e-mail the day after the last visit (NPS and CSAT)',
      evidence: [eventLog],
    },
    'c-pp-review-replies': {
      text: 'Office manager replies to reviews naming the treatment — confirms the reviewer is a patient',
      severity: 'medium',
      evidence: [reviews],
    },
    'c-review-da1': { text: 'NPS and CSAT per site, per month', evidence: [eventLog, survey] },
  },
  defaultEvidence: [hypothesis],
  systems: {
    'sy-ads': {
      name: 'Google Ads and website analytics (agency account)',
      owner: 'Brightside Marketing (agency)',
    },
    'sy-phone': {
      name: 'Call tracking and recording (agency account)',
      owner: 'Brightside Marketing (agency)',
      holdsPhi: true,
      baaInPlace: false,
    },
    'sy-pms': { name: 'Practice management system (dental and medical schedule)', owner: 'Practice manager' },
    'sy-comms': {
      name: 'Forms, reminders and surveys (patient messaging vendor)',
      owner: 'Practice manager',
    },
  },
  opportunities: {
    'o-missed-calls': {
      title: 'Answer every lunch-hour call',
      description:
        'Stagger front-desk lunch breaks across sites and text back every abandoned call within 5 minutes.',
      owner: 'Front-desk lead',
      status: 'planned',
      confidence: 'observed',
    },
    'o-plan-options': {
      owner: 'Treatment coordinator',
      status: 'piloting',
      confidence: 'reported',
    },
    'o-chairside-prebook': { owner: 'Hygiene team lead', status: 'idea' },
    'o-recall-sequence': { title: 'Text sequence for undecided treatment plans', owner: 'Practice manager' },
  },
  kpis: [
    'k-lead-to-booked',
    'no-show-rate',
    'late-cancellation-rate',
    'k-plan-acceptance',
    'k-plan-to-treatment',
    'time-to-first-visit',
    'cost-per-acquired-patient',
    'follow-up-completion',
    'portal-adoption',
    'nps',
    'csat',
  ],
  personas: { 'pe-aisha': 'aisha' },
};
