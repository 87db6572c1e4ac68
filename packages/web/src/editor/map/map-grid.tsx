// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid over CSS grid (sticky spanning headers, SVG overlay rows) cannot be a <table>
// biome-ignore-all lint/a11y/useFocusableInteractive: grid pattern: only cells take focus (roving tabindex), rows and headers do not
// biome-ignore-all lint/a11y/noStaticElementInteractions: drop targets for drag and drop; the keyboard path is the header menus
import { type Card, type LaneKind, orderedSteps } from '@pathlight/core';
import { forwardRef, type ReactNode, useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Shown } from '../../components/privacy/shown';
import { formatKpiValue, hiddenHelp, shownField } from '../../lib/format';
import { ActivityPicker } from '../evidence/activity-picker';
import { stepScale } from '../evidence/scale';
import type { StepDataView } from '../evidence/step-data';
import type { MapEvidence } from '../evidence/types';
import { CONFIDENCE_LABELS, ConfidenceGlyph, MarkerShape } from '../glyphs/glyphs';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';
import { Cell, type CellView } from './cell';
import { EmotionRow } from './emotion-row';
import { type HeaderActions, LaneHeader, StageHeader, StepHeader } from './headers';
import {
  cellKey,
  groupCards,
  hiddenPersonaTags,
  journeyPersonas,
  kpiAnchorStep,
  kpiSummary,
  mapLayout,
} from './layout';

/** Numbers to show per step in the data lane (filled by the analytics issue). */
export type StepMetrics = Readonly<Record<string, readonly { label: string; value: string }[]>>;

export const LANE_WIDTH = 188;
export const COL_WIDTH = { normal: 216, compact: 156 } as const;
export const EMOTION_HEIGHT = { normal: 150, compact: 104 } as const;

const NO_CARDS: readonly Card[] = [];

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

/** The journey map: stages and steps across, lanes down, cards in cells; `role="grid"` keyboard model. */
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
  const hasData = evidence?.hasData ?? false;

  // Recomputed only when stages or lanes change, so cells and headers keep their props otherwise.
  const stableLayout = useMemo(
    () => mapLayout({ stages: doc.stages, lanes: doc.lanes }),
    [doc.stages, doc.lanes],
  );
  const cells = useMemo(() => groupCards(doc.cards), [doc.cards]);
  const { scope, emotions, stages } = doc;
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

  // Extra content per cell: KPI chips and metrics in the data lane, opportunity chips in the opportunities lane.
  const stepName = useMemo(() => {
    const names = new Map(orderedSteps({ stages }).map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? 'removed step';
  }, [stages]);
  // Per step: its live numbers, colour band and whether it is the worst (same object while unchanged).
  const stepViews = useMemo(() => {
    const views = new Map<string, StepDataView>();
    const rows = evidence?.steps;
    if (!rows) return views;
    const mapped = new Set(orderedSteps({ stages }).flatMap((s) => (s.activities.length > 0 ? [s.id] : [])));
    const { bands, worstStepId } = stepScale(rows.filter((r) => mapped.has(r.stepId)));
    for (const r of rows) {
      if (!mapped.has(r.stepId)) continue;
      views.set(r.stepId, {
        metric: r,
        band: bands.get(r.stepId) ?? null,
        worst: r.stepId === worstStepId,
        loading: evidence?.loading ?? false,
      });
    }
    return views;
  }, [evidence?.steps, evidence?.loading, stages]);
  const dataExtras = useMemo(() => {
    const visible = stableLayout.columns.flatMap((c) => (c.step ? [c.step.id] : []));
    const byStep = new Map<string, ReactNode>();
    const kpis = new Map<string, ReactNode[]>();
    const values = new Map((evidence?.kpis ?? []).map((v) => [v.id, v]));
    for (const k of doc.kpis) {
      const at = kpiAnchorStep(k, visible);
      if (!at) continue;
      const v = values.get(k.id);
      const value = v ? shownField(v, 'value', (x) => formatKpiValue(k, x)) : null;
      const num = v ? shownField(v, 'numerator') : null;
      const den = v ? shownField(v, 'denominator') : null;
      kpis.set(at, [
        ...(kpis.get(at) ?? []),
        <div
          key={k.id}
          className="pl-kpi"
          data-testid="kpi-chip"
          title={k.reference ? `Definition: ${k.reference}` : undefined}
        >
          <span className="pl-kpi__tag">KPI</span> {kpiSummary(k, stepName)}
          {value && (
            <div
              className="pl-kpi__value"
              title={(v && hiddenHelp([v])) ?? undefined}
              data-testid="kpi-value"
            >
              <strong>
                <Shown value={value} />
              </strong>
              {k.kind !== 'score' && num && den && (
                <span className="pl-muted">
                  {' '}
                  (<Shown value={num} /> / <Shown value={den} />)
                </span>
              )}
            </div>
          )}
        </div>,
      ]);
    }
    for (const stepId of visible) {
      const ks = kpis.get(stepId) ?? [];
      const ms = metrics?.[stepId] ?? [];
      if (ks.length === 0 && ms.length === 0) continue;
      byStep.set(
        stepId,
        <div className="pl-data">
          {ms.map((m) => (
            <div key={m.label} className="pl-metric">
              <span className="pl-metric__value">{m.value}</span>{' '}
              <span className="pl-metric__label">{m.label}</span>
            </div>
          ))}
          {ks}
        </div>,
      );
    }
    return byStep;
  }, [doc.kpis, stableLayout, metrics, stepName, evidence?.kpis]);
  const opportunityExtras = useMemo(() => {
    const byStep = new Map<string, ReactNode>();
    for (const o of doc.opportunities)
      for (const s of o.stepIds)
        byStep.set(
          s,
          <>
            {byStep.get(s)}
            <button
              key={o.id}
              type="button"
              tabIndex={-1}
              className="pl-oppchip"
              onMouseEnter={() => store.setHoverCards(new Set(o.cardIds))}
              onMouseLeave={() => store.setHoverCards(null)}
              onClick={() => store.setTab('board')}
              aria-label={`Opportunity: ${o.title}, addresses ${o.cardIds.length} cards. Open the opportunity board.`}
            >
              <span className="pl-kpi__tag">Opportunity</span> {o.title}
              {o.cardIds.length > 0 && (
                <span className="pl-oppchip__count"> · {o.cardIds.length} linked</span>
              )}
            </button>
          </>,
        );
    return byStep;
  }, [doc.opportunities, store]);

  const targeted = useMemo(() => {
    const s = ui.selection;
    if (s?.kind !== 'cells') return null;
    return { cells: new Set(s.cells.map((c) => cellKey(c.laneId, c.stepId))), steps: new Set(s.stepIds) };
  }, [ui.selection]);

  const firstStep = stableLayout.columns.find((c) => c.step)?.step?.id ?? null;
  // The roving tab stop: the last focused cell while it is still on the map, else the first cell,
  // so the grid stays reachable with Tab after its focused lane or step is hidden or deleted.
  const onMap = (c: { laneId: string; stepId: string }) =>
    stableLayout.lanes.some((l) => l.id === c.laneId) &&
    stableLayout.columns.some((col) => col.step?.id === c.stepId);
  const focused =
    ui.focusedCell && onMap(ui.focusedCell)
      ? ui.focusedCell
      : stableLayout.lanes[0] && firstStep
        ? { laneId: stableLayout.lanes[0].id, stepId: firstStep }
        : null;
  const selectedCardId = ui.selection?.kind === 'card' ? ui.selection.cardId : null;
  const selectedCard = selectedCardId ? doc.cards.find((c) => c.id === selectedCardId) : undefined;

  // ---- actions (stable: they read the store at call time) ----
  const actions: HeaderActions = useMemo(() => {
    const notifyDeleted = (what: string) => {
      store.notify(`${what} deleted.`, true);
      focusLater('[data-testid="map-grid"] [data-cell][tabindex="0"]'); // the header that had focus is gone
    };
    const stageIndex = (id: string) => store.doc.stages.findIndex((s) => s.id === id);
    return {
      readOnly,
      renaming,
      setRenaming,
      onOpenStep,
      renameStage: (stageId, name) => store.dispatch(cmd.renameStage, { stageId, name }),
      setStageGoal: (stageId, goal) => store.dispatch(cmd.setStageGoal, { stageId, goal }),
      moveStageBy: (stageId, d) =>
        store.dispatch(cmd.moveStage, { stageId, toIndex: stageIndex(stageId) + d }),
      addStep: (stageId, index) => {
        const id = store.newId();
        if (
          store.dispatch(cmd.addStep, {
            id,
            stageId,
            name: 'New step',
            ...(index === undefined ? {} : { index }),
          })
        )
          setRenaming(id);
      },
      hideStage: (stageId) => {
        store.dispatch(cmd.hideStage, { stageId, hidden: true });
        store.notify('Stage hidden. Show it again from “Hidden” in the toolbar.', true);
      },
      deleteStage: (stageId) => store.dispatch(cmd.deleteStage, { stageId }) && notifyDeleted('Stage'),
      renameStep: (stepId, name) => store.dispatch(cmd.renameStep, { stepId, name }),
      moveStepBy: (stepId, d) => {
        const stages = store.doc.stages;
        const si = stages.findIndex((s) => s.steps.some((t) => t.id === stepId));
        const ti = stages[si]!.steps.findIndex((t) => t.id === stepId);
        const stage = stages[si]!;
        if (ti + d >= 0 && ti + d < stage.steps.length)
          store.dispatch(cmd.moveStep, { stepId, toStageId: stage.id, toIndex: ti + d });
        else if (d < 0 && si > 0)
          store.dispatch(cmd.moveStep, {
            stepId,
            toStageId: stages[si - 1]!.id,
            toIndex: stages[si - 1]!.steps.length,
          });
        else if (d > 0 && si < stages.length - 1)
          store.dispatch(cmd.moveStep, { stepId, toStageId: stages[si + 1]!.id, toIndex: 0 });
      },
      toggleOptional: (stepId) => {
        const step = orderedSteps(store.doc).find((s) => s.id === stepId);
        store.dispatch(cmd.setStepOptional, { stepId, optional: !step?.optional });
      },
      openActivities: setPicking,
      hasData,
      hideStep: (stepId) => {
        store.dispatch(cmd.hideStep, { stepId, hidden: true });
        store.notify('Step hidden. Show it again from “Hidden” in the toolbar.', true);
      },
      deleteStep: (stepId) => store.dispatch(cmd.deleteStep, { stepId }) && notifyDeleted('Step'),
      renameLane: (laneId, name) => store.dispatch(cmd.renameLane, { laneId, name }),
      moveLaneBy: (laneId, d) =>
        store.dispatch(cmd.moveLane, {
          laneId,
          toIndex: store.doc.lanes.findIndex((l) => l.id === laneId) + d,
        }),
      hideLane: (laneId) => {
        store.dispatch(cmd.hideLane, { laneId, hidden: true });
        store.notify('Lane hidden. Show it again from “Hidden” in the toolbar.', true);
      },
      deleteLane: (laneId) => store.dispatch(cmd.deleteLane, { laneId }) && notifyDeleted('Lane'),
      dropOnStage: (e, stageId) => {
        const id = e.dataTransfer.getData('application/x-pathlight-stage');
        if (!id || id === stageId) return;
        e.preventDefault();
        store.dispatch(cmd.moveStage, { stageId: id, toIndex: stageIndex(stageId) });
      },
      dropOnStep: (e, stageId, stepId) => {
        const id = e.dataTransfer.getData('application/x-pathlight-step');
        if (!id || id === stepId) return;
        e.preventDefault();
        const target = store.doc.stages[stageIndex(stageId)]!;
        // Within a stage the dragged step takes the target's place (after it when moving right).
        const index = stepId ? target.steps.findIndex((t) => t.id === stepId) : 0;
        store.dispatch(cmd.moveStep, { stepId: id, toStageId: stageId, toIndex: index });
      },
      dropOnLane: (e, laneId) => {
        const id = e.dataTransfer.getData('application/x-pathlight-lane');
        if (!id || id === laneId) return;
        e.preventDefault();
        store.dispatch(cmd.moveLane, {
          laneId: id,
          toIndex: store.doc.lanes.findIndex((l) => l.id === laneId),
        });
      },
    };
  }, [store, readOnly, renaming, onOpenStep, hasData]);

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

  // ---- keyboard: roving focus over cells, Enter into cards, Alt+Arrow moves a card ----
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const grid = e.currentTarget;
    const cardEl = target.closest<HTMLElement>('[data-card-id]');
    const cellEl = target.closest<HTMLElement>('[data-cell]');
    if (!cellEl) {
      onHeaderKey(e, grid);
      return;
    }
    const [laneId, stepId] = cellEl.dataset.cell!.split('|') as [string, string];
    const lanes = stableLayout.lanes;
    const steps = stableLayout.columns.flatMap((c) => (c.step ? [c.step.id] : []));
    const li = lanes.findIndex((l) => l.id === laneId);
    const si = steps.indexOf(stepId);
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const d = delta[e.key];
    const neighbour = d ? { lane: lanes[li + d[0]], step: steps[si + d[1]] } : null;
    // Off the top or left edge of the cells: into the step or lane headers.
    if (target === cellEl && !e.altKey && e.key === 'ArrowUp' && li === 0) {
      e.preventDefault();
      grid.querySelector<HTMLElement>(`[data-nav="step|${stepId}"]`)?.focus();
      return;
    }
    if (target === cellEl && !e.altKey && e.key === 'ArrowLeft' && si === 0) {
      e.preventDefault();
      grid.querySelector<HTMLElement>(`[data-nav="lane|${laneId}"]`)?.focus();
      return;
    }

    if (cardEl && target === cardEl) {
      const cardId = cardEl.dataset.cardId!;
      if (e.altKey && d) {
        e.preventDefault();
        if (readOnly || !neighbour?.lane || !neighbour.step) return;
        store.dispatch(cmd.moveCard, { cardId, laneId: neighbour.lane.id, stepId: neighbour.step });
        store.focusCell({ laneId: neighbour.lane.id, stepId: neighbour.step });
        focusLater(`[data-card-id="${cardId}"]`);
        return;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        store.select({ kind: 'card', cardId });
        focusLater('[data-panel-focus]');
        return;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && !readOnly) {
        e.preventDefault();
        store.dispatch(cmd.deleteCard, { cardId });
        store.notify('Card deleted.', true);
        cellEl.focus();
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        cellEl.focus();
        return;
      }
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault();
        const list = [...cellEl.querySelectorAll<HTMLElement>('[data-card-id]')];
        const at = list.indexOf(cardEl) + (e.key === 'ArrowUp' ? -1 : 1);
        if (at < 0) cellEl.focus();
        else list[at]?.focus();
        return;
      }
      return;
    }
    if (target !== cellEl) return;
    // The selected card of this cell answers Alt+Arrow and Delete even while the cell has focus.
    const selected =
      selectedCard && selectedCard.laneId === laneId && selectedCard.stepId === stepId ? selectedCard : null;
    if (selected && !readOnly && ((e.altKey && d) || e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      if (e.key === 'Delete' || e.key === 'Backspace') {
        store.dispatch(cmd.deleteCard, { cardId: selected.id });
        store.notify('Card deleted.', true);
      } else if (neighbour?.lane && neighbour.step) {
        store.dispatch(cmd.moveCard, {
          cardId: selected.id,
          laneId: neighbour.lane.id,
          stepId: neighbour.step,
        });
        store.focusCell({ laneId: neighbour.lane.id, stepId: neighbour.step });
        focusLater(`[data-cell="${neighbour.lane.id}|${neighbour.step}"]`);
      }
      return;
    }
    if (neighbour) {
      e.preventDefault();
      if (!neighbour.lane || !neighbour.step) return;
      const next = { laneId: neighbour.lane.id, stepId: neighbour.step };
      store.focusCell(next);
      grid.querySelector<HTMLElement>(`[data-cell="${next.laneId}|${next.stepId}"]`)?.focus();
      return;
    }
    const lane = lanes[li];
    if (lane?.kind === 'emotions') {
      if (readOnly || !activePersonaId) return;
      const point = doc.emotions.find((x) => x.personaId === activePersonaId && x.stepId === stepId);
      if (e.key === '+' || e.key === '=' || e.key === '-') {
        e.preventDefault();
        const base = point?.score ?? 0;
        const score = point ? Math.max(-2, Math.min(2, base + (e.key === '-' ? -1 : 1))) : 0;
        store.dispatch(
          cmd.setEmotion,
          { personaId: activePersonaId, stepId, score },
          { coalesceKey: `emotion:${activePersonaId}:${stepId}` },
        );
      } else if (e.key === 'Enter') {
        e.preventDefault();
        grid
          .querySelector<HTMLElement>(
            `[data-testid="emotion-point"][data-persona="${activePersonaId}"][data-step="${stepId}"]`,
          )
          ?.focus();
      }
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = cellEl.querySelector<HTMLElement>('[data-card-id]');
      if (first) first.focus();
      else if (!readOnly) setAdding(cellEl.dataset.cell!);
    } else if ((e.key === 'n' || e.key === 'N') && !readOnly && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      setAdding(cellEl.dataset.cell!);
    }
  };

  // Headers: arrows move between them and back into the cells; Enter opens the header's menu.
  const onHeaderKey = (e: React.KeyboardEvent<HTMLDivElement>, grid: HTMLElement) => {
    const navEl = (e.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!navEl || (e.target as HTMLElement).closest('[role="menu"], input, textarea')) return;
    const [kind, id] = navEl.dataset.nav!.split('|') as ['stage' | 'step' | 'lane', string];
    const steps = stableLayout.columns.flatMap((c) => (c.step ? [c.step] : []));
    const lanes = stableLayout.lanes;
    const go = (selector: string | null) => {
      e.preventDefault();
      if (selector) grid.querySelector<HTMLElement>(selector)?.focus();
    };
    const cell = (laneId: string | undefined, stepId: string | undefined) =>
      laneId && stepId ? `[data-cell="${laneId}|${stepId}"]` : null;
    if (e.key === 'Enter' || e.key === ' ') {
      if (readOnly) return;
      e.preventDefault();
      navEl.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.click();
      return;
    }
    if (kind === 'step') {
      const i = steps.findIndex((s) => s.id === id);
      const stageId = stableLayout.columns.find((c) => c.step?.id === id)?.stage.id;
      if (e.key === 'ArrowLeft') go(steps[i - 1] ? `[data-nav="step|${steps[i - 1]!.id}"]` : null);
      else if (e.key === 'ArrowRight') go(steps[i + 1] ? `[data-nav="step|${steps[i + 1]!.id}"]` : null);
      else if (e.key === 'ArrowUp') go(`[data-nav="stage|${stageId}"]`);
      else if (e.key === 'ArrowDown') go(cell(lanes[0]?.id, id));
    } else if (kind === 'stage') {
      const spans = stableLayout.stages;
      const i = spans.findIndex((s) => s.stage.id === id);
      const firstStep = (at: number) => stableLayout.columns[spans[at]?.start ?? -1]?.step?.id;
      if (e.key === 'ArrowLeft') go(spans[i - 1] ? `[data-nav="stage|${spans[i - 1]!.stage.id}"]` : null);
      else if (e.key === 'ArrowRight')
        go(spans[i + 1] ? `[data-nav="stage|${spans[i + 1]!.stage.id}"]` : null);
      else if (e.key === 'ArrowDown') go(firstStep(i) ? `[data-nav="step|${firstStep(i)}"]` : null);
    } else {
      const i = lanes.findIndex((l) => l.id === id);
      if (e.key === 'ArrowUp') go(lanes[i - 1] ? `[data-nav="lane|${lanes[i - 1]!.id}"]` : null);
      else if (e.key === 'ArrowDown') go(lanes[i + 1] ? `[data-nav="lane|${lanes[i + 1]!.id}"]` : null);
      else if (e.key === 'ArrowRight') go(cell(id, steps[0]?.id));
    }
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const cellEl = target.closest<HTMLElement>('[data-cell]');
    if (cellEl) {
      const [laneId, stepId] = cellEl.dataset.cell!.split('|') as [string, string];
      store.focusCell({ laneId, stepId });
    }
    const cardEl = target.closest<HTMLElement>('[data-card-id]');
    if (cardEl) {
      store.select({ kind: 'card', cardId: cardEl.dataset.cardId! });
      cardEl.focus();
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLDivElement>) => {
    const cellEl = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cellEl) return;
    const [laneId, stepId] = cellEl.dataset.cell!.split('|') as [string, string];
    store.focusCell({ laneId, stepId });
  };

  const cols = stableLayout.columns;
  const lastCol = cols.length + 2;
  const emotionH = EMOTION_HEIGHT[compact];
  const focusedKey = focused ? cellKey(focused.laneId, focused.stepId) : null;

  return (
    <div className={`pl-zoom${ui.compact ? ' pl-compact' : ''}`} style={{ zoom: ui.zoom }}>
      <div
        ref={ref}
        role="grid"
        aria-label={`Journey map: ${doc.name}`}
        aria-readonly={readOnly || undefined}
        aria-rowcount={stableLayout.lanes.length + 2}
        aria-colcount={cols.length + 1}
        className={`pl-grid${ui.highlightAssumed ? ' pl-grid--assumed' : ''}`}
        data-testid="map-grid"
        style={{
          gridTemplateColumns: `${LANE_WIDTH}px repeat(${cols.length}, ${colW}px)${readOnly ? '' : ' 132px'}`,
        }}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
      >
        <div role="row" className="pl-row">
          <div
            role="columnheader"
            className="pl-corner pl-corner--stage"
            style={{ gridRow: 1, gridColumn: 1 }}
          >
            Stages
          </div>
          {stableLayout.stages.map(({ stage, start, span }) => (
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
                  data={stepViews.get(c.step.id)}
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
        {stableLayout.lanes.map((lane, li) => {
          const row = li + 3;
          const line = stableLayout.lineAbove.get(lane.id);
          return (
            <div
              key={lane.id}
              role="row"
              className={`pl-row${line ? ` pl-row--line-${line}` : ''}`}
              data-testid={`lane-${lane.id}`}
            >
              <div
                role="rowheader"
                className={`pl-lanecell${line ? ` pl-line--${line}` : ''}`}
                style={{ gridRow: row, gridColumn: 1 }}
                data-nav={`lane|${lane.id}`}
                tabIndex={-1}
              >
                <LaneHeader lane={lane} a={actions} line={line}>
                  {lane.kind === 'emotions' && (
                    <EmotionLegend
                      personas={shownPersonas}
                      activePersonaId={activePersonaId}
                      canPick={!readOnly && !ui.personaFilter && curvePersonas.length > 1}
                      onPick={(id) => store.setEmotionPersona(id)}
                    />
                  )}
                </LaneHeader>
              </div>
              {lane.kind === 'emotions' ? (
                <EmotionRow
                  lane={lane}
                  row={row}
                  columns={cols}
                  emotions={doc.emotions}
                  personas={shownPersonas}
                  activePersonaId={activePersonaId}
                  colWidth={colW}
                  height={emotionH}
                  focusedStepId={focused?.laneId === lane.id ? focused.stepId : null}
                  readOnly={readOnly}
                  onSet={(personaId, stepId, score, drag) =>
                    store.dispatch(
                      cmd.setEmotion,
                      { personaId, stepId, score },
                      drag ? { coalesceKey: `emotion:${personaId}:${stepId}` } : {},
                    )
                  }
                  onClear={(personaId, stepId) => store.dispatch(cmd.clearEmotion, { personaId, stepId })}
                />
              ) : (
                cols.map((c, ci) =>
                  c.step ? (
                    <Cell
                      key={c.key}
                      lane={lane}
                      stepId={c.step.id}
                      row={row}
                      col={ci + 2}
                      cards={cells.get(cellKey(lane.id, c.step.id)) ?? NO_CARDS}
                      focused={focusedKey === cellKey(lane.id, c.step.id)}
                      targeted={targeted?.cells.has(cellKey(lane.id, c.step.id)) ?? false}
                      selectedCardId={
                        selectedCard?.laneId === lane.id && selectedCard.stepId === c.step.id
                          ? selectedCard.id
                          : null
                      }
                      hover={ui.hoverCardIds}
                      adding={adding === cellKey(lane.id, c.step.id)}
                      setAdding={setAdding}
                      view={view}
                      extra={
                        lane.kind === 'data'
                          ? dataExtras.get(c.step.id)
                          : lane.kind === 'opportunities'
                            ? opportunityExtras.get(c.step.id)
                            : undefined
                      }
                    />
                  ) : (
                    <div
                      key={c.key}
                      role="gridcell"
                      className="pl-cell pl-cell--void"
                      style={{ gridRow: row, gridColumn: ci + 2 }}
                    />
                  ),
                )
              )}
            </div>
          );
        })}
        {!readOnly && (
          <div role="row" className="pl-row" data-export-hide>
            <div className="pl-addlane" style={{ gridRow: stableLayout.lanes.length + 3, gridColumn: 1 }}>
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

/** The picker for one step, saving through the undoable `setStepActivities` command. */
function StepPicker({
  stepId,
  evidence,
  onClose,
}: {
  stepId: string;
  evidence: MapEvidence | undefined;
  onClose: () => void;
}) {
  const { store } = useEditor();
  const stages = useEditorState((s) => s.doc.stages);
  const steps = orderedSteps({ stages });
  const step = steps.find((s) => s.id === stepId);
  const usedBy = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of orderedSteps({ stages }))
      if (s.id !== stepId) for (const a of s.activities) m.set(a, s.name);
    return m;
  }, [stages, stepId]);
  if (!step) return null;
  // A portal: the map's CSS zoom must not scale the dialog.
  return createPortal(
    <ActivityPicker
      step={step}
      activities={evidence?.hasData ? (evidence.activities ?? []) : null}
      usedBy={usedBy}
      onClose={onClose}
      onSave={(activities) => {
        store.dispatch(cmd.setStepActivities, { stepId, activities });
        onClose();
      }}
    />,
    document.body,
  );
}

function EmotionLegend({
  personas,
  activePersonaId,
  canPick,
  onPick,
}: {
  personas: readonly {
    id: string;
    name: string;
    color: string;
    marker: 'circle' | 'square' | 'diamond' | 'triangle';
  }[];
  activePersonaId: string | null;
  canPick: boolean;
  onPick: (id: string) => void;
}) {
  if (personas.length === 0)
    return (
      <span className="pl-lane__hint">
        No personas on this map yet: add them under Details to draw their curves.
      </span>
    );
  return (
    <ul className="pl-legend" aria-label="Emotion curve legend">
      {personas.map((p) => (
        <li key={p.id}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <MarkerShape marker={p.marker} x={7} y={7} r={4.5} color={p.color} />
          </svg>
          {canPick ? (
            <button
              type="button"
              className={`pl-legend__pick${p.id === activePersonaId ? ' pl-legend__pick--active' : ''}`}
              aria-pressed={p.id === activePersonaId}
              data-export-hide-style
              onClick={() => onPick(p.id)}
              title="Click the lane to draw this persona's curve"
            >
              {p.name}
            </button>
          ) : (
            <span>{p.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Focus an element once React has committed (after a command re-renders the grid). */
function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** The evidence key (also drawn on the PDF poster). */
export function EvidenceKey() {
  return (
    <span className="pl-evkey">
      <strong>Evidence:</strong>
      {(['observed', 'reported', 'assumed'] as const).map((c) => (
        <span key={c} className={`pl-chip pl-evidence pl-evidence--${c}`}>
          <ConfidenceGlyph confidence={c} />
          {CONFIDENCE_LABELS[c]}
        </span>
      ))}
    </span>
  );
}
