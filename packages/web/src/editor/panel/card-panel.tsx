// biome-ignore-all lint/suspicious/noArrayIndexKey: evidence items have no id; their position is their identity
import {
  type Card,
  Channel,
  Confidence,
  type Evidence,
  EvidenceKind,
  Severity,
  SystemCategory,
  strongestConfidence,
} from '@pathlight/core';
import { useEffect, useState } from 'react';
import { CHANNEL_LABELS, CONFIDENCE_LABELS, EvidenceBadge, SEVERITY_LABELS } from '../glyphs/glyphs';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';

const KIND_LABELS: Record<EvidenceKind, string> = {
  interview: 'Interview',
  survey: 'Survey',
  'event-log': 'Event log',
  'support-ticket': 'Support ticket',
  review: 'Online review',
  observation: 'Observation',
  'staff-report': 'Staff report',
};

/** The side panel for the selected card: text, tags, channel, severity, system, links, evidence. */
export function CardPanel({ card, onClose }: { card: Card; onClose: () => void }) {
  const { store, readOnly } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const lane = doc.lanes.find((l) => l.id === card.laneId);
  const step = doc.stages.flatMap((s) => s.steps).find((t) => t.id === card.stepId);
  const [text, setText] = useState(card.text);
  const [tags, setTags] = useState(card.tags.join(', '));
  const [linkFilter, setLinkFilter] = useState('');
  const [newSystem, setNewSystem] = useState<string | null>(null);

  // Follow outside changes (undo, another edit); keep the draft when it only differs by trimmed
  // whitespace (commands trim) or is an empty draft the document cannot take.
  useEffect(() => setText((t) => (t.trim() === '' || t.trim() === card.text ? t : card.text)), [card.text]);
  useEffect(() => setTags(card.tags.join(', ')), [card.tags]);

  const update = (patch: cmd.CardPatch, coalesceKey?: string) =>
    store.dispatch(cmd.updateCard, { cardId: card.id, patch }, coalesceKey ? { coalesceKey } : {});
  const commitTags = () => {
    const next = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (next.join('|') !== card.tags.join('|')) update({ tags: next });
  };
  const system = card.systemId ? doc.systems.find((s) => s.id === card.systemId) : undefined;
  const linkable = doc.cards.filter(
    (c) => c.id !== card.id && (linkFilter === '' || c.text.toLowerCase().includes(linkFilter.toLowerCase())),
  );
  const laneName = new Map(doc.lanes.map((l) => [l.id, l.name]));
  const setEvidence = (change: cmd.EvidenceChange, key?: string) =>
    store.dispatch(cmd.setEvidence, { cardId: card.id, ...change }, key ? { coalesceKey: key } : {});

  // Escape closes the panel from anywhere in it and returns focus to the card that opened it.
  const closeToCard = () => {
    onClose();
    document.querySelector<HTMLElement>(`[data-card-id="${card.id}"]`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    closeToCard();
  };

  if (readOnly) {
    return (
      <aside className="pl-panel" aria-label="Card details" data-testid="card-panel" onKeyDown={onKeyDown}>
        <header className="pl-panel__head">
          <h2>Card</h2>
          <button type="button" className="pl-btn" onClick={closeToCard} data-panel-focus>
            Close
          </button>
        </header>
        <p className="pl-panel__where">
          {lane?.name} · {step?.name}
        </p>
        <p className="pl-panel__text">{card.text}</p>
        <EvidenceBadge confidence={strongestConfidence(card.evidence)} />
        <dl className="pl-panel__facts">
          {card.tags.length > 0 && (
            <>
              <dt>Tags</dt>
              <dd>{card.tags.join(', ')}</dd>
            </>
          )}
          {card.channel && (
            <>
              <dt>Channel</dt>
              <dd>{CHANNEL_LABELS[card.channel]}</dd>
            </>
          )}
          {card.severity && (
            <>
              <dt>Severity</dt>
              <dd>{SEVERITY_LABELS[card.severity]}</dd>
            </>
          )}
          {system && (
            <>
              <dt>System</dt>
              <dd>
                {system.name} {system.holdsPhi ? '· holds PHI' : ''}{' '}
                {system.baaInPlace ? '· BAA signed' : system.holdsPhi ? '· no BAA' : ''}
              </dd>
            </>
          )}
        </dl>
        <h3>Evidence</h3>
        {card.evidence.length === 0 ? (
          <p className="pl-muted">No evidence yet: this card is an assumption.</p>
        ) : (
          <ul className="pl-evlist">
            {card.evidence.map((e, i) => (
              <li key={i}>
                {CONFIDENCE_LABELS[e.confidence]} · {KIND_LABELS[e.kind]}
                {e.source ? ` · ${e.source}` : ''}
                {e.date ? ` · ${e.date}` : ''}
              </li>
            ))}
          </ul>
        )}
      </aside>
    );
  }

  return (
    <aside className="pl-panel" aria-label="Edit card" data-testid="card-panel" onKeyDown={onKeyDown}>
      <header className="pl-panel__head">
        <h2>Card</h2>
        <button type="button" className="pl-btn" onClick={closeToCard}>
          Close
        </button>
      </header>
      <p className="pl-panel__where">
        {lane?.name} · {step?.name}
      </p>

      <label className="pl-field">
        <span>Text</span>
        <textarea
          data-panel-focus
          rows={3}
          value={text}
          aria-invalid={text.trim() === ''}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim() !== '') update({ text: e.target.value }, `card:${card.id}:text`);
          }}
          onBlur={() => {
            store.endTyping();
            if (text.trim() === '') setText(card.text);
          }}
        />
        {text.trim() === '' && (
          <span className="pl-field__error">A card needs some text; leaving keeps the old text.</span>
        )}
      </label>

      <fieldset className="pl-fieldset" data-testid="evidence-editor">
        <legend>
          Evidence <EvidenceBadge confidence={strongestConfidence(card.evidence)} />
        </legend>
        {card.evidence.length === 0 && (
          <p className="pl-muted">No evidence yet: this card counts as assumed.</p>
        )}
        {card.evidence.map((ev, i) => (
          <EvidenceRow
            key={i}
            index={i}
            evidence={ev}
            onChange={(e, typing) =>
              setEvidence(
                { action: 'update', index: i, evidence: e },
                typing ? `ev:${card.id}:${i}` : undefined,
              )
            }
            onRemove={() => setEvidence({ action: 'remove', index: i })}
          />
        ))}
        <button
          type="button"
          className="pl-btn"
          onClick={() =>
            setEvidence({
              action: 'add',
              evidence: { kind: 'interview', source: '', date: null, confidence: 'reported' },
            })
          }
        >
          + Add evidence
        </button>
      </fieldset>

      <label className="pl-field">
        <span>Tags (comma-separated; a persona's name ties the card to that persona)</span>
        <input
          type="text"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          onBlur={commitTags}
          onKeyDown={(e) => e.key === 'Enter' && commitTags()}
        />
      </label>

      <div className="pl-field-row">
        <label className="pl-field">
          <span>Channel</span>
          <select
            value={card.channel ?? ''}
            onChange={(e) => update({ channel: e.target.value === '' ? null : (e.target.value as Channel) })}
          >
            <option value="">None</option>
            {Channel.options.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="pl-field">
          <span>Severity</span>
          <select
            value={card.severity ?? ''}
            onChange={(e) =>
              update({ severity: e.target.value === '' ? null : (e.target.value as Severity) })
            }
          >
            <option value="">None</option>
            {Severity.options.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <fieldset className="pl-fieldset">
        <legend>System</legend>
        <select
          aria-label="System this card is about"
          value={card.systemId ?? ''}
          onChange={(e) => {
            if (e.target.value === '__new') setNewSystem('');
            else update({ systemId: e.target.value === '' ? null : e.target.value });
          }}
        >
          <option value="">None</option>
          {doc.systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value="__new">New system…</option>
        </select>
        {newSystem !== null && (
          <form
            className="pl-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const id = store.newId();
              if (newSystem.trim() === '') return;
              store.transact('add system', (d) =>
                cmd.updateCard(
                  cmd.addSystem(d, {
                    id,
                    name: newSystem,
                    category: 'other',
                    holdsPhi: true,
                    baaInPlace: false,
                  }),
                  { cardId: card.id, patch: { systemId: id } },
                ),
              );
              setNewSystem(null);
            }}
          >
            <input
              type="text"
              aria-label="New system name"
              placeholder="e.g. Scheduling system"
              value={newSystem}
              onChange={(e) => setNewSystem(e.target.value)}
            />
            <button type="submit" className="pl-btn">
              Add
            </button>
            <button type="button" className="pl-btn pl-btn--ghost" onClick={() => setNewSystem(null)}>
              Cancel
            </button>
          </form>
        )}
        {system && (
          <div className="pl-system-flags">
            <label>
              <span>Category</span>
              <select
                value={system.category}
                onChange={(e) =>
                  store.dispatch(cmd.updateSystem, {
                    systemId: system.id,
                    patch: { category: e.target.value as SystemCategory },
                  })
                }
              >
                {SystemCategory.options.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label className="pl-check">
              <input
                type="checkbox"
                checked={system.holdsPhi}
                onChange={(e) =>
                  store.dispatch(cmd.updateSystem, {
                    systemId: system.id,
                    patch: { holdsPhi: e.target.checked },
                  })
                }
              />
              Holds PHI (protected health information)
            </label>
            <label className="pl-check">
              <input
                type="checkbox"
                checked={system.baaInPlace}
                onChange={(e) =>
                  store.dispatch(cmd.updateSystem, {
                    systemId: system.id,
                    patch: { baaInPlace: e.target.checked },
                  })
                }
              />
              Business associate agreement (BAA) signed
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="pl-fieldset">
        <legend>Linked cards ({card.linkedCardIds.length})</legend>
        <input
          type="search"
          aria-label="Filter cards to link"
          placeholder="Filter cards…"
          value={linkFilter}
          onChange={(e) => setLinkFilter(e.target.value)}
        />
        <ul className="pl-linklist">
          {linkable.slice(0, 60).map((c) => (
            <li key={c.id}>
              <label className="pl-check">
                <input
                  type="checkbox"
                  checked={card.linkedCardIds.includes(c.id)}
                  onChange={(e) =>
                    update({
                      linkedCardIds: e.target.checked
                        ? [...card.linkedCardIds, c.id]
                        : card.linkedCardIds.filter((x) => x !== c.id),
                    })
                  }
                />
                <span className="pl-muted">{laneName.get(c.laneId)}:</span> {c.text}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <footer className="pl-panel__foot">
        <button
          type="button"
          className="pl-btn pl-btn--danger"
          onClick={() => {
            store.dispatch(cmd.deleteCard, { cardId: card.id });
            store.notify('Card deleted.', true);
          }}
        >
          Delete card
        </button>
      </footer>
    </aside>
  );
}

function EvidenceRow({
  index,
  evidence,
  onChange,
  onRemove,
}: {
  index: number;
  evidence: Evidence;
  onChange: (e: Evidence, typing: boolean) => void;
  onRemove: () => void;
}) {
  const [source, setSource] = useState(evidence.source);
  useEffect(() => setSource((s) => (s.trim() === evidence.source ? s : evidence.source)), [evidence.source]);
  const n = index + 1;
  return (
    <div className="pl-evrow" data-testid="evidence-row">
      <select
        aria-label={`Evidence ${n} confidence`}
        value={evidence.confidence}
        onChange={(e) => onChange({ ...evidence, confidence: e.target.value as Confidence }, false)}
      >
        {Confidence.options.map((c) => (
          <option key={c} value={c}>
            {CONFIDENCE_LABELS[c]}
          </option>
        ))}
      </select>
      <select
        aria-label={`Evidence ${n} kind`}
        value={evidence.kind}
        onChange={(e) => onChange({ ...evidence, kind: e.target.value as EvidenceKind }, false)}
      >
        {EvidenceKind.options.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={`Evidence ${n} source`}
        placeholder="Source, e.g. 12 front-desk interviews"
        value={source}
        onChange={(e) => {
          setSource(e.target.value);
          onChange({ ...evidence, source: e.target.value }, true);
        }}
      />
      <input
        type="date"
        aria-label={`Evidence ${n} date`}
        value={evidence.date ?? ''}
        onChange={(e) =>
          onChange({ ...evidence, date: e.target.value === '' ? null : e.target.value }, false)
        }
      />
      <button
        type="button"
        className="pl-btn pl-btn--ghost"
        onClick={onRemove}
        aria-label={`Remove evidence ${n}`}
      >
        Remove
      </button>
    </div>
  );
}
