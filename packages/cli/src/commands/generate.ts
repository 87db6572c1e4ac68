import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEMO_JOURNEY_INPUT, generateEventLog } from '@pathlight/analytics';
import { oneOf, parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import type { Io } from './analyze';

export const GENERATE_USAGE =
  'Usage: pathlight generate --patients N --seed S --out FILE [--format csv|xes|fhir] [--arrival-days D] [--journey-out JOURNEY.json]\n' +
  '  (new patients arrive over the first D days, default 100)\n' +
  '  (fhir writes FHIR R4 NDJSON: name the file .ndjson)';

/** `pathlight generate`: writes the deterministic synthetic clinic log (and optionally its journey map). */
export async function runGenerate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('generate', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        patients: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        'arrival-days': { type: 'string' },
        'journey-out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${GENERATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length)
    throw new CliError(`pathlight generate: unexpected argument "${positionals[0]}"`, 2);
  if (values.patients === undefined || !/^[1-9]\d*$/.test(values.patients))
    throw new CliError('pathlight generate: --patients must be a positive whole number', 2);
  if (values.seed === undefined) throw new CliError('pathlight generate: --seed is required', 2);
  if (values.out === undefined) throw new CliError('pathlight generate: --out is required', 2);
  const format = oneOf('generate', 'format', values.format, ['csv', 'xes', 'fhir'] as const) ?? 'csv';
  const patients = Number(values.patients);
  const arrivalDays = values['arrival-days'];
  if (arrivalDays !== undefined && !/^[1-9]\d*$/.test(arrivalDays))
    throw new CliError('pathlight generate: --arrival-days must be a positive whole number', 2);
  try {
    const result = await generateEventLog({
      patients,
      seed: values.seed,
      out: values.out,
      format,
      ...(arrivalDays === undefined ? {} : { arrivalDays: Number(arrivalDays) }),
      ...(io.stderrIsTty
        ? { onProgress: (done: number) => io.stderr(`\rgenerating: ${Math.floor((100 * done) / patients)}%`) }
        : {}),
    });
    if (io.stderrIsTty) io.stderr('\r\x1b[K');
    if (values['journey-out'] !== undefined)
      await writeFile(values['journey-out'], `${JSON.stringify(DEMO_JOURNEY_INPUT, null, 2)}\n`);
    io.stderr(`wrote ${result.events} events for ${result.patients} patients to ${values.out}\n`);
    return 0;
  } catch (err) {
    throw new CliError(`pathlight generate: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  }
}
