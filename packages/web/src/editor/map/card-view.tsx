// biome-ignore-all lint/a11y/useSemanticElements: a draggable card holds block content (<p>), which a <button> may not
import { type BlueprintSystem, type Card, strongestConfidence } from '@pathlight/core';
import { memo } from 'react';
import { ChannelLabel, EvidenceBadge, SeverityBadge, WarningGlyph } from '../glyphs/glyphs';
import { DRAG_TYPE } from './drag';

export interface CardViewProps {
  card: Card;
  laneKind: string;
  selected: boolean;
  /** Lit because a hovered opportunity links to it. */
  linked: boolean;
  highlightAssumed: boolean;
  readOnly: boolean;
  system: BlueprintSystem | null;
  personaColors: ReadonlyMap<string, string>;
  onHoverLinks: (ids: readonly string[] | null) => void;
}

/** One sticky note. Memoised on the card object: commands keep untouched cards identical. */
export const CardView = memo(function CardView({
  card,
  laneKind,
  selected,
  linked,
  highlightAssumed,
  readOnly,
  system,
  personaColors,
  onHoverLinks,
}: CardViewProps) {
  const confidence = strongestConfidence(card.evidence);
  const assumedLit = highlightAssumed && confidence === 'assumed';
  const cls = [
    'pl-card',
    `pl-card--${laneKind}`,
    card.severity ? `pl-card--sev-${card.severity}` : '',
    selected ? 'pl-card--selected' : '',
    linked ? 'pl-card--linked' : '',
    highlightAssumed ? (assumedLit ? 'pl-card--assumed-lit' : 'pl-card--dim') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const links = card.linkedCardIds;
  return (
    <div
      className={cls}
      data-card-id={card.id}
      data-testid="card"
      tabIndex={-1}
      role="button"
      aria-pressed={selected}
      aria-label={`${card.text}. ${confidence}${card.severity ? `, ${card.severity} severity` : ''}`}
      draggable={!readOnly}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE.card, card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onMouseEnter={links.length > 0 ? () => onHoverLinks(links) : undefined}
      onMouseLeave={links.length > 0 ? () => onHoverLinks(null) : undefined}
    >
      <p className="pl-card__text">{card.text}</p>
      <div className="pl-card__meta">
        {card.channel && <ChannelLabel channel={card.channel} />}
        {card.severity && <SeverityBadge severity={card.severity} />}
        {system && (
          <>
            {system.holdsPhi && <span className="pl-chip pl-chip--phi">PHI</span>}
            {system.holdsPhi && !system.baaInPlace && (
              <span className="pl-chip pl-chip--warn">
                <WarningGlyph />
                No BAA
              </span>
            )}
            {system.baaInPlace && <span className="pl-chip pl-chip--ok">BAA signed</span>}
          </>
        )}
        {links.length > 0 && (
          <span className="pl-chip pl-chip--links">
            Addresses {links.length} {links.length === 1 ? 'card' : 'cards'}
          </span>
        )}
        {card.tags.map((t) => {
          const color = personaColors.get(t.trim().toLowerCase());
          return (
            <span key={t} className="pl-chip pl-chip--tag" title={color ? 'Persona' : undefined}>
              {color && <span className="pl-dot" style={{ background: color }} aria-hidden="true" />}
              {t}
            </span>
          );
        })}
        <EvidenceBadge confidence={confidence} />
      </div>
    </div>
  );
});
