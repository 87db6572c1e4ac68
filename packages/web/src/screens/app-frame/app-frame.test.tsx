import type { User } from '@pathlight/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspace } from '../../test-utils/fixtures';
import { AppFrame, type Section } from './app-frame';

beforeEach(() => window.history.replaceState(null, '', '/w/ws/journeys'));
afterEach(cleanup);

const user: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'ana.example@clinic.test',
  name: 'Ana Example',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function frame(section: Section) {
  const ws = workspace('owner');
  return (
    <AppFrame
      user={user}
      workspaces={[ws]}
      current={ws}
      section={section}
      onSignOut={async () => {}}
      onWorkspaceCreated={async () => {}}
    >
      <p>page</p>
    </AppFrame>
  );
}

describe('AppFrame navigation menu (folded on a phone)', () => {
  it('opens from the Menu button, closes on Escape with focus back on the button', () => {
    render(frame('journeys'));
    const button = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(nav.id);
    expect(nav.dataset.open).toBe('false');

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(nav.dataset.open).toBe('true');
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Journeys' }));

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(nav.dataset.open).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes when a link is followed, on the backdrop, and when the section changes', () => {
    const { rerender } = render(frame('journeys'));
    const button = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });

    fireEvent.click(button);
    fireEvent.click(within(nav).getByRole('link', { name: 'Process map' }));
    expect(window.location.pathname).toBe(`/w/${workspace('owner').id}/process-map`);
    expect(button.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(button);
    expect(nav.dataset.open).toBe('true');
    fireEvent.click(document.querySelector('[class*="navBackdrop"]') as Element);
    expect(nav.dataset.open).toBe('false');

    fireEvent.click(button);
    act(() => rerender(frame('personas')));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the account and workspace buttons named when their text is hidden on a phone', () => {
    render(frame('journeys'));
    expect(screen.getByRole('button', { name: /Ana Example/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Workspace/ })).toBeTruthy();
  });
});
