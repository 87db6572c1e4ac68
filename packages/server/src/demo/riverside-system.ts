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
      description: 'Tired and thirsty for weeks; searches at night.',
      activities: ['ad.clicked', 'web.visited'],
      optional: true,
    },
    'sp-compare-options': {
      name: 'Reads reviews of the three sites',
      description: 'Compares the three Riverside sites on opening hours, distance and reviews.',
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
    'sp-home-monitoring': {
      name: 'Checks her blood glucose at home',
      description: 'Not in the event log: readings stay in the pilot app.',
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
    'c-notice-symptoms-tp2': {
      text: 'Health article on the Riverside website: "Always thirsty?"',
      evidence: [hypothesis],
    },
    'c-notice-symptoms-th1': {
      text: '"Is this just age and a busy term, or something real?"',
      evidence: [patientInterviews],
    },
    'c-op-when-to-call': {
      text: '"When to call us" box with the practice number on every health article',
      evidence: [hypothesis],
    },
    'c-notice-symptoms-bs1': {
      text: 'The agency writes the health articles; a Riverside doctor reviews them once a year',
      evidence: [staffWorkshop],
    },
    'c-notice-symptoms-da1': {
      text: 'Website visits before the first call or form, by marketing source',
      evidence: [eventLog],
    },
    'c-compare-options-tp1': {
      text: '"Our team" page listing the clinicians at each site',
      evidence: [hypothesis],
    },
    'c-compare-options-ac1': { text: 'Checks which site has appointments this week', evidence: [hypothesis] },
    'c-compare-options-th1': {
      text: '"Hillcrest is closer, but is anyone free after school?"',
      evidence: [patientInterviews],
    },
    'c-pp-no-availability': {
      text: 'The website lists clinicians "accepting new patients" with no idea of the next free slot',
      evidence: [hypothesis],
    },
    'c-op-next-slot': { text: 'Show the next free slot per site on the website', evidence: [hypothesis] },
    'c-compare-options-sy1': {
      text: 'Clinician pages on the website, updated by the agency by hand',
      evidence: [staffWorkshop],
    },
    'c-compare-options-da1': { text: 'Review views before the first enquiry, by site', evidence: [eventLog] },
    'c-first-call-tp2': {
      text: 'Call-back from the practice nurse for symptom questions',
      evidence: [shadowing],
    },
    'c-first-call-ac1': {
      text: 'Waits on hold, picks "other" in the phone menu, is put through to the call team',
      evidence: [patientInterviews],
    },
    'c-op-callback': { text: 'Offer a call-back slot instead of holding', evidence: [staffWorkshop] },
    'c-first-call-fs1': {
      text: 'Call team; practice nurse for symptom questions',
      evidence: [shadowing],
    },
    'c-first-call-bs1': {
      text: 'Call notes written in the patient record; call-backs worked between calls',
      evidence: [shadowing],
    },
    'c-first-call-sy1': { text: 'Phone queue and menu (one number for three sites)', evidence: [shadowing] },
    'c-first-call-sy2': { text: 'Call note in the patient record', evidence: [shadowing] },
    'c-book-first-tp1': {
      text: 'Call team books her with a family doctor at Hillcrest',
      evidence: [shadowing],
    },
    'c-op-held-slots': {
      text: 'Hold same-week slots for callers with new symptoms',
      evidence: [staffWorkshop],
    },
    'c-book-first-fs1': { text: 'Call team', evidence: [shadowing] },
    'c-book-first-bs1': {
      text: 'Clinician schedules set months ahead; cancelled slots released by hand',
      evidence: [staffWorkshop],
    },
    'c-book-first-sy1': { text: 'Appointment book in the practice management system', evidence: [shadowing] },
    'c-book-first-da1': { text: 'Days from booking to the first visit, by site', evidence: [eventLog] },
    'c-pre-visit-bs1': { text: 'Reminder rules set per site', evidence: [staffWorkshop] },
    'c-primary-visit-ac1': {
      text: 'Describes the tiredness and thirst; has a finger-prick glucose test in the room',
      evidence: [patientInterviews],
    },
    'c-primary-visit-fs1': { text: 'Front desk, practice nurse, family doctor', evidence: [shadowing] },
    'c-primary-visit-bs1': { text: 'Insurance cover checked the day before', evidence: [staffWorkshop] },
    'c-primary-visit-sy1': { text: 'Visit note in the patient record', evidence: [hypothesis] },
    'c-tests-tp1': { text: 'Blood test with the practice nurse', evidence: [patientInterviews] },
    'c-tests-ac1': {
      text: 'Has HbA1c, cholesterol and kidney tests; waits for a call',
      evidence: [patientInterviews],
    },
    'c-tests-th1': {
      text: '"HbA1c flagged high. What does that mean? Nobody has called."',
      evidence: [patientInterviews],
    },
    'c-referral-tp1': { text: 'Doctor explains the diagnosis and the plan', evidence: [patientInterviews] },
    'c-referral-tp2': {
      text: 'Letter with the plan and a referral to the Riverside hygienist for her gums',
      evidence: [hypothesis],
    },
    'c-referral-ac1': {
      text: 'Takes the plan home to think about the cost of the gum treatment',
      evidence: [patientInterviews],
    },
    'c-referral-th1': {
      text: '"Do I call the hygienist, or will they call me?"',
      evidence: [patientInterviews],
    },
    'c-op-referral-status': {
      text: 'Text after each visit: what was agreed, what happens next and who will call',
      evidence: [staffWorkshop],
    },
    'c-referral-bs1': {
      text: 'Referral to the hygienist waits in the front-desk task list',
      evidence: [hypothesis],
    },
    'c-referral-sy1': { text: 'Plan and internal referral in the patient record', evidence: [hypothesis] },
    'c-referral-da1': { text: 'Plans presented → accepted within 30 days', evidence: [eventLog] },
    'c-specialist-tp1': {
      text: 'Plan review with the family doctor and the hygienist',
      evidence: [hypothesis],
    },
    'c-specialist-ac1': {
      text: 'Agrees to start tablets, a diabetes course and a deep cleaning of her gums',
      evidence: [patientInterviews],
    },
    'c-specialist-th1': {
      text: '"Diabetes and gum disease? Are they connected?"',
      evidence: [patientInterviews],
    },
    'c-op-nurse-debrief': {
      text: 'Practice-nurse call within 48 hours of a new diagnosis',
      evidence: [hypothesis],
    },
    'c-specialist-fs1': { text: 'Family doctor, hygienist, treatment coordinator', evidence: [hypothesis] },
    'c-specialist-sy1': { text: 'Treatment plan and estimate', evidence: [hypothesis] },
    'c-admission-tp1': {
      text: 'Deep cleaning of her gums over two visits with the hygienist',
      evidence: [hypothesis],
    },
    'c-admission-ac1': { text: 'Takes two late-afternoon slots at Hillcrest', evidence: [hypothesis] },
    'c-pp-bedside-only': {
      text: 'She has to tell the hygienist about her diabetes herself: dental and medical notes sit on separate screens',
      evidence: [staffWorkshop],
    },
    'c-op-family-update': {
      text: 'One problem list that dental and medical clinicians both see',
      evidence: [staffWorkshop],
    },
    'c-admission-fs1': { text: 'Hygienist, dental nurse', evidence: [hypothesis] },
    'c-admission-bs1': { text: 'Medication list checked before treatment', evidence: [hypothesis] },
    'c-admission-sy1': { text: 'Dental chart in the practice management system', evidence: [hypothesis] },
    'c-discharge-tp1': {
      text: 'Receipt and home-care sheet at the front desk',
      evidence: [hypothesis],
    },
    'c-discharge-tp2': { text: 'Pharmacy call about her new tablets', evidence: [hypothesis] },
    'c-discharge-ac1': {
      text: 'Goes home with a prescription, a glucose diary and a bill',
      evidence: [hypothesis],
    },
    'c-discharge-th1': {
      text: '"When do I take the tablets, and with what?"',
      evidence: [patientInterviews],
    },
    'c-discharge-fs1': { text: 'Front desk, practice nurse', evidence: [hypothesis] },
    'c-discharge-bs1': { text: 'Visit summary posted to the portal', evidence: [hypothesis] },
    'c-discharge-sy1': { text: 'Payment and visit summary', evidence: [hypothesis] },
    'c-discharge-da1': {
      text: 'Plan accepted → treatment completed (days); payments collected',
      evidence: [eventLog],
    },
    'c-rehab-enrol-tp1': {
      text: 'Practice nurse calls to go through the home-care plan',
      evidence: [hypothesis],
    },
    'c-rehab-enrol-tp2': { text: 'Leaflet for the diabetes education course', evidence: [hypothesis] },
    'c-rehab-enrol-ac1': {
      text: 'Signs up for the course and the glucose-app pilot',
      evidence: [hypothesis],
    },
    'c-rehab-enrol-th1': { text: '"Another app and another password?"', evidence: [patientInterviews] },
    'c-pp-rehab-drop': {
      text: 'The home-care plan is on paper only; nothing reminds her of it later',
      evidence: [hypothesis],
    },
    'c-op-home-rehab': {
      text: 'Home-care plan in the portal and by text, with check-in reminders',
      evidence: [hypothesis],
    },
    'c-rehab-enrol-fs1': { text: 'Practice nurse', evidence: [hypothesis] },
    'c-rehab-enrol-bs1': {
      text: 'Course places booked by the practice nurse by e-mail',
      evidence: [hypothesis],
    },
    'c-rehab-enrol-sy1': { text: 'Glucose-app pilot (free tier, no BAA)', evidence: [staffWorkshop] },
    'c-rehab-sessions-tp1': { text: 'Secure message in the portal', channel: 'portal', evidence: [eventLog] },
    'c-rehab-sessions-ac1': {
      text: 'Asks whether her morning readings are too high',
      evidence: [patientInterviews],
    },
    'c-rehab-sessions-em1': { text: 'Reassured when a nurse replies', evidence: [patientInterviews] },
    'c-pp-session-times': {
      text: 'Messages are answered between patients; some replies come the next day',
      evidence: [eventLog],
    },
    'c-rehab-sessions-fs1': { text: 'Practice nurse, family doctor', evidence: [shadowing] },
    'c-rehab-sessions-sy1': {
      text: 'Glucose readings she screenshots from the pilot app',
      evidence: [patientInterviews],
    },
    'c-rehab-sessions-da1': { text: 'Portal messages and median reply time', evidence: [eventLog] },
    'c-home-monitoring-tp1': { text: 'Glucose meter synced to the pilot app', evidence: [hypothesis] },
    'c-home-monitoring-ac1': {
      text: 'Checks her glucose every morning before work',
      evidence: [hypothesis],
    },
    'c-pp-readings-unseen': {
      text: 'Readings arrive, but no one looks at them between visits',
      evidence: [hypothesis],
    },
    'c-op-weight-alert': {
      text: 'Nurse alert when readings stay high for three days, with a call the same day',
      evidence: [hypothesis],
    },
    'c-home-monitoring-bs1': {
      text: 'Nobody is assigned to review the readings yet',
      evidence: [staffWorkshop],
    },
    'c-home-monitoring-sy1': {
      text: 'Readings in the pilot app (no alert rules set)',
      evidence: [hypothesis],
    },
    'c-followup-tp1': { text: 'Nurse check-in call a week after the plan', evidence: [hypothesis] },
    'c-followup-ac1': { text: 'Brings her glucose diary and her tablets', evidence: [hypothesis] },
    'c-op-book-before-discharge': {
      text: 'Book the follow-up visit before the patient leaves the practice',
      evidence: [staffWorkshop],
    },
    'c-followup-fs1': { text: 'Practice nurse, family doctor', evidence: [hypothesis] },
    'c-followup-bs1': {
      text: 'Missed follow-ups listed weekly by the front desk, rarely called',
      evidence: [staffWorkshop],
    },
    'c-followup-sy1': { text: 'Recall and outreach list', evidence: [staffWorkshop] },
    'c-followup-da1': {
      text: 'Follow-ups booked vs completed; days from plan to follow-up visit',
      evidence: [eventLog],
    },
    'c-portal-ac1': {
      text: 'Her daughter gets proxy access and messages the care team',
      evidence: [patientInterviews],
    },
    'c-feedback-ac1': {
      text: "Rates the nurse's calls 10, the wait for results 5",
      evidence: [survey],
    },
    'c-feedback-fs1': { text: 'Practice manager reads the comments each month', evidence: [staffWorkshop] },
    'c-notice-symptoms-tp1': {
      text: 'Search ad or Facebook post for Riverside (half of all new patients arrive this way)',
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
  dropCards: [
    // A video exercise class has no counterpart on a step about portal messages.
    'c-rehab-sessions-tp2',
    // Course enrolment is not in the demo log, so the map cannot show an enrolment rate.
    'c-rehab-enrol-da1',
  ],
  keptAsIs: [
    'c-notice-symptoms-ac1',
    'c-notice-symptoms-em1',
    'c-pp-symptom-pages',
    'c-first-call-th1',
    'c-first-call-em1',
    'c-book-first-tp2',
    'c-book-first-ac1',
    'c-book-first-th1',
    'c-pre-visit-tp2',
    'c-pre-visit-ac1',
    'c-op-magic-link',
    'c-pre-visit-sy1',
    'c-pre-visit-da1',
    'c-primary-visit-tp1',
    'c-primary-visit-th1',
    'c-primary-visit-em1',
    'c-tests-tp2',
    'c-tests-em1',
    'c-op-result-notes',
    'c-tests-fs1',
    'c-tests-bs1',
    'c-tests-sy1',
    'c-tests-sy2',
    'c-specialist-em1',
    'c-pp-diagnosis-overload',
    'c-discharge-em1',
    'c-pp-discharge-confusion',
    'c-op-teach-back',
    'c-home-monitoring-th1',
    'c-followup-sy2',
    'c-portal-tp1',
    'c-portal-tp2',
    'c-pp-proxy-paper',
    'c-op-proxy-online',
    'c-portal-bs1',
    'c-portal-sy1',
    'c-feedback-tp2',
    'c-feedback-sy1',
  ],
  defaultEvidence: [hypothesis],
  emotions: {
    'sp-specialist': { 'pe-denise': { note: 'Overwhelmed by two diagnoses in one week' } },
    'sp-admission': { 'pe-denise': { score: 1, note: 'Relieved the cleaning is gentler than she feared' } },
    'sp-discharge': { 'pe-denise': { note: 'Glad it is done, unsure about the tablets' } },
    'sp-rehab-enrol': { 'pe-denise': { note: 'Willing, but wary of another app' } },
    'sp-rehab-sessions': { 'pe-denise': { note: 'More confident about the numbers' } },
    'sp-portal': { 'pe-denise': { note: 'Lets her daughter handle it' } },
    'sp-feedback': { 'pe-denise': { note: 'Wants to thank the practice nurse' } },
  },
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
      description:
        'Callers choose a call-back within 2 hours instead of holding; the call team works the queue between calls.',
      owner: 'Front-desk lead',
      status: 'in-progress',
      confidence: 'observed',
    },
    'o-referral-status': {
      title: 'Text patients what happens next after every visit',
      description:
        'A text after each visit saying what was agreed, what happens next and who will call, including internal referrals to the hygienist.',
      owner: 'Practice manager',
    },
    'o-discharge-bundle': {
      title: 'Plan summary with prices and a named contact after each visit',
      description:
        'Teach-back on new medicines, the follow-up booked before leaving, and a nurse call within two working days.',
      owner: 'Clinical director',
      confidence: 'reported',
    },
    'o-auto-rehab': {
      title: 'Home-care plan and glucose app with a signed BAA',
      description:
        'Sign a BAA with the glucose-app vendor before widening the pilot, and send the home-care plan by text as well as on paper.',
      owner: 'Dr Moreno',
    },
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
