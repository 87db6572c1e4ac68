import { Name } from '@pathlight/core';
import { type FormEvent, useState } from 'react';
import { api, type JourneySummary, type TemplateCategory } from '../../api';
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { Dialog } from '../../ui/dialog/dialog';
import { Field } from '../../ui/field';
import { categoryLabel } from '../template-picker/categories';

/** Saves a journey as a workspace template: name, summary and category; the map and its personas are copied. */
export function SaveTemplateDialog({
  workspaceId,
  journey,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  journey: Pick<JourneySummary, 'id' | 'name'>;
  onClose: () => void;
  onSaved: (template: { id: string; name: string }) => void;
}) {
  const [name, setName] = useState(journey.name);
  const [summary, setSummary] = useState('');
  const [category, setCategory] = useState<TemplateCategory>('clinic');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = Name.safeParse(name);
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues[0]?.message ?? 'is not valid' });
      return;
    }
    setBusy(true);
    try {
      const saved = await api.templates.saveJourney(workspaceId, {
        name: parsed.data,
        summary: summary.trim(),
        category,
        journeyId: journey.id,
      });
      onSaved(saved);
    } catch (err) {
      setErrors(apiFieldErrors(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Save as template"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="save-template" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save template'}
          </button>
        </>
      }
    >
      <p className="muted">
        Your team will find it under “Your templates” when starting a journey. The map is copied as it is now,
        with the personas on its emotion curves.
      </p>
      <form id="save-template" onSubmit={submit} noValidate>
        <Field id="template-name" label="Template name" error={errors.name || undefined}>
          {(a11y) => (
            <input {...a11y} className="input" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field id="template-summary" label="Summary" error={errors.summary || undefined}>
          {(a11y) => (
            <textarea
              {...a11y}
              className="input"
              rows={3}
              maxLength={1000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              placeholder="What this journey covers and when to use it"
            />
          )}
        </Field>
        <Field id="template-category" label="Category" error={errors.category || undefined}>
          {(a11y) => (
            <select
              {...a11y}
              className="input"
              value={category}
              onChange={(e) => setCategory(e.target.value as TemplateCategory)}
            >
              {Object.entries(categoryLabel).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {errors[''] || errors.journeyId ? (
        <div className="banner banner-error" role="alert">
          {errors.journeyId || errors['']}
        </div>
      ) : null}
    </Dialog>
  );
}
