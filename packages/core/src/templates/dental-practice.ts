import { idea, noShowRate, nps, on, pain, sys, template } from './build';

/** A general dental practice: a new patient from first search to treatment and the six-month recall. */
export const dentalPractice = template({
  id: 'dental-practice',
  name: 'Dental practice: lead to recall',
  summary:
    'Lead, booking, visit, treatment plan and recall at a general dental practice, with the front desk, hygienist and treatment coordinator behind each step.',
  category: 'dental',
  description:
    'A new patient with a broken tooth finds the practice, books an emergency exam, gets a treatment plan with an estimate, decides, is treated and is brought back for hygiene recall. Use it to find where leads go cold and where treatment plans stall.',
  question:
    'Why do accepted-in-the-chair treatment plans not get scheduled, and why do patients lapse from recall?',
  serviceLine: 'General dentistry',
  tags: ['dental', 'new-patient', 'recall'],
  personas: [
    {
      id: 'pe-aisha',
      name: 'Aisha, 29, broken tooth and dental anxiety',
      kind: 'patient',
      summary:
        'Graphic designer, has not seen a dentist in four years after a bad experience. PPO insurance through work. Bit into an olive pit.',
      goals: ['Get out of pain this week', 'Not be judged for staying away'],
      needs: ['A same-week emergency slot', 'A clear price before treatment', 'Gentle, explained care'],
      barriers: ['Fear of the chair', 'Surprise bills', 'Calling feels like a commitment'],
      channels: ['search', 'web', 'sms', 'social'],
      quote: '"Please just tell me how bad it is and what it will cost."',
      color: '#9333ea',
    },
    {
      id: 'pe-greg',
      name: 'Greg, 45, lapsed hygiene patient',
      kind: 'patient',
      summary:
        'Sales manager who travels. Was a six-monthly regular until the practice stopped pre-booking him.',
      goals: ['Keep his teeth in good shape without thinking about it'],
      needs: ['Pre-booked visits he can move by text', 'Early-morning slots'],
      barriers: ['Travel changes his calendar', 'Recall postcards go to an old address'],
      channels: ['sms', 'email', 'app'],
      quote: "\"If it's in my calendar, I'll be there. If not, it won't happen.\"",
      color: '#0d9488',
    },
  ],
  stages: [
    {
      id: 'st-lead',
      name: 'Lead',
      goal: 'Find a dentist I trust who can see me soon and takes my insurance.',
      steps: [
        {
          id: 'sp-search',
          name: 'Searches for an emergency dentist',
          activities: ['ad.clicked', 'web.visited', 'review.viewed'],
          cards: {
            touchpoints: [
              on('search', 'Search ad and map pack for "emergency dentist near me"'),
              on('web', 'Practice website, "Dental emergencies" page'),
              on('search', 'Google reviews mentioning "gentle"'),
            ],
            actions: ['Reads reviews for words like "anxious" and "painless"'],
            thoughts: ['"Will they lecture me about not coming for years?"'],
            'pain-points': [
              pain('c-pp-price-hidden', 'medium', 'No idea of emergency exam cost or insurance acceptance'),
            ],
            opportunities: [
              idea('c-op-price-page', 'Publish emergency exam price and the PPO plans accepted', [
                'c-pp-price-hidden',
              ]),
            ],
            backstage: ['Marketing agency manages ads; tracks calls, not booked patients'],
            systems: [sys('sy-ads', 'Ad platform and website analytics')],
            data: ['Cost per lead by channel (aggregated)'],
          },
          feel: { 'pe-aisha': [-2, 'In pain and dreading it'] },
        },
        {
          id: 'sp-enquire',
          name: 'Calls or requests an appointment',
          activities: ['lead.created', 'call.received', 'call.abandoned', 'chat.started'],
          cards: {
            touchpoints: [
              on('phone', 'Tracked phone number'),
              on('web', 'Online request form'),
              on('sms', 'Web chat to text'),
            ],
            actions: ['Calls at lunchtime; front desk is at lunch too'],
            'pain-points': [
              pain(
                'c-pp-lunch-calls',
                'high',
                'Calls at lunch and after 5 pm go to voicemail; emergency leads call the next practice',
              ),
            ],
            opportunities: [
              idea('c-op-overflow', 'Overflow answering service and text-back for missed calls', [
                'c-pp-lunch-calls',
              ]),
            ],
            frontstage: ['Front-desk coordinator'],
            backstage: ['Voicemails checked after lunch'],
            systems: [sys('sy-phone', 'Call tracking and recording')],
            data: ['Missed calls by hour; new-patient calls that booked'],
          },
          feel: { 'pe-aisha': [-1, 'Voicemail; tries one more practice'] },
        },
      ],
    },
    {
      id: 'st-booking',
      name: 'Booking',
      goal: 'Get a time that fits and know what to expect.',
      steps: [
        {
          id: 'sp-book',
          name: 'Books an emergency or new-patient exam',
          activities: ['lead.contacted', 'appointment.booked'],
          cards: {
            touchpoints: [
              on('phone', 'Front desk calls back'),
              on('web', 'Online booking for new-patient exams'),
            ],
            actions: ['Takes a same-day emergency slot at 4:30 pm'],
            thoughts: ['"Do I tell them I\'m nervous?"'],
            frontstage: ['Front-desk coordinator'],
            backstage: ['Emergency blocks held each afternoon'],
            systems: [sys('sy-pms', 'Dental PMS appointment book')],
            data: ['Lead to booked conversion; speed to lead'],
          },
          feel: { 'pe-aisha': [1, 'Relief: seen today'] },
        },
        {
          id: 'sp-forms',
          name: 'Completes forms and insurance',
          activities: ['intake.sent', 'intake.completed', 'insurance.verified', 'consent.signed'],
          cards: {
            touchpoints: [on('sms', 'Digital forms link'), on('in-person', 'Clipboard at reception')],
            actions: ['Uploads insurance card photos, medical history, dental anxiety question'],
            'pain-points': [
              pain(
                'c-pp-benefits-unknown',
                'medium',
                'Benefits not verified before the visit; estimate impossible',
              ),
            ],
            opportunities: [
              idea(
                'c-op-benefits-check',
                'Real-time eligibility and benefits check when the booking is made',
                ['c-pp-benefits-unknown'],
              ),
            ],
            backstage: ['Insurance coordinator verifies benefits on payer portals'],
            systems: [
              sys('sy-comms', 'Forms and messaging platform'),
              sys('sy-pms', 'Patient record and insurance'),
            ],
          },
          feel: { 'pe-aisha': [0, 'Glad to mention her anxiety privately'] },
        },
        {
          id: 'sp-reminders',
          name: 'Reminders and confirmation',
          optional: true,
          activities: [
            'reminder.sent',
            'reminder.confirmed',
            'appointment.rescheduled',
            'appointment.cancelled',
          ],
          cards: {
            touchpoints: [
              on('sms', 'Confirmation and reminder texts'),
              on('email', 'Directions and parking'),
            ],
            'pain-points': [
              pain('c-pp-late-cancel', 'medium', 'Late cancellations leave hygiene chairs empty'),
            ],
            opportunities: [
              idea('c-op-short-call-list', 'Text the short-notice list when a slot opens', [
                'c-pp-late-cancel',
              ]),
            ],
            systems: [sys('sy-comms', 'Automated reminders')],
            data: ['Confirmation rate; late-cancellation rate (24 h)'],
          },
          feel: { 'pe-greg': [0, 'Moves his slot by text'] },
        },
      ],
    },
    {
      id: 'st-visit',
      name: 'Visit',
      goal: 'Get out of pain and feel in control in the chair.',
      steps: [
        {
          id: 'sp-checkin',
          name: 'Arrives and checks in',
          activities: ['appointment.arrived', 'appointment.noshow'],
          cards: {
            touchpoints: [on('in-person', 'Reception and waiting room')],
            emotions: ['Heart racing at the smell of the practice'],
            frontstage: ['Front desk greets by name'],
            systems: [sys('sy-pms', 'Check-in')],
            data: ['No-show rate, new vs existing patients'],
          },
          feel: { 'pe-aisha': [-1, 'Nervous in the waiting room'], 'pe-greg': [0, 'Routine'] },
        },
        {
          id: 'sp-exam',
          name: 'Exam, X-rays and cleaning',
          activities: ['exam.completed', 'hygiene.completed'],
          cards: {
            touchpoints: [on('in-person', 'Operatory: intraoral camera on a screen')],
            actions: ['Sees the cracked tooth on screen; agrees to a temporary filling'],
            thoughts: ['"That\'s my tooth? Okay, I get it now."'],
            emotions: ['Calmer once the dentist explains each step'],
            'pain-points': [
              pain('c-pp-rushed-explanation', 'low', 'Findings explained while the patient cannot talk'),
            ],
            frontstage: ['Dentist, hygienist, dental assistant'],
            backstage: ['Perio charting and X-rays filed'],
            systems: [sys('sy-imaging', 'Imaging software'), sys('sy-pms', 'Clinical charting')],
          },
          feel: { 'pe-aisha': [1, 'Not judged; out of pain'], 'pe-greg': [1, 'Clean bill of health'] },
        },
        {
          id: 'sp-checkout',
          name: 'Checks out and pre-books',
          activities: ['payment.collected', 'followup.booked'],
          cards: {
            touchpoints: [on('in-person', 'Front desk check-out')],
            actions: ['Pays the co-pay; is offered the next hygiene visit in six months'],
            'pain-points': [
              pain(
                'c-pp-no-prebook',
                'high',
                'Hygiene patients leave without the next visit booked when the desk is busy',
              ),
            ],
            opportunities: [
              idea('c-op-chairside-booking', 'Hygienist books the next visit chairside', ['c-pp-no-prebook']),
            ],
            frontstage: ['Front-desk coordinator'],
            systems: [sys('sy-pms', 'Ledger and appointment book')],
            data: ['Pre-appointment rate'],
          },
          feel: { 'pe-greg': [-1, 'Told "we\'ll send you a reminder"'] },
        },
      ],
    },
    {
      id: 'st-treatment-plan',
      name: 'Treatment plan',
      goal: 'Understand what I need, what it costs, and choose without pressure.',
      steps: [
        {
          id: 'sp-plan-presented',
          name: 'Plan and estimate presented',
          activities: ['treatment_plan.presented', 'estimate.sent', 'prior_auth.requested'],
          cards: {
            touchpoints: [
              on('in-person', 'Treatment coordinator in a private room'),
              on('email', 'Written estimate'),
            ],
            actions: ['Hears: crown $1,350, insurance pays about half'],
            thoughts: ['"Do I need it now, or can it wait?"'],
            emotions: ['Sticker shock'],
            'pain-points': [
              pain('c-pp-estimate-vague', 'high', 'Estimate says "approximately"; no options or phasing'),
            ],
            opportunities: [
              idea('c-op-options', 'Good / better / best options with phasing and financing', [
                'c-pp-estimate-vague',
              ]),
            ],
            frontstage: ['Treatment coordinator'],
            backstage: ['Pre-determination sent to the dental insurer'],
            systems: [sys('sy-pms', 'Treatment plan and estimate')],
          },
          feel: { 'pe-aisha': [-2, 'Shocked by the price'] },
        },
        {
          id: 'sp-plan-decision',
          name: 'Decides on the plan',
          activities: ['treatment_plan.accepted', 'treatment_plan.declined'],
          cards: {
            touchpoints: [
              on('sms', 'Follow-up text from the coordinator'),
              on('phone', 'Call about financing'),
            ],
            actions: ['Waits for the insurer, then accepts with a monthly payment plan'],
            'pain-points': [
              pain(
                'c-pp-plan-no-followup',
                'high',
                'Unscheduled treatment is not followed up; the tooth fails months later',
              ),
            ],
            opportunities: [
              idea(
                'c-op-unscheduled-list',
                'Weekly worklist of unscheduled treatment with a 3-touch follow-up',
                ['c-pp-plan-no-followup'],
              ),
            ],
            backstage: ['Unscheduled treatment report run monthly, rarely worked'],
            systems: [sys('sy-pms', 'Unscheduled treatment report'), sys('sy-comms', 'Follow-up texts')],
            data: ['Plans accepted within 30 days; value of unscheduled treatment'],
          },
          feel: { 'pe-aisha': [0, 'Decides it is worth it'] },
        },
        {
          id: 'sp-treatment',
          name: 'Treatment visits',
          activities: ['treatment.started', 'treatment.completed'],
          cards: {
            touchpoints: [on('in-person', 'Crown prep and seat, two visits')],
            actions: ['Uses headphones and a stop signal'],
            frontstage: ['Dentist and assistant'],
            backstage: ['Lab case sent and tracked'],
            systems: [sys('sy-pms', 'Lab case tracking')],
          },
          feel: { 'pe-aisha': [1, 'Proud she went through with it'] },
        },
      ],
    },
    {
      id: 'st-recall',
      name: 'Recall',
      goal: 'Keep my teeth healthy without having to remember.',
      steps: [
        {
          id: 'sp-recall-due',
          name: 'Recall comes due',
          activities: ['recall.due', 'recall.notified'],
          cards: {
            touchpoints: [on('sms', 'Recall text with a booking link'), on('mail', 'Recall postcard')],
            actions: ['Greg ignores a postcard sent to his old address'],
            'pain-points': [
              pain(
                'c-pp-recall-postcard',
                'medium',
                'Recall relies on postcards; no text sequence for unbooked patients',
              ),
            ],
            opportunities: [
              idea(
                'c-op-recall-sequence',
                'Text and email sequence at due, +2 and +6 weeks, with online booking',
                ['c-pp-recall-postcard'],
              ),
            ],
            backstage: ['Recall list pulled monthly by the office manager'],
            systems: [sys('sy-comms', 'Recall campaigns'), sys('sy-pms', 'Recall due dates')],
            data: ['Patients due for recall this month; active patients (seen in 18 months)'],
          },
          feel: { 'pe-greg': [-1, 'Forgets; a year goes by'] },
        },
        {
          id: 'sp-recall-visit',
          name: 'Recall hygiene visit',
          activities: ['recall.completed'],
          cards: {
            touchpoints: [on('in-person', 'Hygiene visit')],
            actions: ['Books an early-morning slot from the text link'],
            frontstage: ['Hygienist'],
            systems: [sys('sy-pms', 'Recall visit')],
            data: ['Recall effectiveness'],
          },
          feel: { 'pe-greg': [1, 'Back on track'], 'pe-aisha': [1, 'First "boring" visit in years'] },
        },
        {
          id: 'sp-review',
          name: 'Leaves a review',
          optional: true,
          activities: ['survey.sent', 'survey.completed', 'review.posted'],
          cards: {
            touchpoints: [on('sms', 'Review request after the visit'), on('search', 'Public review site')],
            actions: ['Aisha writes about how gentle the team was'],
            'pain-points': [
              pain(
                'c-pp-review-replies',
                'high',
                'Staff reply to reviews with visit details, disclosing that the person is a patient',
              ),
            ],
            opportunities: [
              idea(
                'c-op-reply-policy',
                'Review reply policy and templates that never confirm a patient relationship',
                ['c-pp-review-replies'],
              ),
            ],
            backstage: ['Office manager answers reviews'],
            systems: [sys('sy-reviews', 'Public review platform')],
            data: ['NPS and review rating by provider'],
          },
          feel: { 'pe-aisha': [2, 'Recommends the practice to a friend'] },
        },
      ],
    },
  ],
  systems: [
    {
      id: 'sy-ads',
      name: 'Ad platform and website analytics',
      category: 'analytics',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Marketing agency',
    },
    {
      id: 'sy-phone',
      name: 'Call tracking and recording',
      category: 'call-centre',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Office manager',
    },
    {
      id: 'sy-pms',
      name: 'Dental practice management system',
      category: 'pms',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Office manager',
    },
    {
      id: 'sy-imaging',
      name: 'Dental imaging software',
      category: 'other',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Lead dentist',
    },
    {
      id: 'sy-comms',
      name: 'Patient communication platform (forms, reminders, recall)',
      category: 'messaging',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Office manager',
    },
    {
      id: 'sy-reviews',
      name: 'Public review platform',
      category: 'other',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Office manager',
    },
  ],
  opportunities: [
    {
      id: 'o-missed-calls',
      title: 'Never miss an emergency call',
      description: 'Overflow answering at lunch and after hours, plus text-back for missed calls.',
      cardIds: ['c-op-overflow'],
      stepIds: ['sp-enquire'],
      impact: 5,
      effort: 2,
      targetKpiId: 'k-lead-to-booked',
    },
    {
      id: 'o-plan-options',
      title: 'Treatment options with clear prices and phasing',
      description:
        'Present options, phasing and financing with a written estimate the patient can take home.',
      cardIds: ['c-op-options', 'c-op-unscheduled-list'],
      stepIds: ['sp-plan-presented', 'sp-plan-decision'],
      impact: 5,
      effort: 3,
      targetKpiId: 'k-plan-acceptance',
    },
    {
      id: 'o-chairside-prebook',
      title: 'Pre-book hygiene chairside',
      cardIds: ['c-op-chairside-booking'],
      stepIds: ['sp-checkout'],
      description: 'The hygienist books the next visit before the patient stands up.',
      impact: 4,
      effort: 1,
      targetKpiId: 'k-pre-appointment',
    },
    {
      id: 'o-recall-sequence',
      title: 'Digital recall sequence',
      cardIds: ['c-op-recall-sequence'],
      stepIds: ['sp-recall-due'],
      description: 'Texts and emails with a booking link replace postcards.',
      impact: 4,
      effort: 2,
      targetKpiId: 'k-recall-effectiveness',
    },
  ],
  kpis: [
    {
      id: 'k-lead-to-booked',
      kind: 'conversion',
      name: 'Lead to booked (14 days)',
      from: { stepId: 'sp-enquire' },
      to: { activities: ['appointment.booked'] },
      windowDays: 14,
    },
    {
      id: 'k-lead-to-visit',
      kind: 'conversion',
      name: 'Lead to completed first visit (60 days)',
      from: { activities: ['lead.created', 'call.received'] },
      to: { activities: ['exam.completed'] },
      windowDays: 60,
    },
    noShowRate,
    {
      id: 'k-plan-acceptance',
      kind: 'conversion',
      name: 'Treatment plans accepted within 30 days',
      from: { stepId: 'sp-plan-presented' },
      to: { activities: ['treatment_plan.accepted'] },
      windowDays: 30,
      reference: 'Practice convention',
    },
    {
      id: 'k-plan-to-treatment',
      kind: 'duration',
      name: 'Plan accepted to treatment started',
      from: { activities: ['treatment_plan.accepted'] },
      to: { activities: ['treatment.started'] },
      direction: 'lower-is-better',
    },
    {
      id: 'k-pre-appointment',
      kind: 'rate',
      name: 'Pre-appointment rate',
      description: 'Hygiene patients who left with a future visit booked ÷ hygiene patients seen.',
      numerator: ['followup.booked'],
      denominator: ['hygiene.completed'],
      countOver: 'cases',
    },
    {
      id: 'k-recall-effectiveness',
      kind: 'rate',
      name: 'Recall effectiveness',
      description: 'Recall patients seen ÷ patients due for recall in the period.',
      numerator: ['recall.completed'],
      denominator: ['recall.due'],
      countOver: 'cases',
    },
    nps,
  ],
});
