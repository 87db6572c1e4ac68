import { useId } from 'react';
import type { KpiTile as Tile } from '../../api';
import { Sparkline } from '../../components/charts/sparkline';
import { OmittedNote } from '../../components/privacy/privacy-notes';
import { Shown, ShownPhrase } from '../../components/privacy/shown';
import { useSubject } from '../../components/subject/subject';
import { shownReference } from '../../editor/evidence/kpi-text';
import { hiddenWhy, type Subject } from '../../lib/format';
import styles from './dashboard.module.css';
import {
  breakdownLines,
  definitionText,
  sparkGaps,
  sparkValues,
  tileChange,
  tileFraction,
  tileP90,
  tileValue,
} from './tile-text';

const TONE_COLOR = { better: '#047857', worse: '#b91c1c', same: '#6b7280', unknown: '#6b7280' } as const;

/** One KPI: value, numbers behind it, change vs the previous period, weekly sparkline, definition. */
export function KpiTile({
  tile,
  previousLabel,
  stepName,
  expanded = false,
  subject: given,
}: {
  tile: Tile;
  previousLabel: string;
  stepName: (id: string) => string;
  /** Shows the definition open (exports, so a printed number can be traced). */
  expanded?: boolean;
  /** Who the journey's cases are; the subject in scope (patients) when not given. */
  subject?: Subject;
}) {
  const inScope = useSubject();
  const subject = given ?? inScope;
  const id = useId();
  const value = tileValue(tile, subject);
  const fraction = tileFraction(tile, subject);
  const change = tileChange(tile, subject);
  const weekly = sparkValues(tile);
  const gaps = sparkGaps(tile);
  const hiddenWeeks = gaps.filter((g) => g !== null).length;
  const weekHidden = tile.weekly.map((w) => hiddenWhy(w, 'value')).find((h) => h !== null) ?? null;
  const p90 = tileP90(tile);
  const breakdown = breakdownLines(tile, subject);
  const { kpi } = tile;
  return (
    <li className={styles.tile} aria-labelledby={`${id}-name`} data-kpi={kpi.id}>
      <h3 id={`${id}-name`} className={styles.tileName} title={definitionText(kpi, stepName, subject)}>
        {kpi.name}
      </h3>
      <p className={styles.value}>
        <Shown value={value} testId="tile-value" />
      </p>
      {fraction ? (
        <p className={styles.fraction} data-testid="tile-fraction">
          <ShownPhrase phrase={fraction} />
        </p>
      ) : null}
      {p90 ? (
        <p className={styles.fraction}>
          9 in 10 within <Shown value={p90} />
        </p>
      ) : null}
      <p className={styles.change} style={{ color: TONE_COLOR[change.tone] }} data-testid="tile-change">
        <span aria-hidden="true">{change.arrow}</span>{' '}
        <strong>
          <Shown value={change.amount} />
        </strong>{' '}
        {change.words}
        {change.tone === 'unknown' ? null : <span className={styles.changeVs}> vs {previousLabel}</span>}
      </p>
      {weekly.some((v) => v !== null) ? (
        <div className={styles.spark}>
          <span className={styles.sparkLabel}>
            Week by week ({weekly.length} {weekly.length === 1 ? 'week' : 'weeks'})
          </span>
          <Sparkline
            values={weekly}
            gaps={gaps}
            color="#2563eb"
            width={220}
            height={44}
            label={`Weekly ${kpi.name}: ${weekly.length} weeks${hiddenWeeks > 0 ? `, ${hiddenWeeks} hidden` : ''}`}
          />
        </div>
      ) : (
        <p className={styles.sparkEmpty}>
          {weekHidden ? (
            <Shown value={{ text: 'Weekly values are hidden.', hidden: weekHidden }} />
          ) : (
            'No weekly values in this period.'
          )}
        </p>
      )}
      {kpi.kind === 'cost-per' && kpi.splitBy !== null && breakdown.length > 0 ? (
        <table className={styles.breakdown} aria-label={`${kpi.name} by ${kpi.splitBy}`}>
          <thead>
            <tr>
              <th scope="col">{kpi.splitBy}</th>
              <th scope="col">Cost per {subject.singular}</th>
              <th scope="col">Spend / {subject.plural}</th>
            </tr>
          </thead>
          <tbody>
            {breakdown.map((row) => (
              <tr key={row.value} data-hidden={row.hidden || undefined}>
                <th scope="row">{row.value}</th>
                <td>
                  <Shown value={row.cost} />
                </td>
                <td>
                  <ShownPhrase phrase={row.numbers} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {kpi.kind === 'cost-per' ? (
        <OmittedNote privacy={{ omitted: tile.omitted ?? {} }} list="breakdown" subject={subject} />
      ) : null}
      <details className={styles.definition} open={expanded || undefined}>
        <summary>How is this counted?</summary>
        <p>{definitionText(kpi, stepName, subject)}</p>
        {kpi.description ? <p>{kpi.description}</p> : null}
        <p className="muted">
          {kpi.direction === 'higher-is-better' ? 'Higher is better.' : 'Lower is better.'}
          {shownReference(kpi.reference) ? ` Source: ${shownReference(kpi.reference)}.` : ''}
        </p>
      </details>
    </li>
  );
}
