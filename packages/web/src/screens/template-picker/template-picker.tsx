import type { Journey, JourneyTemplate } from '@pathlight/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../ui/dialog/dialog';
import { Field } from '../../ui/field';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import styles from './template-picker.module.css';
import { TemplatePreview } from './template-preview';

const categoryLabel: Record<string, string> = {
  'health-system': 'Health system',
  clinic: 'Clinic',
  specialty: 'Specialty care',
  dental: 'Dental',
  aesthetics: 'Aesthetics & wellness',
  'health-tech': 'Health tech',
};

interface TemplatePickerProps {
  workspaceId: string;
  onClose: () => void;
  onCreated: (journey: Journey) => void;
}

/** The template gallery: pick a template on the left, see its stages and a mini map, then create. */
export function TemplatePicker({ workspaceId, onClose, onCreated }: TemplatePickerProps) {
  const list = useResource(() => api.templates.list(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedSummary = list.data?.find((t) => t.id === selectedId) ?? list.data?.[0] ?? null;
  const detail = useResource<JourneyTemplate | null>(async () => {
    if (!selectedSummary) return null;
    return api.templates.get(selectedSummary.id);
  }, [selectedSummary?.id]);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Once the gallery is there, start keyboard users on the selected template (arrows move through them).
  const galleryRef = useRef<HTMLFieldSetElement>(null);
  const hasList = list.data !== undefined;
  useEffect(() => {
    if (hasList) galleryRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [hasList]);

  useEffect(() => {
    if (!nameTouched && selectedSummary) setName(selectedSummary.name);
  }, [selectedSummary, nameTouched]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!selectedSummary) return;
    if (name.trim() === '') {
      setError('Give the journey a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const journey = await api.journeys.create(workspaceId, {
        templateId: selectedSummary.id,
        name: name.trim(),
      });
      onCreated(journey);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Start from a template"
      onClose={onClose}
      wide
      actions={
        <div className={styles.footer}>
          <form id="template-create" onSubmit={create} className={styles.nameForm} noValidate>
            <Field id="template-journey-name" label="Name of your new journey" error={error ?? undefined}>
              {(a11y) => (
                <input
                  {...a11y}
                  className="input"
                  value={name}
                  onChange={(e) => {
                    setNameTouched(true);
                    setName(e.target.value);
                  }}
                />
              )}
            </Field>
          </form>
          <span className={styles.footerSpacer} />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="template-create"
            className="btn btn-primary"
            disabled={busy || !selectedSummary}
          >
            {busy ? 'Creating…' : 'Use this template'}
          </button>
        </div>
      }
    >
      {list.loading && !list.data ? <Loading what="templates" /> : null}
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <div className={styles.layout}>
          <fieldset className={styles.gallery} ref={galleryRef}>
            <legend className="visually-hidden">Templates</legend>
            {list.data.map((t) => {
              const checked = t.id === selectedSummary?.id;
              return (
                <label key={t.id} className={styles.option} data-checked={checked}>
                  <input
                    type="radio"
                    name="template"
                    value={t.id}
                    checked={checked}
                    onChange={() => setSelectedId(t.id)}
                    className={styles.radio}
                  />
                  <span className={styles.optionText}>
                    <span className={styles.optionCategory}>{categoryLabel[t.category] ?? t.category}</span>
                    <span className={styles.optionName}>{t.name}</span>
                    <span className={styles.optionMeta}>
                      {t.stageCount} stages · {t.stepCount} steps
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          <section className={styles.preview} aria-label="Template preview" aria-live="polite">
            {detail.loading && !detail.data ? <Loading what="preview" /> : null}
            {detail.error ? <ErrorBanner error={detail.error} onRetry={detail.reload} /> : null}
            {detail.data ? <TemplatePreview template={detail.data} /> : null}
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}
