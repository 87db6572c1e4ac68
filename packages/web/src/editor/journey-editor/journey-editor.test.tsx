import type { JourneyContent } from '@pathlight/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { counterIds, sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import type { SaveFn } from '../store/autosave';
import type { EditorStore } from '../store/editor-store';
import { JourneyEditor } from './journey-editor';

afterEach(cleanup);

function mount(opts: { doc?: JourneyContent; readOnly?: boolean; save?: SaveFn } = {}) {
  let store: EditorStore | null = null;
  const save: SaveFn = opts.save ?? (async (_d, v) => ({ ok: true, version: v + 1 }));
  // StrictMode runs effects twice, as in development: the autosave must survive it.
  const view = render(
    <StrictMode>
      <JourneyEditor
        journey={{ version: 1, document: opts.doc ?? sampleJourney() }}
        personas={samplePersonas}
        readOnly={opts.readOnly ?? false}
        save={save}
        newId={counterIds('n')}
        onReady={(h) => {
          store = h.store;
        }}
      />
    </StrictMode>,
  );
  return { ...view, store: () => store! };
}

describe('JourneyEditor', () => {
  it('renders stages, steps, lanes and cards with evidence badges in a grid', () => {
    mount();
    const grid = screen.getByRole('grid');
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Find a practice'),
        expect.stringContaining('Call the practice'),
      ]),
    );
    expect(screen.getAllByTestId('card')).toHaveLength(6);
    const badges = screen.getAllByTestId('evidence-badge').map((b) => b.textContent);
    expect(badges.filter((b) => b === 'Observed')).toHaveLength(1);
    expect(badges.filter((b) => b === 'Assumed')).toHaveLength(4);
    // blueprint lines are labelled, systems show PHI and a missing-BAA warning in words
    expect(screen.getByText('Line of visibility')).toBeTruthy();
    expect(screen.getByText('Line of internal interaction')).toBeTruthy();
    expect(screen.getByText('PHI')).toBeTruthy();
    expect(screen.getByText('No BAA')).toBeTruthy();
    // channel glyph has a word; severity has a word; KPI shows in the data lane
    expect(screen.getByText('Search')).toBeTruthy();
    expect(screen.getByText('High')).toBeTruthy();
    expect(screen.getByTestId('kpi-chip').textContent).toContain(
      'Call to visit · conversion · Call the practice → Check in',
    );
    expect(screen.getAllByTestId('emotion-point')).toHaveLength(3);
  });

  it('adds a card from a cell and undoes it with Ctrl+Z', () => {
    const { store } = mount();
    const cell = screen.getByTestId('cell-l-act-t1');
    fireEvent.click(within(cell).getByRole('button', { name: 'Add card to Patient actions' }));
    const input = within(cell).getByRole('textbox');
    fireEvent.change(input, { target: { value: 'Reads reviews' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(within(cell).getByText('Reads reviews')).toBeTruthy();
    expect(store().doc.cards.at(-1)).toMatchObject({
      id: 'n-1',
      laneId: 'l-act',
      stepId: 't1',
      text: 'Reads reviews',
    });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(within(cell).queryByText('Reads reviews')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(within(cell).getByText('Reads reviews')).toBeTruthy();
  });

  it('moves focus with arrow keys and moves a card with Alt+Arrow', () => {
    const { store } = mount();
    const start = screen.getByTestId('cell-l-touch-t1');
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('cell-l-touch-t2'));
    expect(screen.getByTestId('cell-l-touch-t2').tabIndex).toBe(0);
    const card = screen.getByText('Search "dentist near me"').closest<HTMLElement>('[data-card-id]')!;
    card.focus();
    fireEvent.keyDown(card, { key: 'ArrowDown', altKey: true });
    expect(store().doc.cards.find((c) => c.id === 'c1')).toMatchObject({ laneId: 'l-act', stepId: 't1' });
  });

  it('opens the side panel on a card and adds evidence', () => {
    const { store } = mount();
    fireEvent.click(screen.getByText('Fills in paper forms'));
    const panel = screen.getByTestId('card-panel');
    fireEvent.click(within(panel).getByRole('button', { name: '+ Add evidence' }));
    fireEvent.change(within(panel).getByLabelText('Evidence 1 source'), {
      target: { value: 'Waiting-room observation' },
    });
    fireEvent.change(within(panel).getByLabelText('Evidence 1 confidence'), {
      target: { value: 'observed' },
    });
    expect(store().doc.cards.find((c) => c.id === 'c5')!.evidence).toEqual([
      { kind: 'interview', source: 'Waiting-room observation', date: null, confidence: 'observed' },
    ]);
    const card = within(screen.getByRole('grid'))
      .getByText('Fills in paper forms')
      .closest<HTMLElement>('[data-card-id]')!;
    expect(within(card).getByTestId('evidence-badge').textContent).toBe('Observed');
  });

  it('highlights assumed cards and filters by persona', () => {
    mount();
    fireEvent.click(screen.getByTestId('highlight-assumed'));
    expect(document.querySelectorAll('.pl-card--assumed-lit')).toHaveLength(4);
    fireEvent.change(screen.getByTestId('persona-filter'), { target: { value: 'p-rosa' } });
    expect(screen.queryByText('Fills in paper forms')).toBeNull(); // tagged for Omar
    expect(screen.getByText('On hold for 6 minutes')).toBeTruthy();
    expect(screen.getAllByTestId('emotion-point')).toHaveLength(2);
  });

  it('read-only shows no edit affordances but keeps export', () => {
    mount({ readOnly: true });
    expect(screen.queryByRole('button', { name: /Add card/ })).toBeNull();
    expect(screen.queryByTestId('add-stage')).toBeNull();
    expect(screen.queryByTestId('undo')).toBeNull();
    expect(screen.queryByRole('button', { name: /Stage options/ })).toBeNull();
    expect(screen.getByTestId('export-menu')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe('View only');
    expect(document.querySelector('[draggable="true"]')).toBeNull();
  });

  it('shows an empty state that starts the map', () => {
    const { store } = mount({
      doc: {
        ...sampleJourney(),
        stages: [],
        lanes: [],
        cards: [],
        emotions: [],
        kpis: [],
        opportunities: [],
      },
    });
    fireEvent.change(screen.getByLabelText('Name the first stage'), { target: { value: 'Arrive' } });
    fireEvent.click(screen.getByTestId('start-map'));
    expect(store().doc.stages.map((s) => s.name)).toEqual(['Arrive']);
    expect(store().doc.lanes.map((l) => l.kind)).toEqual([
      'actions',
      'touchpoints',
      'emotions',
      'pain-points',
      'opportunities',
    ]);
    expect(screen.getByRole('grid')).toBeTruthy();
  });

  it('on a save conflict shows what differs and takes theirs only when asked', async () => {
    vi.useFakeTimers();
    try {
      const theirs = { ...sampleJourney(), name: 'Their name' };
      const save = vi.fn<SaveFn>(async () => ({
        ok: false,
        conflict: { version: 5, document: theirs, updatedAt: '2026-05-01T10:00:00Z', updatedBy: 'Sam' },
      }));
      const { store } = mount({ save });
      act(() => {
        store().dispatch((d) => ({ ...d, question: 'Mine' }), undefined);
      });
      expect(screen.getByTestId('save-status').textContent).toBe('Unsaved changes');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(900);
      });
      expect(save).toHaveBeenCalledTimes(1);
      const dialog = screen.getByTestId('conflict-dialog');
      // Their rename and my question edit are different fields: both merge on their own.
      const auto = within(dialog)
        .getAllByTestId('merge-auto')
        .map((li) => li.textContent);
      expect(auto).toEqual([
        'Journey Journey name: they changed',
        'Journey Question the map answers: you changed',
      ]);
      expect(store().doc.question).toBe('Mine');
      fireEvent.click(within(dialog).getByRole('button', { name: /Take theirs/ }));
      expect(store().doc.name).toBe('Their name');
      expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('arrow keys reach the step and lane headers; Enter opens their menu', () => {
    mount();
    const first = screen.getByTestId('cell-l-touch-t1');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByTestId('step-t1'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('step-t2'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByRole('menu', { name: 'Step options: Call the practice' })).toBeTruthy();
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('data-nav')).toBe('lane|l-touch');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(first);
  });

  it('deletes a card with the Delete key and offers Undo', () => {
    const { store } = mount();
    const card = within(screen.getByRole('grid'))
      .getByText('Shows insurance card')
      .closest<HTMLElement>('[data-card-id]')!;
    card.focus();
    fireEvent.keyDown(card, { key: 'Delete' });
    expect(store().doc.cards.some((c) => c.id === 'c6')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store().doc.cards.some((c) => c.id === 'c6')).toBe(true);
  });

  it('opportunity board: arrow keys change impact and effort; show on map selects linked cells', () => {
    const { store } = mount();
    fireEvent.click(screen.getByTestId('tab-board'));
    const token = screen.getByTestId('opportunity');
    expect(token.getAttribute('aria-label')).toContain('Quick wins');
    fireEvent.keyDown(token, { key: 'ArrowRight' });
    fireEvent.keyDown(token, { key: 'ArrowRight' });
    expect(store().doc.opportunities[0]).toMatchObject({ impact: 4, effort: 4 });
    expect(screen.getByTestId('opportunity').getAttribute('aria-label')).toContain('Big bets');
    fireEvent.click(screen.getByTestId('opportunity'));
    fireEvent.click(screen.getByTestId('show-on-map'));
    expect(store().ui.tab).toBe('map');
    expect(store().ui.selection).toEqual({
      kind: 'cells',
      cells: [{ laneId: 'l-pain', stepId: 't2' }],
      stepIds: ['t2'],
      label: 'Online booking',
    });
    expect(screen.getByTestId('cell-l-pain-t2').className).toContain('pl-cell--targeted');
  });

  it('conflict: copy mine puts my document on the clipboard, then takes theirs', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const theirs = { ...sampleJourney(), name: 'Their name' };
      const save = vi.fn<SaveFn>(async () => ({
        ok: false,
        conflict: { version: 5, document: theirs, updatedAt: '2026-05-01T10:00:00Z' },
      }));
      const { store } = mount({ save });
      act(() => {
        store().dispatch((d) => ({ ...d, question: 'Mine' }), undefined);
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(900);
      });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: /Copy mine, then take theirs/ }));
      });
      expect(JSON.parse(writeText.mock.calls[0]![0]).journey.question).toBe('Mine');
      expect(store().doc.name).toBe('Their name');
      expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('edits journey details: status, review date, personas on the map', () => {
    const { store } = mount();
    fireEvent.click(screen.getByTestId('details-toggle'));
    const panel = screen.getByTestId('details-panel');
    fireEvent.change(within(panel).getByLabelText('Status'), { target: { value: 'researched' } });
    fireEvent.change(within(panel).getByLabelText('Last reviewed'), { target: { value: '2026-03-01' } });
    expect(within(panel).getByText('Next review due 2026-05-30')).toBeTruthy();
    fireEvent.click(within(panel).getByLabelText('Omar (parent)'));
    expect(store().doc).toMatchObject({
      status: 'researched',
      lastReviewedAt: '2026-03-01',
      scope: { personaIds: ['p-rosa'] },
    });
    fireEvent.click(within(screen.getByRole('grid')).getByText('Shows insurance card'));
    expect(screen.queryByTestId('details-panel')).toBeNull();
    expect(screen.getByTestId('card-panel')).toBeTruthy();
  });

  it('Alt+Arrow on a cell moves its selected card', () => {
    const { store } = mount();
    fireEvent.click(within(screen.getByRole('grid')).getByText('Shows insurance card'));
    const cell = screen.getByTestId('cell-l-act-t3');
    cell.focus();
    fireEvent.keyDown(cell, { key: 'ArrowRight', altKey: true });
    expect(store().doc.cards.find((c) => c.id === 'c6')).toMatchObject({ laneId: 'l-act', stepId: 't4' });
  });

  it('keeps one tab stop in the grid after the focused step is deleted', () => {
    const { store } = mount();
    const cell = screen.getByTestId('cell-l-act-t4');
    fireEvent.focus(cell);
    expect(cell.tabIndex).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Step options: Exam' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete step' }));
    expect(store().doc.stages[1]!.steps.map((t) => t.id)).toEqual(['t3']);
    expect(screen.getByRole('grid').querySelectorAll('[data-cell][tabindex="0"]')).toHaveLength(1);
    expect(screen.getByText('Step deleted.')).toBeTruthy();
  });
});
