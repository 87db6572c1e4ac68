import { JourneyContent } from '@pathlight/core';
import * as commands from './commands/index';
import { CommandError } from './commands/index';

export interface CellRef {
  laneId: string;
  stepId: string;
}

/** What is selected: one card, or a set of cells (e.g. an opportunity's links shown on the map). */
export type Selection =
  | { kind: 'card'; cardId: string }
  | { kind: 'cells'; cells: CellRef[]; stepIds: string[]; label: string }
  | null;

export interface Notice {
  id: number;
  text: string;
  /** Offer an Undo button next to the message (after deletes). */
  undo: boolean;
}

export interface EditorUi {
  selection: Selection;
  focusedCell: CellRef | null;
  /** Show the map for one persona (its emotion curve and cards tagged with its name) or all (null). */
  personaFilter: string | null;
  highlightAssumed: boolean;
  /** Whose emotion curve a click on the emotions lane draws (when no persona filter is set). */
  emotionPersonaId: string | null;
  zoom: number;
  compact: boolean;
  tab: 'map' | 'board' | 'kpis';
  /** Cards lit up while hovering an opportunity (its linked cards). */
  hoverCardIds: ReadonlySet<string> | null;
  notice: Notice | null;
  error: string | null;
}

export interface EditorSnapshot {
  doc: JourneyContent;
  ui: EditorUi;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

interface HistoryEntry {
  label: string;
  before: JourneyContent;
  after: JourneyContent;
  coalesceKey: string | null;
  at: number;
}

export interface EditorStoreOptions {
  /** Id generator for new stages, steps, lanes, cards… (injected so tests are deterministic). */
  newId: () => string;
  /** Clock in ms, used only to coalesce rapid typing into one undo step. */
  now?: () => number;
  /** Check every result against the `JourneyContent` schema (a safety net; commands already check). */
  validate?: boolean;
  /** Edits within this many ms that share a coalesce key become one undo step. */
  coalesceMs?: number;
}

type Command<A> = (doc: JourneyContent, args: A) => JourneyContent;

const labels = new Map<unknown, string>([
  [commands.addStage, 'add stage'],
  [commands.renameStage, 'rename stage'],
  [commands.setStageGoal, 'edit stage goal'],
  [commands.moveStage, 'move stage'],
  [commands.hideStage, 'hide stage'],
  [commands.deleteStage, 'delete stage'],
  [commands.addStep, 'add step'],
  [commands.renameStep, 'rename step'],
  [commands.setStepDescription, 'edit step description'],
  [commands.moveStep, 'move step'],
  [commands.setStepOptional, 'mark step optional'],
  [commands.hideStep, 'hide step'],
  [commands.deleteStep, 'delete step'],
  [commands.setStepActivities, 'edit step activities'],
  [commands.addLane, 'add lane'],
  [commands.renameLane, 'rename lane'],
  [commands.moveLane, 'move lane'],
  [commands.hideLane, 'hide lane'],
  [commands.deleteLane, 'delete lane'],
  [commands.addCard, 'add card'],
  [commands.updateCard, 'edit card'],
  [commands.moveCard, 'move card'],
  [commands.deleteCard, 'delete card'],
  [commands.setEvidence, 'edit evidence'],
  [commands.setEmotion, 'set emotion'],
  [commands.clearEmotion, 'clear emotion'],
  [commands.addSystem, 'add system'],
  [commands.updateSystem, 'edit system'],
  [commands.deleteSystem, 'delete system'],
  [commands.addOpportunity, 'add opportunity'],
  [commands.updateOpportunity, 'edit opportunity'],
  [commands.deleteOpportunity, 'delete opportunity'],
  [commands.updateMeta, 'edit journey details'],
  [commands.addMappedStep, 'add step from data'],
  [commands.addKpi, 'add KPI'],
  [commands.updateKpi, 'edit KPI'],
  [commands.deleteKpi, 'delete KPI'],
]);

const HISTORY_LIMIT = 200;

/**
 * The map editor's state in plain TypeScript: the journey document, UI state and undo/redo.
 * Every edit goes through a named command; React reads it through `subscribe`/`getSnapshot`.
 */
export class EditorStore {
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private noticeSeq = 0;
  /** Set by undo/redo and explicit breaks so the next edit starts a fresh undo step. */
  private breakCoalescing = false;
  readonly newId: () => string;
  private readonly now: () => number;
  private readonly validate: boolean;
  private readonly coalesceMs: number;

  constructor(doc: JourneyContent, options: EditorStoreOptions) {
    this.newId = options.newId;
    this.now = options.now ?? (() => Date.now());
    this.validate = options.validate ?? true;
    this.coalesceMs = options.coalesceMs ?? 1000;
    this.snapshot = {
      doc,
      ui: {
        selection: null,
        focusedCell: null,
        personaFilter: null,
        highlightAssumed: false,
        emotionPersonaId: null,
        zoom: 1,
        compact: false,
        tab: 'map',
        hoverCardIds: null,
        notice: null,
        error: null,
      },
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snapshot;

  get doc(): JourneyContent {
    return this.snapshot.doc;
  }

  get ui(): EditorUi {
    return this.snapshot.ui;
  }

  /**
   * Applies a named command. Returns false (and shows the reason) when the command refuses.
   * Edits sharing `coalesceKey` within the coalescing window become one undo step (typing).
   */
  dispatch<A>(command: Command<A>, args: A, options: { coalesceKey?: string } = {}): boolean {
    const label = labels.get(command) ?? 'edit';
    return this.apply(label, (doc) => command(doc, args), options.coalesceKey ?? null);
  }

  /** Applies several commands as one undo step (e.g. "start the map" = stage + step + lanes). */
  transact(label: string, change: (doc: JourneyContent) => JourneyContent): boolean {
    return this.apply(label, change, null);
  }

  private apply(label: string, change: (doc: JourneyContent) => JourneyContent, key: string | null): boolean {
    const before = this.snapshot.doc;
    let after: JourneyContent;
    try {
      after = change(before);
    } catch (err) {
      if (err instanceof CommandError) {
        this.setUi({ error: err.message });
        return false;
      }
      throw err;
    }
    if (after === before) return true;
    if (this.validate) {
      const result = JourneyContent.safeParse(after);
      if (!result.success) {
        const issue = result.error.issues[0];
        this.setUi({
          error: `${label}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
        });
        return false;
      }
    }
    const at = this.now();
    const last = this.past[this.past.length - 1];
    if (
      key !== null &&
      !this.breakCoalescing &&
      last &&
      last.coalesceKey === key &&
      at - last.at <= this.coalesceMs
    ) {
      last.after = after;
      last.at = at;
    } else {
      this.past.push({ label, before, after, coalesceKey: key, at });
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    this.breakCoalescing = false;
    this.future = [];
    this.commit(after, { error: null });
    return true;
  }

  /** Ends the current coalescing run (e.g. when a text field loses focus). */
  endTyping(): void {
    this.breakCoalescing = true;
  }

  undo(): void {
    const entry = this.past.pop();
    if (!entry) return;
    this.future.push(entry);
    this.breakCoalescing = true;
    this.commit(entry.before, { error: null, notice: null });
  }

  redo(): void {
    const entry = this.future.pop();
    if (!entry) return;
    this.past.push(entry);
    this.breakCoalescing = true;
    this.commit(entry.after, { error: null, notice: null });
  }

  /** Replaces the whole document (e.g. "take theirs" after a conflict); clears undo history. */
  replaceDocument(doc: JourneyContent): void {
    this.past = [];
    this.future = [];
    this.commit(doc, { selection: null, error: null });
  }

  // ---- UI state ----

  select(selection: Selection): void {
    this.setUi({ selection });
  }

  focusCell(cell: CellRef | null): void {
    const f = this.snapshot.ui.focusedCell;
    if (f === cell || (f && cell && f.laneId === cell.laneId && f.stepId === cell.stepId)) return;
    this.setUi({ focusedCell: cell });
  }

  setPersonaFilter(personaId: string | null): void {
    this.setUi({ personaFilter: personaId });
  }

  setHighlightAssumed(on: boolean): void {
    this.setUi({ highlightAssumed: on });
  }

  setEmotionPersona(personaId: string | null): void {
    this.setUi({ emotionPersonaId: personaId });
  }

  setZoom(zoom: number): void {
    this.setUi({ zoom: Math.round(Math.min(2, Math.max(0.25, zoom)) * 100) / 100 });
  }

  setCompact(on: boolean): void {
    this.setUi({ compact: on });
  }

  setTab(tab: EditorUi['tab']): void {
    this.setUi({ tab });
  }

  setHoverCards(ids: ReadonlySet<string> | null): void {
    if (ids === this.snapshot.ui.hoverCardIds) return;
    this.setUi({ hoverCardIds: ids });
  }

  notify(text: string, undo = false): void {
    this.noticeSeq += 1;
    this.setUi({ notice: { id: this.noticeSeq, text, undo } });
  }

  dismissNotice(): void {
    this.setUi({ notice: null });
  }

  clearError(): void {
    this.setUi({ error: null });
  }

  private setUi(patch: Partial<EditorUi>): void {
    this.snapshot = { ...this.snapshot, ui: { ...this.snapshot.ui, ...patch } };
    this.emit();
  }

  private commit(doc: JourneyContent, uiPatch: Partial<EditorUi>): void {
    const ui = { ...this.snapshot.ui, ...uiPatch };
    // Drop a selection whose card no longer exists (deleted, or undone away).
    if (ui.selection?.kind === 'card') {
      const id = ui.selection.cardId;
      if (!doc.cards.some((c) => c.id === id)) ui.selection = null;
    }
    const lastPast = this.past[this.past.length - 1];
    const lastFuture = this.future[this.future.length - 1];
    this.snapshot = {
      doc,
      ui,
      canUndo: lastPast !== undefined,
      canRedo: lastFuture !== undefined,
      undoLabel: lastPast?.label ?? null,
      redoLabel: lastFuture?.label ?? null,
    };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
