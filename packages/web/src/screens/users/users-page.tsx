import { type User, UserCreate } from '@pathlight/core';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../api';
import { useSignedIn } from '../../app/session';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../../lib/field-errors';
import { Field } from '../../ui/field';
import shared from '../../ui/people-table.module.css';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import own from './users.module.css';

const styles = { ...shared, ...own };

/** User accounts (administrators): create an account, disable or enable one. */
export function UsersPage() {
  const { user: me } = useSignedIn();
  useTitle('Users');
  const list = useResource(() => api.users.list(), []);
  const [draft, setDraft] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!me.isAdmin) {
    return (
      <div className="banner banner-info" role="status">
        Only administrators manage user accounts.
      </div>
    );
  }

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = UserCreate.safeParse(draft);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const u = await api.users.create(parsed.data);
      setNotice({
        tone: 'success',
        text: `Created an account for ${u.name}. Give them their password in person, then add them to a workspace under Members.`,
      });
      setDraft({ name: '', email: '', password: '' });
      list.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409)
        setErrors({ email: 'an account with this email already exists' });
      else setErrors(apiFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (u: User) => {
    setNotice(null);
    try {
      await api.users.update(u.id, { disabled: !u.disabled });
      setNotice({
        tone: 'success',
        text: u.disabled ? `${u.name} can sign in again.` : `${u.name} can no longer sign in.`,
      });
      list.reload();
    } catch (err) {
      setNotice({ tone: 'error', text: errorMessage(err) });
    }
  };

  return (
    <div className={styles.page}>
      <div>
        <h1>Users</h1>
        <p className="muted">Everyone with a Pathlight account on this server.</p>
      </div>
      {notice ? (
        <div className={`banner banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      ) : null}
      <section className={styles.panel} aria-labelledby="create-user-title">
        <h2 id="create-user-title">Create an account</h2>
        <form className={styles.userForm} onSubmit={create} noValidate>
          <Field id="user-name" label="Full name" error={errors.name}>
            {(a) => (
              <input
                {...a}
                className="input"
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </Field>
          <Field id="user-email" label="Email" error={errors.email}>
            {(a) => (
              <input
                {...a}
                type="email"
                className="input"
                value={draft.email}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              />
            )}
          </Field>
          <Field id="user-password" label="Password" hint="At least 12 characters." error={errors.password}>
            {(a) => (
              <input
                {...a}
                type="password"
                autoComplete="new-password"
                className="input"
                value={draft.password}
                onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create account
          </button>
        </form>
        {errors[''] && Object.keys(errors).length === 1 ? (
          <div className="banner banner-error" role="alert">
            {errors['']}
          </div>
        ) : null}
      </section>
      {list.loading && !list.data ? <Loading what="users" /> : null}
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <table className={styles.table}>
          <caption className="visually-hidden">User accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Access</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name}
                  {u.id === me.id ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{u.email}</td>
                <td>
                  {u.disabled ? (
                    <span className={styles.disabled}>Disabled — cannot sign in</span>
                  ) : u.isAdmin ? (
                    'Active · administrator'
                  ) : (
                    'Active'
                  )}
                </td>
                <td className={styles.actions}>
                  {u.id === me.id ? null : (
                    <button type="button" className="btn btn-small" onClick={() => toggle(u)}>
                      {u.disabled ? 'Enable' : 'Disable'}
                      <span className="visually-hidden"> {u.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
