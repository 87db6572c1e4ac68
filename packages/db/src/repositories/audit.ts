import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { AuditEntry, AuditRepository } from '../ports';
import { auditLog } from '../schema';

type AuditRow = typeof auditLog.$inferSelect;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const MAX_DETAIL_CHARS = 4096;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    workspaceId: row.workspaceId,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    beforeVersion: row.beforeVersion,
    afterVersion: row.afterVersion,
    detail: row.detail,
    at: iso(row.at),
  };
}

/** The append-only audit log on Drizzle: there is deliberately no way to change or remove an entry. */
export function auditRepository(db: Executor): AuditRepository {
  return {
    async append(entry) {
      const size = JSON.stringify(entry.detail ?? {}).length;
      if (size > MAX_DETAIL_CHARS)
        throw new Error(
          `@pathlight/db: audit detail for ${entry.action} is ${size} characters; keep it under ${MAX_DETAIL_CHARS}`,
        );
      const [row] = await db
        .insert(auditLog)
        .values({
          id: crypto.randomUUID(),
          workspaceId: entry.workspaceId,
          actorId: entry.actorId,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          beforeVersion: entry.beforeVersion,
          afterVersion: entry.afterVersion,
          detail: entry.detail ?? {},
          at: now(),
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: audit insert returned no row');
      return toEntry(row);
    },

    async list(workspaceId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      const conditions: SQL[] = [
        workspaceId === null ? isNull(auditLog.workspaceId) : eq(auditLog.workspaceId, workspaceId),
      ];
      if (options.before !== undefined) conditions.push(lt(auditLog.seq, options.before));
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.seq))
        .limit(limit);
      return rows.map(toEntry);
    },
  };
}
