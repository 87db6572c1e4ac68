import type { User } from '@pathlight/core';
import { asc, count, eq } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { UserPatch, UserRepository, UserWithHash } from '../ports';
import { users } from '../schema';

type UserRow = typeof users.$inferSelect;

/** The public user: never carries the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin,
    disabled: row.disabled,
    createdAt: iso(row.createdAt),
  };
}

/** Emails compare case-insensitively: we store and look up the trimmed lower-case form. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Users on Drizzle. */
export function userRepository(db: Executor): UserRepository {
  return {
    async create(input) {
      const [row] = await db
        .insert(users)
        .values({
          id: crypto.randomUUID(),
          email: normaliseEmail(input.email),
          name: input.name,
          passwordHash: input.passwordHash,
          isAdmin: input.isAdmin,
          disabled: false,
          createdAt: now(),
        })
        // No exception on a taken email: a thrown unique violation would also abort the caller's transaction.
        .onConflictDoNothing({ target: users.email })
        .returning();
      return row ? { ok: true, user: toUser(row) } : { ok: false, reason: 'conflict' };
    },

    async findByEmail(email) {
      const [row] = await db
        .select()
        .from(users)
        .where(eq(users.email, normaliseEmail(email)));
      return row ? ({ ...toUser(row), passwordHash: row.passwordHash } satisfies UserWithHash) : null;
    },

    async findById(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? toUser(row) : null;
    },

    async list() {
      const rows = await db.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
      return rows.map(toUser);
    },

    async update(id, patch: UserPatch) {
      const set: Partial<UserRow> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.disabled !== undefined) set.disabled = patch.disabled;
      if (patch.passwordHash !== undefined) set.passwordHash = patch.passwordHash;
      if (Object.keys(set).length === 0) return this.findById(id);
      const [row] = await db.update(users).set(set).where(eq(users.id, id)).returning();
      return row ? toUser(row) : null;
    },

    async count() {
      const [row] = await db.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },
  };
}
