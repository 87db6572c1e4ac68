import type { KpiDefinition } from '@pathlight/core';
import type { StepEvidence } from './types';

/** What a hidden small count reads as (counts 1–10 are suppressed: CMS cell-size rule). */
export const SUPPRESSED_TEXT = '<11';
/** The tooltip every "<11" carries. */
export const SUPPRESSED_HELP =
  'Hidden: between 1 and 10 patients. Small counts (and rates built on them) are suppressed so no patient can be recognised; owners and editors see exact numbers.';

const trim = (n: number) => (n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n)));

/** A duration in human units: "40 s", "45 min", "5.5 h", "3.2 d" (one decimal below 10). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (s < 60) return `${sign}${Math.round(s)} s`;
  if (s < 3600) return `${sign}${Math.round(s / 60)} min`;
  if (s < 86_400) return `${sign}${trim(s / 3600)} h`;
  return `${sign}${trim(s / 86_400)} d`;
}

/** A share 0..1 as a percentage: whole numbers, one decimal below 10 % ("82%", "4.5%"). */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const p = share * 100;
  const text = Math.abs(p) < 10 && p !== 0 ? p.toFixed(1).replace(/\.0$/, '') : String(Math.round(p));
  return `${text}%`;
}

const counts = new Intl.NumberFormat('en-US');

/** A count with thousands separators ("1,204"). */
export function formatCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '—' : counts.format(n);
}

/** A field of a row as text: "<11" when suppressed, "—" when unknown, else formatted. */
export function fieldText<T extends { suppressed: readonly string[] }, K extends keyof T & string>(
  row: T,
  field: K,
  format: (v: number | null) => string,
): { text: string; suppressed: boolean } {
  if (row.suppressed.includes(field)) return { text: SUPPRESSED_TEXT, suppressed: true };
  const v = row[field];
  return { text: format(typeof v === 'number' ? v : null), suppressed: false };
}

/** A KPI value in its kind's unit: rates and conversions as %, durations in time, NPS signed, CSAT %. */
export function formatKpiValue(kpi: KpiDefinition, value: number | null): string {
  if (value === null) return '—';
  switch (kpi.kind) {
    case 'rate':
    case 'conversion':
      return formatPercent(value);
    case 'duration':
      return formatDuration(value);
    case 'score':
      // NPS is −100..100; CSAT is a share of satisfied answers.
      return kpi.scale === 'nps' ? `${value > 0 ? '+' : ''}${Math.round(value)}` : formatPercent(value);
    case 'cost-per':
      // Money without a currency: the event log does not say which.
      return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} per patient`;
  }
}

/** How bad a step's conversion is: 0 fine (≥ 90 %), 1 watch (≥ 75 %), 2 poor (≥ 50 %), 3 severe. */
export type Severity = 0 | 1 | 2 | 3;

export const SEVERITY_WORDS: Record<Severity, string> = {
  0: 'Keeps ≥ 90%',
  1: 'Keeps 75–89%',
  2: 'Keeps 50–74%',
  3: 'Keeps < 50%',
};

/**
 * The severity band of a conversion share, judged on the whole percent the step shows, so a step
 * labelled "75%" never sits in the "50–74%" band.
 */
export function severityOf(conversion: number): Severity {
  const shown = Math.round(conversion * 100);
  if (shown >= 90) return 0;
  if (shown >= 75) return 1;
  if (shown >= 50) return 2;
  return 3;
}

/**
 * The colour scale of the map's steps: a band per step with a visible conversion, and the worst
 * step (lowest conversion; ties: more patients lost, then the earlier step) marked on its own when
 * at least two steps can be compared.
 * Steps whose conversion is unknown or suppressed get no band and cannot be the worst.
 */
export function stepScale(steps: readonly StepEvidence[]): {
  bands: Map<string, Severity>;
  worstStepId: string | null;
} {
  const bands = new Map<string, Severity>();
  let worst: StepEvidence | null = null;
  for (const s of steps) {
    const c = s.conversionFromPrevious;
    if (c === null || s.suppressed.includes('conversionFromPrevious')) continue;
    bands.set(s.stepId, severityOf(c));
    const w = worst?.conversionFromPrevious ?? Number.POSITIVE_INFINITY;
    if (c < w || (c === w && (s.dropOff ?? 0) > (worst?.dropOff ?? 0))) worst = s;
  }
  // "Worst" needs something to compare with, and a funnel where nobody is lost has no worst step.
  const worstStepId =
    bands.size >= 2 && worst && (worst.conversionFromPrevious ?? 1) < 1 ? worst.stepId : null;
  return { bands, worstStepId };
}
