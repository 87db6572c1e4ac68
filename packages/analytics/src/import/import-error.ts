/**
 * A file could not be imported. The message names the file, where in it (line, record or entry), the
 * column or field when known, and why, saying what was expected. It never quotes a cell value (a case id or
 * any other value read from a record): messages are stored and shown to every member of a workspace.
 * Column names (header text) may be quoted.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly file: string;
  readonly location: string | undefined;
  readonly field: string | undefined;
  readonly reason: string;

  constructor(file: string, reason: string, location?: string, field?: string) {
    super(`${file}${location ? `, ${location}` : ''}${field ? `, field "${field}"` : ''}: ${reason}`);
    this.file = file;
    this.location = location;
    this.field = field;
    this.reason = reason;
  }
}

/** Longest column name quoted whole in a message. */
const NAME_CHARS = 60;
/** Most column names a message lists. */
const LISTED_NAMES = 20;

/** A column name in double quotes, cut to 60 characters. */
export function quoteName(name: string): string {
  const flat = name.replace(/\s+/g, ' ');
  return `"${flat.length > NAME_CHARS ? `${flat.slice(0, NAME_CHARS)}…` : flat}"`;
}

/** Quoted column names for a message, the first 20 and how many more. */
export function listNames(names: readonly string[]): string {
  const listed = names.slice(0, LISTED_NAMES).map(quoteName).join(', ');
  return names.length > LISTED_NAMES ? `${listed} and ${names.length - LISTED_NAMES} more` : listed;
}
