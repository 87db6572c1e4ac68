import { formatCount, SUPPRESSED_HELP } from '../../editor';
import { shown } from './shown';

/** A number of an API row, or "<11" with the small-cell suppression tooltip. */
export function ShownValue({
  row,
  field,
  format = formatCount,
}: {
  row: object;
  field: string;
  format?: (v: number | null) => string;
}) {
  const t = shown(row, field, format);
  return (
    <span
      title={t.suppressed ? SUPPRESSED_HELP : undefined}
      className={t.suppressed ? 'pl-suppressed' : undefined}
    >
      {t.text}
    </span>
  );
}
