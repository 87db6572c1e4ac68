import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../test-utils/fake-api';
import { ids, workspace } from '../test-utils/fixtures';
import { App, parseRoute } from './app';

const user = {
  id: ids.ana,
  email: 'ana.example@clinic.test',
  name: 'Ana Example',
  isAdmin: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
};
const unauthorized = () => json({ title: 'Not signed in', status: 401, detail: 'sign in first' }, 401);

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('parseRoute', () => {
  it('reads every screen from its path', () => {
    expect(parseRoute('/w/abc/journeys')).toEqual({ section: 'journeys', workspaceId: 'abc' });
    expect(parseRoute('/w/abc/journeys/j1')).toEqual({
      section: 'journey',
      workspaceId: 'abc',
      journeyId: 'j1',
    });
    expect(parseRoute('/w/abc/personas/')).toEqual({ section: 'personas', workspaceId: 'abc' });
    expect(parseRoute('/w/abc/members')).toEqual({ section: 'members', workspaceId: 'abc' });
    expect(parseRoute('/users')).toEqual({ section: 'users' });
    expect(parseRoute('/w/abc/nowhere')).toEqual({ section: 'home' });
  });
});

describe('App', () => {
  it('shows sign-in when there is no session', async () => {
    fakeApi({ 'GET /api/me': unauthorized });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('Your session ended. Please sign in again.')).toBeNull();
  });

  it('says when the server cannot be reached, and retries', async () => {
    let up = false;
    fakeApi({
      'GET /api/me': () =>
        up ? unauthorized() : json({ title: 'Bad gateway', status: 502, detail: '' }, 502),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Pathlight is not answering' })).toBeTruthy();
    up = true;
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('opens the first workspace, and goes back to sign-in when the session ends mid-use', async () => {
    let sessionAlive = true;
    fakeApi({
      'GET /api/me': () => ({ user, csrfToken: 't' }),
      'GET /api/workspaces': () => [workspace('editor')],
      'GET /api/workspaces/:id/journeys': () => (sessionAlive ? [] : unauthorized()),
      'GET /api/workspaces/:id/personas': () => (sessionAlive ? [] : unauthorized()),
      'GET /api/workspaces/:id/members': () => (sessionAlive ? [] : unauthorized()),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Map your first patient journey' })).toBeTruthy();
    expect(window.location.pathname).toBe(`/w/${ids.ws}/journeys`);
    expect(screen.queryByRole('link', { name: 'Members' })).toBeNull(); // editors do not manage members
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull(); // nor accounts

    sessionAlive = false;
    screen.getByRole('link', { name: 'Personas' }).click();
    expect(await screen.findByText('Your session ended. Please sign in again.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });
});
