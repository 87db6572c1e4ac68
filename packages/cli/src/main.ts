import { CliError, oneLine } from './cli-error';
import { ANALYZE_USAGE, type Io, runAnalyze } from './commands/analyze';
import { DEMO_USAGE, runDemo } from './commands/demo';
import { EXPORT_USAGE, runExport } from './commands/export';
import { GENERATE_USAGE, runGenerate } from './commands/generate';
import { IMPORT_USAGE, runImport } from './commands/import';
import { runServe, SERVE_USAGE } from './commands/serve';

const USAGE = `pathlight: patient-journey mapping lit by real event logs

${ANALYZE_USAGE}
${GENERATE_USAGE}
${SERVE_USAGE}
${DEMO_USAGE}
${IMPORT_USAGE}
${EXPORT_USAGE}
`;

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  analyze: runAnalyze,
  generate: runGenerate,
  serve: runServe,
  demo: runDemo,
  import: runImport,
  export: runExport,
};

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
};

/**
 * Runs one `pathlight` command and returns the exit code: 0 done, 1 bad input (unreadable file,
 * bad row, invalid journey), 2 bad usage. Errors are one line on stderr.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`pathlight: unknown command "${command}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`pathlight ${command}: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}
