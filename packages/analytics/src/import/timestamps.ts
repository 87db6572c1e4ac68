import { lit } from './sql';

/** How the values of one timestamp column are written. */
export type TimestampFormat =
  | { kind: 'iso'; label: string }
  | { kind: 'strptime'; patterns: string[]; label: string; example?: string }
  | { kind: 'epoch-seconds'; label: string }
  | { kind: 'epoch-millis'; label: string };

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/;
const EPOCH = /^-?\d+(\.\d+)?$/;
/** A value is taken as epoch milliseconds from this magnitude on (1e11 s would be the year 5138). */
const MILLIS_FROM = 1e11;

/** Text formats beside ISO 8601, tried in order; each maps to DuckDB strptime patterns. */
const PATTERN_FORMATS: { test: RegExp; patterns: string[]; label: string; example: string }[] = [
  {
    test: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/,
    patterns: ['%Y/%m/%d %H:%M:%S.%f', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M'],
    label: 'YYYY/MM/DD HH:MM:SS(.fff)',
    example: '2025/03/01 14:30:00',
  },
  {
    test: /^\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}(:\d{2})?$/,
    patterns: ['%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M'],
    label: 'DD-MM-YYYY HH:MM(:SS)',
    example: '01-03-2025 14:30',
  },
  {
    test: /^\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}(:\d{2})?$/,
    patterns: ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M'],
    label: 'DD.MM.YYYY HH:MM(:SS)',
    example: '01.03.2025 14:30',
  },
];

export const ISO_FORMAT: TimestampFormat = { kind: 'iso', label: 'ISO 8601' };

/** A timestamp format from an explicit DuckDB strptime pattern. */
export function patternFormat(pattern: string): TimestampFormat {
  return { kind: 'strptime', patterns: [pattern], label: pattern };
}

/**
 * Detects the format most sample values are written in (empty values ignored; ties go to the earlier
 * format: ISO 8601, the pattern formats, epoch), or null when no value fits any. A few broken values do not
 * hide the format: they are reported later, record by record. Epoch numbers are seconds unless one of them
 * is large enough to only make sense as milliseconds.
 */
export function detectTimestampFormat(samples: readonly string[]): TimestampFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const count = (test: RegExp) => values.filter((v) => test.test(v)).length;
  let best: TimestampFormat | null = null;
  let bestCount = 0;
  const consider = (format: TimestampFormat, n: number) => {
    if (n > bestCount) {
      best = format;
      bestCount = n;
    }
  };
  consider(ISO_FORMAT, count(ISO));
  for (const f of PATTERN_FORMATS)
    consider({ kind: 'strptime', patterns: f.patterns, label: f.label, example: f.example }, count(f.test));
  const epochs = values.filter((v) => EPOCH.test(v));
  consider(
    epochs.some((v) => Math.abs(Number(v)) >= MILLIS_FROM)
      ? { kind: 'epoch-millis', label: 'epoch milliseconds' }
      : { kind: 'epoch-seconds', label: 'epoch seconds' },
    epochs.length,
  );
  return best;
}

/**
 * What values of a format look like, for error messages that must not quote the value itself:
 * `ISO 8601, e.g. 2025-03-01T14:30:00Z`.
 */
export function expectedTimestamp(format: TimestampFormat): string {
  switch (format.kind) {
    case 'iso':
      return `${format.label}, e.g. 2025-03-01T14:30:00Z or 2025-03-01 14:30:00`;
    case 'strptime':
      return format.example === undefined
        ? `the pattern ${format.label}`
        : `${format.label}, e.g. ${format.example}`;
    case 'epoch-seconds':
      return `${format.label}, e.g. 1740839400`;
    case 'epoch-millis':
      return `${format.label}, e.g. 1740839400000`;
  }
}

/** Whether one value looks like a timestamp in any supported format (used for header detection). */
export function looksLikeTimestamp(value: string): boolean {
  const v = value.trim();
  return ISO.test(v) || PATTERN_FORMATS.some((f) => f.test.test(v));
}

/**
 * SQL turning the VARCHAR expression `value` into a TIMESTAMP meaning UTC, or NULL when it does not parse.
 * Values with an offset are converted by it; naive values are read in `timezone`, which the importer also
 * sets as its own connection's `TimeZone` (default UTC), so the machine's zone never leaks in. DuckDB's ICU
 * decides DST edges: a local time skipped by the spring change moves forward an hour; a repeated autumn
 * time is taken as the later (standard-time) one. ICU conversions are slow, so plain casts are used where
 * they are exact (a `Z` suffix, or naive values when the zone is UTC).
 */
export function timestampSql(value: string, format: TimestampFormat, timezone: string): string {
  const utc = timezone === 'UTC';
  const fromLocal = (naive: string) => (utc ? naive : `timezone('UTC', (${naive})::TIMESTAMPTZ)`);
  switch (format.kind) {
    case 'iso': {
      const afterDate = `substr(${value}, 11)`;
      return `CASE
        WHEN suffix(${value}, 'Z') THEN try_cast(${value} AS TIMESTAMP)
        WHEN suffix(${value}, 'z') THEN try_cast(rtrim(${value}, 'z') AS TIMESTAMP)
        WHEN strpos(${afterDate}, '+') > 0 OR strpos(${afterDate}, '-') > 0
          THEN timezone('UTC', try_cast(${value} AS TIMESTAMPTZ))
        ELSE ${utc ? `try_cast(${value} AS TIMESTAMP)` : `timezone('UTC', try_cast(${value} AS TIMESTAMPTZ))`}
      END`;
    }
    case 'strptime':
      return fromLocal(`try_strptime(trim(${value}), [${format.patterns.map(lit).join(', ')}])`);
    case 'epoch-seconds':
      return `timezone('UTC', to_timestamp(try_cast(${value} AS DOUBLE)))`;
    case 'epoch-millis':
      return `epoch_ms(try_cast(try_cast(${value} AS DOUBLE) AS BIGINT))`;
  }
}

/** Throws unless `timezone` is an IANA zone name both Node and DuckDB's ICU know. */
export function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new Error(`unknown time zone "${timezone}": use an IANA name such as Europe/Berlin`);
  }
}
