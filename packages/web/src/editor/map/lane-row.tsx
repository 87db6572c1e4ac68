// biome-ignore-all lint/a11y/useSemanticElements: rows and cells of an ARIA grid laid out with CSS grid
// biome-ignore-all lint/a11y/useFocusableInteractive: grid pattern: only cells take focus (roving tabindex), rows and headers do not
import type { Card, EmotionPoint, Lane } from '@pathlight/core';
import type { ReactNode } from 'react';
import { MarkerShape } from '../glyphs/glyphs';
import { Cell, type CellView } from './cell';
import { type CurvePersona, EmotionRow } from './emotion-row';
import { type HeaderActions, LaneHeader } from './headers';
import { type Column, cellKey } from './layout';

const NO_CARDS: readonly Card[] = [];

/** What every lane row shares; built once per grid render. */
export interface LaneRowsShared {
  columns: readonly Column[];
  cards: ReadonlyMap<string, readonly Card[]>;
  actions: HeaderActions;
  view: CellView;
  readOnly: boolean;
  focused: { laneId: string; stepId: string } | null;
  targetedCells: ReadonlySet<string> | null;
  selectedCard: Card | undefined;
  hover: ReadonlySet<string> | null;
  adding: string | null;
  setAdding: (key: string | null) => void;
  dataExtras: ReadonlyMap<string, ReactNode>;
  opportunityExtras: ReadonlyMap<string, ReactNode>;
  emotions: readonly EmotionPoint[];
  /** The curves drawn (all the map's personas, or the filtered one). */
  personas: readonly CurvePersona[];
  activePersonaId: string | null;
  /** The legend lets the user pick whose curve a click draws. */
  canPickPersona: boolean;
  onPickPersona: (personaId: string) => void;
  colWidth: number;
  emotionHeight: number;
  onSetEmotion: (personaId: string, stepId: string, score: number, drag: boolean) => void;
  onClearEmotion: (personaId: string, stepId: string) => void;
}

/**
 * One lane of the map as a grid row: its header, then a cell per step column (cards, data or
 * opportunity chips), or the emotion curves across the row.
 */
export function LaneRow({
  lane,
  row,
  line,
  s,
}: {
  lane: Lane;
  /** The CSS grid row (1 and 2 are the stage and step headers). */
  row: number;
  line: 'visibility' | 'internal' | undefined;
  s: LaneRowsShared;
}) {
  const focusedKey = s.focused ? cellKey(s.focused.laneId, s.focused.stepId) : null;
  return (
    <div
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
        <LaneHeader lane={lane} a={s.actions} line={line}>
          {lane.kind === 'emotions' && (
            <EmotionLegend
              personas={s.personas}
              activePersonaId={s.activePersonaId}
              canPick={s.canPickPersona}
              onPick={s.onPickPersona}
            />
          )}
        </LaneHeader>
      </div>
      {lane.kind === 'emotions' ? (
        <EmotionRow
          lane={lane}
          row={row}
          columns={s.columns}
          emotions={s.emotions}
          personas={s.personas}
          activePersonaId={s.activePersonaId}
          colWidth={s.colWidth}
          height={s.emotionHeight}
          focusedStepId={s.focused?.laneId === lane.id ? s.focused.stepId : null}
          readOnly={s.readOnly}
          onSet={s.onSetEmotion}
          onClear={s.onClearEmotion}
        />
      ) : (
        s.columns.map((c, ci) => {
          if (!c.step)
            return (
              <div
                key={c.key}
                role="gridcell"
                className="pl-cell pl-cell--void"
                style={{ gridRow: row, gridColumn: ci + 2 }}
              />
            );
          const key = cellKey(lane.id, c.step.id);
          const selected = s.selectedCard;
          return (
            <Cell
              key={c.key}
              lane={lane}
              stepId={c.step.id}
              row={row}
              col={ci + 2}
              cards={s.cards.get(key) ?? NO_CARDS}
              focused={focusedKey === key}
              targeted={s.targetedCells?.has(key) ?? false}
              selectedCardId={
                selected?.laneId === lane.id && selected.stepId === c.step.id ? selected.id : null
              }
              hover={s.hover}
              adding={s.adding === key}
              setAdding={s.setAdding}
              view={s.view}
              extra={
                lane.kind === 'data'
                  ? s.dataExtras.get(c.step.id)
                  : lane.kind === 'opportunities'
                    ? s.opportunityExtras.get(c.step.id)
                    : undefined
              }
            />
          );
        })
      )}
    </div>
  );
}

/** The emotions lane's legend: one marker per persona; a button picks whose curve a click draws. */
function EmotionLegend({
  personas,
  activePersonaId,
  canPick,
  onPick,
}: {
  personas: readonly CurvePersona[];
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
