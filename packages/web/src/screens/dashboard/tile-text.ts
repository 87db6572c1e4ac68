import type { KpiDefinition } from '@pathlight/core';
import type { KpiTile } from '../../api';
import {
  type Displayed,
  formatDuration,
  formatKpiValue,
  formatMoney,
  formatPoints,
  formatSpend,
  HIDDEN_TEXT,
  hiddenWhy,
  isShareKpi,
  PATIENTS,
  type Phrase,
  type Subject,
  shownField,
  subjectWord,
} from '../../lib/format';

const isNps = (k: KpiDefinition) => k.kind === 'score' && k.scale === 'nps';

/** The tile's main value in its unit, "<11" / "hidden" when suppressed, or "—" when there is nothing to measure. */
export function tileValue(
  tile: Pick<KpiTile, 'kpi' | 'value' | 'suppressed' | 'suppressedReasons'>,
  subject: Subject = PATIENTS,
): Displayed {
  return shownField(tile, 'value', (v) => formatKpiValue(tile.kpi, v, 'full', subject.singular));
}

/** A duration KPI's 90th percentile ("9 in 10 within …"), or null when there is none to show. */
export function tileP90(
  tile: Pick<KpiTile, 'kpi' | 'p90Seconds' | 'suppressed' | 'suppressedReasons'>,
): Displayed | null {
  if (tile.kpi.kind !== 'duration') return null;
  const p90 = shownField(tile, 'p90Seconds', (v) => formatDuration(v, 'full'));
  return p90.hidden || tile.p90Seconds !== null ? p90 : null;
}

/** What the numerator and denominator count, in words. */
export function unitOf(kpi: KpiDefinition, subject: Subject = PATIENTS, n: number | null = null): string {
  if (kpi.kind === 'rate' && kpi.countOver !== 'cases') return n === 1 ? 'event' : 'events';
  if (kpi.kind === 'score') return n === 1 ? 'response' : 'responses';
  return subjectWord(n, subject);
}

/**
 * The numbers behind the value: "312 / 1,408 events"; a duration's "measured for 312 of 1,408
 * patients"; NPS's "from 1,408 responses"; cost per patient's "spend 12,630 / 300 patients".
 * Hidden counts read "<11" (1–10 patients) or "hidden".
 */
export function tileFraction(
  tile: Pick<KpiTile, 'kpi' | 'numerator' | 'denominator' | 'suppressed' | 'suppressedReasons'>,
  subject: Subject = PATIENTS,
): Phrase | null {
  if (tile.numerator === null && tile.denominator === null && tile.suppressed.length === 0) return null;
  if (tile.denominator === 0) return [`no ${unitOf(tile.kpi, subject)} in this period`];
  const den = shownField(tile, 'denominator');
  const unit = unitOf(tile.kpi, subject, den.hidden ? null : tile.denominator);
  if (tile.kpi.kind === 'cost-per')
    return [
      'spend ',
      shownField(tile, 'numerator', (v) => (v === null ? '—' : formatSpend(v))),
      ' / ',
      den,
      ` ${unit}`,
    ];
  const num = shownField(tile, 'numerator');
  if (tile.kpi.kind === 'duration') return ['measured for ', num, ' of ', den, ` ${unit}`];
  if (isNps(tile.kpi)) return ['from ', den, ` ${unit}`];
  return [num, ' / ', den, ` ${unit}`];
}

/** How a change reads: arrow, signed amount, words, and whether it is good news. */
export interface ChangeText {
  arrow: '▲' | '▼' | '◆';
  amount: Displayed;
  words: string;
  tone: 'better' | 'worse' | 'same' | 'unknown';
}

/**
 * The change against the previous period: shares in percentage points, NPS in points, durations as
 * time; "better" or "worse" follows the KPI's direction, so the colour never carries meaning alone.
 */
export function tileChange(
  tile: Pick<KpiTile, 'kpi' | 'change' | 'suppressed' | 'suppressedReasons' | 'previousValue'>,
  subject: Subject = PATIENTS,
): ChangeText {
  const { kpi, change } = tile;
  if (change === null) {
    // A change is a difference of values, never a count: hidden, not "<11".
    const why = hiddenWhy(tile, 'change') ?? hiddenWhy(tile, 'previousValue');
    return {
      arrow: '◆',
      amount: why
        ? { text: HIDDEN_TEXT, hidden: { reason: 'derived', help: why.help } }
        : { text: '—', hidden: null },
      words: why
        ? 'change on the previous period'
        : tile.previousValue === null
          ? 'no data in the previous period to compare with'
          : 'no change to show',
      tone: 'unknown',
    };
  }
  const same = isShareKpi(kpi)
    ? Math.abs(change) < 0.0005
    : kpi.kind === 'duration'
      ? Math.abs(change) < 1
      : kpi.kind === 'cost-per'
        ? Math.abs(change) < 0.005
        : Math.abs(change) < 0.5;
  if (same) return { arrow: '◆', amount: { text: '0', hidden: null }, words: 'no change', tone: 'same' };
  const sign = change > 0 ? '+' : '−';
  const abs = Math.abs(change);
  const amount = isShareKpi(kpi)
    ? formatPoints(change)
    : isNps(kpi)
      ? `${sign}${Math.round(abs)} points`
      : kpi.kind === 'cost-per'
        ? `${sign}${formatMoney(abs)} per ${subject.singular}`
        : `${sign}${formatDuration(abs, 'full')}`;
  const up = change > 0;
  const better = kpi.direction === 'higher-is-better' ? up : !up;
  return {
    arrow: up ? '▲' : '▼',
    amount: { text: amount, hidden: null },
    words: better ? 'better' : 'worse',
    tone: better ? 'better' : 'worse',
  };
}

/**
 * How a KPI is counted, as one plain sentence ("Share of … of all …"): what is counted, out of what, and
 * over which patients or events; no symbols or references to internal documents.
 */
export function definitionText(
  kpi: KpiDefinition,
  stepName: (id: string) => string = (id) => id,
  { singular: one, plural: many }: Subject = PATIENTS,
): string {
  const ref = (r: { stepId: string } | { activities: string[] }) =>
    'stepId' in r ? `the step “${stepName(r.stepId)}”` : r.activities.join(' or ');
  switch (kpi.kind) {
    case 'rate':
      return kpi.countOver === 'cases'
        ? `Share of ${many} with ${kpi.numerator.join(' or ')}, of all ${many} with ${kpi.denominator.join(' or ')}.`
        : `Share of ${kpi.numerator.join(' or ')} events, of all ${kpi.denominator.join(' or ')} events.`;
    case 'conversion':
      return `Share of ${many} who reached ${ref(kpi.to)} after ${ref(kpi.from)}${kpi.windowDays === null ? '' : ` within ${kpi.windowDays} days`}, of all ${many} who reached ${ref(kpi.from)}.`;
    case 'duration':
      return `Time from a ${one}’s first ${ref(kpi.from)} to their first ${ref(kpi.to)} after it: the middle ${one}’s time, and the time 9 in 10 ${many} are within.`;
    case 'score':
      return kpi.scale === 'nps'
        ? `Net Promoter Score from the “${kpi.attribute}” answer on ${kpi.activity}: the percentage answering 9 or 10 minus the percentage answering 0 to 6.`
        : `Share of “${kpi.attribute}” answers of 4 or 5 (out of 5) on ${kpi.activity}, of all answers.`;
    case 'cost-per':
      return `Spend recorded on ${kpi.costActivities.length > 0 ? kpi.costActivities.join(' or ') : 'every event with a cost'}, divided by the number of ${many} who reached ${ref(kpi.acquired)}${kpi.splitBy === null ? '' : `, per “${kpi.splitBy}”`}.`;
  }
}

/** One row of a cost-per breakdown as the tile lists it. */
export interface BreakdownLine {
  value: string;
  cost: Displayed;
  numbers: Phrase;
  hidden: boolean;
}

/**
 * A cost-per tile's breakdown by its split attribute: "google-ads", "42.00 per patient",
 * "spend 1,260 / 30 patients"; a hidden acquired count reads "<11" and hides the cost per patient.
 */
export function breakdownLines(
  tile: Pick<KpiTile, 'breakdown'>,
  subject: Subject = PATIENTS,
): BreakdownLine[] {
  return (tile.breakdown ?? []).map((r) => ({
    value: r.value ?? '(not recorded)',
    cost: shownField(r, 'costPerAcquired', (v) =>
      v === null ? '—' : `${formatMoney(v)} per ${subject.singular}`,
    ),
    numbers: [
      'spend ',
      shownField(r, 'spend', (v) => (v === null ? '—' : formatSpend(v))),
      ' / ',
      shownField(r, 'acquired'),
      ` ${subject.plural}`,
    ],
    hidden: r.suppressed.length > 0,
  }));
}

/** The weekly values for the sparkline (null for hidden or empty weeks). */
export function sparkValues(tile: Pick<KpiTile, 'weekly'>): (number | null)[] {
  return tile.weekly.map((w) => w.value);
}

/** How each hidden week reads on the sparkline ("<11" or "hidden"); null for a shown or empty week. */
export function sparkGaps(tile: Pick<KpiTile, 'weekly'>): (string | null)[] {
  return tile.weekly.map((w) => {
    const v = shownField(w, 'value', String);
    return v.hidden ? v.text : null;
  });
}
