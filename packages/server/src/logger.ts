/**
 * The one logger the server writes to. Callers pass only technical facts (methods, route
 * patterns, statuses, ids, counts): never patient identifiers, names, e-mail addresses or
 * imported free text.
 */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
  error(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

const line = (level: string, message: string, fields?: Record<string, unknown>) =>
  fields && Object.keys(fields).length > 0
    ? `${new Date().toISOString()} ${level} ${message} ${JSON.stringify(fields)}`
    : `${new Date().toISOString()} ${level} ${message}`;

/** A logger writing one line per event to stdout/stderr. */
export function consoleLogger(): Logger {
  return {
    info: (m, f) => console.log(line('info', m, f)),
    warn: (m, f) => console.warn(line('warn', m, f)),
    error: (m, f) => console.error(line('error', m, f)),
  };
}

/** A logger that drops everything (tests) while keeping what it got for assertions. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string, f?: Record<string, unknown>) => {
    lines.push(f ? `${level} ${m} ${JSON.stringify(f)}` : `${level} ${m}`);
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
