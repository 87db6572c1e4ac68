import { useId, useReducer, useState } from 'react';
import { api, type CsvPreview, errorMessage, type UploadResult } from '../../api';
import { formatBytes } from '../../lib/format';
import styles from './data-sources.module.css';
import {
  attributeChoices,
  FIELD_LABELS,
  hasNaiveTimestamps,
  importRequest,
  initialWizard,
  MAPPED_FIELDS,
  REQUIRED_FIELDS,
  type WizardState,
  willBeDropped,
  wizardProblems,
  wizardReducer,
} from './wizard-state';

const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
];

/** Zones offered for naive timestamps; the browser's own zone first when it is not listed. */
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Singapore',
];

function zoneChoices(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && !ZONES.includes(own) ? [own, ...ZONES] : ZONES;
}

interface MappingWizardProps {
  workspaceId: string;
  upload: UploadResult & { csv: CsvPreview };
  /** Set when the file refreshes an existing source (no name to choose). */
  refreshing: string | null;
  /** Starts the import with the chosen settings; rejects with the server's message. */
  onStart: (request: ReturnType<typeof importRequest>) => Promise<void>;
  onCancel: () => void;
}

/**
 * The CSV column-mapping wizard: preview of the first rows, detected delimiter and timestamp format,
 * a column for each field, attributes to keep, identifier columns that will be dropped (with a
 * per-column override), time zone for naive timestamps and "skip bad rows".
 */
export function MappingWizard({ workspaceId, upload, refreshing, onStart, onCancel }: MappingWizardProps) {
  const [preview, setPreview] = useState<CsvPreview>(upload.csv);
  const [state, dispatch] = useReducer(wizardReducer, undefined, () =>
    initialWizard(upload.csv, upload.filename),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const id = useId();

  const changeDelimiter = async (delimiter: string) => {
    setError(null);
    try {
      const next = await api.evidence.preview(workspaceId, upload.uploadId, delimiter);
      setPreview(next);
      dispatch({ type: 'preview', preview: next });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const problems = wizardProblems(refreshing ? { ...state, name: refreshing } : state);
  const dropped = willBeDropped(state, preview);
  const identifierColumns = preview.droppedColumns.filter((c) => !Object.values(state.fields).includes(c));
  const naive = hasNaiveTimestamps(state, preview);

  const start = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await onStart(
        importRequest(refreshing ? { ...state, name: refreshing } : state, preview, upload.uploadId),
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <section className={styles.wizard} aria-labelledby={`${id}-title`}>
      <div className={styles.wizardHead}>
        <div>
          <h2 id={`${id}-title`}>{refreshing ? `Refresh “${refreshing}”` : 'Map the columns'}</h2>
          <p className="muted">
            {upload.filename} · {formatBytes(upload.bytes)} · {preview.columns.length} columns. Tell Pathlight
            which column says who, what and when.
          </p>
        </div>
      </div>

      <div className={styles.detected}>
        <div className="field">
          <label htmlFor={`${id}-delim`}>Columns are separated by</label>
          <select
            id={`${id}-delim`}
            className="select"
            value={preview.delimiter}
            onChange={(e) => void changeDelimiter(e.target.value)}
          >
            {DELIMITERS.map((d) => (
              <option key={d.label} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <p className={styles.detectedFact}>
          <span className="muted">Timestamp format found</span>
          <strong>{preview.timestampFormat ?? 'not recognised — check the date and time column'}</strong>
        </p>
      </div>

      <div className={styles.previewScroll}>
        <table className={styles.preview}>
          <caption className="visually-hidden">First rows of the file</caption>
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                  <span className={styles.colRole}>{roleOf(c, state, dropped)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, 5).map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
              <tr key={r}>
                {preview.columns.map((c, i) => (
                  <td key={c} className={dropped.includes(c) ? styles.droppedCell : undefined}>
                    {dropped.includes(c) ? '(left out)' : (row[i] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset className={styles.fields}>
        <legend>Which column holds…</legend>
        {MAPPED_FIELDS.map((f) => {
          const missing = tried && REQUIRED_FIELDS.includes(f) && !state.fields[f];
          return (
            <div className="field" key={f}>
              <label htmlFor={`${id}-${f}`}>{FIELD_LABELS[f].label}</label>
              <select
                id={`${id}-${f}`}
                className="select"
                value={state.fields[f]}
                aria-invalid={missing || undefined}
                aria-describedby={`${id}-${f}-hint`}
                onChange={(e) => dispatch({ type: 'field', field: f, column: e.target.value })}
              >
                <option value="">{REQUIRED_FIELDS.includes(f) ? 'Choose a column…' : 'None'}</option>
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              <span id={`${id}-${f}-hint`} className="field-hint">
                {FIELD_LABELS[f].hint}
              </span>
            </div>
          );
        })}
      </fieldset>

      {attributeChoices(state, preview).length > 0 ? (
        <fieldset className={styles.checks}>
          <legend>Other columns to keep (for filters and splits, e.g. clinic or referral source)</legend>
          {attributeChoices(state, preview).map((c) => (
            <label key={c} className={styles.check}>
              <input
                type="checkbox"
                checked={state.attributes.includes(c)}
                onChange={(e) => dispatch({ type: 'attribute', column: c, on: e.target.checked })}
              />
              {c}
            </label>
          ))}
        </fieldset>
      ) : null}

      {identifierColumns.length > 0 ? (
        <div className={`banner banner-warning ${styles.identifiers}`} role="note">
          <div>
            <strong>
              {dropped.length === 0
                ? 'No columns will be left out.'
                : `${dropped.length} ${dropped.length === 1 ? 'column looks' : 'columns look'} like direct identifiers and will be left out:`}
            </strong>
            <p>
              Names, phone numbers, email and street addresses are not needed to see a journey, so Pathlight
              does not store them. Keep one only if it holds no personal details.
            </p>
            <ul className={styles.identifierList}>
              {identifierColumns.map((c) => (
                <li key={c}>
                  <label className={styles.check}>
                    <input
                      type="checkbox"
                      checked={state.keep.includes(c)}
                      onChange={(e) => dispatch({ type: 'keep', column: c, on: e.target.checked })}
                    />
                    Keep “{c}” anyway
                  </label>
                  {state.keep.includes(c) ? (
                    <span className={styles.keepWarning}>
                      ⚠ “{c}” will be stored as it is. Make sure it holds no names or contact details.
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <div className={styles.options}>
        {naive ? (
          <div className="field">
            <label htmlFor={`${id}-tz`}>Time zone of the times in this file</label>
            <select
              id={`${id}-tz`}
              className="select"
              value={state.timezone}
              onChange={(e) => dispatch({ type: 'timezone', timezone: e.target.value })}
              aria-describedby={`${id}-tz-hint`}
            >
              {zoneChoices().map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span id={`${id}-tz-hint`} className="field-hint">
              The times have no zone written on them; this is where the clock was.
            </span>
          </div>
        ) : null}
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={state.skipBadRows}
            onChange={(e) => dispatch({ type: 'skipBadRows', on: e.target.checked })}
          />
          Skip rows that cannot be read (they are counted and listed) instead of stopping the import
        </label>
        {refreshing ? null : (
          <div className="field">
            <label htmlFor={`${id}-name`}>Name of this data source</label>
            <input
              id={`${id}-name`}
              className="input"
              value={state.name}
              maxLength={200}
              onChange={(e) => dispatch({ type: 'name', name: e.target.value })}
            />
          </div>
        )}
      </div>

      {tried && problems.length > 0 ? (
        <div className="banner banner-error" role="alert">
          <span>{problems.join(' ')}</span>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          <span>{error}</span>
        </div>
      ) : null}
      <div className={styles.wizardActions}>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={start} disabled={busy}>
          {busy ? 'Starting…' : refreshing ? 'Replace the events' : 'Start the import'}
        </button>
      </div>
    </section>
  );
}

/** The short label shown under a column name in the preview. */
function roleOf(column: string, state: WizardState, dropped: string[]): string {
  const field = MAPPED_FIELDS.find((f) => state.fields[f] === column);
  if (field) return FIELD_LABELS[field].label.replace(' (optional)', '');
  if (dropped.includes(column)) return 'left out';
  if (state.attributes.includes(column) || state.keep.includes(column)) return 'kept';
  return 'not used';
}
