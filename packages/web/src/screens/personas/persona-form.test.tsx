import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceProvider } from '../../app/workspace';
import { fakeApi, json } from '../../test-utils/fake-api';
import { persona, workspace } from '../../test-utils/fixtures';
import { draftOf, emptyDraft, PersonaForm, parseDraft } from './persona-form';
import { PersonasPage } from './personas-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('parseDraft', () => {
  it('drops blank list rows and turns empty evidence dates into null', () => {
    const result = parseDraft({
      ...emptyDraft(),
      name: '  Carer ',
      goals: ['Get mum seen quickly', '  ', ''],
      evidence: [{ kind: 'interview', source: '6 carer interviews', date: '', confidence: 'observed' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Carer');
    expect(result.value.goals).toEqual(['Get mum seen quickly']);
    expect(result.value.evidence).toEqual([
      { kind: 'interview', source: '6 carer interviews', date: null, confidence: 'observed' },
    ]);
  });

  it('reports problems by field path', () => {
    const result = parseDraft({
      ...emptyDraft(),
      color: 'red',
      evidence: [{ kind: 'survey', source: '', date: '2026-13-45', confidence: 'reported' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('must not be empty');
    expect(result.errors.color).toBe('use a #rrggbb colour');
    expect(Object.keys(result.errors)).toContain('evidence.0.date');
  });
});

describe('PersonaForm', () => {
  it('edits lists, channels and evidence, and submits valid content', () => {
    const onSubmit = vi.fn();
    render(
      <PersonaForm
        formId="f"
        initial={emptyDraft()}
        errors={{}}
        onValidationErrors={() => undefined}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Front-desk lead' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'front-desk' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add goal' }));
    fireEvent.change(screen.getByLabelText('Goals 1'), { target: { value: 'Fewer no-shows' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add barrier' }));
    fireEvent.click(screen.getByRole('button', { name: '+ Add barrier' }));
    fireEvent.change(screen.getByLabelText('Barriers 2'), { target: { value: 'Phones ring all morning' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove barrier 1' }));
    fireEvent.click(screen.getByLabelText('Phone'));
    fireEvent.click(screen.getByLabelText('SMS'));
    fireEvent.click(screen.getByLabelText('Phone'));
    fireEvent.click(screen.getByRole('button', { name: '+ Add evidence' }));
    const ev = screen.getByRole('group', { name: 'Evidence 1' });
    fireEvent.change(within(ev).getByLabelText('Source'), { target: { value: 'Shadowing, 2 mornings' } });
    fireEvent.change(within(ev).getByLabelText('Kind'), { target: { value: 'observation' } });
    fireEvent.change(within(ev).getByLabelText('Date'), { target: { value: '2026-02-03' } });
    fireEvent.change(within(ev).getByLabelText('Confidence'), { target: { value: 'observed' } });
    fireEvent.submit(screen.getByLabelText('Name').closest('form') as HTMLFormElement);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      name: 'Front-desk lead',
      kind: 'front-desk',
      role: '',
      summary: '',
      goals: ['Fewer no-shows'],
      needs: [],
      barriers: ['Phones ring all morning'],
      channels: ['sms'],
      quote: '',
      color: '#2563eb',
      evidence: [
        { kind: 'observation', source: 'Shadowing, 2 mornings', date: '2026-02-03', confidence: 'observed' },
      ],
      origin: null,
    });
  });
});

describe('PersonasPage', () => {
  const stored = { ...persona('p1', 'Anxious first-timer', '#dc2626'), goals: ['Know what to expect'] };

  it('shows local validation and server issues next to the right field', async () => {
    const seen = fakeApi({
      'GET /api/workspaces/:id/personas': () => [stored],
      'PUT /api/personas/:id': () =>
        json(
          {
            type: 'urn:pathlight:problem:invalid',
            title: 'Invalid request',
            status: 422,
            detail: 'the request body is not valid',
            errors: [{ path: 'goals.0', message: 'too long for a goal' }],
          },
          422,
        ),
    });
    render(
      <WorkspaceProvider workspace={workspace('editor')}>
        <PersonasPage />
      </WorkspaceProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Anxious first-timer' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Anxious first-timer' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('Name: must not be empty')).toBeTruthy();
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Anxious first-timer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    const goal = within(dialog).getByLabelText('Goals 1');
    await vi.waitFor(() => expect(goal.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = goal.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('too long for a goal');
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"1"');
  });

  it('explains a 409 and keeps the edits until the user chooses', async () => {
    const theirs = { ...stored, version: 2, name: 'Nervous new patient' };
    fakeApi({
      'GET /api/workspaces/:id/personas': () => [theirs],
      'PUT /api/personas/:id': () => json({ title: 'Conflict', status: 409, detail: 'stale version' }, 409),
    });
    render(
      <WorkspaceProvider workspace={workspace('editor')}>
        <PersonasPage />
      </WorkspaceProvider>,
    );
    // The list shows the stored version; edit as if we had version 1 in hand.
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Nervous new patient' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Quote'), { target: { value: 'My words' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Someone else saved this persona',
    );
    expect((within(dialog).getByLabelText('Quote') as HTMLInputElement).value).toBe('My words');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Load their version' }));
    expect((within(dialog).getByLabelText('Quote') as HTMLInputElement).value).toBe('');
  });

  it('gives viewers no edit controls', async () => {
    fakeApi({ 'GET /api/workspaces/:id/personas': () => [stored] });
    render(
      <WorkspaceProvider workspace={workspace('viewer')}>
        <PersonasPage />
      </WorkspaceProvider>,
    );
    await screen.findByText('Anxious first-timer');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('editing a persona made from a template', () => {
  it('keeps where it came from, so later journeys from the template still link to it', () => {
    const fromTemplate = {
      ...persona('p9', 'Rosa', '#2563eb'),
      origin: { templateId: 'dental-practice', personaId: 'pe-rosa' },
    };
    const result = parseDraft({ ...draftOf(fromTemplate), name: 'Rosa (our words)' });
    expect(result.ok && result.value.origin).toEqual({ templateId: 'dental-practice', personaId: 'pe-rosa' });
  });
});
