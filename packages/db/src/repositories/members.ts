import type { Member, Role } from '@pathlight/core';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { type Executor, now } from '../executor';
import type { MemberRepository } from '../ports';
import { members, users, workspaces } from '../schema';

const memberColumns = { userId: members.userId, email: users.email, name: users.name, role: members.role };

async function findMember(db: Executor, workspaceId: string, userId: string): Promise<Member | null> {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
  return row ?? null;
}

/**
 * Locks the workspace row so role changes in one workspace run one at a time: two owners demoting
 * each other concurrently must not both succeed and leave the workspace ownerless.
 */
async function lockWorkspace(tx: Executor, workspaceId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('update');
  return rows.length > 0;
}

async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'owner')));
  return row?.n ?? 0;
}

/** Workspace membership on Drizzle. */
export function memberRepository(db: Executor): MemberRepository {
  return {
    async list(workspaceId) {
      return db
        .select(memberColumns)
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.workspaceId, workspaceId))
        .orderBy(
          sql`case ${members.role} when 'owner' then 0 when 'editor' then 1 else 2 end`,
          asc(users.name),
          asc(users.email),
        );
    },

    async roleOf(workspaceId, userId) {
      const [row] = await db
        .select({ role: members.role })
        .from(members)
        .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
      return row?.role ?? null;
    },

    async add(workspaceId, userId, role) {
      return db.transaction(async (tx) => {
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
        if (!user || !(await lockWorkspace(tx, workspaceId)))
          return { ok: false, reason: 'not-found' } as const;
        const inserted = await tx
          .insert(members)
          .values({ workspaceId, userId, role, createdAt: now() })
          .onConflictDoNothing()
          .returning({ userId: members.userId });
        if (inserted.length === 0) return { ok: false, reason: 'conflict' } as const;
        const member = await findMember(tx, workspaceId, userId);
        if (!member) throw new Error('@pathlight/db: member vanished after insert');
        return { ok: true, member } as const;
      });
    },

    async setRole(workspaceId, userId, role: Role) {
      return db.transaction(async (tx) => {
        if (!(await lockWorkspace(tx, workspaceId))) return { ok: false, reason: 'not-found' } as const;
        const current = await findMember(tx, workspaceId, userId);
        if (!current) return { ok: false, reason: 'not-found' } as const;
        if (current.role === 'owner' && role !== 'owner' && (await countOwners(tx, workspaceId)) <= 1)
          return { ok: false, reason: 'last-owner' } as const;
        await tx
          .update(members)
          .set({ role })
          .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
        return { ok: true, member: { ...current, role }, previousRole: current.role } as const;
      });
    },

    async remove(workspaceId, userId) {
      return db.transaction(async (tx) => {
        if (!(await lockWorkspace(tx, workspaceId))) return { ok: false, reason: 'not-found' } as const;
        const current = await findMember(tx, workspaceId, userId);
        if (!current) return { ok: false, reason: 'not-found' } as const;
        if (current.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1)
          return { ok: false, reason: 'last-owner' } as const;
        await tx.delete(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
        return { ok: true, previousRole: current.role } as const;
      });
    },

    countOwners(workspaceId) {
      return countOwners(db, workspaceId);
    },
  };
}
