import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import { useWorkspace } from '../../app/workspace';
import type { JourneyEditorProps, SaveFn } from '../../editor';
import { Link } from '../../router/link';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import { EditorSlot } from './editor-slot';
import styles from './journey-page.module.css';

/**
 * One journey: breadcrumb back to the list and the map editor (which has its own Map /
 * Opportunities views). Viewers get the editor read-only.
 */
export function JourneyPage({ journeyId }: { journeyId: string }) {
  const { workspace, canEdit } = useWorkspace();
  const loaded = useResource(async () => {
    const [journey, personas] = await Promise.all([
      api.journeys.get(journeyId),
      api.personas.list(workspace.id),
    ]);
    return { journey, personas };
  }, [journeyId, workspace.id]);

  // The name as edited in the map (the breadcrumb and tab title follow renames).
  const [liveName, setLiveName] = useState<string | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);
  const onReady = useCallback<NonNullable<JourneyEditorProps['onReady']>>(({ store }) => {
    unsubscribe.current?.();
    unsubscribe.current = store.subscribe(() => setLiveName(store.doc.name));
  }, []);
  const name = liveName ?? loaded.data?.journey.document.name ?? null;
  useTitle(name ?? 'Journey');
  const save = useCallback<SaveFn>(
    (doc, baseVersion) => api.journeys.save(journeyId, baseVersion, doc),
    [journeyId],
  );
  const loadMembers = useCallback(() => api.members.list(workspace.id), [workspace.id]);

  if (loaded.loading && !loaded.data) return <Loading what="the journey" />;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <div className="banner banner-info" role="status">
        <span>
          This journey does not exist any more, or you no longer have access to it.{' '}
          <Link to={`/w/${workspace.id}/journeys`}>Back to the journeys</Link>
        </span>
      </div>
    );
  }
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  const { journey, personas } = loaded.data;
  // The breadcrumb leads the bar over the map (one row instead of two: the map gets the height).
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <ol>
        <li>
          <Link to={`/w/${workspace.id}/journeys`}>← Journeys</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
      {!canEdit ? (
        <span className={styles.readOnly} role="note">
          Read only — you are a viewer in this workspace
        </span>
      ) : null}
    </nav>
  );

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">{name}</h1>
      <div className={styles.editor}>
        <EditorSlot
          key={journey.id}
          journey={journey}
          personas={personas}
          readOnly={!canEdit}
          save={save}
          loadMembers={loadMembers}
          onReady={onReady}
          journeyId={journey.id}
          workspaceId={workspace.id}
          canEdit={canEdit}
          lead={breadcrumb}
        />
      </div>
    </div>
  );
}
