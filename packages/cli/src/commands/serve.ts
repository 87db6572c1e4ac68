import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoModeFromEnv, optionsFromEnv, startServer } from '@pathlight/server';
import { parseOrUsage } from '../args';
import { CliError, oneLine } from '../cli-error';
import type { Io } from './analyze';

export const SERVE_USAGE =
  'Usage: pathlight serve [--port N] [--data-dir DIR]  (other settings from the environment)';

const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

/** Where the environment says data lives unless `--data-dir` says otherwise (as the server reads it). */
export function dataDirOf(flag: string | undefined): string {
  return flag ?? (process.env.PATHLIGHT_DATA_DIR || './data');
}

/**
 * `pathlight serve`: starts the server as `npm start` does (environment settings, first-run admin and
 * demo), without building the web app. Resolves with 0 once a SIGINT/SIGTERM has stopped it cleanly.
 */
export async function runServe(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage('serve', () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.stdout(`${SERVE_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new CliError(`pathlight serve: unexpected argument "${positionals[0]}"`, 2);
  if (values.port !== undefined && !/^\d+$/.test(values.port))
    throw new CliError(`pathlight serve: --port must be a whole number (got "${values.port}")`, 2);
  let options: ReturnType<typeof optionsFromEnv> & { demo: ReturnType<typeof demoModeFromEnv> };
  try {
    options = { ...optionsFromEnv(), demo: demoModeFromEnv() };
  } catch (err) {
    throw new CliError(`pathlight serve: ${oneLine(err instanceof Error ? err.message : String(err))}`, 2);
  }
  if (values.port !== undefined) options.port = Number(values.port);
  options.dataDir = dataDirOf(values['data-dir']);
  if (!existsSync(WEB_INDEX))
    io.stderr(
      'pathlight serve: the web app is not built (packages/web/dist), so only the API answers; build it with `npm run build -w packages/web` or use `npm start`, which builds it.\n',
    );
  const running = await startServer({ ...options, print: (line) => io.stdout(`${line}\n`) });
  return new Promise((done) => {
    const stop = () => {
      running.close().then(
        () => done(0),
        () => done(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
