import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database';
import { secureDataDir } from './data-dir';

/** Every path under `dir` (itself included) whose mode lets group or others in, with its mode. */
async function openEntries(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string) => {
    const info = await stat(path);
    if ((info.mode & 0o077) !== 0)
      found.push(`${path.slice(dir.length) || '/'} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  return found;
}

describe('the data directory is private to the server user', () => {
  let root: string;
  let umask: number;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pathlight-modes-'));
    umask = process.umask(0o022); // what a usual shell leaves
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(root, { recursive: true, force: true });
  });

  it('a fresh data directory is 0700 and every PGlite file in it 0600', async () => {
    const dataDir = join(root, 'data');
    const db = await createDatabase({ dataDir });
    expect(await openEntries(dataDir)).toEqual([]);
    await db.users.create({ email: 'modes@example.test', name: 'Modes', passwordHash: 'h', isAdmin: false });
    // A file written after opening (a DuckDB store, a key, an upload) gets the umask too.
    await writeFile(join(dataDir, 'later.key'), 'k');
    await db.close();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await readdir(join(dataDir, 'pglite'))).length).toBeGreaterThan(5);
    expect(await openEntries(dataDir)).toEqual([]);
  });

  it('an existing directory with 0755 folders and 0666 files is tightened on open, links left alone', async () => {
    const dataDir = join(root, 'old');
    await mkdir(join(dataDir, 'events', 'ws-1'), { recursive: true });
    await writeFile(join(dataDir, 'events', 'ws-1', 'events.duckdb'), 'x');
    await writeFile(join(dataDir, 'keys.json'), '{}');
    const outside = join(root, 'outside.txt');
    await writeFile(outside, 'not ours');
    await chmod(outside, 0o644);
    await symlink(outside, join(dataDir, 'link'));
    for (const p of [join(dataDir, 'events', 'ws-1', 'events.duckdb'), join(dataDir, 'keys.json')]) {
      await chmod(p, 0o666);
    }
    for (const p of [dataDir, join(dataDir, 'events'), join(dataDir, 'events', 'ws-1')])
      await chmod(p, 0o755);
    expect(await openEntries(dataDir)).toHaveLength(6);

    expect(await secureDataDir(dataDir)).toBe(5);
    expect(await openEntries(dataDir)).toEqual(['/link 644']); // the link's target is not ours to change
    expect((await stat(join(dataDir, 'keys.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'events'))).mode & 0o777).toBe(0o700);
    expect((await stat(outside)).mode & 0o777).toBe(0o644);
    expect(process.umask() & 0o077).toBe(0o077);
  });
});
