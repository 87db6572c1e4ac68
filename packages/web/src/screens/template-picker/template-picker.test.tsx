import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-utils/fake-api';
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
      'GET /api/templates/dental': () => dental,
    });
    render(<TemplatePicker workspaceId={ids.ws} onClose={() => undefined} onCreated={() => undefined} />);
    await screen.findByRole('heading', { name: 'Dental practice' });
    fireEvent.change(screen.getByLabelText('Name of your new journey'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this template' }));
    expect(await screen.findByText(/Give the journey a name/)).toBeTruthy();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });
});
