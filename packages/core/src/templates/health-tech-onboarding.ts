import { handoff, idea, nps, on, pain, sys, template } from './build';

/**
 * A health-tech vendor onboarding a multi-site clinic group onto a patient-engagement platform:
 * three buyer roles hand the deal to each other from evaluation to go-live, then the clinic's
 * patients onboard in the app. The buyer stages are keyed by customer organisation in an event
 * log, the patient stage by patient, so they usually come from two separate imports.
 */
export const healthTechOnboarding = template({
  id: 'health-tech-onboarding',
  name: 'Health-tech platform onboarding (provider and patient)',
  summary:
    'Evaluation, security review and BAA, contracting, EHR integration, staff training and go-live with the medical director, operations lead and IT manager, then patient-app onboarding: consent, intake and the first guided step.',
  category: 'health-tech',
  description:
    'A clinic group buys a patient-engagement platform for its hypertension programme. The medical director champions it, the operations lead owns the workflow change, the IT manager owns security and the EHR integration. After go-live, patients are invited to the app, consent, complete intake and take their first guided step.',
  question:
    'Where do deals and go-lives stall between roles, and why do invited patients not reach their first guided step?',
  serviceLine: 'Digital care programmes (hypertension)',
  // The buyer stages follow customer accounts (clinic groups), the app stage patients' app accounts.
  subject: { singular: 'account', plural: 'accounts' },
  tags: ['health-tech', 'b2b', 'implementation', 'patient-app'],
  personas: [
    {
      id: 'pe-dr-reyes',
      name: 'Dr Reyes, medical director',
      kind: 'buyer',
      role: 'Medical director',
      summary:
        'Champions the programme to the partners. Cares about outcomes and clinician time, not integration detail.',
      goals: ['Better blood-pressure control across the panel', 'No extra clicks for clinicians'],
      needs: ['Clinical evidence', 'A credible plan for clinician workload'],
      barriers: ['Partners sceptical of "another app"', 'Little time for vendor meetings'],
      channels: ['email', 'video', 'in-person'],
      quote: '"If it adds clicks for my doctors, it\'s dead on arrival."',
      color: '#1d4ed8',
    },
    {
      id: 'pe-olivia',
      name: 'Olivia, operations lead',
      kind: 'buyer',
      role: 'Director of operations',
      summary:
        'Runs front desks and nursing across six sites. Will own the day-to-day workflow and the staff rollout.',
      goals: ['A rollout that does not disrupt clinic flow', 'Staff who actually use it'],
      needs: ['Clear roles and a training plan', 'A named implementation contact'],
      barriers: ['Staff turnover', 'Training time competes with patient care'],
      channels: ['email', 'video', 'phone'],
      quote: '"Tell me who does what on Monday morning."',
      color: '#059669',
    },
    {
      id: 'pe-ken',
      name: 'Ken, IT manager',
      kind: 'buyer',
      role: 'IT and security manager',
      summary:
        'Two-person IT team. Owns the EHR relationship, SSO and the security review. Has been burned by vendors before.',
      goals: ['No new security risk', 'An integration the EHR vendor supports'],
      needs: ['SOC 2 report, pen-test summary, BAA', 'Integration specs early'],
      barriers: ['EHR vendor interface queue of months', '300-question security questionnaires'],
      channels: ['email', 'video'],
      quote: '"Send me the SOC 2 and the data-flow diagram before the demo, not after the contract."',
      color: '#b45309',
    },
    {
      id: 'pe-martha',
      name: 'Martha, 64, joining the hypertension programme',
      kind: 'patient',
      summary:
        'Retired bus driver with high blood pressure. Has a smartphone she uses for photos and video calls with grandchildren.',
      goals: ['Bring her blood pressure down without more visits'],
      needs: ['Big text, few steps', 'Someone to call if stuck'],
      barriers: ['Passwords', 'Long consent screens', 'Bluetooth pairing'],
      channels: ['sms', 'app', 'phone'],
      quote: '"Show me once and I\'ll do it every day."',
      color: '#be123c',
    },
  ],
  stages: [
    {
      id: 'st-evaluation',
      name: 'Evaluation',
      goal: 'Decide whether this platform solves our problem and is worth the change.',
      steps: [
        {
          id: 'sp-discovery',
          name: 'Discovery call',
          activities: ['web.visited', 'demo.requested'],
          cards: {
            touchpoints: [
              on('web', 'Vendor website and case study'),
              on('video', 'Discovery call with sales'),
            ],
            actions: ['Dr Reyes requests a demo after a conference talk'],
            thoughts: ['"Does this work with our EHR?"'],
            'pain-points': [
              pain('c-pp-generic-demo', 'medium', 'Discovery ignores the EHR and staffing constraints'),
            ],
            frontstage: ['Account executive'],
            backstage: ['Lead routed by territory'],
            systems: [sys('sy-vendor-crm', 'Vendor sales CRM')],
            data: ['Demo requests by source'],
          },
          feel: { 'pe-dr-reyes': [1, 'Hopeful'] },
        },
        {
          id: 'sp-demo',
          name: 'Multi-stakeholder demo',
          activities: ['demo.completed'],
          cards: {
            touchpoints: [on('video', 'Demo with clinical, operations and IT')],
            actions: [handoff('Medical director brings in the operations lead and IT manager')],
            thoughts: ['"Who on my team does the enrolment?" (Olivia)'],
            'pain-points': [
              pain(
                'c-pp-it-late',
                'high',
                'IT joins at the end of the demo; security and integration questions unanswered',
              ),
            ],
            opportunities: [
              idea('c-op-it-track', 'Parallel IT track: security pack and integration call in week one', [
                'c-pp-it-late',
              ]),
            ],
            frontstage: ['Account executive, solutions engineer'],
            systems: [sys('sy-vendor-crm', 'Opportunity stage')],
          },
          feel: {
            'pe-dr-reyes': [2, 'Convinced'],
            'pe-olivia': [0, 'Worried about staff time'],
            'pe-ken': [-1, 'Invited late'],
          },
        },
      ],
    },
    {
      id: 'st-security',
      name: 'Security review and BAA',
      goal: 'Be sure patient data is protected and the agreement covers it.',
      steps: [
        {
          id: 'sp-security-review',
          name: 'Security questionnaire and evidence',
          activities: ['security_review.started', 'security_review.completed'],
          cards: {
            touchpoints: [
              on('email', 'Security questionnaire (HECVAT / SIG)'),
              on('web', 'Vendor trust centre'),
            ],
            actions: [
              handoff('Medical director forwards the vendor to IT; IT sends a 300-question questionnaire'),
            ],
            thoughts: ['"Where is PHI stored, and who at the vendor can see it?" (Ken)'],
            'pain-points': [
              pain(
                'c-pp-questionnaire-ping-pong',
                'high',
                'Questionnaire bounces for weeks; answers unclear on subprocessors',
              ),
            ],
            opportunities: [
              idea(
                'c-op-security-pack',
                'Pre-filled questionnaire, SOC 2 report and data-flow diagram sent proactively',
                ['c-pp-questionnaire-ping-pong'],
              ),
            ],
            frontstage: ['Vendor security engineer'],
            backstage: ['Subprocessor list and pen-test summary prepared'],
            systems: [sys('sy-vendor-crm', 'Deal blocked at "security"')],
            data: ['Security review duration'],
          },
          feel: { 'pe-ken': [-2, 'Chasing answers'], 'pe-dr-reyes': [-1, 'Momentum lost'] },
        },
        {
          id: 'sp-baa',
          name: 'Business associate agreement',
          activities: ['baa.signed'],
          cards: {
            touchpoints: [on('email', 'BAA redlines between legal teams')],
            actions: [handoff("IT hands the BAA to the group's compliance officer and counsel")],
            'pain-points': [
              pain(
                'c-pp-baa-redlines',
                'medium',
                'Breach-notification window and subprocessor terms negotiated from scratch',
              ),
            ],
            opportunities: [
              idea('c-op-standard-baa', 'Standard BAA with pre-agreed fallback clauses', [
                'c-pp-baa-redlines',
              ]),
            ],
            backstage: ['Vendor legal review'],
            systems: [sys('sy-platform', 'Platform cannot be loaded with PHI until the BAA is signed')],
          },
          feel: { 'pe-ken': [1, 'BAA signed, risk documented'] },
        },
      ],
    },
    {
      id: 'st-contracting',
      name: 'Contracting',
      goal: 'Agree a price, scope and timeline we can defend to the partners.',
      steps: [
        {
          id: 'sp-contract',
          name: 'Contract and order form',
          activities: ['contract.signed'],
          cards: {
            touchpoints: [on('email', 'Order form and master agreement')],
            actions: [handoff('Operations lead confirms sites and seats; medical director signs')],
            'pain-points': [pain('c-pp-scope-gap', 'medium', 'Integration scope vague in the contract')],
            frontstage: ['Account executive'],
            backstage: ['Deal desk approves discount'],
            systems: [sys('sy-vendor-crm', 'Closed-won')],
            data: ['Demo to contract (days)'],
          },
          feel: { 'pe-dr-reyes': [1, 'Relieved'], 'pe-olivia': [0, 'Now it is her problem'] },
        },
        {
          id: 'sp-kickoff',
          name: 'Implementation kickoff',
          activities: ['kickoff.completed'],
          cards: {
            touchpoints: [on('video', 'Kickoff with the implementation manager')],
            actions: [handoff('Sales hands the account to implementation; customer names a project lead')],
            'pain-points': [
              pain(
                'c-pp-lost-context',
                'high',
                'Promises made in sales are not in the handover; customer repeats everything',
              ),
            ],
            opportunities: [
              idea(
                'c-op-handover-doc',
                'Written sales-to-implementation handover reviewed with the customer at kickoff',
                ['c-pp-lost-context'],
              ),
            ],
            frontstage: ['Implementation manager'],
            backstage: ['Project plan and RACI drafted'],
            systems: [sys('sy-vendor-crm', 'Handover notes')],
          },
          feel: {
            'pe-olivia': [-1, 'Repeats what she told sales'],
            'pe-ken': [0, 'Wants the integration spec'],
          },
        },
      ],
    },
    {
      id: 'st-configuration',
      name: 'Configuration and EHR integration',
      goal: 'Fit the platform to our workflows and connect it to the EHR without double entry.',
      steps: [
        {
          id: 'sp-configure',
          name: 'Workflow configuration and SSO',
          activities: ['sso.configured'],
          cards: {
            touchpoints: [on('video', 'Weekly configuration sessions')],
            actions: ['Operations lead maps who enrols patients and who reviews readings'],
            'pain-points': [pain('c-pp-sso-delay', 'low', 'SSO waits on the customer identity team')],
            frontstage: ['Implementation manager, clinical consultant'],
            backstage: ['Programme protocols configured per site'],
            systems: [
              sys('sy-platform', 'Programme and role configuration'),
              sys('sy-idp', 'SSO via the customer identity provider'),
            ],
          },
          feel: { 'pe-olivia': [1, 'Workflow finally concrete'] },
        },
        {
          id: 'sp-ehr-integration',
          name: 'EHR integration built and validated',
          activities: ['integration.started', 'integration.validated'],
          cards: {
            touchpoints: [on('email', 'Interface request to the EHR vendor')],
            actions: [
              handoff('IT manager requests the interface from the EHR vendor and tests with the vendor team'),
            ],
            thoughts: ['"Another 12 weeks in the EHR vendor\'s queue?" (Ken)'],
            'pain-points': [
              pain('c-pp-interface-queue', 'critical', 'EHR vendor interface queue delays go-live by months'),
              pain('c-pp-test-data', 'medium', 'No realistic test patients in the EHR test environment'),
            ],
            opportunities: [
              idea(
                'c-op-fhir-first',
                'Start on standard FHIR APIs and a CSV bridge; custom interface later',
                ['c-pp-interface-queue'],
              ),
              idea('c-op-synthetic-patients', 'Ship synthetic test patients for validation', [
                'c-pp-test-data',
              ]),
            ],
            frontstage: ['Integration engineer'],
            backstage: ['Patient matching rules and appointment feed mapped'],
            systems: [
              sys('sy-ehr', 'Customer EHR'),
              sys('sy-integration', 'Integration engine (FHIR / HL7 v2)'),
            ],
            data: ['Kickoff to integration validated (days)'],
          },
          feel: { 'pe-ken': [-2, 'Stuck in the EHR queue'], 'pe-dr-reyes': [-1, 'Asks why it is late'] },
        },
      ],
    },
    {
      id: 'st-training',
      name: 'Staff training',
      goal: 'Make sure every role knows what to do on day one.',
      steps: [
        {
          id: 'sp-staff-invited',
          name: 'Staff accounts created',
          activities: ['staff.invited'],
          cards: {
            touchpoints: [on('email', 'Account invitations')],
            actions: [handoff('Operations lead sends the staff roster to IT for accounts')],
            'pain-points': [pain('c-pp-roster-stale', 'low', 'Roster out of date; agency staff missing')],
            systems: [sys('sy-platform', 'User provisioning'), sys('sy-idp', 'Groups')],
          },
          feel: { 'pe-olivia': [0, 'Chasing the roster'] },
        },
        {
          id: 'sp-training',
          name: 'Role-based training',
          activities: ['training.completed'],
          cards: {
            touchpoints: [on('video', 'Live training sessions'), on('web', 'Self-paced modules')],
            actions: ['Site champions trained first; they train their teams'],
            'pain-points': [
              pain('c-pp-training-time', 'high', 'Clinics cannot release nurses for two-hour sessions'),
            ],
            opportunities: [
              idea('c-op-micro-training', '15-minute role-based modules plus site champions', [
                'c-pp-training-time',
              ]),
            ],
            frontstage: ['Vendor trainer, site champions'],
            systems: [sys('sy-platform', 'Training completion tracking')],
            data: ['Trained staff ÷ invited staff'],
          },
          feel: {
            'pe-olivia': [-1, 'Juggling rotas for training'],
            'pe-dr-reyes': [0, 'Clinicians grumble'],
          },
        },
      ],
    },
    {
      id: 'st-go-live',
      name: 'Go-live',
      goal: 'Launch without disrupting clinics, and see value early.',
      steps: [
        {
          id: 'sp-go-live',
          name: 'Go-live at the pilot site',
          activities: ['go_live.completed'],
          cards: {
            touchpoints: [on('in-person', 'Vendor at the pilot site for launch week')],
            actions: [handoff('Implementation hands the account to customer success after go-live')],
            emotions: ['Launch nerves'],
            frontstage: ['Implementation manager, site champion'],
            backstage: ['Go-live checklist and rollback plan'],
            systems: [sys('sy-platform', 'Production tenant'), sys('sy-integration', 'Live feeds monitored')],
            data: ['Contract to go-live (days)'],
          },
          feel: { 'pe-olivia': [1, 'Pilot site running'], 'pe-dr-reyes': [1, 'First patients enrolled'] },
        },
        {
          id: 'sp-hypercare',
          name: 'Hypercare and support',
          activities: ['support_ticket.opened', 'support_ticket.resolved'],
          cards: {
            touchpoints: [on('email', 'Support desk'), on('phone', 'Daily stand-up in week one')],
            'pain-points': [
              pain(
                'c-pp-phi-in-tickets',
                'high',
                'Staff paste patient screenshots into support tickets; the helpdesk has no BAA',
              ),
            ],
            opportunities: [
              idea(
                'c-op-ticket-redaction',
                'In-app support with automatic redaction, or a helpdesk under the BAA',
                ['c-pp-phi-in-tickets'],
              ),
            ],
            frontstage: ['Customer success manager'],
            systems: [sys('sy-helpdesk', 'Helpdesk')],
            data: ['Tickets per site per week; time to resolve'],
          },
          feel: { 'pe-ken': [-1, 'Finds PHI in tickets'], 'pe-olivia': [0, 'Fires to put out'] },
        },
        {
          id: 'sp-value-review',
          name: '90-day value review',
          optional: true,
          activities: ['survey.sent', 'survey.completed'],
          cards: {
            touchpoints: [on('video', 'Business review with outcomes dashboard')],
            actions: ['Medical director presents blood-pressure control to the partners'],
            frontstage: ['Customer success manager'],
            systems: [sys('sy-platform', 'Outcomes reporting')],
            data: ['Customer NPS; enrolled and active patients'],
          },
          feel: { 'pe-dr-reyes': [2, 'Numbers to show the partners'] },
        },
      ],
    },
    {
      id: 'st-patient-app',
      name: 'Patient app onboarding',
      goal: 'Get set up quickly and see how this helps me.',
      steps: [
        {
          id: 'sp-app-invite',
          name: 'Invited and creates an account',
          activities: ['app.invited', 'app.account_created'],
          cards: {
            touchpoints: [
              on('sms', 'Invitation text from the clinic'),
              on('in-person', 'Nurse shows the QR code at the visit'),
            ],
            actions: ['Taps the link; sets a password'],
            thoughts: ['"Is this text really from my clinic?"'],
            'pain-points': [
              pain(
                'c-pp-invite-distrust',
                'medium',
                'Invitation text looks like a scam; sent days after the visit',
              ),
            ],
            opportunities: [
              idea(
                'c-op-enrol-at-visit',
                'Enrol in the room with the nurse; the text follows within a minute',
                ['c-pp-invite-distrust'],
              ),
            ],
            frontstage: ['Clinic nurse'],
            systems: [sys('sy-messaging', 'SMS invitations'), sys('sy-app', 'Patient app')],
            data: ['Account created ÷ invited'],
          },
          feel: { 'pe-martha': [-1, 'Suspicious of the text'] },
        },
        {
          id: 'sp-app-consent',
          name: 'Gives consent',
          activities: ['consent.signed'],
          cards: {
            touchpoints: [on('app', 'Consent and privacy screens')],
            actions: ['Scrolls past three pages of terms'],
            thoughts: ['"What am I agreeing to? Who sees my readings?"'],
            'pain-points': [pain('c-pp-consent-wall', 'high', 'Long legal consent; many patients stop here')],
            opportunities: [
              idea('c-op-layered-consent', 'Layered plain-language consent with a one-screen summary', [
                'c-pp-consent-wall',
              ]),
            ],
            backstage: ['Consent versioned and stored with the record'],
            systems: [sys('sy-app', 'Consent capture')],
          },
          feel: { 'pe-martha': [-1, 'Unsure what she signed'] },
        },
        {
          id: 'sp-app-intake',
          name: 'Completes intake',
          activities: ['intake.completed'],
          cards: {
            touchpoints: [on('app', 'Health questionnaire')],
            actions: ['Answers medication and lifestyle questions'],
            'pain-points': [
              pain(
                'c-pp-app-analytics',
                'high',
                'Product analytics in the app sends screen names like "Hypertension intake" to a tool with no BAA',
              ),
            ],
            opportunities: [
              idea('c-op-remove-sdk', 'Remove or self-host product analytics for PHI screens', [
                'c-pp-app-analytics',
              ]),
            ],
            backstage: ['Intake answers written back to the EHR'],
            systems: [sys('sy-app', 'Intake forms'), sys('sy-app-analytics', 'Product analytics SDK')],
          },
          feel: { 'pe-martha': [0, 'Easy enough'] },
        },
        {
          id: 'sp-first-step',
          name: 'Takes the first guided step',
          activities: ['task.first_completed', 'device.reading_received'],
          cards: {
            touchpoints: [
              on('app', 'Guided first reading with the home cuff'),
              on('phone', 'Nurse call if no reading in 3 days'),
            ],
            actions: ['Pairs the cuff and sends her first reading'],
            emotions: ['Proud when the nurse replies "great first reading"'],
            'pain-points': [pain('c-pp-pairing', 'medium', 'Bluetooth pairing fails; no help in the app')],
            opportunities: [
              idea('c-op-pairing-help', 'Step-by-step pairing video and a call-me button', ['c-pp-pairing']),
            ],
            frontstage: ['Programme nurse'],
            systems: [
              sys('sy-app', 'Guided tasks and device readings'),
              sys('sy-ehr', 'Readings flow to the EHR'),
            ],
            data: ['Invited to first guided step (days)'],
          },
          feel: { 'pe-martha': [2, 'Feels looked after'] },
        },
      ],
    },
  ],
  systems: [
    {
      id: 'sy-vendor-crm',
      name: 'Vendor sales CRM',
      category: 'crm',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Vendor sales operations',
    },
    {
      id: 'sy-platform',
      name: 'Patient-engagement platform (clinician console)',
      category: 'other',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Vendor',
    },
    {
      id: 'sy-idp',
      name: 'Customer identity provider (SSO)',
      category: 'other',
      holdsPhi: false,
      baaInPlace: false,
      owner: 'Customer IT',
    },
    {
      id: 'sy-ehr',
      name: 'Customer EHR',
      category: 'ehr',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Customer IT',
    },
    {
      id: 'sy-integration',
      name: 'Integration engine (FHIR / HL7 v2)',
      category: 'other',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Vendor integrations',
    },
    {
      id: 'sy-helpdesk',
      name: 'Support helpdesk',
      category: 'other',
      holdsPhi: true,
      baaInPlace: false,
      owner: 'Vendor support',
    },
    {
      id: 'sy-messaging',
      name: 'SMS vendor',
      category: 'messaging',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Vendor',
    },
    {
      id: 'sy-app',
      name: 'Patient app',
      category: 'portal',
      holdsPhi: true,
      baaInPlace: true,
      owner: 'Vendor',
    },
    {
      id: 'sy-app-analytics',
      name: 'Product analytics SDK',
      category: 'analytics',
      holdsPhi: true,
      baaInPlace: false,
      owner: 'Vendor product team',
    },
  ],
  opportunities: [
    {
      id: 'o-security-pack',
      title: 'Proactive security pack and standard BAA',
      description:
        'Send the pre-filled questionnaire, SOC 2 report, data-flow diagram and standard BAA in week one.',
      cardIds: ['c-op-security-pack', 'c-op-standard-baa', 'c-op-it-track'],
      stepIds: ['sp-demo', 'sp-security-review', 'sp-baa'],
      impact: 5,
      effort: 2,
      targetKpiId: 'k-security-review',
    },
    {
      id: 'o-fhir-first',
      title: 'FHIR-first integration with a fallback bridge',
      description:
        'Go live on standard APIs and a CSV bridge while the custom interface waits in the EHR queue.',
      cardIds: ['c-op-fhir-first', 'c-op-synthetic-patients'],
      stepIds: ['sp-ehr-integration'],
      impact: 5,
      effort: 4,
      targetKpiId: 'k-contract-to-go-live',
    },
    {
      id: 'o-handover',
      title: 'Written hand-offs between sales, implementation and success',
      cardIds: ['c-op-handover-doc'],
      stepIds: ['sp-kickoff', 'sp-go-live'],
      description: 'Every promise and contact carried forward; reviewed with the customer at each hand-off.',
      impact: 3,
      effort: 1,
    },
    {
      id: 'o-enrol-at-visit',
      title: 'Enrol patients in the room',
      cardIds: ['c-op-enrol-at-visit', 'c-op-layered-consent'],
      stepIds: ['sp-app-invite', 'sp-app-consent'],
      description: 'Nurse starts enrolment during the visit; plain-language layered consent.',
      impact: 5,
      effort: 2,
      targetKpiId: 'k-app-activation',
    },
    {
      id: 'o-phi-hygiene',
      title: 'Close PHI leaks to tools without a BAA',
      cardIds: ['c-op-ticket-redaction', 'c-op-remove-sdk'],
      stepIds: ['sp-hypercare', 'sp-app-intake'],
      description: 'Helpdesk under the BAA (or redaction) and no third-party analytics on PHI screens.',
      impact: 4,
      effort: 2,
    },
  ],
  kpis: [
    {
      id: 'k-demo-to-contract',
      kind: 'duration',
      name: 'Demo requested to contract signed',
      from: { activities: ['demo.requested'] },
      to: { activities: ['contract.signed'] },
      direction: 'lower-is-better',
    },
    {
      id: 'k-security-review',
      kind: 'duration',
      name: 'Security review started to BAA signed',
      from: { activities: ['security_review.started'] },
      to: { activities: ['baa.signed'] },
      direction: 'lower-is-better',
    },
    {
      id: 'k-contract-to-go-live',
      kind: 'duration',
      name: 'Contract to go-live',
      from: { stepId: 'sp-contract' },
      to: { stepId: 'sp-go-live' },
      direction: 'lower-is-better',
    },
    {
      id: 'k-staff-trained',
      kind: 'rate',
      name: 'Staff trained',
      description: 'Training completions ÷ staff invitations (one event per staff member).',
      numerator: ['training.completed'],
      denominator: ['staff.invited'],
      countOver: 'events',
      reference: 'Implementation convention',
    },
    {
      id: 'k-app-activation',
      kind: 'rate',
      name: 'Patient app activation',
      description: 'Patients who created an account ÷ patients invited (the portal "activated" level).',
      numerator: ['app.account_created'],
      denominator: ['app.invited'],
      countOver: 'cases',
    },
    {
      id: 'k-first-step-7d',
      kind: 'conversion',
      name: 'Account to first guided step within 7 days',
      from: { activities: ['app.account_created'] },
      to: { stepId: 'sp-first-step' },
      windowDays: 7,
    },
    {
      id: 'k-invite-to-first-step',
      kind: 'duration',
      name: 'Invitation to first guided step',
      from: { activities: ['app.invited'] },
      to: { activities: ['task.first_completed'] },
      direction: 'lower-is-better',
    },
    { ...nps, name: 'Customer NPS (90-day review)' },
  ],
});
