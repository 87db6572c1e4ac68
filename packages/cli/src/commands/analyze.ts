import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ImportOptions, openEventStore } from '@pathlight/analytics';
import { oneOf, onePositional, parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import { readJourneyFile } from '../journey-file';
import { renderReport } from '../tables';

export const ANALYZE_USAGE = `Usage: pathlight analyze FILE [--format csv|tsv|xes|fhir|hl7|parquet] [--case COL] [--activity COL]
  [--timestamp COL] [--delimiter C] [--timezone TZ] [--journey JOURNEY.json] [--variants N|all]
  [--skip-bad-rows] [--json]`;

const FORMATS = ['csv', 'tsv', 'xes', 'fhir', 'hl7', 'parquet'] as const;

/** Where output goes; injected so tests and the launcher share one code path. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  stderrIsTty: boolean;
}

/**
 * `pathlight analyze`: imports one file into an in-memory DuckDB with an ephemeral random
 * pseudonymisation key (nothing is kept), then prints the analysis as tables or one JSON document.
 */
export async function runAnalyze(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('analyze', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        case: { type: 'string' },
        activity: { type: 'string' },
        timestamp: { type: 'string' },
        delimiter: { type: 'string' },
        timezone: { type: 'string' },
        journey: { type: 'string' },
        variants: { type: 'string' },
        'skip-bad-rows': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  const file = onePositional('analyze', 'FILE (the event log to analyse)', positionals);
  const format = oneOf('analyze', 'format', values.format, FORMATS);
  const variants = parseVariants(values.variants);
  if (values.delimiter !== undefined && values.delimiter.length !== 1 && values.delimiter !== '\\t')
    throw new CliError(`pathlight analyze: --delimiter must be one character (got "${values.delimiter}")`, 2);

  try {
    await access(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const journey = values.journey === undefined ? undefined : await readJourneyFile(values.journey);

  const columns: NonNullable<ImportOptions['columns']> = {};
  if (values.case !== undefined) columns.case = values.case;
  if (values.activity !== undefined) columns.activity = values.activity;
  if (values.timestamp !== undefined) columns.timestamp = values.timestamp;
  const options: ImportOptions = { columns };
  if (format !== undefined) options.format = format;
  if (values.delimiter !== undefined)
    options.delimiter = values.delimiter === '\\t' ? '\t' : values.delimiter;
  if (values.timezone !== undefined) options.timezone = values.timezone;
  if (values['skip-bad-rows']) options.skipBadRows = true;
  if (io.stderrIsTty)
    options.onProgress = ({ done, total }) => {
      if (total > 0) io.stderr(`\rimporting ${file}: ${Math.floor((100 * done) / total)}%`);
    };

  const store = await openEventStore();
  try {
    let imported: Awaited<ReturnType<typeof store.importEvents>>;
    try {
      imported = await store.importEvents(file, options);
    } catch (err) {
      throw new CliError(oneLine(err instanceof Error ? err.message : String(err)));
    } finally {
      if (io.stderrIsTty) io.stderr('\r\x1b[K');
    }
    if (imported.skipped.count > 0)
      io.stderr(
        `skipped ${imported.skipped.count} bad record(s); first: ${imported.skipped.first
          .slice(0, 3)
          .map((s) => `${s.location}: ${s.reason}`)
          .join('; ')}\n`,
      );
    const result = await store.analyze({ ...(journey ? { journey } : {}), variants });
    io.stdout(values.json ? `${JSON.stringify(result)}\n` : renderReport(result, journey));
    return 0;
  } finally {
    store.close();
  }
}

function parseVariants(value: string | undefined): number | 'all' {
  if (value === undefined) return 50;
  if (value === 'all') return 'all';
  if (!/^\d+$/.test(value))
    throw new CliError(`pathlight analyze: --variants must be a whole number or "all" (got "${value}")`, 2);
  return Number(value);
}
