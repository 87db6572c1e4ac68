import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Boots an in-memory PGlite. Creating a cluster from scratch (initdb in wasm) takes seconds, so the
 * first boot saves a gzip dump of the freshly migrated, empty cluster in the OS temp directory,
 * keyed by the migration files; later boots load that dump (several times faster). Test suites open
 * many in-memory databases, which is what this is for. A missing or unreadable dump just means a
 * fresh boot.
 */
export async function bootInMemory(
  migrationsFolder: string,
  migrate: (client: PGlite) => Promise<void>,
): Promise<PGlite> {
  const file = await snapshotFile(migrationsFolder);
  const dump = await readFile(file).catch(() => null);
  if (dump) {
    const client = new PGlite({ loadDataDir: new Blob([dump]) });
    try {
      await client.waitReady;
      await migrate(client);
      return client;
    } catch {
      await client.close().catch(() => undefined);
      await rm(file, { force: true });
    }
  }
  const client = new PGlite();
  await client.waitReady;
  await migrate(client);
  await saveDump(client, file);
  return client;
}

/** Writes the dump under a private name first, then renames it: concurrent writers never expose half a file. */
async function saveDump(client: PGlite, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.${crypto.randomUUID()}.partial`;
  try {
    const blob = await client.dumpDataDir('gzip');
    await writeFile(partial, new Uint8Array(await blob.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // The cache is only an accelerator; a read-only temp dir must not stop the database from opening.
    await rm(partial, { force: true });
  }
}

/** Where the dump for this migrations folder (path and contents) is cached. */
export async function snapshotFile(folder: string): Promise<string> {
  const hash = createHash('sha256').update(folder);
  const files = (await readdir(folder, { recursive: true })).filter((f) => /\.(sql|json)$/.test(f)).sort();
  for (const f of files) hash.update(f).update(await readFile(join(folder, f)));
  return join(tmpdir(), `pathlight-pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}
