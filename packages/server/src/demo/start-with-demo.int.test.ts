import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { memoryLogger } from '../logger';
import { startServer } from '../main';
import { DEMO_WORKSPACE_NAME } from './riverside';

test('PATHLIGHT_DEMO=on seeds at first run for a named admin, and a restart seeds nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pathlight-start-demo-'));
  const options = {
    port: 0,
    dataDir: dir,
    adminEmail: 'head@riverside.test',
    adminPassword: 'a chosen admin password',
    demo: 'on' as const,
    webDist: join(dir, 'no-web-build'),
    logger: memoryLogger(),
  };
  try {
    const printed: string[] = [];
    const first = await startServer({ ...options, print: (l) => printed.push(l) });
    try {
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain(`Demo workspace "${DEMO_WORKSPACE_NAME}" is ready (fictional)`);
      expect(printed[0]).toContain(
        `Open ${first.url} and sign in as head@riverside.test with the password in PATHLIGHT_ADMIN_PASSWORD.`,
      );
      const admin = await first.db.users.findByEmail('head@riverside.test');
      const spaces = await first.db.workspaces.listForUser(admin?.id ?? '');
      expect(spaces.map((w) => [w.name, w.role])).toEqual([[DEMO_WORKSPACE_NAME, 'owner']]);
      expect((await first.db.journeys.list(spaces[0]?.id ?? '')).length).toBe(3);
    } finally {
      await first.close();
    }
    const again: string[] = [];
    const second = await startServer({ ...options, print: (l) => again.push(l) });
    try {
      expect(again).toEqual([]);
      const admin = await second.db.users.findByEmail('head@riverside.test');
      expect((await second.db.workspaces.listForUser(admin?.id ?? '')).length).toBe(1);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 90_000);
