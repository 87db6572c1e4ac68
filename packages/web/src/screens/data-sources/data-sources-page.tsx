import { useId, useState } from 'react';
import { api, type CsvPreview, type DataSource, errorMessage, type Job, type UploadResult } from '../../api';
import { useWorkspace } from '../../app/workspace';
import { hasEvents } from '../../components/evidence/period';
import { formatBytes, formatCount } from '../../lib/format';
import { Link } from '../../router/link';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import styles from './data-sources.module.css';
import { MappingWizard } from './mapping-wizard';
import { formatLabel, SourceCard } from './source-card';
import { ProgressBar, UploadZone } from './upload-zone';
import { useJobs } from './use-jobs';
import { nameFromFile } from './wizard-state';

type Flow =
  | { kind: 'idle' }
  | { kind: 'uploading'; filename: string; share: number | null; refresh: DataSource | null }
  | { kind: 'review'; upload: UploadResult; refresh: DataSource | null };

/**
 * The workspace's event data: upload (drag and drop or picker, with progress), the CSV mapping
 * wizard, and the list of sources with live import progress, rename, refresh and delete.
 */
export function DataSourcesPage() {
  const { workspace, canEdit, isOwner } = useWorkspace();
  useTitle(`Data — ${workspace.name}`);
  const list = useResource((signal) => api.evidence.sources(workspace.id, signal), [workspace.id]);
  const [flow, setFlow] = useState<Flow>({ kind: 'idle' });
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'warning' } | null>(null);
  const sources = list.data ?? [];

  const running = sources.filter((s) => s.status === 'importing' && s.jobId).map((s) => s.jobId as string);
  const jobs = useJobs(running, (job: Job) => {
    list.reload();
    const source = sources.find((s) => s.jobId === job.id);
    if (source) {
      setNotice(
        job.status === 'succeeded'
          ? { text: `“${source.name}” is ready.`, tone: 'success' }
          : {
              text: `The import of “${source.name}” failed — the message on it below says why.`,
              tone: 'warning',
            },
      );
    }
  });

  const uploadFile = async (file: File, refresh: DataSource | null) => {
    setUploadError(null);
    setNotice(null);
    setFlow({ kind: 'uploading', filename: file.name, share: 0, refresh });
    try {
      const upload = await api.evidence.upload(workspace.id, file, file.name, (share) =>
        setFlow((f) => (f.kind === 'uploading' ? { ...f, share } : f)),
      );
      setFlow({ kind: 'review', upload, refresh });
    } catch (e) {
      setUploadError(`${file.name} could not be uploaded. ${errorMessage(e)}`);
      setFlow({ kind: 'idle' });
    }
  };

  const startImport = async (request: Parameters<typeof api.evidence.createSource>[1]) => {
    if (flow.kind !== 'review') return;
    const { name, ...rest } = request;
    const result = flow.refresh
      ? await api.evidence.refreshSource(flow.refresh.id, rest)
      : await api.evidence.createSource(workspace.id, { ...rest, name });
    setFlow({ kind: 'idle' });
    setNotice({
      text: `Importing “${result.source.name}”. You can leave this page; the import continues.`,
      tone: 'success',
    });
    list.setData((old) => [result.source, ...(old ?? []).filter((s) => s.id !== result.source.id)]);
  };

  if (list.loading && !list.data) return <Loading what="data sources" />;
  if (list.error && !list.data) return <ErrorBanner error={list.error} onRetry={list.reload} />;

  // A viewer's hidden count (1–10 events) leaves the total unknown: it is then not said.
  const ready = sources.filter((s) => s.status === 'ready');
  const totalEvents = ready.some((s) => s.eventCount === null)
    ? null
    : ready.reduce((n, s) => n + (s.eventCount ?? 0), 0);
  const readySources = sources.filter((s) => s.status === 'ready').length;

  return (
    <div className={styles.page}>
      <div>
        <h1>Data</h1>
        <p className="muted">
          Event logs from your systems (scheduling, EHR, patient portal) that light up the journeys in{' '}
          {workspace.name}.
          {readySources > 0
            ? ` ${totalEvents === null ? 'Events' : `${formatCount(totalEvents)} events`} ready in ${readySources} ${readySources === 1 ? 'source' : 'sources'}.`
            : ''}
        </p>
      </div>

      {notice ? (
        <div className={`banner banner-${notice.tone}`} role="status">
          <span>{notice.text}</span>
        </div>
      ) : null}
      {uploadError ? (
        <div className="banner banner-error" role="alert">
          <span>{uploadError}</span>
        </div>
      ) : null}

      {canEdit && flow.kind === 'idle' ? (
        <UploadZone onFile={(f) => void uploadFile(f, null)} disabled={false} />
      ) : null}
      {flow.kind === 'uploading' ? (
        <section className={styles.uploading} aria-label="Upload in progress">
          <p>
            {flow.refresh ? `New file for “${flow.refresh.name}”: ` : 'Uploading '}
            <strong>{flow.filename}</strong>
          </p>
          <ProgressBar share={flow.share} label="Uploaded" />
        </section>
      ) : null}
      {flow.kind === 'review' ? (
        flow.upload.csv ? (
          <MappingWizard
            workspaceId={workspace.id}
            upload={flow.upload as UploadResult & { csv: CsvPreview }}
            refreshing={flow.refresh?.name ?? null}
            onStart={startImport}
            onCancel={() => setFlow({ kind: 'idle' })}
          />
        ) : (
          <ConfirmImport
            upload={flow.upload}
            refresh={flow.refresh}
            onStart={(name) => startImport({ uploadId: flow.upload.uploadId, name })}
            onCancel={() => setFlow({ kind: 'idle' })}
          />
        )
      ) : null}

      {sources.length === 0 && flow.kind !== 'idle' ? null : sources.length === 0 ? (
        <section className={styles.empty}>
          <h2>No data yet</h2>
          {canEdit ? (
            <p>
              Upload last month's scheduling export to start: a CSV with one row per event (a patient or
              appointment id, what happened, and when). Pathlight then shows, on your journey maps, where
              patients drop off and how long they wait.
            </p>
          ) : (
            <p>
              No event data has been uploaded to this workspace yet. An editor or owner can upload an export
              from your scheduling or EHR system here.
            </p>
          )}
        </section>
      ) : (
        <>
          <ul className={styles.sources} aria-label="Data sources">
            {sources.map((s) => (
              <SourceCard
                key={s.id}
                source={s}
                job={s.jobId ? jobs[s.jobId] : undefined}
                canEdit={canEdit}
                canDelete={isOwner}
                onRenamed={(renamed) =>
                  list.setData((old) => old?.map((o) => (o.id === renamed.id ? renamed : o)))
                }
                onDeleted={() => {
                  setNotice({ text: `Deleted “${s.name}” and its events.`, tone: 'success' });
                  list.setData((old) => old?.filter((o) => o.id !== s.id));
                }}
                onRefreshFile={(f) => void uploadFile(f, s)}
              />
            ))}
          </ul>
          {sources.some(hasEvents) ? (
            <p className={styles.next}>
              Next: <Link to={`/w/${workspace.id}/process-map`}>see the real journey as a process map</Link>{' '}
              or <Link to={`/w/${workspace.id}/dashboard`}>open the KPI dashboard</Link>.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** For files that need no column mapping (XES, FHIR, HL7, Parquet): name it and start. */
function ConfirmImport({
  upload,
  refresh,
  onStart,
  onCancel,
}: {
  upload: UploadResult;
  refresh: DataSource | null;
  onStart: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(refresh?.name ?? nameFromFile(upload.filename.replace(/\.[a-z.]+$/i, '')));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <section className={styles.wizard} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{refresh ? `Refresh “${refresh.name}”` : 'Import this file'}</h2>
      <p>
        <strong>{upload.filename}</strong> · {formatBytes(upload.bytes)} ·{' '}
        {upload.format ? formatLabel(upload.format) : 'format to be detected'}. The columns are read from the
        file's own structure; identifiers are pseudonymised.
      </p>
      {refresh ? null : (
        <div className="field">
          <label htmlFor={`${id}-name`}>Name of this data source</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
      )}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className={styles.wizardActions}>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !name.trim()}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onStart(name.trim());
            } catch (e) {
              setError(errorMessage(e));
              setBusy(false);
            }
          }}
        >
          {busy ? 'Starting…' : refresh ? 'Replace the events' : 'Start the import'}
        </button>
      </div>
    </section>
  );
}
