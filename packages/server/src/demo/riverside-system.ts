import type { DemoJourneySpec } from './customise-template';
import { RESEARCH } from './riverside-evidence';

const { eventLog, shadowing, patientInterviews, staffWorkshop, survey, reviews, hypothesis } = RESEARCH;

/** The whole-practice view: six stages from first symptom to ongoing care, medical side. */
export const RIVERSIDE_SYSTEM: DemoJourneySpec = {
  templateId: 'health-system-six-stage',
  name: 'Riverside patient journey: six stages, symptom to ongoing care',
  description:
    'The practice-wide map the leadership team reviews each quarter: awareness, first contact, care, treatment, change at home and ongoing care across the three Riverside sites. Built from the six-stage template; the medical stages are still partly hypotheses (see the evidence badges). Riverside is fictional.',
  question: 'Where do patients fall through the gaps between front desk, clinicians and follow-up?',
  serviceLine: 'Family medicine and dentistry, all sites',
  status: 'draft',
  reviewedDaysAgo: 130,
  tags: ['practice-wide', 'leadership', 'demo'],
  stages: {
    'st-treatment': { name: 'Treatment', goal: 'Agree a plan I can afford and get it done' },
    'st-change': { name: 'Care at home', goal: 'Keep up with the plan between visits' },
  },
  steps: {
    'sp-notice-symptoms': {
      name: 'Searches symptoms and lands on riversidefamily.example',
      activities: ['ad.clicked', 'web.visited'],
      optional: true,
    },
    'sp-compare-options': {
      name: 'Reads reviews of the three sites',
      activities: ['review.viewed'],
      optional: true,
    },
    'sp-first-call': {
      name: 'Calls or sends the online form',
      activities: ['call.received', 'lead.created', 'call.abandoned'],
    },
    'sp-book-first': { name: 'Gets a first appointment', activities: ['appointment.booked'] },
    'sp-pre-visit': {
      name: 'Forms, portal invitation and reminders',
      activities: ['intake.sent', 'intake.completed', 'reminder.sent', 'reminder.confirmed'],
      optional: true,
    },
    'sp-primary-visit': {
      name: 'First visit with a Riverside clinician',
      activities: ['appointment.arrived', 'visit.completed'],
    },
    'sp-tests': {
      name: 'Labs and results',
      activities: ['order.placed', 'result.released', 'result.viewed'],
      optional: true,
    },
    'sp-referral': {
      name: 'Diagnosis and plan explained',
      activities: ['diagnosis.recorded', 'treatment_plan.presented'],
    },
    'sp-specialist': { name: 'Agrees a treatment plan', activities: ['treatment_plan.accepted'] },
    'sp-admission': {
      name: 'Procedures at Riverside',
      activities: ['treatment.started', 'procedure.completed'],
      optional: true,
    },
    'sp-discharge': {
      name: 'Treatment completed and paid',
      activities: ['payment.collected', 'treatment.completed'],
    },
    'sp-rehab-enrol': { name: 'Gets a written home-care plan' },
    'sp-rehab-sessions': {
      name: 'Asks the care team questions in the portal',
      activities: ['message.received', 'message.replied'],
      optional: true,
    },
    'sp-followup': { name: 'Follow-up visit', activities: ['followup.booked', 'followup.completed'] },
    'sp-portal': {
      name: 'Uses the portal between visits',
      description:
        'Not measured on this step: patients activate the portal right after booking (see the Portal activation KPI), and results and messages are on the steps where they happen.',
    },
    'sp-feedback': { name: 'Gives feedback', activities: ['survey.completed'], optional: true },
  },
  cards: {
    'c-notice-symptoms-tp1': {
      text: 'Search ads and Facebook posts bring half of all new patients (google-ads and facebook sources)',
      evidence: [eventLog],
    },
    'c-notice-symptoms-sy1': {
      text: 'Website with the ad agency’s tag manager and pixels on the booking page',
      evidence: [staffWorkshop],
    },
    'c-first-call-tp1': {
      text: 'One phone number for all three sites; the call team answers for all',
      evidence: [shadowing],
    },
    'c-pp-hold-time': {
      text: 'About one caller in seven gives up before being answered and has to call again hours later',
      severity: 'high',
      evidence: [eventLog],
    },
    'c-first-call-da1': { text: 'Abandoned calls; enquiry → booked within 30 days', evidence: [eventLog] },
    'c-pp-wait-pcp': {
      text: 'First appointment is about 9 days after booking; no same-week slots are held back',
      evidence: [eventLog],
    },
    'c-pre-visit-tp1': {
      text: 'Reminder text 2 days before ("reply C to confirm"); e-mail 7 days before for longer waits',
      evidence: [eventLog],
    },
    'c-pp-portal-wall': {
      text: 'Intake forms need a portal login; phone bookers activate the portal half as often as online bookers',
      severity: 'medium',
      evidence: [eventLog, patientInterviews],
    },
    'c-primary-visit-da1': {
      text: 'No-show rate; median days from first contact to first visit',
      evidence: [eventLog],
    },
    'c-pp-repeat-history': {
      text: 'Medical history asked again at the visit although the intake form has it',
      evidence: [patientInterviews, survey],
    },
    'c-pp-raw-results': {
      text: 'Lab results appear in the portal about two days after the draw, before a clinician has commented',
      severity: 'high',
      evidence: [eventLog, patientInterviews],
    },
    'c-tests-da1': {
      text: 'Result released → viewed by the patient (portal users only)',
      evidence: [eventLog],
    },
    'c-pp-referral-silence': {
      text: 'Plans are explained at the end of a rushed visit; a third of patients leave undecided',
      evidence: [eventLog, survey],
    },
    'c-followup-tp2': {
      text: 'Follow-up visit booked by phone, web or portal; text reminder the day before',
      evidence: [eventLog],
    },
    'c-pp-followup-late': {
      text: 'About one booked follow-up in seven never happens, and nobody rebooks it',
      severity: 'high',
      evidence: [eventLog],
    },
    'c-portal-da1': {
      text: 'Portal activation among invited patients; reply time to portal messages',
      evidence: [eventLog],
    },
    'c-feedback-tp1': {
      text: 'Survey by text or e-mail after the last visit (NPS and CSAT)',
      evidence: [eventLog],
    },
    'c-feedback-da1': {
      text: 'NPS by marketing source: referred patients score lowest',
      evidence: [eventLog, survey],
    },
    'c-compare-options-tp2': {
      text: 'Google reviews of the three sites (4.4 to 4.7 stars)',
      evidence: [reviews],
    },
  },
  defaultEvidence: [hypothesis],
  systems: {
    'sy-website': { name: 'Website and tag manager (agency)', owner: 'Brightside Marketing (agency)' },
    'sy-contact-centre': { name: 'Phone system and call team queue', owner: 'Front-desk lead' },
    'sy-ehr': { name: 'Practice management system and EHR', owner: 'Practice manager' },
    'sy-messaging': {
      name: 'Forms, reminders and surveys (patient messaging vendor)',
      owner: 'Practice manager',
    },
    'sy-portal': { name: 'Patient portal', owner: 'Practice manager' },
    'sy-crm': { name: 'Recall and outreach lists', owner: 'Front-desk lead' },
    'sy-rehab-app': { name: 'Home blood-glucose app (pilot, free tier)', owner: 'Dr Moreno (pilot)' },
    'sy-survey': { name: 'Survey dashboards', owner: 'Practice manager' },
  },
  opportunities: {
    'o-nurse-callback': {
      title: 'Call-back instead of hold for the shared phone line',
      owner: 'Front-desk lead',
      status: 'in-progress',
      confidence: 'observed',
    },
    'o-referral-status': {
      title: 'Text patients what happens next after every visit',
      owner: 'Practice manager',
    },
    'o-discharge-bundle': {
      title: 'Plan summary with prices and a named contact after each visit',
      owner: 'Clinical director',
      confidence: 'reported',
    },
    'o-auto-rehab': { title: 'Home-care plan and glucose app with a signed BAA', owner: 'Dr Moreno' },
    'o-pixels': { owner: 'Practice manager', status: 'planned', confidence: 'observed' },
  },
  kpis: [
    'k-time-to-first-visit',
    'no-show-rate',
    'booking-conversion',
    'k-portal-activation',
    'follow-up-completion',
    {
      id: 'k-plan-acceptance',
      name: 'Plan acceptance',
      kind: 'conversion',
      from: { stepId: 'sp-referral' },
      to: { stepId: 'sp-specialist' },
      windowDays: 30,
    },
    'nps',
  ],
  personas: { 'pe-denise': 'denise' },
};
