import type { JourneyContent } from '@pathlight/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { counterIds, sampleJourney, samplePersonas } from '../fixtures/sample-journey';
import { JourneyEditor } from '../journey-editor/journey-editor';
import type { SaveFn } from '../store/autosave';
import * as cmd from '../store/commands/index';
import type { EditorStore } from '../store/editor-store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SAM = '3f2a9c1e-0000-4000-8000-00000000005a';
const SAVED_AT = '2026-05-01T10:00:00Z';

/** Their version: c2 rewritten, c5 rewritten, c6 deleted (as saved by Sam). */
function theirs(): JourneyContent {
  let d = sampleJourney();
  d = cmd.updateCard(d, { cardId: 'c2', patch: { text: 'On hold for 12 minutes' } });
  d = cmd.updateCard(d, { cardId: 'c5', patch: { text: 'Paper forms, twice' } });
  return cmd.deleteCard(d, { cardId: 'c6' });
}

/** Mounts the editor, makes my edits, and lets the autosave meet their newer version. */
async function conflictAfter(
  edit: (store: EditorStore) => void,
  opts: { loadMembers?: () => Promise<readonly { userId: string; name: string }[]>; updatedBy?: string } = {},
) {
  vi.useFakeTimers();
  const calls: { doc: JourneyContent; base: number }[] = [];
  const save = vi.fn<SaveFn>(async (doc, base) => {
    calls.push({ doc, base });
    if (base === 1)
      return {
        ok: false,
        conflict: { version: 5, document: theirs(), updatedAt: SAVED_AT, updatedBy: opts.updatedBy ?? SAM },
      };
    return { ok: true, version: base + 1 };
  });
  let store: EditorStore | null = null;
  render(
    <JourneyEditor
      journey={{ version: 1, document: sampleJourney() }}
      personas={samplePersonas}
      save={save}
      newId={counterIds('n')}
      {...(opts.loadMembers ? { loadMembers: opts.loadMembers } : {})}
      onReady={(h) => {
        store = h.store;
      }}
    />,
  );
  act(() => edit(store!));
  await act(async () => {
    await vi.advanceTimersByTimeAsync(900);
  });
  return { store: () => store!, calls, dialog: () => screen.getByTestId('conflict-dialog') };
}

describe('ConflictDialog', () => {
  it('names who saved (from the workspace members) and when', async () => {
    const loadMembers = vi.fn(async () => [
      { userId: 'someone-else', name: 'Rae' },
      { userId: SAM, name: 'Sam Okafor' },
    ]);
    const { dialog } = await conflictAfter(
      (s) => s.dispatch(cmd.updateCard, { cardId: 'c1', patch: { text: 'Mine' } }),
      { loadMembers },
    );
    const who = within(dialog()).getByTestId('conflict-who').textContent;
    expect(who).toContain('Sam Okafor saved a newer version');
    expect(who).toContain(new Date(SAVED_AT).toLocaleString());
    expect(who).not.toContain(SAM);
    expect(loadMembers).toHaveBeenCalledTimes(1);
  });

  it('says "another member" when the id is not a member or the list cannot load', async () => {
    const { dialog } = await conflictAfter(
      (s) => s.dispatch(cmd.updateCard, { cardId: 'c1', patch: { text: 'Mine' } }),
      { loadMembers: async () => Promise.reject(new Error('offline')) },
    );
    expect(within(dialog()).getByTestId('conflict-who').textContent).toMatch(/^Another member saved/);
    expect(dialog().textContent).not.toContain(SAM);
  });

  it('merges what only one side changed without asking, and saves it on their version', async () => {
    const { store, calls, dialog } = await conflictAfter((s) =>
      s.dispatch(cmd.updateCard, { cardId: 'c1', patch: { text: 'Searches on the phone' } }),
    );
    expect(within(dialog()).queryAllByTestId('merge-conflict')).toHaveLength(0);
    const auto = within(dialog())
      .getAllByTestId('merge-auto')
      .map((li) => li.textContent);
    expect(auto).toEqual(
      expect.arrayContaining([
        'Card Searches on the phone: you changed',
        'Card On hold for 12 minutes: they changed',
        'Card Shows insurance card: they deleted',
      ]),
    );
    await act(async () => {
      fireEvent.click(within(dialog()).getByTestId('save-merged'));
    });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.base).toBe(5);
    const cards = new Map(calls[1]!.doc.cards.map((c) => [c.id, c.text]));
    expect(cards.get('c1')).toBe('Searches on the phone');
    expect(cards.get('c2')).toBe('On hold for 12 minutes');
    expect(cards.has('c6')).toBe(false);
    expect(store().doc).toBe(calls[1]!.doc);
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    expect(screen.getByTestId('save-status').textContent).toBe('Saved');
  });

  it('shows both versions of an item both changed, side by side, and saves the chosen one', async () => {
    const { calls, dialog } = await conflictAfter((s) => {
      s.dispatch(cmd.updateCard, { cardId: 'c5', patch: { text: 'Fills in three paper forms' } });
      s.dispatch(cmd.updateCard, { cardId: 'c1', patch: { text: 'Mine' } });
    });
    const [conflict, ...rest] = within(dialog()).getAllByTestId('merge-conflict');
    expect(rest).toHaveLength(0);
    expect(conflict!.querySelector('legend')?.textContent).toBe('Card Fills in paper forms'); // as both knew it
    const mine = within(conflict!).getByRole('radio', { name: /Keep mine/ });
    const theirsRadio = within(conflict!).getByRole('radio', { name: /Keep theirs/ });
    expect(mine.closest('label')?.textContent).toContain('You changed');
    expect(mine.closest('label')?.textContent).toContain('Fills in three paper forms');
    expect(theirsRadio.closest('label')?.textContent).toContain('Paper forms, twice');
    // Nothing is chosen for an edit against an edit: the merge waits for the choice.
    const saveMerged = within(dialog()).getByTestId('save-merged') as HTMLButtonElement;
    expect(saveMerged.disabled).toBe(true);
    expect(saveMerged.textContent).toContain('Choose for 1 more item first');
    fireEvent.click(mine);
    expect(saveMerged.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(saveMerged);
    });
    const cards = new Map(calls[1]!.doc.cards.map((c) => [c.id, c.text]));
    expect(cards.get('c5')).toBe('Fills in three paper forms');
    expect(cards.get('c1')).toBe('Mine');
    expect(cards.get('c2')).toBe('On hold for 12 minutes');
  });

  it('a card I edited that they deleted: a conflict with my edit suggested', async () => {
    const { calls, dialog } = await conflictAfter((s) =>
      s.dispatch(cmd.updateCard, { cardId: 'c6', patch: { text: 'Shows insurance card and ID' } }),
    );
    const conflict = within(dialog()).getByTestId('merge-conflict');
    expect(conflict.textContent).toContain('keeping the change is suggested');
    const theirsSide = within(conflict)
      .getByRole('radio', { name: /Keep theirs/ })
      .closest('label')!;
    expect(theirsSide.textContent).toContain('They deleted');
    expect(theirsSide.textContent).toContain('Deleted');
    expect((within(conflict).getByRole('radio', { name: /Keep mine/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    await act(async () => {
      fireEvent.click(within(dialog()).getByTestId('save-merged'));
    });
    expect(calls[1]!.doc.cards.find((c) => c.id === 'c6')?.text).toBe('Shows insurance card and ID');
  });

  it('Escape closes the dialog to decide later; "Resolve…" has focus and reopens it', async () => {
    const { calls, dialog } = await conflictAfter((s) =>
      s.dispatch(cmd.updateCard, { cardId: 'c1', patch: { text: 'Mine' } }),
    );
    fireEvent.keyDown(within(dialog()).getByTestId('save-merged'), { key: 'Escape' });
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    const resolve = screen.getByTestId('resolve-conflict');
    expect(document.activeElement).toBe(resolve);
    expect(screen.getByTestId('save-status').textContent).toContain('Not saved');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(calls).toHaveLength(1); // still paused: nothing is saved while the choice waits
    fireEvent.click(resolve);
    expect(screen.getByTestId('conflict-dialog')).toBeTruthy();
  });
});
