import { lazy, Suspense, useState } from 'react';
import { countedRows, errorMessage } from '../../api';
import { OmittedNote, RoundingNote, SmallPopulation } from '../../components/privacy/privacy-notes';
import { Shown } from '../../components/privacy/shown';
import { useSubject } from '../../components/subject/subject';
import type { StepEvidence } from '../../editor';
import { FUNNEL_MODE_TEXT, MORE_THAN_BEFORE_NOTE } from '../../editor/evidence/funnel-facts';
import { formatCount, formatDuration, formatPercent, shownField } from '../../lib/format';
import { useResource } from '../../ui/use-resource';
import { Drawer } from './drawer';
import { type AnalysisFilter, type AttributeRow, evidenceApi } from './evidence-api';
import { attributeLabel } from './filter-bar';
import styles from './journey-page.module.css';
import { filterKey } from './use-evidence';

// ECharts is large: the chart module loads only when a step's detail opens.
const WeeklyChart = lazy(() => import('./weekly-chart'));

/** The split a drawer opens with: channel when the data has it, else the most widely held attribute. */
export function defaultSplit(attributes: readonly AttributeRow[]): string {
  return attributes.some((a) => a.key === 'channel') ? 'channel' : (attributes[0]?.key ?? 'channel');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * One step's detail: weekly trend, a split by a chosen attribute, the top paths in and out, and for
 * editors the (audited) list of pseudonymised patients who dropped off before it.
 */
export function StepDrawer({
  journeyId,
  stepId,
  stepName,
  metric,
  filter,
  version,
  canEdit,
  sourceNames,
  attributes,
  onClose,
}: {
  journeyId: string;
  stepId: string;
  stepName: string;
  metric: StepEvidence | null;
  filter: AnalysisFilter;
  version: number;
  canEdit: boolean;
  /** Names of the workspace's sources, for the "Data source" split (the data holds their ids). */
  sourceNames: ReadonlyMap<string, string>;
  /** Every attribute of the data with its distinct values: the choices of *Split by*. */
  attributes: readonly AttributeRow[];
  onClose: () => void;
}) {
  const subject = useSubject();
  const [chosenSplit, setSplitBy] = useState<string | null>(null);
  const splitBy = chosenSplit ?? defaultSplit(attributes);
  const splitName = splitBy === 'source_id' ? 'Data source' : splitBy;
  const detail = useResource(
    (signal) => evidenceApi.stepDetail(journeyId, stepId, filter, splitBy, signal),
    [journeyId, stepId, filterKey(filter), splitBy, version],
  );
  const [cases, setCases] = useState<
    | { state: 'idle' }
    | { state: 'loading' }
    | { state: 'error'; message: string }
    | {
        state: 'done';
        rows: { caseId: string; firstEvent: string; lastEvent: string; events: number }[];
        total: number;
        at: Date;
      }
  >({ state: 'idle' });
  const d = detail.data;
  const privacy = detail.privacy;
  const f = metric?.funnel;
  const from = f?.measuredFrom ? `“${f.measuredFrom}”` : 'the previous step';
  // Optional steps and steps without data claim no loss (see the map's step notes).
  const claimsLoss = !f || (!f.optional && !f.noData && !f.fromNoData);
  const started = d ? shownField(d, 'startedHere') : null;
  const ended = d ? shownField(d, 'endedHere') : null;
  const showCases = async () => {
    setCases({ state: 'loading' });
    try {
      const r = await evidenceApi.stepCases(journeyId, stepId, filter, 'dropped');
      setCases({ state: 'done', rows: r.cases, total: r.total, at: new Date() });
    } catch (e) {
      setCases({ state: 'error', message: errorMessage(e) });
    }
  };

  return (
    <Drawer title={`Step: ${stepName}`} onClose={onClose} testId="step-drawer">
      {metric && (
        <dl className={styles.stats}>
          <div>
            <dt>Patients reached</dt>
            <dd>
              <Shown value={shownField(metric, 'cases')} />
            </dd>
          </div>
          {f?.measuredFrom !== null && !f?.noData && !f?.fromNoData ? (
            <div>
              <dt>{f?.optional ? `Took this optional step, of ${from}` : `Kept from ${from}`}</dt>
              <dd>
                <Shown value={shownField(metric, 'conversionFromPrevious', formatPercent)} />
              </dd>
            </div>
          ) : null}
          {claimsLoss && f?.measuredFrom !== null ? (
            <div>
              <dt>Lost</dt>
              <dd>
                <Shown value={shownField(metric, 'dropOff')} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Median wait</dt>
            <dd>
              <Shown value={shownField(metric, 'medianSecondsFromPrevious', formatDuration)} />
            </dd>
          </div>
        </dl>
      )}
      {metric && (
        <p className="muted" data-testid="funnel-mode-note">
          {f?.noData
            ? `None of this step’s activities has events in the data, so it shows no ${subject.plural} and no drop-off. `
            : f?.fromNoData
              ? `It is measured from ${from}, which has no events in the data, so no drop-off is shown. `
              : f?.optional
                ? `Optional step: measured from ${from}; ${subject.plural} who skip it are not counted as lost. `
                : ''}
          {metric.funnel?.moreThanStepBefore ? `${MORE_THAN_BEFORE_NOTE} ` : ''}
          {FUNNEL_MODE_TEXT}
        </p>
      )}
      {detail.error ? <p role="alert">{errorMessage(detail.error)}</p> : null}
      {!d && detail.loading && <p role="status">Loading the step's detail…</p>}
      {d && privacy?.smallPopulation && <SmallPopulation />}
      {d && !privacy?.smallPopulation && (
        <div className={detail.loading ? styles.dim : undefined}>
          {privacy && <RoundingNote privacy={privacy} />}
          <section>
            <h3>Patients per week</h3>
            <Suspense fallback={<div style={{ height: 180 }}>Loading chart…</div>}>
              <WeeklyChart
                weeks={d.weekly.map((w) => ({ week: w.week, cases: w.cases, shown: shownField(w, 'cases') }))}
                label={`Patients reaching ${stepName}`}
              />
            </Suspense>
          </section>
          <section>
            <h3>
              <label>
                Split by{' '}
                <select
                  value={splitBy}
                  onChange={(e) => setSplitBy(e.target.value)}
                  aria-label="Split by attribute"
                  data-testid="split-by"
                >
                  {attributes.map((a) => (
                    <option key={a.key} value={a.key}>
                      {attributeLabel(a)}
                    </option>
                  ))}
                  {attributes.some((a) => a.key === splitBy) ? null : (
                    <option value={splitBy}>{splitName}</option>
                  )}
                </select>
              </label>
            </h3>
            {d.split.length === 0 ? (
              (privacy?.omitted.split ?? 0) === 0 && (
                <p className="muted">No patient record carries “{splitName}”.</p>
              )
            ) : (
              <table className={styles.table} data-testid="step-split">
                <thead>
                  <tr>
                    <th scope="col">{splitName}</th>
                    <th scope="col">Patients</th>
                    <th scope="col">Kept from {from}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.split.map((r) => (
                    <tr key={r.value ?? '∅'}>
                      <th scope="row">
                        {r.value === null
                          ? '(none)'
                          : splitBy === 'source_id'
                            ? (sourceNames.get(r.value) ?? r.value)
                            : r.value}
                      </th>
                      <td>
                        <Shown value={shownField(r, 'cases')} />
                      </td>
                      <td>
                        <Shown value={shownField(r, 'conversionFromPrevious', formatPercent)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {privacy && <OmittedNote privacy={privacy} list="split" />}
          </section>
          <div className={styles.paths}>
            <section>
              <h3>Top paths in</h3>
              <ol data-testid="paths-in">
                {countedRows(d.pathsIn, 'activity').map((p) => (
                  <li key={p.name}>
                    <code>{p.name}</code> → here · <Shown value={shownField(p, 'cases')} />
                  </li>
                ))}
                {started && (started.hidden || (d.startedHere ?? 0) > 0) && (
                  <li>
                    (journey starts here) · <Shown value={started} />
                  </li>
                )}
              </ol>
              {privacy && <OmittedNote privacy={privacy} list="pathsIn" />}
            </section>
            <section>
              <h3>Top paths out</h3>
              <ol data-testid="paths-out">
                {countedRows(d.pathsOut, 'activity').map((p) => (
                  <li key={p.name}>
                    here → <code>{p.name}</code> · <Shown value={shownField(p, 'cases')} />
                  </li>
                ))}
                {ended && (ended.hidden || (d.endedHere ?? 0) > 0) && (
                  <li>
                    (journey ends here) · <Shown value={ended} />
                  </li>
                )}
              </ol>
              {privacy && <OmittedNote privacy={privacy} list="pathsOut" />}
            </section>
          </div>
        </div>
      )}
      {canEdit && (
        <section className={styles.cases}>
          <h3>{cap(subject.plural)} who dropped off</h3>
          {cases.state === 'idle' || cases.state === 'loading' ? (
            <>
              <p className="muted">
                Lists pseudonymised ids (at most 500). Every listing is recorded in the audit log.
              </p>
              <button
                type="button"
                className="btn"
                disabled={cases.state === 'loading'}
                onClick={() => void showCases()}
              >
                Show {subject.plural} who dropped off
              </button>
            </>
          ) : cases.state === 'error' ? (
            <p role="alert">{cases.message}</p>
          ) : (
            <>
              <p role="note" className={styles.audited} data-testid="cases-audit-note">
                This access was logged (you, {cases.at.toLocaleTimeString()}). Showing{' '}
                {formatCount(cases.rows.length)} of {formatCount(cases.total)} pseudonymised {subject.plural}.
              </p>
              <table className={styles.table} data-testid="dropped-cases">
                <thead>
                  <tr>
                    <th scope="col">Pseudonymised id</th>
                    <th scope="col">First event</th>
                    <th scope="col">Last event</th>
                    <th scope="col">Events</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.rows.map((r) => (
                    <tr key={r.caseId}>
                      <td>
                        <code className={styles.caseId} title={r.caseId}>
                          {r.caseId}
                        </code>
                      </td>
                      <td className={styles.nowrap}>{r.firstEvent.slice(0, 10)}</td>
                      <td className={styles.nowrap}>{r.lastEvent.slice(0, 10)}</td>
                      <td>{r.events}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </Drawer>
  );
}
