import { orderedSteps } from '@pathlight/core';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, type ProcessMapData } from '../../api';
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
import { OmittedNote, RoundingNote, SmallPopulation } from '../../components/privacy/privacy-notes';
import { Shown } from '../../components/privacy/shown';
import { formatPercent, HIDDEN_HELP, privacyOf, SMALL_TEXT, shownField } from '../../lib/format';
import { Link } from '../../router/link';
import { navigate, useSearchParams } from '../../router/router';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import { EDGE_STYLE } from './edge-style';
import {
  buildGraph,
  type DesignedStep,
  deviationCounts,
  END,
  START,
  variantPath,
  variantShare,
} from './graph';
import { LABELLED_PATHS, type LabelMode, waitLabel } from './labels';
import styles from './process-map.module.css';

// React Flow and ELK load only when a map is shown.
const ProcessGraph = lazy(() => import('./process-graph'));

/** Starts loading the drawing code (React Flow, ELK) while the data is fetched. */
function preloadDrawing(): void {
  void import('./process-graph');
  void import('./layout').then((m) => m.preloadElk());
}

/**
 * The real journey as a directly-follows graph: sliders for activities and paths, frequency or
 * waiting-time labels, a variant explorer, and a journey's designed path overlaid.
 */
export function ProcessMapPage() {
  const { workspace } = useWorkspace();
  useTitle(`Process map — ${workspace.name}`);
  const params = useSearchParams();
  const journeyId = params.get('journey') ?? '';
  const period = periodFromParam(params.get('period'), { kind: 'all' });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    const q = next.toString();
    navigate(`${window.location.pathname}${q ? `?${q}` : ''}`, { replace: true });
  };

  const sources = useResource((signal) => api.evidence.sources(workspace.id, signal), [workspace.id]);
  const journeys = useResource((signal) => api.journeys.list(workspace.id, signal), [workspace.id]);
  useEffect(preloadDrawing, []);
  const last = latestEvent(sources.data ?? []);
  const filter = periodFilter(period, last);
  const filterKey = JSON.stringify(filter);
  const hasData = (sources.data ?? []).some(hasEvents);
  const map = useResource<ProcessMapData | null>(
    // The server's default cut (100 activities, 500 paths, 25 variants, precomputed after an import);
    // the sliders filter it further in the browser, so they answer at once.
    (signal) =>
      hasData ? api.evidence.processMap(workspace.id, filter, false, signal) : Promise.resolve(null),
    [workspace.id, filterKey, hasData],
  );
  const journey = useResource(
    (signal) => (journeyId ? api.journeys.get(journeyId, signal) : Promise.resolve(null)),
    [journeyId],
  );

  if (sources.loading && !sources.data) return <Loading what="the process map" />;
  if (sources.error && !sources.data) return <ErrorBanner error={sources.error} onRetry={sources.reload} />;

  return (
    <div className={styles.page}>
      <div>
        <h1>Process map</h1>
        <p className="muted">
          What patients really did, drawn from the event data: each box is an activity, each arrow says how
          many patients went from one straight to the next.
        </p>
      </div>
      {!hasData ? (
        <section className={styles.empty}>
          <h2>No data yet</h2>
          <p>
            The process map is drawn from event logs. Upload last month's scheduling or EHR export on the{' '}
            <Link to={`/w/${workspace.id}/data`}>Data page</Link>; once it is ready, the map appears here.
          </p>
        </section>
      ) : (
        <>
          <div className={styles.toolbar}>
            <div className="field">
              <label htmlFor="pm-journey">Compare with a journey</label>
              <select
                id="pm-journey"
                className="select"
                value={journeyId}
                onChange={(e) => setParam('journey', e.target.value)}
              >
                <option value="">No journey (just the data)</option>
                {(journeys.data ?? []).map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </div>
            <PeriodPicker
              value={period}
              onChange={(c: PeriodChoice) => setParam('period', c.kind === 'all' ? '' : periodToParam(c))}
            />
          </div>
          {map.error ? <ErrorBanner error={map.error} onRetry={map.reload} /> : null}
          {journey.error ? <ErrorBanner error={journey.error} /> : null}
          {map.data && privacyOf(map.data).smallPopulation ? (
            <SmallPopulation />
          ) : map.data ? (
            <MapView
              key={filterKey}
              data={map.data}
              loading={map.loading}
              designed={journey.data ? designedSteps(journey.data.document) : null}
              journeyName={journey.data?.document.name ?? null}
              journeyLink={journey.data ? `/w/${workspace.id}/journeys/${journey.data.id}` : null}
            />
          ) : (
            <Loading what="the process map" />
          )}
        </>
      )}
    </div>
  );
}

const nodeName = (id: string) => (id === START ? 'Start' : id === END ? 'End' : id);

/** The journey's steps in map order that name activities (the designed path). */
function designedSteps(doc: Parameters<typeof orderedSteps>[0]): DesignedStep[] {
  return orderedSteps(doc)
    .filter((s) => s.activities.length > 0)
    .map((s) => ({ id: s.id, name: s.name, activities: s.activities }));
}

function MapView({
  data,
  loading,
  designed,
  journeyName,
  journeyLink,
}: {
  data: ProcessMapData;
  loading: boolean;
  designed: DesignedStep[] | null;
  journeyName: string | null;
  journeyLink: string | null;
}) {
  const id = useId();
  const privacy = privacyOf(data);
  const total = data.activities.length;
  const [maxActivities, setMaxActivities] = useState(Math.min(10, total));
  const pathsAmong = useMemo(() => {
    const kept = new Set(data.activities.slice(0, maxActivities).map((a) => a.name));
    return data.edges.filter((e) => kept.has(e.from) && kept.has(e.to)).length;
  }, [data, maxActivities]);
  const [maxPaths, setMaxPaths] = useState(Math.min(15, data.edges.length));
  const [labels, setLabels] = useState<LabelMode>('frequency');
  const [variant, setVariant] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const start = useRef(performance.now());

  const graph = useMemo(
    () =>
      buildGraph(data, {
        maxActivities,
        maxPaths,
        designed: designed && designed.length > 0 ? designed : null,
      }),
    [data, maxActivities, maxPaths, designed],
  );
  const highlight = useMemo(() => {
    const v = variant === null ? undefined : data.variants[variant];
    return v ? variantPath(v.activities) : null;
  }, [data, variant]);
  const onReady = useCallback(() => {
    setReady(true);
    document.body.dataset.processMapMs = String(Math.round(performance.now() - start.current));
  }, []);
  const totalCases = graph.nodes[0]?.cases ?? null;
  const shownNodes = new Set(graph.nodes.map((n) => n.id));
  const hiddenInVariant = highlight ? [...highlight.nodes].filter((n) => !shownNodes.has(n)).length : 0;
  const deviations = deviationCounts(graph);
  const shownPaths = graph.edges.filter(
    (e) => !e.source.startsWith('__') && !e.target.startsWith('__'),
  ).length;

  return (
    <div className={styles.layout}>
      <div className={styles.mapColumn}>
        <div className={styles.controls}>
          <div className={styles.slider}>
            <label htmlFor={`${id}-acts`}>
              Activities: <strong>{maxActivities}</strong> of {data.totalActivities}
            </label>
            <input
              id={`${id}-acts`}
              type="range"
              min={1}
              max={Math.max(1, total)}
              value={maxActivities}
              onChange={(e) => setMaxActivities(Number(e.target.value))}
            />
          </div>
          <div className={styles.slider}>
            <label htmlFor={`${id}-paths`}>
              Paths: <strong>{shownPaths}</strong> of {pathsAmong} (busiest first)
            </label>
            <input
              id={`${id}-paths`}
              type="range"
              min={0}
              max={Math.max(1, pathsAmong)}
              value={Math.min(maxPaths, pathsAmong)}
              onChange={(e) => setMaxPaths(Number(e.target.value))}
            />
          </div>
          <fieldset className={styles.labelMode}>
            <legend>Arrows show</legend>
            {(
              [
                ['frequency', 'Patients'],
                ['wait', 'Median wait'],
              ] as const
            ).map(([mode, text]) => (
              <label key={mode} className={labels === mode ? styles.segOn : undefined}>
                <input
                  type="radio"
                  name={`${id}-labels`}
                  checked={labels === mode}
                  onChange={() => setLabels(mode)}
                />
                {text}
              </label>
            ))}
          </fieldset>
        </div>
        <div
          className={styles.canvas}
          data-state={ready && !loading ? 'ready' : 'loading'}
          aria-busy={!ready || loading}
        >
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading the map drawing…
              </p>
            }
          >
            <ProcessGraph graph={graph} labels={labels} highlight={highlight} onReady={onReady} />
          </Suspense>
        </div>
        <details className={styles.asTable}>
          <summary>The paths shown, as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Patients</th>
                <th scope="col">Median wait</th>
                {designed ? <th scope="col">Against the journey</th> : null}
              </tr>
            </thead>
            <tbody>
              {graph.edges.map((e) => (
                <tr key={e.id}>
                  <td>{nodeName(e.source)}</td>
                  <td>{nodeName(e.target)}</td>
                  <td>
                    <Shown value={shownField(e, 'count')} />
                  </td>
                  <td>
                    <Shown value={waitLabel(e)} />
                  </td>
                  {designed ? <td>{EDGE_STYLE[e.overlay].label}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <OmittedNote privacy={privacy} list="activities" />
        <OmittedNote privacy={privacy} list="edges" />
        <OmittedNote privacy={privacy} list="startActivities" />
        <OmittedNote privacy={privacy} list="endActivities" />
        {privacy.applied ? (
          <p className={styles.note}>
            Counts from 1 to 10 show as {SMALL_TEXT}: {HIDDEN_HELP.small} Numbers that would let one be worked
            out show as “hidden”.
          </p>
        ) : null}
        <RoundingNote privacy={privacy} />
      </div>

      <aside className={styles.side} aria-label="Variants and legend">
        <Legend
          designed={designed}
          journeyName={journeyName}
          journeyLink={journeyLink}
          deviations={deviations}
        />
        <section aria-labelledby={`${id}-variants`}>
          <h2 id={`${id}-variants`} className={styles.sideTitle}>
            Most common paths
          </h2>
          <p className={styles.sideHint}>Choose one to highlight it on the map.</p>
          {hiddenInVariant > 0 ? (
            <p className={`banner banner-info ${styles.legendNote}`} role="status">
              {hiddenInVariant} {hiddenInVariant === 1 ? 'activity' : 'activities'} of this path{' '}
              {hiddenInVariant === 1 ? 'is' : 'are'} not shown. Move the Activities slider up to see the whole
              path.
            </p>
          ) : null}
          {data.variants.length === 0 ? (
            (privacy.omitted.variants ?? 0) === 0 && (
              <p className="muted">No complete paths in this period.</p>
            )
          ) : (
            <ol className={styles.variants}>
              {data.variants.map((v, i) => {
                const share = variantShare(v.cases, totalCases);
                return (
                  <li key={v.activities.join('>')}>
                    <button
                      type="button"
                      className={styles.variant}
                      aria-pressed={variant === i}
                      onClick={() => setVariant(variant === i ? null : i)}
                    >
                      <span className={styles.variantHead}>
                        <strong>Path {i + 1}</strong>
                        <span>
                          <Shown value={shownField(v, 'cases')} /> patients
                          {share === null ? '' : ` · ${formatPercent(share, 'full')}`}
                        </span>
                      </span>
                      <span className={styles.variantSteps}>
                        {v.activities.length} steps: {v.activities.join(' → ')}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          <OmittedNote privacy={privacy} list="variants" />
        </section>
      </aside>
    </div>
  );
}

function Legend({
  designed,
  journeyName,
  journeyLink,
  deviations,
}: {
  designed: DesignedStep[] | null;
  journeyName: string | null;
  journeyLink: string | null;
  deviations: ReturnType<typeof deviationCounts>;
}) {
  const line = (stroke: string, dash?: string, width = 3) => (
    <svg width="36" height="10" aria-hidden="true">
      <line x1="0" y1="5" x2="36" y2="5" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
  return (
    <section className={styles.legend} aria-label="Legend">
      <h2 className={styles.sideTitle}>How to read it</h2>
      <ul>
        <li>
          <span className={styles.legendBox} aria-hidden="true" /> Darker, larger boxes: more events
        </li>
        <li>{line(EDGE_STYLE.neutral.stroke, undefined, 5)} Thicker arrows: more patients</li>
      </ul>
      <p className={styles.sideHint}>
        Numbers show on the {LABELLED_PATHS} busiest arrows; point at or tab to an activity for the numbers on
        its arrows. Drag or use the arrow keys to move, + and − to zoom, Fit for the whole map.
      </p>
      {journeyName ? (
        designed && designed.length > 0 ? (
          <>
            <h3 className={styles.legendSub}>Compared with “{journeyName}”</h3>
            <ul>
              <li>
                <span className={`${styles.legendBox} ${styles.legendOnMap}`} aria-hidden="true" /> Activity
                on a step (labelled “Step n”)
              </li>
              <li>{line(EDGE_STYLE.designed.stroke, undefined, 4)} Follows the designed order</li>
              <li>
                {line(EDGE_STYLE.skip.stroke, EDGE_STYLE.skip.dash)} ⤼ Skips a step ({deviations.skip})
              </li>
              <li>
                {line(EDGE_STYLE.backward.stroke, EDGE_STYLE.backward.dash)} ↺ Goes back or repeats (
                {deviations.backward + deviations.loop})
              </li>
              <li>
                <span className={`${styles.legendBox} ${styles.legendOffMap}`} aria-hidden="true" /> Not on
                the map ({deviations.offMap})
              </li>
              <li>
                {line(EDGE_STYLE['off-map'].stroke, EDGE_STYLE['off-map'].dash)} To or from an activity on no
                step
              </li>
            </ul>
          </>
        ) : (
          <p className={`banner banner-info ${styles.legendNote}`}>
            No step of “{journeyName}” names an activity yet, so there is nothing to compare.{' '}
            {journeyLink ? <Link to={journeyLink}>Map steps to activities in the journey</Link> : null}
          </p>
        )
      ) : null}
    </section>
  );
}
