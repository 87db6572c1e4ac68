import { type Member, MemberAdd, Role } from '@pathlight/core';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../api';
import { useSignedIn } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../../lib/field-errors';
import { ConfirmDialog } from '../../ui/confirm/confirm-dialog';
import { Field } from '../../ui/field';
import styles from '../../ui/people-table.module.css';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';

export const roleHelp: Record<Role, string> = {
  owner: 'Owner — edits, manages members, deletes',
  editor: 'Editor — creates and edits journeys and personas',
  viewer: 'Viewer — reads everything, changes nothing',
};

/** Server answers worth rewording for people (the last-owner rule above all). */
function memberError(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && /owner/i.test(error.detail)) {
    return 'A workspace must always keep at least one owner. Make someone else an owner first, then try again.';
  }
  return errorMessage(error);
}

/** Workspace members (owners only): add an existing account by email, change roles, remove. */
export function MembersPage() {
  const { workspace, isOwner } = useWorkspace();
  const { user, reloadWorkspaces } = useSignedIn();
  useTitle(`Members — ${workspace.name}`);
  const list = useResource(() => api.members.list(workspace.id), [workspace.id]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [demotingSelf, setDemotingSelf] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);

  if (!isOwner) {
    return (
      <div className="banner banner-info" role="status">
        Only owners of {workspace.name} manage its members.
      </div>
    );
  }

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = MemberAdd.safeParse({ email, role });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const m = await api.members.add(workspace.id, parsed.data);
      setNotice({ tone: 'success', text: `Added ${m.name} as ${m.role}.` });
      setEmail('');
      list.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409)
        setErrors({ email: 'this person is already a member' });
      else setErrors(apiFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const changeRole = async (m: Member, next: Role) => {
    setNotice(null);
    try {
      await api.members.setRole(workspace.id, m.userId, next);
      setNotice({ tone: 'success', text: `${m.name} is now ${next === 'owner' ? 'an' : 'a'} ${next}.` });
      if (m.userId === user.id) await reloadWorkspaces();
    } catch (err) {
      setNotice({ tone: 'error', text: memberError(err) });
    }
    list.reload();
  };

  return (
    <div className={styles.page}>
      <div>
        <h1>Members</h1>
        <p className="muted">Who can see and change {workspace.name}.</p>
      </div>
      {notice ? (
        <div className={`banner banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      ) : null}
      <section className={styles.panel} aria-labelledby="add-member-title">
        <h2 id="add-member-title">Add a member</h2>
        <p className="muted">
          The person needs a Pathlight account first; an administrator creates accounts under Users.
        </p>
        <form className={styles.addForm} onSubmit={add} noValidate>
          <Field id="member-email" label="Email" error={errors.email}>
            {(a) => (
              <input
                {...a}
                type="email"
                className="input"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                placeholder="name@clinic.org"
              />
            )}
          </Field>
          <Field id="member-role" label="Role" error={errors.role}>
            {(a) => (
              <select
                {...a}
                className="select"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
              >
                {Role.options.map((r) => (
                  <option key={r} value={r}>
                    {roleHelp[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Add member
          </button>
        </form>
        {errors[''] && !errors.email ? (
          <div className="banner banner-error" role="alert">
            {errors['']}
          </div>
        ) : null}
      </section>
      {list.loading && !list.data ? <Loading what="members" /> : null}
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <table className={styles.table}>
          <caption className="visually-hidden">Members of {workspace.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  {m.userId === user.id ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{m.email}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                    Role of {m.name}
                  </label>
                  <select
                    id={`role-${m.userId}`}
                    className="select"
                    value={m.role}
                    onChange={(e) => {
                      const next = e.target.value as Role;
                      // Stepping down yourself ends your access to this page: ask first.
                      if (m.userId === user.id && next !== 'owner') setDemotingSelf(next);
                      else changeRole(m, next);
                    }}
                  >
                    {Role.options.map((r) => (
                      <option key={r} value={r}>
                        {r[0]?.toUpperCase()}
                        {r.slice(1)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={styles.actions}>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small btn-danger-text"
                    onClick={() => setRemoving(m)}
                  >
                    Remove<span className="visually-hidden"> {m.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {demotingSelf ? (
        <ConfirmDialog
          title="Step down as owner?"
          message={`You will become ${demotingSelf === 'editor' ? 'an editor' : 'a viewer'} of ${workspace.name} and can no longer manage its members. Another owner can make you an owner again.`}
          confirmLabel={`Become ${demotingSelf}`}
          onClose={() => setDemotingSelf(null)}
          onConfirm={async () => {
            const me = list.data?.find((m) => m.userId === user.id);
            if (me) await changeRole(me, demotingSelf);
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="Remove this member?"
          message={`${removing.name} (${removing.email}) will lose access to ${workspace.name}. Their account stays; you can add them again later.`}
          confirmLabel="Remove member"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            try {
              await api.members.remove(workspace.id, removing.userId);
            } catch (err) {
              throw new Error(memberError(err));
            }
            setNotice({ tone: 'success', text: `Removed ${removing.name}.` });
            list.reload();
            if (removing.userId === user.id) await reloadWorkspaces();
          }}
        />
      ) : null}
    </div>
  );
}
