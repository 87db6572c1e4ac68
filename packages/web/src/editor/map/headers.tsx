// biome-ignore-all lint/a11y/noStaticElementInteractions: drag and drop is a pointer shortcut; every move is also in the header menus
import type { Lane, Stage, Step } from '@pathlight/core';
import { memo, useState } from 'react';
import { StepData, type StepDataView } from '../evidence/step-data';
import { DRAG_TYPE } from './drag';
import { InlineEdit, Menu, type MenuItem } from './menu';

export interface HeaderActions {
  readOnly: boolean;
  renaming: string | null;
  setRenaming: (id: string | null) => void;
  renameStage: (id: string, name: string) => void;
  setStageGoal: (id: string, goal: string) => void;
  moveStageBy: (id: string, delta: number) => void;
  addStep: (stageId: string, index?: number) => void;
  hideStage: (id: string) => void;
  deleteStage: (id: string) => void;
  renameStep: (id: string, name: string) => void;
  moveStepBy: (id: string, delta: number) => void;
  toggleOptional: (id: string) => void;
  /** Opens the "Evidence from data" picker for a step. */
  openActivities: (id: string) => void;
  /** The workspace has event data (a quiet "Map data" shows on unmapped steps for editors). */
  hasData: boolean;
  hideStep: (id: string) => void;
  deleteStep: (id: string) => void;
  renameLane: (id: string, name: string) => void;
  moveLaneBy: (id: string, delta: number) => void;
  hideLane: (id: string) => void;
  deleteLane: (id: string) => void;
  dropOnStage: (e: React.DragEvent, stageId: string) => void;
  dropOnStep: (e: React.DragEvent, stageId: string, stepId: string | null) => void;
  dropOnLane: (e: React.DragEvent, laneId: string) => void;
  onOpenStep?: ((stepId: string) => void) | undefined;
}

const allowDrop = (type: string) => (e: React.DragEvent) => {
  if (e.dataTransfer.types.includes(type)) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }
};

export const StageHeader = memo(function StageHeader({ stage, a }: { stage: Stage; a: HeaderActions }) {
  const [editingGoal, setEditingGoal] = useState(false);
  const renaming = a.renaming === stage.id;
  const items: MenuItem[] = [
    { label: 'Rename stage', onSelect: () => a.setRenaming(stage.id) },
    { label: 'Edit goal', onSelect: () => setEditingGoal(true) },
    { label: 'Add step', onSelect: () => a.addStep(stage.id) },
    { label: 'Move stage left', onSelect: () => a.moveStageBy(stage.id, -1) },
    { label: 'Move stage right', onSelect: () => a.moveStageBy(stage.id, 1) },
    { label: 'Hide stage', onSelect: () => a.hideStage(stage.id) },
    { label: 'Delete stage', onSelect: () => a.deleteStage(stage.id), danger: true },
  ];
  return (
    <div
      className="pl-stage"
      draggable={!a.readOnly && !renaming && !editingGoal}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE.stage, stage.id)}
      onDragOver={a.readOnly ? undefined : allowDrop(DRAG_TYPE.stage)}
      onDrop={a.readOnly ? undefined : (e) => a.dropOnStage(e, stage.id)}
    >
      <div className="pl-stage__title">
        <InlineEdit
          className="pl-stage__name"
          value={stage.name}
          label="Stage name"
          editing={renaming}
          onDone={(v) => {
            a.setRenaming(null);
            if (v !== null && v.trim() !== '' && v !== stage.name) a.renameStage(stage.id, v);
          }}
        />
        {!a.readOnly && (
          <Menu
            label={`Stage options: ${stage.name}`}
            items={items}
            testId={`stage-menu-${stage.id}`}
            inGrid
          />
        )}
      </div>
      {(stage.goal || editingGoal) && (
        <InlineEdit
          className="pl-stage__goal"
          value={stage.goal}
          label="Stage goal"
          editing={editingGoal}
          multiline
          onDone={(v) => {
            setEditingGoal(false);
            if (v !== null && v !== stage.goal) a.setStageGoal(stage.id, v);
          }}
        />
      )}
    </div>
  );
});

export const StepHeader = memo(function StepHeader({
  step,
  stageId,
  index,
  a,
  targeted,
  data,
}: {
  step: Step;
  stageId: string;
  index: number;
  a: HeaderActions;
  targeted: boolean;
  data?: StepDataView | undefined;
}) {
  const renaming = a.renaming === step.id;
  const items: MenuItem[] = [
    { label: 'Rename step', onSelect: () => a.setRenaming(step.id) },
    { label: 'Evidence from data…', onSelect: () => a.openActivities(step.id) },
    {
      label: step.optional ? 'Mark as required' : 'Mark as optional',
      onSelect: () => a.toggleOptional(step.id),
    },
    { label: 'Add step after', onSelect: () => a.addStep(stageId, index + 1) },
    { label: 'Move step left', onSelect: () => a.moveStepBy(step.id, -1) },
    { label: 'Move step right', onSelect: () => a.moveStepBy(step.id, 1) },
    { label: 'Hide step', onSelect: () => a.hideStep(step.id) },
    { label: 'Delete step', onSelect: () => a.deleteStep(step.id), danger: true },
  ];
  return (
    <div
      className={`pl-step${targeted ? ' pl-step--targeted' : ''}`}
      draggable={!a.readOnly && !renaming}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE.step, step.id)}
      onDragOver={a.readOnly ? undefined : allowDrop(DRAG_TYPE.step)}
      onDrop={a.readOnly ? undefined : (e) => a.dropOnStep(e, stageId, step.id)}
    >
      <div className="pl-step__title">
        <InlineEdit
          className="pl-step__name"
          value={step.name}
          label="Step name"
          editing={renaming}
          onDone={(v) => {
            a.setRenaming(null);
            if (v !== null && v.trim() !== '' && v !== step.name) a.renameStep(step.id, v);
          }}
        />
        {a.onOpenStep && (
          <button
            type="button"
            className="pl-iconbtn pl-step__details"
            data-export-hide
            tabIndex={-1}
            aria-label={`Details for ${step.name}`}
            onClick={() => a.onOpenStep?.(step.id)}
          >
            <svg
              width="14"
              height="14"
              viewBox="0 0 16 16"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            >
              <path d="M2 13h12M4 10v3M8 6v7M12 3v10" />
            </svg>
          </button>
        )}
        {!a.readOnly && (
          <Menu label={`Step options: ${step.name}`} items={items} testId={`step-menu-${step.id}`} inGrid />
        )}
      </div>
      <div className="pl-step__meta">
        {step.optional && <span className="pl-chip pl-chip--tag">Optional</span>}
        {step.activities.length > 0 && (
          <span className="pl-chip pl-chip--data" title={step.activities.join(', ')}>
            {step.activities.length} {step.activities.length === 1 ? 'activity' : 'activities'}
          </span>
        )}
      </div>
      {data?.metric ? (
        <StepData step={step} view={data} onOpen={a.onOpenStep} />
      ) : (
        a.hasData &&
        !a.readOnly &&
        step.activities.length === 0 && (
          <button
            type="button"
            className="pl-mapdata"
            data-export-hide
            tabIndex={-1}
            onClick={() => a.openActivities(step.id)}
            aria-label={`Map data to ${step.name}`}
          >
            + Map data
          </button>
        )
      )}
    </div>
  );
});

const LANE_HINT: Partial<Record<Lane['kind'], string>> = {
  emotions: '+2 delighted … −2 upset',
  data: 'KPIs and live numbers',
  systems: 'Systems behind the scenes',
};

export const LaneHeader = memo(function LaneHeader({
  lane,
  a,
  line,
  children,
}: {
  lane: Lane;
  a: HeaderActions;
  line: 'visibility' | 'internal' | undefined;
  children?: React.ReactNode;
}) {
  const renaming = a.renaming === lane.id;
  const items: MenuItem[] = [
    { label: 'Rename lane', onSelect: () => a.setRenaming(lane.id) },
    { label: 'Move lane up', onSelect: () => a.moveLaneBy(lane.id, -1) },
    { label: 'Move lane down', onSelect: () => a.moveLaneBy(lane.id, 1) },
    { label: 'Hide lane', onSelect: () => a.hideLane(lane.id) },
    { label: 'Delete lane', onSelect: () => a.deleteLane(lane.id), danger: true },
  ];
  return (
    <div
      className="pl-lane"
      draggable={!a.readOnly && !renaming}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE.lane, lane.id)}
      onDragOver={a.readOnly ? undefined : allowDrop(DRAG_TYPE.lane)}
      onDrop={a.readOnly ? undefined : (e) => a.dropOnLane(e, lane.id)}
    >
      {line && (
        <span className="pl-line-label">
          {line === 'visibility' ? 'Line of visibility' : 'Line of internal interaction'}
        </span>
      )}
      <div className="pl-lane__title">
        <InlineEdit
          className="pl-lane__name"
          value={lane.name}
          label="Lane name"
          editing={renaming}
          onDone={(v) => {
            a.setRenaming(null);
            if (v !== null && v.trim() !== '' && v !== lane.name) a.renameLane(lane.id, v);
          }}
        />
        {!a.readOnly && (
          <Menu label={`Lane options: ${lane.name}`} items={items} testId={`lane-menu-${lane.id}`} inGrid />
        )}
      </div>
      {LANE_HINT[lane.kind] && <span className="pl-lane__hint">{LANE_HINT[lane.kind]}</span>}
      {children}
    </div>
  );
});
