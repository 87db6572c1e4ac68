import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createDatabase, type DatabaseHandle, MIGRATIONS_FOLDER, openDatabase } from './create-database';
import { describeDatabaseContract } from './database-contract';

describeDatabaseContract('embedded PGlite (in memory)', { open: () => openDatabase() });

/** Every committed migration, once. */
const allMigrations = [
  {
    n: (
      JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
        entries: unknown[];
      }
    ).entries.length,
  },
];

/** How many migrations the database has recorded as applied. */
async function appliedMigrations(handle: DatabaseHandle): Promise<unknown> {
  const result = await handle.drizzle.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return (result as unknown as { rows: unknown[] }).rows;
}

const adminUrl = process.env.PATHLIGHT_TEST_DATABASE_URL;

/** A fresh database per run on the server, so parallel runs and leftovers never meet. */
function isolatedPostgres(admin: string) {
  const name = `pathlight_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminQuery = async (text: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    create: () => adminQuery(`create database ${name}`),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
    /** Cuts every connection to this database, as a server restart would. */
    disconnectAll: () =>
      adminQuery(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      ),
  };
}

if (adminUrl) {
  const server = isolatedPostgres(adminUrl);
  describeDatabaseContract('PostgreSQL', {
    async open() {
      await server.create();
      return openDatabase({ databaseUrl: server.url });
    },
    dispose: server.drop,
  });

  describe('PostgreSQL migrations', () => {
    it('applies once: opening the same database again is a no-op', async () => {
      const fresh = isolatedPostgres(adminUrl);
      await fresh.create();
      try {
        const first = await openDatabase({ databaseUrl: fresh.url });
        await first.database.users.create({
          email: 'kept@example.test',
          name: 'Kept',
          passwordHash: 'h',
          isAdmin: false,
        });
        await first.database.close();
        const [second, third] = await Promise.all([
          openDatabase({ databaseUrl: fresh.url }),
          openDatabase({ databaseUrl: fresh.url }),
        ]);
        expect(await appliedMigrations(second)).toEqual(allMigrations);
        expect(await third.database.users.count()).toBe(1);
        await second.database.close();
        await third.database.close();
      } finally {
        await fresh.drop();
      }
    });
  });

  describe('PostgreSQL connections', () => {
    it('hands a broken idle connection to onConnectionError instead of crashing, and keeps working', async () => {
      const fresh = isolatedPostgres(adminUrl);
      await fresh.create();
      try {
        const errors: Error[] = [];
        const db = await createDatabase({ databaseUrl: fresh.url, onConnectionError: (e) => errors.push(e) });
        expect(db.kind).toBe('postgres');
        expect(await db.users.count()).toBe(0);
        await fresh.disconnectAll();
        await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 5000 });
        // The pool may still hand out a second cut connection whose error event is in flight: one query
        // can fail, as it would in production; the next ones reconnect.
        await vi.waitFor(async () => expect(await db.users.count()).toBe(0), { timeout: 5000 });
        await db.close();
      } finally {
        await fresh.drop();
      }
    });
  });
} else {
  describe.skip('PostgreSQL contract (set PATHLIGHT_TEST_DATABASE_URL to run)', () => {
    it('runs against a real server', () => {});
  });
}

describe('PGlite in a data directory', () => {
  it('refuses a second open of a directory in use, and opens it again once closed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathlight-db-'));
    try {
      const first = await createDatabase({ dataDir });
      await expect(createDatabase({ dataDir })).rejects.toThrow(
        `The data directory ${dataDir} is already in use by process ${process.pid}`,
      );
      await first.users.create({ email: 'one@example.test', name: 'One', passwordHash: 'h', isAdmin: false });
      await first.close();
      const again = await createDatabase({ dataDir });
      expect(await again.users.count()).toBe(1);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('persists across reopen and applies migrations only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pathlight-db-'));
    try {
      const first = await createDatabase({ dataDir });
      expect(first.kind).toBe('pglite');
      const created = await first.users.create({
        email: 'persist@example.test',
        name: 'Persist',
        passwordHash: 'h',
        isAdmin: true,
      });
      await first.close();

      const reopened = await openDatabase({ dataDir });
      expect(await reopened.database.users.findByEmail('persist@example.test')).toEqual({
        ...(created.ok ? created.user : {}),
        passwordHash: 'h',
      });
      expect(await appliedMigrations(reopened)).toEqual(allMigrations);
      await reopened.database.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
