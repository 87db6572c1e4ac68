import { SUPPRESSED_TEXT } from '../../editor';

/**
 * A numeric field of an API row as text: "<11" when the server listed it in `suppressed` (small-cell
 * suppression), else formatted. For rows whose fields the client types loosely (e.g. `counted(key)`).
 */
export function shown(
  row: object,
  field: string,
  format: (v: number | null) => string,
): { text: string; suppressed: boolean } {
  const r = row as Record<string, unknown>;
  if (Array.isArray(r.suppressed) && r.suppressed.includes(field))
    return { text: SUPPRESSED_TEXT, suppressed: true };
  const v = r[field];
  return { text: format(typeof v === 'number' ? v : null), suppressed: false };
}
