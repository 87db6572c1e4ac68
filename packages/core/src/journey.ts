import { z } from 'zod';
import { Evidence } from './evidence';
import { KpiDefinition } from './kpi';
import { Channel, Confidence, Id, IsoDate, IsoDateTime, Name, Text } from './vocabulary';

/** The current journey document version; older documents load through `migrateJourney`. */
export const JOURNEY_SCHEMA_VERSION = 2;

export const JourneyStatus = z.enum(['draft', 'researched', 'live', 'archived']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

export const LaneKind = z.enum([
  'touchpoints',
  'actions',
  'thoughts',
  'emotions',
  'pain-points',
  'opportunities',
  'frontstage',
  'backstage',
  'systems',
  'data',
  'text',
]);
export type LaneKind = z.infer<typeof LaneKind>;

export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

const Tags = z.array(z.string().trim().min(1).max(50)).max(30).default([]);

export const Step = z.strictObject({
  id: Id,
  name: Name,
  description: Text(2000).default(''),
  optional: z.boolean().default(false),
  hidden: z.boolean().default(false),
  /** Event-log activities that show a patient reached this step (used by analytics). */
  activities: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export type Step = z.infer<typeof Step>;

export const Stage = z.strictObject({
  id: Id,
  name: Name,
  /** What the patient is trying to achieve in this stage. */
  goal: Text(500).default(''),
  hidden: z.boolean().default(false),
  steps: z.array(Step).max(100),
});
export type Stage = z.infer<typeof Stage>;

export const Lane = z.strictObject({
  id: Id,
  kind: LaneKind,
  name: Name,
  hidden: z.boolean().default(false),
});
export type Lane = z.infer<typeof Lane>;

/** A sticky note in a (lane, step) cell; its order in `cards` is its order in the cell. */
export const Card = z.strictObject({
  id: Id,
  laneId: Id,
  stepId: Id,
  text: Text(2000).pipe(z.string().min(1, 'must not be empty')),
  tags: Tags,
  channel: Channel.nullable().default(null),
  severity: Severity.nullable().default(null),
  /** For cards in the systems lane: which blueprint system this is. */
  systemId: Id.nullable().default(null),
  /** For opportunity cards: the cards (usually pain points) they address. */
  linkedCardIds: z.array(Id).max(50).default([]),
  evidence: z.array(Evidence).max(50).default([]),
});
export type Card = z.infer<typeof Card>;

/** How a persona feels at a step, −2 (very negative) … +2 (very positive). */
export const EmotionPoint = z.strictObject({
  personaId: Id,
  stepId: Id,
  score: z.number().int().min(-2).max(2),
  note: Text(500).default(''),
});
export type EmotionPoint = z.infer<typeof EmotionPoint>;

export const SystemCategory = z.enum([
  'ehr',
  'pms',
  'crm',
  'scheduling',
  'messaging',
  'call-centre',
  'portal',
  'analytics',
  'other',
]);
export type SystemCategory = z.infer<typeof SystemCategory>;

/** A system in the service blueprint: does it hold PHI, is a business associate agreement signed. */
export const BlueprintSystem = z.strictObject({
  id: Id,
  name: Name,
  category: SystemCategory,
  holdsPhi: z.boolean(),
  baaInPlace: z.boolean(),
  owner: Text(200).default(''),
});
export type BlueprintSystem = z.infer<typeof BlueprintSystem>;

export const OpportunityStatus = z.enum(['idea', 'planned', 'in-progress', 'piloting', 'done', 'dropped']);

export const Opportunity = z.strictObject({
  id: Id,
  title: Name,
  description: Text(2000).default(''),
  cardIds: z.array(Id).max(50).default([]),
  stepIds: z.array(Id).max(50).default([]),
  impact: z.number().int().min(1).max(5),
  effort: z.number().int().min(1).max(5),
  confidence: Confidence.default('assumed'),
  owner: Text(200).default(''),
  status: OpportunityStatus.default('idea'),
  targetKpiId: Id.nullable().default(null),
});
export type Opportunity = z.infer<typeof Opportunity>;

/**
 * Who or what moves through the journey, as every label names it ("65 patients", "65 accounts"):
 * patients by default; a health-tech vendor's onboarding journey follows customer accounts.
 */
export const JourneySubject = z.strictObject({
  singular: Text(40).pipe(z.string().min(1, 'must not be empty')),
  plural: Text(40).pipe(z.string().min(1, 'must not be empty')),
});
export type JourneySubject = z.infer<typeof JourneySubject>;
export const DEFAULT_SUBJECT: JourneySubject = { singular: 'patient', plural: 'patients' };

const JourneyShape = z.strictObject({
  schemaVersion: z.literal(JOURNEY_SCHEMA_VERSION),
  name: Name,
  description: Text(4000).default(''),
  /** The question this map answers, e.g. "Why do new patients not book after calling?". */
  question: Text(1000).default(''),
  scope: z
    .strictObject({
      serviceLine: Text(200).default(''),
      personaIds: z.array(Id).max(20).default([]),
    })
    .default({ serviceLine: '', personaIds: [] }),
  ownerId: z.uuid().nullable().default(null),
  subject: JourneySubject.default(DEFAULT_SUBJECT),
  status: JourneyStatus.default('draft'),
  reviewCadenceDays: z.number().int().min(1).max(3650).nullable().default(90),
  lastReviewedAt: IsoDate.nullable().default(null),
  tags: Tags,
  stages: z.array(Stage).max(60),
  lanes: z.array(Lane).max(40),
  cards: z.array(Card).max(5000).default([]),
  emotions: z.array(EmotionPoint).max(5000).default([]),
  systems: z.array(BlueprintSystem).max(200).default([]),
  opportunities: z.array(Opportunity).max(500).default([]),
  kpis: z.array(KpiDefinition).max(100).default([]),
});

/**
 * The editable journey map document. Besides field rules it checks the references inside it
 * (cards point at existing lanes and steps, ids are unique), reporting each problem at its path.
 */
export const JourneyContent = JourneyShape.superRefine((doc, ctx) => {
  const seen = new Set<string>();
  const unique = (id: string, path: (string | number)[]) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${id}"`, path });
    seen.add(id);
  };
  const stepIds = new Set<string>();
  doc.stages.forEach((stage, si) => {
    unique(stage.id, ['stages', si, 'id']);
    stage.steps.forEach((step, ti) => {
      unique(step.id, ['stages', si, 'steps', ti, 'id']);
      stepIds.add(step.id);
    });
  });
  const laneIds = new Set(doc.lanes.map((l) => l.id));
  doc.lanes.forEach((lane, i) => {
    unique(lane.id, ['lanes', i, 'id']);
  });
  const cardIds = new Set<string>();
  doc.cards.forEach((card, i) => {
    unique(card.id, ['cards', i, 'id']);
    cardIds.add(card.id);
    if (!laneIds.has(card.laneId))
      ctx.addIssue({ code: 'custom', message: `no lane "${card.laneId}"`, path: ['cards', i, 'laneId'] });
    if (!stepIds.has(card.stepId))
      ctx.addIssue({ code: 'custom', message: `no step "${card.stepId}"`, path: ['cards', i, 'stepId'] });
  });
  const systemIds = new Set(doc.systems.map((s) => s.id));
  doc.systems.forEach((s, i) => {
    unique(s.id, ['systems', i, 'id']);
  });
  doc.cards.forEach((card, i) => {
    if (card.systemId !== null && !systemIds.has(card.systemId))
      ctx.addIssue({
        code: 'custom',
        message: `no system "${card.systemId}"`,
        path: ['cards', i, 'systemId'],
      });
    card.linkedCardIds.forEach((id, j) => {
      if (!cardIds.has(id))
        ctx.addIssue({ code: 'custom', message: `no card "${id}"`, path: ['cards', i, 'linkedCardIds', j] });
    });
  });
  doc.emotions.forEach((e, i) => {
    if (!stepIds.has(e.stepId))
      ctx.addIssue({ code: 'custom', message: `no step "${e.stepId}"`, path: ['emotions', i, 'stepId'] });
  });
  const emotionKeys = new Set<string>();
  doc.emotions.forEach((e, i) => {
    const key = `${e.personaId}|${e.stepId}`;
    if (emotionKeys.has(key))
      ctx.addIssue({
        code: 'custom',
        message: 'one emotion point per persona and step',
        path: ['emotions', i],
      });
    emotionKeys.add(key);
  });
  const kpiIds = new Set<string>();
  doc.kpis.forEach((k, i) => {
    unique(k.id, ['kpis', i, 'id']);
    kpiIds.add(k.id);
    const refs =
      k.kind === 'conversion' || k.kind === 'duration'
        ? (['from', 'to'] as const).map((end) => [end, k[end]] as const)
        : k.kind === 'cost-per'
          ? [['acquired', k.acquired] as const]
          : [];
    for (const [end, ref] of refs) {
      if ('stepId' in ref && !stepIds.has(ref.stepId))
        ctx.addIssue({
          code: 'custom',
          message: `no step "${ref.stepId}"`,
          path: ['kpis', i, end, 'stepId'],
        });
    }
  });
  doc.opportunities.forEach((o, i) => {
    unique(o.id, ['opportunities', i, 'id']);
    o.cardIds.forEach((id, j) => {
      if (!cardIds.has(id))
        ctx.addIssue({
          code: 'custom',
          message: `no card "${id}"`,
          path: ['opportunities', i, 'cardIds', j],
        });
    });
    o.stepIds.forEach((id, j) => {
      if (!stepIds.has(id))
        ctx.addIssue({
          code: 'custom',
          message: `no step "${id}"`,
          path: ['opportunities', i, 'stepIds', j],
        });
    });
    if (o.targetKpiId !== null && !kpiIds.has(o.targetKpiId))
      ctx.addIssue({
        code: 'custom',
        message: `no KPI "${o.targetKpiId}"`,
        path: ['opportunities', i, 'targetKpiId'],
      });
  });
});
export type JourneyContent = z.infer<typeof JourneyContent>;
export type JourneyInput = z.input<typeof JourneyContent>;

/** A stored journey: the document plus what the server manages. */
export const Journey = z.strictObject({
  id: z.uuid(),
  workspaceId: z.uuid(),
  /** Optimistic-concurrency version: every save must name the version it was based on. */
  version: z.number().int().positive(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedBy: z.uuid().nullable(),
  document: JourneyContent,
});
export type Journey = z.infer<typeof Journey>;

/** All steps of a journey in map order, with the stage each belongs to. */
export function orderedSteps(doc: Pick<JourneyContent, 'stages'>): (Step & { stageId: string })[] {
  return doc.stages.flatMap((stage) => stage.steps.map((step) => ({ ...step, stageId: stage.id })));
}

/** When the journey is next due for review, or null when it has no cadence or was never reviewed. */
export function reviewDueDate(
  doc: Pick<JourneyContent, 'reviewCadenceDays' | 'lastReviewedAt'>,
): string | null {
  if (doc.reviewCadenceDays === null || doc.lastReviewedAt === null) return null;
  const due = new Date(`${doc.lastReviewedAt}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + doc.reviewCadenceDays);
  return due.toISOString().slice(0, 10);
}
