import type { Persona } from '@pathlight/core';
import { and, asc, eq } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { PersonaRepository } from '../ports';
import { personas } from '../schema';

type PersonaRow = typeof personas.$inferSelect;

function toPersona(row: PersonaRow): Persona {
  return {
    ...row.content,
    id: row.id,
    workspaceId: row.workspaceId,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}

/** The workspace persona library on Drizzle, with optimistic concurrency on `version`. */
export function personaRepository(db: Executor): PersonaRepository {
  async function get(id: string): Promise<Persona | null> {
    const [row] = await db.select().from(personas).where(eq(personas.id, id));
    return row ? toPersona(row) : null;
  }

  return {
    async create(workspaceId, content, userId) {
      const at = now();
      const [row] = await db
        .insert(personas)
        .values({
          id: crypto.randomUUID(),
          workspaceId,
          version: 1,
          content,
          name: content.name,
          createdAt: at,
          updatedAt: at,
          updatedBy: userId,
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: persona insert returned no row');
      return toPersona(row);
    },

    async list(workspaceId) {
      const rows = await db
        .select()
        .from(personas)
        .where(eq(personas.workspaceId, workspaceId))
        .orderBy(asc(personas.name), asc(personas.id));
      return rows.map(toPersona);
    },

    get,

    async update(id, expectedVersion, content, userId) {
      const [row] = await db
        .update(personas)
        .set({
          version: expectedVersion + 1,
          content,
          name: content.name,
          updatedAt: now(),
          updatedBy: userId,
        })
        .where(and(eq(personas.id, id), eq(personas.version, expectedVersion)))
        .returning();
      if (row) return { ok: true, persona: toPersona(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },

    async delete(id, expectedVersion) {
      const match =
        expectedVersion === undefined
          ? eq(personas.id, id)
          : and(eq(personas.id, id), eq(personas.version, expectedVersion));
      const [row] = await db.delete(personas).where(match).returning();
      if (row) return { ok: true, persona: toPersona(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },
  };
}
