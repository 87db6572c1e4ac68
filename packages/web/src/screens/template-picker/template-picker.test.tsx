import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, type SeenRequest } from '../../test-utils/fake-api';
import { ids } from '../../test-utils/fixtures';
import { TemplatePicker } from './template-picker';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const lane = (id: string, kind: string, name: string) => ({ id, kind, name, hidden: false });
const template = (id: string, name: string, stages: [string, string[]][]) => ({
  id,
  name,
  summary: `${name}: summary for the preview.`,
  category: 'dental',
  personas: [],
  journey: {
    schemaVersion: 2,
    name,
    stages: stages.map(([s, steps]) => ({
      id: s.toLowerCase(),
      name: s,
      goal: '',
      hidden: false,
      steps: steps.map((t) => ({ id: `${s}-${t}`.toLowerCase(), name: t })),
    })),
    lanes: [lane('l-touch', 'touchpoints', 'Touchpoints'), lane('l-pain', 'pain-points', 'Pain points')],
    cards: [
      { id: 'c1', laneId: 'l-pain', stepId: 'book-call', text: 'On hold too long', evidence: [] },
      { id: 'c2', laneId: 'l-pain', stepId: 'book-call', text: 'No callback', evidence: [] },
    ],
    kpis: [],
  },
});
const dental = template('dental', 'Dental practice', [
  ['Lead', ['Search', 'Ad']],
  ['Book', ['Call']],
]);
const referral = template('referral', 'Specialty referral', [['Refer', ['Letter']]]);
const summaryOf = (t: typeof dental) => ({
  id: t.id,
  name: t.name,
  summary: t.summary,
  category: t.category,
  stageCount: t.journey.stages.length,
  stepCount: t.journey.stages.reduce((n, s) => n + s.steps.length, 0),
  personaCount: 0,
});

describe('TemplatePicker', () => {
  it('previews the selected template and creates a journey from it', async () => {
    const seen = fakeApi({
      'GET /api/templates': () => [summaryOf(dental), summaryOf(referral)],
      'GET /api/workspaces/:id/templates': () => [],
      'GET /api/templates/dental': () => dental,
      'GET /api/templates/referral': () => referral,
      'POST /api/workspaces/:id/journeys': () =>
        new Response(JSON.stringify({ id: ids.j1 }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    });
    const onCreated = vi.fn();
    render(<TemplatePicker workspaceId={ids.ws} onClose={() => undefined} onCreated={onCreated} />);

    const preview = await screen.findByRole('region', { name: 'Template preview' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Dental practice/ }));
    await within(preview).findByRole('heading', { name: 'Dental practice' });
    expect(within(preview).getByText('Dental practice: summary for the preview.')).toBeTruthy();
    expect(within(preview).getByText(/2 stages · 3 steps · 2 example cards/)).toBeTruthy();
    expect(within(preview).getByText('— Search, Ad')).toBeTruthy();
    // mini map: two pain-point cards in the Book stage
    const painRow = within(preview)
      .getByRole('rowheader', { name: 'Pain points' })
      .closest('tr') as HTMLElement;
    expect(within(painRow).getByText('2 cards')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /Specialty referral/ }));
    await within(preview).findByRole('heading', { name: 'Specialty referral' });
    expect((screen.getByLabelText('Name of your new journey') as HTMLInputElement).value).toBe(
      'Specialty referral',
    );

    fireEvent.change(screen.getByLabelText('Name of your new journey'), {
      target: { value: 'Cardiology referrals' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Use this template' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith({ id: ids.j1 }));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe(`/api/workspaces/${ids.ws}/journeys`);
    expect(post?.body).toEqual({ templateId: 'referral', name: 'Cardiology referrals' });
  });

  it('asks for a name instead of sending an empty one', async () => {
    const seen = fakeApi({
      'GET /api/templates': () => [summaryOf(dental)],
      'GET /api/workspaces/:id/templates': () => [],
      'GET /api/templates/dental': () => dental,
    });
    render(<TemplatePicker workspaceId={ids.ws} onClose={() => undefined} onCreated={() => undefined} />);
    await screen.findByRole('heading', { name: 'Dental practice' });
    fireEvent.change(screen.getByLabelText('Name of your new journey'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this template' }));
    expect(await screen.findByText(/Give the journey a name/)).toBeTruthy();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  describe('Your templates', () => {
    const ownId = '00000000-0000-4000-8000-00000000c001';
    const stored = {
      workspaceId: ids.ws,
      version: 3,
      createdAt: '2026-01-10T09:00:00.000Z',
      createdBy: null,
      updatedAt: '2026-01-12T09:00:00.000Z',
      updatedBy: null,
    };
    const ours = { ...template(ownId, 'Walk-in visit', [['Arrive', ['Desk', 'Wait', 'Room']]]), ...stored };
    const ownSummary = { ...summaryOf(ours), category: 'clinic', ...stored };

    const routes = (more: Record<string, (req: SeenRequest) => unknown> = {}) => ({
      'GET /api/templates': () => [summaryOf(dental)],
      'GET /api/workspaces/:id/templates': () => [ownSummary],
      [`GET /api/templates/${ownId}`]: () => ours,
      'GET /api/templates/dental': () => dental,
      ...more,
    });

    it('lists the workspace templates above the built-in ones, selected first, and creates from one', async () => {
      const seen = fakeApi(routes({ 'POST /api/workspaces/:id/journeys': () => json({ id: ids.j1 }, 201) }));
      const onCreated = vi.fn();
      render(<TemplatePicker workspaceId={ids.ws} onClose={() => undefined} onCreated={onCreated} />);

      const yours = await screen.findByRole('group', { name: 'Your templates' });
      const builtIn = screen.getByRole('group', { name: 'Built-in templates' });
      expect(
        within(yours)
          .getAllByRole('radio')
          .map((r) => (r as HTMLInputElement).value),
      ).toEqual([ownId]);
      expect(
        within(builtIn)
          .getAllByRole('radio')
          .map((r) => (r as HTMLInputElement).value),
      ).toEqual(['dental']);
      expect(within(yours).getByText('1 stages · 3 steps')).toBeTruthy();
      expect(yours.compareDocumentPosition(builtIn) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      const preview = screen.getByRole('region', { name: 'Template preview' });
      await within(preview).findByRole('heading', { name: 'Walk-in visit' });
      expect(within(preview).getByText('— Desk, Wait, Room')).toBeTruthy();
      // Editors may rename; only owners delete.
      expect(within(preview).getByRole('button', { name: 'Rename…' })).toBeTruthy();
      expect(within(preview).queryByRole('button', { name: 'Delete…' })).toBeNull();

      fireEvent.click(screen.getByRole('button', { name: 'Use this template' }));
      await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith({ id: ids.j1 }));
      expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
        templateId: ownId,
        name: 'Walk-in visit',
      });
    });

    it('renames a workspace template at its current version', async () => {
      const seen = fakeApi(
        routes({
          [`PUT /api/templates/${ownId}`]: (req) => ({ ...ours, ...(req.body as object), version: 4 }),
        }),
      );
      render(<TemplatePicker workspaceId={ids.ws} onClose={() => undefined} onCreated={() => undefined} />);
      const preview = await screen.findByRole('region', { name: 'Template preview' });
      fireEvent.click(await within(preview).findByRole('button', { name: 'Rename…' }));
      fireEvent.change(within(preview).getByLabelText('Template name'), { target: { value: 'Walk-in, v2' } });
      fireEvent.click(within(preview).getByRole('button', { name: 'Save name' }));
      await vi.waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
      const put = seen.find((r) => r.method === 'PUT')!;
      expect(put.headers.get('if-match')).toBe('"3"');
      const { id: _id, ...rest } = template(ownId, 'Walk-in visit', [['Arrive', ['Desk', 'Wait', 'Room']]]);
      expect(put.body).toEqual({ ...rest, name: 'Walk-in, v2' });
      await vi.waitFor(() => expect(within(preview).queryByRole('button', { name: 'Save name' })).toBeNull());
    });

    it('lets an owner delete one after confirming', async () => {
      let deleted = false;
      const seen = fakeApi(
        routes({
          'GET /api/workspaces/:id/templates': () => (deleted ? [] : [ownSummary]),
          [`DELETE /api/templates/${ownId}`]: () => {
            deleted = true;
            return new Response(null, { status: 204 });
          },
        }),
      );
      render(
        <TemplatePicker
          workspaceId={ids.ws}
          canDelete
          onClose={() => undefined}
          onCreated={() => undefined}
        />,
      );
      const preview = await screen.findByRole('region', { name: 'Template preview' });
      fireEvent.click(await within(preview).findByRole('button', { name: 'Delete…' }));
      const confirm = within(preview).getByRole('alertdialog', { name: 'Delete template' });
      expect(
        within(confirm).getByText(/Delete “Walk-in visit” for everyone in this workspace\?/),
      ).toBeTruthy();
      expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
      fireEvent.click(within(confirm).getByRole('button', { name: 'Delete template' }));
      await vi.waitFor(() => expect(screen.queryByRole('group', { name: 'Your templates' })).toBeNull());
      expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
        `/api/templates/${ownId}`,
      ]);
      await within(preview).findByRole('heading', { name: 'Dental practice' });
    });
  });
});
