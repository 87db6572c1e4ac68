import { type ActivityRef, type KpiDefinition, type KpiInput, orderedSteps } from '@pathlight/core';
import { useId, useState } from 'react';
import { Shown } from '../../components/privacy/shown';
import { formatKpiValue, hiddenHelp, shownField } from '../../lib/format';
import { useEditor, useEditorState } from '../hooks';
import { kpiSummary } from '../map/layout';
import * as cmd from '../store/commands/index';
import { type KpiField, kpiFieldErrors, shownReference } from './kpi-text';
import type { ActivityEvidence, KpiEvidence } from './types';

const KIND_WORDS: Record<KpiDefinition['kind'], string> = {
  rate: 'Rate',
  conversion: 'Conversion',
  duration: 'Duration',
  score: 'Score (NPS / CSAT)',
  'cost-per': 'Cost per acquired patient',
};

/** A blank definition of a kind, keeping what the kinds share. */
function blank(kind: KpiDefinition['kind'], from: Partial<KpiDefinition> = {}): KpiInput {
  const common = {
    id: from.id ?? 'new',
    name: from.name ?? '',
    description: from.description ?? '',
    direction: from.direction ?? 'higher-is-better',
    reference: from.reference ?? '',
  };
  const none: ActivityRef = { activities: [] };
  switch (kind) {
    case 'rate':
      return { ...common, kind, numerator: [], denominator: [], countOver: 'events' };
    case 'conversion':
      return { ...common, kind, from: none, to: none, windowDays: null };
    case 'duration':
      return { ...common, kind, from: none, to: none };
    case 'score':
      return { ...common, kind, scale: 'nps', activity: '', attribute: '' };
    case 'cost-per':
      return {
        ...common,
        direction: from.kind === 'cost-per' ? common.direction : 'lower-is-better',
        kind,
        costActivities: [],
        acquired: none,
        splitBy: null,
      };
  }
}

const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * The journey's KPI definitions: each with its value on the current data and where its definition
 * comes from; add from the ready-made library in one click, edit kind-specific fields, delete.
 * Every change is an undoable store command.
 */
export function KpiPanel({
  library,
  values,
  activities,
}: {
  library: readonly KpiDefinition[];
  values: readonly KpiEvidence[] | null;
  activities: readonly ActivityEvidence[] | null;
}) {
  const { store, readOnly } = useEditor();
  const kpis = useEditorState((s) => s.doc.kpis);
  const stages = useEditorState((s) => s.doc.stages);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const steps = orderedSteps({ stages });
  const stepName = (id: string) => steps.find((s) => s.id === id)?.name ?? 'removed step';
  const byId = new Map((values ?? []).map((v) => [v.id, v]));
  const listId = useId();
  const taken = new Set(kpis.map((k) => k.id));

  return (
    <div className="pl-kpis" data-testid="kpi-panel">
      <section className="pl-kpis__list" aria-labelledby={`${listId}-h`}>
        <header className="pl-kpis__head">
          <h2 id={`${listId}-h`}>KPIs of this journey ({kpis.length})</h2>
          {!readOnly && editing === null && (
            <button type="button" className="pl-btn" onClick={() => setEditing('new')}>
              + New KPI
            </button>
          )}
        </header>
        {editing === 'new' && (
          <KpiForm
            initial={blank('rate')}
            steps={steps}
            activities={activities}
            onCancel={() => setEditing(null)}
            onSave={(kpi) => store.dispatch(cmd.addKpi, { kpi: { ...kpi, id: store.newId() } })}
            done={() => setEditing(null)}
          />
        )}
        {kpis.length === 0 && editing !== 'new' && (
          <p className="pl-muted">No KPIs yet. Add a ready-made one from the library, or define your own.</p>
        )}
        <ul className="pl-kpis__items">
          {kpis.map((k) => {
            const v = byId.get(k.id);
            const value = v ? shownField(v, 'value', (x) => formatKpiValue(k, x)) : null;
            const num = v ? shownField(v, 'numerator') : null;
            const den = v ? shownField(v, 'denominator') : null;
            return (
              <li key={k.id} className="pl-kpis__item" data-testid={`kpi-${k.id}`}>
                {editing === k.id ? (
                  <KpiForm
                    initial={k}
                    steps={steps}
                    activities={activities}
                    onCancel={() => setEditing(null)}
                    onSave={(kpi) => store.dispatch(cmd.updateKpi, { kpiId: k.id, kpi })}
                    done={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <div className="pl-kpis__row">
                      <strong>{k.name}</strong>
                      <span className="pl-chip pl-chip--tag">{KIND_WORDS[k.kind]}</span>
                      {value && (
                        <span className="pl-kpis__value" title={(v && hiddenHelp([v])) ?? undefined}>
                          <Shown value={value} />
                          {k.kind !== 'score' && k.kind !== 'cost-per' && num && den && (
                            <small>
                              {' '}
                              <Shown value={num} /> / <Shown value={den} />
                            </small>
                          )}
                          {k.kind === 'cost-per' && num && den && (
                            <small>
                              {' '}
                              spend <Shown value={num} /> / <Shown value={den} /> patients
                            </small>
                          )}
                        </span>
                      )}
                    </div>
                    <div className="pl-muted">
                      {/* the summary without the name, which heads the card */}
                      {kpiSummary(k, stepName).slice(k.name.length + 3)}
                    </div>
                    {k.description && <div>{k.description}</div>}
                    {shownReference(k.reference) && (
                      <div className="pl-kpis__ref">
                        Source: <cite>{shownReference(k.reference)}</cite>
                      </div>
                    )}
                    {!readOnly && (
                      <div className="pl-kpis__actions">
                        <button
                          type="button"
                          className="pl-btn pl-btn--ghost"
                          onClick={() => setEditing(k.id)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="pl-btn pl-btn--ghost pl-btn--danger"
                          onClick={() => {
                            if (store.dispatch(cmd.deleteKpi, { kpiId: k.id }))
                              store.notify(`KPI “${k.name}” deleted.`, true);
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {!readOnly && (
        <section className="pl-kpis__library" aria-labelledby={`${listId}-lib`}>
          <h2 id={`${listId}-lib`}>Ready-made KPIs</h2>
          <p className="pl-muted">Standard definitions, each written out in full.</p>
          <ul className="pl-kpis__items">
            {library.map((k) => (
              <li key={k.id} className="pl-kpis__item">
                <div className="pl-kpis__row">
                  <strong>{k.name}</strong>
                  <span className="pl-chip pl-chip--tag">{KIND_WORDS[k.kind]}</span>
                  <button
                    type="button"
                    className="pl-btn pl-kpis__add"
                    disabled={taken.has(k.id)}
                    aria-label={taken.has(k.id) ? `${k.name} is on this journey` : `Add ${k.name}`}
                    onClick={() => store.dispatch(cmd.addKpi, { kpi: k })}
                  >
                    {taken.has(k.id) ? 'Added' : 'Add'}
                  </button>
                </div>
                <div className="pl-muted">{k.description}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

type StepOption = { id: string; name: string };

function RefField({
  label,
  value,
  steps,
  listId,
  onChange,
}: {
  label: string;
  value: ActivityRef;
  steps: readonly StepOption[];
  listId: string;
  onChange: (r: ActivityRef) => void;
}) {
  const isStep = 'stepId' in value;
  return (
    <fieldset className="pl-kpiform__ref">
      <legend>{label}</legend>
      <select
        aria-label={`${label}: a step or activities`}
        value={isStep ? value.stepId : ''}
        onChange={(e) => onChange(e.target.value ? { stepId: e.target.value } : { activities: [] })}
      >
        <option value="">Activities…</option>
        {steps.map((s) => (
          <option key={s.id} value={s.id}>
            Step: {s.name}
          </option>
        ))}
      </select>
      {!isStep && (
        <input
          aria-label={`${label} activities, comma-separated`}
          list={listId}
          defaultValue={value.activities.join(', ')}
          onChange={(e) => onChange({ activities: splitList(e.target.value) })}
          placeholder="appointment.booked, …"
        />
      )}
    </fieldset>
  );
}

/** A field's sentence under it, when the last save found it wrong. */
function FieldError({ errors, field }: { errors: Partial<Record<string, string>> | null; field: KpiField }) {
  const text = errors?.[field];
  return text ? (
    <span className="pl-kpiform__fielderror" data-field={field}>
      {text}
    </span>
  ) : null;
}

/**
 * Edits one KPI definition; kind-specific fields. Before saving, the KPI is checked against the shared
 * schema and each wrong field gets a sentence saying what to do (never the schema's raw message).
 */
function KpiForm({
  initial,
  steps,
  activities,
  onSave,
  onCancel,
  done,
}: {
  initial: KpiInput;
  steps: readonly StepOption[];
  activities: readonly ActivityEvidence[] | null;
  onSave: (kpi: KpiInput) => boolean;
  onCancel: () => void;
  done: () => void;
}) {
  const { store } = useEditor();
  const [k, setK] = useState<KpiInput>(initial);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<KpiField | 'form', string>> | null>(null);
  const listId = useId();
  const set = (patch: Record<string, unknown>) => setK((x) => ({ ...x, ...patch }) as KpiInput);
  const fe = (field: KpiField) => <FieldError errors={fieldErrors} field={field} />;
  return (
    <form
      className="pl-kpiform"
      aria-label={initial.name ? `Edit KPI ${initial.name}` : 'New KPI'}
      onSubmit={(e) => {
        e.preventDefault();
        const wrong = kpiFieldErrors(k);
        setFieldErrors(wrong);
        setError(null);
        if (wrong) return;
        if (onSave(k)) done();
        else {
          // The schema passed: what the command refused (e.g. a KPI of that name exists) is its own sentence.
          setError(store.ui.error);
          store.clearError();
        }
      }}
    >
      <datalist id={listId}>
        {(activities ?? []).map((a) => (
          <option key={a.name} value={a.name} />
        ))}
      </datalist>
      <label>
        Name
        <input value={k.name} onChange={(e) => set({ name: e.target.value })} required />
      </label>
      {fe('name')}
      <label>
        Kind
        <select
          value={k.kind}
          onChange={(e) => setK(blank(e.target.value as KpiDefinition['kind'], k as KpiDefinition))}
        >
          {(Object.keys(KIND_WORDS) as KpiDefinition['kind'][]).map((x) => (
            <option key={x} value={x}>
              {KIND_WORDS[x]}
            </option>
          ))}
        </select>
      </label>
      {k.kind === 'rate' && (
        <>
          <label>
            Numerator activities
            <input
              list={listId}
              defaultValue={k.numerator.join(', ')}
              onChange={(e) => set({ numerator: splitList(e.target.value) })}
            />
          </label>
          {fe('numerator')}
          <label>
            Denominator activities
            <input
              list={listId}
              defaultValue={k.denominator.join(', ')}
              onChange={(e) => set({ denominator: splitList(e.target.value) })}
            />
          </label>
          {fe('denominator')}
          <label>
            Count over
            <select value={k.countOver ?? 'events'} onChange={(e) => set({ countOver: e.target.value })}>
              <option value="events">events</option>
              <option value="cases">patients (cases)</option>
            </select>
          </label>
        </>
      )}
      {(k.kind === 'conversion' || k.kind === 'duration') && (
        <>
          <RefField
            label="From"
            value={k.from}
            steps={steps}
            listId={listId}
            onChange={(from) => set({ from })}
          />
          {fe('from')}
          <RefField label="To" value={k.to} steps={steps} listId={listId} onChange={(to) => set({ to })} />
          {fe('to')}
        </>
      )}
      {k.kind === 'conversion' && (
        <>
          <label>
            Window (days, empty = no limit)
            <input
              type="number"
              min={1}
              value={k.windowDays ?? ''}
              onChange={(e) => set({ windowDays: e.target.value === '' ? null : Number(e.target.value) })}
            />
          </label>
          {fe('windowDays')}
        </>
      )}
      {k.kind === 'cost-per' && (
        <>
          <label>
            Cost activities (empty = every event with a cost)
            <input
              list={listId}
              defaultValue={(k.costActivities ?? []).join(', ')}
              onChange={(e) => set({ costActivities: splitList(e.target.value) })}
              placeholder="ad.clicked, referral.placed"
            />
          </label>
          {fe('costActivities')}
          <RefField
            label="Acquired when reaching"
            value={k.acquired}
            steps={steps}
            listId={listId}
            onChange={(acquired) => set({ acquired })}
          />
          {fe('acquired')}
          <label>
            Split by attribute (empty = no breakdown)
            <input
              value={k.splitBy ?? ''}
              onChange={(e) => set({ splitBy: e.target.value.trim() === '' ? null : e.target.value.trim() })}
              placeholder="source"
            />
          </label>
          {fe('splitBy')}
        </>
      )}
      {k.kind === 'score' && (
        <>
          <label>
            Scale
            <select value={k.scale} onChange={(e) => set({ scale: e.target.value })}>
              <option value="nps">NPS (0–10)</option>
              <option value="csat">CSAT (1–5)</option>
            </select>
          </label>
          <label>
            Survey activity
            <input list={listId} value={k.activity} onChange={(e) => set({ activity: e.target.value })} />
          </label>
          {fe('activity')}
          <label>
            Score attribute
            <input value={k.attribute} onChange={(e) => set({ attribute: e.target.value })} />
          </label>
          {fe('attribute')}
        </>
      )}
      <label>
        Better when
        <select
          value={k.direction ?? 'higher-is-better'}
          onChange={(e) => set({ direction: e.target.value })}
        >
          <option value="higher-is-better">higher</option>
          <option value="lower-is-better">lower</option>
        </select>
      </label>
      <label>
        Reference (where the definition comes from)
        <input value={k.reference ?? ''} onChange={(e) => set({ reference: e.target.value })} />
      </label>
      {fe('reference')}
      {fieldErrors && (
        <div role="alert" className="pl-kpiform__error" data-testid="kpi-form-errors">
          <p>The KPI was not saved:</p>
          <ul>
            {Object.values(fieldErrors).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="pl-kpiform__error">
          {error}
        </p>
      )}
      <div className="pl-kpis__actions">
        <button type="submit" className="pl-btn pl-btn--primary">
          Save KPI
        </button>
        <button type="button" className="pl-btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
