import { strongestConfidence } from '@pathlight/core';
import { useMemo, useState } from 'react';
import { download, fileStem } from '../../lib/download';
import { cardsToCsv } from '../export/csv';
import { mapToPng, mapToSvg } from '../export/image';
import { journeyToExport } from '../export/json';
import { mapToPoster, type PosterSize } from '../export/poster';
import { journeyIdOfPage, sharedPosterNumbers } from '../export/poster-numbers';
import { useEditor, useEditorState } from '../hooks';
import { journeyPersonas } from '../map/layout';
import { COL_WIDTH, LANE_WIDTH } from '../map/map-grid';
import { Menu, type MenuItem } from '../map/menu';
import type { AutosaveState } from '../store/autosave';
import * as cmd from '../store/commands/index';
import { KeyboardHelp } from './keyboard-help';

const STATUS_TEXT: Record<AutosaveState['status'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  offline: 'Offline — retrying',
  failed: 'Not saved: the server refused the change',
  conflict: 'Not saved: newer version on the server',
};

export interface ToolbarProps {
  /** No stages yet: map tools would do nothing, so they are not shown. */
  empty: boolean;
  detailsOpen: boolean;
  onToggleDetails: () => void;
  save: AutosaveState | null;
  /** Set while a save conflict waits with its dialog closed: reopens the dialog. */
  onResolveConflict?: (() => void) | undefined;
  mapElement: () => HTMLElement | null;
  scroller: () => HTMLElement | null;
  now: () => Date;
}

/** Undo/redo, persona filter, zoom, view toggles, hidden items, export and the save status. */
export function Toolbar({
  empty,
  detailsOpen,
  onToggleDetails,
  save,
  onResolveConflict,
  mapElement,
  scroller,
  now,
}: ToolbarProps) {
  const { store, readOnly, personas } = useEditor();
  const snap = useEditorState((s) => s);
  const { doc, ui } = snap;
  const [busy, setBusy] = useState<string | null>(null);
  const curvePersonas = useMemo(() => journeyPersonas(doc, personas), [doc, personas]);
  const assumedCount = useMemo(
    () => doc.cards.filter((c) => strongestConfidence(c.evidence) === 'assumed').length,
    [doc.cards],
  );
  const hidden: MenuItem[] = useMemo(() => {
    const items: MenuItem[] = [];
    for (const s of doc.stages) {
      if (s.hidden)
        items.push({
          label: `Show stage “${s.name}”`,
          onSelect: () => store.dispatch(cmd.hideStage, { stageId: s.id, hidden: false }),
        });
      for (const t of s.steps)
        if (t.hidden)
          items.push({
            label: `Show step “${t.name}”`,
            onSelect: () => store.dispatch(cmd.hideStep, { stepId: t.id, hidden: false }),
          });
    }
    for (const l of doc.lanes)
      if (l.hidden)
        items.push({
          label: `Show lane “${l.name}”`,
          onSelect: () => store.dispatch(cmd.hideLane, { laneId: l.id, hidden: false }),
        });
    return items;
  }, [doc.stages, doc.lanes, store]);

  const stem = fileStem(doc.name);
  const date = now().toISOString().slice(0, 10);
  const run = (label: string, fn: () => Promise<void>) => async () => {
    setBusy(label);
    try {
      await fn();
    } catch (err) {
      store.notify(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const withMap = (fn: (el: HTMLElement) => Promise<void>) => async () => {
    const el = mapElement();
    if (!el) throw new Error('switch to the Map tab first');
    await fn(el);
  };
  // A vector poster with the shared view's numbers (fetched for it, whoever exports).
  const poster = (size: PosterSize) => async () => {
    const journeyId = journeyIdOfPage();
    const numbers = journeyId ? await sharedPosterNumbers(journeyId) : null;
    const blob = mapToPoster({ doc, personas: curvePersonas, size, generated: date, numbers });
    download(blob, `${stem}-${size}.pdf`);
  };
  const exportItems: MenuItem[] = [
    {
      label: 'PNG image',
      onSelect: run(
        'PNG',
        withMap(async (el) => download(await mapToPng(el), `${stem}.png`)),
      ),
    },
    {
      label: 'SVG image',
      onSelect: run(
        'SVG',
        withMap(async (el) => download(await mapToSvg(el), `${stem}.svg`)),
      ),
    },
    { label: 'PDF poster, A1 landscape (wall)', onSelect: run('PDF', poster('a1')) },
    { label: 'PDF poster, A3 landscape', onSelect: run('PDF', poster('a3')) },
    {
      label: 'JSON (re-importable)',
      onSelect: run('JSON', async () =>
        download(
          new Blob([JSON.stringify(journeyToExport(doc, now().toISOString()), null, 2)], {
            type: 'application/json',
          }),
          `${stem}.pathlight.json`,
        ),
      ),
    },
    {
      label: 'CSV of all cards',
      onSelect: run('CSV', async () =>
        download(new Blob([cardsToCsv(doc)], { type: 'text/csv;charset=utf-8' }), `${stem}-cards.csv`),
      ),
    },
  ];

  // Fit the width (every step visible); the map then scrolls down. Fitting the height too
  // made big maps unreadably small.
  const fit = () => {
    const sc = scroller();
    if (!sc) return;
    const cols = doc.stages.reduce(
      (n, s) => n + (s.hidden ? 0 : Math.max(1, s.steps.filter((t) => !t.hidden).length)),
      0,
    );
    const width = LANE_WIDTH + cols * COL_WIDTH[ui.compact ? 'compact' : 'normal'] + (readOnly ? 0 : 132);
    store.setZoom(Math.max(0.4, Math.min(1, (sc.clientWidth - 16) / width)));
  };

  return (
    <div className="pl-toolbar" role="toolbar" aria-label="Map tools">
      <div className="pl-tabs" role="tablist" aria-label="Views">
        <button
          type="button"
          role="tab"
          aria-selected={ui.tab === 'map'}
          className="pl-tab"
          onClick={() => store.setTab('map')}
        >
          Map
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={ui.tab === 'board'}
          className="pl-tab"
          onClick={() => store.setTab('board')}
          data-testid="tab-board"
        >
          Opportunities ({doc.opportunities.length})
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={ui.tab === 'kpis'}
          className="pl-tab"
          onClick={() => store.setTab('kpis')}
          data-testid="tab-kpis"
        >
          KPIs ({doc.kpis.length})
        </button>
      </div>
      {!readOnly && (
        <div className="pl-toolgroup pl-toolgroup--desk">
          <button
            type="button"
            className="pl-btn"
            disabled={!snap.canUndo}
            onClick={() => store.undo()}
            aria-label={snap.undoLabel ? `Undo ${snap.undoLabel}` : 'Undo'}
            title="Undo (Ctrl+Z)"
            data-testid="undo"
          >
            Undo
          </button>
          <button
            type="button"
            className="pl-btn"
            disabled={!snap.canRedo}
            onClick={() => store.redo()}
            aria-label={snap.redoLabel ? `Redo ${snap.redoLabel}` : 'Redo'}
            title="Redo (Ctrl+Shift+Z)"
            data-testid="redo"
          >
            Redo
          </button>
        </div>
      )}
      {ui.tab === 'map' && !empty && (
        <>
          <label className="pl-toolgroup pl-toolgroup--label">
            <span>Persona</span>
            <select
              value={ui.personaFilter ?? ''}
              onChange={(e) => store.setPersonaFilter(e.target.value || null)}
              aria-label="Show the map for persona"
              data-testid="persona-filter"
            >
              <option value="">All personas</option>
              {curvePersonas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <div className="pl-toolgroup pl-toolgroup--desk">
            <button
              type="button"
              className="pl-btn"
              onClick={() => store.setZoom(ui.zoom - 0.1)}
              aria-label="Zoom out"
            >
              −
            </button>
            <span className="pl-zoomvalue" aria-live="polite">
              {Math.round(ui.zoom * 100)}%
            </span>
            <button
              type="button"
              className="pl-btn"
              onClick={() => store.setZoom(ui.zoom + 0.1)}
              aria-label="Zoom in"
            >
              +
            </button>
            <button
              type="button"
              className="pl-btn"
              onClick={fit}
              aria-label="Fit the map width to the window"
            >
              Fit width
            </button>
          </div>
          <div className="pl-toolgroup pl-toolgroup--desk">
            <button
              type="button"
              className="pl-btn"
              aria-pressed={ui.compact}
              onClick={() => store.setCompact(!ui.compact)}
            >
              Compact
            </button>
            <button
              type="button"
              className="pl-btn pl-btn--assumed"
              aria-pressed={ui.highlightAssumed}
              onClick={() => store.setHighlightAssumed(!ui.highlightAssumed)}
              data-testid="highlight-assumed"
            >
              Highlight assumed ({assumedCount})
            </button>
          </div>
        </>
      )}
      <div className="pl-toolgroup">
        {!readOnly && hidden.length > 0 && (
          <span className="pl-labelled-menu">
            Hidden ({hidden.length})
            <Menu label={`Hidden items (${hidden.length})`} items={hidden} />
          </span>
        )}
      </div>
      <div className="pl-toolgroup">
        <button
          type="button"
          className="pl-btn"
          aria-pressed={detailsOpen}
          onClick={onToggleDetails}
          data-testid="details-toggle"
        >
          Details
        </button>
        <span className="pl-labelled-menu">
          {busy ? `Exporting ${busy}…` : 'Export'}
          <Menu label="Export the map" items={exportItems} testId="export-menu" />
        </span>
        <KeyboardHelp readOnly={readOnly} />
      </div>
      <span
        className={`pl-status pl-status--${save?.status ?? 'readonly'}`}
        role="status"
        data-testid="save-status"
        title={save?.lastError ?? undefined}
      >
        {save ? STATUS_TEXT[save.status] : 'View only'}
      </span>
      {onResolveConflict && (
        <button
          type="button"
          className="pl-btn pl-btn--primary"
          onClick={onResolveConflict}
          data-testid="resolve-conflict"
        >
          Resolve…
        </button>
      )}
    </div>
  );
}
