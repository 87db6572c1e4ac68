import { JOURNEY_EXPORT_FORMAT, type Journey, journeyDocumentOf } from '@pathlight/core';
import { useId, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';

/**
 * An export file as the import endpoint takes it: an export stays as it is; a bare journey document
 * (e.g. from `pathlight generate --journey-out`) is wrapped, keeping its own schema version.
 */
export function asExportFile(parsed: unknown): unknown {
  if (journeyDocumentOf(parsed) !== parsed || typeof parsed !== 'object' || parsed === null) return parsed;
  const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
  return {
    format: JOURNEY_EXPORT_FORMAT,
    schemaVersion: typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1,
    journey: parsed,
  };
}

/** Reads a Pathlight journey export (JSON) chosen by the user and imports it into the workspace. */
export function ImportButton({
  workspaceId,
  onImported,
}: {
  workspaceId: string;
  onImported: (j: Journey) => void;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError(
        `“${file.name}” is not a JSON file. Choose a journey exported from Pathlight (Export → JSON).`,
      );
      return;
    }
    setBusy(true);
    try {
      onImported(await api.journeys.importJson(workspaceId, asExportFile(parsed)));
    } catch (e) {
      setError(`Could not import “${file.name}”: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label="Import a journey JSON file"
        onChange={(e) => onFile(e.target.files?.[0])}
        tabIndex={-1}
      />
      <button type="button" className="btn" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? 'Importing…' : 'Import JSON'}
      </button>
      {error ? (
        <div className="banner banner-error" role="alert" style={{ flexBasis: '100%' }}>
          {error}
        </div>
      ) : null}
    </>
  );
}
