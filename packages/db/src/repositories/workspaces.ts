import type { Role, Workspace } from '@pathlight/core';
import { asc, eq } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { WorkspaceRecord, WorkspaceRepository } from '../ports';
import { members, workspaces } from '../schema';

type WorkspaceRow = typeof workspaces.$inferSelect;

function toRecord(row: WorkspaceRow): WorkspaceRecord {
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt) };
}

/** Workspaces on Drizzle. */
export function workspaceRepository(db: Executor): WorkspaceRepository {
  return {
    async create(input, ownerUserId) {
      return db.transaction(async (tx) => {
        const at = now();
        const [row] = await tx
          .insert(workspaces)
          .values({ id: crypto.randomUUID(), name: input.name, createdAt: at })
          .returning();
        if (!row) throw new Error('@pathlight/db: workspace insert returned no row');
        await tx
          .insert(members)
          .values({ workspaceId: row.id, userId: ownerUserId, role: 'owner', createdAt: at });
        return { ...toRecord(row), role: 'owner' } satisfies Workspace;
      });
    },

    async listForUser(userId) {
      const rows = await db
        .select({ workspace: workspaces, role: members.role })
        .from(members)
        .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
        .where(eq(members.userId, userId))
        .orderBy(asc(workspaces.name), asc(workspaces.id));
      return rows.map((r) => ({ ...toRecord(r.workspace), role: r.role satisfies Role }));
    },

    async get(id) {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row ? toRecord(row) : null;
    },

    async rename(id, name) {
      const [row] = await db.update(workspaces).set({ name }).where(eq(workspaces.id, id)).returning();
      return row ? toRecord(row) : null;
    },

    async delete(id) {
      // Members, journeys, personas, data sources and jobs go with it (ON DELETE CASCADE); the audit log stays.
      const rows = await db.delete(workspaces).where(eq(workspaces.id, id)).returning({ id: workspaces.id });
      return rows.length > 0;
    },
  };
}
