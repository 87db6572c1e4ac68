import { orderedSteps } from '@pathlight/core';
import { useMemo } from 'react';
import * as cmd from '../store/commands/index';
import type { EditorStore } from '../store/editor-store';
import { DRAG_TYPE, laneDrop, laneMoveBy, stageDrop, stageMoveBy, stepDrop, stepMoveBy } from './drag';
import { focusLater } from './focus';
import type { HeaderActions } from './headers';

export interface HeaderActionsInput {
  store: EditorStore;
  readOnly: boolean;
  renaming: string | null;
  setRenaming: (id: string | null) => void;
  onOpenStep: ((stepId: string) => void) | undefined;
  hasData: boolean;
  /** Opens the "Evidence from data" picker for a step. */
  openActivities: (stepId: string) => void;
}

/**
 * What the stage, step and lane headers do: their menus and drops, as store commands. One object,
 * stable while its inputs are (the functions read the store when called), so memoised headers
 * re-render only when their own stage, step or lane changes.
 */
export function useHeaderActions(input: HeaderActionsInput): HeaderActions {
  const { store, readOnly, renaming, setRenaming, onOpenStep, hasData, openActivities } = input;
  return useMemo(() => {
    const notifyDeleted = (what: string) => {
      store.notify(`${what} deleted.`, true);
      focusLater('[data-testid="map-grid"] [data-cell][tabindex="0"]'); // the header that had focus is gone
    };
    const hidden = (what: string) =>
      store.notify(`${what} hidden. Show it again from “Hidden” in the toolbar.`, true);
    return {
      readOnly,
      renaming,
      setRenaming,
      onOpenStep,
      renameStage: (stageId, name) => store.dispatch(cmd.renameStage, { stageId, name }),
      setStageGoal: (stageId, goal) => store.dispatch(cmd.setStageGoal, { stageId, goal }),
      moveStageBy: (stageId, d) => store.dispatch(cmd.moveStage, stageMoveBy(store.doc.stages, stageId, d)),
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
        hidden('Stage');
      },
      deleteStage: (stageId) => store.dispatch(cmd.deleteStage, { stageId }) && notifyDeleted('Stage'),
      renameStep: (stepId, name) => store.dispatch(cmd.renameStep, { stepId, name }),
      moveStepBy: (stepId, d) => {
        const move = stepMoveBy(store.doc.stages, stepId, d);
        if (move) store.dispatch(cmd.moveStep, move);
      },
      toggleOptional: (stepId) => {
        const step = orderedSteps(store.doc).find((s) => s.id === stepId);
        store.dispatch(cmd.setStepOptional, { stepId, optional: !step?.optional });
      },
      openActivities,
      hasData,
      hideStep: (stepId) => {
        store.dispatch(cmd.hideStep, { stepId, hidden: true });
        hidden('Step');
      },
      deleteStep: (stepId) => store.dispatch(cmd.deleteStep, { stepId }) && notifyDeleted('Step'),
      renameLane: (laneId, name) => store.dispatch(cmd.renameLane, { laneId, name }),
      moveLaneBy: (laneId, d) => store.dispatch(cmd.moveLane, laneMoveBy(store.doc.lanes, laneId, d)),
      hideLane: (laneId) => {
        store.dispatch(cmd.hideLane, { laneId, hidden: true });
        hidden('Lane');
      },
      deleteLane: (laneId) => store.dispatch(cmd.deleteLane, { laneId }) && notifyDeleted('Lane'),
      dropOnStage: (e, stageId) => {
        const move = stageDrop(store.doc.stages, e.dataTransfer.getData(DRAG_TYPE.stage), stageId);
        if (!move) return;
        e.preventDefault();
        store.dispatch(cmd.moveStage, move);
      },
      dropOnStep: (e, stageId, stepId) => {
        const move = stepDrop(store.doc.stages, e.dataTransfer.getData(DRAG_TYPE.step), stageId, stepId);
        if (!move) return;
        e.preventDefault();
        store.dispatch(cmd.moveStep, move);
      },
      dropOnLane: (e, laneId) => {
        const move = laneDrop(store.doc.lanes, e.dataTransfer.getData(DRAG_TYPE.lane), laneId);
        if (!move) return;
        e.preventDefault();
        store.dispatch(cmd.moveLane, move);
      },
    };
  }, [store, readOnly, renaming, setRenaming, onOpenStep, hasData, openActivities]);
}
