import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './create-database';
import { bootInMemory, snapshotFile } from './pglite-snapshot';

describe('in-memory PGlite boot from a cached migrated dump', () => {
  let folder: string;
  let cached: string;
  const runMigrations = (client: PGlite) => migrate(drizzle({ client }), { migrationsFolder: folder });
  const tables = async (client: PGlite) =>
    (
      await client.query<{ n: number }>(
        "select count(*)::int as n from pg_tables where schemaname = 'public'",
      )
    ).rows;

  beforeAll(async () => {
    // A private copy of the migrations, so this test owns its cache file and never touches the shared one.
    folder = join(await mkdtemp(join(tmpdir(), 'pathlight-snapshot-')), 'drizzle');
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    cached = await snapshotFile(folder);
  });

  afterAll(async () => {
    await rm(cached, { force: true });
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  it('saves a dump on the first boot and boots the next one from it, migrated', async () => {
    const first = await bootInMemory(folder, runMigrations);
    expect(await tables(first)).toEqual([{ n: 10 }]);
    await first.exec(
      "insert into workspaces values ('00000000-0000-4000-8000-000000000001', 'Only here', now())",
    );
    await first.close();
    expect((await stat(cached)).size).toBeGreaterThan(100_000);

    const second = await bootInMemory(folder, runMigrations);
    expect(await tables(second)).toEqual([{ n: 10 }]);
    // The dump was taken right after migrating: data written later never leaks into other databases.
    expect((await second.query('select * from workspaces')).rows).toEqual([]);
    await second.close();
  });

  it('falls back to a fresh boot when the cached dump is unreadable, and replaces it', async () => {
    await writeFile(cached, 'not a tar archive');
    const client = await bootInMemory(folder, runMigrations);
    expect(await tables(client)).toEqual([{ n: 10 }]);
    await client.close();
    expect((await readFile(cached)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});
