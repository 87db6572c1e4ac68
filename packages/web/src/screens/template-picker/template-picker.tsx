import type { Journey, JourneyTemplate } from '@pathlight/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../ui/dialog/dialog';
import { Field } from '../../ui/field';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { categoryLabel } from './categories';
import styles from './template-picker.module.css';
import { TemplatePreview } from './template-preview';

interface TemplatePickerProps {
  workspaceId: string;
  /** Owners may delete the workspace's own templates (editors may rename them). */
  canDelete?: boolean;
  onClose: () => void;
  onCreated: (journey: Journey) => void;
}

/**
 * The template gallery: the workspace's own templates above the built-in ones; pick one on the left, see its
 * stages and a mini map, then create. A selected workspace template can be renamed here (and deleted by owners).
 */
export function TemplatePicker({ workspaceId, canDelete = false, onClose, onCreated }: TemplatePickerProps) {
  const list = useResource(() => api.templates.list(), []);
  const own = useResource(() => api.templates.listWorkspace(workspaceId), [workspaceId]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const all = [...(own.data ?? []), ...(list.data ?? [])];
  const selectedSummary = all.find((t) => t.id === selectedId) ?? all[0] ?? null;
  const selectedOwn = own.data?.find((t) => t.id === selectedSummary?.id) ?? null;
  const detail = useResource<JourneyTemplate | null>(async () => {
    if (!selectedSummary) return null;
    return api.templates.get(selectedSummary.id);
  }, [selectedSummary?.id, selectedOwn?.version]);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Once the gallery is there, start keyboard users on the selected template (arrows move through them).
  const galleryRef = useRef<HTMLDivElement>(null);
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
          <div className={styles.gallery} ref={galleryRef}>
            {own.error ? <ErrorBanner error={own.error} onRetry={own.reload} /> : null}
            {own.data && own.data.length > 0 ? (
              <fieldset className={styles.group}>
                <legend className={styles.groupLegend}>Your templates</legend>
                {own.data.map((t) => (
                  <TemplateOption
                    key={t.id}
                    template={t}
                    checked={t.id === selectedSummary?.id}
                    onSelect={() => setSelectedId(t.id)}
                  />
                ))}
              </fieldset>
            ) : null}
            <fieldset className={styles.group}>
              <legend className={own.data?.length ? styles.groupLegend : 'visually-hidden'}>
                {own.data?.length ? 'Built-in templates' : 'Templates'}
              </legend>
              {list.data.map((t) => (
                <TemplateOption
                  key={t.id}
                  template={t}
                  checked={t.id === selectedSummary?.id}
                  onSelect={() => setSelectedId(t.id)}
                />
              ))}
            </fieldset>
          </div>
          <section className={styles.preview} aria-label="Template preview" aria-live="polite">
            {detail.loading && !detail.data ? <Loading what="preview" /> : null}
            {detail.error ? <ErrorBanner error={detail.error} onRetry={detail.reload} /> : null}
            {selectedOwn ? (
              <OwnTemplateActions
                key={selectedOwn.id}
                summary={selectedOwn}
                canDelete={canDelete}
                onChanged={() => own.reload()}
                onDeleted={() => {
                  setSelectedId(null);
                  own.reload();
                }}
              />
            ) : null}
            {detail.data ? <TemplatePreview template={detail.data} /> : null}
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}

interface OptionSummary {
  id: string;
  name: string;
  category: string;
  stageCount: number;
  stepCount: number;
}

/** One radio card in the gallery. */
function TemplateOption({
  template: t,
  checked,
  onSelect,
}: {
  template: OptionSummary;
  checked: boolean;
  onSelect: () => void;
}) {
  return (
    <label className={styles.option} data-checked={checked}>
      <input
        type="radio"
        name="template"
        value={t.id}
        checked={checked}
        onChange={onSelect}
        className={styles.radio}
      />
      <span className={styles.optionText}>
        <span className={styles.optionCategory}>
          {categoryLabel[t.category as keyof typeof categoryLabel] ?? t.category}
        </span>
        <span className={styles.optionName}>{t.name}</span>
        <span className={styles.optionMeta}>
          {t.stageCount} stages · {t.stepCount} steps
        </span>
      </span>
    </label>
  );
}

/** Rename (editors) and delete with a confirmation (owners) for a workspace template. */
function OwnTemplateActions({
  summary,
  canDelete,
  onChanged,
  onDeleted,
}: {
  summary: { id: string; name: string; version: number };
  canDelete: boolean;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'confirm-delete'>('idle');
  const [name, setName] = useState(summary.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setError('Give the template a name.');
      return;
    }
    void act(async () => {
      // The server stores whole templates: read the current one and save it back under the new name.
      const current = await api.templates.get(summary.id);
      if (!('version' in current)) throw new Error('Built-in templates cannot be renamed.');
      const {
        id: _id,
        workspaceId: _w,
        version,
        createdAt: _c,
        createdBy: _cb,
        updatedAt: _u,
        updatedBy: _ub,
        ...body
      } = current;
      await api.templates.update(summary.id, version, { ...body, name: name.trim() });
      setMode('idle');
      onChanged();
    });
  };

  return (
    <div className={styles.ownActions}>
      {mode === 'rename' ? (
        <form onSubmit={rename} className={styles.ownForm} noValidate>
          <Field id="own-template-name" label="Template name" error={error ?? undefined}>
            {(a11y) => (
              <input {...a11y} className="input" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
            Save name
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      ) : mode === 'confirm-delete' ? (
        <div role="alertdialog" aria-label="Delete template" className={styles.ownForm}>
          <p>
            Delete “{summary.name}” for everyone in this workspace? Journeys made from it stay as they are.
          </p>
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await api.templates.remove(summary.id);
                onDeleted();
              })
            }
          >
            Delete template
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
            Keep it
          </button>
          {error ? (
            <p className="banner banner-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <button type="button" className="btn btn-small" onClick={() => setMode('rename')}>
            Rename…
          </button>
          {canDelete ? (
            <button type="button" className="btn btn-small" onClick={() => setMode('confirm-delete')}>
              Delete…
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
