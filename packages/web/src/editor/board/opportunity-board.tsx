// biome-ignore-all lint/a11y/useSemanticElements: positioned draggable tokens with pointer capture and arrow-key moves
import { type Opportunity, OpportunityStatus, orderedSteps } from '@pathlight/core';
import { useRef, useState } from 'react';
import { CONFIDENCE_LABELS } from '../glyphs/glyphs';
import { useEditor, useEditorState } from '../hooks';
import * as cmd from '../store/commands/index';
import { QUADRANT_LABELS, type Quadrant, quadrantOf, snapToScores } from './quadrant';

const STATUS_LABELS: Record<Opportunity['status'], string> = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  piloting: 'Piloting',
  done: 'Done',
  dropped: 'Dropped',
};

// Tokens are centred on their point inside an inset plot so those at 1 or 5 stay in the matrix.
const INSET_X = 96;
const INSET_Y = 44;
const at = (f: number, inset: number) =>
  `calc(${inset}px + (100% - ${inset * 2}px) * ${Math.max(0, Math.min(1, f))})`;
const pos = (v: number, inset: number) => at((v - 1) / 4, inset);

/**
 * Opportunities on an impact × effort matrix with labelled quadrants. Drag (or arrow keys) to
 * change impact and effort; the panel edits the rest; "Show on map" selects the linked cells.
 */
export function OpportunityBoard({ onShowOnMap }: { onShowOnMap?: (o: Opportunity) => void }) {
  const { store, readOnly } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const [selected, setSelected] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; fx: number; fy: number } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const opp = doc.opportunities.find((o) => o.id === selected) ?? null;

  const frac = (e: React.PointerEvent) => {
    const r = area.current!.getBoundingClientRect();
    return {
      fx: (e.clientX - r.left - INSET_X) / (r.width - 2 * INSET_X),
      fy: (e.clientY - r.top - INSET_Y) / (r.height - 2 * INSET_Y),
    };
  };
  const setScores = (o: Opportunity, patch: Partial<Pick<Opportunity, 'impact' | 'effort'>>) =>
    store.dispatch(cmd.updateOpportunity, { opportunityId: o.id, patch });
  const add = () => {
    const id = store.newId();
    if (store.dispatch(cmd.addOpportunity, { id, title: 'New opportunity', impact: 3, effort: 3 }))
      setSelected(id);
  };
  const showOnMap = (o: Opportunity) => {
    const cells = doc.cards
      .filter((c) => o.cardIds.includes(c.id))
      .map((c) => ({ laneId: c.laneId, stepId: c.stepId }));
    store.select({ kind: 'cells', cells, stepIds: o.stepIds, label: o.title });
    store.setTab('map');
    onShowOnMap?.(o);
  };

  // Spread items that share a spot so none hides another.
  const seen = new Map<string, number>();
  const offset = (o: Opportunity) => {
    const k = `${o.impact}:${o.effort}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n;
  };

  return (
    <div className="pl-board" data-testid="opportunity-board">
      <div className="pl-board__main">
        <div className="pl-board__head">
          <h2>Opportunities: impact × effort</h2>
          {!readOnly && (
            <button type="button" className="pl-btn pl-btn--primary" onClick={add}>
              + Add opportunity
            </button>
          )}
        </div>
        <div className="pl-matrix">
          <div className="pl-matrix__ylabel" aria-hidden="true">
            Impact: low → high
          </div>
          <div ref={area} className="pl-matrix__area" role="group" aria-label="Impact and effort matrix">
            {(['quick-win', 'big-bet', 'fill-in', 'money-pit'] as Quadrant[]).map((q) => (
              <div key={q} className={`pl-quad pl-quad--${q}`}>
                <strong>{QUADRANT_LABELS[q].title}</strong>
                <span>{QUADRANT_LABELS[q].hint}</span>
              </div>
            ))}
            {doc.opportunities.map((o) => {
              const n = offset(o);
              const d = drag?.id === o.id ? drag : null;
              const preview = d ? snapToScores(d.fx, d.fy) : null;
              return (
                <div
                  key={o.id}
                  role="button"
                  tabIndex={0}
                  className={`pl-opp${o.id === selected ? ' pl-opp--selected' : ''}`}
                  data-testid="opportunity"
                  style={{
                    left: d ? at(d.fx, INSET_X) : pos(o.effort, INSET_X),
                    bottom: d ? at(1 - d.fy, INSET_Y) : pos(o.impact, INSET_Y),
                    translate: `-50% ${50 - n * 60}%`,
                  }}
                  aria-label={`${o.title}: impact ${o.impact} of 5, effort ${o.effort} of 5, ${QUADRANT_LABELS[quadrantOf(o)].title}, ${STATUS_LABELS[o.status]}${o.owner ? `, owner ${o.owner}` : ''}.${readOnly ? '' : ' Arrow keys change impact and effort.'}`}
                  onClick={() => setSelected(o.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setSelected(o.id);
                      return;
                    }
                    if (readOnly) return;
                    const keys: Record<string, Partial<Pick<Opportunity, 'impact' | 'effort'>>> = {
                      ArrowUp: { impact: Math.min(5, o.impact + 1) },
                      ArrowDown: { impact: Math.max(1, o.impact - 1) },
                      ArrowRight: { effort: Math.min(5, o.effort + 1) },
                      ArrowLeft: { effort: Math.max(1, o.effort - 1) },
                    };
                    const patch = keys[e.key];
                    if (patch) {
                      e.preventDefault();
                      setScores(o, patch);
                    }
                  }}
                  onPointerDown={(e) => {
                    if (readOnly || e.button !== 0) return;
                    e.currentTarget.setPointerCapture(e.pointerId);
                    setDrag({ id: o.id, ...frac(e) });
                  }}
                  onPointerMove={(e) => drag?.id === o.id && setDrag({ id: o.id, ...frac(e) })}
                  onPointerUp={(e) => {
                    if (drag?.id !== o.id) return;
                    setDrag(null);
                    const s = snapToScores(frac(e).fx, frac(e).fy);
                    if (s.effort !== o.effort || s.impact !== o.impact) setScores(o, s);
                    setSelected(o.id);
                  }}
                  onPointerCancel={() => setDrag(null)}
                >
                  <span className="pl-opp__title">{o.title}</span>
                  <span className="pl-opp__meta">
                    {STATUS_LABELS[o.status]}
                    {o.owner ? ` · ${o.owner}` : ''}
                    {preview ? ` · I${preview.impact} E${preview.effort}` : ''}
                  </span>
                </div>
              );
            })}
          </div>
          <div className="pl-matrix__xlabel" aria-hidden="true">
            Effort: low → high
          </div>
        </div>
        {doc.opportunities.length === 0 && (
          <p className="pl-muted">
            No opportunities yet. Add one for each fix you are considering, then place it by how much it would
            help patients (impact) and how hard it is (effort).
          </p>
        )}
      </div>
      {opp && (
        <OpportunityPanel
          key={opp.id}
          o={opp}
          onClose={() => setSelected(null)}
          onShowOnMap={() => showOnMap(opp)}
        />
      )}
    </div>
  );
}

function OpportunityPanel({
  o,
  onClose,
  onShowOnMap,
}: {
  o: Opportunity;
  onClose: () => void;
  onShowOnMap: () => void;
}) {
  const { store, readOnly } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const [title, setTitle] = useState(o.title);
  const update = (patch: cmd.OpportunityPatch, key?: string) =>
    store.dispatch(cmd.updateOpportunity, { opportunityId: o.id, patch }, key ? { coalesceKey: key } : {});
  const painPoints = doc.cards.filter(
    (c) => doc.lanes.find((l) => l.id === c.laneId)?.kind === 'pain-points',
  );
  const steps = orderedSteps(doc);
  const toggle = (list: readonly string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  return (
    <aside
      className="pl-panel pl-panel--static"
      aria-label="Opportunity details"
      data-testid="opportunity-panel"
    >
      <header className="pl-panel__head">
        <h2>Opportunity</h2>
        <button type="button" className="pl-btn" onClick={onClose}>
          Close
        </button>
      </header>
      <fieldset className="pl-fieldset--plain" disabled={readOnly}>
        <label className="pl-field">
          <span>Title</span>
          <input
            type="text"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              if (e.target.value.trim() !== '') update({ title: e.target.value }, `opp:${o.id}:title`);
            }}
            onBlur={() => store.endTyping()}
          />
        </label>
        <label className="pl-field">
          <span>Description</span>
          <textarea
            rows={3}
            defaultValue={o.description}
            onBlur={(e) => update({ description: e.target.value })}
          />
        </label>
        <div className="pl-field-row">
          <label className="pl-field">
            <span>Impact (1–5)</span>
            <select value={o.impact} onChange={(e) => update({ impact: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label className="pl-field">
            <span>Effort (1–5)</span>
            <select value={o.effort} onChange={(e) => update({ effort: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="pl-field-row">
          <label className="pl-field">
            <span>Owner</span>
            <input type="text" defaultValue={o.owner} onBlur={(e) => update({ owner: e.target.value })} />
          </label>
          <label className="pl-field">
            <span>Status</span>
            <select
              value={o.status}
              onChange={(e) => update({ status: e.target.value as Opportunity['status'] })}
            >
              {OpportunityStatus.options.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="pl-field-row">
          <label className="pl-field">
            <span>Confidence</span>
            <select
              value={o.confidence}
              onChange={(e) => update({ confidence: e.target.value as Opportunity['confidence'] })}
            >
              {(['observed', 'reported', 'assumed'] as const).map((c) => (
                <option key={c} value={c}>
                  {CONFIDENCE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="pl-field">
            <span>Target KPI</span>
            <select
              value={o.targetKpiId ?? ''}
              onChange={(e) => update({ targetKpiId: e.target.value || null })}
            >
              <option value="">None</option>
              {doc.kpis.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="pl-fieldset">
          <legend>Pain points it addresses ({o.cardIds.length})</legend>
          {painPoints.length === 0 && <p className="pl-muted">No pain-point cards on the map yet.</p>}
          <ul className="pl-linklist">
            {painPoints.map((c) => (
              <li key={c.id}>
                <label className="pl-check">
                  <input
                    type="checkbox"
                    checked={o.cardIds.includes(c.id)}
                    onChange={(e) => update({ cardIds: toggle(o.cardIds, c.id, e.target.checked) })}
                  />
                  {c.text}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="pl-fieldset">
          <legend>Steps ({o.stepIds.length})</legend>
          <ul className="pl-linklist">
            {steps.map((s) => (
              <li key={s.id}>
                <label className="pl-check">
                  <input
                    type="checkbox"
                    checked={o.stepIds.includes(s.id)}
                    onChange={(e) => update({ stepIds: toggle(o.stepIds, s.id, e.target.checked) })}
                  />
                  {s.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
      <footer className="pl-panel__foot">
        <button type="button" className="pl-btn" onClick={onShowOnMap} data-testid="show-on-map">
          Show on map
        </button>
        {!readOnly && (
          <button
            type="button"
            className="pl-btn pl-btn--danger"
            onClick={() => {
              store.dispatch(cmd.deleteOpportunity, { opportunityId: o.id });
              store.notify('Opportunity deleted.', true);
              onClose();
            }}
          >
            Delete
          </button>
        )}
      </footer>
    </aside>
  );
}
