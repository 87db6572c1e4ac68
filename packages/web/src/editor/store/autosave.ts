import type { JourneyContent } from '@pathlight/core';
import type { EditorStore } from './editor-store';

export interface SaveConflict {
  version: number;
  document: JourneyContent;
  updatedBy?: string | null;
  updatedAt: string;
}

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: SaveConflict };

/** The host's save function: PUT the document based on a version; a 409 comes back as a conflict. */
export type SaveFn = (document: JourneyContent, baseVersion: number) => Promise<SaveResult>;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'failed' | 'conflict';

export interface AutosaveState {
  status: SaveStatus;
  version: number;
  /**
   * Set while the server holds a newer version than ours and the user has not chosen yet: theirs,
   * mine, and the base both started from (the last version this editor saved or loaded).
   */
  conflict: (SaveConflict & { mine: JourneyContent; base: JourneyContent }) | null;
  lastError: string | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Saves the store's document a short while after the last edit, retries when offline, and stops
 * at a version conflict until the user chooses (never a silent overwrite).
 */
export class Autosave {
  private state: AutosaveState;
  private readonly listeners = new Set<() => void>();
  private savedDoc: JourneyContent;
  private timer: unknown = null;
  private inFlight = false;
  private retryMs = 0;
  private unsubscribe: (() => void) | null = null;
  private disposed = true;

  constructor(
    private readonly store: EditorStore,
    private readonly save: SaveFn,
    version: number,
    private readonly options: { debounceMs?: number; timers?: Timers; maxRetryMs?: number } = {},
  ) {
    this.savedDoc = store.doc;
    this.state = { status: 'saved', version, conflict: null, lastError: null };
  }

  /**
   * Starts watching the store (again). Paired with `dispose` so React's effect double-run in
   * development (mount, cleanup, mount) leaves a working autosave.
   */
  start(): void {
    if (!this.disposed) return;
    this.disposed = false;
    this.unsubscribe = this.store.subscribe(() => this.onStoreChange());
    this.onStoreChange(); // edits made while stopped
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveState => this.state;

  private get timers(): Timers {
    return this.options.timers ?? browserTimers;
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearTimer();
  }

  /** Whether there are edits the server does not have yet. */
  get dirty(): boolean {
    return this.store.doc !== this.savedDoc;
  }

  private onStoreChange(): void {
    if (this.state.status === 'conflict' || this.inFlight) return;
    if (!this.dirty) {
      // e.g. undo back to exactly what was saved
      if (this.state.status === 'unsaved') {
        this.clearTimer();
        this.set({ status: 'saved' });
      }
      return;
    }
    if (this.state.status === 'offline') return; // the retry timer will pick it up
    // after 'failed', a new edit tries again
    this.set({ status: 'unsaved' });
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Saves now (e.g. before leaving the page), skipping the debounce. */
  flush(): Promise<void> {
    this.clearTimer();
    return this.run();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.inFlight || this.disposed || this.state.status === 'conflict' || !this.dirty) return;
    const doc = this.store.doc;
    this.inFlight = true;
    this.set({ status: 'saving' });
    let result: SaveResult;
    try {
      result = await this.save(doc, this.state.version);
    } catch (err) {
      this.inFlight = false;
      if (this.disposed) return;
      const message = err instanceof Error ? err.message : String(err);
      const status = (err as { status?: unknown } | null)?.status;
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        // The server refused this document (e.g. invalid, or no permission): retrying the same
        // document cannot help, so wait for the next edit.
        this.set({ status: 'failed', lastError: message });
        return;
      }
      const max = this.options.maxRetryMs ?? 30_000;
      this.retryMs = Math.min(max, this.retryMs === 0 ? 2000 : this.retryMs * 2);
      this.set({ status: 'offline', lastError: message });
      this.schedule(this.retryMs);
      return;
    }
    this.inFlight = false;
    this.retryMs = 0;
    if (this.disposed) return;
    if (!result.ok) {
      this.clearTimer();
      this.set({
        status: 'conflict',
        conflict: { ...result.conflict, mine: this.store.doc, base: this.savedDoc },
        lastError: null,
      });
      return;
    }
    this.savedDoc = doc;
    if (this.dirty) {
      // edits arrived while saving: save those too
      this.set({ status: 'unsaved', version: result.version, lastError: null });
      this.schedule(this.options.debounceMs ?? 800);
    } else {
      this.set({ status: 'saved', version: result.version, lastError: null });
    }
  }

  /** Conflict choice: put my document on top of the server's version (an explicit overwrite). */
  keepMine(): Promise<void> {
    const c = this.state.conflict;
    if (!c) return Promise.resolve();
    // Base on their version so the server accepts it; mark dirty even if nothing changed since.
    this.savedDoc = c.document;
    this.set({ status: 'unsaved', version: c.version, conflict: null });
    return this.flush();
  }

  /**
   * Conflict choice: put a merge of mine and theirs in the editor and save it as a normal
   * versioned save based on their version (a newer save by someone else conflicts again).
   */
  saveMerged(merged: JourneyContent): Promise<void> {
    const c = this.state.conflict;
    if (!c) return Promise.resolve();
    this.savedDoc = c.document;
    this.set({ status: 'unsaved', version: c.version, conflict: null });
    this.store.replaceDocument(merged);
    return this.flush();
  }

  /** Conflict choice: discard my edits and load the server's version. */
  takeTheirs(): void {
    const c = this.state.conflict;
    if (!c) return;
    this.clearTimer();
    this.savedDoc = c.document;
    this.set({ status: 'saved', version: c.version, conflict: null });
    this.store.replaceDocument(c.document);
  }

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
