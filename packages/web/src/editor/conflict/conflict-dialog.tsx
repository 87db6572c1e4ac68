import type { JourneyContent } from '@pathlight/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type DiffEntry, diffJourneys } from '../store/diff';

const KIND_WORD: Record<DiffEntry['kind'], string> = {
  journey: '',
  stage: 'Stage',
  step: 'Step',
  lane: 'Lane',
  card: 'Card',
  emotions: '',
  systems: '',
  opportunities: '',
  kpis: '',
};

export interface ConflictDialogProps {
  mine: JourneyContent;
  theirs: JourneyContent;
  updatedAt: string;
  updatedBy?: string | null | undefined;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Copies my document to the clipboard; rejects when the browser refuses. */
  onCopyMine: () => Promise<void>;
}

/** Shown when the server has a newer version: what differs, and three explicit choices. */
export function ConflictDialog(p: ConflictDialogProps) {
  const diff = useMemo(() => diffJourneys(p.mine, p.theirs), [p.mine, p.theirs]);
  const [copyError, setCopyError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const groups: [string, DiffEntry['change']][] = [
    ['Only in your version', 'only-mine'],
    ['Only in the saved version', 'only-theirs'],
    ['Different in the two versions', 'changed'],
  ];
  const when = new Date(p.updatedAt);
  return (
    <div className="pl-modal-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pl-conflict-title"
        aria-describedby="pl-conflict-desc"
        className="pl-modal"
        data-testid="conflict-dialog"
        onKeyDown={(e) => {
          // Keep Tab inside the dialog: the choice has to be made before editing goes on.
          if (e.key !== 'Tab') return;
          const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : (i + 1) % buttons.length;
          e.preventDefault();
          buttons[next]?.focus();
        }}
      >
        <h2 id="pl-conflict-title">Someone else saved this map while you were editing</h2>
        <p id="pl-conflict-desc">
          Their version was saved {Number.isNaN(when.getTime()) ? '' : `at ${when.toLocaleString()}`}
          {p.updatedBy ? ` by ${p.updatedBy}` : ''}. Your changes are not saved yet. Choose what to keep:
          nothing is overwritten until you do.
        </p>
        <div className="pl-diff">
          {diff.length === 0 && <p>The two versions have the same content.</p>}
          {groups.map(([title, change]) => {
            const items = diff.filter((d) => d.change === change);
            if (items.length === 0) return null;
            return (
              <section key={change}>
                <h3>
                  {title} ({items.length})
                </h3>
                <ul>
                  {items.slice(0, 30).map((d) => (
                    <li key={`${d.kind}:${d.id}`}>
                      {KIND_WORD[d.kind] && <span className="pl-diff__kind">{KIND_WORD[d.kind]}</span>}{' '}
                      {d.label}
                    </li>
                  ))}
                  {items.length > 30 && <li>…and {items.length - 30} more</li>}
                </ul>
              </section>
            );
          })}
        </div>
        {copyError && (
          <p role="alert" className="pl-field__error">
            {copyError}
          </p>
        )}
        <div className="pl-modal__actions">
          <button ref={first} type="button" className="pl-btn pl-btn--primary" onClick={p.onKeepMine}>
            Keep mine
            <small>Save my version over theirs</small>
          </button>
          <button type="button" className="pl-btn" onClick={p.onTakeTheirs}>
            Take theirs
            <small>Discard my changes</small>
          </button>
          <button
            type="button"
            className="pl-btn"
            onClick={() =>
              p
                .onCopyMine()
                .then(p.onTakeTheirs, () =>
                  setCopyError(
                    'The browser did not allow copying. Nothing was discarded; try “Keep mine” or copy by hand.',
                  ),
                )
            }
          >
            Copy mine, then take theirs
            <small>My version goes to the clipboard as a journey export</small>
          </button>
        </div>
      </div>
    </div>
  );
}
