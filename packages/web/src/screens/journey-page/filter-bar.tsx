import { useId, useState } from 'react';
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
  lead,
}: {
  value: FilterState;
  onChange: (f: FilterState) => void;
  sources: readonly DataSourceRow[];
  /** Every attribute of the data (imported columns included), offered as the segment's attribute. */
  attributes: readonly AttributeRow[];
  loading: boolean;
  summary: string | null;
  children?: React.ReactNode;
  /** Shown first in the row (the page's breadcrumb). */
  lead?: React.ReactNode;
}) {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const request = toRequest(value);
  const active = JSON.stringify(request) !== '{}';
  const count = Object.keys(request).length;
  // Folded by default: one short row over the map (a "Filters" button, the panel's buttons, the status).
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.barRow}>
      {lead}
      <search className={styles.filters} aria-label="Filter the map's data" data-testid="filter-bar">
        <button
          type="button"
          className={`btn btn-small ${styles.filtersToggle}`}
          aria-expanded={open}
          aria-controls={`${id}-controls`}
          onClick={() => setOpen(!open)}
          data-testid="filters-toggle"
        >
          Filters{count > 0 ? ` (${count})` : ''} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        {children}
        <span
          className={styles.filterStatus}
          role="status"
          aria-live="polite"
          title={loading ? undefined : (summary ?? undefined)}
          data-testid="metrics-status"
        >
          {loading ? (
            <>
              <span className={styles.spinner} aria-hidden="true" /> Updating numbers…
            </>
          ) : (
            summary
          )}
        </span>
        <div id={`${id}-controls`} className={styles.filterControls} data-open={open || undefined}>
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
        </div>
      </search>
    </div>
  );
}
