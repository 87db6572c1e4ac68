import type { Journey, JourneyContent, Persona, PersonaContent } from '@pathlight/core';
import type { AuditDetail, Database, TemplateContent, WorkspaceTemplate } from '@pathlight/db';
import { audit } from '../audit';
import { problems } from '../problem';

/** The versioned documents of a workspace: each kind's stored record and the content a save sends. */
export interface Documents {
  journey: { record: Journey; content: JourneyContent };
  persona: { record: Persona; content: PersonaContent };
  template: { record: WorkspaceTemplate; content: TemplateContent };
}
export type DocumentKind = keyof Documents;
type Stored<K extends DocumentKind> = Documents[K]['record'];
type Content<K extends DocumentKind> = Documents[K]['content'];

/** What a repository's compare-and-set answers, the record under the kind's own name. */
type Outcome<K extends DocumentKind> =
  | ({ ok: true } & { [P in K]: Stored<K> })
  | { ok: false; reason: 'conflict'; current: Stored<K> }
  | { ok: false; reason: 'not-found' };

/** The repository of one kind, seen through one shape (the three differ only in their record types). */
interface VersionedRepository<K extends DocumentKind> {
  create(workspaceId: string, content: Content<K>, userId: string | null): Promise<Stored<K>>;
  update(id: string, expected: number, content: Content<K>, userId: string | null): Promise<Outcome<K>>;
  delete(id: string, expected?: number): Promise<Outcome<K>>;
}

function repository<K extends DocumentKind>(tx: Database, kind: K): VersionedRepository<K> {
  const byKind = { journey: tx.journeys, persona: tx.personas, template: tx.templates };
  return byKind[kind] as unknown as VersionedRepository<K>;
}

export interface CreateDocument<K extends DocumentKind> {
  kind: K;
  workspaceId: string;
  content: Content<K>;
  /** The acting user (null: the command line or the demo with no user). */
  actorId: string | null;
  /** The audit action; default `<kind>.create` (also `journey.import`, `journey.duplicate`). */
  action?: string;
  detail?: AuditDetail;
}

/**
 * Stores a new journey, persona or template at version 1 with its audit entry, in one transaction
 * (a savepoint when `db` is already one). `content` must already be valid.
 */
export async function createDocument<K extends DocumentKind>(
  db: Database,
  create: CreateDocument<K>,
): Promise<Stored<K>> {
  const { kind, workspaceId, actorId } = create;
  return db.transaction(async (tx) => {
    const made = await repository(tx, kind).create(workspaceId, create.content, actorId);
    await audit(tx, {
      workspaceId,
      actorId,
      action: create.action ?? `${kind}.create`,
      entityType: kind,
      entityId: made.id,
      beforeVersion: null,
      afterVersion: made.version,
      detail: create.detail ?? {},
    });
    return made;
  });
}

interface VersionedWrite<K extends DocumentKind> {
  kind: K;
  id: string;
  actorId: string | null;
}

/**
 * Saves a journey, persona or template over the version the caller based the edit on, with its audit
 * entry, in one transaction. A stale version is a conflict carrying the current record (409); a missing
 * document is not-found (404). Returns the saved record, one version higher.
 */
export async function saveDocument<K extends DocumentKind>(
  db: Database,
  save: VersionedWrite<K> & { expected: number; content: Content<K> },
): Promise<Stored<K>> {
  const { id, actorId, expected } = save;
  return versioned(db, save, 'update', (repo) => repo.update(id, expected, save.content, actorId));
}

/** Deletes a journey, persona or template (only at `expected` when given), with its audit entry. */
export async function deleteDocument<K extends DocumentKind>(
  db: Database,
  remove: VersionedWrite<K> & { expected: number | undefined },
): Promise<Stored<K>> {
  return versioned(db, remove, 'delete', (repo) => repo.delete(remove.id, remove.expected));
}

async function versioned<K extends DocumentKind>(
  db: Database,
  write: VersionedWrite<K> & { expected: number | undefined },
  action: 'update' | 'delete',
  run: (repo: VersionedRepository<K>) => Promise<Outcome<K>>,
): Promise<Stored<K>> {
  const { kind, id, actorId, expected } = write;
  const result = await db.transaction(async (tx) => {
    const outcome = await run(repository(tx, kind));
    if (outcome.ok) {
      const record = (outcome as { [P in K]: Stored<K> })[kind];
      await audit(tx, {
        workspaceId: record.workspaceId,
        actorId,
        action: `${kind}.${action}`,
        entityType: kind,
        entityId: id,
        beforeVersion: action === 'update' ? (expected ?? null) : record.version,
        afterVersion: action === 'update' ? record.version : null,
      });
    }
    return outcome;
  });
  if (result.ok) return (result as { [P in K]: Stored<K> })[kind];
  if (result.reason === 'not-found') throw problems.notFound(`no ${kind} ${id}`);
  throw problems.conflict(
    `${kind} ${id} was saved by someone else since version ${expected}; it is now at version ${result.current.version}`,
    { currentVersion: result.current.version, current: result.current },
  );
}
