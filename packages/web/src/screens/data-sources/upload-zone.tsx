import { useId, useRef, useState } from 'react';
import styles from './data-sources.module.css';

/** The file types the server can import, for the file picker. */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xes,.gz,.json,.ndjson,.jsonl,.hl7,.txt,.parquet';

/** A drag-and-drop zone with a file picker button; hands the chosen file to `onFile`. */
export function UploadZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <section
      className={`${styles.dropZone} ${over ? styles.dropZoneOver : ''}`}
      aria-label="Upload an event log"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <p className={styles.dropTitle}>
        <span aria-hidden="true">⇪ </span>Drop a file here, or
      </p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-describedby={hintId}
      >
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Event log file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p id={hintId} className={styles.dropHint}>
        CSV or TSV exports (scheduling, EHR, portal), XES (.xes or .xes.gz), FHIR (Bundle JSON or NDJSON), HL7
        v2 messages or Parquet. Patient identifiers are pseudonymised on import; names, phone numbers and
        addresses are left out.
      </p>
    </section>
  );
}

/** A labelled progress bar (0–1), or an indeterminate one when `share` is null. */
export function ProgressBar({ share, label }: { share: number | null; label: string }) {
  const pct = share === null ? null : Math.round(Math.max(0, Math.min(1, share)) * 100);
  return (
    <div className={styles.progress}>
      <div
        className={styles.progressTrack}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct === null ? {} : { 'aria-valuenow': pct })}
      >
        <div
          className={pct === null ? styles.progressIndeterminate : styles.progressFill}
          style={pct === null ? undefined : { width: `${pct}%` }}
        />
      </div>
      <span className={styles.progressText}>
        {label}
        {pct === null ? '…' : ` ${pct}%`}
      </span>
    </div>
  );
}
