import {
  Channel,
  Confidence,
  type Evidence,
  EvidenceKind,
  type Persona,
  PersonaContent,
  type PersonaInput,
  PersonaKind,
} from '@pathlight/core';
import { type FormEvent, useId, useState } from 'react';
import { type FieldErrors, zodFieldErrors } from '../../lib/field-errors';
import { Field } from '../../ui/field';
import { channelLabel, confidenceLabel, evidenceKindLabel, kindLabel } from './labels';
import styles from './personas.module.css';

/** The form's own state: lists as arrays of strings, evidence dates as '' when unset. */
export interface PersonaDraft {
  name: string;
  kind: PersonaKind;
  role: string;
  summary: string;
  goals: string[];
  needs: string[];
  barriers: string[];
  channels: Channel[];
  quote: string;
  color: string;
  evidence: { kind: EvidenceKind; source: string; date: string; confidence: Confidence }[];
  /** The template persona it was made from: kept through edits, so later journeys still link to it. */
  origin: PersonaContent['origin'];
}

/** An empty draft for a new persona. */
export function emptyDraft(): PersonaDraft {
  return {
    name: '',
    kind: 'patient',
    role: '',
    summary: '',
    goals: [],
    needs: [],
    barriers: [],
    channels: [],
    quote: '',
    color: '#2563eb',
    evidence: [],
    origin: null,
  };
}

/** A draft from a stored persona. */
export function draftOf(p: Persona): PersonaDraft {
  return {
    name: p.name,
    kind: p.kind,
    role: p.role,
    summary: p.summary,
    goals: [...p.goals],
    needs: [...p.needs],
    barriers: [...p.barriers],
    channels: [...p.channels],
    quote: p.quote,
    color: p.color,
    evidence: p.evidence.map((e) => ({ ...e, date: e.date ?? '' })),
    origin: p.origin ?? null,
  };
}

/** Validates a draft with the core schema; blank list rows are dropped, '' dates become null. */
export function parseDraft(
  d: PersonaDraft,
): { ok: true; value: PersonaContent } | { ok: false; errors: FieldErrors } {
  const input: PersonaInput = {
    ...d,
    goals: d.goals.filter((g) => g.trim() !== ''),
    needs: d.needs.filter((g) => g.trim() !== ''),
    barriers: d.barriers.filter((g) => g.trim() !== ''),
    evidence: d.evidence.map((e): Evidence => ({ ...e, date: e.date === '' ? null : e.date })),
  };
  const parsed = PersonaContent.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodFieldErrors(parsed.error) };
}

interface PersonaFormProps {
  initial: PersonaDraft;
  /** Errors to show by field path (local or from the server). */
  errors: FieldErrors;
  onValidationErrors: (errors: FieldErrors) => void;
  onSubmit: (value: PersonaContent) => void;
  formId: string;
}

/** Create/edit a persona: every field labelled, lists editable, errors beside the field they concern. */
export function PersonaForm({ initial, errors, onValidationErrors, onSubmit, formId }: PersonaFormProps) {
  const [d, setD] = useState<PersonaDraft>(initial);
  const set = <K extends keyof PersonaDraft>(key: K, value: PersonaDraft[K]) =>
    setD((cur) => ({ ...cur, [key]: value }));
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = parseDraft(d);
    if (result.ok) {
      onSubmit(result.value);
      return;
    }
    onValidationErrors(result.errors);
    // Take the user to the first field that needs attention (the dialog may be scrolled away from it).
    const form = e.currentTarget as HTMLFormElement;
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form id={formId} className={styles.form} onSubmit={submit} noValidate>
      <div className={styles.row2}>
        <Field id={id('name')} label="Name" error={errors.name}>
          {(a) => (
            <input
              {...a}
              className="input"
              value={d.name}
              onChange={(e) => set('name', e.target.value)}
              placeholder="e.g. Anxious first-time patient"
            />
          )}
        </Field>
        <Field id={id('kind')} label="Kind" error={errors.kind}>
          {(a) => (
            <select
              {...a}
              className="select"
              value={d.kind}
              onChange={(e) => set('kind', e.target.value as PersonaKind)}
            >
              {PersonaKind.options.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className={styles.row2}>
        <Field
          id={id('role')}
          label="Role or job title"
          hint="For staff and buyers, e.g. Medical director."
          error={errors.role}
        >
          {(a) => (
            <input {...a} className="input" value={d.role} onChange={(e) => set('role', e.target.value)} />
          )}
        </Field>
        <Field
          id={id('color')}
          label="Colour on the map"
          hint="Used for this persona's emotion curve."
          error={errors.color}
        >
          {(a) => (
            <span className={styles.colorRow}>
              <input
                {...a}
                type="color"
                className={styles.color}
                value={d.color}
                onChange={(e) => set('color', e.target.value)}
              />
              <code>{d.color}</code>
            </span>
          )}
        </Field>
      </div>
      <Field
        id={id('summary')}
        label="Summary"
        hint="Who they are and what matters to them, in a few sentences."
        error={errors.summary}
      >
        {(a) => (
          <textarea
            {...a}
            className="textarea"
            value={d.summary}
            onChange={(e) => set('summary', e.target.value)}
          />
        )}
      </Field>
      <div className={styles.row3}>
        <ListEditor
          label="Goals"
          singular="goal"
          items={d.goals}
          onChange={(v) => set('goals', v)}
          errors={errors}
          path="goals"
        />
        <ListEditor
          label="Needs"
          singular="need"
          items={d.needs}
          onChange={(v) => set('needs', v)}
          errors={errors}
          path="needs"
        />
        <ListEditor
          label="Barriers"
          singular="barrier"
          items={d.barriers}
          onChange={(v) => set('barriers', v)}
          errors={errors}
          path="barriers"
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend className="field-label">Preferred channels</legend>
        <div className={styles.checks}>
          {Channel.options.map((c) => (
            <label key={c} className={styles.check}>
              <input
                type="checkbox"
                checked={d.channels.includes(c)}
                onChange={(e) =>
                  set('channels', e.target.checked ? [...d.channels, c] : d.channels.filter((x) => x !== c))
                }
              />
              {channelLabel[c]}
            </label>
          ))}
        </div>
        {errors.channels ? <span className="field-error">Channels: {errors.channels}</span> : null}
      </fieldset>
      <Field
        id={id('quote')}
        label="Quote"
        hint="Something this kind of person really said, in their words."
        error={errors.quote}
      >
        {(a) => (
          <input {...a} className="input" value={d.quote} onChange={(e) => set('quote', e.target.value)} />
        )}
      </Field>
      <EvidenceEditor items={d.evidence} onChange={(v) => set('evidence', v)} errors={errors} />
      {errors[''] ? (
        <div className="banner banner-error" role="alert">
          {errors['']}
        </div>
      ) : null}
    </form>
  );
}

function ListEditor({
  label,
  singular,
  items,
  onChange,
  errors,
  path,
}: {
  label: string;
  singular: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: FieldErrors;
  path: string;
}) {
  const uid = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend className="field-label">{label}</legend>
      <ul className={styles.list}>
        {items.map((item, i) => {
          const error = errors[`${path}.${i}`];
          const inputId = `${uid}-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a plain string list
            <li key={i}>
              <span className={styles.listRow}>
                <label htmlFor={inputId} className="visually-hidden">
                  {`${label} ${i + 1}`}
                </label>
                <input
                  id={inputId}
                  className="input"
                  value={item}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove ${singular} ${i + 1}`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </span>
              {error ? (
                <span id={`${inputId}-error`} className="field-error">
                  {error}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {errors[path] ? <span className="field-error">{errors[path]}</span> : null}
      <button type="button" className="btn btn-small" onClick={() => onChange([...items, ''])}>
        + Add {singular}
      </button>
    </fieldset>
  );
}

function EvidenceEditor({
  items,
  onChange,
  errors,
}: {
  items: PersonaDraft['evidence'];
  onChange: (items: PersonaDraft['evidence']) => void;
  errors: FieldErrors;
}) {
  const uid = useId();
  const update = (i: number, patch: Partial<PersonaDraft['evidence'][number]>) =>
    onChange(items.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset className={styles.fieldset}>
      <legend className="field-label">Evidence</legend>
      <p className="field-hint">
        What this persona is based on. Mark each source as observed, reported or assumed.
      </p>
      {items.length === 0 ? (
        <p className="muted">No evidence yet: this persona counts as an assumption.</p>
      ) : null}
      {items.map((e, i) => {
        const base = `${uid}-ev-${i}`;
        const err = (f: string) => errors[`evidence.${i}.${f}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence rows have no id of their own
          <fieldset key={i} className={styles.evidenceRow} aria-label={`Evidence ${i + 1}`}>
            <Field id={`${base}-kind`} label="Kind" error={err('kind')}>
              {(a) => (
                <select
                  {...a}
                  className="select"
                  value={e.kind}
                  onChange={(ev) => update(i, { kind: ev.target.value as EvidenceKind })}
                >
                  {EvidenceKind.options.map((k) => (
                    <option key={k} value={k}>
                      {evidenceKindLabel[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${base}-source`} label="Source" error={err('source')}>
              {(a) => (
                <input
                  {...a}
                  className="input"
                  value={e.source}
                  placeholder="e.g. 12 patient interviews, May 2026"
                  onChange={(ev) => update(i, { source: ev.target.value })}
                />
              )}
            </Field>
            <Field id={`${base}-date`} label="Date" error={err('date')}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  className="input"
                  value={e.date}
                  onChange={(ev) => update(i, { date: ev.target.value })}
                />
              )}
            </Field>
            <Field id={`${base}-confidence`} label="Confidence" error={err('confidence')}>
              {(a) => (
                <select
                  {...a}
                  className="select"
                  value={e.confidence}
                  onChange={(ev) => update(i, { confidence: ev.target.value as Confidence })}
                >
                  {Confidence.options.map((c) => (
                    <option key={c} value={c}>
                      {confidenceLabel[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`Remove evidence ${i + 1}`}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange([...items, { kind: 'interview', source: '', date: '', confidence: 'reported' }])
        }
      >
        + Add evidence
      </button>
    </fieldset>
  );
}
