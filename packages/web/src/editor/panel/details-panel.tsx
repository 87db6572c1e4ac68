import { JourneyStatus, reviewDueDate } from '@pathlight/core';
import { useState } from 'react';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';

const STATUS_LABELS: Record<JourneyStatus, string> = {
  draft: 'Draft',
  researched: 'Researched',
  live: 'Live (in use)',
  archived: 'Archived',
};

/** The journey's own fields: name, question, description, status, tags, review cadence. */
export function DetailsPanel({ onClose, today }: { onClose: () => void; today: () => string }) {
  const { store, readOnly } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const { personas } = useEditor();
  const [name, setName] = useState(doc.name);
  const update = (patch: cmd.MetaPatch, key?: string) =>
    store.dispatch(cmd.updateMeta, { patch }, key ? { coalesceKey: key } : {});
  const due = reviewDueDate(doc);
  const inJourney = new Set(doc.scope.personaIds);
  return (
    <aside
      className="pl-panel"
      aria-label="Journey details"
      data-testid="details-panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
        // Back to the toolbar button that opened the panel.
        document.querySelector<HTMLElement>('[data-testid="details-toggle"]')?.focus();
      }}
    >
      <header className="pl-panel__head">
        <h2>Journey details</h2>
        <button type="button" className="pl-btn" onClick={onClose}>
          Close
        </button>
      </header>
      <fieldset className="pl-fieldset--plain" disabled={readOnly}>
        <label className="pl-field">
          <span>Name</span>
          <input
            type="text"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim() !== '') update({ name: e.target.value }, 'meta:name');
            }}
            onBlur={() => {
              store.endTyping();
              setName(doc.name);
            }}
          />
        </label>
        <label className="pl-field">
          <span>The question this map answers</span>
          <textarea
            rows={3}
            defaultValue={doc.question}
            placeholder="e.g. Why do new patients not book after calling?"
            onBlur={(e) => e.target.value.trim() !== doc.question && update({ question: e.target.value })}
          />
        </label>
        <label className="pl-field">
          <span>Description</span>
          <textarea
            rows={3}
            defaultValue={doc.description}
            onBlur={(e) =>
              e.target.value.trim() !== doc.description && update({ description: e.target.value })
            }
          />
        </label>
        <div className="pl-field-row">
          <label className="pl-field">
            <span>Status</span>
            <select value={doc.status} onChange={(e) => update({ status: e.target.value as JourneyStatus })}>
              {JourneyStatus.options.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="pl-field">
            <span>Review every (days)</span>
            <input
              type="number"
              min={1}
              max={3650}
              defaultValue={doc.reviewCadenceDays ?? ''}
              onBlur={(e) => {
                const v = e.target.value === '' ? null : Number(e.target.value);
                if (v !== doc.reviewCadenceDays) update({ reviewCadenceDays: v });
              }}
            />
          </label>
        </div>
        <div className="pl-field">
          <span>Last reviewed</span>
          <div className="pl-inline-form">
            <input
              type="date"
              aria-label="Last reviewed"
              value={doc.lastReviewedAt ?? ''}
              onChange={(e) => update({ lastReviewedAt: e.target.value === '' ? null : e.target.value })}
            />
            <button type="button" className="pl-btn" onClick={() => update({ lastReviewedAt: today() })}>
              Reviewed today
            </button>
          </div>
          <p className="pl-muted">{due ? `Next review due ${due}` : 'Set a date to track reviews.'}</p>
        </div>
        <label className="pl-field">
          <span>Tags (comma-separated)</span>
          <input
            type="text"
            defaultValue={doc.tags.join(', ')}
            onBlur={(e) => update({ tags: e.target.value.split(',') })}
          />
        </label>
        <fieldset className="pl-fieldset">
          <legend>Personas on this map (their emotion curves)</legend>
          {personas.length === 0 && (
            <p className="pl-muted">Create personas in the Personas library first.</p>
          )}
          <ul className="pl-linklist">
            {personas.map((p) => (
              <li key={p.id}>
                <label className="pl-check">
                  <input
                    type="checkbox"
                    checked={inJourney.has(p.id)}
                    onChange={(e) =>
                      update({
                        personaIds: e.target.checked
                          ? [...doc.scope.personaIds, p.id]
                          : doc.scope.personaIds.filter((id) => id !== p.id),
                      })
                    }
                  />
                  <span className="pl-swatch" style={{ background: p.color }} aria-hidden="true" />
                  {p.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
    </aside>
  );
}
