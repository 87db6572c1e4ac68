import type { Journey } from '@pathlight/core';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../api';
import { useWorkspace } from '../../app/workspace';
import { Link } from '../../router/link';
import { navigate, useSearchParams } from '../../router/router';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { statusLabel } from '../journey-list/journey-list';
import { BoardSlot, type EditorProps, EditorSlot } from './editor-slot';
import styles from './journey-page.module.css';

type Tab = 'map' | 'opportunities';
const tabs: { key: Tab; label: string }[] = [
  { key: 'map', label: 'Map' },
  { key: 'opportunities', label: 'Opportunities' },
];

/** One journey: breadcrumb, Map / Opportunities tabs, the editor (read-only for viewers). */
export function JourneyPage({ journeyId }: { journeyId: string }) {
  const { workspace, canEdit } = useWorkspace();
  const params = useSearchParams();
  const tab: Tab = params.get('tab') === 'opportunities' ? 'opportunities' : 'map';
  const loaded = useResource(async () => {
    const [journey, personas] = await Promise.all([
      api.journeys.get(journeyId),
      api.personas.list(workspace.id),
    ]);
    return { journey, personas };
  }, [journeyId, workspace.id]);
  // The latest saved journey, so switching tabs mounts the other view with what was just saved.
  // The mounted view keeps the snapshot it started from: the editor owns its state while open.
  const latest = useRef<Journey | null>(null);
  const [snapshot, setSnapshot] = useState<Journey | null>(null);

  const save = useCallback<EditorProps['save']>(
    async (doc, baseVersion) => {
      const result = await api.journeys.save(journeyId, baseVersion, doc);
      if (result.ok) latest.current = result.journey;
      return result;
    },
    [journeyId],
  );

  if (loaded.loading && !loaded.data) return <Loading what="the journey" />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;

  const journey = snapshot?.id === journeyId ? snapshot : loaded.data.journey;
  const listPath = `/w/${workspace.id}/journeys`;
  const switchTo = (next: Tab) => {
    if (latest.current?.id === journeyId) setSnapshot(latest.current);
    navigate(`${listPath}/${journeyId}${next === 'map' ? '' : `?tab=${next}`}`, { replace: true });
  };
  const props: EditorProps = { journey, personas: loaded.data.personas, readOnly: !canEdit, save };

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <ol>
          <li>
            <Link to={listPath}>← Journeys</Link>
          </li>
          <li aria-current="page">{journey.document.name}</li>
        </ol>
      </nav>
      <div className={styles.titleRow}>
        <h1>{journey.document.name}</h1>
        <span className={styles.status}>{statusLabel[journey.document.status]}</span>
        {!canEdit ? (
          <span className={styles.readOnly} role="note">
            Read only — you are a viewer in this workspace
          </span>
        ) : null}
      </div>
      {journey.document.question ? <p className={styles.question}>{journey.document.question}</p> : null}
      <div role="tablist" aria-label="Journey views" className={styles.tabs}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            className={styles.tab}
            onClick={() => switchTo(t.key)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tab === 'map' ? 'opportunities' : 'map';
              switchTo(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === 'map' ? <EditorSlot key="map" {...props} /> : null}
        {tab === 'opportunities' ? <BoardSlot key="opportunities" {...props} /> : null}
      </div>
    </div>
  );
}
