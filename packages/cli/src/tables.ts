import { type AnalysisResult, wilsonInterval } from '@pathlight/analytics';
import type { JourneyContent } from '@pathlight/core';

type Cell = string | number | null;

/** An aligned text table: numbers right-aligned, text left-aligned, `-` for missing values. */
export function table(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map((c) => (c === null ? '-' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

/** A duration in seconds as a short human string: 45s, 12m, 3.5h, 9.2d. */
export function duration(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)}h`;
  return `${(seconds / 86_400).toFixed(1)}d`;
}

const percent = (share: number | null) => (share === null ? null : `${(share * 100).toFixed(1)}%`);
const LIMIT = 20;

function section(title: string, body: string, more = 0): string {
  return `${title}\n${body}${more > 0 ? `\n… ${more} more (use --json for all)` : ''}\n`;
}

/** The readable report `pathlight analyze` prints without `--json`. */
export function renderReport(r: AnalysisResult, journey: JourneyContent | undefined): string {
  const s = r.summary;
  const out = [
    section(
      'Summary',
      table(
        ['cases', 'events', 'activities', 'variants', 'first event', 'last event'],
        [[s.cases, s.events, s.activities, s.variants, s.firstEvent, s.lastEvent]],
      ),
    ),
    section(
      'Activities',
      table(
        ['activity', 'events', 'cases'],
        r.activities.slice(0, LIMIT).map((a) => [a.name, a.events, a.cases]),
      ),
      r.activities.length - LIMIT,
    ),
    section(
      'Start activities',
      table(
        ['activity', 'cases'],
        r.startActivities.slice(0, 10).map((a) => [a.name, a.cases]),
      ),
    ),
    section(
      'End activities',
      table(
        ['activity', 'cases'],
        r.endActivities.slice(0, 10).map((a) => [a.name, a.cases]),
      ),
    ),
    section(
      'Directly-follows (most frequent)',
      table(
        ['from', 'to', 'count', 'mean', 'median', 'p90'],
        r.edges
          .slice(0, LIMIT)
          .map((e) => [
            e.from,
            e.to,
            e.count,
            duration(e.meanSeconds),
            duration(e.medianSeconds),
            duration(e.p90Seconds),
          ]),
      ),
      r.edges.length - LIMIT,
    ),
    section(
      'Variants',
      table(
        ['cases', 'steps', 'activities'],
        r.variants.slice(0, LIMIT).map((v) => [v.cases, v.activities.length, v.activities.join(' > ')]),
      ),
      r.variants.length - LIMIT,
    ),
    section(
      'Case duration',
      table(
        ['mean', 'median', 'p90'],
        [
          [
            duration(r.caseDuration.meanSeconds),
            duration(r.caseDuration.medianSeconds),
            duration(r.caseDuration.p90Seconds),
          ],
        ],
      ),
    ),
  ];
  if (r.funnel)
    out.push(
      section(
        'Journey funnel',
        table(
          ['step', 'cases', 'conversion', 'drop-off', 'median wait'],
          r.funnel.map((f) => [
            f.step,
            f.cases,
            percent(f.conversionFromPrevious),
            f.dropOff,
            duration(f.medianSecondsFromPrevious),
          ]),
        ),
      ),
    );
  if (r.kpis && journey) {
    const defs = new Map(journey.kpis.map((k) => [k.id, k]));
    out.push(
      section(
        'KPIs',
        table(
          ['kpi', 'value', '95% CI', 'numerator', 'denominator'],
          r.kpis.map((k) => {
            const def = defs.get(k.id);
            if (def?.kind === 'duration')
              return [k.name, duration(k.value), null, k.numerator, k.denominator];
            if (def?.kind === 'cost-per')
              return [
                k.name,
                k.value === null ? null : `${k.value.toFixed(2)} per patient`,
                null,
                k.numerator.toFixed(2),
                k.denominator,
              ];
            if (def?.kind === 'score' && def.scale === 'nps')
              return [k.name, k.value === null ? null : k.value.toFixed(1), null, k.numerator, k.denominator];
            const ci =
              Number.isInteger(k.numerator) && k.numerator >= 0 && k.numerator <= k.denominator
                ? wilsonInterval(k.numerator, k.denominator)
                : null;
            return [
              k.name,
              percent(k.value),
              ci ? `${percent(ci.low)}–${percent(ci.high)}` : null,
              k.numerator,
              k.denominator,
            ];
          }),
        ),
      ),
    );
  }
  if (r.conformance) {
    const c = r.conformance;
    out.push(
      section(
        `Conformance: ${c.fittingCases} fitting cases (${percent(c.fittingShare) ?? '-'})`,
        table(
          ['step', 'skipped', 'out of order'],
          c.steps.map((x) => [x.step, x.skipped, x.outOfOrder]),
        ),
      ),
    );
    if (c.unmappedActivities.length)
      out.push(
        section(
          'Activities on no step',
          table(
            ['activity', 'events'],
            c.unmappedActivities.slice(0, LIMIT).map((a) => [a.name, a.events]),
          ),
          c.unmappedActivities.length - LIMIT,
        ),
      );
  }
  return out.join('\n');
}
