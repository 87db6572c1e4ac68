import { desc, eq } from 'drizzle-orm';
import { type Executor, iso, now } from '../executor';
import type { DataSource, DataSourceRepository } from '../ports';
import { dataSources } from '../schema';

type DataSourceRow = typeof dataSources.$inferSelect;

function toDataSource(row: DataSourceRow): DataSource {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    format: row.format,
    status: row.status,
    eventCount: row.eventCount,
    caseCount: row.caseCount,
    error: row.error,
    skippedReport: row.skippedReport,
    settings: row.settings,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Imported event-log data sources (their metadata; the events live in the analytics store). */
export function dataSourceRepository(db: Executor): DataSourceRepository {
  return {
    async create(input) {
      const at = now();
      const [row] = await db
        .insert(dataSources)
        .values({
          id: crypto.randomUUID(),
          workspaceId: input.workspaceId,
          name: input.name,
          format: input.format,
          status: 'pending',
          createdBy: input.createdBy,
          settings: input.settings ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: data source insert returned no row');
      return toDataSource(row);
    },

    async get(id) {
      const [row] = await db.select().from(dataSources).where(eq(dataSources.id, id));
      return row ? toDataSource(row) : null;
    },

    async list(workspaceId) {
      const rows = await db
        .select()
        .from(dataSources)
        .where(eq(dataSources.workspaceId, workspaceId))
        .orderBy(desc(dataSources.createdAt), desc(dataSources.id));
      return rows.map(toDataSource);
    },

    async update(id, patch) {
      const set: Partial<DataSourceRow> = { updatedAt: now() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.eventCount !== undefined) set.eventCount = patch.eventCount;
      if (patch.caseCount !== undefined) set.caseCount = patch.caseCount;
      if (patch.error !== undefined) set.error = patch.error;
      if (patch.skippedReport !== undefined) set.skippedReport = patch.skippedReport;
      if (patch.settings !== undefined) set.settings = patch.settings;
      const [row] = await db.update(dataSources).set(set).where(eq(dataSources.id, id)).returning();
      return row ? toDataSource(row) : null;
    },

    async delete(id) {
      const rows = await db
        .delete(dataSources)
        .where(eq(dataSources.id, id))
        .returning({ id: dataSources.id });
      return rows.length > 0;
    },
  };
}
