import { LoginRequest } from '@pathlight/core';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, errorMessage } from '../../api';
import { useTitle } from '../../ui/use-title';
import styles from './sign-in.module.css';

interface SignInProps {
  onSignIn: (email: string, password: string) => Promise<void>;
  /** True when the previous session ran out, so the page says why it is here. */
  expired?: boolean;
}

/** What to tell the user when sign-in fails, in plain words. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return 'That email and password do not match an active account. Check them and try again.';
    if (error.status === 429) {
      const minutes =
        error.retryAfterSeconds === null ? null : Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return minutes === null
        ? 'Too many attempts. Please wait a few minutes and try again.'
        : `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    }
  }
  return errorMessage(error);
}

/** The sign-in page: email and password, with a clear message on failure. */
export function SignIn({ onSignIn, expired = false }: SignInProps) {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const emailError = useId();
  const passwordError = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = LoginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const next: { email?: string; password?: string } = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'email') next.email ??= 'Enter an email address like name@clinic.org.';
        if (issue.path[0] === 'password') next.password ??= 'Enter your password.';
      }
      setFieldErrors(next);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await onSignIn(parsed.data.email, parsed.data.password);
    } catch (err) {
      setError(signInErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            ◆
          </span>
          <span>Pathlight</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Map how patients move through care, together with your team.</p>
        {expired ? (
          <div className="banner banner-info" role="status">
            Your session ended. Please sign in again.
          </div>
        ) : null}
        {error ? (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        ) : null}
        <form className={styles.form} onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              className="input"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? emailError : undefined}
              // biome-ignore lint/a11y/noAutofocus: the only task on this page
              autoFocus
            />
            {fieldErrors.email ? (
              <span id={emailError} className="field-error">
                {fieldErrors.email}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">Password</label>
            <input
              id="sign-in-password"
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? passwordError : undefined}
            />
            {fieldErrors.password ? (
              <span id={passwordError} className="field-error">
                {fieldErrors.password}
              </span>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className={styles.help}>No account yet? Ask your Pathlight administrator to create one for you.</p>
      </div>
    </main>
  );
}
