import type { JourneyContent } from '@pathlight/core';

/**
 * Where things go when moved on the map, by pointer (drag and drop) or keyboard (Alt+arrows,
 * header menus): plain functions from the document's order to a command's arguments, so each
 * rule is tested without a DOM. The React handlers only read the event and dispatch.
 */

/** Drag-and-drop data types, one per kind of thing dragged. */
export const DRAG_TYPE = {
  card: 'application/x-pathlight-card',
  stage: 'application/x-pathlight-stage',
  step: 'application/x-pathlight-step',
  lane: 'application/x-pathlight-lane',
} as const;

type Stages = JourneyContent['stages'];
type Lanes = JourneyContent['lanes'];

export interface StepMove {
  stepId: string;
  toStageId: string;
  toIndex: number;
}

/** The slot a pointer at `y` points to: before the first card whose middle is below it, else the end. */
export function slotAt(cardMiddles: readonly number[], y: number): number {
  const i = cardMiddles.findIndex((middle) => y < middle);
  return i < 0 ? cardMiddles.length : i;
}

/**
 * The index among all of a cell's cards for a card dropped at `slot` among the visible ones
 * (a persona filter may hide some): before the visible card now at that slot, else last.
 */
export function cardDropIndex(
  visibleIds: readonly string[],
  allIds: readonly string[],
  draggedId: string,
  slot: number,
): number {
  let at = slot;
  const current = visibleIds.indexOf(draggedId);
  if (current >= 0 && current < at) at -= 1; // the card leaves its own slot first
  const anchor = visibleIds.filter((id) => id !== draggedId)[at];
  const all = allIds.filter((id) => id !== draggedId);
  return anchor ? all.indexOf(anchor) : all.length;
}

/** A stage dropped on another stage takes its place. */
export function stageDrop(
  stages: Stages,
  draggedId: string,
  targetId: string,
): { stageId: string; toIndex: number } | null {
  if (!draggedId || draggedId === targetId) return null;
  return { stageId: draggedId, toIndex: stages.findIndex((s) => s.id === targetId) };
}

/**
 * A step dropped on a step header takes that step's place in its stage (after it when moving
 * right within the stage); dropped on a stage with no visible steps (`targetStepId` null) it goes first.
 */
export function stepDrop(
  stages: Stages,
  draggedId: string,
  stageId: string,
  targetStepId: string | null,
): StepMove | null {
  if (!draggedId || draggedId === targetStepId) return null;
  const target = stages.find((s) => s.id === stageId);
  if (!target) return null;
  const toIndex = targetStepId ? target.steps.findIndex((t) => t.id === targetStepId) : 0;
  return { stepId: draggedId, toStageId: stageId, toIndex };
}

/** A lane dropped on another lane takes its place. */
export function laneDrop(
  lanes: Lanes,
  draggedId: string,
  targetId: string,
): { laneId: string; toIndex: number } | null {
  if (!draggedId || draggedId === targetId) return null;
  return { laneId: draggedId, toIndex: lanes.findIndex((l) => l.id === targetId) };
}

/** "Move step left/right": within its stage, or to the end / start of the neighbouring stage. */
export function stepMoveBy(stages: Stages, stepId: string, delta: number): StepMove | null {
  const si = stages.findIndex((s) => s.steps.some((t) => t.id === stepId));
  const stage = stages[si];
  if (!stage) return null;
  const ti = stage.steps.findIndex((t) => t.id === stepId);
  if (ti + delta >= 0 && ti + delta < stage.steps.length)
    return { stepId, toStageId: stage.id, toIndex: ti + delta };
  const before = stages[si - 1];
  if (delta < 0 && before) return { stepId, toStageId: before.id, toIndex: before.steps.length };
  const after = stages[si + 1];
  if (delta > 0 && after) return { stepId, toStageId: after.id, toIndex: 0 };
  return null;
}

/** "Move stage left/right" (the command clamps at the ends). */
export function stageMoveBy(stages: Stages, stageId: string, delta: number) {
  return { stageId, toIndex: stages.findIndex((s) => s.id === stageId) + delta };
}

/** "Move lane up/down" (the command clamps at the ends). */
export function laneMoveBy(lanes: Lanes, laneId: string, delta: number) {
  return { laneId, toIndex: lanes.findIndex((l) => l.id === laneId) + delta };
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

/** Where an arrow key leads from a cell: the next cell, `'edge'` off the map, null for other keys. */
export function arrowTarget(
  laneIds: readonly string[],
  stepIds: readonly string[],
  from: { laneId: string; stepId: string },
  key: string,
): { laneId: string; stepId: string } | 'edge' | null {
  const d = ARROWS[key];
  if (!d) return null;
  const laneId = laneIds[laneIds.indexOf(from.laneId) + d[0]];
  const stepId = stepIds[stepIds.indexOf(from.stepId) + d[1]];
  return laneId && stepId ? { laneId, stepId } : 'edge';
}
