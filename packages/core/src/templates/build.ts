/**
 * Small helpers that turn the compact template files into `JourneyTemplateInput` documents.
 * Every card and persona gets the same "assumed" evidence, so a team can see at a glance
 * which parts of a map are still guesses waiting for their own research.
 */
import type { z } from 'zod';
import type { Evidence } from '../evidence';
import type { BlueprintSystem, LaneKind, Opportunity, Severity } from '../journey';
import type { KpiInput } from '../kpi';
import type { PersonaInput } from '../persona';
import { STANDARD_LANES } from '../standard-lanes';
import type { JourneyTemplateInput } from '../template';
import type { Channel } from '../vocabulary';

/** The evidence every template example carries: a placeholder, never research. */
export const TEMPLATE_EVIDENCE: Evidence = {
  kind: 'staff-report',
  source: 'Template example — replace with your research',
  date: null,
  confidence: 'assumed',
};

/**
 * The event-log vocabulary shared by all templates. One import (FHIR, HL7 v2, CSV) mapped to these
 * names lights up every template that uses them; a typo in a template is a type error.
 */
export const ACTIVITY_VOCABULARY = [
  // Marketing and first contact
  'ad.clicked',
  'web.visited',
  'provider_profile.viewed',
  'review.viewed',
  'lead.created',
  'lead.contacted',
  'chat.started',
  'call.received',
  'call.abandoned',
  'callback.completed',
  // Scheduling
  'appointment.requested',
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.noshow',
  'appointment.arrived',
  'waitlist.added',
  'reminder.sent',
  'reminder.confirmed',
  'insurance.verified',
  'prior_auth.requested',
  'prior_auth.approved',
  'deposit.paid',
  // Intake and portal
  'intake.sent',
  'intake.completed',
  'consent.signed',
  'records.requested',
  'records.received',
  'portal.invited',
  'portal.activated',
  'message.received',
  'message.replied',
  // Care
  'visit.completed',
  'exam.completed',
  'consultation.completed',
  'order.placed',
  'result.released',
  'result.viewed',
  'diagnosis.recorded',
  'care_plan.shared',
  'prescription.sent',
  'admission.started',
  'procedure.completed',
  'treatment.started',
  'treatment.completed',
  'discharge.completed',
  'admission.unplanned',
  'outreach.completed',
  'followup.booked',
  'followup.completed',
  // Referrals
  'referral.placed',
  'referral.received',
  'referral.triaged',
  'referral.returned',
  'consult_note.sent',
  // Dental and aesthetics
  'treatment_plan.presented',
  'treatment_plan.accepted',
  'treatment_plan.declined',
  'estimate.sent',
  'payment.collected',
  'hygiene.completed',
  'recall.due',
  'recall.notified',
  'recall.completed',
  'package.purchased',
  'membership.started',
  // Lifestyle and ongoing care
  'program.enrolled',
  'program.session_completed',
  'device.reading_received',
  'goal.set',
  // Feedback
  'survey.sent',
  'survey.completed',
  'review.posted',
  // Health-tech platform onboarding (case = the customer organisation)
  'demo.requested',
  'demo.completed',
  'security_review.started',
  'security_review.completed',
  'baa.signed',
  'contract.signed',
  'kickoff.completed',
  'integration.started',
  'integration.validated',
  'sso.configured',
  'staff.invited',
  'training.completed',
  'go_live.completed',
  'support_ticket.opened',
  'support_ticket.resolved',
  // Patient app onboarding
  'app.invited',
  'app.account_created',
  'task.first_completed',
] as const;
export type Activity = (typeof ACTIVITY_VOCABULARY)[number];

type LaneKey = Exclude<LaneKind, 'text'>;

/** The short code of each standard lane, used in generated card ids. */
const LANE_CODES: Record<LaneKey, string> = {
  touchpoints: 'tp',
  actions: 'ac',
  thoughts: 'th',
  emotions: 'em',
  'pain-points': 'pp',
  opportunities: 'op',
  frontstage: 'fs',
  backstage: 'bs',
  systems: 'sy',
  data: 'da',
};

/** The standard blueprint lanes, top to bottom, with their codes. */
const LANES = STANDARD_LANES.map((lane) => ({ ...lane, code: LANE_CODES[lane.kind] }));

interface CardSpec {
  id?: string;
  text: string;
  channel?: Channel;
  severity?: Severity;
  systemId?: string;
  linkedCardIds?: string[];
  tags?: string[];
}

/** A touchpoint on a channel. */
export const on = (channel: Channel, text: string): CardSpec => ({ text, channel });
/** A pain point with a readable id (so opportunities can link to it) and a severity. */
export const pain = (id: string, severity: Severity, text: string): CardSpec => ({ id, severity, text });
/** An opportunity card addressing the given pain-point cards. */
export const idea = (id: string, text: string, addresses: string[]): CardSpec => ({
  id,
  text,
  linkedCardIds: addresses,
});
/** A hand-off between roles or teams, tagged so the map can highlight every hand-off. */
export const handoff = (text: string): CardSpec => ({ text, tags: ['hand-off'] });
/** A systems-lane card naming the blueprint system it stands for. */
export const sys = (systemId: string, text: string): CardSpec => ({ systemId, text });

export interface StepSpec {
  id: string;
  name: string;
  description?: string;
  optional?: boolean;
  activities: Activity[];
  cards: Partial<Record<LaneKey, (string | CardSpec)[]>>;
  /** Emotion points by persona id: score −2…+2 and a short note. */
  feel?: Record<string, [score: -2 | -1 | 0 | 1 | 2, note: string]>;
}

export interface StageSpec {
  id: string;
  name: string;
  goal: string;
  steps: StepSpec[];
}

export type PersonaSpec = PersonaInput & { id: string };

export interface TemplateSpec {
  id: string;
  name: string;
  summary: string;
  category: JourneyTemplateInput['category'];
  description: string;
  question: string;
  serviceLine: string;
  /** Who moves through the journey, when not patients (see `JourneySubject`). */
  subject?: { singular: string; plural: string };
  tags: string[];
  personas: PersonaSpec[];
  stages: StageSpec[];
  systems: z.input<typeof BlueprintSystem>[];
  opportunities: (Pick<Opportunity, 'id' | 'title' | 'description' | 'impact' | 'effort'> &
    Partial<Pick<Opportunity, 'cardIds' | 'stepIds' | 'targetKpiId' | 'owner'>>)[];
  kpis: KpiInput[];
}

/** Builds a template document: standard lanes, generated card ids, assumed evidence everywhere. */
export function template(spec: TemplateSpec): JourneyTemplateInput {
  const cards: NonNullable<JourneyTemplateInput['journey']['cards']> = [];
  const emotions: NonNullable<JourneyTemplateInput['journey']['emotions']> = [];
  for (const stage of spec.stages) {
    for (const step of stage.steps) {
      const short = step.id.replace(/^sp-/, '');
      for (const lane of LANES) {
        (step.cards[lane.kind] ?? []).forEach((c, i) => {
          const card = typeof c === 'string' ? { text: c } : c;
          cards.push({
            ...card,
            id: card.id ?? `c-${short}-${lane.code}${i + 1}`,
            laneId: `ln-${lane.kind}`,
            stepId: step.id,
            evidence: [TEMPLATE_EVIDENCE],
          });
        });
      }
      for (const [personaId, [score, note]] of Object.entries(step.feel ?? {})) {
        emotions.push({ personaId, stepId: step.id, score, note });
      }
    }
  }
  return {
    id: spec.id,
    name: spec.name,
    summary: spec.summary,
    category: spec.category,
    personas: spec.personas.map((p) => ({ evidence: [TEMPLATE_EVIDENCE], ...p })),
    journey: {
      schemaVersion: 2,
      name: spec.name,
      description: spec.description,
      question: spec.question,
      scope: { serviceLine: spec.serviceLine, personaIds: spec.personas.map((p) => p.id) },
      ...(spec.subject ? { subject: spec.subject } : {}),
      status: 'draft',
      reviewCadenceDays: 90,
      tags: ['template', ...spec.tags],
      stages: spec.stages.map(({ steps, ...stage }) => ({
        ...stage,
        steps: steps.map(({ cards: _cards, feel: _feel, ...step }) => step),
      })),
      lanes: LANES.map((l) => ({ id: `ln-${l.kind}`, kind: l.kind, name: l.name })),
      cards,
      emotions,
      systems: spec.systems,
      opportunities: spec.opportunities,
      kpis: spec.kpis,
    },
  };
}

// KPI definitions several templates share, written once so they mean the same thing everywhere.

/** No-show rate: no-shows ÷ (no-shows + arrivals), over appointments. */
export const noShowRate: KpiInput = {
  id: 'k-noshow-rate',
  kind: 'rate',
  name: 'No-show rate',
  description:
    'No-shows ÷ (no-shows + arrived appointments). Past appointments still "booked" are unresolved, not attended.',
  numerator: ['appointment.noshow'],
  denominator: ['appointment.noshow', 'appointment.arrived'],
  countOver: 'events',
  direction: 'lower-is-better',
};

/** Portal activation: patients who activated ÷ patients invited. */
export const portalActivation: KpiInput = {
  id: 'k-portal-activation',
  kind: 'rate',
  name: 'Portal activation',
  description: 'Patients with an activated portal account ÷ patients offered one (the "offered" level).',
  numerator: ['portal.activated'],
  denominator: ['portal.invited'],
  countOver: 'cases',
  direction: 'higher-is-better',
};

/** NPS from the `nps` attribute (0–10) of a completed survey. */
export const nps: KpiInput = {
  id: 'k-nps',
  kind: 'score',
  name: 'Net Promoter Score',
  description: '% promoters (9–10) − % detractors (0–6). Flag it when fewer than ~100 responses.',
  scale: 'nps',
  activity: 'survey.completed',
  attribute: 'nps',
  direction: 'higher-is-better',
};

/** CSAT: top-2-box share of the `csat` attribute (1–5) of a completed survey. */
export const csat: KpiInput = {
  id: 'k-csat',
  kind: 'score',
  name: 'CSAT (top-2-box)',
  description: 'Responses of 4 or 5 ÷ all responses. Not the mean score.',
  scale: 'csat',
  activity: 'survey.completed',
  attribute: 'csat',
  direction: 'higher-is-better',
};
