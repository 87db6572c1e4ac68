import { idea, noShowRate, nps, on, pain, portalActivation, sys, template } from './build';

/**
 * A health system's end-to-end journey in six stages, told through a patient with new
 * breathlessness who ends up with a heart-failure diagnosis, cardiac rehab and long-term follow-up.
 */
export const healthSystemSixStage = template({
  id: 'health-system-six-stage',
  name: 'Health system: six-stage patient journey',
  summary:
    'Awareness, help, care, treatment, behavioural change and ongoing care across primary care, cardiology, hospital and rehab, with the hand-offs between them.',
  category: 'health-system',
  description:
    'An adult notices breathlessness, reaches the system for the first time, is seen in primary care, referred to cardiology, admitted for treatment, enrolled in cardiac rehab and followed up long term. Use it to see where patients drop between departments.',
  question:
    'Where do patients fall through the gaps between departments, and what brings them back to the ED?',
  serviceLine: 'Cardiology and primary care',
  tags: ['health-system', 'cardiology', 'transitions-of-care'],
  personas: [
    {
      id: 'pe-denise',
      name: 'Denise, 61, newly breathless',
      kind: 'patient',
      summary:
        'Retired school administrator with high blood pressure. Lives alone, drives, uses a smartphone for texts and photos but rarely logs in to anything.',
      goals: ['Find out what is wrong without a fuss', 'Stay independent at home'],
      needs: ['One person who tells her what happens next', 'Instructions she can read again at home'],
      barriers: ['Phone menus and hold times', 'Medical jargon in letters and results', 'Forgets passwords'],
      channels: ['phone', 'sms', 'in-person', 'mail'],
      quote: '"I don\'t want to bother anyone, but nobody called me back."',
      color: '#2563eb',
    },
    {
      id: 'pe-marcus',
      name: 'Marcus, 34, son and caregiver',
      kind: 'caregiver',
      summary:
        'Works full time an hour away. Helps his mother with appointments and medications, mostly by phone and on his own laptop.',
      goals: ['Know that his mother is safe', 'Coordinate care without taking days off'],
      needs: ['Proxy access to the portal', 'A named contact after discharge'],
      barriers: ['No proxy access set up', 'Information given only at the bedside'],
      channels: ['portal', 'email', 'phone', 'sms'],
      quote: '"I find out about appointments after they\'ve happened."',
      color: '#db2777',
    },
  ],
  stages: [
    {
      id: 'st-awareness',
      name: 'Awareness',
      goal: 'Understand whether my symptoms need attention and where I should go.',
      steps: [
        {
          id: 'sp-notice-symptoms',
          name: 'Notices symptoms and searches',
          description: 'Breathless on the stairs and swollen ankles for a few weeks; searches at night.',
          activities: ['web.visited'],
          cards: {
            touchpoints: [
              on('search', 'Search results for "short of breath swollen ankles"'),
              on('web', 'Health library article on the health system website'),
            ],
            actions: ['Reads two symptom articles, puts off calling for another week'],
            thoughts: ['"Is this just age and weight, or my heart?"'],
            emotions: ['Worried but minimising it'],
            'pain-points': [
              pain(
                'c-pp-symptom-pages',
                'medium',
                'Symptom pages explain conditions but never say when to call, and give no number',
              ),
            ],
            opportunities: [
              idea(
                'c-op-when-to-call',
                '"When to call us" box with the nurse-line number on every symptom page',
                ['c-pp-symptom-pages'],
              ),
            ],
            backstage: ['Marketing team maintains the health library; clinical review once a year'],
            systems: [sys('sy-website', 'Website CMS with tag manager and ad pixels')],
            data: ['Page views and exits from symptom pages (aggregated only)'],
          },
          feel: {
            'pe-denise': [-1, 'Uneasy, hopes it passes'],
            'pe-marcus': [-1, 'Notices she is out of breath on the phone'],
          },
        },
        {
          id: 'sp-compare-options',
          name: 'Compares where to go',
          optional: true,
          description: 'Primary care, urgent care or the ED: weighs cost, wait and convenience.',
          activities: ['provider_profile.viewed', 'review.viewed'],
          cards: {
            touchpoints: [on('web', 'Find-a-doctor directory'), on('search', 'Google Business reviews')],
            actions: ['Checks whether her own doctor has appointments this week'],
            thoughts: ['"Will urgent care just send me to the ED anyway?"'],
            'pain-points': [
              pain(
                'c-pp-no-availability',
                'medium',
                'Directory lists doctors "accepting new patients" with no idea of the next free slot',
              ),
            ],
            opportunities: [
              idea('c-op-next-slot', 'Show next available slot per clinic in the directory', [
                'c-pp-no-availability',
              ]),
            ],
            systems: [sys('sy-website', 'Provider directory fed nightly from credentialing data')],
            data: ['Directory searches with no result clicked'],
          },
          feel: { 'pe-denise': [-1, 'Confused by the options'] },
        },
      ],
    },
    {
      id: 'st-help',
      name: 'Help (first contact)',
      goal: 'Reach a person who tells me what to do next, today.',
      steps: [
        {
          id: 'sp-first-call',
          name: 'Calls the contact centre or nurse line',
          activities: ['call.received', 'call.abandoned', 'chat.started', 'callback.completed'],
          cards: {
            touchpoints: [
              on('phone', 'Central scheduling line with IVR menu'),
              on('phone', 'Nurse advice line'),
            ],
            actions: ['Waits on hold, chooses "other", is transferred to the nurse line'],
            thoughts: ['"Which option is mine?"'],
            emotions: ['Frustrated after 14 minutes on hold'],
            'pain-points': [
              pain(
                'c-pp-hold-time',
                'high',
                'Long hold times and a transfer; some callers give up before triage',
              ),
            ],
            opportunities: [
              idea('c-op-callback', 'Offer a guaranteed nurse call-back slot instead of holding', [
                'c-pp-hold-time',
              ]),
            ],
            frontstage: ['Scheduling agent; triage nurse using symptom protocols'],
            backstage: ['Triage note written in the EHR; callback queue worked by the nurse pool'],
            systems: [
              sys('sy-contact-centre', 'Contact-centre telephony (queues, IVR, call recording)'),
              sys('sy-ehr', 'Telephone encounter in the EHR'),
            ],
            data: ['Average speed of answer; abandonment rate; transfers per call'],
          },
          feel: {
            'pe-denise': [-2, 'Gives up once, tries again the next morning'],
            'pe-marcus': [-1, 'Tells her to keep trying'],
          },
        },
        {
          id: 'sp-book-first',
          name: 'Gets a first appointment',
          activities: ['appointment.booked', 'waitlist.added'],
          cards: {
            touchpoints: [
              on('phone', 'Agent books with her primary-care team'),
              on('sms', 'Booking confirmation text'),
            ],
            actions: ['Accepts the first slot offered, 9 days away'],
            thoughts: ['"Nine days — is that safe?"'],
            'pain-points': [
              pain(
                'c-pp-wait-pcp',
                'medium',
                'Next routine slot is 9 days out; no same-week capacity held back',
              ),
            ],
            opportunities: [
              idea('c-op-held-slots', 'Hold same-week slots for nurse-triaged patients', ['c-pp-wait-pcp']),
            ],
            frontstage: ['Scheduling agent'],
            backstage: ['Templates built per provider; cancellations released by hand'],
            systems: [sys('sy-ehr', 'EHR scheduling module')],
            data: ['Third next available appointment by clinic (weekly snapshot)'],
          },
          feel: { 'pe-denise': [0, 'Relieved to have a date'] },
        },
        {
          id: 'sp-pre-visit',
          name: 'Receives reminders and pre-visit forms',
          optional: true,
          activities: ['reminder.sent', 'reminder.confirmed', 'intake.sent', 'intake.completed'],
          cards: {
            touchpoints: [
              on('sms', 'Reminder text 3 days and 1 day before'),
              on('email', 'Pre-visit questionnaire link'),
            ],
            actions: ['Confirms by replying C; cannot open the questionnaire without a portal account'],
            'pain-points': [
              pain('c-pp-portal-wall', 'medium', 'Questionnaire needs a portal login she has never set up'),
            ],
            opportunities: [
              idea(
                'c-op-magic-link',
                'Send a one-time secure link for the questionnaire, no account needed',
                ['c-pp-portal-wall'],
              ),
            ],
            backstage: ['Reminder rules configured per department'],
            systems: [sys('sy-messaging', 'SMS and email reminder vendor')],
            data: ['Reminder confirmation rate; questionnaires completed before arrival'],
          },
          feel: { 'pe-denise': [0, 'Fine with texts, annoyed by the login'] },
        },
      ],
    },
    {
      id: 'st-care',
      name: 'Care',
      goal: 'Be listened to, get tests, and leave with a clear plan.',
      steps: [
        {
          id: 'sp-primary-visit',
          name: 'Primary-care visit',
          activities: ['appointment.arrived', 'appointment.noshow', 'visit.completed'],
          cards: {
            touchpoints: [on('in-person', 'Front desk check-in and exam room')],
            actions: ['Describes symptoms, has an ECG in the room'],
            thoughts: ['"The doctor looks concerned."'],
            emotions: ['Reassured to be taken seriously'],
            'pain-points': [
              pain(
                'c-pp-repeat-history',
                'low',
                'Repeats the same history to the MA, the nurse and the doctor',
              ),
            ],
            frontstage: ['Front desk, medical assistant, primary-care physician'],
            backstage: ['Insurance eligibility checked the day before'],
            systems: [sys('sy-ehr', 'EHR encounter, ECG result filed')],
            data: ['No-show rate; cycle time from check-in to check-out'],
          },
          feel: { 'pe-denise': [1, 'Finally being looked after'] },
        },
        {
          id: 'sp-tests',
          name: 'Tests and results',
          activities: ['order.placed', 'result.released', 'result.viewed'],
          cards: {
            touchpoints: [on('in-person', 'Lab draw'), on('portal', 'Result released to the portal')],
            actions: ['Has BNP and kidney tests; waits for a call'],
            thoughts: ['"What does BNP 890 mean? Nobody has called."'],
            emotions: ['Alarmed by a red "high" flag with no explanation'],
            'pain-points': [
              pain(
                'c-pp-raw-results',
                'high',
                'Results are released to the portal before the clinician has commented on them',
              ),
            ],
            opportunities: [
              idea(
                'c-op-result-notes',
                'Plain-language note and "we will call you by" date with each result',
                ['c-pp-raw-results'],
              ),
            ],
            frontstage: ['Nurse calls with results'],
            backstage: ['Results inbox shared by the care team'],
            systems: [sys('sy-portal', 'Patient portal results view'), sys('sy-ehr', 'EHR results inbox')],
            data: ['Time from result to patient contact'],
          },
          feel: {
            'pe-denise': [-2, 'Scared by the number'],
            'pe-marcus': [-2, 'Googles BNP and panics'],
          },
        },
        {
          id: 'sp-referral',
          name: 'Referred to cardiology',
          activities: ['referral.placed'],
          cards: {
            touchpoints: [
              on('in-person', 'Doctor explains the referral'),
              on('mail', 'Letter from cardiology'),
            ],
            actions: ['Waits for cardiology to call'],
            thoughts: ['"Should I call them, or will they call me?"'],
            'pain-points': [
              pain('c-pp-referral-silence', 'high', 'No word for two weeks after the referral is placed'),
            ],
            opportunities: [
              idea(
                'c-op-referral-status',
                'Text the patient when the referral is received and when to expect a call',
                ['c-pp-referral-silence'],
              ),
            ],
            backstage: ['Referral work queue triaged by a cardiology nurse'],
            systems: [sys('sy-ehr', 'Referral order and work queue')],
            data: ['Referral placed → specialist visit (completion within 90 days)'],
          },
          feel: { 'pe-denise': [-1, 'In limbo'], 'pe-marcus': [-1, 'Calls twice to chase it'] },
        },
      ],
    },
    {
      id: 'st-treatment',
      name: 'Treatment',
      goal: 'Get the right treatment safely and always know what is happening.',
      steps: [
        {
          id: 'sp-specialist',
          name: 'Cardiology consult and diagnosis',
          activities: ['consultation.completed', 'diagnosis.recorded'],
          cards: {
            touchpoints: [on('in-person', 'Cardiology clinic, echocardiogram')],
            actions: ['Hears "heart failure" for the first time'],
            thoughts: ['"Failure? Am I dying?"'],
            emotions: ['Shocked, takes in little after the diagnosis'],
            'pain-points': [
              pain(
                'c-pp-diagnosis-overload',
                'medium',
                'Diagnosis, new medicines and lifestyle advice in one 20-minute visit',
              ),
            ],
            opportunities: [
              idea('c-op-nurse-debrief', 'Heart-failure nurse debrief call within 48 hours of diagnosis', [
                'c-pp-diagnosis-overload',
              ]),
            ],
            frontstage: ['Cardiologist, echo technician'],
            systems: [sys('sy-ehr', 'Cardiology notes and echo report')],
          },
          feel: {
            'pe-denise': [-2, 'Frightened by the word "failure"'],
            'pe-marcus': [-1, 'Wants to be in the room'],
          },
        },
        {
          id: 'sp-admission',
          name: 'Admission and procedure',
          optional: true,
          activities: ['admission.started', 'procedure.completed'],
          cards: {
            touchpoints: [on('in-person', 'Admitted for diuresis and a catheter study')],
            actions: ['Stays three nights'],
            'pain-points': [
              pain('c-pp-bedside-only', 'medium', 'Updates happen on ward rounds when family is not there'),
            ],
            opportunities: [
              idea('c-op-family-update', 'Daily text update to a named family contact (with consent)', [
                'c-pp-bedside-only',
              ]),
            ],
            frontstage: ['Hospitalist, ward nurses'],
            backstage: ['Bed management, pharmacy reconciliation'],
            systems: [sys('sy-ehr', 'Inpatient EHR (ADT A01)')],
          },
          feel: { 'pe-denise': [0, 'Feels safe in hospital'], 'pe-marcus': [-2, 'Misses every ward round'] },
        },
        {
          id: 'sp-discharge',
          name: 'Discharge home',
          activities: ['discharge.completed', 'prescription.sent'],
          cards: {
            touchpoints: [
              on('in-person', 'Discharge paperwork, 14 pages'),
              on('phone', 'Pharmacy call about new medicines'),
            ],
            actions: ['Goes home with four new medicines and a weight diary'],
            thoughts: ['"Which pills replace my old ones?"'],
            emotions: ['Tired and overwhelmed'],
            'pain-points': [
              pain(
                'c-pp-discharge-confusion',
                'critical',
                'Medication changes unclear; no named person to call',
              ),
            ],
            opportunities: [
              idea('c-op-teach-back', 'Teach-back medication review and a one-page "who to call" card', [
                'c-pp-discharge-confusion',
              ]),
            ],
            frontstage: ['Discharge nurse, pharmacist'],
            backstage: ['Discharge summary sent to primary care'],
            systems: [sys('sy-ehr', 'Discharge summary (ADT A03)')],
            data: ['30-day unplanned readmissions; discharge-to-follow-up days'],
          },
          feel: {
            'pe-denise': [-1, 'Glad to be home, unsure of the pills'],
            'pe-marcus': [-1, 'Takes a day off to help'],
          },
        },
      ],
    },
    {
      id: 'st-change',
      name: 'Behavioural and lifestyle change',
      goal: 'Build habits that keep me well and out of hospital.',
      steps: [
        {
          id: 'sp-rehab-enrol',
          name: 'Enrols in cardiac rehab',
          activities: ['program.enrolled'],
          cards: {
            touchpoints: [on('phone', 'Rehab coordinator calls'), on('mail', 'Programme leaflet')],
            actions: ['Agrees to 12 weeks, twice a week'],
            thoughts: ['"Forty minutes each way, twice a week?"'],
            'pain-points': [
              pain(
                'c-pp-rehab-drop',
                'high',
                'Referral to rehab is not automatic and the centre is far away',
              ),
            ],
            opportunities: [
              idea('c-op-home-rehab', 'Automatic referral at discharge and a home-based rehab option', [
                'c-pp-rehab-drop',
              ]),
            ],
            frontstage: ['Rehab coordinator'],
            backstage: ['Referral to rehab faxed from the ward'],
            systems: [sys('sy-rehab-app', 'Home rehab and remote-monitoring app (pilot vendor)')],
            data: ['Discharges with rehab enrolment within 60 days'],
          },
          feel: { 'pe-denise': [0, 'Willing but worried about driving'] },
        },
        {
          id: 'sp-rehab-sessions',
          name: 'Attends sessions and sets goals',
          activities: ['program.session_completed', 'goal.set'],
          cards: {
            touchpoints: [on('in-person', 'Group exercise session'), on('video', 'Diet class on video')],
            actions: ['Sets a goal of walking 20 minutes a day'],
            emotions: ['Proud after the first month'],
            'pain-points': [pain('c-pp-session-times', 'medium', 'Sessions only on weekday mornings')],
            frontstage: ['Exercise physiologist, dietitian'],
            systems: [sys('sy-rehab-app', 'Session attendance and goals')],
            data: ['Sessions attended of 24'],
          },
          feel: {
            'pe-denise': [2, 'Stronger and more confident'],
            'pe-marcus': [1, 'Hears her sound better'],
          },
        },
        {
          id: 'sp-home-monitoring',
          name: 'Monitors weight and blood pressure at home',
          optional: true,
          activities: ['device.reading_received'],
          cards: {
            touchpoints: [on('app', 'Bluetooth scale and cuff send readings')],
            actions: ['Weighs herself every morning'],
            thoughts: ['"Does anyone actually look at these?"'],
            'pain-points': [
              pain('c-pp-readings-unseen', 'medium', 'Readings arrive but no one acts on a weight gain'),
            ],
            opportunities: [
              idea('c-op-weight-alert', 'Nurse alert for 2 kg gain in 3 days, with a call the same day', [
                'c-pp-readings-unseen',
              ]),
            ],
            backstage: ['Alerts reviewed once a day by a remote-monitoring nurse'],
            systems: [sys('sy-rehab-app', 'Device readings and alert rules')],
          },
          feel: { 'pe-denise': [0, 'Unsure it matters'] },
        },
      ],
    },
    {
      id: 'st-ongoing',
      name: 'Ongoing care',
      goal: 'Stay well, know who to call, and never repeat my story.',
      steps: [
        {
          id: 'sp-followup',
          name: 'Post-discharge follow-up',
          activities: ['outreach.completed', 'followup.booked', 'followup.completed'],
          cards: {
            touchpoints: [
              on('phone', 'Transitional-care call within 2 business days'),
              on('in-person', 'Follow-up visit'),
            ],
            actions: ['Brings her weight diary and pill bottles'],
            'pain-points': [
              pain(
                'c-pp-followup-late',
                'high',
                'Follow-up visit booked three weeks out; the call goes to voicemail',
              ),
            ],
            opportunities: [
              idea(
                'c-op-book-before-discharge',
                'Book the 7-day follow-up before the patient leaves the ward',
                ['c-pp-followup-late'],
              ),
            ],
            frontstage: ['Care manager, primary-care physician'],
            backstage: ['Discharge list worked by care managers each morning'],
            systems: [
              sys('sy-crm', 'Care-management worklist in the CRM'),
              sys('sy-ehr', 'Follow-up appointment'),
            ],
            data: ['Contact within 2 business days; visit within 7 and 14 days'],
          },
          feel: { 'pe-denise': [1, 'Someone checked on her'], 'pe-marcus': [1, 'Has a name to call'] },
        },
        {
          id: 'sp-portal',
          name: 'Manages care in the portal',
          activities: ['portal.invited', 'portal.activated', 'message.received', 'message.replied'],
          cards: {
            touchpoints: [
              on('portal', 'Secure messages, refills, appointments'),
              on('email', 'Portal invitation'),
            ],
            actions: ['Marcus gets proxy access and messages the care team'],
            'pain-points': [
              pain('c-pp-proxy-paper', 'medium', 'Proxy access needs a paper form signed in person'),
            ],
            opportunities: [
              idea('c-op-proxy-online', 'Online proxy request with identity check', ['c-pp-proxy-paper']),
            ],
            backstage: ['Messages routed to a pool; 2-business-day reply standard'],
            systems: [sys('sy-portal', 'Patient portal with proxy accounts')],
            data: ['Portal activation among invited patients; message reply time'],
          },
          feel: { 'pe-denise': [0, 'Lets Marcus handle it'], 'pe-marcus': [2, 'Finally in the loop'] },
        },
        {
          id: 'sp-feedback',
          name: 'Gives feedback',
          optional: true,
          activities: ['survey.sent', 'survey.completed', 'review.posted'],
          cards: {
            touchpoints: [on('email', 'Post-visit survey'), on('web', 'Online review site')],
            actions: ['Rates the rehab team 10, the discharge 5'],
            frontstage: ['Patient-experience team reads comments'],
            systems: [sys('sy-survey', 'Survey and analytics vendor')],
            data: ['NPS and comments by stage'],
          },
          feel: { 'pe-denise': [1, 'Wants to thank the rehab team'] },
        },
      ],
    },
  ],
  systems: [
    {
      id: 'sy-website',
      name: 'Website CMS and tag manager',
      category: 'analytics',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Marketing',
    },
    {
      id: 'sy-contact-centre',
      name: 'Contact-centre telephony',
      category: 'call-centre',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Access centre',
    },
    {
      id: 'sy-ehr',
      name: 'EHR (scheduling, orders, inpatient)',
      category: 'ehr',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'IT applications',
    },
    {
      id: 'sy-messaging',
      name: 'SMS and email reminder vendor',
      category: 'messaging',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Access centre',
    },
    {
      id: 'sy-portal',
      name: 'Patient portal',
      category: 'portal',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Digital health',
    },
    {
      id: 'sy-crm',
      name: 'CRM with care-management worklists',
      category: 'crm',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Population health',
    },
    {
      id: 'sy-rehab-app',
      name: 'Home rehab and remote-monitoring app',
      category: 'other',
      holdsPhi: true,
      baaInPlace: false,
      owner: 'Cardiology (pilot)',
    },
    {
      id: 'sy-survey',
      name: 'Survey and experience analytics',
      category: 'analytics',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Patient experience',
    },
  ],
  opportunities: [
    {
      id: 'o-nurse-callback',
      title: 'Guaranteed nurse call-back instead of holding',
      description:
        'Callers with symptoms choose a call-back within 2 hours; the queue is worked by the nurse pool.',
      cardIds: ['c-op-callback', 'c-pp-hold-time'],
      stepIds: ['sp-first-call'],
      impact: 4,
      effort: 2,
    },
    {
      id: 'o-referral-status',
      title: 'Referral status texts',
      description: 'Tell the patient when cardiology has received the referral and when to expect a call.',
      cardIds: ['c-op-referral-status', 'c-pp-referral-silence'],
      stepIds: ['sp-referral'],
      impact: 4,
      effort: 2,
      targetKpiId: 'k-referral-completion',
    },
    {
      id: 'o-discharge-bundle',
      title: 'Discharge bundle: teach-back, booked follow-up, named contact',
      description:
        'Teach-back on medicines, the 7-day visit booked before leaving, and a 2-business-day call.',
      cardIds: ['c-op-teach-back', 'c-op-book-before-discharge'],
      stepIds: ['sp-discharge', 'sp-followup'],
      impact: 5,
      effort: 3,
      targetKpiId: 'k-readmission-30d',
    },
    {
      id: 'o-auto-rehab',
      title: 'Automatic cardiac-rehab referral with a home option',
      description:
        'Order set places the rehab referral at discharge; patients far from the centre get home rehab.',
      cardIds: ['c-op-home-rehab'],
      stepIds: ['sp-rehab-enrol'],
      impact: 4,
      effort: 4,
      targetKpiId: 'k-rehab-enrolment',
    },
    {
      id: 'o-pixels',
      title: 'Remove ad pixels from symptom and booking pages',
      description: 'Third-party tracking on condition pages can disclose health information to ad platforms.',
      stepIds: ['sp-notice-symptoms'],
      impact: 3,
      effort: 1,
    },
  ],
  kpis: [
    {
      id: 'k-time-to-first-visit',
      kind: 'duration',
      name: 'First contact to first visit',
      description: 'Median and p90 days from the first call or form to arriving for the first visit.',
      from: { activities: ['call.received', 'lead.created'] },
      to: { activities: ['appointment.arrived'] },
      direction: 'lower-is-better',
    },
    noShowRate,
    {
      id: 'k-referral-completion',
      kind: 'conversion',
      name: 'Referral completion (90 days)',
      description:
        'Referrals with a completed cardiology consult within 90 days ÷ referrals placed (in network only).',
      from: { stepId: 'sp-referral' },
      to: { activities: ['consultation.completed'] },
      windowDays: 90,
    },
    {
      id: 'k-tcm-contact',
      kind: 'conversion',
      name: 'Contact within 2 days of discharge',
      description:
        'Discharges with an interactive contact within 2 days (calendar; TCM counts business days).',
      from: { activities: ['discharge.completed'] },
      to: { activities: ['outreach.completed'] },
      windowDays: 2,
    },
    {
      id: 'k-followup-14d',
      kind: 'conversion',
      name: 'Follow-up visit within 14 days of discharge',
      from: { stepId: 'sp-discharge' },
      to: { activities: ['followup.completed'] },
      windowDays: 14,
    },
    {
      id: 'k-readmission-30d',
      kind: 'conversion',
      name: '30-day unplanned readmission (operational, not CMS)',
      description: 'Discharges followed by an unplanned admission within 30 days ÷ discharges.',
      from: { activities: ['discharge.completed'] },
      to: { activities: ['admission.unplanned'] },
      windowDays: 30,
      direction: 'lower-is-better',
    },
    {
      id: 'k-rehab-enrolment',
      kind: 'conversion',
      name: 'Cardiac-rehab enrolment within 60 days',
      from: { activities: ['discharge.completed'] },
      to: { stepId: 'sp-rehab-enrol' },
      windowDays: 60,
      reference: 'Programme convention',
    },
    portalActivation,
    nps,
  ],
});
