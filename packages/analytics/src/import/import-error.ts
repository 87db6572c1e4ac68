/**
 * A file could not be imported. The message names the file, where in it (line, record or entry) and the
 * field when known, and why. It never quotes a patient identifier.
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
