import type { KpiDefinition } from '@pathlight/core';

/** How much room a number has: `compact` on the map (82%, 3.2 d), `full` on dashboards (22.2%, 3.2 days). */
export type NumberStyle = 'compact' | 'full';

const counts = new Intl.NumberFormat('en-GB');
const money2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** One decimal, none when it is .0: "4.5", "12". */
const tenths = (v: number) => v.toFixed(1).replace(/\.0$/, '');
/** One decimal below 10, whole numbers from 10 up: "3.2", "12". */
const brief = (v: number) => (Math.abs(v) < 10 ? tenths(v) : String(Math.round(v)));
/** A real minus sign for negatives (not a hyphen). */
const signOf = (v: number) => (v < 0 ? '−' : '');

const missing = (n: number | null | undefined): n is null | undefined =>
  n === null || n === undefined || !Number.isFinite(n);

/** A count with thousands separators ("1,408"); an em dash when unknown. */
export function formatCount(n: number | null | undefined): string {
  return missing(n) ? '—' : counts.format(Math.round(n));
}

/**
 * A share 0..1 as a percentage. `compact`: whole percents, one decimal below 10 % ("82%", "4.5%"),
 * so the map's severity bands can follow the shown number; `full`: one decimal ("22.2%").
 */
export function formatPercent(share: number | null | undefined, style: NumberStyle = 'compact'): string {
  if (missing(share)) return '—';
  const p = share * 100;
  if (style === 'full') return `${tenths(p)}%`;
  return `${p !== 0 && Math.abs(p) < 10 ? tenths(p) : String(Math.round(p))}%`;
}

/** A change of a share in percentage points, signed: "+1.8 pts", "−0.5 pts". */
export function formatPoints(delta: number): string {
  return `${delta > 0 ? '+' : signOf(delta)}${tenths(Math.abs(delta) * 100)} pts`;
}

/** A duration in human units: "40 s", "45 min", "5.5 h", "3.2 d" (`full`: "3.2 days"). */
export function formatDuration(seconds: number | null | undefined, style: NumberStyle = 'compact'): string {
  if (missing(seconds)) return '—';
  const s = Math.abs(seconds);
  const sign = signOf(seconds);
  if (s < 60) return `${sign}${Math.round(s)} s`;
  if (s < 3600) return `${sign}${Math.round(s / 60)} min`;
  if (s < 86_400) return `${sign}${brief(s / 3600)} h`;
  return `${sign}${brief(s / 86_400)} ${style === 'full' ? 'days' : 'd'}`;
}

/** An amount of money without a currency (the event log does not say which): "42.10", "1,260.50". */
export function formatMoney(amount: number): string {
  return money2.format(amount);
}

/** A total spend, cents only when there are any: "12,630", "12,630.5". */
export function formatSpend(amount: number): string {
  return money0.format(amount);
}

/** A byte count: "820 KB", "14.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : tenths(v)} ${units[i]}`;
}

/** Whether a KPI's value is a share (rates, conversions, CSAT). */
export const isShareKpi = (k: KpiDefinition) =>
  k.kind === 'rate' || k.kind === 'conversion' || (k.kind === 'score' && k.scale === 'csat');

/**
 * A KPI value in its kind's unit: shares as percentages, durations as time, NPS signed points
 * ("+32", "−8"), cost per acquired patient as money ("42.10 per patient").
 */
export function formatKpiValue(
  kpi: KpiDefinition,
  value: number | null | undefined,
  style: NumberStyle = 'compact',
  perWhom = 'patient',
): string {
  if (missing(value)) return '—';
  if (kpi.kind === 'duration') return formatDuration(value, style);
  if (kpi.kind === 'cost-per') return `${formatMoney(value)} per ${perWhom}`;
  if (kpi.kind === 'score' && kpi.scale === 'nps') {
    const n = Math.round(value);
    return `${n > 0 ? '+' : signOf(n)}${Math.abs(n)}`;
  }
  return formatPercent(value, style);
}
