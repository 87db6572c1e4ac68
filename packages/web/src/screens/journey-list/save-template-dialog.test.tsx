import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../../test-utils/fake-api';
import { ids } from '../../test-utils/fixtures';
import { SaveTemplateDialog } from './save-template-dialog';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const journey = { id: ids.j1, name: 'Walk-in visit' };

describe('SaveTemplateDialog', () => {
  it('saves the journey as a template with name, summary and category', async () => {
    const seen = fakeApi({
      'POST /api/workspaces/:id/templates': () => json({ id: 'tpl-1', name: 'Walk-in (team)' }, 201),
    });
    const onSaved = vi.fn();
    render(
      <SaveTemplateDialog
        workspaceId={ids.ws}
        journey={journey}
        onClose={() => undefined}
        onSaved={onSaved}
      />,
    );
    const name = screen.getByLabelText('Template name') as HTMLInputElement;
    expect(name.value).toBe('Walk-in visit');
    fireEvent.change(name, { target: { value: 'Walk-in (team)' } });
    fireEvent.change(screen.getByLabelText('Summary'), { target: { value: '  Our walk-in flow  ' } });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'specialty' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: 'tpl-1', name: 'Walk-in (team)' }));
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `/api/workspaces/${ids.ws}/templates`,
        { name: 'Walk-in (team)', summary: 'Our walk-in flow', category: 'specialty', journeyId: ids.j1 },
      ],
    ]);
  });

  it('asks for a name and shows what the server refused', async () => {
    const seen = fakeApi({
      'POST /api/workspaces/:id/templates': () =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'too many personas for a template',
            errors: [
              {
                path: 'journeyId',
                message: 'the journey refers to 11 personas; a template holds at most 10',
              },
            ],
          },
          422,
        ),
    });
    const onSaved = vi.fn();
    render(
      <SaveTemplateDialog
        workspaceId={ids.ws}
        journey={journey}
        onClose={() => undefined}
        onSaved={onSaved}
      />,
    );
    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Template name: must not be empty')).toBeTruthy();
    expect(seen).toEqual([]);

    fireEvent.change(screen.getByLabelText('Template name'), { target: { value: 'Big one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'the journey refers to 11 personas; a template holds at most 10',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });
});
