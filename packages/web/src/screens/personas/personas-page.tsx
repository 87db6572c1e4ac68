import type { Persona, PersonaContent } from '@pathlight/core';
import { useState } from 'react';
import { ApiError, api } from '../../api';
import { useWorkspace } from '../../app/workspace';
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { ConfirmDialog } from '../../ui/confirm/confirm-dialog';
import { Dialog } from '../../ui/dialog/dialog';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import { channelLabel, kindLabel } from './labels';
import { draftOf, emptyDraft, PersonaForm } from './persona-form';
import styles from './personas.module.css';

type Editing = { persona: Persona | null; formKey: number; conflict: Persona | null };

/** The workspace's persona library: cards, create/edit in a dialog, delete with confirmation. */
export function PersonasPage() {
  const { workspace, canEdit, isOwner } = useWorkspace();
  useTitle(`Personas — ${workspace.name}`);
  const list = useResource(() => api.personas.list(workspace.id), [workspace.id]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Persona | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (persona: Persona | null) => {
    setErrors({});
    setEditing({ persona, formKey: Date.now(), conflict: null });
  };

  const save = async (value: PersonaContent) => {
    if (!editing) return;
    setBusy(true);
    setErrors({});
    try {
      const saved = editing.persona
        ? await api.personas.update(editing.persona.id, editing.persona.version, value)
        : await api.personas.create(workspace.id, value);
      setNotice(editing.persona ? `Saved “${saved.name}”.` : `Added “${saved.name}” to the library.`);
      setEditing(null);
      list.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && editing.persona) {
        const current = await api.personas
          .list(workspace.id)
          .then((all) => all.find((p) => p.id === editing.persona?.id));
        setEditing({ ...editing, conflict: current ?? null });
      } else {
        setErrors(apiFieldErrors(e));
      }
    } finally {
      setBusy(false);
    }
  };

  if (list.loading && !list.data) return <Loading what="personas" />;
  if (list.error && !list.data) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const personas = list.data ?? [];

  return (
    <div className={styles.page}>
      <div className={styles.titleRow}>
        <div>
          <h1>Personas</h1>
          <p className="muted">
            The people your journeys are about — reused across every journey in {workspace.name}.
          </p>
        </div>
        {canEdit ? (
          <button type="button" className="btn btn-primary" onClick={() => open(null)}>
            New persona
          </button>
        ) : null}
      </div>
      {notice ? (
        <div className="banner banner-success" role="status">
          <span>{notice}</span>
        </div>
      ) : null}
      {personas.length === 0 ? (
        <section className={styles.empty}>
          <h2>No personas yet</h2>
          <p>
            A persona describes one kind of person on a journey — a first-time patient, a carer, a front-desk
            receptionist. Journeys created from a template bring their personas with them.
          </p>
          {canEdit ? (
            <button type="button" className="btn btn-primary" onClick={() => open(null)}>
              Create a persona
            </button>
          ) : null}
        </section>
      ) : (
        <ul className={styles.grid} aria-label="Personas">
          {personas.map((p) => (
            <li key={p.id} className={styles.card} style={{ borderTopColor: p.color }}>
              <div className={styles.cardHead}>
                <span className={styles.swatch} style={{ background: p.color }} aria-hidden="true" />
                <div>
                  <h2 className={styles.cardName}>{p.name}</h2>
                  <p className={styles.kind}>
                    {kindLabel[p.kind].split(' (')[0]}
                    {p.role ? ` · ${p.role}` : ''}
                  </p>
                </div>
              </div>
              {p.summary ? <p className={styles.summary}>{p.summary}</p> : null}
              {p.quote ? (
                <blockquote className={styles.quote}>“{p.quote.replace(/^["“']+|["”']+$/g, '')}”</blockquote>
              ) : null}
              <dl className={styles.facts}>
                <div>
                  <dt>Goals</dt>
                  <dd>{p.goals.length}</dd>
                </div>
                <div>
                  <dt>Needs</dt>
                  <dd>{p.needs.length}</dd>
                </div>
                <div>
                  <dt>Barriers</dt>
                  <dd>{p.barriers.length}</dd>
                </div>
                <div>
                  <dt>Evidence</dt>
                  <dd>{p.evidence.length === 0 ? 'none (assumed)' : p.evidence.length}</dd>
                </div>
              </dl>
              {p.channels.length > 0 ? (
                <p className={styles.channels}>
                  <span className="visually-hidden">Preferred channels: </span>
                  {p.channels.map((c) => (
                    <span key={c} className="chip">
                      {channelLabel[c]}
                    </span>
                  ))}
                </p>
              ) : null}
              {canEdit ? (
                <div className={styles.cardActions}>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => open(p)}
                    aria-label={`Edit ${p.name}`}
                  >
                    Edit
                  </button>
                  {isOwner ? (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small btn-danger-text"
                      onClick={() => setDeleting(p)}
                      aria-label={`Delete ${p.name}`}
                    >
                      Delete
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {editing ? (
        <Dialog
          title={editing.persona ? `Edit ${editing.persona.name}` : 'New persona'}
          wide
          onClose={() => setEditing(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => setEditing(null)}>
                Cancel
              </button>
              <button type="submit" form="persona-form" className="btn btn-primary" disabled={busy}>
                {busy ? 'Saving…' : editing.persona ? 'Save changes' : 'Create persona'}
              </button>
            </>
          }
        >
          {editing.conflict ? (
            <div className="banner banner-warning" role="alert">
              <span>
                <strong>Someone else saved this persona while you were editing.</strong> Your changes are
                still in the form and have not been saved. Load their version to continue from it (your edits
                here will be replaced), or copy what you need first.
              </span>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  editing.conflict &&
                  setEditing({ persona: editing.conflict, formKey: Date.now(), conflict: null })
                }
              >
                Load their version
              </button>
            </div>
          ) : null}
          <PersonaForm
            key={editing.formKey}
            formId="persona-form"
            initial={editing.persona ? draftOf(editing.persona) : emptyDraft()}
            errors={errors}
            onValidationErrors={setErrors}
            onSubmit={save}
          />
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this persona?"
          message={`“${deleting.name}” will be removed from the library. Journeys that use it keep their cards, but its emotion curve will no longer show a name. This cannot be undone.`}
          confirmLabel="Delete persona"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.personas.remove(deleting.id);
            setNotice(`Deleted “${deleting.name}”.`);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
