import type { Journey } from '@pathlight/core';
import { useId, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';

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
      onImported(await api.journeys.importJson(workspaceId, parsed));
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
