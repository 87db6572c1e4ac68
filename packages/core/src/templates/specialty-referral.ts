import { csat, idea, noShowRate, on, pain, sys, template } from './build';

/**
 * A primary-care referral to gastroenterology, from the order to the plan, with the long
 * referral→booking wait where many referrals quietly die.
 */
export const specialtyReferral = template({
  id: 'specialty-referral',
  name: 'Specialty referral to first visit',
  summary:
    'Referral placed, received and triaged, scheduled, prepared for, seen and closed: the loop between a referring clinician, a specialty clinic and the patient.',
  category: 'specialty',
  description:
    'A primary-care physician refers a patient with iron-deficiency anaemia to gastroenterology. The referral crosses organisations by e-referral or fax, waits for triage and scheduling, and the loop closes only when the consult note returns.',
  question: 'Where do referrals stall between "placed" and "booked", and how many never become a visit?',
  serviceLine: 'Gastroenterology',
  tags: ['specialty', 'referral', 'access', 'closed-loop'],
  personas: [
    {
      id: 'pe-luis',
      name: 'Luis, 47, shift supervisor',
      kind: 'patient',
      summary:
        'Works rotating shifts at a distribution centre. Tired for months; his doctor found low iron. Screens calls from unknown numbers.',
      goals: ['Find out why he is tired without losing shifts'],
      needs: ['Appointments he can plan around his rota', 'Texts rather than calls'],
      barriers: [
        'Misses calls from "No caller ID"',
        'Voicemail full',
        'Bowel-prep instructions that assume a day off',
      ],
      channels: ['sms', 'app', 'phone'],
      quote: '"They said someone would call. Did they? I don\'t pick up unknown numbers."',
      color: '#16a34a',
    },
    {
      id: 'pe-dr-okafor',
      name: 'Dr Okafor, referring family physician',
      kind: 'clinician',
      role: 'Family physician',
      summary: 'Refers 30–40 patients a month. Has no view of what happens after she signs the order.',
      goals: ['Know her patients were seen and what the specialist found'],
      needs: ['Status of each open referral', 'Consult note back in her inbox'],
      barriers: ['Referral rejected for missing labs, weeks later', 'Notes arrive by fax'],
      channels: ['referral', 'phone'],
      quote: '"I find out the referral was never scheduled when the patient comes back worse."',
      color: '#7c3aed',
    },
    {
      id: 'pe-jen',
      name: 'Jen, referral coordinator',
      kind: 'front-desk',
      role: 'Referral coordinator, gastroenterology',
      summary: 'Works a queue of 400 open referrals across fax, e-referral and phone.',
      goals: ['Get every accepted referral booked within two weeks'],
      needs: ['Complete referrals', 'Patients who answer'],
      barriers: ['Three attempts then close: policy, not patients', 'Tracks chases in a spreadsheet'],
      channels: ['phone', 'referral'],
      quote: '"Half my day is leaving voicemails."',
      color: '#ca8a04',
    },
  ],
  stages: [
    {
      id: 'st-referral-placed',
      name: 'Referral placed',
      goal: 'Understand why I am being referred and what happens next.',
      steps: [
        {
          id: 'sp-decide-refer',
          name: 'Primary-care visit decides to refer',
          activities: ['visit.completed'],
          cards: {
            touchpoints: [on('in-person', 'Primary-care visit')],
            actions: ['Hears "we\'ll send you to GI for a scope"'],
            thoughts: ['"A scope? Is it cancer?"'],
            emotions: ['Anxious, too embarrassed to ask more'],
            frontstage: ['Family physician'],
            systems: [sys('sy-referring-ehr', 'Referring practice EHR')],
          },
          feel: { 'pe-luis': [-1, 'Worried and embarrassed'], 'pe-dr-okafor': [0, 'Routine referral'] },
        },
        {
          id: 'sp-place-referral',
          name: 'Referral order sent',
          activities: ['referral.placed', 'prior_auth.requested'],
          cards: {
            touchpoints: [
              on('referral', 'E-referral or fax to the GI clinic'),
              on('in-person', 'Printed referral slip'),
            ],
            actions: ['Goes home with a slip that says "the clinic will call you"'],
            'pain-points': [
              pain(
                'c-pp-incomplete-referral',
                'high',
                'Referral sent without recent labs or the reason in plain terms',
              ),
            ],
            opportunities: [
              idea(
                'c-op-referral-checklist',
                'Referral form with required fields per specialty (labs, question, urgency)',
                ['c-pp-incomplete-referral'],
              ),
            ],
            frontstage: ['Medical assistant sends the referral'],
            backstage: ['Prior authorisation submitted to the payer'],
            systems: [sys('sy-referring-ehr', 'Referral order'), sys('sy-fax', 'e-fax server')],
            data: ['Referrals placed by specialty and urgency'],
          },
          feel: {
            'pe-luis': [0, 'Assumes it is in hand'],
            'pe-dr-okafor': [-1, 'Hopes it arrives complete'],
          },
        },
      ],
    },
    {
      id: 'st-triage',
      name: 'Referral received and triaged',
      goal: 'Have my referral accepted quickly with the right urgency.',
      steps: [
        {
          id: 'sp-receive',
          name: 'Referral received and registered',
          activities: ['referral.received', 'records.requested', 'records.received'],
          cards: {
            touchpoints: [on('referral', 'Fax arrives in the clinic fax queue')],
            thoughts: ['"Nobody has called yet. Is it normal?"'],
            'pain-points': [
              pain(
                'c-pp-fax-queue',
                'high',
                'Faxes sit unindexed for days; duplicates created when the practice resends',
              ),
            ],
            opportunities: [
              idea(
                'c-op-eref-only',
                'Accept e-referrals with structured fields; auto-acknowledge to the sender',
                ['c-pp-fax-queue'],
              ),
            ],
            backstage: ['Referral clerk indexes faxes and requests missing records'],
            systems: [sys('sy-fax', 'Fax queue'), sys('sy-referral-mgmt', 'Referral work queue')],
            data: ['Referral placed → received (days)'],
          },
          feel: { 'pe-luis': [-1, 'Silence'], 'pe-jen': [-1, 'Another 60 faxes this morning'] },
        },
        {
          id: 'sp-triage',
          name: 'Triaged by a specialist',
          activities: ['referral.triaged', 'referral.returned', 'prior_auth.approved'],
          cards: {
            actions: ['Nothing visible to the patient'],
            'pain-points': [
              pain(
                'c-pp-returned-late',
                'high',
                'Referral returned for missing labs after 10 days; the patient is not told',
              ),
            ],
            opportunities: [
              idea(
                'c-op-direct-order',
                'Triage physician can order the missing labs directly instead of returning',
                ['c-pp-returned-late'],
              ),
            ],
            frontstage: ['Gastroenterologist triages twice a week'],
            backstage: ['Urgency assigned: urgent (2 weeks) or routine (8 weeks)'],
            systems: [sys('sy-referral-mgmt', 'Triage decision and priority')],
            data: ['Received → triaged (days); share returned to sender'],
          },
          feel: {
            'pe-dr-okafor': [-2, 'Learns of the return by fax two weeks later'],
            'pe-jen': [0, 'Waits on triage'],
          },
        },
      ],
    },
    {
      id: 'st-scheduling',
      name: 'Scheduling',
      goal: 'Get a date soon, at a time I can actually make.',
      steps: [
        {
          id: 'sp-outreach',
          name: 'Clinic tries to reach the patient',
          activities: ['outreach.completed', 'call.received'],
          cards: {
            touchpoints: [
              on('phone', 'Calls from a blocked number'),
              on('mail', 'Letter: "please call to book"'),
            ],
            actions: ['Misses two calls on shift; calls back and waits on hold'],
            thoughts: ['"Why can\'t they just text me a link?"'],
            emotions: ['Annoyed: feels like the chaser'],
            'pain-points': [
              pain(
                'c-pp-referral-booking-wait',
                'critical',
                'Weeks between referral placed and appointment booked; after three missed calls the referral is closed',
              ),
              pain(
                'c-pp-blocked-number',
                'medium',
                'Outbound calls show as "No caller ID" and go unanswered',
              ),
            ],
            opportunities: [
              idea(
                'c-op-self-schedule-link',
                'Text a self-scheduling link as soon as the referral is accepted',
                ['c-pp-referral-booking-wait', 'c-pp-blocked-number'],
              ),
            ],
            frontstage: ['Referral coordinator'],
            backstage: ['Three call attempts in 14 days, then referral closed and sender notified'],
            systems: [
              sys('sy-referral-mgmt', 'Outreach attempts'),
              sys('sy-spreadsheet', 'Chase list in a shared spreadsheet'),
            ],
            data: ['Referral → booked (median, p90); referrals closed as unreachable'],
          },
          feel: { 'pe-luis': [-2, 'Feels forgotten'], 'pe-jen': [-2, 'Voicemail after voicemail'] },
        },
        {
          id: 'sp-book-specialist',
          name: 'Books the first specialist visit',
          activities: ['appointment.booked', 'waitlist.added'],
          cards: {
            touchpoints: [on('phone', 'Scheduler books'), on('sms', 'Confirmation text')],
            actions: ['Takes a slot 7 weeks away; joins the cancellation list'],
            'pain-points': [pain('c-pp-no-shift-slots', 'medium', 'No early-morning or evening slots')],
            opportunities: [
              idea('c-op-waitlist-offers', 'Automatic cancellation offers by text to the waitlist', [
                'c-pp-no-shift-slots',
              ]),
            ],
            frontstage: ['Referral coordinator'],
            systems: [sys('sy-ehr', 'Specialty scheduling')],
            data: ['Third next available new-patient slot per provider'],
          },
          feel: { 'pe-luis': [0, 'At least he has a date'], 'pe-jen': [1, 'One off the list'] },
        },
      ],
    },
    {
      id: 'st-pre-visit',
      name: 'Pre-visit',
      goal: 'Arrive prepared, with the right tests already done.',
      steps: [
        {
          id: 'sp-previsit-prep',
          name: 'Intake and insurance',
          activities: ['intake.sent', 'intake.completed', 'insurance.verified'],
          cards: {
            touchpoints: [on('sms', 'Pre-visit questionnaire link'), on('portal', 'Portal check-in')],
            actions: ['Fills in symptoms and medications on his phone'],
            'pain-points': [
              pain('c-pp-duplicate-history', 'low', 'Asked again for history already sent by his doctor'),
            ],
            backstage: ['Eligibility and prior authorisation checked'],
            systems: [sys('sy-portal', 'Pre-visit questionnaire'), sys('sy-ehr', 'Registration')],
          },
          feel: { 'pe-luis': [0, 'Quick on the phone'] },
        },
        {
          id: 'sp-pre-tests',
          name: 'Pre-visit labs',
          optional: true,
          activities: ['order.placed'],
          cards: {
            touchpoints: [on('in-person', 'Lab draw')],
            'pain-points': [pain('c-pp-lab-hours', 'low', 'Lab closes at 4 pm')],
            systems: [sys('sy-ehr', 'Lab orders')],
          },
          feel: { 'pe-luis': [-1, 'Takes an hour off work'] },
        },
        {
          id: 'sp-previsit-reminders',
          name: 'Reminders and confirmation',
          activities: [
            'reminder.sent',
            'reminder.confirmed',
            'appointment.rescheduled',
            'appointment.cancelled',
          ],
          cards: {
            touchpoints: [on('sms', 'Reminder 7 days and 2 days before')],
            actions: ['Reschedules once when his rota changes'],
            'pain-points': [
              pain('c-pp-reschedule-back-of-queue', 'high', 'Rescheduling puts him back 6 weeks'),
            ],
            opportunities: [
              idea(
                'c-op-protected-reschedule',
                'Rescheduled referral patients keep priority for the next slot',
                ['c-pp-reschedule-back-of-queue'],
              ),
            ],
            systems: [sys('sy-messaging', 'Reminder texts')],
            data: ['Reschedules per appointment; late cancellations'],
          },
          feel: { 'pe-luis': [-1, 'Pushed back for a rota change'] },
        },
      ],
    },
    {
      id: 'st-first-visit',
      name: 'First specialist visit',
      goal: 'Be seen by someone who already knows why I am here.',
      steps: [
        {
          id: 'sp-arrive',
          name: 'Arrives and checks in',
          activities: ['appointment.arrived', 'appointment.noshow'],
          cards: {
            touchpoints: [on('in-person', 'Hospital outpatient building, level 3')],
            actions: ['Parks, finds the clinic, checks in'],
            'pain-points': [pain('c-pp-wayfinding', 'low', 'Hard to find the clinic; parking costs $18')],
            frontstage: ['Outpatient reception'],
            systems: [sys('sy-ehr', 'Check-in')],
            data: ['No-show rate for referred new patients vs established'],
          },
          feel: { 'pe-luis': [-1, 'Nervous, late after parking'] },
        },
        {
          id: 'sp-consult',
          name: 'Specialist consultation',
          activities: ['consultation.completed', 'diagnosis.recorded'],
          cards: {
            touchpoints: [on('in-person', 'Consultation room')],
            actions: ['Agrees to a colonoscopy; gets prep instructions'],
            thoughts: ['"She already had my labs. Good."'],
            emotions: ['Reassured by a clear explanation'],
            frontstage: ['Gastroenterologist, nurse'],
            systems: [sys('sy-ehr', 'Consult note and procedure order')],
          },
          feel: { 'pe-luis': [1, 'Taken seriously'], 'pe-dr-okafor': [0, 'Does not know yet'] },
        },
      ],
    },
    {
      id: 'st-results-plan',
      name: 'Results and plan',
      goal: 'Know my results and plan, and have my own doctor know them too.',
      steps: [
        {
          id: 'sp-procedure',
          name: 'Procedure',
          optional: true,
          activities: ['procedure.completed'],
          cards: {
            touchpoints: [on('in-person', 'Endoscopy unit'), on('mail', 'Bowel-prep instructions')],
            actions: ['Takes two days off for prep and the procedure; needs a driver'],
            'pain-points': [
              pain(
                'c-pp-prep-confusing',
                'medium',
                'Prep instructions confusing; some arrive unprepared and are rebooked',
              ),
            ],
            opportunities: [
              idea('c-op-prep-texts', 'Timed prep texts the day before with a nurse number', [
                'c-pp-prep-confusing',
              ]),
            ],
            frontstage: ['Endoscopy nurses, anaesthetist'],
            systems: [sys('sy-ehr', 'Procedure documentation')],
          },
          feel: { 'pe-luis': [-1, 'The prep is the worst part'] },
        },
        {
          id: 'sp-results',
          name: 'Results and plan shared',
          activities: ['result.released', 'result.viewed', 'care_plan.shared'],
          cards: {
            touchpoints: [on('portal', 'Pathology result'), on('phone', 'Nurse call with the plan')],
            actions: ['Reads "benign polyp, coeliac serology positive"'],
            thoughts: ['"Coeliac? What do I eat now?"'],
            'pain-points': [
              pain('c-pp-result-before-call', 'medium', 'Result visible days before anyone explains it'),
            ],
            systems: [sys('sy-portal', 'Results view')],
          },
          feel: { 'pe-luis': [1, 'Relieved it is not cancer'] },
        },
        {
          id: 'sp-close-loop',
          name: 'Loop closed with the referrer',
          activities: ['consult_note.sent', 'followup.booked'],
          cards: {
            touchpoints: [on('referral', 'Consult note to the referring physician')],
            'pain-points': [
              pain(
                'c-pp-note-never-returns',
                'high',
                'Consult note faxed to an old number; the referrer never sees it',
              ),
            ],
            opportunities: [
              idea(
                'c-op-direct-note',
                'Send the consult note electronically and mark the referral closed for both sides',
                ['c-pp-note-never-returns'],
              ),
            ],
            frontstage: ['Referring physician follows up'],
            backstage: ['Note routed by provider directory'],
            systems: [sys('sy-referral-mgmt', 'Referral closed'), sys('sy-referring-ehr', 'Inbox')],
            data: ['Consult note returned within 14 days'],
          },
          feel: { 'pe-dr-okafor': [1, 'Gets the note, finally'], 'pe-luis': [1, 'Knows the next step'] },
        },
      ],
    },
  ],
  systems: [
    {
      id: 'sy-referring-ehr',
      name: 'Referring practice EHR',
      category: 'ehr',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Referring practice',
    },
    { id: 'sy-fax', name: 'e-fax server', category: 'other', holdsPhi: true, baaInPlace: true, owner: 'IT' },
    {
      id: 'sy-referral-mgmt',
      name: 'Referral management work queue',
      category: 'scheduling',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Access centre',
    },
    {
      id: 'sy-spreadsheet',
      name: 'Shared chase spreadsheet (consumer cloud drive)',
      category: 'other',
      holdsPhi: true,
      baaInPlace: false,
      owner: 'Referral coordinators',
    },
    {
      id: 'sy-ehr',
      name: 'Specialty EHR and scheduling',
      category: 'ehr',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'IT applications',
    },
    {
      id: 'sy-messaging',
      name: 'Reminder texting vendor',
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
  ],
  opportunities: [
    {
      id: 'o-self-schedule',
      title: 'Self-scheduling link when a referral is accepted',
      description: 'Text the patient a link to pick a slot; call only those who do not book within 3 days.',
      cardIds: ['c-op-self-schedule-link', 'c-pp-referral-booking-wait'],
      stepIds: ['sp-outreach', 'sp-book-specialist'],
      impact: 5,
      effort: 3,
      targetKpiId: 'k-referral-to-booked',
    },
    {
      id: 'o-structured-referral',
      title: 'Structured e-referrals with required fields',
      description:
        'Specialty-specific required fields (question, labs, urgency) so triage can accept first time.',
      cardIds: ['c-op-referral-checklist', 'c-op-eref-only'],
      stepIds: ['sp-place-referral', 'sp-receive'],
      impact: 4,
      effort: 4,
      targetKpiId: 'k-referral-returned',
    },
    {
      id: 'o-closed-loop',
      title: 'Closed-loop referral status for the referrer',
      description:
        'Referrer sees received / triaged / booked / seen, and gets the consult note electronically.',
      cardIds: ['c-op-direct-note'],
      stepIds: ['sp-close-loop'],
      impact: 4,
      effort: 3,
      targetKpiId: 'k-loop-closed',
    },
    {
      id: 'o-retire-spreadsheet',
      title: 'Retire the chase spreadsheet',
      description:
        'Patient names and numbers in a consumer cloud spreadsheet without a BAA; move chases into the work queue.',
      stepIds: ['sp-outreach'],
      impact: 3,
      effort: 2,
    },
  ],
  kpis: [
    {
      id: 'k-referral-completion',
      kind: 'conversion',
      name: 'Referral completion (90 days)',
      description:
        'Referrals with a completed specialist consult within 90 days ÷ referrals placed (in network).',
      from: { stepId: 'sp-place-referral' },
      to: { stepId: 'sp-consult' },
      windowDays: 90,
    },
    {
      id: 'k-referral-to-booked',
      kind: 'duration',
      name: 'Referral placed to appointment booked',
      description: 'The wait before anyone gives the patient a date; median and p90, censored cases shown.',
      from: { activities: ['referral.placed'] },
      to: { activities: ['appointment.booked'] },
      direction: 'lower-is-better',
    },
    {
      id: 'k-referral-to-visit',
      kind: 'duration',
      name: 'Referral placed to first specialist visit',
      from: { activities: ['referral.placed'] },
      to: { activities: ['appointment.arrived'] },
      direction: 'lower-is-better',
    },
    {
      id: 'k-referral-returned',
      kind: 'rate',
      name: 'Referrals returned to sender',
      numerator: ['referral.returned'],
      denominator: ['referral.received'],
      countOver: 'cases',
      direction: 'lower-is-better',
      reference: 'Clinic convention',
    },
    noShowRate,
    {
      id: 'k-loop-closed',
      kind: 'conversion',
      name: 'Consult note back to referrer within 14 days',
      description: 'The stricter "closed loop" form of referral completion.',
      from: { activities: ['consultation.completed'] },
      to: { activities: ['consult_note.sent'] },
      windowDays: 14,
    },
    csat,
  ],
});
