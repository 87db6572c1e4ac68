import { z } from 'zod';
import { Id, Name, Text } from './vocabulary';

const Activities = z.array(z.string().min(1).max(200)).min(1, 'name at least one activity').max(100);

/** Where a conversion or duration starts or ends: a step of the map, or activities named directly. */
export const ActivityRef = z.union([
  z.strictObject({ stepId: Id }),
  z.strictObject({ activities: Activities }),
]);
export type ActivityRef = z.infer<typeof ActivityRef>;

const common = {
  id: Id,
  name: Name,
  description: Text(1000).default(''),
  /** Which way is good, so a change can be coloured as better or worse. */
  direction: z.enum(['higher-is-better', 'lower-is-better']).default('higher-is-better'),
  /** Where the definition comes from (a guideline, a contract, "practice convention"), so every number can be traced. */
  reference: Text(300).default(''),
};

/**
 * A share: numerator activities over denominator activities, counted over events
 * (e.g. no-shows ÷ no-shows + attended visits) or over cases (patients with ≥1 such event).
 */
export const RateKpi = z.strictObject({
  ...common,
  kind: z.literal('rate'),
  numerator: Activities,
  denominator: Activities,
  countOver: z.enum(['events', 'cases']).default('events'),
});

/** Cases that reach `to` after `from` (optionally within a window) ÷ cases that reach `from`. */
export const ConversionKpi = z.strictObject({
  ...common,
  kind: z.literal('conversion'),
  from: ActivityRef,
  to: ActivityRef,
  windowDays: z.number().positive().max(3650).nullable().default(null),
});

/** Time from the first `from` to the first later `to` in each case: median (value) and p90. */
export const DurationKpi = z.strictObject({
  ...common,
  kind: z.literal('duration'),
  from: ActivityRef,
  to: ActivityRef,
});

/** NPS (0–10: %9–10 − %0–6) or CSAT (1–5: share of 4–5) from a numeric attribute of an activity. */
export const ScoreKpi = z.strictObject({
  ...common,
  kind: z.literal('score'),
  scale: z.enum(['nps', 'csat']),
  activity: z.string().min(1).max(200),
  attribute: z.string().min(1).max(200),
});

/**
 * Spend per acquired case: sum of `cost` on the cost activities ÷ cases that reach `acquired`
 *, optionally broken down by a case attribute such as `source`.
 */
export const CostPerKpi = z.strictObject({
  ...common,
  direction: z.enum(['higher-is-better', 'lower-is-better']).default('lower-is-better'),
  kind: z.literal('cost-per'),
  /** Activities whose `cost` counts as spend; empty = every event with a cost. */
  costActivities: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** A case counts as acquired once it has an event of this step or these activities. */
  acquired: ActivityRef,
  /** Case attribute to break the value down by (e.g. "source"), or null. */
  splitBy: z.string().min(1).max(200).nullable().default(null),
});

export const KpiDefinition = z.discriminatedUnion('kind', [
  RateKpi,
  ConversionKpi,
  DurationKpi,
  ScoreKpi,
  CostPerKpi,
]);
export type KpiDefinition = z.infer<typeof KpiDefinition>;
export type KpiInput = z.input<typeof KpiDefinition>;
export type RateKpi = z.infer<typeof RateKpi>;
export type ConversionKpi = z.infer<typeof ConversionKpi>;
export type DurationKpi = z.infer<typeof DurationKpi>;
export type ScoreKpi = z.infer<typeof ScoreKpi>;
export type CostPerKpi = z.infer<typeof CostPerKpi>;
