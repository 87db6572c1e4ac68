import { type KpiDefinition, orderedSteps } from '@pathlight/core';
import { memo, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { SmallPopulation } from '../../components/privacy/privacy-notes';
import { SubjectProvider } from '../../components/subject/subject';
import {
  type Autosave,
  type EditorStore,
  JourneyEditor,
  type JourneyEditorProps,
  type MapEvidence,
} from '../../editor';
import { funnelPlaces, withFunnelFacts } from '../../editor/evidence/funnel-facts';
import { countOf, PATIENTS, roundingNote, shownField } from '../../lib/format';
import { useResource } from '../../ui/use-resource';
import { ConformancePanel } from './conformance-panel';
import { evidenceApi } from './evidence-api';
import { FilterBar, type FilterState, NO_FILTER, toRequest } from './filter-bar';
import styles from './journey-page.module.css';
import { StepDrawer } from './step-drawer';
import { filterKey, useDebounced } from './use-evidence';

export interface JourneyMapProps extends JourneyEditorProps {
  journeyId: string;
  workspaceId: string;
  canEdit: boolean;
  /** What leads the bar over the map (the page's breadcrumb), so it takes no row of its own. */
  lead?: ReactNode;
}

// The map re-renders only when its own props change, not on every save or filter keystroke here.
const MapEditor = memo(JourneyEditor);

type Panel = { kind: 'step'; stepId: string } | { kind: 'conformance' } | null;

/**
 * The journey map with its evidence: a filter bar, live numbers on the step headers (refetched when
 * the filter changes or a save lands), a step detail drawer and the conformance panel.
 */
export function JourneyMap(props: JourneyMapProps) {
  const { journeyId, workspaceId, canEdit, onReady, lead, ...editorProps } = props;
  const [handle, setHandle] = useState<{ store: EditorStore; autosave: Autosave | null } | null>(null);
  const [savedVersion, setSavedVersion] = useState(props.journey.version);
  const [stages, setStages] = useState(props.journey.document.stages);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [panel, setPanel] = useState<Panel>(null);
  const request = useMemo(() => toRequest(filter), [filter]);
  const settled = useDebounced(request, 350);

  const base = useResource(
    async (signal) => {
      const [activities, sources, library] = await Promise.all([
        evidenceApi.activities(workspaceId, signal),
        evidenceApi.sources(workspaceId, signal),
        evidenceApi.kpiLibrary(signal).catch(() => [] as KpiDefinition[]),
      ]);
      return { activities, sources, library };
    },
    [workspaceId],
  );
  const hasData = (base.data?.activities.length ?? 0) > 0;
  // Every attribute of the data, for the segment choice (and the step drawer's split).
  const attributes = useResource((signal) => evidenceApi.attributes(workspaceId, signal), [workspaceId], {
    enabled: hasData,
  });
  // Metrics come from the saved document: refetch after each save (new version) and filter change.
  // They load alongside the activities (not after them); only a workspace known to be empty skips them.
  const metrics = useResource(
    (signal) => evidenceApi.metrics(journeyId, settled, signal),
    [journeyId, filterKey(settled), savedVersion],
    { enabled: !base.data || hasData },
  );

  const onEditorReady = useCallback<NonNullable<JourneyEditorProps['onReady']>>(
    (h) => {
      setHandle(h);
      onReady?.(h);
    },
    [onReady],
  );
  const unsubscribe = useRef<(() => void)[]>([]);
  useEffect(() => {
    for (const u of unsubscribe.current) u();
    unsubscribe.current = [];
    if (!handle) return;
    const { store, autosave } = handle;
    unsubscribe.current.push(store.subscribe(() => setStages(store.doc.stages)));
    if (autosave)
      unsubscribe.current.push(
        autosave.subscribe(() => {
          const s = autosave.getSnapshot();
          if (s.status === 'saved') setSavedVersion(s.version);
        }),
      );
    return () => {
      for (const u of unsubscribe.current) u();
      unsubscribe.current = [];
    };
  }, [handle]);

  const m = metrics.data;
  const privacy = metrics.privacy;
  // Fewer than 11 patients: the map shows no numbers at all, one message says why.
  const numbers = m && !privacy?.smallPopulation ? m : null;
  // Where each step sits in the ordered funnel (optional, without data, measured from which step).
  const places = useMemo(
    () => funnelPlaces(stages, base.data ? new Set(base.data.activities.map((a) => a.name)) : null),
    [stages, base.data],
  );
  const steps = useMemo(() => (numbers ? withFunnelFacts(numbers.steps, places) : null), [numbers, places]);
  const evidence: MapEvidence = useMemo(
    () => ({
      hasData,
      loading: metrics.loading || request !== settled,
      steps,
      kpis: numbers?.kpis ?? null,
      activities: base.data?.activities ?? null,
      library: base.data?.library ?? [],
    }),
    [hasData, metrics.loading, request, settled, steps, numbers, base.data],
  );
  const stepNames = useMemo(() => new Map(orderedSteps({ stages }).map((s) => [s.id, s.name])), [stages]);
  const sourceNames = useMemo(
    () => new Map((base.data?.sources ?? []).map((s) => [s.id, s.name])),
    [base.data?.sources],
  );
  const subject = props.journey.document.subject ?? PATIENTS;
  const onOpenStep = useCallback((stepId: string) => setPanel({ kind: 'step', stepId }), []);

  const summary = m
    ? privacy?.smallPopulation || m.summary.suppressed.includes('cases')
      ? `Fewer than 11 ${subject.plural} in this selection`
      : [
          `${countOf(m.summary.cases ?? 0, subject)} · ${shownField(m.summary, 'events').text} events`,
          privacy && roundingNote(privacy),
        ]
          .filter(Boolean)
          .join(' · ')
    : metrics.error
      ? `Numbers unavailable: ${errorMessage(metrics.error)}`
      : null;

  return (
    <SubjectProvider subject={subject}>
      <div className={styles.mapArea}>
        {/* Without event data there is no bar: the map stays where it was (editors find "Map data" in
          the step menu, whose picker says how to add data). */}
        {hasData ? (
          <FilterBar
            lead={lead}
            value={filter}
            onChange={setFilter}
            sources={base.data?.sources ?? []}
            attributes={attributes.data?.attributes ?? []}
            loading={evidence.loading}
            summary={summary}
          >
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={panel?.kind === 'conformance'}
              disabled={!numbers}
              onClick={() => setPanel(panel?.kind === 'conformance' ? null : { kind: 'conformance' })}
              data-testid="open-conformance"
            >
              Conformance
            </button>
          </FilterBar>
        ) : (
          lead
        )}
        {privacy?.smallPopulation ? <SmallPopulation /> : null}
        <MapEditor
          {...editorProps}
          readOnly={!canEdit}
          evidence={evidence}
          {...(hasData ? { onOpenStep } : {})}
          onReady={onEditorReady}
        />
        {panel?.kind === 'step' && (
          <StepDrawer
            key={panel.stepId}
            journeyId={journeyId}
            stepId={panel.stepId}
            stepName={stepNames.get(panel.stepId) ?? 'Step'}
            metric={steps?.find((s) => s.stepId === panel.stepId) ?? null}
            attributes={attributes.data?.attributes ?? []}
            filter={settled}
            version={savedVersion}
            canEdit={canEdit}
            sourceNames={sourceNames}
            onClose={() => setPanel(null)}
          />
        )}
        {panel?.kind === 'conformance' && numbers && privacy && (
          <ConformancePanel
            conformance={numbers.conformance}
            privacy={privacy}
            stepNames={stepNames}
            stages={stages}
            store={handle?.store ?? null}
            canEdit={canEdit}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
    </SubjectProvider>
  );
}
