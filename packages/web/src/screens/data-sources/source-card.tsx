import { useId, useRef, useState } from 'react';
import { api, type DataSource, errorMessage, type Job } from '../../api';
import { Shown } from '../../components/privacy/shown';
import { formatCount, formatDate, shownField } from '../../lib/format';
import { ConfirmDialog } from '../../ui/confirm/confirm-dialog';
import styles from './data-sources.module.css';
import { ACCEPTED_FILES, ProgressBar } from './upload-zone';

const FORMAT_LABELS: Record<string, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  xes: 'XES',
  'xes.gz': 'XES (gzip)',
  'fhir-bundle': 'FHIR Bundle',
  'fhir-ndjson': 'FHIR NDJSON',
  fhir: 'FHIR',
  hl7: 'HL7 v2',
  parquet: 'Parquet',
};

/** A readable name for an import format. */
export const formatLabel = (format: string) => FORMAT_LABELS[format] ?? format;

const STATUS = {
  importing: { icon: '◔', text: 'Importing' },
  ready: { icon: '✓', text: 'Ready' },
  failed: { icon: '✕', text: 'Import failed' },
} as const;

interface SourceCardProps {
  source: DataSource;
  /** The running import job, when there is one. */
  job: Job | undefined;
  canEdit: boolean;
  /** Only owners delete a source (it deletes patient events for good). */
  canDelete: boolean;
  onRenamed: (source: DataSource) => void;
  onDeleted: () => void;
  /** Refresh with a new file: the page uploads it and opens the wizard. */
  onRefreshFile: (file: File) => void;
}

/** One data source: status (with live progress), counts, date range, dropped columns, skipped rows, error. */
export function SourceCard({
  source,
  job,
  canEdit,
  canDelete,
  onRenamed,
  onDeleted,
  onRefreshFile,
}: SourceCardProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(source.name);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const id = useId();
  const status = STATUS[source.status];

  const saveName = async () => {
    setRenameError(null);
    try {
      onRenamed(await api.evidence.renameSource(source.id, name.trim()));
      setRenaming(false);
    } catch (e) {
      setRenameError(errorMessage(e));
    }
  };

  return (
    <li className={styles.source} data-status={source.status} aria-labelledby={`${id}-name`}>
      <div className={styles.sourceHead}>
        {renaming ? (
          <form
            className={styles.renameForm}
            onSubmit={(e) => {
              e.preventDefault();
              void saveName();
            }}
          >
            <label htmlFor={`${id}-rename`} className="visually-hidden">
              New name
            </label>
            <input
              id={`${id}-rename`}
              className="input"
              value={name}
              maxLength={200}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to rename
              autoFocus
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="btn btn-small btn-primary" disabled={!name.trim()}>
              Save
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setRenaming(false);
                setName(source.name);
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <h2 id={`${id}-name`} className={styles.sourceName}>
            {source.name}
          </h2>
        )}
        <span className="chip">{formatLabel(source.format)}</span>
        <span className={`${styles.status} ${styles[`status-${source.status}`]}`}>
          <span aria-hidden="true">{status.icon}</span> {status.text}
        </span>
      </div>
      {renameError ? (
        <div className="banner banner-error" role="alert">
          {renameError}
        </div>
      ) : null}
      {source.filename ? <p className="muted">From {source.filename}</p> : null}

      {source.status === 'importing' ? (
        <ProgressBar
          share={job && job.status === 'running' ? job.progress : job?.status === 'queued' ? 0 : null}
          label={job?.status === 'queued' ? 'Waiting for another import to finish' : 'Importing'}
        />
      ) : null}

      {source.status === 'failed' && source.error ? (
        <div className="banner banner-error" role="alert">
          <span>
            <strong>The import stopped.</strong> {sentence(source.error)}
            {canEdit
              ? ` Fix the file and refresh the source with it${canDelete ? ', or delete the source' : ''}.`
              : ''}
          </span>
        </div>
      ) : null}

      {source.status === 'ready' || (source.eventCount ?? 0) > 0 ? (
        <dl className={styles.facts}>
          <div>
            <dt>Events</dt>
            <dd>
              <Shown value={shownField(source, 'eventCount')} />
            </dd>
          </div>
          <div>
            <dt>Patients (cases)</dt>
            <dd>
              <Shown value={shownField(source, 'caseCount')} />
            </dd>
          </div>
          <div>
            <dt>Dates</dt>
            <dd>
              {source.firstEvent && source.lastEvent
                ? `${formatDate(source.firstEvent)} – ${formatDate(source.lastEvent)}`
                : '—'}
            </dd>
          </div>
          <div>
            <dt>Identifier columns left out</dt>
            <dd>{source.droppedColumns.length > 0 ? source.droppedColumns.join(', ') : 'None'}</dd>
          </div>
        </dl>
      ) : null}

      {source.skipped && source.skipped.count > 0 ? (
        <details className={styles.skipped}>
          <summary>
            {formatCount(source.skipped.count)} {source.skipped.count === 1 ? 'row was' : 'rows were'} skipped
            because they could not be read
          </summary>
          <ul>
            {source.skipped.first.map((r) => (
              <li key={`${r.record}-${r.location}`}>
                Record {formatCount(r.record)}
                {r.location ? ` (${r.location})` : ''}: {r.reason}
              </li>
            ))}
          </ul>
          {source.skipped.count > source.skipped.first.length ? (
            <p className="muted">Showing the first {source.skipped.first.length}.</p>
          ) : null}
        </details>
      ) : null}

      {canEdit ? (
        <div className={styles.sourceActions}>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setRenaming(true)}
            disabled={renaming}
          >
            Rename
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => file.current?.click()}
            disabled={source.status === 'importing'}
          >
            Refresh with a new file…
          </button>
          <input
            ref={file}
            type="file"
            accept={ACCEPTED_FILES}
            className="visually-hidden"
            tabIndex={-1}
            aria-label={`New file for ${source.name}`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) onRefreshFile(f);
            }}
          />
          {canDelete ? (
            <button type="button" className="btn btn-small btn-danger-text" onClick={() => setDeleting(true)}>
              Delete
            </button>
          ) : null}
        </div>
      ) : null}

      {deleting ? (
        <ConfirmDialog
          title={`Delete “${source.name}”?`}
          message={`This deletes ${formatCount(source.eventCount)} ${source.eventCount === 1 ? 'event' : 'events'} from this workspace. Journey maps stay as they are, but their numbers will no longer include this data. This cannot be undone.`}
          confirmLabel={`Delete ${formatCount(source.eventCount)} events`}
          onConfirm={async () => {
            await api.evidence.deleteSource(source.id);
            onDeleted();
          }}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </li>
  );
}

/** A message ending with a full stop (its start is kept as written: it may be a file name). */
export function sentence(text: string): string {
  const t = text.trim();
  return !t || /[.!?]$/.test(t) ? t : `${t}.`;
}
