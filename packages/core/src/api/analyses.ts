import { z } from 'zod';
import { KpiDefinition } from '../kpi';

// The answers of the analysis routes (journey metrics, step detail, process map, dashboards), as the
// server sends them and the web reads them. Counts are `null` where the disclosure rule hid them.

/** The KPI definition under its OpenAPI name (`KpiDefinition`), for the answers and the KPI library. */
export const KpiDefinitionRef = KpiDefinition.meta({ id: 'KpiDefinition' });

const num = z.number().nullable();
/**
 * Why a number is hidden: `small`, a count of 1–10 patients; `complementary`, a larger count that would
 * give a small one away by subtraction; `derived`, a rate, median, duration or cost built on a hidden
 * count; `small-population`, fewer than 11 patients match the whole view.
 */
export const HiddenReason = z.enum(['small', 'complementary', 'derived', 'small-population']);
export type HiddenReason = z.infer<typeof HiddenReason>;
/** The hidden fields of a row, and why. */
export const SuppressedReasons = z.record(z.string(), HiddenReason).meta({ id: 'SuppressedReasons' });
/** The fields of a row hidden by the disclosure rule (`suppressed`), and why. */
const hidden = { suppressed: z.array(z.string()), suppressedReasons: SuppressedReasons };
/** How many rows of each list were left out because 1–10 patients hold them. */
export const Omitted = z.record(z.string(), z.number().int()).meta({ id: 'Omitted' });
export const Suppression = z
  .object({
    applied: z.boolean(),
    threshold: z.number().int(),
    rounding: z.number().int(),
    smallPopulation: z.boolean(),
  })
  .meta({ id: 'Suppression' });

export const StepMetric = z
  .object({
    stepId: z.string(),
    step: z.string(),
    cases: num,
    conversionFromPrevious: num,
    dropOff: num,
    medianSecondsFromPrevious: num,
    ...hidden,
  })
  .meta({ id: 'StepMetric' });
/** A cost-per KPI per value of its split attribute. */
export const KpiBreakdownRow = z
  .object({
    value: z.string().nullable(),
    spend: num,
    acquired: num,
    costPerAcquired: num,
    ...hidden,
  })
  .meta({ id: 'KpiBreakdownRow' });
export const KpiValue = z
  .object({
    id: z.string(),
    name: z.string(),
    value: num,
    numerator: num,
    denominator: num,
    p90Seconds: num.optional(),
    breakdown: z.array(KpiBreakdownRow).optional(),
    omitted: Omitted.optional(),
    ...hidden,
  })
  .meta({ id: 'KpiValue' });
export const JourneyMetrics = z
  .object({
    summary: z.object({
      cases: num,
      events: num,
      activities: num,
      firstEvent: z.string().nullable(),
      lastEvent: z.string().nullable(),
      ...hidden,
    }),
    steps: z.array(StepMetric),
    kpis: z.array(KpiValue),
    conformance: z.object({
      fittingCases: num,
      fittingShare: num,
      ...hidden,
      steps: z.array(
        z.object({
          step: z.string(),
          stepId: z.string(),
          skipped: num,
          outOfOrder: num,
          ...hidden,
        }),
      ),
      unmappedActivities: z.array(z.object({ name: z.string(), events: num, ...hidden })),
    }),
    segments: z
      .array(
        z.object({
          value: z.string().nullable(),
          cases: num,
          ...hidden,
          steps: z.array(StepMetric),
          kpis: z.array(KpiValue),
        }),
      )
      .optional(),
    omitted: Omitted,
    suppression: Suppression,
  })
  .meta({ id: 'JourneyMetrics' });

const counted = (key: string) => z.object({ [key]: z.string(), cases: num, ...hidden });
export const StepDetail = z
  .object({
    weekly: z.array(z.object({ week: z.string(), cases: num, ...hidden })),
    split: z.array(
      z.object({
        value: z.string().nullable(),
        cases: num,
        previousCases: num,
        conversionFromPrevious: num,
        ...hidden,
      }),
    ),
    pathsIn: z.array(counted('activity')),
    pathsOut: z.array(counted('activity')),
    startedHere: num,
    endedHere: num,
    ...hidden,
    omitted: Omitted,
    suppression: Suppression,
  })
  .meta({ id: 'StepDetail' });

export const StepCases = z
  .object({
    cases: z.array(
      z.object({
        caseId: z.string(),
        firstEvent: z.string(),
        lastEvent: z.string(),
        events: z.number().int(),
      }),
    ),
    total: z.number().int(),
    suppression: Suppression,
  })
  .meta({ id: 'StepCases' });

export const ActivityCount = z
  .object({ name: z.string(), events: num, cases: num, ...hidden })
  .meta({ id: 'ActivityCount' });
export const ProcessMap = z
  .object({
    activities: z.array(ActivityCount),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        count: num,
        meanSeconds: num,
        medianSeconds: num,
        p90Seconds: num,
        ...hidden,
      }),
    ),
    variants: z.array(z.object({ activities: z.array(z.string()), cases: num, ...hidden })),
    startActivities: z.array(counted('name')),
    endActivities: z.array(counted('name')),
    totalActivities: z.number().int(),
    totalEdges: z.number().int(),
    omitted: Omitted,
    suppression: Suppression,
  })
  .meta({ id: 'ProcessMap' });

const Period = z.object({ from: z.string(), to: z.string() });
export const KpiTile = z
  .object({
    kpi: KpiDefinitionRef,
    value: num,
    numerator: num,
    denominator: num,
    p90Seconds: num,
    previousValue: num,
    previousNumerator: num,
    previousDenominator: num,
    change: num,
    breakdown: z.array(KpiBreakdownRow).optional(),
    omitted: Omitted,
    weekly: z.array(
      z.object({
        week: z.string(),
        value: num,
        numerator: num,
        denominator: num,
        ...hidden,
      }),
    ),
    ...hidden,
  })
  .meta({ id: 'KpiTile' });
export const Dashboard = z
  .object({ period: Period, previous: Period, tiles: z.array(KpiTile), suppression: Suppression })
  .meta({ id: 'Dashboard' });
export const WorkspaceDashboard = z
  .object({
    journeys: z.array(
      z.object({
        journeyId: z.uuid(),
        name: z.string(),
        period: Period,
        previous: Period,
        tiles: z.array(KpiTile),
        suppression: Suppression,
      }),
    ),
    suppression: Suppression,
  })
  .meta({ id: 'WorkspaceDashboard' });

export const AttributeColumns = z
  .object({
    attributes: z.array(
      z.object({
        key: z.string(),
        cases: num,
        values: z.number().int(),
        ...hidden,
      }),
    ),
    omitted: Omitted,
    suppression: Suppression,
  })
  .meta({ id: 'AttributeColumns' });

export type Suppression = z.infer<typeof Suppression>;
export type StepMetric = z.infer<typeof StepMetric>;
export type KpiValue = z.infer<typeof KpiValue>;
export type JourneyMetrics = z.infer<typeof JourneyMetrics>;
export type StepDetail = z.infer<typeof StepDetail>;
export type StepCases = z.infer<typeof StepCases>;
export type ActivityCount = z.infer<typeof ActivityCount>;
export type ProcessMap = z.infer<typeof ProcessMap>;
export type KpiTile = z.infer<typeof KpiTile>;
export type Dashboard = z.infer<typeof Dashboard>;
export type WorkspaceDashboard = z.infer<typeof WorkspaceDashboard>;
export type AttributeColumns = z.infer<typeof AttributeColumns>;
