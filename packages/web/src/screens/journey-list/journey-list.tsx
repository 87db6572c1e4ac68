import { JourneyStatus, type Member, type Persona } from '@pathlight/core';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { api, type DataSource, type JourneySummary } from '../../api';
import { useWorkspace } from '../../app/workspace';
import { formatDate, relativeTime, reviewState, todayIso } from '../../lib/format';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { ConfirmDialog } from '../../ui/confirm/confirm-dialog';
import { ErrorBanner, Loading } from '../../ui/status';
import { useResource } from '../../ui/use-resource';
import { useTitle } from '../../ui/use-title';
import { TemplatePicker } from '../template-picker/template-picker';
import { CreateBlankDialog } from './create-blank-dialog';
import {
  emptyFilter,
  filterJourneys,
  isFiltered,
  type JourneyFilter,
  loadFilter,
  saveFilter,
} from './filter';
import { GettingStarted } from './getting-started/getting-started';
import { ImportButton } from './import-button';
import styles from './journey-list.module.css';
import { RowActions } from './row-actions';
import { SaveTemplateDialog } from './save-template-dialog';

export const statusLabel: Record<JourneyStatus, string> = {
  draft: 'Draft',
  researched: 'Researched',
  live: 'Live',
  archived: 'Archived',
};

/** Everything the list needs, loaded together; members and personas are optional extras. */
async function loadList(workspaceId: string) {
  const [journeys, personas, members, sources] = await Promise.all([
    api.journeys.list(workspaceId),
    api.personas.list(workspaceId).catch(() => [] as Persona[]),
    api.members.list(workspaceId).catch(() => [] as Member[]),
    api.evidence.sources(workspaceId).catch(() => [] as DataSource[]),
  ]);
  return { journeys, personas, members, sources };
}

/** The journeys of the current workspace: filter, search, create, duplicate, archive, delete. */
export function JourneyList({ now = () => new Date() }: { now?: () => Date }) {
  const { workspace, canEdit, isOwner } = useWorkspace();
  useTitle(`Journeys — ${workspace.name}`);
  const list = useResource(() => loadList(workspace.id), [workspace.id]);
  const [filter, setFilterState] = useState<JourneyFilter>(() => loadFilter(workspace.id));
  const setFilter = (next: JourneyFilter) => {
    setFilterState(next);
    saveFilter(workspace.id, next);
  };
  const [dialog, setDialog] = useState<
    | { kind: 'templates' }
    | { kind: 'blank' }
    | { kind: 'delete'; journey: JourneySummary }
    | { kind: 'save-template'; journey: JourneySummary }
    | null
  >(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const journeys = list.data?.journeys ?? [];
  const personas = list.data?.personas ?? [];
  const personaById = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas]);
  const nameOf = useMemo(() => {
    const names = new Map((list.data?.members ?? []).map((m) => [m.userId, m.name]));
    return (id: string | null) => (id === null ? null : (names.get(id) ?? 'a former member'));
  }, [list.data?.members]);
  const shown = useMemo(() => filterJourneys(journeys, filter), [journeys, filter]);
  const today = todayIso(now());
  const open = (journeyId: string) => navigate(`/w/${workspace.id}/journeys/${journeyId}`);
  /** Archive or restore: a full-document save based on the version just read (never a blind write). */
  const setStatus = async (journeyId: string, status: JourneyStatus) => {
    const full = await api.journeys.get(journeyId);
    const result = await api.journeys.save(journeyId, full.version, { ...full.document, status });
    if (!result.ok) throw new Error('Someone changed this journey just now. Try again.');
    list.reload();
  };

  if (list.loading && !list.data) return <Loading what="journeys" />;
  if (list.error && !list.data) return <ErrorBanner error={list.error} onRetry={list.reload} />;

  const createActions = canEdit ? (
    <div className={styles.createActions}>
      <ImportButton workspaceId={workspace.id} onImported={(j) => open(j.id)} />
      <button type="button" className="btn" onClick={() => setDialog({ kind: 'blank' })}>
        Blank journey
      </button>
      <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'templates' })}>
        New from template
      </button>
    </div>
  ) : null;

  return (
    <div className={styles.page}>
      <div className={styles.titleRow}>
        <div>
          <h1>Journeys</h1>
          <p className="muted">Patient journey maps in {workspace.name}.</p>
        </div>
        {journeys.length > 0 ? createActions : null}
      </div>

      {notice ? (
        <div className={`banner banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => setNotice(null)}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      ) : null}

      {journeys.length === 0 ? (
        <EmptyState
          canEdit={canEdit}
          onTemplates={() => setDialog({ kind: 'templates' })}
          onBlank={() => setDialog({ kind: 'blank' })}
          importButton={<ImportButton workspaceId={workspace.id} onImported={(j) => open(j.id)} />}
        />
      ) : (
        <>
          <GettingStarted
            workspaceId={workspace.id}
            workspaceName={workspace.name}
            journeys={journeys}
            sources={list.data?.sources ?? []}
            canEdit={canEdit}
            onTemplates={() => setDialog({ kind: 'templates' })}
          />
          <search className={styles.filters} aria-label="Filter journeys">
            <div className="field">
              <label htmlFor="journey-search">Search</label>
              <input
                id="journey-search"
                ref={searchRef}
                type="search"
                className="input"
                placeholder="Name or tag"
                value={filter.query}
                onChange={(e) => setFilter({ ...filter, query: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="journey-status">Status</label>
              <select
                id="journey-status"
                className="select"
                value={filter.status}
                onChange={(e) => setFilter({ ...filter, status: e.target.value as JourneyFilter['status'] })}
              >
                <option value="active">All except archived</option>
                <option value="all">All, including archived</option>
                {JourneyStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="journey-persona">Persona</label>
              <select
                id="journey-persona"
                className="select"
                value={filter.personaId}
                onChange={(e) => setFilter({ ...filter, personaId: e.target.value })}
              >
                <option value="">Any persona</option>
                {personas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <p className={styles.count} role="status" aria-live="polite">
              {shown.length} of {journeys.length} journey{journeys.length === 1 ? '' : 's'}
              {isFiltered(filter) ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setFilter(emptyFilter)}
                >
                  Clear filters
                </button>
              ) : null}
            </p>
          </search>

          {shown.length === 0 ? (
            <div className={styles.noMatch}>
              <p>No journeys match these filters.</p>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setFilter(emptyFilter);
                  searchRef.current?.focus();
                }}
              >
                Clear filters
              </button>
            </div>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Status</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Personas</th>
                    <th scope="col">Last edited</th>
                    <th scope="col">Review due</th>
                    {canEdit ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((j) => (
                    <tr key={j.id}>
                      <td className={styles.nameCell}>
                        <Link to={`/w/${workspace.id}/journeys/${j.id}`} className={styles.name}>
                          {j.name}
                        </Link>
                        {j.tags.length > 0 ? (
                          <span className={styles.tags}>
                            <span className="visually-hidden">Tags: </span>
                            {j.tags.slice(0, 4).map((t) => (
                              <span key={t} className={styles.tag}>
                                #{t}
                              </span>
                            ))}
                            {j.tags.length > 4 ? (
                              <span className={styles.tag} title={j.tags.slice(4).join(', ')}>
                                +{j.tags.length - 4} more
                              </span>
                            ) : null}
                          </span>
                        ) : null}
                      </td>
                      <td data-label="Status">
                        <span className={styles.status} data-status={j.status}>
                          {statusLabel[j.status]}
                        </span>
                      </td>
                      <td data-label="Owner">
                        {nameOf(j.ownerId) ?? <span className="muted">No owner</span>}
                      </td>
                      <td data-label="Personas">
                        <span className={styles.chips}>
                          {j.personaIds.length === 0 ? <span className="muted">None</span> : null}
                          {j.personaIds.map((id) => {
                            const p = personaById.get(id);
                            return (
                              <span key={id} className="chip" title={p?.name}>
                                <span
                                  className="chip-dot"
                                  style={{ background: p?.color ?? '#9ca3af' }}
                                  aria-hidden="true"
                                />
                                <span className={styles.chipText}>{p?.name ?? 'Removed persona'}</span>
                              </span>
                            );
                          })}
                        </span>
                      </td>
                      <td data-label="Last edited">
                        <time dateTime={j.updatedAt} title={new Date(j.updatedAt).toLocaleString()}>
                          {relativeTime(j.updatedAt, now())}
                        </time>
                        {j.updatedBy ? <span className={styles.sub}>by {nameOf(j.updatedBy)}</span> : null}
                      </td>
                      <td data-label="Review due">
                        <ReviewDue journey={j} today={today} />
                      </td>
                      {canEdit ? (
                        <td className={styles.actionsCell}>
                          <RowActions
                            journey={j}
                            onDuplicate={async () => {
                              const copy = await api.journeys.duplicate(j.id);
                              setNotice({ tone: 'success', text: `Made a copy: “${copy.document.name}”.` });
                              list.reload();
                            }}
                            onArchive={async () => {
                              await setStatus(j.id, 'archived');
                              setNotice({
                                tone: 'success',
                                text: `Archived “${j.name}”. Choose “Archived” under Status to see it.`,
                              });
                            }}
                            onRestore={async () => {
                              await setStatus(j.id, 'draft');
                              setNotice({ tone: 'success', text: `Restored “${j.name}” as a draft.` });
                            }}
                            onSaveAsTemplate={() => setDialog({ kind: 'save-template', journey: j })}
                            {...(isOwner
                              ? { onDelete: () => setDialog({ kind: 'delete', journey: j }) }
                              : {})}
                            onError={(text) => setNotice({ tone: 'error', text })}
                          />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      {dialog?.kind === 'templates' ? (
        <TemplatePicker
          workspaceId={workspace.id}
          canDelete={isOwner}
          onClose={() => setDialog(null)}
          onCreated={(journey) => open(journey.id)}
        />
      ) : null}
      {dialog?.kind === 'blank' ? (
        <CreateBlankDialog
          workspaceId={workspace.id}
          onClose={() => setDialog(null)}
          onCreated={(j) => open(j.id)}
        />
      ) : null}
      {dialog?.kind === 'save-template' ? (
        <SaveTemplateDialog
          workspaceId={workspace.id}
          journey={dialog.journey}
          onClose={() => setDialog(null)}
          onSaved={(t) => {
            setDialog(null);
            setNotice({
              tone: 'success',
              text: `Saved “${t.name}” as a template. Find it under “Your templates” in Start from a template.`,
            });
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title="Delete this journey?"
          message={`“${dialog.journey.name}” and everything on its map will be deleted for everyone in this workspace. This cannot be undone. To keep it out of the way instead, archive it.`}
          confirmLabel="Delete journey"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.journeys.remove(dialog.journey.id);
            setNotice({ tone: 'success', text: `Deleted “${dialog.journey.name}”.` });
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** Review due as words (never colour alone): overdue, due soon, a date, or why there is none. */
export function ReviewDue({ journey, today }: { journey: JourneySummary; today: string }) {
  const state = reviewState(journey, today);
  switch (state.kind) {
    case 'none':
      return <span className="muted">No review cycle</span>;
    case 'never-reviewed':
      return <span className="muted">Not reviewed yet</span>;
    case 'overdue':
      return (
        <span>
          <span className={styles.overdue}>
            <span aria-hidden="true">⚠ </span>Overdue
          </span>
          <span className={styles.sub}>
            {state.days} day{state.days === 1 ? '' : 's'} late · was due {formatDate(state.due)}
          </span>
        </span>
      );
    case 'soon':
      return (
        <span>
          <span className={styles.soon}>
            {state.days === 0 ? 'Due today' : `Due in ${state.days} day${state.days === 1 ? '' : 's'}`}
          </span>
          <span className={styles.sub}>{formatDate(state.due)}</span>
        </span>
      );
    case 'ok':
      return <span>{formatDate(state.due)}</span>;
  }
}

function EmptyState({
  canEdit,
  onTemplates,
  onBlank,
  importButton,
}: {
  canEdit: boolean;
  onTemplates: () => void;
  onBlank: () => void;
  importButton: ReactNode;
}) {
  if (!canEdit) {
    return (
      <section className={styles.empty} aria-labelledby="empty-title">
        <h2 id="empty-title">No journeys here yet</h2>
        <p>When an editor in this workspace creates a journey map, it will appear here for you to read.</p>
      </section>
    );
  }
  return (
    <section className={styles.empty} aria-labelledby="empty-title">
      <h2 id="empty-title">Map your first patient journey</h2>
      <p>
        A journey map shows, step by step, how patients find you, book, get care and come back — and where it
        hurts. The quickest way to begin is a ready-made template you can change.
      </p>
      <ol className={styles.emptySteps}>
        <li>
          <strong>Start from a template</strong> — dental, clinic booking, referrals and more, with example
          cards marked as assumptions.
        </li>
        <li>
          <strong>Or import a JSON export</strong> of a journey from another Pathlight.
        </li>
        <li>
          <strong>Then walk it with your team</strong> and replace the assumptions with what you observe.
        </li>
      </ol>
      <div className={styles.emptyActions}>
        <button type="button" className="btn btn-primary" onClick={onTemplates}>
          Browse templates
        </button>
        {importButton}
        <button type="button" className="btn" onClick={onBlank}>
          Start with a blank map
        </button>
      </div>
    </section>
  );
}
