// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid over CSS grid (sticky spanning headers, SVG overlay rows) cannot be a <table>
// biome-ignore-all lint/a11y/useFocusableInteractive: grid pattern: only cells take focus (roving tabindex), rows and headers do not
// biome-ignore-all lint/a11y/noStaticElementInteractions: drop targets for drag and drop; the keyboard path is the header menus
import type { LaneKind } from '@pathlight/core';
import { forwardRef, useCallback, useMemo, useState } from 'react';
import type { MapEvidence } from '../evidence/types';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';
import type { CellView } from './cell';
import { focusLater } from './focus';
import { gridHandlers } from './grid-keys';
import { useHeaderActions } from './header-actions';
import { StageHeader, StepHeader } from './headers';
import { type StepMetrics, useLaneExtras } from './lane-extras';
import { LaneRow, type LaneRowsShared } from './lane-row';
import { cellKey, groupCards, hiddenPersonaTags, journeyPersonas, mapLayout } from './layout';
import { StepPicker } from './step-picker';

export { EvidenceKey } from './evidence-key';
export type { StepMetrics } from './lane-extras';

export const LANE_WIDTH = 188;
export const COL_WIDTH = { normal: 216, compact: 156 } as const;
export const EMOTION_HEIGHT = { normal: 150, compact: 104 } as const;

const LANE_DEFAULT_NAMES: Record<LaneKind, string> = {
  touchpoints: 'Touchpoints',
  actions: 'Patient actions',
  thoughts: 'Thoughts',
  emotions: 'Emotions',
  'pain-points': 'Pain points',
  opportunities: 'Opportunities',
  frontstage: 'Frontstage (staff the patient sees)',
  backstage: 'Backstage (staff behind the scenes)',
  systems: 'Systems',
  data: 'Data and KPIs',
  text: 'Notes',
};

export interface MapGridProps {
  metrics?: StepMetrics | undefined;
  onOpenStep?: ((stepId: string) => void) | undefined;
  /** Live data of the workspace: step numbers, KPI values, activities for mapping. */
  evidence?: MapEvidence | undefined;
}

/**
 * The journey map: stages and steps across, lanes down (`LaneRow`), cards in cells; the
 * `role="grid"` keyboard model is in `grid-keys.ts`, where moves go in `drag.ts`.
 */
export const MapGrid = forwardRef<HTMLDivElement, MapGridProps>(function MapGrid(
  { metrics, onOpenStep, evidence },
  ref,
) {
  const { store, readOnly, personas } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const ui = useEditorState((s) => s.ui);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [newLaneKind, setNewLaneKind] = useState<LaneKind>('actions');
  const [picking, setPicking] = useState<string | null>(null);

  // Recomputed only when stages or lanes change, so cells and headers keep their props otherwise.
  const layout = useMemo(() => mapLayout({ stages: doc.stages, lanes: doc.lanes }), [doc.stages, doc.lanes]);
  const cells = useMemo(() => groupCards(doc.cards), [doc.cards]);
  const { scope, emotions } = doc;
  const listed = useMemo(() => journeyPersonas({ scope, emotions }, personas), [scope, emotions, personas]);
  // Same personas, same object: an emotion edit must not hand every cell new persona props.
  const listedKey = listed.map((p) => `${p.id}:${p.name}:${p.color}:${p.marker}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, on purpose
  const curvePersonas = useMemo(() => listed, [listedKey]);
  const filterName = personas.find((p) => p.id === ui.personaFilter)?.name ?? null;
  const hiddenTags = useMemo(
    () =>
      hiddenPersonaTags(
        curvePersonas.map((p) => p.name),
        filterName,
      ),
    [curvePersonas, filterName],
  );
  const shownPersonas = useMemo(
    () => (ui.personaFilter ? curvePersonas.filter((p) => p.id === ui.personaFilter) : curvePersonas),
    [curvePersonas, ui.personaFilter],
  );
  const activePersonaId = ui.personaFilter ?? ui.emotionPersonaId ?? curvePersonas[0]?.id ?? null;
  const systems = useMemo(() => new Map(doc.systems.map((s) => [s.id, s])), [doc.systems]);
  const personaColors = useMemo(
    () => new Map(curvePersonas.map((p) => [p.name.trim().toLowerCase(), p.color])),
    [curvePersonas],
  );
  const compact = ui.compact ? 'compact' : 'normal';
  const colW = COL_WIDTH[compact];

  const onHoverLinks = useCallback(
    (ids: readonly string[] | null) => store.setHoverCards(ids ? new Set(ids) : null),
    [store],
  );
  const view: CellView = useMemo(
    () => ({
      readOnly,
      highlightAssumed: ui.highlightAssumed,
      hiddenTags,
      filterName,
      systems,
      personaColors,
      onHoverLinks,
      onAddCard: (laneId, stepId, text) => {
        const id = store.newId();
        if (store.dispatch(cmd.addCard, { id, laneId, stepId, text })) focusLater(`[data-card-id="${id}"]`);
      },
      onDropCard: (cardId, laneId, stepId, index) =>
        store.dispatch(cmd.moveCard, { cardId, laneId, stepId, index }),
    }),
    [readOnly, ui.highlightAssumed, hiddenTags, filterName, systems, personaColors, onHoverLinks, store],
  );
  const extras = useLaneExtras({
    store,
    layout,
    stages: doc.stages,
    kpis: doc.kpis,
    opportunities: doc.opportunities,
    metrics,
    evidence,
  });

  const targeted = useMemo(() => {
    const s = ui.selection;
    if (s?.kind !== 'cells') return null;
    return { cells: new Set(s.cells.map((c) => cellKey(c.laneId, c.stepId))), steps: new Set(s.stepIds) };
  }, [ui.selection]);

  const firstStep = layout.columns.find((c) => c.step)?.step?.id ?? null;
  // The roving tab stop: the last focused cell while it is still on the map, else the first cell,
  // so the grid stays reachable with Tab after its focused lane or step is hidden or deleted.
  const onMap = (c: { laneId: string; stepId: string }) =>
    layout.lanes.some((l) => l.id === c.laneId) && layout.columns.some((col) => col.step?.id === c.stepId);
  const focused =
    ui.focusedCell && onMap(ui.focusedCell)
      ? ui.focusedCell
      : layout.lanes[0] && firstStep
        ? { laneId: layout.lanes[0].id, stepId: firstStep }
        : null;
  const selectedCardId = ui.selection?.kind === 'card' ? ui.selection.cardId : null;
  const selectedCard = selectedCardId ? doc.cards.find((c) => c.id === selectedCardId) : undefined;

  const actions = useHeaderActions({
    store,
    readOnly,
    renaming,
    setRenaming,
    onOpenStep,
    hasData: evidence?.hasData ?? false,
    openActivities: setPicking,
  });
  const onSetEmotion = useCallback(
    (personaId: string, stepId: string, score: number, drag: boolean) =>
      store.dispatch(
        cmd.setEmotion,
        { personaId, stepId, score },
        drag ? { coalesceKey: `emotion:${personaId}:${stepId}` } : {},
      ),
    [store],
  );
  const onClearEmotion = useCallback(
    (personaId: string, stepId: string) => store.dispatch(cmd.clearEmotion, { personaId, stepId }),
    [store],
  );
  const onPickPersona = useCallback((id: string) => store.setEmotionPersona(id), [store]);

  const addStage = () => {
    const id = store.newId();
    if (
      store.dispatch(cmd.addStage, {
        id,
        name: 'New stage',
        firstStep: { id: store.newId(), name: 'New step' },
      })
    )
      setRenaming(id);
  };
  const addLane = () => {
    const id = store.newId();
    store.dispatch(cmd.addLane, { id, kind: newLaneKind, name: LANE_DEFAULT_NAMES[newLaneKind] });
    setRenaming(id);
  };

  const handlers = gridHandlers({
    store,
    readOnly,
    layout,
    selectedCard,
    emotions: doc.emotions,
    activePersonaId,
    setAdding,
  });

  const cols = layout.columns;
  const lastCol = cols.length + 2;
  const rows: LaneRowsShared = {
    columns: cols,
    cards: cells,
    actions,
    view,
    readOnly,
    focused,
    targetedCells: targeted?.cells ?? null,
    selectedCard,
    hover: ui.hoverCardIds,
    adding,
    setAdding,
    dataExtras: extras.data,
    opportunityExtras: extras.opportunities,
    emotions: doc.emotions,
    personas: shownPersonas,
    activePersonaId,
    canPickPersona: !readOnly && !ui.personaFilter && curvePersonas.length > 1,
    onPickPersona,
    colWidth: colW,
    emotionHeight: EMOTION_HEIGHT[compact],
    onSetEmotion,
    onClearEmotion,
  };

  return (
    <div className={`pl-zoom${ui.compact ? ' pl-compact' : ''}`} style={{ zoom: ui.zoom }}>
      <div
        ref={ref}
        role="grid"
        aria-label={`Journey map: ${doc.name}`}
        aria-readonly={readOnly || undefined}
        aria-rowcount={layout.lanes.length + 2}
        aria-colcount={cols.length + 1}
        className={`pl-grid${ui.highlightAssumed ? ' pl-grid--assumed' : ''}`}
        data-testid="map-grid"
        style={{
          gridTemplateColumns: `${LANE_WIDTH}px repeat(${cols.length}, ${colW}px)${readOnly ? '' : ' 132px'}`,
        }}
        onKeyDown={handlers.onKeyDown}
        onClick={handlers.onClick}
        onFocus={handlers.onFocus}
      >
        <div role="row" className="pl-row">
          <div
            role="columnheader"
            className="pl-corner pl-corner--stage"
            style={{ gridRow: 1, gridColumn: 1 }}
          >
            Stages
          </div>
          {layout.stages.map(({ stage, start, span }) => (
            <div
              key={stage.id}
              role="columnheader"
              aria-colspan={span}
              className="pl-stagecell"
              style={{ gridRow: 1, gridColumn: `${start + 2} / span ${span}` }}
              data-testid={`stage-${stage.id}`}
              data-nav={`stage|${stage.id}`}
              tabIndex={-1}
            >
              <StageHeader stage={stage} a={actions} />
            </div>
          ))}
          {!readOnly && (
            <div
              className="pl-addcol"
              style={{ gridRow: '1 / span 2', gridColumn: lastCol }}
              data-export-hide
            >
              <button
                type="button"
                className="pl-btn pl-btn--ghost"
                onClick={addStage}
                data-testid="add-stage"
              >
                + Add stage
              </button>
            </div>
          )}
        </div>
        <div role="row" className="pl-row">
          <div
            role="columnheader"
            className="pl-corner pl-corner--step"
            style={{ gridRow: 2, gridColumn: 1 }}
          >
            Steps
          </div>
          {cols.map((c, i) => (
            <div
              key={c.key}
              role="columnheader"
              className="pl-stepcell"
              style={{ gridRow: 2, gridColumn: i + 2 }}
              data-testid={c.step ? `step-${c.step.id}` : undefined}
              data-nav={c.step ? `step|${c.step.id}` : undefined}
              tabIndex={c.step ? -1 : undefined}
            >
              {c.step ? (
                <StepHeader
                  step={c.step}
                  stageId={c.stage.id}
                  index={c.stage.steps.indexOf(c.step)}
                  a={actions}
                  targeted={targeted?.steps.has(c.step.id) ?? false}
                  data={extras.stepViews.get(c.step.id)}
                />
              ) : (
                <div
                  className="pl-step pl-step--empty"
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => actions.dropOnStep(e, c.stage.id, null)}
                >
                  {readOnly ? (
                    'No visible steps'
                  ) : (
                    <button
                      type="button"
                      className="pl-btn pl-btn--ghost"
                      onClick={() => actions.addStep(c.stage.id)}
                    >
                      + Add step
                    </button>
                  )}
                </div>
              )}
            </div>
          ))}
        </div>
        {layout.lanes.map((lane, li) => (
          <LaneRow key={lane.id} lane={lane} row={li + 3} line={layout.lineAbove.get(lane.id)} s={rows} />
        ))}
        {!readOnly && (
          <div role="row" className="pl-row" data-export-hide>
            <div className="pl-addlane" style={{ gridRow: layout.lanes.length + 3, gridColumn: 1 }}>
              <label className="pl-addlane__label">
                <span>New lane</span>
                <select
                  value={newLaneKind}
                  onChange={(e) => setNewLaneKind(e.target.value as LaneKind)}
                  aria-label="Kind of lane to add"
                >
                  {(Object.keys(LANE_DEFAULT_NAMES) as LaneKind[]).map((k) => (
                    <option key={k} value={k}>
                      {LANE_DEFAULT_NAMES[k]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="pl-btn pl-btn--ghost" onClick={addLane} data-testid="add-lane">
                + Add lane
              </button>
            </div>
          </div>
        )}
      </div>
      {picking && <StepPicker stepId={picking} evidence={evidence} onClose={() => setPicking(null)} />}
    </div>
  );
});
