import type { DemoJourneySpec } from './customise-template';
import { RESEARCH } from './riverside-evidence';

const { eventLog, shadowing, patientInterviews, partnerInterviews, staffWorkshop, hypothesis } = RESEARCH;

/** Referrals from partner practices into Riverside's oral-surgery clinic, up to the first visit and after. */
export const RIVERSIDE_REFERRAL: DemoJourneySpec = {
  templateId: 'specialty-referral',
  name: 'Partner referral to first oral-surgery visit',
  description:
    'Partner dental and medical practices refer patients to the Riverside oral-surgery clinic by e-fax. The referral is received, triaged by a surgeon, the patient is reached and booked, seen and treated, and the loop is closed with the referrer. Built from the specialty-referral template with partner interviews and the demo data source. Riverside is fictional.',
  question:
    'Why do referred patients wait about two weeks before they are even called, and how many never book?',
  serviceLine: 'Oral surgery (referrals from partner practices)',
  status: 'researched',
  reviewedDaysAgo: 83,
  tags: ['referrals', 'oral surgery', 'bottleneck', 'demo'],
  stages: {
    'st-referral-placed': { name: 'Partner refers' },
    'st-triage': { goal: 'Know my referral arrived and when I will hear back' },
  },
  steps: {
    'sp-decide-refer': {
      name: 'Family dentist decides to refer',
      description: "Happens in the partner practice's own system: not in Riverside's log.",
    },
    'sp-place-referral': { name: 'Partner sends the referral (e-fax)', activities: ['referral.placed'] },
    'sp-receive': { name: 'Referral received and logged', activities: ['referral.received'] },
    'sp-triage': {
      name: 'Surgeon triages the referral',
      description: 'Signed off in batches on Tuesdays and Thursdays.',
      activities: ['referral.triaged'],
    },
    'sp-outreach': { name: 'Patient reached by phone or web', activities: ['call.received', 'lead.created'] },
    'sp-book-specialist': { name: 'First surgical consult booked', activities: ['appointment.booked'] },
    'sp-previsit-prep': {
      name: 'Medical history and insurance checked',
      activities: ['intake.completed', 'insurance.verified'],
      optional: true,
    },
    'sp-pre-tests': { name: 'Pre-op X-rays (CBCT) if needed' },
    'sp-previsit-reminders': {
      name: 'Reminders and sedation instructions',
      activities: ['reminder.sent', 'reminder.confirmed'],
      optional: true,
    },
    'sp-arrive': { name: 'Arrives for the consult', activities: ['appointment.arrived'] },
    'sp-consult': {
      name: 'Surgical consult and diagnosis',
      activities: ['visit.completed', 'diagnosis.recorded'],
    },
    'sp-procedure': { name: 'Extraction or surgery', activities: ['procedure.completed'], optional: true },
    'sp-results': {
      name: 'Pathology or imaging results shared',
      activities: ['result.released', 'result.viewed'],
      optional: true,
    },
    'sp-close-loop': { name: 'Post-op review booked; referrer informed', activities: ['followup.booked'] },
  },
  cards: {
    'c-place-referral-tp1': {
      text: 'Partner practice faxes a one-page referral form to the Riverside referral line',
      evidence: [partnerInterviews],
    },
    'c-pp-incomplete-referral': {
      text: 'One referral in five arrives without X-rays, so the surgeon cannot triage it at first read',
      evidence: [staffWorkshop],
    },
    'c-receive-tp1': {
      text: 'E-fax lands in the shared referral inbox; logged within hours',
      evidence: [eventLog],
    },
    'c-pp-fax-queue': {
      text: 'Referrals are logged the same day — the wait is not at the fax machine',
      evidence: [eventLog, shadowing],
    },
    'c-receive-da1': { text: 'Referral placed → received: median about 2 hours', evidence: [eventLog] },
    'c-pp-returned-late': {
      text: 'Received → triaged takes about 12 days: triage waits for a surgeon signature, done in batches twice a week',
      severity: 'critical',
      evidence: [eventLog, shadowing],
    },
    'c-triage-da1': {
      text: 'Received → triaged (days), by site and weekday — the bottleneck of this journey',
      evidence: [eventLog],
    },
    'c-outreach-tp1': {
      text: 'Call from the referral line (shows as the Riverside main number)',
      evidence: [shadowing],
    },
    'c-pp-referral-booking-wait': {
      text: 'Referred patients wait about two weeks before anyone calls them; some book elsewhere meanwhile',
      severity: 'critical',
      evidence: [eventLog, patientInterviews],
    },
    'c-pp-blocked-number': {
      text: 'Shift workers miss daytime calls; three in four referred patients book by phone',
      evidence: [eventLog, patientInterviews],
    },
    'c-outreach-sy2': {
      text: 'Chase list kept in a shared spreadsheet on a personal cloud drive',
      evidence: [shadowing],
    },
    'c-outreach-da1': {
      text: 'Referral → booked: median and p90 days, by partner practice',
      evidence: [eventLog],
    },
    'c-pp-no-shift-slots': {
      text: 'No consult slots before 9 am or after 4 pm',
      evidence: [patientInterviews],
    },
    'c-previsit-reminders-tp1': {
      text: 'Reminder 7 days and 2 days before, with fasting and driver instructions for sedation',
      evidence: [eventLog],
    },
    'c-arrive-da1': {
      text: 'No-show rate of referred patients vs self-booked new patients',
      evidence: [eventLog],
    },
    'c-pp-note-never-returns': {
      text: 'Partners hear about the outcome only when the patient tells them',
      severity: 'high',
      evidence: [partnerInterviews],
    },
    'c-close-loop-da1': {
      text: 'Referred patients who reached a consult within 90 days (referral completion)',
      evidence: [eventLog],
    },
  },
  defaultEvidence: [hypothesis],
  systems: {
    'sy-referring-ehr': { name: 'Partner practice systems (not ours)', owner: 'Partner practices' },
    'sy-fax': { name: 'E-fax service (referral line)', owner: 'Practice manager' },
    'sy-referral-mgmt': { name: 'Referral inbox in the practice management system', owner: 'Referral lead' },
    'sy-spreadsheet': { name: 'Shared chase spreadsheet (personal cloud drive)', owner: 'Referral team' },
    'sy-ehr': { name: 'Practice management system (dental and medical schedule)', owner: 'Practice manager' },
    'sy-messaging': {
      name: 'Forms, reminders and surveys (patient messaging vendor)',
      owner: 'Practice manager',
    },
  },
  opportunities: {
    'o-self-schedule': {
      title: 'Text a booking link as soon as the referral is logged',
      description:
        'Let the patient pick a consult slot before triage; the surgeon reviews before the visit and reschedules only the few that need it.',
      impact: 5,
      effort: 2,
      owner: 'Referral lead',
      status: 'planned',
      confidence: 'observed',
    },
    'o-structured-referral': { owner: 'Clinical director', status: 'idea' },
    'o-closed-loop': { owner: 'Referral lead', status: 'idea', confidence: 'reported' },
    'o-retire-spreadsheet': { owner: 'Practice manager', status: 'in-progress', confidence: 'observed' },
  },
  kpis: [
    'k-referral-completion',
    {
      id: 'k-received-to-triaged',
      name: 'Referral received → triaged',
      kind: 'duration',
      description: 'Median (and p90) time from logging a referral to the surgeon triaging it.',
      from: { activities: ['referral.received'] },
      to: { activities: ['referral.triaged'] },
      direction: 'lower-is-better',
      reference: 'healthcare.md §1.5',
    },
    'k-referral-to-booked',
    'k-referral-to-visit',
    'no-show-rate',
    'csat',
  ],
  personas: { 'pe-luis': 'luis', 'pe-jen': 'jen' },
};
