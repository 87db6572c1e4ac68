import { useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/** A "⋯" button with a menu of labelled actions (Escape closes, arrows move, focus returns). */
export function Menu({
  label,
  items,
  testId,
}: {
  label: string;
  items: readonly MenuItem[];
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <span className="pl-menu" data-export-hide>
      <button
        ref={button}
        type="button"
        className="pl-iconbtn"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid={testId}
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
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
            if (e.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              buttons[(at + 1) % buttons.length]?.focus();
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
            }
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.danger ? 'pl-menu__item pl-menu__item--danger' : 'pl-menu__item'}
              disabled={item.disabled}
              onClick={(e) => {
                e.stopPropagation();
                setOpen(false);
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
