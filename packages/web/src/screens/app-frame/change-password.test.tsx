import type { User } from '@pathlight/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../../test-utils/fake-api';
import { AppFrame } from './app-frame';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'ana.example@clinic.test',
  name: 'Ana Example',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function renderFrame(routes: Parameters<typeof fakeApi>[0]) {
  const seen = fakeApi(routes);
  render(
    <AppFrame
      user={user}
      workspaces={[]}
      current={null}
      section={null}
      onSignOut={async () => {}}
      onWorkspaceCreated={async () => {}}
    >
      <p>page</p>
    </AppFrame>,
  );
  fireEvent.click(screen.getByRole('button', { name: /Ana Example/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Change password…' }));
  return seen;
}

function fill(current: string, next: string, again = next) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('Change password (user menu)', () => {
  it('opens from the user menu as a labelled dialog, sends both passwords and says it worked', async () => {
    const seen = renderFrame({ 'POST /api/me/password': () => new Response(null, { status: 204 }) });
    expect(screen.getByRole('dialog', { name: 'Change password' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Current password'));
    fill('correct horse battery staple', 'mauve kettle orbit 42');
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Your password is changed. Any other sessions you had are signed out.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/api/me/password',
        { currentPassword: 'correct horse battery staple', newPassword: 'mauve kettle orbit 42' },
      ],
    ]);
  });

  it('checks the new password here first: weak, the e-mail, or typed differently twice', async () => {
    const seen = renderFrame({});
    fill('correct horse battery staple', 'Password1234');
    expect(screen.getByText(/New password: this is one of the most common passwords/)).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
    fill('correct horse battery staple', 'ana.example@clinic.test');
    expect(screen.getByText('New password: do not use your e-mail address as your password')).toBeTruthy();
    fill('correct horse battery staple', 'mauve kettle orbit 42', 'mauve kettle orbit 43');
    expect(screen.getByText('New password again: type the same new password twice')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it("shows the server's answer at the field: a wrong current password; and a lock as a sentence", async () => {
    let locked = false;
    renderFrame({
      'POST /api/me/password': () =>
        locked
          ? json({ title: 'Too many requests', status: 429, detail: 'too many sign-in attempts' }, 429, {
              'retry-after': '60',
            })
          : json(
              {
                title: 'Invalid request',
                status: 422,
                detail: 'the current password is not right',
                errors: [{ path: 'currentPassword', message: 'this is not your current password' }],
              },
              422,
            ),
    });
    fill('not my password', 'mauve kettle orbit 42');
    expect(await screen.findByText('Current password: this is not your current password')).toBeTruthy();
    locked = true;
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Too many wrong passwords for this account. Wait a few minutes and try again.',
      ),
    );
    expect(screen.getByRole('dialog', { name: 'Change password' })).toBeTruthy();
  });
});
