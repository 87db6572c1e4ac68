import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../../app/session';
import { WorkspaceProvider } from '../../app/workspace';
import { fakeApi, json } from '../../test-utils/fake-api';
import { ids, members, workspace } from '../../test-utils/fixtures';
import { MembersPage } from './members-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = {
  id: ids.ana,
  email: members[0]?.email,
  name: 'Ana Example',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
};

function renderPage(extra: Record<string, () => unknown> = {}) {
  const seen = fakeApi({
    'GET /api/me': () => ({ user: me, csrfToken: 't' }),
    'GET /api/workspaces': () => [workspace('owner')],
    'GET /api/workspaces/:id/members': () => members,
    ...extra,
  });
  const SignedIn = ({ children }: { children: ReactNode }) =>
    useSession().state.status === 'signed-in' ? children : null;
  const Wrap = ({ children }: { children: ReactNode }) => (
    <SessionProvider>
      <SignedIn>
        <WorkspaceProvider workspace={workspace('owner')}>{children}</WorkspaceProvider>
      </SignedIn>
    </SessionProvider>
  );
  render(<MembersPage />, { wrapper: Wrap });
  return seen;
}

describe('MembersPage', () => {
  it('asks before an owner steps down, and explains the last-owner rule', async () => {
    const seen = renderPage({
      'PATCH /api/workspaces/:id/members/:userId': () =>
        json({ title: 'Conflict', status: 409, detail: 'a workspace must keep at least one owner' }, 409),
    });
    fireEvent.change(await screen.findByLabelText('Role of Ana Example'), { target: { value: 'viewer' } });
    const dialog = screen.getByRole('dialog', { name: 'Step down as owner?' });
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Become viewer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A workspace must always keep at least one owner. Make someone else an owner first, then try again.',
    );
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ role: 'viewer' });
  });

  it('checks the email before adding and shows the server answer beside the field', async () => {
    const seen = renderPage({
      'POST /api/workspaces/:id/members': () =>
        json(
          {
            title: 'Invalid request',
            status: 422,
            detail: 'no account with this e-mail',
            errors: [
              {
                path: 'email',
                message: 'no account with this e-mail; an administrator creates accounts first',
              },
            ],
          },
          422,
        ),
    });
    await screen.findByLabelText('Role of Ana Example');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not an email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    expect(await screen.findByText(/^Email: /)).toBeTruthy();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'new.person@clinic.test' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'viewer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    expect(
      await screen.findByText('Email: no account with this e-mail; an administrator creates accounts first'),
    ).toBeTruthy();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'new.person@clinic.test',
      role: 'viewer',
    });
  });
});
