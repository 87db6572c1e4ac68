import { desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, iso, isoOrNull, now } from '../executor';
import type { Job, JobRepository } from '../ports';
import { jobs } from '../schema';

type JobRow = typeof jobs.$inferSelect;

const DEFAULT_LIMIT = 50;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    input: row.input,
    result: row.result,
    error: row.error,
    createdAt: iso(row.createdAt),
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

/** Background jobs (imports, analyses) and their progress. */
export function jobRepository(db: Executor): JobRepository {
  return {
    async create(input) {
      const [row] = await db
        .insert(jobs)
        .values({
          id: crypto.randomUUID(),
          workspaceId: input.workspaceId,
          kind: input.kind,
          status: 'queued',
          progress: 0,
          input: input.input ?? null,
          createdAt: now(),
        })
        .returning();
      if (!row) throw new Error('@pathlight/db: job insert returned no row');
      return toJob(row);
    },

    async get(id) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ? toJob(row) : null;
    },

    async list(workspaceId, options = {}) {
      const rows = await db
        .select()
        .from(jobs)
        .where(eq(jobs.workspaceId, workspaceId))
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(Math.max(1, Math.trunc(options.limit ?? DEFAULT_LIMIT)));
      return rows.map(toJob);
    },

    async update(id, patch) {
      if (patch.progress !== undefined && !(patch.progress >= 0 && patch.progress <= 1))
        throw new Error(`@pathlight/db: job progress must be within 0..1, got ${patch.progress}`);
      const at = now();
      const set: Record<string, unknown> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.progress !== undefined) set.progress = patch.progress;
      if (patch.error !== undefined) set.error = patch.error;
      if (patch.result !== undefined) set.result = patch.result;
      if (patch.status === 'running')
        set.startedAt = sql`coalesce(${jobs.startedAt}, ${at.toISOString()}::timestamptz)`;
      if (patch.status === 'succeeded' || patch.status === 'failed') {
        set.startedAt = sql`coalesce(${jobs.startedAt}, ${at.toISOString()}::timestamptz)`;
        set.finishedAt = at;
        if (patch.status === 'succeeded' && patch.progress === undefined) set.progress = 1;
      }
      if (Object.keys(set).length === 0) return this.get(id);
      const [row] = await db.update(jobs).set(set).where(eq(jobs.id, id)).returning();
      return row ? toJob(row) : null;
    },

    async failUnfinished(error) {
      const rows = await db
        .update(jobs)
        .set({ status: 'failed', error, finishedAt: now() })
        .where(inArray(jobs.status, ['queued', 'running']))
        .returning({ id: jobs.id });
      return rows.length;
    },
  };
}
