// biome-ignore-all lint/a11y/useSemanticElements: a gridcell of an ARIA grid laid out with CSS grid
import type { BlueprintSystem, Card, Lane } from '@pathlight/core';
import { memo, type ReactNode, useRef, useState } from 'react';
import { CardView } from './card-view';
import { cardDropIndex, DRAG_TYPE, slotAt } from './drag';
import { cardVisibleFor } from './layout';

/** Settings shared by every cell; one object so a toggle re-renders cells once. */
export interface CellView {
  readOnly: boolean;
  highlightAssumed: boolean;
  hiddenTags: ReadonlySet<string> | null;
  filterName: string | null;
  systems: ReadonlyMap<string, BlueprintSystem>;
  /** Persona colours by lower-cased name, for tags that tie a card to a persona. */
  personaColors: ReadonlyMap<string, string>;
  onHoverLinks: (ids: readonly string[] | null) => void;
  onAddCard: (laneId: string, stepId: string, text: string) => void;
  onDropCard: (cardId: string, laneId: string, stepId: string, index: number) => void;
}

export interface CellProps {
  lane: Lane;
  stepId: string;
  row: number;
  col: number;
  cards: readonly Card[];
  focused: boolean;
  targeted: boolean;
  selectedCardId: string | null;
  hover: ReadonlySet<string> | null;
  adding: boolean;
  setAdding: (key: string | null) => void;
  view: CellView;
  extra?: ReactNode;
}

const EMPTY: readonly Card[] = [];

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameHover(
  cards: readonly Card[],
  a: ReadonlySet<string> | null,
  b: ReadonlySet<string> | null,
): boolean {
  if (a === b) return true;
  return cards.every((c) => (a?.has(c.id) ?? false) === (b?.has(c.id) ?? false));
}

/** A (lane, step) cell of the grid with its cards; re-renders only when its own cards or flags change. */
export const Cell = memo(
  function Cell({
    lane,
    stepId,
    row,
    col,
    cards,
    focused,
    targeted,
    selectedCardId,
    hover,
    adding,
    setAdding,
    view,
    extra,
  }: CellProps) {
    const [dropAt, setDropAt] = useState<number | null>(null);
    const key = `${lane.id}|${stepId}`;
    const visible = view.hiddenTags
      ? cards.filter((c) => cardVisibleFor(c, view.hiddenTags, view.filterName))
      : cards;

    const dropIndex = (el: HTMLElement, clientY: number): number =>
      slotAt(
        [...el.querySelectorAll<HTMLElement>('[data-card-id]')].map((n) => {
          const r = n.getBoundingClientRect();
          return r.top + r.height / 2;
        }),
        clientY,
      );

    return (
      <div
        role="gridcell"
        className={`pl-cell pl-cell--${lane.kind}${targeted ? ' pl-cell--targeted' : ''}${dropAt !== null ? ' pl-cell--drop' : ''}`}
        style={{ gridRow: row, gridColumn: col }}
        tabIndex={focused ? 0 : -1}
        data-cell={key}
        data-testid={`cell-${lane.id}-${stepId}`}
        aria-label={`${lane.name}, ${visible.length} ${visible.length === 1 ? 'card' : 'cards'}`}
        onDragOver={
          view.readOnly
            ? undefined
            : (e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE.card)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                const at = dropIndex(e.currentTarget, e.clientY);
                if (at !== dropAt) setDropAt(at);
              }
        }
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
        }}
        onDrop={(e) => {
          const id = e.dataTransfer.getData(DRAG_TYPE.card);
          setDropAt(null);
          if (!id || view.readOnly) return;
          e.preventDefault();
          const at = dropIndex(e.currentTarget, e.clientY);
          const index = cardDropIndex(
            visible.map((c) => c.id),
            cards.map((c) => c.id),
            id,
            at,
          );
          view.onDropCard(id, lane.id, stepId, index);
        }}
      >
        {extra}
        {visible.map((card, i) => (
          <div key={card.id} className={dropAt === i ? 'pl-drop-before' : undefined}>
            <CardView
              card={card}
              laneKind={lane.kind}
              selected={card.id === selectedCardId}
              linked={hover?.has(card.id) ?? false}
              highlightAssumed={view.highlightAssumed}
              readOnly={view.readOnly}
              system={card.systemId ? (view.systems.get(card.systemId) ?? null) : null}
              personaColors={view.personaColors}
              onHoverLinks={view.onHoverLinks}
            />
          </div>
        ))}
        {dropAt !== null && dropAt >= visible.length && <div className="pl-drop-end" />}
        {!view.readOnly &&
          (adding ? (
            <NewCard
              onDone={(text) => {
                setAdding(null);
                if (text !== null) view.onAddCard(lane.id, stepId, text);
              }}
            />
          ) : (
            <button
              type="button"
              className="pl-cell__add"
              tabIndex={-1}
              data-export-hide
              aria-label={`Add card to ${lane.name}`}
              onClick={() => setAdding(key)}
            >
              + Add card
            </button>
          ))}
      </div>
    );
  },
  (a, b) =>
    a.lane === b.lane &&
    a.stepId === b.stepId &&
    a.row === b.row &&
    a.col === b.col &&
    a.focused === b.focused &&
    a.targeted === b.targeted &&
    a.selectedCardId === b.selectedCardId &&
    a.adding === b.adding &&
    a.view === b.view &&
    a.extra === b.extra &&
    sameCards(a.cards, b.cards) &&
    sameHover(a.cards, a.hover, b.hover),
);

export { EMPTY as NO_CARDS };

function NewCard({ onDone }: { onDone: (text: string | null) => void }) {
  const [text, setText] = useState('');
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return; // Enter unmounts the field, which may also fire blur
    done.current = true;
    onDone(value !== null && value.trim() !== '' ? value : null);
  };
  return (
    <textarea
      className="pl-newcard"
      aria-label="New card text (Enter to add, Escape to cancel)"
      placeholder="Type, then Enter"
      // biome-ignore lint/a11y/noAutofocus: the user just asked to add a card here
      autoFocus
      value={text}
      rows={2}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(text);
        } else if (e.key === 'Escape') {
          finish(null);
        }
      }}
      onBlur={() => finish(text)}
    />
  );
}
