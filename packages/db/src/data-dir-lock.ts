import { open, readFile, rm } from 'node:fs/promises';

/** Lock files this process holds: a lock naming our own pid but not listed here is left from an earlier run. */
const held = new Set<string>();

/**
 * Takes an exclusive lock on an embedded data directory by creating `lockPath` with our pid in it.
 * Two PGlite instances on one directory (a second `npm start`, or two opens in one process) would
 * corrupt it, so that is refused with a message saying what to do. A lock left by a process that is
 * gone is taken over. Returns the release function.
 */
export async function lockDataDir(lockPath: string, what: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      held.add(lockPath);
      return async () => {
        held.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid) && (pid !== process.pid || held.has(lockPath)))
        throw new Error(
          `${what} is already in use by process ${pid} (lock file ${lockPath}). Stop that process first; ` +
            'if it is not running, delete the lock file.',
        );
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}: another process keeps taking it`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
