import { type KpiDefinition, orderedSteps } from '@pathlight/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { SmallPopulation } from '../../components/privacy/privacy-notes';
import {
  type Autosave,
  type EditorStore,
  JourneyEditor,
  type JourneyEditorProps,
  type MapEvidence,
} from '../../editor';
import { formatCount, privacyOf, roundingNote, shownField } from '../../lib/format';
import { ConformancePanel } from './conformance-panel';
import { evidenceApi } from './evidence-api';
import { FilterBar, type FilterState, NO_FILTER, toRequest } from './filter-bar';
import styles from './journey-page.module.css';
import { StepDrawer } from './step-drawer';
import { useDebounced, useLive } from './use-evidence';

export interface JourneyMapProps extends JourneyEditorProps {
  journeyId: string;
  workspaceId: string;
  canEdit: boolean;
}

// The map re-renders only when its own props change, not on every save or filter keystroke here.
const MapEditor = memo(JourneyEditor);

type Panel = { kind: 'step'; stepId: string } | { kind: 'conformance' } | null;

/**
 * The journey map with its evidence: a filter bar, live numbers on the step headers (refetched when
 * the filter changes or a save lands), a step detail drawer and the conformance panel.
 */
export function JourneyMap(props: JourneyMapProps) {
  const { journeyId, workspaceId, canEdit, onReady, ...editorProps } = props;
  const [handle, setHandle] = useState<{ store: EditorStore; autosave: Autosave | null } | null>(null);
  const [savedVersion, setSavedVersion] = useState(props.journey.version);
  const [stages, setStages] = useState(props.journey.document.stages);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [panel, setPanel] = useState<Panel>(null);
  const request = useMemo(() => toRequest(filter), [filter]);
  const settled = useDebounced(request, 350);

  const base = useLive(async () => {
    const [activities, sources, library] = await Promise.all([
      evidenceApi.activities(workspaceId),
      evidenceApi.sources(workspaceId),
      evidenceApi.kpiLibrary().catch(() => [] as KpiDefinition[]),
    ]);
    return { activities, sources, library };
  }, [workspaceId]);
  const hasData = (base.data?.activities.length ?? 0) > 0;
  // Metrics come from the saved document: refetch after each save (new version) and filter change.
  // They load alongside the activities (not after them); only a workspace known to be empty skips them.
  const metrics = useLive(
    () => evidenceApi.metrics(journeyId, settled),
    [journeyId, settled, savedVersion],
    !base.data || hasData,
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
  const privacy = m ? privacyOf(m) : null;
  // Fewer than 11 patients: the map shows no numbers at all, one message says why.
  const numbers = m && !privacy?.smallPopulation ? m : null;
  const evidence: MapEvidence = useMemo(
    () => ({
      hasData,
      loading: metrics.loading || request !== settled,
      steps: numbers?.steps ?? null,
      kpis: numbers?.kpis ?? null,
      activities: base.data?.activities ?? null,
      library: base.data?.library ?? [],
    }),
    [hasData, metrics.loading, request, settled, numbers, base.data],
  );
  const stepNames = useMemo(() => new Map(orderedSteps({ stages }).map((s) => [s.id, s.name])), [stages]);
  const sourceNames = useMemo(
    () => new Map((base.data?.sources ?? []).map((s) => [s.id, s.name])),
    [base.data?.sources],
  );
  const onOpenStep = useCallback((stepId: string) => setPanel({ kind: 'step', stepId }), []);

  const summary = m
    ? privacy?.smallPopulation || m.summary.suppressed.includes('cases')
      ? 'Fewer than 11 patients in this selection'
      : [
          `${formatCount(m.summary.cases)} patients · ${shownField(m.summary, 'events').text} events`,
          privacy && roundingNote(privacy),
        ]
          .filter(Boolean)
          .join(' · ')
    : metrics.error
      ? `Numbers unavailable: ${errorMessage(metrics.error)}`
      : null;

  return (
    <div className={styles.mapArea}>
      {/* Without event data there is no bar: the map stays where it was (editors find "Map data" in
          the step menu, whose picker says how to add data). */}
      {hasData ? (
        <FilterBar
          value={filter}
          onChange={setFilter}
          sources={base.data?.sources ?? []}
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
      ) : null}
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
          metric={numbers?.steps.find((s) => s.stepId === panel.stepId) ?? null}
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
  );
}
