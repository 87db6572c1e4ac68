import { csat, idea, noShowRate, nps, on, pain, sys, template } from './build';

/** A medical spa: a first-time injectables client from an Instagram inquiry to regular rebooking. */
export const aestheticsWellness = template({
  id: 'aesthetics-wellness',
  name: 'Aesthetics and wellness: inquiry to rebooking',
  summary:
    'Inquiry, consultation, treatment, follow-up and rebooking at a medical spa, where social media, deposits and aftercare decide whether a client comes back.',
  category: 'aesthetics',
  description:
    'A first-time client sees before-and-after posts, messages the spa, books a consultation with a deposit, is treated by a nurse injector, worries about bruising at home, and is prompted to rebook when results fade. Use it to find where inquiries go cold and why first-time clients do not return.',
  question: 'Why do first-time clients not come back for a second treatment?',
  serviceLine: 'Medical aesthetics (injectables, laser, skin)',
  tags: ['aesthetics', 'wellness', 'self-pay', 'retention'],
  personas: [
    {
      id: 'pe-chloe',
      name: 'Chloe, 38, first-time injectables client',
      kind: 'patient',
      summary:
        'Marketing manager who has followed the spa on Instagram for a year. Wants to look rested, not "done". Self-pay, price-aware.',
      goals: ['A natural result from someone qualified', 'Know the full price up front'],
      needs: [
        'Fast replies in the app she already uses',
        'Reassurance about safety and side effects',
        'Evening slots',
      ],
      barriers: ['Fear of looking frozen', 'Unclear "per unit" pricing', 'Deposit feels like a trap'],
      channels: ['social', 'sms', 'web', 'app'],
      quote: '"I just want to know who\'s doing it, what it costs, and what I\'ll look like tomorrow."',
      color: '#e11d48',
    },
    {
      id: 'pe-sam',
      name: 'Sam, 52, loyal regular',
      kind: 'patient',
      summary:
        'Comes every 3–4 months for neurotoxin and twice a year for laser. Has a membership. Busy, books on the go.',
      goals: ['Keep results without gaps', 'Keep the same injector'],
      needs: ['A reminder before results fade', 'One-tap rebooking'],
      barriers: ['Her injector left and nobody told her', 'Membership perks are confusing'],
      channels: ['sms', 'app', 'email'],
      quote: '"Remind me before I notice the lines, not after."',
      color: '#7c2d12',
    },
  ],
  stages: [
    {
      id: 'st-inquiry',
      name: 'Inquiry',
      goal: 'Find out whether this is safe, right for me and what it costs.',
      steps: [
        {
          id: 'sp-discover',
          name: 'Discovers the spa',
          activities: ['ad.clicked', 'web.visited', 'review.viewed'],
          cards: {
            touchpoints: [
              on('social', 'Instagram before-and-after reels'),
              on('web', 'Treatment and pricing pages'),
              on('search', 'Reviews naming injectors'),
            ],
            actions: ['Saves three posts; compares prices with two other spas'],
            thoughts: ['"$14 a unit, but how many units do I need?"'],
            'pain-points': [
              pain('c-pp-unit-pricing', 'medium', 'Per-unit pricing gives no idea of the total'),
            ],
            opportunities: [
              idea('c-op-typical-totals', 'Show typical total ranges per treatment area', [
                'c-pp-unit-pricing',
              ]),
            ],
            backstage: ['Content calendar and paid social run by the marketing coordinator'],
            systems: [sys('sy-ads', 'Social ads and website analytics')],
            data: ['Reach, clicks and inquiries by campaign (aggregated)'],
          },
          feel: { 'pe-chloe': [1, 'Curious and a little excited'] },
        },
        {
          id: 'sp-inquire',
          name: 'Sends an inquiry',
          activities: ['lead.created', 'chat.started', 'call.received'],
          cards: {
            touchpoints: [
              on('social', 'Instagram direct message'),
              on('web', 'Website chat'),
              on('phone', 'Front desk'),
            ],
            actions: ['DMs a selfie asking "what would you recommend?"'],
            thoughts: ['"Did they see my message?"'],
            'pain-points': [
              pain(
                'c-pp-dm-phi',
                'high',
                'Clients send face photos and medical questions by DM, outside any BAA',
              ),
              pain('c-pp-slow-reply', 'high', 'DMs answered a day or two later; warm inquiries go cold'),
            ],
            opportunities: [
              idea(
                'c-op-dm-to-secure',
                'Auto-reply with a booking link and a secure form for photos and questions',
                ['c-pp-dm-phi', 'c-pp-slow-reply'],
              ),
            ],
            frontstage: ['Front-desk coordinator handles DMs between clients'],
            systems: [sys('sy-social', 'Social media inbox'), sys('sy-crm', 'Lead CRM')],
            data: ['Inquiries by channel; time to first reply'],
          },
          feel: { 'pe-chloe': [-1, 'Left on "seen" overnight'] },
        },
      ],
    },
    {
      id: 'st-consultation',
      name: 'Consultation',
      goal: 'Feel safe with the person treating me and get an honest recommendation.',
      steps: [
        {
          id: 'sp-book-consult',
          name: 'Books a consultation with a deposit',
          activities: ['lead.contacted', 'appointment.booked', 'deposit.paid', 'reminder.sent'],
          cards: {
            touchpoints: [
              on('web', 'Online booking with card on file'),
              on('sms', 'Confirmation and reminders'),
            ],
            actions: ['Pays a $50 deposit credited to treatment'],
            thoughts: ['"Do I lose this if I change my mind?"'],
            'pain-points': [pain('c-pp-deposit-terms', 'low', 'Deposit terms buried in small print')],
            frontstage: ['Front-desk coordinator'],
            backstage: ['Deposit policy to cut consult no-shows'],
            systems: [sys('sy-spa-platform', 'Booking and payments'), sys('sy-messaging', 'Reminder texts')],
            data: ['Inquiry to booked conversion; deposits forfeited'],
          },
          feel: { 'pe-chloe': [0, 'Committed, slightly nervous'] },
        },
        {
          id: 'sp-consult-forms',
          name: 'Completes health history and consents',
          activities: ['intake.sent', 'intake.completed', 'consent.signed'],
          cards: {
            touchpoints: [on('sms', 'Forms link'), on('in-person', 'Tablet at reception')],
            actions: ['Lists medications and allergies; signs photo consent'],
            'pain-points': [
              pain('c-pp-photo-consent', 'medium', 'Photo consent mixes clinical records and marketing use'),
            ],
            opportunities: [
              idea('c-op-split-consent', 'Separate consent for clinical photos and for marketing use', [
                'c-pp-photo-consent',
              ]),
            ],
            backstage: ['Medical director reviews contraindications'],
            systems: [sys('sy-spa-platform', 'Digital forms and chart')],
          },
          feel: { 'pe-chloe': [0, 'Reassured they ask about medications'] },
        },
        {
          id: 'sp-consultation',
          name: 'Consultation with the injector',
          activities: ['appointment.arrived', 'appointment.noshow', 'consultation.completed'],
          cards: {
            touchpoints: [on('in-person', 'Treatment room, mirror and photos')],
            actions: ['Discusses concerns; looks at simulated results'],
            thoughts: ['"She\'s not upselling me. Good."'],
            emotions: ['Trust building'],
            frontstage: ['Nurse injector'],
            backstage: ['Standardised baseline photos'],
            systems: [sys('sy-spa-platform', 'Clinical photos and notes')],
            data: ['Consult no-show rate'],
          },
          feel: { 'pe-chloe': [1, 'Feels listened to'] },
        },
      ],
    },
    {
      id: 'st-treatment',
      name: 'Treatment',
      goal: 'Get a natural result, with little downtime, at the price I was quoted.',
      steps: [
        {
          id: 'sp-quote',
          name: 'Receives a plan and quote',
          activities: ['estimate.sent', 'treatment_plan.accepted', 'treatment_plan.declined'],
          cards: {
            touchpoints: [on('in-person', 'Written quote'), on('email', 'Plan sent after the consult')],
            actions: ["Accepts a plan for forehead and crow's feet"],
            'pain-points': [
              pain('c-pp-upsell-pressure', 'medium', 'Package offers feel like pressure on the first visit'),
            ],
            opportunities: [
              idea(
                'c-op-first-visit-simple',
                'First-visit plan: one area, package offered only at follow-up',
                ['c-pp-upsell-pressure'],
              ),
            ],
            frontstage: ['Nurse injector, patient coordinator'],
            systems: [sys('sy-spa-platform', 'Treatment plan and quote')],
          },
          feel: { 'pe-chloe': [0, 'Happy with the plan, wary of the package'] },
        },
        {
          id: 'sp-treatment-day',
          name: 'Treatment and payment',
          activities: ['treatment.completed', 'payment.collected', 'package.purchased'],
          cards: {
            touchpoints: [on('in-person', 'Treatment room and check-out')],
            actions: ['Treated in 20 minutes; pays; gets aftercare sheet'],
            emotions: ['Relieved it hurt less than expected'],
            'pain-points': [pain('c-pp-aftercare-sheet', 'low', 'Aftercare on a paper sheet that gets lost')],
            frontstage: ['Nurse injector, front desk'],
            backstage: ['Lot numbers and units charted'],
            systems: [sys('sy-spa-platform', 'Charting, inventory and payments')],
          },
          feel: { 'pe-chloe': [1, 'Easier than she feared'], 'pe-sam': [1, 'Quick and familiar'] },
        },
      ],
    },
    {
      id: 'st-followup',
      name: 'Follow-up',
      goal: 'Know what is normal while it settles, and get a touch-up if needed.',
      steps: [
        {
          id: 'sp-aftercare',
          name: 'Aftercare at home',
          activities: ['outreach.completed', 'message.received', 'message.replied'],
          cards: {
            touchpoints: [on('sms', 'Day-2 check-in text'), on('social', 'DM with a photo of a bruise')],
            actions: ['Sends a photo at 9 pm asking if the bruise is normal'],
            thoughts: ['"Is this normal? Will it be gone by Saturday?"'],
            emotions: ['Worried in the evening'],
            'pain-points': [
              pain('c-pp-after-hours', 'medium', 'No after-hours answer for side-effect worries'),
            ],
            opportunities: [
              idea('c-op-aftercare-texts', 'Timed aftercare texts and a nurse on call for complications', [
                'c-pp-after-hours',
              ]),
            ],
            frontstage: ['Nurse injector replies next morning'],
            systems: [sys('sy-messaging', 'Two-way texting'), sys('sy-social', 'Social inbox')],
          },
          feel: { 'pe-chloe': [-1, 'Anxious about a bruise'] },
        },
        {
          id: 'sp-review-visit',
          name: 'Two-week review and touch-up',
          optional: true,
          activities: ['followup.booked', 'followup.completed'],
          cards: {
            touchpoints: [on('in-person', 'Two-week review with after photos')],
            actions: ['Compares photos; small touch-up on one side'],
            frontstage: ['Nurse injector'],
            systems: [sys('sy-spa-platform', 'Before-and-after photos')],
            data: ['Touch-up rate by injector'],
          },
          feel: { 'pe-chloe': [2, 'Loves the result'] },
        },
      ],
    },
    {
      id: 'st-rebooking',
      name: 'Rebooking',
      goal: 'Keep my results without having to chase an appointment.',
      steps: [
        {
          id: 'sp-rebook-due',
          name: 'Reminded when results fade',
          activities: ['recall.due', 'recall.notified', 'membership.started'],
          cards: {
            touchpoints: [on('sms', 'Rebooking text at 12 weeks'), on('email', 'Membership offer')],
            actions: ['Sam gets no reminder; notices lines at 16 weeks'],
            'pain-points': [
              pain('c-pp-no-rebook-prompt', 'high', 'No rebooking reminder unless the client pre-booked'),
              pain('c-pp-injector-left', 'medium', 'Clients of a departed injector are not contacted'),
            ],
            opportunities: [
              idea(
                'c-op-rebook-cadence',
                'Treatment-specific rebooking reminders (e.g. 12 weeks for neurotoxin)',
                ['c-pp-no-rebook-prompt'],
              ),
              idea('c-op-injector-handover', 'Personal handover message when an injector leaves', [
                'c-pp-injector-left',
              ]),
            ],
            backstage: ['Marketing sends monthly promotions to everyone'],
            systems: [sys('sy-crm', 'Segments and campaigns'), sys('sy-messaging', 'Texts')],
            data: ['Clients due for rebooking; membership sign-ups'],
          },
          feel: {
            'pe-sam': [-1, 'Has to chase her own appointment'],
            'pe-chloe': [0, 'Thinking about coming back'],
          },
        },
        {
          id: 'sp-return-visit',
          name: 'Returns for maintenance',
          activities: ['recall.completed'],
          cards: {
            touchpoints: [on('app', 'One-tap rebooking'), on('in-person', 'Maintenance treatment')],
            actions: ['Books the same injector for next week'],
            frontstage: ['Nurse injector'],
            systems: [sys('sy-spa-platform', 'Booking')],
            data: ['Second-treatment rate within 6 months'],
          },
          feel: {
            'pe-sam': [1, 'Back with a new injector she likes'],
            'pe-chloe': [1, 'Second visit booked'],
          },
        },
        {
          id: 'sp-advocacy',
          name: 'Reviews and refers a friend',
          optional: true,
          activities: ['survey.sent', 'survey.completed', 'review.posted'],
          cards: {
            touchpoints: [on('sms', 'Survey after the visit'), on('social', 'Tags the spa in a story')],
            'pain-points': [
              pain('c-pp-repost-consent', 'high', 'Client photos reposted without written marketing consent'),
            ],
            opportunities: [
              idea('c-op-repost-check', 'Repost only with a recorded marketing consent', [
                'c-pp-repost-consent',
              ]),
            ],
            backstage: ['Marketing coordinator reposts tagged stories'],
            systems: [sys('sy-social', 'Social accounts')],
            data: ['NPS and CSAT after treatment'],
          },
          feel: { 'pe-chloe': [2, 'Sends a friend the link'], 'pe-sam': [1, 'Renews her membership'] },
        },
      ],
    },
  ],
  systems: [
    {
      id: 'sy-ads',
      name: 'Social ads and website analytics',
      category: 'analytics',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Marketing coordinator',
    },
    {
      id: 'sy-social',
      name: 'Social media inbox (DMs)',
      category: 'other',
      holdsPhi: true,
      baaInPlace: false,
      owner: 'Marketing coordinator',
    },
    {
      id: 'sy-crm',
      name: 'Lead CRM and marketing automation',
      category: 'crm',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Spa manager',
    },
    {
      id: 'sy-spa-platform',
      name: 'Med-spa platform (booking, charting, photos, payments)',
      category: 'pms',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Medical director',
    },
    {
      id: 'sy-messaging',
      name: 'Two-way texting',
      category: 'messaging',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Spa manager',
    },
  ],
  opportunities: [
    {
      id: 'o-secure-inquiry',
      title: 'Move DM inquiries to a secure, fast booking path',
      description:
        'Instant auto-reply with a booking link and a secure form for photos; nothing clinical in DMs.',
      cardIds: ['c-op-dm-to-secure'],
      stepIds: ['sp-inquire'],
      impact: 5,
      effort: 2,
      targetKpiId: 'k-inquiry-to-booked',
    },
    {
      id: 'o-rebook-reminders',
      title: 'Treatment-specific rebooking reminders',
      description: "Reminders timed to each treatment's duration, with the same injector first.",
      cardIds: ['c-op-rebook-cadence', 'c-op-injector-handover'],
      stepIds: ['sp-rebook-due'],
      impact: 5,
      effort: 2,
      targetKpiId: 'k-rebooking',
    },
    {
      id: 'o-aftercare',
      title: 'Aftercare texts and an on-call nurse',
      cardIds: ['c-op-aftercare-texts'],
      stepIds: ['sp-aftercare'],
      description: 'Day-1, day-2 and day-14 messages; a nurse line for complications.',
      impact: 3,
      effort: 3,
      targetKpiId: 'k-csat',
    },
    {
      id: 'o-photo-consent',
      title: 'Separate clinical and marketing photo consent',
      cardIds: ['c-op-split-consent', 'c-op-repost-check'],
      stepIds: ['sp-consult-forms', 'sp-advocacy'],
      description: 'Record marketing consent on its own and check it before any repost.',
      impact: 3,
      effort: 1,
    },
  ],
  kpis: [
    {
      id: 'k-inquiry-to-booked',
      kind: 'conversion',
      name: 'Inquiry to consult booked (14 days)',
      from: { stepId: 'sp-inquire' },
      to: { activities: ['appointment.booked'] },
      windowDays: 14,
    },
    {
      id: 'k-consult-to-treatment',
      kind: 'conversion',
      name: 'Consultation to treatment (30 days)',
      from: { activities: ['consultation.completed'] },
      to: { activities: ['treatment.completed'] },
      windowDays: 30,
    },
    noShowRate,
    {
      id: 'k-rebooking',
      kind: 'rate',
      name: 'Rebooking when due',
      description: 'Clients who returned ÷ clients due, the recall measure adapted to aesthetics.',
      numerator: ['recall.completed'],
      denominator: ['recall.due'],
      countOver: 'cases',
    },
    {
      id: 'k-treatment-to-return',
      kind: 'duration',
      name: 'Treatment to return visit',
      description:
        'Gaps far beyond how long the treatment lasts mean results faded before the client came back.',
      from: { activities: ['treatment.completed'] },
      to: { activities: ['recall.completed'] },
      direction: 'lower-is-better',
    },
    csat,
    nps,
  ],
});
