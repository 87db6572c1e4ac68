import { type Workspace, WorkspaceCreate } from '@pathlight/core';
import { type FormEvent, useCallback, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../../lib/field-errors';
import { navigate } from '../../router/router';
import { Dialog } from '../../ui/dialog/dialog';
import { useDismiss } from '../../ui/use-dismiss';
import styles from './app-frame.module.css';

interface SwitcherProps {
  workspaces: Workspace[];
  current: Workspace | null;
  onCreated: (workspace: Workspace) => Promise<void>;
}

const roleLabel = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const;

/** Shows the current workspace; opens a list to switch, and a dialog to create a new one. */
export function WorkspaceSwitcher({ workspaces, current, onCreated }: SwitcherProps) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const listId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);

  useDismiss(open, wrapRef, closeMenu);

  return (
    <div className={styles.switcher} ref={wrapRef}>
      <button
        type="button"
        className={styles.switcherButton}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.switcherLabel}>Workspace</span>
        <span className={styles.switcherName}>
          {current?.name ?? (workspaces.length === 0 ? 'None yet' : 'Choose a workspace')}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={listId} className={styles.popover}>
          <ul className={styles.workspaceList} aria-label="Your workspaces">
            {workspaces.map((w) => (
              <li key={w.id}>
                <button
                  type="button"
                  className={styles.workspaceItem}
                  aria-current={w.id === current?.id ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    navigate(`/w/${w.id}/journeys`);
                  }}
                >
                  <span>{w.name}</span>
                  <span className={styles.roleTag}>{roleLabel[w.role]}</span>
                  {w.id === current?.id ? <span className="visually-hidden">(current)</span> : null}
                </button>
              </li>
            ))}
            {workspaces.length === 0 ? <li className="muted">You are not in any workspace yet.</li> : null}
          </ul>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            + New workspace
          </button>
        </div>
      ) : null}
      {creating ? <CreateWorkspaceDialog onClose={() => setCreating(false)} onCreated={onCreated} /> : null}
    </div>
  );
}

/** The "new workspace" dialog; the creator becomes its owner. */
export function CreateWorkspaceDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (workspace: Workspace) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = WorkspaceCreate.safeParse({ name });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      const ws = await api.workspaces.create(parsed.data.name);
      await onCreated(ws);
      onClose();
    } catch (err) {
      setErrors(apiFieldErrors(err));
      setBusy(false);
    }
  };
  const nameError = errors.name;
  return (
    <Dialog
      title="New workspace"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="create-workspace" className="btn btn-primary" disabled={busy}>
            Create workspace
          </button>
        </>
      }
    >
      <p className="muted">
        A workspace holds the journeys and personas of one organisation or clinic group. You will be its
        owner.
      </p>
      <form id="create-workspace" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="workspace-name">Workspace name</label>
          <input
            id="workspace-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Riverside Family Practice"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? errorId : undefined}
          />
          {nameError ? (
            <span id={errorId} className="field-error">
              Name {nameError}
            </span>
          ) : null}
        </div>
      </form>
      {errors[''] && !nameError ? (
        <div className="banner banner-error" role="alert">
          {errors['']}
        </div>
      ) : null}
    </Dialog>
  );
}
