import {
  applyJourneyMerge,
  diffJourneys3,
  type JourneyContent,
  type MergeItem,
  type MergeSide,
  type Persona,
} from '@pathlight/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { changeText, type DescribeContext, describeSide, itemLabel, KIND_WORD } from './describe';

export interface ConflictDialogProps {
  /** The version both started from (the last one this editor saved or loaded). */
  base: JourneyContent;
  mine: JourneyContent;
  theirs: JourneyContent;
  updatedAt: string;
  /** Name of who saved their version; null when unknown (shown as "another member"). */
  savedBy: string | null;
  personas: readonly Persona[];
  /** Saves the merged document on top of their version. */
  onMerge: (merged: JourneyContent) => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Copies my document to the clipboard; rejects when the browser refuses. */
  onCopyMine: () => Promise<void>;
  /** Escape: close and decide later (nothing is saved meanwhile). */
  onDismiss: () => void;
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), summary';

/**
 * Shown when the server has a newer version: who saved it and when, what merges on its own, and
 * for each item both changed, my version and theirs side by side with a choice. Saving the merge
 * is a normal versioned save on their version; keep mine, take theirs and copy mine stay.
 */
export function ConflictDialog(p: ConflictDialogProps) {
  const merge = useMemo(() => diffJourneys3(p.base, p.mine, p.theirs), [p.base, p.mine, p.theirs]);
  const conflicts = merge.items.filter((i) => i.status === 'conflict');
  const auto = merge.items.filter((i) => i.status !== 'conflict');
  const [choices, setChoices] = useState<Record<string, MergeSide>>(() =>
    Object.fromEntries(conflicts.flatMap((i) => (i.suggested ? [[i.key, i.suggested]] : []))),
  );
  const [copyError, setCopyError] = useState<string | null>(null);
  const missing = conflicts.filter((i) => !choices[i.key]).length;
  const box = useRef<HTMLDivElement>(null);
  const ids = useId();
  const names = useMemo(() => new Map(p.personas.map((x) => [x.id, x.name])), [p.personas]);
  const ctx: DescribeContext = {
    personaName: (id) => names.get(id) ?? 'A persona',
    mine: p.mine,
    theirs: p.theirs,
  };
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  const when = new Date(p.updatedAt);
  const mineCount = auto.filter((i) => i.status === 'mine').length;
  const theirsCount = auto.filter((i) => i.status === 'theirs' || i.status === 'same').length;
  const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

  return (
    <div className="pl-modal-backdrop">
      <div
        ref={box}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        className="pl-modal pl-modal--wide"
        data-testid="conflict-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            p.onDismiss();
            return;
          }
          // Keep Tab inside the dialog: the choice has to be made before editing goes on.
          if (e.key !== 'Tab') return;
          const all = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(tabStop);
          const i = all.indexOf(document.activeElement as HTMLElement);
          const next = e.shiftKey ? (i <= 0 ? all.length - 1 : i - 1) : (i + 1) % all.length;
          e.preventDefault();
          all[next]?.focus();
        }}
      >
        <h2 id={`${ids}-title`}>Someone else saved this map while you were editing</h2>
        <p id={`${ids}-desc`} data-testid="conflict-who">
          <strong>{p.savedBy ?? 'Another member'}</strong> saved a newer version
          {Number.isNaN(when.getTime()) ? '' : ` at ${when.toLocaleString()}`}. Your changes are not saved
          yet: nothing is overwritten until you choose.
        </p>
        <section className="pl-merge" aria-labelledby={`${ids}-merge`}>
          <h3 id={`${ids}-merge`}>Merge both versions</h3>
          <p>
            {merge.items.length === 0
              ? 'The two versions have the same changes.'
              : `${changes(mineCount)} of yours and ${changes(theirsCount)} of theirs fit together and are kept as they are.`}{' '}
            {conflicts.length > 0
              ? `You both changed ${conflicts.length} ${conflicts.length === 1 ? 'item' : 'items'}: choose which version to keep.`
              : 'Nothing was changed by both of you.'}
          </p>
          {auto.length > 0 && (
            <details className="pl-merge__auto">
              <summary>What merges on its own ({auto.length})</summary>
              <ul>
                {auto.slice(0, 40).map((i) => (
                  <li key={i.key} data-testid="merge-auto">
                    <span className="pl-diff__kind">{KIND_WORD[i.kind]}</span> {itemLabel(i, ctx)}:{' '}
                    {i.status === 'same'
                      ? 'both made the same change'
                      : changeText(i, i.status === 'mine' ? 'mine' : 'theirs')?.toLowerCase()}
                  </li>
                ))}
                {auto.length > 40 && <li>…and {auto.length - 40} more</li>}
              </ul>
            </details>
          )}
          {conflicts.map((item, n) => (
            <ConflictChoice
              key={item.key}
              item={item}
              ctx={ctx}
              chosen={choices[item.key] ?? null}
              autoFocus={n === 0}
              onChoose={(side) => setChoices((c) => ({ ...c, [item.key]: side }))}
            />
          ))}
        </section>
        {copyError && (
          <p role="alert" className="pl-field__error">
            {copyError}
          </p>
        )}
        <div className="pl-modal__actions">
          <button
            type="button"
            className="pl-btn pl-btn--primary"
            disabled={missing > 0}
            data-autofocus={conflicts.length === 0 || undefined}
            data-testid="save-merged"
            onClick={() => p.onMerge(applyJourneyMerge(merge, choices))}
          >
            Save merged version
            <small>
              {missing > 0
                ? `Choose for ${missing} more ${missing === 1 ? 'item' : 'items'} first`
                : 'Both sets of changes, saved on top of theirs'}
            </small>
          </button>
          <button type="button" className="pl-btn" onClick={p.onKeepMine}>
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

/** One Tab stop per radio group (its checked radio, else its first), as browsers do. */
function tabStop(el: HTMLElement): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
  const group = [
    ...(el.closest('fieldset')?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []),
  ];
  return el.checked || (!group.some((g) => g.checked) && group[0] === el);
}

function ConflictChoice({
  item,
  ctx,
  chosen,
  autoFocus,
  onChoose,
}: {
  item: MergeItem;
  ctx: DescribeContext;
  chosen: MergeSide | null;
  autoFocus: boolean;
  onChoose: (side: MergeSide) => void;
}) {
  const name = useId();
  const side = (s: MergeSide) => (
    <label className={`pl-merge__side${chosen === s ? ' pl-merge__side--chosen' : ''}`}>
      <span className="pl-merge__pick">
        <input
          type="radio"
          name={name}
          value={s}
          checked={chosen === s}
          onChange={() => onChoose(s)}
          data-autofocus={(autoFocus && s === 'mine') || undefined}
        />
        <strong>{s === 'mine' ? 'Keep mine' : 'Keep theirs'}</strong>
        <span className="pl-muted"> · {changeText(item, s) ?? 'unchanged'}</span>
      </span>
      <span className="pl-merge__value">
        {describeSide(item, s, ctx).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of lines, rebuilt whole each render
          <span key={i}>{line}</span>
        ))}
      </span>
    </label>
  );
  return (
    <fieldset className="pl-merge__item" data-testid="merge-conflict">
      <legend>
        <span className="pl-diff__kind">{KIND_WORD[item.kind]}</span> {itemLabel(item, ctx)}
      </legend>
      {item.suggested && (
        <p className="pl-merge__hint">
          One of you deleted this and the other changed it: keeping the change is suggested, as deleting it
          again later is easy and a lost edit is not.
        </p>
      )}
      <div className="pl-merge__sides">
        {side('mine')}
        {side('theirs')}
      </div>
    </fieldset>
  );
}
