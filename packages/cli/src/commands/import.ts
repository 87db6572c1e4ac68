import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FileImportError,
  type FileImportOptions,
  findWorkspace,
  importFile,
  openLocalData,
} from '@pathlight/server';
import { oneOf, onePositional, parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import type { Io } from './analyze';
import { dataDirOf } from './serve';

export const IMPORT_USAGE = `Usage: pathlight import FILE --workspace NAME|ID [--name SOURCE] [--format csv|tsv|xes|fhir|hl7|parquet]
  [--case COL] [--activity COL] [--timestamp COL] [--timezone TZ] [--skip-bad-rows] [--data-dir DIR]  (stop the server first)`;

const FORMATS = ['csv', 'tsv', 'xes', 'fhir', 'hl7', 'parquet'] as const;
const BAR = 24;

/** `[#####-----]  40% copying clinic.csv`, redrawn in place. */
function bar(fraction: number, label: string): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${label}\x1b[K`;
}

/**
 * `pathlight import`: imports a file into a workspace's event store as a new data source, through
 * the server's import job (pseudonymised with the workspace key, all or nothing unless
 * `--skip-bad-rows`). Shows a progress bar on stderr when it is a terminal.
 */
export async function runImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('import', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        workspace: { type: 'string' },
        name: { type: 'string' },
        format: { type: 'string' },
        case: { type: 'string' },
        activity: { type: 'string' },
        timestamp: { type: 'string' },
        timezone: { type: 'string' },
        'skip-bad-rows': { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  const file = onePositional('import', 'FILE (the event log to import)', positionals);
  const format = oneOf('import', 'format', values.format, FORMATS);
  if (values.workspace === undefined)
    throw new CliError('pathlight import: --workspace is required (a name or an id)', 2);
  if (values.name !== undefined && values.name.trim() === '')
    throw new CliError('pathlight import: --name must not be empty', 2);
  try {
    await access(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const options: FileImportOptions = {};
  if (format !== undefined) options.format = format;
  const mapping: NonNullable<FileImportOptions['mapping']> = {};
  if (values.case !== undefined) mapping.case = values.case;
  if (values.activity !== undefined) mapping.activity = values.activity;
  if (values.timestamp !== undefined) mapping.timestamp = values.timestamp;
  if (Object.keys(mapping).length) options.mapping = mapping;
  if (values.timezone !== undefined) options.timezone = values.timezone;
  if (values['skip-bad-rows']) options.skipBadRows = true;

  const local = await openLocalData({
    dataDir: dataDirOf(values['data-dir']),
    databaseUrl: process.env.DATABASE_URL || undefined,
  }).catch((err: unknown) => {
    throw new CliError(`pathlight import: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  });
  try {
    const workspace = await findWorkspace(local.db, values.workspace).catch((err: unknown) => {
      throw new CliError(`pathlight import: ${err instanceof Error ? err.message : String(err)}`);
    });
    const name = values.name?.trim() ?? basename(file);
    let result: Awaited<ReturnType<typeof importFile>>;
    try {
      result = await importFile(local, {
        workspaceId: workspace.id,
        file,
        name,
        actorId: null,
        via: 'cli',
        options,
        ...(io.stderrIsTty
          ? {
              // Copying into the upload area is the first tenth of the bar, the import job the rest.
              onCopy: (done: number, total: number) =>
                io.stderr(bar((0.1 * done) / Math.max(total, 1), `copying ${name}`)),
              onImport: (progress: number) => io.stderr(bar(0.1 + 0.9 * progress, `importing ${name}`)),
            }
          : {}),
      });
    } catch (err) {
      if (err instanceof FileImportError) throw new CliError(`pathlight import: ${oneLine(err.message)}`);
      throw err;
    } finally {
      if (io.stderrIsTty) io.stderr('\r\x1b[K');
    }
    const { source } = result;
    const report = (source.skippedReport ?? null) as {
      skipped?: { count: number; first: { location: string; reason: string }[] };
    } | null;
    const skipped = report?.skipped;
    if (skipped && skipped.count > 0)
      io.stderr(
        `skipped ${skipped.count} bad record(s); first: ${skipped.first
          .slice(0, 3)
          .map((s) => `${s.location}: ${s.reason}`)
          .join('; ')}\n`,
      );
    io.stdout(
      `imported ${source.eventCount ?? 0} events of ${source.caseCount ?? 0} cases into "${workspace.name}" as data source "${source.name}" (${source.id})\n`,
    );
    return 0;
  } finally {
    await local.close();
  }
}
