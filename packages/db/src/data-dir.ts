import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const DIR_MODE = 0o700;
/** Group and other permission bits. */
const OPEN_BITS = 0o077;

/**
 * Makes the data directory private to the server's user: creates it 0700, sets the process umask to
 * 0o077 so every file created from now on (PGlite's, DuckDB's, keys, uploads) is 0600 and every
 * folder 0700, and walks what is already there once to take the group and other bits off anything
 * more open (older installations were created 0755/0666). Symbolic links are left alone.
 * Returns how many entries it tightened.
 */
export async function secureDataDir(dataDir: string): Promise<number> {
  // The umask is per process; worker threads may not change it (and inherit the main thread's).
  if (isMainThread) process.umask(OPEN_BITS);
  await mkdir(dataDir, { recursive: true, mode: DIR_MODE });
  return tightenModes(dataDir);
}

/**
 * Takes the group and other bits off `path` and everything under it; returns how many entries
 * changed. Needed beyond the umask because PGlite explicitly chmods the files it creates to 0666.
 */
export async function tightenModes(path: string): Promise<number> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) return 0;
  let changed = 0;
  if ((info.mode & OPEN_BITS) !== 0) {
    await chmod(path, info.mode & 0o7700);
    changed += 1;
  }
  if (info.isDirectory()) {
    for (const name of await readdir(path)) changed += await tightenModes(join(path, name));
  }
  return changed;
}
