import { type CSSProperties, useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage, type JourneySummary } from '../../api';
import { useDismiss } from '../../ui/use-dismiss';
import styles from './journey-list.module.css';

/** Room the menu needs below its button (four items) before it opens upwards instead. */
const MENU_HEIGHT = 190;

interface RowActionsProps {
  journey: JourneySummary;
  onDuplicate: () => Promise<void>;
  onArchive: () => Promise<void>;
  onRestore: () => Promise<void>;
  /** Opens the “Save as template” dialog. */
  onSaveAsTemplate: () => void;
  /** Only for owners: deleting a journey is an owner's call. */
  onDelete?: () => void;
  onError: (message: string) => void;
}

/**
 * The per-journey "Actions" menu for editors: duplicate, save as template, archive or restore; owners can
 * also delete.
 */
export function RowActions({
  journey,
  onDuplicate,
  onArchive,
  onRestore,
  onSaveAsTemplate,
  onDelete,
  onError,
}: RowActionsProps) {
  const [open, setOpen] = useState(false);
  // Fixed to the viewport so the table's scroll box never clips it; opens upwards near the bottom.
  const [place, setPlace] = useState<CSSProperties>({});
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, close);
  useEffect(() => {
    // Without preventScroll, focusing the first item can scroll the page, which closes the menu (below).
    if (open) ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [open]);
  // A fixed menu would drift away from its button on scroll: close it instead.
  useEffect(() => {
    if (!open) return;
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [open, close]);

  const run = (action: () => Promise<void>) => async () => {
    setOpen(false);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
    e.preventDefault();
  };

  return (
    <div className={styles.rowMenu} ref={ref}>
      <button
        type="button"
        className="btn btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${journey.name}`}
        disabled={busy}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const right = window.innerWidth - r.right;
          setPlace(
            r.bottom + MENU_HEIGHT > window.innerHeight
              ? { bottom: window.innerHeight - r.top + 4, right }
              : { top: r.bottom + 4, right },
          );
          setOpen((o) => !o);
        }}
      >
        {busy ? 'Working…' : 'Actions ▾'}
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          className={styles.menu}
          style={place}
          aria-label={`Actions for ${journey.name}`}
          onKeyDown={onKeyDown}
        >
          <button type="button" role="menuitem" onClick={run(onDuplicate)}>
            Duplicate
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onSaveAsTemplate();
            }}
          >
            Save as template…
          </button>
          {journey.status === 'archived' ? (
            <button type="button" role="menuitem" onClick={run(onRestore)}>
              Restore as draft
            </button>
          ) : (
            <button type="button" role="menuitem" onClick={run(onArchive)}>
              Archive
            </button>
          )}
          {onDelete ? (
            <button
              type="button"
              role="menuitem"
              className={styles.menuDanger}
              onClick={() => {
                setOpen(false);
                onDelete();
              }}
            >
              Delete…
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
