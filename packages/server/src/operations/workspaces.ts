import type { Member, Role, Workspace } from '@pathlight/core';
import type { AuditDetail, Database } from '@pathlight/db';
import { audit } from '../audit';
import { problems } from '../problem';
import type { OperationDeps } from './deps';

/** Creates a workspace owned by `ownerId`, with its audit entry, in one transaction. */
export async function createWorkspace(
  db: Database,
  request: { name: string; ownerId: string; detail?: AuditDetail },
): Promise<Workspace> {
  return db.transaction(async (tx) => {
    const made = await tx.workspaces.create({ name: request.name }, request.ownerId);
    await audit(tx, {
      workspaceId: made.id,
      actorId: request.ownerId,
      action: 'workspace.create',
      entityType: 'workspace',
      entityId: made.id,
      ...(request.detail ? { detail: request.detail } : {}),
    });
    return made;
  });
}

/**
 * Deletes a workspace with everything in it; its event database, key and uploads go too, once any
 * import of it has ended. The audit entry names no workspace: the workspace's own entries go with it.
 */
export async function deleteWorkspace(
  deps: OperationDeps,
  request: { workspaceId: string; actorId: string | null; detail?: AuditDetail },
): Promise<void> {
  const { workspaceId: id } = request;
  await deps.db.transaction(async (tx) => {
    await audit(tx, {
      workspaceId: null,
      actorId: request.actorId,
      action: 'workspace.delete',
      entityType: 'workspace',
      entityId: id,
      ...(request.detail ? { detail: request.detail } : {}),
    });
    if (!(await tx.workspaces.delete(id))) throw problems.notFound(`no workspace ${id}`);
  });
  deps.evidence.dropWorkspace(id);
}

/** Adds a user to a workspace with a role, with its audit entry; an existing member is a conflict. */
export async function addMember(
  db: Database,
  request: { workspaceId: string; userId: string; role: Role; actorId: string | null },
): Promise<Member> {
  const { workspaceId: id, userId, role } = request;
  return db.transaction(async (tx) => {
    const added = await tx.members.add(id, userId, role);
    if (!added.ok) {
      throw added.reason === 'conflict'
        ? problems.conflict('this user is already a member')
        : problems.notFound(`no workspace ${id}`);
    }
    await audit(tx, {
      workspaceId: id,
      actorId: request.actorId,
      action: 'member.add',
      entityType: 'member',
      entityId: userId,
      detail: { role },
    });
    return added.member;
  });
}
