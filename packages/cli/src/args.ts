import { CliError } from './cli-error';

/** Runs `parseArgs` (strict) and turns its errors into one-line usage errors (exit 2). */
export function parseOrUsage<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
    throw new CliError(`pathlight ${command}: ${message}`, 2);
  }
}

/** Checks that a string option is one of the allowed values. */
export function oneOf<T extends string>(
  command: string,
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(
      `pathlight ${command}: --${flag} must be one of ${allowed.join(', ')} (got "${value}")`,
      2,
    );
  return value as T;
}

/** Exactly one positional argument, named in the error when missing or doubled. */
export function onePositional(command: string, what: string, positionals: string[]): string {
  const [first, ...rest] = positionals;
  if (first === undefined) throw new CliError(`pathlight ${command}: missing ${what}`, 2);
  if (rest.length) throw new CliError(`pathlight ${command}: unexpected argument "${rest[0]}"`, 2);
  return first;
}
