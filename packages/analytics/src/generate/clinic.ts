import type { Random } from './random';

/** One generated event (a fictional patient of a fictional clinic). */
export interface ClinicEvent {
  caseId: string;
  activity: string;
  /** Epoch milliseconds, UTC. */
  ts: number;
  channel: string | null;
  resource: string | null;
  source: string;
  location: string;
  cost: number | null;
  nps: number | null;
  csat: number | null;
}

/** The fixed start of every generated log: Monday 6 January 2025, 00:00 UTC. */
export const GENERATOR_START = Date.UTC(2025, 0, 6);
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** By default patients arrive over the first 100 days, so most journeys end within ~6 months of the start. */
export const DEFAULT_ARRIVAL_DAYS = 100;

/** Marketing sources with their share of new patients and cost per lead (currency units). */
export const SOURCES = [
  { name: 'google-ads', weight: 30, costPerLead: 42 },
  { name: 'facebook', weight: 18, costPerLead: 27 },
  { name: 'referral-partner', weight: 17, costPerLead: 15 },
  { name: 'word-of-mouth', weight: 15, costPerLead: 0 },
  { name: 'organic-search', weight: 20, costPerLead: 0 },
] as const;
const LOCATIONS = [
  ['Riverside', 45],
  ['Hillcrest', 35],
  ['Old Town', 20],
] as const;
const CLINICIANS = [
  'clinician-01',
  'clinician-02',
  'clinician-03',
  'clinician-04',
  'clinician-05',
  'clinician-06',
];
const FRONT_DESK = ['front-desk-1', 'front-desk-2', 'call-centre'];

/** Business hours: moves a time to the same day between 08:00 and 17:00 (next day if later). */
function office(rng: Random, ts: number): number {
  const day = Math.floor(ts / DAY) * DAY;
  const hour = (ts - day) / HOUR;
  const start = hour < 17 ? day : day + DAY;
  const at = start + rng.between(8, 17) * HOUR;
  return Math.max(at, ts + MIN);
}

/**
 * One patient's journey: marketing touch, enquiry, booking (phone or online), reminders (which lower
 * the no-show probability), no-shows, cancellations, reschedules, first visit, treatment plan,
 * treatment, follow-ups, portal activation and a survey with NPS and CSAT. Referral-partner patients
 * wait long between referral and booking: the bottleneck the demo should reveal.
 */
export function generatePatient(
  rng: Random,
  caseId: string,
  arrivalDays = DEFAULT_ARRIVAL_DAYS,
): ClinicEvent[] {
  // Stable sort: events at the same millisecond keep the order the journey emitted them.
  return walkJourney(rng, caseId, arrivalDays).sort((a, b) => a.ts - b.ts);
}

function walkJourney(rng: Random, caseId: string, arrivalDays: number): ClinicEvent[] {
  const source = rng.weighted(SOURCES.map((s) => [s, s.weight] as const));
  const location = rng.weighted(LOCATIONS);
  const events: ClinicEvent[] = [];
  let t = GENERATOR_START + rng.between(0, arrivalDays) * DAY;
  const emit = (
    activity: string,
    at: number,
    channel: string | null,
    resource: string | null = null,
    extra: Partial<Pick<ClinicEvent, 'cost' | 'nps' | 'csat'>> = {},
  ) => {
    events.push({
      caseId,
      activity,
      ts: Math.round(at),
      channel,
      resource,
      source: source.name,
      location,
      cost: extra.cost ?? null,
      nps: extra.nps ?? null,
      csat: extra.csat ?? null,
    });
    return Math.round(at);
  };
  const later = (median: number, sigma = 0.6) => {
    // Capped tails: a few long waits, but no journey wanders years past the log's window.
    t += Math.max(MIN, Math.min(6 * median, rng.logNormal(median, sigma)));
    return t;
  };
  /** Like `later`, then moved into office hours; the journey clock follows. */
  const inOffice = (median: number, sigma = 0.6) => {
    t = office(rng, later(median, sigma));
    return t;
  };

  // Marketing and first contact.
  if (source.name === 'google-ads' || source.name === 'facebook')
    emit('ad.clicked', t, source.name === 'facebook' ? 'social' : 'search', null, {
      cost: source.costPerLead,
    });
  if (source.name === 'referral-partner') {
    t = office(rng, t);
    emit('referral.placed', t, 'referral', 'partner-practice', { cost: source.costPerLead });
    later(2 * HOUR);
    emit('referral.received', t, 'fax', rng.pick(FRONT_DESK));
    // The bottleneck: referrals sit in a triage queue for about two weeks.
    later(12 * DAY, 0.5);
    emit('referral.triaged', inOffice(1 * MIN), null, 'triage-nurse');
  } else {
    const visits = rng.int(1, source.name === 'word-of-mouth' ? 3 : 6);
    for (let i = 0; i < visits; i++) emit('web.visited', later(i === 0 ? 5 * MIN : 20 * HOUR, 1), 'web');
    if (rng.chance(0.4)) emit('review.viewed', later(10 * MIN), 'web');
  }
  const byPhone = rng.chance(
    source.name === 'referral-partner' ? 0.75 : source.name === 'word-of-mouth' ? 0.6 : 0.4,
  );
  later(source.name === 'referral-partner' ? 1 * DAY : 2 * HOUR, 1);
  if (byPhone && rng.chance(0.15)) {
    emit('call.abandoned', t, 'phone');
    emit('call.received', inOffice(5 * HOUR), 'phone', rng.pick(FRONT_DESK));
  } else if (byPhone) emit('call.received', inOffice(1 * HOUR), 'phone', rng.pick(FRONT_DESK));
  else emit('lead.created', t, 'web');
  if (rng.chance(0.14)) return events; // enquiry never books

  // Booking, intake, portal invitation.
  const channel = byPhone ? 'phone' : 'web';
  let booked = emit(
    'appointment.booked',
    byPhone ? t + rng.between(3, 15) * MIN : later(20 * MIN),
    channel,
    byPhone ? rng.pick(FRONT_DESK) : 'online-booking',
  );
  t = booked;
  emit('intake.sent', later(10 * MIN), 'email');
  emit('portal.invited', later(2 * MIN), 'email');
  const activates = rng.chance(byPhone ? 0.35 : 0.62);
  const directions = rng.int(0, 3);
  for (let i = 0; i < directions; i++) emit('web.visited', booked + rng.between(1, 72) * HOUR, 'web');
  if (activates) emit('portal.activated', later(1 * DAY, 1.2), 'portal');
  if (rng.chance(0.8)) {
    emit('intake.completed', later(1.5 * DAY, 1), activates ? 'portal' : 'web');
    if (rng.chance(0.9)) emit('insurance.verified', inOffice(4 * HOUR), null, rng.pick(FRONT_DESK));
  }

  // Up to two appointment attempts: reminders, cancellations, reschedules, no-shows.
  let visit = 0;
  for (let attempt = 0; attempt < 2 && !visit; attempt++) {
    let appointment = office(rng, booked + Math.max(DAY, rng.logNormal(9 * DAY, 0.6)));
    if (rng.chance(0.07)) {
      emit(
        'appointment.rescheduled',
        office(rng, booked + (appointment - booked) / 2),
        rng.pick(['phone', 'web']),
      );
      appointment = office(rng, appointment + rng.between(3, 14) * DAY);
    }
    let noShowP = 0.2 + Math.min(0.1, (appointment - booked) / (60 * DAY));
    if (rng.chance(0.72)) {
      const medium = rng.chance(0.65) ? 'sms' : 'email';
      if (appointment - booked > 8 * DAY)
        emit('reminder.sent', appointment - 7 * DAY, 'email', 'reminder-service');
      emit('reminder.sent', appointment - rng.between(44, 52) * HOUR, medium, 'reminder-service');
      noShowP -= 0.08;
      if (rng.chance(medium === 'sms' ? 0.55 : 0.35)) {
        emit('reminder.confirmed', appointment - rng.between(20, 40) * HOUR, medium);
        noShowP -= 0.06;
      }
    }
    if (rng.chance(0.08)) {
      emit('appointment.cancelled', appointment - rng.between(2, 72) * HOUR, rng.pick(['phone', 'web']));
      if (!rng.chance(0.5)) return events;
      booked = emit(
        'appointment.booked',
        appointment - rng.between(1, 2) * HOUR,
        channel,
        byPhone ? rng.pick(FRONT_DESK) : 'online-booking',
      );
      continue;
    }
    if (rng.chance(noShowP)) {
      emit('appointment.noshow', appointment + 20 * MIN, null, rng.pick(FRONT_DESK));
      if (!rng.chance(0.45)) return events;
      booked = emit(
        'appointment.booked',
        office(rng, appointment + rng.between(1, 5) * DAY),
        'phone',
        rng.pick(FRONT_DESK),
      );
      continue;
    }
    visit = appointment;
  }
  if (!visit) return events;

  // First visit, diagnosis and treatment plan.
  const clinician = rng.pick(CLINICIANS);
  t = visit;
  emit('appointment.arrived', t - rng.between(0, 15) * MIN, 'in-person', rng.pick(FRONT_DESK));
  emit('visit.completed', later(40 * MIN, 0.3), 'in-person', clinician, { cost: 120 });
  emit('diagnosis.recorded', later(15 * MIN), null, clinician);
  if (rng.chance(0.3)) {
    // Lab results arrive on their own clock; the visit carries on meanwhile.
    const ordered = emit('order.placed', t + rng.between(2, 8) * MIN, null, clinician);
    const released = emit('result.released', ordered + rng.logNormal(2 * DAY, 0.5), 'portal', 'lab');
    if (activates) emit('result.viewed', released + rng.logNormal(8 * HOUR, 1), 'portal');
  }
  const planned = rng.chance(0.75);
  let treated = false;
  if (planned) {
    emit('treatment_plan.presented', later(10 * MIN), 'in-person', clinician);
    treated = rng.chance(0.68);
    emit(
      treated ? 'treatment_plan.accepted' : 'treatment_plan.declined',
      later(2 * DAY, 1.2),
      rng.pick(['in-person', 'phone', 'portal']),
    );
  }
  if (treated) {
    emit('treatment.started', inOffice(5 * DAY), 'in-person', clinician);
    const sessions = rng.int(1, 4);
    for (let i = 0; i < sessions; i++)
      emit('procedure.completed', inOffice(7 * DAY, 0.4), 'in-person', clinician, { cost: rng.int(80, 450) });
    emit('payment.collected', later(30 * MIN), 'in-person', rng.pick(FRONT_DESK));
    emit('treatment.completed', later(1 * HOUR), 'in-person', clinician);
  }

  // Follow-ups and messages.
  const followups = rng.chance(treated ? 0.82 : 0.5) ? rng.int(1, 3) : 0;
  for (let i = 0; i < followups; i++) {
    emit('followup.booked', later(1 * DAY), rng.pick(['phone', 'web', 'portal']), rng.pick(FRONT_DESK));
    later(18 * DAY, 0.4);
    emit('reminder.sent', t, 'sms', 'reminder-service');
    if (rng.chance(0.85))
      emit(
        'followup.completed',
        inOffice(2 * DAY, 0.4),
        rng.pick(['in-person', 'in-person', 'video']),
        clinician,
      );
  }
  if (activates) {
    const messages = rng.int(0, 5);
    for (let i = 0; i < messages; i++) {
      emit('message.received', later(3 * DAY, 1), 'portal');
      emit('message.replied', later(6 * HOUR, 1), 'portal', clinician);
    }
  }

  // Survey: the experience (waits, treatment) shapes NPS and CSAT.
  if (rng.chance(0.9)) {
    const medium = rng.chance(0.6) ? 'sms' : 'email';
    emit('survey.sent', later(1 * DAY), medium, 'survey-service');
    if (rng.chance(0.38)) {
      const mood =
        (treated ? 1 : 0) + (source.name === 'referral-partner' ? -1.5 : 0) + rng.between(-1.5, 1.5);
      const nps = Math.max(0, Math.min(10, Math.round(8 + mood * 1.6 + rng.between(-2, 2))));
      const csat = Math.max(1, Math.min(5, Math.round(4 + mood * 0.7 + rng.between(-0.8, 0.8))));
      emit('survey.completed', later(5 * HOUR, 1), medium === 'sms' ? 'web' : 'email', null, { nps, csat });
    }
  }
  return events;
}
