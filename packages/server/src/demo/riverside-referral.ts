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
    'st-pre-visit': { goal: 'Arrive prepared: history, scans and sedation plan sorted.' },
    'st-first-visit': { name: 'First surgical consult' },
    'st-results-plan': {
      name: 'Surgery and aftercare',
      goal: 'Have the tooth out, know how to heal, and have my dentist know too.',
    },
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
    'c-decide-refer-tp1': {
      text: 'Check-up at his family dentist (a partner practice)',
      evidence: [partnerInterviews],
    },
    'c-decide-refer-ac1': {
      text: 'Hears "that wisdom tooth has to come out; we\'ll send you to the oral surgeon at Riverside"',
      evidence: [patientInterviews],
    },
    'c-decide-refer-th1': { text: '"Surgery? Will they put me to sleep?"', evidence: [patientInterviews] },
    'c-decide-refer-em1': {
      text: 'Anxious about surgery; does not ask how long it will all take',
      evidence: [hypothesis],
    },
    'c-decide-refer-fs1': { text: 'Family dentist at the partner practice', evidence: [partnerInterviews] },
    'c-decide-refer-sy1': { text: "Partner practice's own patient records", evidence: [partnerInterviews] },
    'c-op-referral-checklist': {
      text: 'Referral form with required fields: reason, X-rays attached, urgency, medical history',
      evidence: [staffWorkshop],
    },
    'c-place-referral-fs1': {
      text: "Partner practice's front desk faxes the referral",
      evidence: [partnerInterviews],
    },
    'c-place-referral-sy1': {
      text: 'Referral letter in the partner practice records',
      evidence: [partnerInterviews],
    },
    'c-place-referral-da1': { text: 'Referrals placed per week, by site', evidence: [eventLog] },
    'c-receive-bs1': {
      text: 'Referral team logs each fax and asks the partner for missing X-rays',
      evidence: [shadowing],
    },
    'c-op-direct-order': {
      text: 'A daily 15-minute triage slot for the surgeon on duty instead of two weekly batches',
      evidence: [staffWorkshop],
    },
    'c-triage-fs1': {
      text: 'Oral surgeon signs off triage on Tuesdays and Thursdays',
      evidence: [shadowing],
    },
    'c-triage-bs1': {
      text: 'Urgency assigned: urgent (pain, swelling, infection: seen this week) or routine',
      evidence: [staffWorkshop],
    },
    'c-op-self-schedule-link': {
      text: 'Text a booking link as soon as the referral is logged',
      evidence: [staffWorkshop],
    },
    'c-book-specialist-tp1': { text: 'Booked on the phone with the referral team', evidence: [eventLog] },
    'c-book-specialist-ac1': {
      text: 'Takes the first slot that fits his rota, about nine days away; joins the cancellation list',
      evidence: [eventLog, patientInterviews],
    },
    'c-book-specialist-sy1': {
      text: 'Oral-surgery schedule in the practice management system',
      evidence: [shadowing],
    },
    'c-book-specialist-da1': { text: 'Days from booking to the consult, by site', evidence: [eventLog] },
    'c-pp-duplicate-history': {
      text: 'Asked again for the medical history his dentist already sent',
      evidence: [patientInterviews],
    },
    'c-previsit-prep-bs1': {
      text: 'Insurance cover checked; estimate for the extraction and sedation prepared',
      evidence: [staffWorkshop],
    },
    'c-pre-tests-tp1': {
      text: '3D scan (CBCT) in the imaging room at the Riverside site',
      evidence: [hypothesis],
    },
    'c-pp-lab-hours': {
      text: 'The scan is a separate trip unless it is booked on the consult day',
      evidence: [hypothesis],
    },
    'c-pre-tests-sy1': { text: 'Imaging request and scan', evidence: [hypothesis] },
    'c-pp-reschedule-back-of-queue': {
      text: "Rescheduling puts him at the end of the surgeon's list, one to two weeks later",
      evidence: [eventLog, patientInterviews],
    },
    'c-previsit-reminders-da1': {
      text: 'Reschedules and cancellations per booked consult',
      evidence: [eventLog],
    },
    'c-arrive-tp1': { text: 'Oral-surgery suite at the Riverside site', evidence: [shadowing] },
    'c-pp-wayfinding': {
      text: 'The surgery suite has its own entrance; first-timers queue at dental reception and are sent back outside',
      evidence: [shadowing],
    },
    'c-arrive-fs1': { text: 'Oral-surgery reception', evidence: [shadowing] },
    'c-consult-ac1': {
      text: 'Agrees to have the tooth out under sedation; gets fasting and driver instructions',
      evidence: [patientInterviews],
    },
    'c-consult-th1': { text: '"She already had my X-rays. Good."', evidence: [patientInterviews] },
    'c-consult-fs1': { text: 'Oral surgeon, dental nurse', evidence: [staffWorkshop] },
    'c-procedure-tp1': { text: 'Surgery suite: extraction under IV sedation', evidence: [staffWorkshop] },
    'c-procedure-tp2': {
      text: 'Sedation letter: nothing to eat for 6 hours, bring an adult to drive you home',
      evidence: [staffWorkshop],
    },
    'c-procedure-ac1': {
      text: 'Takes two shifts off for the surgery and recovery; needs a driver',
      evidence: [patientInterviews],
    },
    'c-pp-prep-confusing': {
      text: 'Sedation instructions unclear; some arrive having eaten or without a driver and are rebooked',
      evidence: [staffWorkshop],
    },
    'c-op-prep-texts': {
      text: 'Text the day before: fasting time, driver reminder and the nurse line',
      evidence: [hypothesis],
    },
    'c-procedure-fs1': {
      text: 'Oral surgeon, dental nurses, sedation-trained nurse',
      evidence: [staffWorkshop],
    },
    'c-results-ac1': { text: 'Reads "dentigerous cyst, benign" in the portal', evidence: [hypothesis] },
    'c-results-th1': { text: '"A cyst? Is that serious?"', evidence: [hypothesis] },
    'c-close-loop-tp1': { text: 'Treatment letter to the referring dentist', evidence: [partnerInterviews] },
    'c-op-direct-note': {
      text: 'Send the treatment letter electronically and mark the referral closed for both sides',
      evidence: [partnerInterviews],
    },
    'c-close-loop-fs1': {
      text: 'Family dentist checks the healing at the next check-up',
      evidence: [partnerInterviews],
    },
    'c-close-loop-bs1': {
      text: 'Treatment letters typed when the surgeon has time, often weeks later',
      evidence: [staffWorkshop],
    },
    'c-close-loop-sy2': { text: "Partner practice's inbox", evidence: [partnerInterviews] },
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
      text: 'Neither Luis nor his dentist hears that the referral arrived',
      severity: 'medium',
      evidence: [patientInterviews, partnerInterviews],
    },
    'c-receive-da1': { text: 'Referral placed → received: median about 2 hours', evidence: [eventLog] },
    'c-pp-returned-late': {
      text: 'Received → triaged takes about 12 days: triage waits for a surgeon signature, done in batches twice a week',
      severity: 'critical',
      evidence: [eventLog, shadowing],
    },
    'c-triage-da1': {
      text: 'Received → triaged (days), by site — the bottleneck of this journey',
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
      text: 'Referral → booked: median and p90 days, by site',
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
      text: 'Luis has to tell his own dentist what was done; the treatment letter comes weeks later, if at all',
      severity: 'high',
      evidence: [partnerInterviews, patientInterviews],
    },
    'c-close-loop-da1': {
      text: 'Referred patients who reached a consult within 90 days (referral completion)',
      evidence: [eventLog],
    },
  },
  dropCards: [
    // Pre-authorisation by the referrer is a US payer step, not part of a partner dental referral.
    'c-place-referral-bs1',
  ],
  keptAsIs: [
    'c-place-referral-tp2',
    'c-place-referral-ac1',
    'c-place-referral-sy2',
    'c-receive-th1',
    'c-op-eref-only',
    'c-receive-sy1',
    'c-receive-sy2',
    'c-triage-ac1',
    'c-triage-sy1',
    'c-outreach-tp2',
    'c-outreach-ac1',
    'c-outreach-th1',
    'c-outreach-em1',
    'c-outreach-fs1',
    'c-outreach-bs1',
    'c-outreach-sy1',
    'c-book-specialist-tp2',
    'c-op-waitlist-offers',
    'c-book-specialist-fs1',
    'c-previsit-prep-tp1',
    'c-previsit-prep-tp2',
    'c-previsit-prep-ac1',
    'c-previsit-prep-sy1',
    'c-previsit-prep-sy2',
    'c-previsit-reminders-ac1',
    'c-op-protected-reschedule',
    'c-previsit-reminders-sy1',
    'c-arrive-ac1',
    'c-arrive-sy1',
    'c-consult-tp1',
    'c-consult-em1',
    'c-consult-sy1',
    'c-procedure-sy1',
    'c-results-tp1',
    'c-results-tp2',
    'c-pp-result-before-call',
    'c-results-sy1',
    'c-close-loop-sy1',
  ],
  defaultEvidence: [hypothesis],
  emotions: {
    'sp-decide-refer': { 'pe-luis': { note: 'Worried about the surgery and the time off' } },
    'sp-receive': { 'pe-jen': { note: 'About thirty new referrals a day' } },
    'sp-arrive': { 'pe-luis': { note: 'Nervous; late after looking for the entrance' } },
    'sp-procedure': { 'pe-luis': { note: 'The fasting and the waiting are the worst part' } },
    'sp-results': { 'pe-luis': { note: 'Relieved once the nurse explains it is harmless' } },
  },
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
    'sy-portal': { owner: 'Practice manager' },
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
    'o-structured-referral': {
      title: 'One referral form with required fields',
      description:
        'Reason, urgency, medical history and X-rays required on the partner form, so the surgeon can triage at first read.',
      owner: 'Clinical director',
      status: 'idea',
    },
    'o-closed-loop': {
      description:
        'The referring practice sees received / triaged / booked / seen, and gets the treatment letter electronically.',
      owner: 'Referral lead',
      status: 'idea',
      confidence: 'reported',
    },
    'o-retire-spreadsheet': { owner: 'Practice manager', status: 'in-progress', confidence: 'observed' },
  },
  kpis: [
    {
      id: 'k-referral-completion',
      kind: 'conversion',
      name: 'Referral completion (90 days)',
      description: 'Referrals with a completed surgical consult within 90 days ÷ referrals placed.',
      from: { stepId: 'sp-place-referral' },
      to: { stepId: 'sp-consult' },
      windowDays: 90,
    },
    {
      id: 'k-received-to-triaged',
      name: 'Referral received → triaged',
      kind: 'duration',
      description: 'Median (and p90) time from logging a referral to the surgeon triaging it.',
      from: { activities: ['referral.received'] },
      to: { activities: ['referral.triaged'] },
      direction: 'lower-is-better',
    },
    'k-referral-to-booked',
    {
      id: 'k-referral-to-visit',
      kind: 'duration',
      name: 'Referral placed to first surgical consult',
      from: { activities: ['referral.placed'] },
      to: { activities: ['appointment.arrived'] },
      direction: 'lower-is-better',
    },
    'no-show-rate',
    'csat',
  ],
  personas: { 'pe-luis': 'luis', 'pe-jen': 'jen' },
};
