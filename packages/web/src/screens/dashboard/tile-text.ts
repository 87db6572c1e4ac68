import type { KpiDefinition } from '@pathlight/core';
import type { KpiTile } from '../../api';
import { formatCount, formatDuration, formatShare } from '../../components/evidence/format';

/** The text "<11" stands for a hidden count (small-cell suppression). */
export const HIDDEN = '<11';

const isShare = (k: KpiDefinition) =>
  k.kind === 'rate' || k.kind === 'conversion' || (k.kind === 'score' && k.scale === 'csat');
const isNps = (k: KpiDefinition) => k.kind === 'score' && k.scale === 'nps';

const money2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** An amount of money without a currency (the log does not say which): "42.10", "1,260.50". */
export function formatMoney(amount: number): string {
  return money2.format(amount);
}

/** A total spend, cents only when there are any: "12,630", "12,630.5". */
export function formatSpend(amount: number): string {
  return money0.format(amount);
}

/**
 * A KPI value as people read it: a share ("22.2%"), NPS points ("+32"), a duration ("4.5 days"), or
 * money per acquired patient ("42.10 per patient").
 */
export function formatKpiValue(kpi: KpiDefinition, value: number): string {
  if (kpi.kind === 'duration') return formatDuration(value);
  if (kpi.kind === 'cost-per') return `${formatMoney(value)} per patient`;
  if (isNps(kpi)) return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(Math.round(value))}`;
  return formatShare(value);
}

/** The tile's main value, "<11" when suppressed, or "—" when there is nothing to measure. */
export function tileValue(tile: Pick<KpiTile, 'kpi' | 'value' | 'suppressed'>): {
  text: string;
  hidden: boolean;
} {
  if (tile.value !== null) return { text: formatKpiValue(tile.kpi, tile.value), hidden: false };
  if (tile.suppressed.includes('value')) return { text: HIDDEN, hidden: true };
  return { text: '—', hidden: false };
}

/** What the numerator and denominator count, in words. */
function unitOf(kpi: KpiDefinition): string {
  if (kpi.kind === 'rate') return kpi.countOver === 'cases' ? 'patients' : 'events';
  if (kpi.kind === 'score') return 'responses';
  return 'patients';
}

const count = (n: number | null, suppressed: boolean) => (n === null && suppressed ? HIDDEN : formatCount(n));

/**
 * The numbers behind the value: "312 / 1,408 events"; a duration's "measured for 312 of 1,408
 * patients"; NPS's "from 1,408 responses". Hidden counts read "<11".
 */
export function tileFraction(
  tile: Pick<KpiTile, 'kpi' | 'numerator' | 'denominator' | 'suppressed'>,
): string | null {
  const num = count(tile.numerator, tile.suppressed.includes('numerator'));
  const den = count(tile.denominator, tile.suppressed.includes('denominator'));
  if (tile.numerator === null && tile.denominator === null && tile.suppressed.length === 0) return null;
  const unit = unitOf(tile.kpi);
  if (tile.denominator === 0) return `no ${unit} in this period`;
  if (tile.kpi.kind === 'duration') return `measured for ${num} of ${den} ${unit}`;
  if (isNps(tile.kpi)) return `from ${den} ${unit}`;
  if (tile.kpi.kind === 'cost-per') {
    const spend = tile.numerator === null ? HIDDEN : formatSpend(tile.numerator);
    return `spend ${spend} / ${den} ${unit}`;
  }
  return `${num} / ${den} ${unit}`;
}

/** How a change reads: arrow, signed amount, words, and whether it is good news. */
export interface ChangeText {
  arrow: '▲' | '▼' | '◆';
  amount: string;
  words: string;
  tone: 'better' | 'worse' | 'same' | 'unknown';
}

/**
 * The change against the previous period: shares in percentage points, NPS in points, durations as
 * time; "better" or "worse" follows the KPI's direction, so the colour never carries meaning alone.
 */
export function tileChange(
  tile: Pick<KpiTile, 'kpi' | 'change' | 'suppressed' | 'previousValue'>,
): ChangeText {
  const { kpi, change } = tile;
  if (change === null) {
    const hidden = tile.suppressed.includes('change') || tile.suppressed.includes('previousValue');
    return {
      arrow: '◆',
      amount: hidden ? HIDDEN : '—',
      words: hidden
        ? 'change hidden (small numbers)'
        : tile.previousValue === null
          ? 'no data in the previous period to compare with'
          : 'no change to show',
      tone: 'unknown',
    };
  }
  const same = isShare(kpi)
    ? Math.abs(change) < 0.0005
    : kpi.kind === 'duration'
      ? Math.abs(change) < 1
      : kpi.kind === 'cost-per'
        ? Math.abs(change) < 0.005
        : Math.abs(change) < 0.5;
  if (same) return { arrow: '◆', amount: '0', words: 'no change', tone: 'same' };
  const sign = change > 0 ? '+' : '−';
  const abs = Math.abs(change);
  const amount = isShare(kpi)
    ? `${sign}${(abs * 100).toFixed(1).replace(/\.0$/, '')} pts`
    : isNps(kpi)
      ? `${sign}${Math.round(abs)} points`
      : kpi.kind === 'cost-per'
        ? `${sign}${formatMoney(abs)} per patient`
        : `${sign}${formatDuration(abs)}`;
  const up = change > 0;
  const better = kpi.direction === 'higher-is-better' ? up : !up;
  return {
    arrow: up ? '▲' : '▼',
    amount,
    words: better ? 'better' : 'worse',
    tone: better ? 'better' : 'worse',
  };
}

/** One line describing how the KPI is computed, so every number can be traced to its definition. */
export function definitionText(kpi: KpiDefinition, stepName: (id: string) => string = (id) => id): string {
  const ref = (r: { stepId: string } | { activities: string[] }) =>
    'stepId' in r ? `step “${stepName(r.stepId)}”` : r.activities.join(' or ');
  switch (kpi.kind) {
    case 'rate':
      return `Rate: ${kpi.numerator.join(' or ')} ÷ ${kpi.denominator.join(' or ')}, counted over ${kpi.countOver === 'cases' ? 'patients' : 'events'}.`;
    case 'conversion':
      return `Conversion: patients reaching ${ref(kpi.to)} after ${ref(kpi.from)}${kpi.windowDays === null ? '' : ` within ${kpi.windowDays} days`}, ÷ patients reaching ${ref(kpi.from)}.`;
    case 'duration':
      return `Duration: median time from the first ${ref(kpi.from)} to the first later ${ref(kpi.to)} (90th percentile shown too).`;
    case 'score':
      return kpi.scale === 'nps'
        ? `Net Promoter Score from “${kpi.attribute}” on ${kpi.activity}: % scoring 9–10 minus % scoring 0–6.`
        : `CSAT from “${kpi.attribute}” on ${kpi.activity}: share of answers 4 or 5 out of 5.`;
    case 'cost-per':
      return `Cost per acquired patient: cost on ${kpi.costActivities.length > 0 ? kpi.costActivities.join(' or ') : 'every event with a cost'} ÷ patients reaching ${ref(kpi.acquired)}${kpi.splitBy === null ? '' : `, by “${kpi.splitBy}”`}.`;
  }
}

/** One row of a cost-per breakdown as the tile lists it. */
export interface BreakdownLine {
  value: string;
  cost: string;
  numbers: string;
  hidden: boolean;
}

/**
 * A cost-per tile's breakdown by its split attribute: "google-ads", "42.00 per patient",
 * "spend 1,260 / 30 patients"; a hidden acquired count reads "<11" and hides the cost per patient.
 */
export function breakdownLines(tile: Pick<KpiTile, 'breakdown'>): BreakdownLine[] {
  return (tile.breakdown ?? []).map((r) => {
    const hidden = r.suppressed.includes('acquired') || r.suppressed.includes('costPerAcquired');
    const acquired = r.acquired === null ? HIDDEN : formatCount(r.acquired);
    return {
      value: r.value ?? '(not recorded)',
      cost:
        r.costPerAcquired !== null ? `${formatMoney(r.costPerAcquired)} per patient` : hidden ? HIDDEN : '—',
      numbers: `spend ${r.spend === null ? HIDDEN : formatSpend(r.spend)} / ${acquired} patients`,
      hidden,
    };
  });
}

/** The weekly values for the sparkline (null for hidden or empty weeks). */
export function sparkValues(tile: Pick<KpiTile, 'weekly'>): (number | null)[] {
  return tile.weekly.map((w) => w.value);
}
