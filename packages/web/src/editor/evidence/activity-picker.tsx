import type { Step } from '@pathlight/core';
import { useMemo, useState } from 'react';
import { Shown } from '../../components/privacy/shown';
import { formatCount, hiddenHelp, shownField } from '../../lib/format';
import { Dialog } from '../../ui/dialog/dialog';
import { suggestActivities } from './similarity';
import type { ActivityEvidence } from './types';

export interface ActivityPickerProps {
  step: Step;
  /** The workspace's activities with counts; null while they load or when there is no data. */
  activities: readonly ActivityEvidence[] | null;
  /** Activities mapped to other steps, by activity (shown so a double mapping is a choice). */
  usedBy: ReadonlyMap<string, string>;
  onSave: (activities: string[]) => void;
  onClose: () => void;
}

function Counts({ a }: { a: ActivityEvidence }) {
  return (
    <span className="pl-pick__counts" title={hiddenHelp([a]) ?? undefined}>
      <Shown value={shownField(a, 'events')} /> events · <Shown value={shownField(a, 'cases')} /> patients
    </span>
  );
}

/**
 * "Evidence from data": choose the event-log activities that show a patient reached a step, with
 * suggestions ranked by name similarity, search, multi-select and counts beside each.
 */
export function ActivityPicker({ step, activities, usedBy, onSave, onClose }: ActivityPickerProps) {
  const [chosen, setChosen] = useState<string[]>(step.activities);
  const [query, setQuery] = useState('');
  const all = activities ?? [];
  const suggestions = useMemo(
    () => suggestActivities({ name: step.name, description: step.description }, all, { limit: 5 }),
    [step.name, step.description, all],
  );
  const q = query.trim().toLowerCase();
  const listed = q === '' ? all : all.filter((a) => a.name.toLowerCase().includes(q));
  const known = new Set(all.map((a) => a.name));
  // Mapped names the data does not hold (typed by hand, or from a template) stay choosable.
  const extra = chosen.filter((n) => !known.has(n));
  const toggle = (name: string) =>
    setChosen((c) => (c.includes(name) ? c.filter((x) => x !== name) : [...c, name]));

  const row = (a: ActivityEvidence, hint?: string) => {
    const other = usedBy.get(a.name);
    return (
      <li key={a.name}>
        <label className="pl-pick__row">
          <input type="checkbox" checked={chosen.includes(a.name)} onChange={() => toggle(a.name)} />
          <code className="pl-pick__name">{a.name}</code>
          {hint && <span className="pl-chip pl-chip--tag">{hint}</span>}
          {other && <span className="pl-pick__used">also on “{other}”</span>}
          <Counts a={a} />
        </label>
      </li>
    );
  };

  return (
    <Dialog
      title={`Evidence from data: ${step.name}`}
      onClose={onClose}
      wide
      actions={
        <>
          <span className="pl-pick__summary" aria-live="polite">
            {chosen.length} selected
          </span>
          <button type="button" className="pl-btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="pl-btn pl-btn--primary"
            data-testid="activities-save"
            onClick={() => onSave(chosen)}
          >
            Save mapping
          </button>
        </>
      }
    >
      <p className="pl-muted">
        A patient reaches this step when their record holds any of the chosen activities. The map counts
        patients, conversion and waits from them.
      </p>
      {activities === null ? (
        <p role="status">No event data in this workspace yet: upload a file under Data sources first.</p>
      ) : (
        <>
          {suggestions.length > 0 && (
            <section aria-label="Suggested activities">
              <h3 className="pl-pick__heading">Suggested for “{step.name}”</h3>
              <ul className="pl-pick__list" data-testid="activity-suggestions">
                {suggestions.map((s) => row(s.activity, `${Math.round(s.score * 100)}% match`))}
              </ul>
            </section>
          )}
          <label className="pl-pick__search">
            <span>Search {formatCount(all.length)} activities</span>
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="e.g. booked"
            />
          </label>
          <ul
            className="pl-pick__list pl-pick__list--all"
            aria-label="All activities"
            data-testid="activity-list"
          >
            {listed.map((a) => row(a))}
            {listed.length === 0 && <li className="pl-muted">No activity contains “{query}”.</li>}
          </ul>
        </>
      )}
      {extra.length > 0 && (
        <p className="pl-muted">
          Also mapped, not in the data: {extra.join(', ')}{' '}
          <button
            type="button"
            className="pl-btn pl-btn--ghost"
            onClick={() => setChosen((c) => c.filter((x) => known.has(x)))}
          >
            Remove these
          </button>
        </p>
      )}
    </Dialog>
  );
}
