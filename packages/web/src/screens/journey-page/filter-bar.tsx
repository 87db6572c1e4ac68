import { useId } from 'react';
import { formatCount } from '../../lib/format';
import type { AnalysisFilter, AttributeRow, DataSourceRow } from './evidence-api';
import styles from './journey-page.module.css';

/** What the filter bar edits (strings as typed; empty means "no filter"). */
export interface FilterState {
  from: string;
  to: string;
  sourceIds: string[];
  attributeKey: string;
  attributeValue: string;
}

export const NO_FILTER: FilterState = {
  from: '',
  to: '',
  sourceIds: [],
  attributeKey: '',
  attributeValue: '',
};

/** How an attribute reads in a list: its key (the data source id column by what it is) and its distinct values. */
export function attributeLabel(a: Pick<AttributeRow, 'key' | 'values'>): string {
  const name = a.key === 'source_id' ? 'data source' : a.key;
  return `${name} (${formatCount(a.values)} ${a.values === 1 ? 'value' : 'values'})`;
}

/** The request filter for a filter state (a half-filled segment is left out). */
export function toRequest(f: FilterState): AnalysisFilter {
  const out: AnalysisFilter = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.sourceIds.length > 0) out.sourceIds = f.sourceIds;
  if (f.attributeKey.trim() && f.attributeValue.trim())
    out.attribute = { key: f.attributeKey.trim(), values: [f.attributeValue.trim()] };
  return out;
}

/** Date range, data sources and a segment (attribute = value) applying to the whole map. */
export function FilterBar({
  value,
  onChange,
  sources,
  attributes,
  loading,
  summary,
  children,
}: {
  value: FilterState;
  onChange: (f: FilterState) => void;
  sources: readonly DataSourceRow[];
  /** Every attribute of the data (imported columns included), offered as the segment's attribute. */
  attributes: readonly AttributeRow[];
  loading: boolean;
  summary: string | null;
  children?: React.ReactNode;
}) {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const active = JSON.stringify(toRequest(value)) !== '{}';
  return (
    <search className={styles.filters} aria-label="Filter the map's data" data-testid="filter-bar">
      <label>
        From
        <input
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      {sources.length > 1 && (
        <fieldset className={styles.sources}>
          <legend>Sources</legend>
          {sources.map((s) => (
            <label key={s.id}>
              <input
                type="checkbox"
                checked={value.sourceIds.length === 0 || value.sourceIds.includes(s.id)}
                onChange={(e) => {
                  const all = value.sourceIds.length === 0 ? sources.map((x) => x.id) : value.sourceIds;
                  const next = e.target.checked ? [...all, s.id] : all.filter((x) => x !== s.id);
                  // Every source ticked is the same as no source filter.
                  set({ sourceIds: next.length === sources.length ? [] : next });
                }}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        Segment
        <input
          list={`${id}-keys`}
          placeholder="attribute"
          aria-label="Segment attribute"
          value={value.attributeKey}
          size={9}
          onChange={(e) => set({ attributeKey: e.target.value })}
        />
      </label>
      {/* Every attribute of the data, with how many values it takes; any other key can still be typed. */}
      <datalist id={`${id}-keys`} data-testid="segment-attributes">
        {attributes.map((a) => (
          <option key={a.key} value={a.key} label={attributeLabel(a)} />
        ))}
      </datalist>
      <span aria-hidden="true">=</span>
      <input
        placeholder="value"
        aria-label="Segment value"
        value={value.attributeValue}
        size={9}
        onChange={(e) => set({ attributeValue: e.target.value })}
      />
      {active && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      )}
      {children}
      <span className={styles.filterStatus} role="status" aria-live="polite" data-testid="metrics-status">
        {loading ? (
          <>
            <span className={styles.spinner} aria-hidden="true" /> Updating numbers…
          </>
        ) : (
          summary
        )}
      </span>
    </search>
  );
}
