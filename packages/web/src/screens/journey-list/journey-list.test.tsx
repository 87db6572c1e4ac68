import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceProvider } from '../../app/workspace';
import { fakeApi, json, type SeenRequest } from '../../test-utils/fake-api';
import { ids, members, persona, summary, workspace } from '../../test-utils/fixtures';
import { JourneyList } from './journey-list';

const now = () => new Date('2026-03-10T12:00:00Z');
const journeys = [
  summary({
    id: ids.j1,
    name: 'Dental recall',
    status: 'live',
    personaIds: ['p-anx'],
    tags: ['recall', 'sms'],
    reviewCadenceDays: 30,
    lastReviewedAt: '2026-01-01', // due 2026-01-31: 38 days overdue
    updatedAt: '2026-03-10T09:00:00Z',
    updatedBy: ids.ben,
  }),
  summary({
    id: ids.j2,
    name: 'New patient booking',
    status: 'draft',
    personaIds: ['p-anx', 'p-carer'],
    tags: ['intake'],
    reviewCadenceDays: 45,
    lastReviewedAt: '2026-02-01', // due 2026-03-18: in 8 days
  }),
  summary({
    id: ids.j3,
    name: 'Old referral map',
    status: 'archived',
    personaIds: ['p-carer'],
    ownerId: null,
  }),
];

let seen: SeenRequest[];
beforeEach(() => {
  seen = fakeApi({
    'GET /api/workspaces/:id/journeys': () => journeys,
    'GET /api/workspaces/:id/personas': () => [
      persona('p-anx', 'Anxious first-timer', '#dc2626'),
      persona('p-carer', 'Adult daughter (carer)', '#7c3aed'),
    ],
    'GET /api/workspaces/:id/members': () => members,
    'DELETE /api/journeys/:id': () => new Response(null, { status: 204 }),
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const rows = () => screen.getAllByRole('row').slice(1);
const names = () => rows().map((r) => within(r).getByRole('link').textContent);

function renderList(role: 'owner' | 'editor' | 'viewer' = 'owner') {
  render(
    <WorkspaceProvider workspace={workspace(role)}>
      <JourneyList now={now} />
    </WorkspaceProvider>,
  );
}

describe('JourneyList', () => {
  it('lists active journeys with owner, personas, last edit and review due in words', async () => {
    renderList();
    await screen.findByRole('table');
    expect(names()).toEqual(['Dental recall', 'New patient booking']);
    const [recall, booking] = rows() as [HTMLElement, HTMLElement];
    expect(within(recall).getByText('Live')).toBeTruthy();
    expect(within(recall).getByText('Ana Example')).toBeTruthy();
    expect(within(recall).getByText('Anxious first-timer')).toBeTruthy();
    expect(within(recall).getByText('3 hours ago')).toBeTruthy();
    expect(within(recall).getByText('by Ben Sample')).toBeTruthy();
    expect(within(recall).getByText('Overdue')).toBeTruthy();
    expect(within(recall).getByText('38 days late · was due 31 Jan 2026')).toBeTruthy();
    expect(within(booking).getByText(/Due in 8 days/)).toBeTruthy();
    expect(within(booking).getAllByText(/Anxious first-timer|Adult daughter/)).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toContain('2 of 3 journeys');
  });

  it('filters by status and persona and searches names and tags', async () => {
    renderList();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'archived' } });
    expect(names()).toEqual(['Old referral map']);
    expect(within(rows()[0] as HTMLElement).getByText('No owner')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Persona'), { target: { value: 'p-carer' } });
    expect(names()).toEqual(['New patient booking', 'Old referral map']);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'INTAKE' } });
    expect(names()).toEqual(['New patient booking']);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No journeys match these filters.')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    expect(names()).toEqual(['Dental recall', 'New patient booking']);
  });

  it('keeps the filter when the user comes back to the list', async () => {
    renderList();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'booking' } });
    cleanup();
    renderList();
    await screen.findByRole('table');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('booking');
    expect(names()).toEqual(['New patient booking']);
  });

  it('shows no edit affordances to viewers', async () => {
    renderList('viewer');
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /template|blank|import|actions/i })).toBeNull();
  });

  it('deletes only after confirmation, then reloads', async () => {
    renderList('owner');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Dental recall' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this journey?' });
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete journey' }));
    await screen.findByText('Deleted “Dental recall”.');
    const del = seen.find((r) => r.method === 'DELETE');
    expect(del?.path).toBe(`/api/journeys/${ids.j1}`);
    expect(seen.filter((r) => r.path.endsWith('/journeys') && r.method === 'GET')).toHaveLength(2);
  });

  it('saves a journey as a template from its row menu (editors)', async () => {
    const posts: SeenRequest[] = [];
    fakeApi({
      'GET /api/workspaces/:id/journeys': () => journeys,
      'GET /api/workspaces/:id/personas': () => [],
      'GET /api/workspaces/:id/members': () => members,
      'POST /api/workspaces/:id/templates': (req) => {
        posts.push(req);
        return json({ id: 'tpl-1', name: 'Booking (team)' }, 201);
      },
    });
    renderList('editor');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for New patient booking' }));
    expect(screen.queryByRole('menuitem', { name: 'Delete…' })).toBeNull();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Save as template…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as template' });
    fireEvent.change(within(dialog).getByLabelText('Template name'), { target: { value: 'Booking (team)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await screen.findByText(/Saved “Booking \(team\)” as a template/);
    expect(screen.queryByRole('dialog', { name: 'Save as template' })).toBeNull();
    expect(posts.map((r) => [r.path, r.body])).toEqual([
      [
        `/api/workspaces/${ids.ws}/templates`,
        { name: 'Booking (team)', summary: '', category: 'clinic', journeyId: ids.j2 },
      ],
    ]);
  });

  it('archives and restores with a versioned save of the whole document', async () => {
    const doc = { schemaVersion: 2, name: 'Old referral map', status: 'archived', stages: [], lanes: [] };
    const puts: SeenRequest[] = [];
    fakeApi({
      'GET /api/workspaces/:id/journeys': () => journeys,
      'GET /api/workspaces/:id/personas': () => [],
      'GET /api/workspaces/:id/members': () => members,
      'GET /api/journeys/:id': () => ({ ...journeys[2], version: 7, document: doc }),
      'PUT /api/journeys/:id': (req) => {
        puts.push(req);
        return { id: ids.j3, version: 8, document: (req.body as { document: unknown }).document };
      },
    });
    renderList('editor');
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'archived' } });
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Old referral map' }));
    expect(screen.queryByRole('menuitem', { name: 'Archive' })).toBeNull();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Restore as draft' }));
    await screen.findByText('Restored “Old referral map” as a draft.');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers.get('if-match')).toBe('"7"');
    expect(puts[0]?.body).toEqual({ document: { ...doc, status: 'draft' } });
  });

  it('tells a new user what to do when there are no journeys', async () => {
    fakeApi({
      'GET /api/workspaces/:id/journeys': () => [],
      'GET /api/workspaces/:id/personas': () => [],
      'GET /api/workspaces/:id/members': () => json({ title: 'Forbidden', status: 403, detail: '' }, 403),
    });
    renderList('editor');
    expect(await screen.findByRole('heading', { name: 'Map your first patient journey' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Browse templates' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import JSON' })).toBeTruthy();
  });
});
