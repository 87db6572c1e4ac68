import { orderedSteps } from '@pathlight/core';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, type KpiTile as Tile } from '../../api';
import { useWorkspace } from '../../app/workspace';
import {
  hasEvents,
  latestEvent,
  type PeriodChoice,
  periodFilter,
  periodFromParam,
  periodToParam,
} from '../../components/evidence/period';
import { PeriodPicker } from '../../components/evidence/period-picker';
import { RoundingNote, SmallPopulation } from '../../components/privacy/privacy-notes';
import { download, fileStem } from '../../lib/download';
import { formatPeriod, HIDDEN_HELP, PATIENTS, type Privacy, privacyOf, SMALL_TEXT } from '../../lib/format';
import { Link } from '../../router/link';
import { navigate, useSearchParams } from '../../router/router';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import styles from './dashboard.module.css';
import { KpiTile } from './kpi-tile';

/** The earliest `firstEvent` over the ready sources, or null with no data. */
export function earliestEvent(
  sources: readonly { status: string; firstEvent: string | null }[],
): string | null {
  let earliest: string | null = null;
  for (const s of sources) {
    if (s.status === 'ready' && s.firstEvent && (earliest === null || s.firstEvent < earliest))
      earliest = s.firstEvent;
  }
  return earliest;
}

/**
 * The dashboard's request period for a choice. "All data" runs from the day of the first event to the
 * day of the last (a date-only `to` includes that day): sent as dates, since no period means the
 * server's default of the last 28 days.
 */
export function dashboardFilter(
  choice: PeriodChoice,
  sources: readonly { status: string; firstEvent: string | null; lastEvent: string | null }[],
): { from?: string; to?: string } {
  const last = latestEvent(sources);
  if (choice.kind !== 'all') return periodFilter(choice, last);
  const first = earliestEvent(sources);
  return first && last ? { from: first.slice(0, 10), to: last.slice(0, 10) } : {};
}

interface Board {
  period: { from: string; to: string } | null;
  previous: { from: string; to: string } | null;
  sections: { journeyId: string; name: string; tiles: Tile[]; privacy: Privacy }[];
  /** The privacy of the whole answer (small cells hidden, counts rounded). */
  privacy: Privacy;
  /** Whether this is the shared view (fetched with `?shared=1`). */
  shared: boolean;
}

const DEFAULT_PERIOD: PeriodChoice = { kind: 'weeks', weeks: 4 };

/**
 * KPI dashboard for one journey or every journey of the workspace: value, numbers behind it, change
 * vs the previous period, weekly sparkline and definition per KPI; PNG and PDF export of the shared view.
 */
export function DashboardPage() {
  const { workspace } = useWorkspace();
  useTitle(`Dashboard — ${workspace.name}`);
  const params = useSearchParams();
  const journeyId = params.get('journey') ?? '';
  const period = periodFromParam(params.get('period'), DEFAULT_PERIOD);
  const isDefault = period.kind === 'weeks' && period.weeks === 4;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    const q = next.toString();
    navigate(`${window.location.pathname}${q ? `?${q}` : ''}`, { replace: true });
  };

  const sources = useResource((signal) => api.evidence.sources(workspace.id, signal), [workspace.id]);
  const journeys = useResource((signal) => api.journeys.list(workspace.id, signal), [workspace.id]);
  // The documents of the journeys shown, so KPI definitions (and exports) name steps, never ids.
  const shownIds = journeyId || (journeys.data ?? []).map((j) => j.id).join(',');
  const journeyDocs = useResource(
    (signal) =>
      Promise.all(
        shownIds
          .split(',')
          .filter(Boolean)
          .map((id) => api.journeys.get(id, signal)),
      ),
    [shownIds],
  );
  const hasData = (sources.data ?? []).some(hasEvents);
  // "Last 4 weeks" is the server's default (the data's last 28 days); other choices are sent as dates.
  const filter = isDefault ? {} : dashboardFilter(period, sources.data ?? []);
  const filterKey = JSON.stringify(filter);
  const [shared, setShared] = useState(false);

  const board = useResource<Board | null>(
    async (signal) => {
      if (!hasData) return null;
      if (journeyId) {
        const d = await api.evidence.journeyDashboard(journeyId, filter, shared, signal);
        const name = (journeys.data ?? []).find((j) => j.id === journeyId)?.name ?? 'This journey';
        return {
          period: d.period,
          previous: d.previous,
          sections: [{ journeyId, name, tiles: d.tiles, privacy: privacyOf(d) }],
          privacy: privacyOf(d),
          shared,
        };
      }
      const w = await api.evidence.workspaceDashboard(workspace.id, shared, signal);
      const sections = isDefault
        ? w.journeys
        : await Promise.all(
            w.journeys.map(async (j) => ({
              ...j,
              ...(await api.evidence.journeyDashboard(j.journeyId, filter, shared, signal)),
            })),
          );
      return {
        period: sections[0]?.period ?? null,
        previous: sections[0]?.previous ?? null,
        sections: sections.map((s) => ({
          journeyId: s.journeyId,
          name: s.name,
          tiles: s.tiles,
          // Each journey's own answer says whether too few of its patients match (older servers: never).
          privacy: privacyOf('suppression' in s ? s : w),
        })),
        privacy: privacyOf(w),
        shared,
      };
    },
    [workspace.id, journeyId, filterKey, hasData, shared, journeys.data],
  );

  const ref = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState<'png' | 'pdf' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const title = journeyId
    ? `${board.data?.sections[0]?.name ?? 'Journey'} — KPI dashboard`
    : `${workspace.name} — KPI dashboard`;
  const periodText =
    board.data?.period && board.data.previous
      ? period.kind === 'all'
        ? `All data: ${formatPeriod(board.data.period.from, board.data.period.to)}, from the first to the last event (nothing earlier to compare with)`
        : `${formatPeriod(board.data.period.from, board.data.period.to)}, compared with ${formatPeriod(board.data.previous.from, board.data.previous.to)}`
      : '';

  const previousLabel =
    isDefault || period.kind === 'weeks'
      ? `previous ${period.kind === 'weeks' ? period.weeks : 4} weeks`
      : 'previous period';
  // Exports use the shared view (small counts hidden): fetch it, draw the PDF from the answer or capture
  // the PNG once the charts are drawn, then go back.
  useEffect(() => {
    if (!exporting || !board.data?.shared || board.loading || !ref.current) return;
    let live = true;
    const el = ref.current;
    const run = async () => {
      const data = board.data as Board;
      const stem = `${fileStem(journeyId ? (data.sections[0]?.name ?? 'journey') : workspace.name)}-dashboard`;
      // The exporters (html-to-image, jsPDF) load only when someone exports.
      const { dashboardToPdf, dashboardToPng } = await import('./export');
      if (exporting === 'png') {
        const charts = el.querySelectorAll('[data-kpi]').length;
        for (let i = 0; i < 40 && el.querySelectorAll('[data-sparkline="ready"]').length < charts; i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
        download(await dashboardToPng(el), `${stem}.png`);
        return;
      }
      // The PDF is drawn from the shared answer itself (vector text), with every step named.
      const docs = await Promise.all(data.sections.map((s) => api.journeys.get(s.journeyId)));
      const blob = dashboardToPdf({
        title,
        workspace: workspace.name,
        journey: journeyId ? (data.sections[0]?.name ?? null) : null,
        period: data.period,
        previous: data.previous,
        previousLabel,
        generated: new Date().toISOString().slice(0, 10),
        privacy: data.privacy,
        sections: data.sections.map((s, i) => {
          const names = new Map(orderedSteps(docs[i]!.document).map((t) => [t.id, t.name]));
          return {
            ...s,
            stepName: (id: string) => names.get(id) ?? 'a removed step',
            subject: docs[i]!.document.subject ?? PATIENTS,
          };
        }),
      });
      download(blob, `${stem}.pdf`);
    };
    run()
      .catch((e: unknown) => live && setExportError(`The export failed: ${errorMessage(e)}`))
      .finally(() => {
        if (!live) return;
        setExporting(null);
        setShared(false);
      });
    return () => {
      live = false;
    };
  }, [exporting, board.loading, board.data, journeyId, workspace.name, title, previousLabel]);

  const startExport = (kind: 'png' | 'pdf') => {
    setExportError(null);
    setExporting(kind);
    setShared(true);
  };

  if (sources.loading && !sources.data) return <Loading what="the dashboard" />;
  if (sources.error && !sources.data) return <ErrorBanner error={sources.error} onRetry={sources.reload} />;

  const stepNames = new Map(
    (journeyDocs.data ?? []).map((j) => [j.id, new Map(orderedSteps(j.document).map((s) => [s.id, s.name]))]),
  );
  const subjects = new Map((journeyDocs.data ?? []).map((j) => [j.id, j.document.subject ?? PATIENTS]));
  const subjectOf = (journey: string) => subjects.get(journey) ?? PATIENTS;
  const stepNameIn = (journey: string) => (id: string) =>
    stepNames.get(journey)?.get(id) ?? (journeyDocs.data ? 'a removed step' : 'a step');
  const tiles = board.data?.sections.reduce((n, s) => n + s.tiles.length, 0) ?? 0;

  return (
    <div className={styles.page}>
      <div className={styles.titleRow}>
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            The numbers leadership asks for, computed from your event data for each journey's KPIs.
          </p>
        </div>
        {hasData && tiles > 0 ? (
          <div className={styles.exportButtons}>
            <button
              type="button"
              className="btn"
              disabled={exporting !== null}
              onClick={() => startExport('png')}
            >
              {exporting === 'png' ? 'Exporting…' : 'Export PNG'}
            </button>
            <button
              type="button"
              className="btn"
              disabled={exporting !== null}
              onClick={() => startExport('pdf')}
            >
              {exporting === 'pdf' ? 'Exporting…' : 'Export PDF'}
            </button>
          </div>
        ) : null}
      </div>

      {!hasData ? (
        <section className={styles.empty}>
          <h2>No data yet</h2>
          <p>
            KPIs are computed from event logs. Upload last month's scheduling export on the{' '}
            <Link to={`/w/${workspace.id}/data`}>Data page</Link> and the tiles fill in here.
          </p>
        </section>
      ) : (
        <>
          <div className={styles.toolbar}>
            <div className="field">
              <label htmlFor="dash-scope">Show</label>
              <select
                id="dash-scope"
                className="select"
                value={journeyId}
                onChange={(e) => setParam('journey', e.target.value)}
              >
                <option value="">Every journey with KPIs</option>
                {(journeys.data ?? []).map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </div>
            <PeriodPicker
              value={period}
              onChange={(c) =>
                setParam('period', c.kind === 'weeks' && c.weeks === 4 ? '' : periodToParam(c))
              }
            />
          </div>
          {exportError ? (
            <div className="banner banner-error" role="alert">
              {exportError}
            </div>
          ) : null}
          {exporting ? (
            <p className="banner banner-info" role="status">
              Preparing the export with small counts hidden (as for anyone outside the team)…
            </p>
          ) : null}
          {board.error ? <ErrorBanner error={board.error} onRetry={board.reload} /> : null}
          {board.loading && !board.data ? <Loading what="the KPI tiles" /> : null}
          {board.data ? (
            <div
              ref={ref}
              className={styles.board}
              data-state={board.loading ? 'loading' : 'ready'}
              aria-busy={board.loading}
            >
              <div className={styles.boardHead}>
                <h2 className={styles.boardTitle}>{title}</h2>
                {periodText ? <p className={styles.periodText}>{periodText}</p> : null}
                {board.data.privacy.applied ? (
                  <p className={styles.periodText}>
                    Counts from 1 to 10 are shown as {SMALL_TEXT}. {HIDDEN_HELP.small} Numbers that would let
                    one be worked out show as “hidden”.
                  </p>
                ) : null}
                <RoundingNote privacy={board.data.privacy} />
              </div>
              {board.data.sections.length === 0 || tiles === 0 ? (
                <section className={styles.empty}>
                  <h2>No KPIs yet</h2>
                  <p>
                    {journeyId
                      ? 'This journey has no KPIs. '
                      : 'None of the journeys in this workspace has KPIs. '}
                    Open a journey and add ready-made ones (no-show rate, booking conversion, time to first
                    visit…) in its data lane; they appear here.
                  </p>
                  {journeyId ? (
                    <Link to={`/w/${workspace.id}/journeys/${journeyId}`}>Open the journey</Link>
                  ) : null}
                </section>
              ) : (
                board.data.sections.map((s) => (
                  <section key={s.journeyId} className={styles.section} aria-label={`KPIs of ${s.name}`}>
                    {journeyId ? null : (
                      <h3 className={styles.sectionTitle}>
                        <Link to={`/w/${workspace.id}/dashboard?journey=${s.journeyId}`}>{s.name}</Link>
                      </h3>
                    )}
                    {s.privacy.smallPopulation ? (
                      <SmallPopulation subject={subjectOf(s.journeyId)} />
                    ) : (
                      <ul className={styles.tiles}>
                        {s.tiles.map((t) => (
                          <KpiTile
                            key={t.kpi.id}
                            tile={t}
                            previousLabel={previousLabel}
                            stepName={stepNameIn(s.journeyId)}
                            subject={subjectOf(s.journeyId)}
                            expanded={exporting !== null}
                          />
                        ))}
                      </ul>
                    )}
                  </section>
                ))
              )}
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
