import type { PersonaInput } from '@pathlight/core';
import { RESEARCH } from './riverside-evidence';

/** Keys the demo journeys use to point at the four personas before storage gives them ids. */
export type DemoPersonaKey = 'aisha' | 'luis' | 'denise' | 'jen';

/** The four Riverside personas (fictional people), each backed by evidence of mixed strength. */
export const RIVERSIDE_PERSONAS: Record<DemoPersonaKey, PersonaInput> = {
  aisha: {
    name: 'Aisha, 29, cracked molar and dental anxiety',
    kind: 'patient',
    summary:
      'Graphic designer in Old Town, four years since her last dentist after a painful filling. Found Riverside through a search ad at 9 pm with a cracked molar; dental insurance through work.',
    goals: [
      'Be out of pain this week',
      'Know the price before anything is done',
      'Not be told off for staying away',
    ],
    needs: [
      'A same-week emergency slot she can book online in the evening',
      'A written estimate with options',
      'A dentist who explains before starting',
    ],
    barriers: [
      'Phoning feels like a commitment',
      'Fear of the chair',
      'Surprise bills after the last practice',
    ],
    channels: ['search', 'web', 'sms', 'portal'],
    quote: '"If I can book it online at night without talking to anyone, I\'ll actually go."',
    color: '#9333ea',
    evidence: [RESEARCH.patientInterviews, RESEARCH.survey, RESEARCH.eventLog],
  },
  luis: {
    name: 'Luis, 47, referred for oral surgery',
    kind: 'patient',
    summary:
      'Warehouse shift supervisor referred by his family dentist (a Riverside partner practice) for a wisdom-tooth extraction under sedation. Works rotating shifts and screens calls from unknown numbers.',
    goals: ['Get the tooth out before it flares up again', 'Lose as few shifts as possible'],
    needs: ['Texts rather than calls', 'Early-morning appointments', 'To know the referral actually arrived'],
    barriers: [
      'Misses calls from "No caller ID"',
      'Voicemail is full',
      'Sedation means a day off and a driver',
    ],
    channels: ['sms', 'phone', 'referral'],
    quote: '"My dentist said they\'d call me. Two weeks later I still had no idea if they even got it."',
    color: '#16a34a',
    evidence: [RESEARCH.partnerInterviews, RESEARCH.patientInterviews, RESEARCH.eventLog],
  },
  denise: {
    name: 'Denise, 58, newly diagnosed type 2 diabetes',
    kind: 'patient',
    summary:
      'School administrator at Hillcrest. Came in for tiredness and thirst, left with a diabetes diagnosis, three new tests and a referral to the hygienist for gum disease. Uses texts, rarely logs in to anything.',
    goals: ['Understand what the diagnosis means for her', 'Keep her medical and dental care in one place'],
    needs: [
      'One person who tells her what happens next',
      'Results explained before she sees them in the portal',
    ],
    barriers: ['Forgets passwords', 'Medical jargon in letters', 'Evening hours are full at Hillcrest'],
    channels: ['phone', 'sms', 'in-person', 'portal'],
    quote: '"The result was in the app on Friday. Nobody called until Tuesday. That was a long weekend."',
    color: '#ea580c',
    evidence: [RESEARCH.patientInterviews, RESEARCH.survey, RESEARCH.hypothesis],
  },
  jen: {
    name: 'Jen, referral and scheduling lead',
    kind: 'front-desk',
    role: 'Referral coordinator, Riverside site',
    summary:
      'Runs the referral inbox for all three sites: e-fax, partner e-mails and phone. Triage needs a dentist or physician signature, which happens in batches twice a week.',
    goals: ['Every accepted referral booked within a week', 'No referral lost between fax and schedule'],
    needs: ['Referrals that arrive complete', 'A way to reach patients who do not answer'],
    barriers: [
      'Clinician triage only on Tuesdays and Thursdays',
      'Chases tracked in a shared spreadsheet',
      'Lunch-hour calls go to voicemail',
    ],
    channels: ['phone', 'referral', 'email'],
    quote:
      "\"The referral isn't stuck with me — it's waiting for a signature. Then I'm chasing a patient who doesn't pick up.\"",
    color: '#ca8a04',
    evidence: [RESEARCH.shadowing, RESEARCH.staffWorkshop, RESEARCH.eventLog],
  },
};
