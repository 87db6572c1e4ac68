import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { journeyExport } from '@pathlight/core';
import { findJourney, openLocalData } from '@pathlight/server';
import { onePositional, parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import type { Io } from './analyze';
import { dataDirOf } from './serve';

export const EXPORT_USAGE =
  'Usage: pathlight export JOURNEY_ID|NAME [--out FILE] [--data-dir DIR]  (stop the server first)';

/**
 * `pathlight export`: writes a stored journey as the export file the app downloads
 * (`GET /api/journeys/{id}/export`), to `--out` or stdout.
 */
export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('export', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const which = onePositional('export', 'JOURNEY_ID or NAME (the journey to export)', positionals);
  const local = await openLocalData({
    dataDir: dataDirOf(values['data-dir']),
    databaseUrl: process.env.DATABASE_URL || undefined,
  }).catch((err: unknown) => {
    throw new CliError(`pathlight export: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  });
  try {
    const summary = await findJourney(local.db, which).catch((err: unknown) => {
      throw new CliError(`pathlight export: ${err instanceof Error ? err.message : String(err)}`);
    });
    const journey = await local.db.journeys.get(summary.id);
    if (!journey) throw new CliError(`pathlight export: journey ${summary.id} was deleted meanwhile`);
    const text = `${JSON.stringify(journeyExport(journey.document, new Date().toISOString()), null, 2)}\n`;
    if (values.out === undefined) io.stdout(text);
    else {
      await writeFile(values.out, text).catch((err: NodeJS.ErrnoException) => {
        throw new CliError(`pathlight export: cannot write ${values.out}: ${err.code ?? err.message}`);
      });
      io.stderr(`wrote "${journey.document.name}" to ${values.out}\n`);
    }
    return 0;
  } finally {
    await local.close();
  }
}
