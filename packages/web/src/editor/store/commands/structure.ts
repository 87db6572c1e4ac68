import type { JourneyContent, Lane, LaneKind, Stage, Step } from '@pathlight/core';
import { CommandError, cleanName, insertAt, moveItem } from './command-error';
import { pruneReferences } from './prune';

function stageIndex(command: string, doc: JourneyContent, stageId: string): number {
  const i = doc.stages.findIndex((s) => s.id === stageId);
  if (i < 0) throw new CommandError(command, `no stage "${stageId}"`);
  return i;
}

function findStep(command: string, doc: JourneyContent, stepId: string): { stage: number; step: number } {
  for (let s = 0; s < doc.stages.length; s++) {
    const t = doc.stages[s]!.steps.findIndex((x) => x.id === stepId);
    if (t >= 0) return { stage: s, step: t };
  }
  throw new CommandError(command, `no step "${stepId}"`);
}

function laneIndex(command: string, doc: JourneyContent, laneId: string): number {
  const i = doc.lanes.findIndex((l) => l.id === laneId);
  if (i < 0) throw new CommandError(command, `no lane "${laneId}"`);
  return i;
}

function assertNewId(command: string, doc: JourneyContent, id: string): void {
  const taken =
    doc.stages.some((s) => s.id === id || s.steps.some((t) => t.id === id)) ||
    doc.lanes.some((l) => l.id === id) ||
    doc.cards.some((c) => c.id === id);
  if (taken) throw new CommandError(command, `id "${id}" is already used`);
}

function replaceStage(doc: JourneyContent, index: number, stage: Stage): JourneyContent {
  const stages = doc.stages.slice();
  stages[index] = stage;
  return { ...doc, stages };
}

function updateStep(
  command: string,
  doc: JourneyContent,
  stepId: string,
  change: (step: Step) => Step,
): JourneyContent {
  const at = findStep(command, doc, stepId);
  const stage = doc.stages[at.stage]!;
  const steps = stage.steps.slice();
  steps[at.step] = change(steps[at.step]!);
  return replaceStage(doc, at.stage, { ...stage, steps });
}

function updateLane(command: string, doc: JourneyContent, laneId: string, change: (l: Lane) => Lane) {
  const i = laneIndex(command, doc, laneId);
  const lanes = doc.lanes.slice();
  lanes[i] = change(lanes[i]!);
  return { ...doc, lanes };
}

// ---- stages ----

/** Adds a stage (optionally with a first step) at an index, default the end. */
export function addStage(
  doc: JourneyContent,
  a: { id: string; name: string; goal?: string; index?: number; firstStep?: { id: string; name: string } },
): JourneyContent {
  assertNewId('addStage', doc, a.id);
  const steps: Step[] = [];
  if (a.firstStep) {
    assertNewId('addStage', doc, a.firstStep.id);
    steps.push(newStep(a.firstStep.id, cleanName('addStage', 'step name', a.firstStep.name)));
  }
  const stage: Stage = {
    id: a.id,
    name: cleanName('addStage', 'name', a.name),
    goal: (a.goal ?? '').trim(),
    hidden: false,
    steps,
  };
  return { ...doc, stages: insertAt(doc.stages, stage, a.index) };
}

/** Renames a stage. */
export function renameStage(doc: JourneyContent, a: { stageId: string; name: string }): JourneyContent {
  const i = stageIndex('renameStage', doc, a.stageId);
  return replaceStage(doc, i, { ...doc.stages[i]!, name: cleanName('renameStage', 'name', a.name) });
}

/** Sets what the patient is trying to achieve in a stage. */
export function setStageGoal(doc: JourneyContent, a: { stageId: string; goal: string }): JourneyContent {
  const i = stageIndex('setStageGoal', doc, a.stageId);
  const goal = a.goal.trim();
  if (goal.length > 500) throw new CommandError('setStageGoal', 'goal is longer than 500 characters');
  return replaceStage(doc, i, { ...doc.stages[i]!, goal });
}

/** Moves a stage to a new position among the stages. */
export function moveStage(doc: JourneyContent, a: { stageId: string; toIndex: number }): JourneyContent {
  const i = stageIndex('moveStage', doc, a.stageId);
  if (i === a.toIndex) return doc;
  return { ...doc, stages: moveItem(doc.stages, i, a.toIndex) };
}

/** Hides or shows a stage on the map (its data stays). */
export function hideStage(doc: JourneyContent, a: { stageId: string; hidden: boolean }): JourneyContent {
  const i = stageIndex('hideStage', doc, a.stageId);
  return replaceStage(doc, i, { ...doc.stages[i]!, hidden: a.hidden });
}

/** Deletes a stage with its steps, and everything in or pointing at those steps. */
export function deleteStage(doc: JourneyContent, a: { stageId: string }): JourneyContent {
  const i = stageIndex('deleteStage', doc, a.stageId);
  const stage = doc.stages[i]!;
  const stepIds = new Set(stage.steps.map((s) => s.id));
  const stepActivities = new Map(stage.steps.map((s) => [s.id, s.activities]));
  const stages = doc.stages.filter((_, j) => j !== i);
  return pruneReferences({ ...doc, stages }, { stepIds, stepActivities });
}

// ---- steps ----

function newStep(id: string, name: string): Step {
  return { id, name, description: '', optional: false, hidden: false, activities: [] };
}

/** Adds a step to a stage at an index, default the end. */
export function addStep(
  doc: JourneyContent,
  a: { id: string; stageId: string; name: string; index?: number },
): JourneyContent {
  assertNewId('addStep', doc, a.id);
  const i = stageIndex('addStep', doc, a.stageId);
  const stage = doc.stages[i]!;
  const step = newStep(a.id, cleanName('addStep', 'name', a.name));
  return replaceStage(doc, i, { ...stage, steps: insertAt(stage.steps, step, a.index) });
}

/** Renames a step. */
export function renameStep(doc: JourneyContent, a: { stepId: string; name: string }): JourneyContent {
  const name = cleanName('renameStep', 'name', a.name);
  return updateStep('renameStep', doc, a.stepId, (s) => ({ ...s, name }));
}

/** Sets a step's description. */
export function setStepDescription(
  doc: JourneyContent,
  a: { stepId: string; description: string },
): JourneyContent {
  const description = a.description.trim();
  if (description.length > 2000) throw new CommandError('setStepDescription', 'description is too long');
  return updateStep('setStepDescription', doc, a.stepId, (s) => ({ ...s, description }));
}

/** Moves a step within its stage or into another stage, at an index there. */
export function moveStep(
  doc: JourneyContent,
  a: { stepId: string; toStageId: string; toIndex: number },
): JourneyContent {
  const from = findStep('moveStep', doc, a.stepId);
  const to = stageIndex('moveStep', doc, a.toStageId);
  if (from.stage === to) {
    if (from.step === a.toIndex) return doc;
    const stage = doc.stages[to]!;
    return replaceStage(doc, to, { ...stage, steps: moveItem(stage.steps, from.step, a.toIndex) });
  }
  const source = doc.stages[from.stage]!;
  const step = source.steps[from.step]!;
  const stages = doc.stages.slice();
  stages[from.stage] = { ...source, steps: source.steps.filter((_, j) => j !== from.step) };
  const target = doc.stages[to]!;
  stages[to] = { ...target, steps: insertAt(target.steps, step, a.toIndex) };
  return { ...doc, stages };
}

/** Marks a step as optional (not every patient goes through it). */
export function setStepOptional(
  doc: JourneyContent,
  a: { stepId: string; optional: boolean },
): JourneyContent {
  return updateStep('setStepOptional', doc, a.stepId, (s) => ({ ...s, optional: a.optional }));
}

/** Hides or shows a step column. */
export function hideStep(doc: JourneyContent, a: { stepId: string; hidden: boolean }): JourneyContent {
  return updateStep('hideStep', doc, a.stepId, (s) => ({ ...s, hidden: a.hidden }));
}

/** Deletes a step, its cards and emotion points, and every reference to them. */
export function deleteStep(doc: JourneyContent, a: { stepId: string }): JourneyContent {
  const at = findStep('deleteStep', doc, a.stepId);
  const stage = doc.stages[at.stage]!;
  const step = stage.steps[at.step]!;
  const next = replaceStage(doc, at.stage, { ...stage, steps: stage.steps.filter((_, j) => j !== at.step) });
  return pruneReferences(next, {
    stepIds: new Set([step.id]),
    stepActivities: new Map([[step.id, step.activities]]),
  });
}

/** Sets the event-log activities that show a patient reached this step. */
export function setStepActivities(
  doc: JourneyContent,
  a: { stepId: string; activities: string[] },
): JourneyContent {
  const activities = [...new Set(a.activities.map((x) => x.trim()).filter((x) => x !== ''))];
  if (activities.length > 50) throw new CommandError('setStepActivities', 'at most 50 activities per step');
  if (activities.some((x) => x.length > 200))
    throw new CommandError('setStepActivities', 'an activity name is longer than 200 characters');
  return updateStep('setStepActivities', doc, a.stepId, (s) => ({ ...s, activities }));
}

// ---- lanes ----

/** Adds a lane (row) of a kind at an index, default the end. */
export function addLane(
  doc: JourneyContent,
  a: { id: string; kind: LaneKind; name: string; index?: number },
): JourneyContent {
  assertNewId('addLane', doc, a.id);
  if (doc.lanes.length >= 40) throw new CommandError('addLane', 'a map holds at most 40 lanes');
  const lane: Lane = { id: a.id, kind: a.kind, name: cleanName('addLane', 'name', a.name), hidden: false };
  return { ...doc, lanes: insertAt(doc.lanes, lane, a.index) };
}

/** Renames a lane. */
export function renameLane(doc: JourneyContent, a: { laneId: string; name: string }): JourneyContent {
  const name = cleanName('renameLane', 'name', a.name);
  return updateLane('renameLane', doc, a.laneId, (l) => ({ ...l, name }));
}

/** Moves a lane to a new row position. */
export function moveLane(doc: JourneyContent, a: { laneId: string; toIndex: number }): JourneyContent {
  const i = laneIndex('moveLane', doc, a.laneId);
  if (i === a.toIndex) return doc;
  return { ...doc, lanes: moveItem(doc.lanes, i, a.toIndex) };
}

/** Hides or shows a lane. */
export function hideLane(doc: JourneyContent, a: { laneId: string; hidden: boolean }): JourneyContent {
  return updateLane('hideLane', doc, a.laneId, (l) => ({ ...l, hidden: a.hidden }));
}

/** Deletes a lane and its cards (and every link to those cards). */
export function deleteLane(doc: JourneyContent, a: { laneId: string }): JourneyContent {
  laneIndex('deleteLane', doc, a.laneId);
  const cardIds = new Set(doc.cards.filter((c) => c.laneId === a.laneId).map((c) => c.id));
  const lanes = doc.lanes.filter((l) => l.id !== a.laneId);
  return pruneReferences({ ...doc, lanes }, { cardIds });
}
