import type { Stage } from '@pathlight/core';
import { useState } from 'react';
import { OmittedNote } from '../../components/privacy/privacy-notes';
import { Shown } from '../../components/privacy/shown';
import { useSubject } from '../../components/subject/subject';
import { addMappedStep, type EditorStore } from '../../editor';
import {
  formatPercent,
  PATIENTS,
  type Privacy,
  type Subject,
  shownField,
  subjectWord,
} from '../../lib/format';
import { Drawer } from './drawer';
import type { JourneyMetrics } from './evidence-api';
import styles from './journey-page.module.css';

type Conformance = JourneyMetrics['conformance'];

/**
 * What the fitting share counts, exactly as the analysis does: of every patient in the selection, those
 * who reached each required mapped step and whose first visits to the mapped steps they reached came in
 * the designed order.
 */
export const fittingExplained = ({ singular: one, plural: many }: Subject = PATIENTS) =>
  `Counted over every ${one} in this selection: a ${one} follows the path when they reached every required step that has activities mapped, and the first time they reached each mapped step came in the designed order. Optional steps may be left out, but when taken they must come in order; repeating a step later does not count against them. ${many.charAt(0).toUpperCase()}${many.slice(1)} with none of the map’s activities count as not following it.`;

/** What the fitting share counts, about patients. */
export const FITTING_EXPLAINED = fittingExplained(PATIENTS);

/** "lab.result_ready" → "Lab result ready": a first name for a step made from an activity. */
export function stepNameFor(activity: string): string {
  const words = activity
    .replace(/[._-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * How the real patients follow the designed journey: share in the designed order, per step skipped
 * and out-of-order counts, and activities the map does not show yet, each addable as a step.
 */
export function ConformancePanel({
  conformance,
  privacy,
  stepNames,
  stages,
  store,
  canEdit,
  onClose,
}: {
  conformance: Conformance;
  /** The metrics answer's privacy (rows of unmapped activities left out). */
  privacy: Pick<Privacy, 'omitted'>;
  stepNames: ReadonlyMap<string, string>;
  stages: readonly Stage[];
  store: EditorStore | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const [adding, setAdding] = useState<string | null>(null);
  const [stageId, setStageId] = useState(stages[stages.length - 1]?.id ?? '');
  const [name, setName] = useState('');
  const subject = useSubject();
  const fit = shownField(conformance, 'fittingShare', formatPercent);
  const fitting = shownField(conformance, 'fittingCases');
  const unmapped = conformance.unmappedActivities;
  return (
    <Drawer title="Conformance: designed vs real" onClose={onClose} testId="conformance-panel">
      <p className={styles.headline}>
        <strong>
          <Shown value={fit} testId="fitting-share" />
        </strong>{' '}
        of {subject.plural} followed the designed path in order, without skipping a required step (
        <Shown value={fitting} /> {subjectWord(fitting.hidden ? null : conformance.fittingCases, subject)}).
      </p>
      <p className="muted" data-testid="fitting-explained">
        {fittingExplained(subject)}
      </p>
      <section>
        <h3>Per step</h3>
        <table className={styles.table} data-testid="conformance-steps">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Skipped</th>
              <th scope="col">Out of order</th>
            </tr>
          </thead>
          <tbody>
            {conformance.steps.map((s) => (
              <tr key={s.stepId}>
                <th scope="row">{stepNames.get(s.stepId) ?? s.step}</th>
                <td>
                  <Shown value={shownField(s, 'skipped')} />
                </td>
                <td>
                  <Shown value={shownField(s, 'outOfOrder')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Skipped: reached a later step without this one. Out of order: reached it after a later step.
        </p>
      </section>
      <section>
        <h3>Activities not on the map ({unmapped.length})</h3>
        <OmittedNote privacy={privacy} list="unmappedActivities" />
        {unmapped.length === 0 ? (
          (privacy.omitted.unmappedActivities ?? 0) === 0 && (
            <p className="muted">Every activity in the data evidences a step.</p>
          )
        ) : (
          <ul className={styles.unmapped} data-testid="unmapped-activities">
            {unmapped.map((a) => (
              <li key={a.name}>
                <div className={styles.unmappedRow}>
                  <code>{a.name}</code>
                  <span className="muted">
                    <Shown value={shownField(a, 'events')} /> events
                  </span>
                  {canEdit && store && adding !== a.name && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Add ${a.name} as a step`}
                      onClick={() => {
                        setAdding(a.name);
                        setName(stepNameFor(a.name));
                      }}
                    >
                      Add as a step
                    </button>
                  )}
                </div>
                {adding === a.name && store && (
                  <form
                    className={styles.addStep}
                    aria-label={`Add ${a.name} as a step`}
                    onSubmit={(e) => {
                      e.preventDefault();
                      const ok = store.dispatch(addMappedStep, {
                        id: store.newId(),
                        stageId,
                        name,
                        activities: [a.name],
                      });
                      if (ok) {
                        store.notify(`Step “${name}” added with ${a.name} mapped.`, true);
                        setAdding(null);
                      }
                    }}
                  >
                    <label>
                      Step name
                      <input value={name} onChange={(e) => setName(e.target.value)} required />
                    </label>
                    <label>
                      In stage
                      <select value={stageId} onChange={(e) => setStageId(e.target.value)}>
                        {stages.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" className="btn btn-primary btn-small">
                      Add step
                    </button>
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => setAdding(null)}>
                      Cancel
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Drawer>
  );
}
