import { type ReactNode, useEffect, useId, useRef } from 'react';
import styles from './journey-page.module.css';

/** A side panel over the map's right edge: labelled, Escape or ✕ closes, focus moves in on open. */
export function Drawer({
  title,
  onClose,
  children,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <aside
      ref={ref}
      className={styles.drawer}
      aria-labelledby={id}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className={styles.drawerHead}>
        <h2 id={id}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className={styles.drawerBody}>{children}</div>
    </aside>
  );
}
