import { type Journey, type JourneyContent, migrateJourney } from '@pathlight/core';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { JourneyRepository, JourneySummary } from '../ports';
import { journeys } from '../schema';

type JourneyRow = typeof journeys.$inferSelect;

/**
 * A stored row as a journey: its document is migrated to the current schema and validated on the way
 * out, so a document written by an older Pathlight (or edited by hand in the database) never reaches
 * the analyses unchecked.
 */
function toJourney(row: JourneyRow): Journey {
  const migrated = migrateJourney(row.document);
  if (!migrated.ok) {
    const why = typeof migrated.error === 'string' ? migrated.error : migrated.error.issues[0]?.message;
    throw new Error(`stored journey ${row.id} is not a valid document: ${why}`);
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    updatedBy: row.updatedBy,
    document: migrated.document,
  };
}

/** The list columns, copied out of the document on every write so a list never reads documents. */
function summaryColumns(doc: JourneyContent) {
  return {
    name: doc.name,
    status: doc.status,
    ownerId: doc.ownerId,
    personaIds: doc.scope.personaIds,
    tags: doc.tags,
    reviewCadenceDays: doc.reviewCadenceDays,
    lastReviewedAt: doc.lastReviewedAt,
  };
}

const { document: _document, ...summarySelection } = getTableColumns(journeys);

/** Journeys on Drizzle, with optimistic concurrency on `version`. */
export function journeyRepository(db: Executor): JourneyRepository {
  async function get(id: string): Promise<Journey | null> {
    const [row] = await db.select().from(journeys).where(eq(journeys.id, id));
    return row ? toJourney(row) : null;
  }

  return {
    async create(workspaceId, document, userId) {
      const at = now();
      const [row] = await db
        .insert(journeys)
        .values({
          id: crypto.randomUUID(),
          workspaceId,
          version: 1,
          document,
          ...summaryColumns(document),
          createdAt: at,
          updatedAt: at,
          updatedBy: userId,
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: journey insert returned no row');
      return toJourney(row);
    },

    async list(workspaceId) {
      const rows = await db
        .select(summarySelection)
        .from(journeys)
        .where(eq(journeys.workspaceId, workspaceId))
        .orderBy(desc(journeys.updatedAt), desc(journeys.id));
      return rows.map(
        (r): JourneySummary => ({
          id: r.id,
          workspaceId: r.workspaceId,
          name: r.name,
          status: r.status,
          ownerId: r.ownerId,
          personaIds: r.personaIds,
          tags: r.tags,
          reviewCadenceDays: r.reviewCadenceDays,
          lastReviewedAt: r.lastReviewedAt,
          version: r.version,
          createdAt: iso(r.createdAt),
          updatedAt: iso(r.updatedAt),
          updatedBy: r.updatedBy,
        }),
      );
    },

    get,

    async update(id, expectedVersion, document, userId) {
      // Compare-and-set in one statement: under concurrent saves exactly one matches the old version.
      const [row] = await db
        .update(journeys)
        .set({
          version: expectedVersion + 1,
          document,
          ...summaryColumns(document),
          updatedAt: now(),
          updatedBy: userId,
        })
        .where(and(eq(journeys.id, id), eq(journeys.version, expectedVersion)))
        .returning();
      if (row) return { ok: true, journey: toJourney(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },

    async delete(id, expectedVersion) {
      const match =
        expectedVersion === undefined
          ? eq(journeys.id, id)
          : and(eq(journeys.id, id), eq(journeys.version, expectedVersion));
      const [row] = await db.delete(journeys).where(match).returning();
      if (row) return { ok: true, journey: toJourney(row) };
      const current = await get(id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
    },
  };
}
