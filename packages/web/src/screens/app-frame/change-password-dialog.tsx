import { PasswordChange, passwordWeakness } from '@pathlight/core';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../../lib/field-errors';
import { Dialog } from '../../ui/dialog/dialog';
import { Field } from '../../ui/field';

interface ChangePasswordDialogProps {
  email: string;
  onClose: () => void;
  /** After the change: the page says so (the dialog closes). */
  onChanged: () => void;
}

/**
 * Change your own password: current one, new one twice. The new one is checked here with the same
 * rules as the server (length, common passwords, repeats, key runs, your e-mail); other sessions end.
 */
export function ChangePasswordDialog({ email, onClose, onChanged }: ChangePasswordDialogProps) {
  const [draft, setDraft] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { repeat, ...body } = draft;
    const parsed = PasswordChange.safeParse(body);
    const next: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    const own = passwordWeakness(draft.newPassword, email);
    if (!next.newPassword && own) next.newPassword = own;
    if (!next.newPassword && repeat !== draft.newPassword) next.repeat = 'type the same new password twice';
    if (Object.keys(next).length > 0 || !parsed.success) {
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.changePassword(parsed.data.currentPassword, parsed.data.newPassword);
      onChanged();
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.status === 429
          ? { '': 'Too many wrong passwords for this account. Wait a few minutes and try again.' }
          : apiFieldErrors(err),
      );
      setBusy(false);
    }
  };

  const input = (key: keyof typeof draft, autoComplete: string) => (a11y: object) => (
    <input
      {...a11y}
      type="password"
      className="input"
      autoComplete={autoComplete}
      value={draft[key]}
      onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
    />
  );

  return (
    <Dialog
      title="Change password"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="change-password" className="btn btn-primary" disabled={busy}>
            Change password
          </button>
        </>
      }
    >
      <form id="change-password" onSubmit={submit} noValidate>
        <Field id="password-current" label="Current password" error={errors.currentPassword}>
          {input('currentPassword', 'current-password')}
        </Field>
        <Field
          id="password-new"
          label="New password"
          hint="At least 12 characters; a few unrelated words work well. You stay signed in here and are signed out everywhere else."
          error={errors.newPassword}
        >
          {input('newPassword', 'new-password')}
        </Field>
        <Field id="password-repeat" label="New password again" error={errors.repeat}>
          {input('repeat', 'new-password')}
        </Field>
        {/* Lets password managers tie the new password to this account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      </form>
      {errors[''] ? (
        <div className="banner banner-error" role="alert">
          {errors['']}
        </div>
      ) : null}
    </Dialog>
  );
}
