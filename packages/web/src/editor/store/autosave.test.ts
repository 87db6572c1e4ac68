import type { JourneyContent } from '@pathlight/core';
import { describe, expect, it } from 'vitest';
import { counterIds, sampleJourney } from '../fixtures/sample-journey';
import { Autosave, type SaveResult, type Timers } from './autosave';
import { renameStep, updateCard } from './commands/index';
import { EditorStore } from './editor-store';

/** Manual timers: `tick()` fires what is due. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      seq += 1;
      pending.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  const tick = async (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending]) {
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { timers, tick };
}

function setup(results: (SaveResult | Error)[]) {
  const store = new EditorStore(sampleJourney(), { newId: counterIds() });
  const calls: { doc: JourneyContent; base: number }[] = [];
  const save = async (doc: JourneyContent, base: number) => {
    calls.push({ doc, base });
    const r = results.shift() ?? { ok: true as const, version: base + 1 };
    if (r instanceof Error) throw r;
    return r;
  };
  const { timers, tick } = fakeTimers();
  const autosave = new Autosave(store, save, 7, { timers });
  autosave.start();
  return { store, autosave, calls, tick };
}

describe('Autosave', () => {
  it('debounces edits for 800 ms and saves once with the base version', async () => {
    const { store, autosave, calls, tick } = setup([]);
    store.dispatch(renameStep, { stepId: 't1', name: 'A' });
    await tick(500);
    store.dispatch(renameStep, { stepId: 't1', name: 'AB' });
    expect(autosave.getSnapshot().status).toBe('unsaved');
    await tick(500);
    expect(calls).toHaveLength(0);
    await tick(300);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.base).toBe(7);
    expect(calls[0]!.doc.stages[0]!.steps[0]!.name).toBe('AB');
    expect(autosave.getSnapshot()).toMatchObject({ status: 'saved', version: 8 });
  });

  it('goes offline on a network error and retries with the latest document', async () => {
    const { store, autosave, calls, tick } = setup([new Error('Failed to fetch')]);
    store.dispatch(renameStep, { stepId: 't1', name: 'A' });
    await tick(800);
    expect(autosave.getSnapshot()).toMatchObject({ status: 'offline', lastError: 'Failed to fetch' });
    store.dispatch(renameStep, { stepId: 't1', name: 'B' });
    await tick(2000);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.doc.stages[0]!.steps[0]!.name).toBe('B');
    expect(autosave.getSnapshot().status).toBe('saved');
  });

  it('stops at a conflict; keep mine saves my document on their version', async () => {
    const theirs = renameStep(sampleJourney(), { stepId: 't2', name: 'Theirs' });
    const { store, autosave, calls, tick } = setup([
      { ok: false, conflict: { version: 9, document: theirs, updatedAt: '2026-01-01T00:00:00Z' } },
    ]);
    store.dispatch(renameStep, { stepId: 't1', name: 'Mine' });
    await tick(800);
    const s = autosave.getSnapshot();
    expect(s.status).toBe('conflict');
    expect(s.conflict?.version).toBe(9);
    store.dispatch(updateCard, { cardId: 'c1', patch: { text: 'more' } });
    await tick(5000);
    expect(calls).toHaveLength(1); // paused while the user decides
    await autosave.keepMine();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.base).toBe(9);
    expect(calls[1]!.doc).toBe(store.doc);
    expect(autosave.getSnapshot()).toMatchObject({ status: 'saved', version: 10, conflict: null });
  });

  it('keeps the base of a conflict; a merged document is saved on their version', async () => {
    const theirs = renameStep(sampleJourney(), { stepId: 't2', name: 'Theirs' });
    const { store, autosave, calls, tick } = setup([
      { ok: false, conflict: { version: 9, document: theirs, updatedAt: '2026-01-01T00:00:00Z' } },
    ]);
    const base = store.doc;
    store.dispatch(renameStep, { stepId: 't1', name: 'Mine' });
    await tick(800);
    const c = autosave.getSnapshot().conflict!;
    expect(c.base).toBe(base);
    expect(c.mine).toBe(store.doc);
    const merged = renameStep(theirs, { stepId: 't1', name: 'Mine' });
    await autosave.saveMerged(merged);
    expect(store.doc).toBe(merged);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ doc: merged, base: 9 });
    expect(autosave.getSnapshot()).toMatchObject({ status: 'saved', version: 10, conflict: null });
  });

  it('take theirs replaces the document and clears undo', async () => {
    const theirs = renameStep(sampleJourney(), { stepId: 't2', name: 'Theirs' });
    const { store, autosave, calls, tick } = setup([
      { ok: false, conflict: { version: 9, document: theirs, updatedAt: '2026-01-01T00:00:00Z' } },
    ]);
    store.dispatch(renameStep, { stepId: 't1', name: 'Mine' });
    await tick(800);
    autosave.takeTheirs();
    expect(store.doc).toBe(theirs);
    expect(store.getSnapshot().canUndo).toBe(false);
    expect(autosave.getSnapshot()).toMatchObject({ status: 'saved', version: 9 });
    store.dispatch(renameStep, { stepId: 't1', name: 'After' });
    await tick(800);
    expect(calls[1]!.base).toBe(9);
  });

  it('survives stop and start (React effects run twice in development)', async () => {
    const { store, autosave, calls, tick } = setup([]);
    autosave.dispose();
    store.dispatch(renameStep, { stepId: 't1', name: 'While stopped' });
    await tick(1000);
    expect(calls).toHaveLength(0);
    autosave.start();
    expect(autosave.getSnapshot().status).toBe('unsaved');
    await tick(800);
    expect(calls).toHaveLength(1);
    expect(autosave.getSnapshot().status).toBe('saved');
  });

  it('a refused save (4xx) is "failed" without retrying until the next edit', async () => {
    const refused = Object.assign(new Error('journey.name: must not be empty'), { status: 400 });
    const { store, autosave, calls, tick } = setup([refused]);
    store.dispatch(renameStep, { stepId: 't1', name: 'A' });
    await tick(800);
    expect(autosave.getSnapshot()).toMatchObject({
      status: 'failed',
      lastError: 'journey.name: must not be empty',
    });
    await tick(60_000);
    expect(calls).toHaveLength(1);
    store.dispatch(renameStep, { stepId: 't1', name: 'B' });
    await tick(800);
    expect(calls).toHaveLength(2);
    expect(autosave.getSnapshot().status).toBe('saved');
  });

  it('undo back to the saved document is "saved" without a request', async () => {
    const { store, autosave, calls, tick } = setup([]);
    store.dispatch(renameStep, { stepId: 't1', name: 'A' });
    store.undo();
    expect(autosave.getSnapshot().status).toBe('saved');
    await tick(1000);
    expect(calls).toHaveLength(0);
  });
});
