import type { Database } from '@pathlight/db';
import { audit } from './audit';
import { problems } from './problem';

interface Versioned {
  workspaceId: string;
  version: number;
}

type Kind = 'journey' | 'persona' | 'template';

/** What a versioned repository write returns, the record under its own name (`journey`, `persona`, `template`). */
type Outcome<K extends Kind, T> =
  | ({ ok: true } & { [P in K]: T })
  | { ok: false; reason: 'conflict'; current: T }
  | { ok: false; reason: 'not-found' };

interface VersionedWrite<K extends Kind, T> {
  kind: K;
  action: 'update' | 'delete';
  id: string;
  actorId: string;
  /** The version the caller based the write on (deletes may omit it). */
  expected: number | undefined;
  run: (tx: Database) => Promise<Outcome<K, T>>;
}

/**
 * Runs an optimistic-concurrency update or delete and its audit entry in one transaction; a stale
 * version becomes 409 with the current record, a missing one 404. Returns the written record.
 */
export async function versionedWrite<K extends Kind, T extends Versioned>(
  db: Database,
  write: VersionedWrite<K, T>,
): Promise<T> {
  const { kind, action, id, actorId, expected } = write;
  const result = await db.transaction(async (tx) => {
    const outcome = await write.run(tx);
    if (outcome.ok) {
      const record = (outcome as { [P in K]: T })[kind];
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
  if (result.ok) return (result as { [P in K]: T })[kind];
  if (result.reason === 'not-found') throw problems.notFound(`no ${kind} ${id}`);
  throw problems.conflict(
    `${kind} ${id} was saved by someone else since version ${expected}; it is now at version ${result.current.version}`,
    { currentVersion: result.current.version, current: result.current },
  );
}
