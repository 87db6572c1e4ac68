import { and, asc, eq } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { TemplateContent, TemplateRepository, WorkspaceTemplate } from '../ports';
import { templates } from '../schema';

type TemplateRow = typeof templates.$inferSelect;

function toTemplate(row: TemplateRow): WorkspaceTemplate {
  return {
    ...row.content,
    id: row.id,
    workspaceId: row.workspaceId,
    version: row.version,
    createdAt: iso(row.createdAt),
    createdBy: row.createdBy,
    updatedAt: iso(row.updatedAt),
    updatedBy: row.updatedBy,
  };
}

/** List columns copied out of the body on every write. */
const columns = (content: TemplateContent) => ({
  name: content.name,
  summary: content.summary,
  category: content.category,
  content,
});

/** Workspace templates on Drizzle, with optimistic concurrency on `version`. */
export function templateRepository(db: Executor): TemplateRepository {
  async function get(id: string): Promise<WorkspaceTemplate | null> {
    const [row] = await db.select().from(templates).where(eq(templates.id, id));
    return row ? toTemplate(row) : null;
  }

  return {
    async create(workspaceId, content, userId) {
      const at = now();
      const [row] = await db
        .insert(templates)
        .values({
          id: crypto.randomUUID(),
          workspaceId,
          version: 1,
          ...columns(content),
          createdAt: at,
          createdBy: userId,
          updatedAt: at,
          updatedBy: userId,
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: template insert returned no row');
      return toTemplate(row);
    },

    async list(workspaceId) {
      const rows = await db
        .select()
        .from(templates)
        .where(eq(templates.workspaceId, workspaceId))
        .orderBy(asc(templates.name), asc(templates.id));
      return rows.map(toTemplate);
    },

    get,

    async update(id, expectedVersion, content, userId) {
      const [row] = await db
        .update(templates)
        .set({ version: expectedVersion + 1, ...columns(content), updatedAt: now(), updatedBy: userId })
        .where(and(eq(templates.id, id), eq(templates.version, expectedVersion)))
        .returning();
      if (row) return { ok: true, template: toTemplate(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },

    async delete(id, expectedVersion) {
      const match =
        expectedVersion === undefined
          ? eq(templates.id, id)
          : and(eq(templates.id, id), eq(templates.version, expectedVersion));
      const [row] = await db.delete(templates).where(match).returning();
      if (row) return { ok: true, template: toTemplate(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },
  };
}
