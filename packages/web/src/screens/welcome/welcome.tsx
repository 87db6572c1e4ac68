import type { Workspace } from '@pathlight/core';
import { useState } from 'react';
import { ErrorBanner } from '../../ui/status';
import { useTitle } from '../../ui/use-title';
import { CreateWorkspaceDialog } from '../app-frame/workspace-switcher';
import styles from './welcome.module.css';

/** First screen for someone in no workspace yet: what a workspace is and how to get one. */
export function NoWorkspace({ onCreated }: { onCreated: (ws: Workspace) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  useTitle('Welcome');
  return (
    <section className={styles.panel} aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Pathlight</h1>
      <p>
        Everything in Pathlight lives in a <strong>workspace</strong> — one per organisation or clinic group.
        Create one to start mapping journeys, or ask a workspace owner to add you to theirs.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        Create a workspace
      </button>
      {open ? <CreateWorkspaceDialog onClose={() => setOpen(false)} onCreated={onCreated} /> : null}
    </section>
  );
}

/** Shown when the server does not answer at all (not the same as "not signed in"). */
export function Unreachable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  useTitle('Not answering');
  return (
    <main className={styles.unreachable}>
      <h1>Pathlight is not answering</h1>
      <p>
        The page loaded, but the Pathlight server did not respond. It may be restarting; try again in a
        moment.
      </p>
      <ErrorBanner error={error} onRetry={onRetry} />
    </main>
  );
}
