import { useId, useState } from 'react';
import styles from './evidence.module.css';
import type { PeriodChoice } from './period';

const PRESETS: { key: string; label: string; choice: PeriodChoice }[] = [
  { key: '4w', label: 'Last 4 weeks', choice: { kind: 'weeks', weeks: 4 } },
  { key: '8w', label: 'Last 8 weeks', choice: { kind: 'weeks', weeks: 8 } },
  { key: '12w', label: 'Last 12 weeks', choice: { kind: 'weeks', weeks: 12 } },
  { key: 'all', label: 'All data', choice: { kind: 'all' } },
];

/** Period selector: presets as a radio group, plus custom from/to dates applied with a button. */
export function PeriodPicker({
  value,
  onChange,
  allowAll = true,
}: {
  value: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  allowAll?: boolean;
}) {
  const id = useId();
  const [from, setFrom] = useState(value.kind === 'custom' ? value.from : '');
  const [to, setTo] = useState(value.kind === 'custom' ? value.to : '');
  const [custom, setCustom] = useState(value.kind === 'custom');
  const current = value.kind === 'weeks' ? `${value.weeks}w` : value.kind;
  const invalid = custom && from !== '' && to !== '' && from > to;
  return (
    <fieldset className={styles.period}>
      <legend>Period</legend>
      <div className={styles.segmented}>
        {PRESETS.filter((p) => allowAll || p.key !== 'all').map((p) => (
          <label key={p.key} className={!custom && current === p.key ? styles.segOn : undefined}>
            <input
              type="radio"
              name={`${id}-period`}
              checked={!custom && current === p.key}
              onChange={() => {
                setCustom(false);
                onChange(p.choice);
              }}
            />
            {p.label}
          </label>
        ))}
        <label className={custom ? styles.segOn : undefined}>
          <input type="radio" name={`${id}-period`} checked={custom} onChange={() => setCustom(true)} />
          Custom…
        </label>
      </div>
      {custom ? (
        <div className={styles.customDates}>
          <label>
            From{' '}
            <input type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To (included){' '}
            <input type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!from || !to || invalid}
            onClick={() => onChange({ kind: 'custom', from, to })}
          >
            Apply
          </button>
          {invalid ? <span className="field-error">The start must be before the end.</span> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
