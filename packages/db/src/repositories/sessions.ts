import { and, eq, gt, lte, ne } from 'drizzle-orm';
import { type Executor, iso, now, parseInstant } from '../executor';
import type { Session, SessionRepository } from '../ports';
import { sessions, users } from '../schema';
import { toUser } from './users';

type SessionRow = typeof sessions.$inferSelect;

function toSession(row: SessionRow): Session {
  return {
    tokenHash: row.tokenHash,
    userId: row.userId,
    csrfToken: row.csrfToken,
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
  };
}

/** Sessions on Drizzle. Only the hash of a session token is ever stored. */
export function sessionRepository(db: Executor): SessionRepository {
  return {
    async create(input) {
      const [row] = await db
        .insert(sessions)
        .values({
          tokenHash: input.tokenHash,
          userId: input.userId,
          csrfToken: input.csrfToken,
          createdAt: now(),
          expiresAt: parseInstant(input.expiresAt, 'session expiresAt'),
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: session insert returned no row');
      return toSession(row);
    },

    async find(tokenHash, at) {
      const when = at === undefined ? now() : parseInstant(at, 'now');
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        // A disabled account's sessions stop working at once, even before they are deleted.
        .where(
          and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, when), eq(users.disabled, false)),
        );
      return row ? { session: toSession(row.session), user: toUser(row.user) } : null;
    },

    async extend(tokenHash, expiresAt) {
      const rows = await db
        .update(sessions)
        .set({ expiresAt: parseInstant(expiresAt, 'session expiresAt') })
        .where(eq(sessions.tokenHash, tokenHash))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.length > 0;
    },

    async delete(tokenHash) {
      const rows = await db
        .delete(sessions)
        .where(eq(sessions.tokenHash, tokenHash))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.length > 0;
    },

    async deleteForUser(userId, exceptTokenHash) {
      const mine = eq(sessions.userId, userId);
      const rows = await db
        .delete(sessions)
        .where(exceptTokenHash === undefined ? mine : and(mine, ne(sessions.tokenHash, exceptTokenHash)))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.length;
    },

    async deleteExpired(at) {
      const when = at === undefined ? now() : parseInstant(at, 'now');
      const rows = await db
        .delete(sessions)
        .where(lte(sessions.expiresAt, when))
        .returning({ tokenHash: sessions.tokenHash });
      return rows.length;
    },
  };
}
