import type { JourneyContent, Persona } from '@pathlight/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { download, fileStem } from '../../lib/download';
import { OpportunityBoard } from '../board/opportunity-board';
import { ConflictDialog } from '../conflict/conflict-dialog';
import { KpiPanel } from '../evidence/kpi-panel';
import { ScaleKey } from '../evidence/step-data';
import type { MapEvidence } from '../evidence/types';
import { journeyToExport } from '../export/json';
import {
  EditorContext,
  type EditorContextValue,
  useAutosaveState,
  useEditor,
  useEditorState,
} from '../hooks';
import { EvidenceKey } from '../map/evidence-key';
import { MapGrid, type StepMetrics } from '../map/map-grid';
import { CardPanel } from '../panel/card-panel';
import { DetailsPanel } from '../panel/details-panel';
import { Autosave, type SaveFn } from '../store/autosave';
import { EditorStore } from '../store/editor-store';
import { EmptyState } from './empty-state';
import { Toolbar } from './toolbar';
import '../glyphs/glyphs.css';
import '../map/map.css';
import '../panel/panel.css';
import '../board/board.css';
import '../evidence/evidence.css';
import './journey-editor.css';

export interface JourneyEditorProps {
  /** The stored journey: its document and the version the document was loaded at. */
  journey: { version: number; document: JourneyContent };
  /** The workspace's personas (names and colours of the emotion curves). */
  personas: readonly Persona[];
  /** Viewers: no edit affordances at all; export still works. */
  readOnly?: boolean;
  /** Saves a document based on a version; a 409 is returned as `{ ok: false, conflict }`. */
  save?: SaveFn;
  /** Opens the host's detail view for a step (live metrics, later issue). */
  onOpenStep?: (stepId: string) => void;
  /** Numbers per step for the data lane (free-form label/value pairs). */
  metrics?: StepMetrics;
  /** Live event data: step numbers and colour scale on the headers, KPI values, activity mapping. */
  evidence?: MapEvidence;
  /** Id generator for new map elements; defaults to random UUIDs. */
  newId?: () => string;
  /** Clock for export dates; defaults to the system clock. */
  now?: () => Date;
  /**
   * The workspace's members (e.g. `api.members.list`), loaded when a save conflict needs the name
   * of who saved; without it, or for an unknown id, the dialog says "another member".
   */
  loadMembers?: () => Promise<readonly { userId: string; name: string }[]>;
  /** Hands the host the store (e.g. for tests or an outside "save now"). */
  onReady?: (handle: { store: EditorStore; autosave: Autosave | null }) => void;
}

/**
 * The journey map editor: map and opportunity board, toolbar, card panel, autosave with
 * conflict handling. Mount one per journey (key it by journey id).
 */
export function JourneyEditor(props: JourneyEditorProps) {
  const { journey, personas, readOnly = false, save } = props;
  const [store] = useState(
    () =>
      new EditorStore(journey.document, {
        newId: props.newId ?? (() => crypto.randomUUID()),
        // The full-schema check costs ~9 ms per edit on a 600-card map; commands check their own
        // inputs and the server validates every save, so the safety net runs in development only.
        validate: import.meta.env.DEV,
      }),
  );
  const [autosave] = useState(() => (readOnly || !save ? null : new Autosave(store, save, journey.version)));
  useEffect(() => {
    autosave?.start();
    return () => {
      // Leaving the page inside the app: send what the debounce still holds, then stop.
      if (autosave?.dirty) void autosave.flush();
      autosave?.dispose();
    };
  }, [autosave]);
  const onReady = useRef(props.onReady);
  useEffect(() => onReady.current?.({ store, autosave }), [store, autosave]);
  const context: EditorContextValue = useMemo(
    () => ({ store, readOnly, personas }),
    [store, readOnly, personas],
  );
  return (
    <EditorContext.Provider value={context}>
      <EditorFrame {...props} autosave={autosave} />
    </EditorContext.Provider>
  );
}

/** The name of a workspace member by user id, loaded on demand; null while unknown. */
function useMemberName(load: JourneyEditorProps['loadMembers'], userId: string | null): string | null {
  const [name, setName] = useState<{ userId: string; name: string | null } | null>(null);
  useEffect(() => {
    if (!load || !userId) return;
    let live = true;
    load().then(
      (members) => {
        if (live) setName({ userId, name: members.find((m) => m.userId === userId)?.name ?? null });
      },
      () => {
        if (live) setName({ userId, name: null });
      },
    );
    return () => {
      live = false;
    };
  }, [load, userId]);
  return name && name.userId === userId ? name.name : null;
}

/** Focus an element once React has committed. */
function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function EditorFrame(props: JourneyEditorProps & { autosave: Autosave | null }) {
  const { autosave, readOnly = false } = props;
  const { store, personas } = useEditor();
  const doc = useEditorState((s) => s.doc);
  const ui = useEditorState((s) => s.ui);
  const saveState = useAutosaveState(autosave);
  const gridRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [details, setDetails] = useState(false);
  const clickedCard = ui.selection?.kind === 'card' ? ui.selection.cardId : null;
  useEffect(() => {
    if (clickedCard) setDetails(false); // a clicked card takes the side panel
  }, [clickedCard]);

  // Fill the rest of the window so the map scrolls inside its own box (sticky headers need a
  // scroll container), whether or not the host page gives the editor a definite height.
  useLayoutEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(420, window.innerHeight - top - 16)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    // Content above the editor may change height after mount (e.g. a host's filter bar once data
    // loads, or late styles): the surrounding box then changes size, and the editor refits.
    const grow = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    grow?.observe(document.body);
    if (el.parentElement) grow?.observe(el.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      grow?.disconnect();
    };
  }, []);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const now = props.now ?? (() => new Date());

  // Undo/redo shortcuts anywhere in the page, except while typing in a field (the field's own undo).
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, readOnly]);

  // Escape that nothing inside handled (menus, popovers, dialogs and the panels handle their own)
  // closes the open side panel; focus returns to what opened it when it was in the panel or lost.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const root = rootRef.current;
      const active = document.activeElement;
      const lost = !active || active === document.body;
      const inPanel = !!active?.closest?.('.pl-panel');
      if (!root || (!lost && !inPanel && !root.contains(active))) return;
      if (details) {
        setDetails(false);
        if (lost || inPanel) root.querySelector<HTMLElement>('[data-testid="details-toggle"]')?.focus();
      } else if (clickedCard) {
        store.select(null);
        if (lost || inPanel) root.querySelector<HTMLElement>(`[data-card-id="${clickedCard}"]`)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [details, clickedCard, store]);

  // Warn before leaving with unsaved edits, and try to save them.
  useEffect(() => {
    if (!autosave) return;
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!autosave.dirty) return;
      void autosave.flush();
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [autosave]);

  // Dismiss the notice after a while.
  useEffect(() => {
    if (!ui.notice) return;
    const t = setTimeout(() => store.dismissNotice(), 8000);
    return () => clearTimeout(t);
  }, [ui.notice, store]);

  const selectedCard =
    ui.selection?.kind === 'card'
      ? doc.cards.find((c) => c.id === (ui.selection as { cardId: string }).cardId)
      : undefined;
  const conflict = saveState.conflict;
  // Escape closes the conflict dialog to decide later; the status then offers to reopen it.
  const [conflictHidden, setConflictHidden] = useState(false);
  useEffect(() => {
    if (conflict) setConflictHidden(false);
  }, [conflict]);
  const savedBy = useMemberName(props.loadMembers, conflict?.updatedBy ?? null);

  return (
    <div className="pl-editor" data-testid="journey-editor" ref={rootRef}>
      <Toolbar
        empty={doc.stages.length === 0}
        detailsOpen={details}
        onToggleDetails={() => {
          if (!details) store.select(null);
          setDetails(!details);
        }}
        save={autosave ? saveState : null}
        onResolveConflict={conflict && conflictHidden ? () => setConflictHidden(false) : undefined}
        mapElement={() => gridRef.current}
        scroller={() => scrollerRef.current}
        now={now}
      />
      {ui.selection?.kind === 'cells' && (
        <div className="pl-banner" role="status">
          Showing “{ui.selection.label}” on the map: {ui.selection.cells.length} linked{' '}
          {ui.selection.cells.length === 1 ? 'card' : 'cards'}, {ui.selection.stepIds.length}{' '}
          {ui.selection.stepIds.length === 1 ? 'step' : 'steps'} outlined.
          <button type="button" className="pl-btn pl-btn--ghost" onClick={() => store.select(null)}>
            Clear
          </button>
        </div>
      )}
      <div className="pl-body">
        {ui.tab === 'board' ? (
          <OpportunityBoard />
        ) : ui.tab === 'kpis' ? (
          <KpiPanel
            library={props.evidence?.library ?? []}
            values={props.evidence?.kpis ?? null}
            activities={props.evidence?.activities ?? null}
          />
        ) : doc.stages.length === 0 ? (
          <EmptyState />
        ) : (
          <>
            <div className="pl-scroller" ref={scrollerRef} data-testid="map-scroller">
              <MapGrid
                ref={gridRef}
                metrics={props.metrics}
                onOpenStep={props.onOpenStep}
                evidence={props.evidence}
              />
            </div>
            {selectedCard && !details && (
              <CardPanel key={selectedCard.id} card={selectedCard} onClose={() => store.select(null)} />
            )}
          </>
        )}
        {details && (
          <DetailsPanel onClose={() => setDetails(false)} today={() => now().toISOString().slice(0, 10)} />
        )}
      </div>
      <footer className="pl-footer">
        <EvidenceKey />
        {props.evidence?.steps && props.evidence.steps.length > 0 ? (
          <ScaleKey />
        ) : (
          <span className="pl-muted">Click a card to see and edit its evidence.</span>
        )}
      </footer>
      <div className="pl-toasts">
        {ui.notice && (
          <div className="pl-toast" role="status">
            {ui.notice.text}
            {ui.notice.undo && !readOnly && (
              <button
                type="button"
                className="pl-btn pl-btn--ghost"
                onClick={() => {
                  store.undo();
                  store.dismissNotice();
                }}
              >
                Undo
              </button>
            )}
            <button
              type="button"
              className="pl-btn pl-btn--ghost"
              aria-label="Dismiss"
              onClick={() => store.dismissNotice()}
            >
              ×
            </button>
          </div>
        )}
        {ui.error && (
          <div className="pl-toast pl-toast--error" role="alert">
            {ui.error}
            <button
              type="button"
              className="pl-btn pl-btn--ghost"
              aria-label="Dismiss"
              onClick={() => store.clearError()}
            >
              ×
            </button>
          </div>
        )}
      </div>
      {conflict && autosave && !conflictHidden && (
        <ConflictDialog
          base={conflict.base}
          mine={conflict.mine}
          theirs={conflict.document}
          updatedAt={conflict.updatedAt}
          savedBy={savedBy}
          personas={personas}
          onMerge={(merged) => void autosave.saveMerged(merged)}
          onDismiss={() => {
            setConflictHidden(true);
            focusLater('[data-testid="resolve-conflict"]');
          }}
          onKeepMine={() => void autosave.keepMine()}
          onTakeTheirs={() => autosave.takeTheirs()}
          onCopyMine={async () => {
            const text = JSON.stringify(journeyToExport(conflict.mine, now().toISOString()), null, 2);
            try {
              await navigator.clipboard.writeText(text);
              store.notify('Your version is on the clipboard (a Pathlight journey export, JSON).');
            } catch {
              // No clipboard (e.g. a page served over plain http): keep the user's work as a file instead.
              download(
                new Blob([text], { type: 'application/json' }),
                `${fileStem(conflict.mine.name)}-my-version.pathlight.json`,
              );
              store.notify(
                'The browser blocked the clipboard, so your version was downloaded as a file instead.',
              );
            }
          }}
        />
      )}
    </div>
  );
}
