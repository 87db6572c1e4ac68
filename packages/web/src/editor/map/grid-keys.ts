import type { Card, EmotionPoint } from '@pathlight/core';
import * as cmd from '../store/commands/index';
import type { EditorStore } from '../store/editor-store';
import { arrowTarget } from './drag';
import { focusLater } from './focus';
import type { MapLayout } from './layout';

export interface GridKeysInput {
  store: EditorStore;
  readOnly: boolean;
  layout: MapLayout;
  /** The selected card: Alt+arrows and Delete act on it while its cell has focus. */
  selectedCard: Card | undefined;
  emotions: readonly EmotionPoint[];
  activePersonaId: string | null;
  setAdding: (cellKey: string | null) => void;
}

const cellOf = (el: HTMLElement) => el.dataset.cell!.split('|') as [string, string];

/**
 * The grid's keyboard and pointer model (roving focus over cells): arrows move between cells and
 * into the headers, Enter goes into a cell's cards or opens a card, N adds a card, Alt+arrows
 * move a card, Delete deletes it, Escape goes back to the cell; +/− set an emotion score.
 */
export function gridHandlers(p: GridKeysInput) {
  const { store, readOnly, layout } = p;
  const laneIds = layout.lanes.map((l) => l.id);
  const stepIds = layout.columns.flatMap((c) => (c.step ? [c.step.id] : []));

  const moveCard = (cardId: string, to: { laneId: string; stepId: string }, focus: string) => {
    store.dispatch(cmd.moveCard, { cardId, laneId: to.laneId, stepId: to.stepId });
    store.focusCell(to);
    focusLater(focus);
  };
  const deleteCard = (cardId: string) => {
    store.dispatch(cmd.deleteCard, { cardId });
    store.notify('Card deleted.', true);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const grid = e.currentTarget;
    const cardEl = target.closest<HTMLElement>('[data-card-id]');
    const cellEl = target.closest<HTMLElement>('[data-cell]');
    if (!cellEl) {
      onHeaderKey(e, grid);
      return;
    }
    const [laneId, stepId] = cellOf(cellEl);
    const next = arrowTarget(laneIds, stepIds, { laneId, stepId }, e.key);
    // Off the top or left edge of the cells: into the step or lane headers.
    if (target === cellEl && !e.altKey && e.key === 'ArrowUp' && laneIds.indexOf(laneId) === 0) {
      e.preventDefault();
      grid.querySelector<HTMLElement>(`[data-nav="step|${stepId}"]`)?.focus();
      return;
    }
    if (target === cellEl && !e.altKey && e.key === 'ArrowLeft' && stepIds.indexOf(stepId) === 0) {
      e.preventDefault();
      grid.querySelector<HTMLElement>(`[data-nav="lane|${laneId}"]`)?.focus();
      return;
    }

    if (cardEl && target === cardEl) {
      const cardId = cardEl.dataset.cardId!;
      if (e.altKey && next) {
        e.preventDefault();
        if (readOnly || next === 'edge') return;
        moveCard(cardId, next, `[data-card-id="${cardId}"]`);
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
        deleteCard(cardId);
        cellEl.focus();
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        // First Escape closes the card's open panel (focus stays on the card), the next goes to the cell.
        const sel = store.getSnapshot().ui.selection;
        if (sel?.kind === 'card' && sel.cardId === cardId) store.select(null);
        else cellEl.focus();
        return;
      }
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault();
        const list = [...cellEl.querySelectorAll<HTMLElement>('[data-card-id]')];
        const at = list.indexOf(cardEl) + (e.key === 'ArrowUp' ? -1 : 1);
        if (at < 0) cellEl.focus();
        else list[at]?.focus();
      }
      return;
    }
    if (target !== cellEl) return;
    // The selected card of this cell answers Alt+Arrow and Delete even while the cell has focus.
    const sel = p.selectedCard;
    const selected = sel && sel.laneId === laneId && sel.stepId === stepId ? sel : null;
    if (selected && !readOnly && ((e.altKey && next) || e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      if (e.key === 'Delete' || e.key === 'Backspace') deleteCard(selected.id);
      else if (next && next !== 'edge')
        moveCard(selected.id, next, `[data-cell="${next.laneId}|${next.stepId}"]`);
      return;
    }
    if (next) {
      e.preventDefault();
      if (next === 'edge') return;
      store.focusCell(next);
      grid.querySelector<HTMLElement>(`[data-cell="${next.laneId}|${next.stepId}"]`)?.focus();
      return;
    }
    if (layout.lanes[laneIds.indexOf(laneId)]?.kind === 'emotions') {
      onEmotionKey(e, grid, stepId);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = cellEl.querySelector<HTMLElement>('[data-card-id]');
      if (first) first.focus();
      else if (!readOnly) p.setAdding(cellEl.dataset.cell!);
    } else if ((e.key === 'n' || e.key === 'N') && !readOnly && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      p.setAdding(cellEl.dataset.cell!);
    }
  };

  // The emotions lane: +/− change the active persona's score, Enter goes to its point.
  const onEmotionKey = (e: React.KeyboardEvent<HTMLDivElement>, grid: HTMLElement, stepId: string) => {
    const personaId = p.activePersonaId;
    if (readOnly || !personaId) return;
    const point = p.emotions.find((x) => x.personaId === personaId && x.stepId === stepId);
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      const base = point?.score ?? 0;
      const score = point ? Math.max(-2, Math.min(2, base + (e.key === '-' ? -1 : 1))) : 0;
      store.dispatch(
        cmd.setEmotion,
        { personaId, stepId, score },
        { coalesceKey: `emotion:${personaId}:${stepId}` },
      );
    } else if (e.key === 'Enter') {
      e.preventDefault();
      grid
        .querySelector<HTMLElement>(
          `[data-testid="emotion-point"][data-persona="${personaId}"][data-step="${stepId}"]`,
        )
        ?.focus();
    }
  };

  // Headers: arrows move between them and back into the cells; Enter opens the header's menu.
  const onHeaderKey = (e: React.KeyboardEvent<HTMLDivElement>, grid: HTMLElement) => {
    const navEl = (e.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!navEl || (e.target as HTMLElement).closest('[role="menu"], input, textarea')) return;
    const [kind, id] = navEl.dataset.nav!.split('|') as ['stage' | 'step' | 'lane', string];
    const go = (selector: string | null) => {
      e.preventDefault();
      if (selector) grid.querySelector<HTMLElement>(selector)?.focus();
    };
    const nav = (k: string, to: string | undefined) => (to ? `[data-nav="${k}|${to}"]` : null);
    const cell = (lane: string | undefined, step: string | undefined) =>
      lane && step ? `[data-cell="${lane}|${step}"]` : null;
    if (e.key === 'Enter' || e.key === ' ') {
      if (readOnly) return;
      e.preventDefault();
      navEl.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.click();
      return;
    }
    if (kind === 'step') {
      const i = stepIds.indexOf(id);
      const stageId = layout.columns.find((c) => c.step?.id === id)?.stage.id;
      if (e.key === 'ArrowLeft') go(nav('step', stepIds[i - 1]));
      else if (e.key === 'ArrowRight') go(nav('step', stepIds[i + 1]));
      else if (e.key === 'ArrowUp') go(`[data-nav="stage|${stageId}"]`);
      else if (e.key === 'ArrowDown') go(cell(laneIds[0], id));
    } else if (kind === 'stage') {
      const spans = layout.stages;
      const i = spans.findIndex((s) => s.stage.id === id);
      const firstStep = layout.columns[spans[i]?.start ?? -1]?.step?.id;
      if (e.key === 'ArrowLeft') go(nav('stage', spans[i - 1]?.stage.id));
      else if (e.key === 'ArrowRight') go(nav('stage', spans[i + 1]?.stage.id));
      else if (e.key === 'ArrowDown') go(nav('step', firstStep));
    } else {
      const i = laneIds.indexOf(id);
      if (e.key === 'ArrowUp') go(nav('lane', laneIds[i - 1]));
      else if (e.key === 'ArrowDown') go(nav('lane', laneIds[i + 1]));
      else if (e.key === 'ArrowRight') go(cell(id, stepIds[0]));
    }
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const cellEl = target.closest<HTMLElement>('[data-cell]');
    if (cellEl) {
      const [laneId, stepId] = cellOf(cellEl);
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
    const [laneId, stepId] = cellOf(cellEl);
    store.focusCell({ laneId, stepId });
  };

  return { onKeyDown, onClick, onFocus };
}
