import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  let lock: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pathlight-lock-'));
    lock = join(dir, 'pglite.lock');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes our pid, refuses a second holder, and can be taken again after release', async () => {
    const release = await lockDataDir(lock, 'The data directory ./data');
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
    await expect(lockDataDir(lock, 'The data directory ./data')).rejects.toThrow(
      `The data directory ./data is already in use by process ${process.pid} (lock file ${lock})`,
    );
    await release();
    const again = await lockDataDir(lock, 'x');
    await again();
    await expect(readFile(lock, 'utf8')).rejects.toThrow('ENOENT');
  });

  it('refuses a lock held by another running process', async () => {
    await writeFile(lock, `${process.ppid}\n`);
    await expect(lockDataDir(lock, 'The data directory d')).rejects.toThrow(
      `in use by process ${process.ppid}`,
    );
  });

  it('takes over a lock left by a process that has exited', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(lock, `${gone}\n`);
    const release = await lockDataDir(lock, 'd');
    expect(await readFile(lock, 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });

  it('takes over a lock naming our own pid that this process does not hold (a restarted container)', async () => {
    await writeFile(lock, `${process.pid}\n`);
    const release = await lockDataDir(lock, 'd');
    await release();
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(lock, 'garbage');
    const release = await lockDataDir(lock, 'd');
    await release();
  });
});
