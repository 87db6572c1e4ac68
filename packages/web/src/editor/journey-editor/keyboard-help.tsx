import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/** Narrower than this, the Keys popover is a sheet along the bottom of the screen. */
const SHEET_BELOW = 600;

/**
 * The "Keys" button and its popover of keyboard shortcuts: placed under the button but kept inside
 * the viewport; on narrow screens a sheet along the bottom. Escape, a click outside or the button
 * close it, and focus returns to the button.
 */
export function KeyboardHelp({ readOnly }: { readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const id = useId();
  const [place, setPlace] = useState<React.CSSProperties | null>(null);

  useLayoutEffect(() => {
    if (!open) return;
    const position = () => {
      const b = button.current?.getBoundingClientRect();
      const vw = document.documentElement.clientWidth || window.innerWidth;
      const vh = window.innerHeight;
      if (!b || vw <= SHEET_BELOW) {
        setPlace(null); // the sheet: CSS places it
        return;
      }
      const width = Math.min(380, vw - 16);
      const left = Math.min(Math.max(8, b.right - width), vw - width - 8);
      const top = Math.min(b.bottom + 6, vh - 120);
      setPlace({ left, top, width, maxHeight: vh - top - 8 });
    };
    position();
    window.addEventListener('resize', position);
    return () => window.removeEventListener('resize', position);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    pop.current?.focus();
    const close = (e: PointerEvent) => {
      if (!pop.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <span className="pl-help">
      <button
        ref={button}
        type="button"
        className="pl-btn"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid="keys-button"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        Keys
      </button>
      {open && (
        <div
          ref={pop}
          id={id}
          role="dialog"
          aria-label="Keyboard shortcuts"
          tabIndex={-1}
          className={place ? 'pl-help__pop' : 'pl-help__pop pl-help__pop--sheet'}
          style={place ?? undefined}
          data-testid="keys-popover"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <div className="pl-help__head">
            <h2>Keyboard shortcuts</h2>
            <button type="button" className="pl-btn pl-btn--ghost" onClick={close} aria-label="Close">
              ×
            </button>
          </div>
          <dl>
            <dt>Tab</dt>
            <dd>Move between the tools, the map and the panels</dd>
            <dt>Arrow keys</dt>
            <dd>Move between cells and headers</dd>
            <dt>Enter</dt>
            <dd>Go into a cell’s cards; on a card, open it; on a header, its menu</dd>
            {!readOnly && (
              <>
                <dt>N</dt>
                <dd>New card in the cell</dd>
                <dt>Alt + arrow</dt>
                <dd>Move the card to the next cell</dd>
                <dt>Delete</dt>
                <dd>Delete the card (Undo brings it back)</dd>
                <dt>+ / −</dt>
                <dd>In the emotions lane: raise or lower the score</dd>
                <dt>Ctrl+Z, Ctrl+Shift+Z</dt>
                <dd>Undo, redo</dd>
              </>
            )}
            <dt>Escape</dt>
            <dd>Close a menu, panel or popover; from a card, back to its cell</dd>
          </dl>
        </div>
      )}
    </span>
  );
}
