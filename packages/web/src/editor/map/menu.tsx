import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A "⋯" button with a menu of labelled actions, keyboard-operable as the ARIA menu button pattern:
 * Enter, Space or ArrowDown open it on the first item (ArrowUp on the last), arrows, Home and End
 * move, Escape or Tab close it, and focus returns to the button. In the toolbar it is a Tab stop;
 * in the map's headers (`inGrid`) the header cell is the stop and Enter there opens it.
 */
export function Menu({
  label,
  items,
  testId,
  inGrid = false,
}: {
  label: string;
  items: readonly MenuItem[];
  testId?: string;
  inGrid?: boolean;
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    const el = list.current;
    if (!open || !el) return;
    // Keep the list on screen: shift it back inside the viewport (in the list's own, maybe zoomed, pixels).
    el.style.transform = '';
    const r = el.getBoundingClientRect();
    const scale = el.offsetWidth > 0 ? r.width / el.offsetWidth : 1;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const shift = r.left < 8 ? 8 - r.left : r.right > vw - 8 ? Math.max(8 - r.left, vw - 8 - r.right) : 0;
    if (shift !== 0) el.style.transform = `translateX(${shift / scale}px)`;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)');
    (open === 'last' ? buttons?.[buttons.length - 1] : buttons?.[0])?.focus();
    const close = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const closeToButton = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <span className="pl-menu" data-export-hide>
      <button
        ref={button}
        type="button"
        className="pl-iconbtn"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? id : undefined}
        data-testid={testId}
        tabIndex={inGrid ? -1 : 0}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => (o ? false : 'first'));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            if (open && (e.key === 'Enter' || e.key === ' ')) setOpen(false);
            else setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="3.5" cy="8" r="1.5" fill="currentColor" />
          <circle cx="8" cy="8" r="1.5" fill="currentColor" />
          <circle cx="12.5" cy="8" r="1.5" fill="currentColor" />
        </svg>
      </button>
      {open && (
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          className="pl-menu__list"
          onKeyDown={(e) => {
            e.stopPropagation();
            const buttons = [
              ...(list.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
            ];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const go = (i: number) => {
              e.preventDefault();
              buttons[(i + buttons.length) % buttons.length]?.focus();
            };
            if (e.key === 'Escape') {
              e.preventDefault();
              closeToButton();
            } else if (e.key === 'Tab') {
              setOpen(false); // Tab leaves the menu and goes on from the button
              button.current?.focus();
            } else if (e.key === 'ArrowDown') go(at + 1);
            else if (e.key === 'ArrowUp') go(at - 1);
            else if (e.key === 'Home') go(0);
            else if (e.key === 'End') go(buttons.length - 1);
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={item.danger ? 'pl-menu__item pl-menu__item--danger' : 'pl-menu__item'}
              disabled={item.disabled}
              onClick={(e) => {
                e.stopPropagation();
                // Focus goes back to the button first, so a dialog the item opens returns it there.
                closeToButton();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

/** Text that turns into an input for renaming: Enter saves, Escape cancels. */
export function InlineEdit({
  value,
  label,
  editing,
  onDone,
  multiline = false,
  className,
}: {
  value: string;
  label: string;
  editing: boolean;
  onDone: (value: string | null) => void;
  multiline?: boolean;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const done = useRef(false);
  useEffect(() => {
    if (editing) {
      setDraft(value);
      done.current = false;
    }
  }, [editing, value]);
  if (!editing) return <span className={className}>{value}</span>;
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  const common = {
    'aria-label': label,
    className: 'pl-inline-input',
    value: draft,
    autoFocus: true,
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        finish(draft);
      } else if (e.key === 'Escape') finish(null);
    },
    onBlur: () => finish(draft),
  };
  return multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />;
}
