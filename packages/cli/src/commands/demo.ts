import { parseArgs } from 'node:util';
import {
  bootstrapAdmin,
  DEMO_WORKSPACE_NAME,
  findDemoWorkspaces,
  openLocalData,
  resetDemo,
} from '@pathlight/server';
import { parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import type { Io } from './analyze';
import { dataDirOf } from './serve';

export const DEMO_USAGE = 'Usage: pathlight demo [--reset] [--data-dir DIR]  (stop the server first)';

/**
 * `pathlight demo`: seeds the Riverside demo workspace into a data directory, or with `--reset`
 * deletes it and its event data and seeds it again. Refused while a server holds the directory.
 */
export async function runDemo(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('demo', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        reset: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${DEMO_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new CliError(`pathlight demo: unexpected argument "${positionals[0]}"`, 2);
  const dataDir = dataDirOf(values['data-dir']);
  let local: Awaited<ReturnType<typeof openLocalData>>;
  try {
    local = await openLocalData({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined });
  } catch (err) {
    throw new CliError(`pathlight demo: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  }
  try {
    const { db, evidence } = local;
    // A data directory nobody has started yet: create the administrator as the server would.
    await bootstrapAdmin(
      db,
      { email: process.env.PATHLIGHT_ADMIN_EMAIL, password: process.env.PATHLIGHT_ADMIN_PASSWORD },
      (line) => io.stdout(`${line}\n`),
    );
    if (!values.reset && (await findDemoWorkspaces(db)).length > 0) {
      io.stdout(
        `The demo workspace "${DEMO_WORKSPACE_NAME}" is already there; pathlight demo --reset rebuilds it.\n`,
      );
      return 0;
    }
    const summary = await resetDemo({
      db,
      evidence,
      progress: (line) => {
        if (io.stderrIsTty) io.stderr(`${line}\n`);
      },
    });
    const owner = (await db.members.list(summary.workspaceId)).find((m) => m.role === 'owner');
    io.stdout(
      `${summary.removed ? 'Rebuilt' : 'Seeded'} the demo workspace "${DEMO_WORKSPACE_NAME}": ${summary.events} events of ${summary.patients} synthetic patients in ${summary.seconds.toFixed(1)} s.\n` +
        `Start Pathlight (npm start or pathlight serve) and sign in as ${owner?.email ?? 'its owner'}.\n`,
    );
    return 0;
  } catch (err) {
    throw new CliError(`pathlight demo: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  } finally {
    await local.close();
  }
}
