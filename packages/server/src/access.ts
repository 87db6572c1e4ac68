import { type Role, roleAllows } from '@pathlight/core';
import type { Database } from '@pathlight/db';
import { problems } from './problem';

/**
 * The caller's role in a workspace, requiring at least `needed`. Non-members (administrators
 * included) get the same 404 as for a workspace that does not exist, so existence never leaks.
 */
export async function requireRole(
  db: Database,
  workspaceId: string,
  userId: string,
  needed: Role,
  notFoundDetail = `no workspace ${workspaceId}`,
): Promise<Role> {
  const role = await db.members.roleOf(workspaceId, userId);
  if (role === null) throw problems.notFound(notFoundDetail);
  if (!roleAllows(role, needed)) {
    throw problems.forbidden(`this needs the ${needed} role in the workspace; you are ${role}`);
  }
  return role;
}
