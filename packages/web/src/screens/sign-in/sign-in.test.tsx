import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { SignIn } from './sign-in';

afterEach(cleanup);

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignIn', () => {
  it('sends trimmed, lower-cased credentials', async () => {
    const onSignIn = vi.fn(async () => undefined);
    render(<SignIn onSignIn={onSignIn} />);
    fill('  Ana@Clinic.ORG ', 'correct horse');
    await vi.waitFor(() => expect(onSignIn).toHaveBeenCalledWith('ana@clinic.org', 'correct horse'));
  });

  it('checks the fields before sending', async () => {
    const onSignIn = vi.fn(async () => undefined);
    render(<SignIn onSignIn={onSignIn} />);
    fill('not-an-email', '');
    expect(await screen.findByText('Enter an email address like name@clinic.org.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('says clearly when the email and password do not match', async () => {
    const onSignIn = vi.fn(async () => {
      throw new ApiError({ status: 401, title: 'Not signed in', detail: 'wrong e-mail or password' });
    });
    render(<SignIn onSignIn={onSignIn} />);
    fill('ana@clinic.org', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'That email and password do not match an active account. Check them and try again.',
    );
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('tells how many minutes to wait after too many attempts', async () => {
    const onSignIn = vi.fn(async () => {
      throw new ApiError({ status: 429, title: 'Too many requests', retryAfterSeconds: 540 });
    });
    render(<SignIn onSignIn={onSignIn} />);
    fill('ana@clinic.org', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. Try again in 9 minutes.');
  });

  it('rounds a short wait up to one minute, and copes without Retry-After', async () => {
    let retry: number | null = 20;
    const onSignIn = vi.fn(async () => {
      throw new ApiError({ status: 429, title: 'Too many requests', retryAfterSeconds: retry });
    });
    render(<SignIn onSignIn={onSignIn} />);
    fill('ana@clinic.org', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. Try again in 1 minute.');
    retry = null;
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Too many attempts. Please wait a few minutes and try again.',
      ),
    );
  });
});
