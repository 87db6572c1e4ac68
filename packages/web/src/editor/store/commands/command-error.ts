/** A command was asked to do something the document cannot hold (unknown id, empty name…). */
export class CommandError extends Error {
  constructor(command: string, message: string) {
    super(`${command}: ${message}`);
    this.name = 'CommandError';
  }
}

/** Moves one element of a list to a new index, returning a new list (untouched elements keep identity). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  const clamped = Math.max(0, Math.min(to, next.length));
  next.splice(clamped, 0, item);
  return next;
}

/** Inserts at an index (clamped; undefined means the end). */
export function insertAt<T>(list: readonly T[], item: T, index?: number): T[] {
  const next = list.slice();
  const at = index === undefined ? next.length : Math.max(0, Math.min(index, next.length));
  next.splice(at, 0, item);
  return next;
}

/** A trimmed, non-empty name or a CommandError naming the command and field. */
export function cleanName(command: string, field: string, value: string, max = 200): string {
  const name = value.trim();
  if (name === '') throw new CommandError(command, `${field} must not be empty`);
  if (name.length > max) throw new CommandError(command, `${field} is longer than ${max} characters`);
  return name;
}
