/**
 * Upper bounds on what one import reads. Past any of them the import stops with an ImportError that names
 * the place and the limit, and nothing is imported: a hostile or broken upload must not hold the server
 * for minutes or fill its memory.
 */

/** Columns of a CSV/TSV header or Parquet schema, and attributes of one XES event or trace. */
export const MAX_COLUMNS = 1000;

/** Bytes of one CSV/TSV field (header names included), Parquet text value, or XES tag, value or text. */
export const MAX_FIELD_BYTES = 1024 * 1024;

/** Bytes of one CSV/TSV record (quoted newlines included), NDJSON line or HL7 segment. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Bytes a `.xes.gz` may inflate to (20× the server's default 1 GiB upload limit). */
export const MAX_INFLATED_BYTES = 20 * 1024 ** 3;

/**
 * How many times its compressed size a `.xes.gz` may inflate to, checked as it is read (with a 16 MiB
 * allowance for a repetitive start). Real XES logs compress 10–30 times; a decompression bomb ~1000 times.
 */
export const MAX_GZIP_RATIO = 100;

/** Bytes of a FHIR Bundle JSON file: it is parsed whole, so larger exports must be NDJSON. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

/** `1,000`: counts in messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 MiB`, `16 MiB`, `20 GiB`: limits in messages. */
export function bytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${count(n / 1024 ** 3)} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${count(n / 1024 ** 2)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${count(n / 1024)} KiB`;
  return `${count(n)} bytes`;
}
