import type { CsvPreview, SourceCreate } from '../../api';

/** The columns a person maps in the wizard (attributes are chosen separately). */
export const MAPPED_FIELDS = ['case', 'activity', 'timestamp', 'channel', 'resource', 'cost'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Fields an import cannot do without. */
export const REQUIRED_FIELDS: readonly MappedField[] = ['case', 'activity', 'timestamp'];

/** What each field means, in the words the wizard shows. */
export const FIELD_LABELS: Record<MappedField, { label: string; hint: string }> = {
  case: { label: 'Patient or case', hint: 'One id per patient journey (it is pseudonymised on import)' },
  activity: { label: 'Activity', hint: 'What happened, e.g. "Appointment booked"' },
  timestamp: { label: 'Date and time', hint: 'When it happened' },
  channel: { label: 'Channel (optional)', hint: 'Phone, web, walk-in…' },
  resource: { label: 'Staff or resource (optional)', hint: 'Who or what handled it' },
  cost: { label: 'Cost (optional)', hint: 'A number, e.g. campaign spend' },
};

/** Everything the wizard decides before an import starts. */
export interface WizardState {
  name: string;
  fields: Record<MappedField, string>;
  /** Unmapped columns kept as attributes. */
  attributes: string[];
  /** Direct-identifier columns the person chose to keep anyway. */
  keep: string[];
  /** IANA zone for timestamps written without an offset. */
  timezone: string;
  skipBadRows: boolean;
}

/** A change to the wizard state. */
export type WizardAction =
  | { type: 'name'; name: string }
  | { type: 'field'; field: MappedField; column: string }
  | { type: 'attribute'; column: string; on: boolean }
  | { type: 'keep'; column: string; on: boolean }
  | { type: 'timezone'; timezone: string }
  | { type: 'skipBadRows'; on: boolean }
  /** The file was read again (another delimiter): mapping starts over from the new guess. */
  | { type: 'preview'; preview: CsvPreview };

/** A source name from a file name: no extension, separators as spaces. */
export function nameFromFile(filename: string): string {
  const base = filename.replace(/\.(csv|tsv|txt)(\.gz)?$/i, '').replace(/[_-]+/g, ' ');
  return base.trim().slice(0, 200) || 'Event log';
}

/** The wizard's starting point: the server's guessed mapping, every other non-identifier column kept. */
export function initialWizard(preview: CsvPreview, filename: string): WizardState {
  const fields = Object.fromEntries(
    MAPPED_FIELDS.map((f) => [f, preview.mapping[f] ?? '']),
  ) as WizardState['fields'];
  return {
    name: nameFromFile(filename),
    fields,
    attributes: preview.attributes.filter((c) => !Object.values(fields).includes(c)),
    keep: [],
    timezone: 'UTC',
    skipBadRows: false,
  };
}

/** Applies one change; mapping a column to a field takes it off the attribute list and other fields. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'name':
      return { ...state, name: action.name };
    case 'field': {
      const fields = { ...state.fields };
      if (action.column) {
        for (const f of MAPPED_FIELDS) if (fields[f] === action.column) fields[f] = '';
      }
      fields[action.field] = action.column;
      return { ...state, fields, attributes: state.attributes.filter((c) => c !== action.column) };
    }
    case 'attribute':
      return {
        ...state,
        attributes: action.on
          ? [...new Set([...state.attributes, action.column])]
          : state.attributes.filter((c) => c !== action.column),
      };
    case 'keep':
      return {
        ...state,
        keep: action.on
          ? [...new Set([...state.keep, action.column])]
          : state.keep.filter((c) => c !== action.column),
      };
    case 'timezone':
      return { ...state, timezone: action.timezone };
    case 'skipBadRows':
      return { ...state, skipBadRows: action.on };
    case 'preview': {
      const fresh = initialWizard(action.preview, '');
      return { ...state, fields: fresh.fields, attributes: fresh.attributes, keep: [] };
    }
  }
}

/** Columns no field uses. */
export function unmappedColumns(state: WizardState, preview: CsvPreview): string[] {
  const used = new Set(Object.values(state.fields).filter(Boolean));
  return preview.columns.filter((c) => !used.has(c));
}

/**
 * Columns the import will drop because they look like direct identifiers (names, phone numbers,
 * addresses…): the server's list, minus those mapped to a field or kept anyway.
 */
export function willBeDropped(state: WizardState, preview: CsvPreview): string[] {
  const used = new Set(Object.values(state.fields).filter(Boolean));
  return preview.droppedColumns.filter((c) => !used.has(c) && !state.keep.includes(c));
}

/** Unmapped columns that may be kept as attributes (identifier columns are handled by the callout). */
export function attributeChoices(state: WizardState, preview: CsvPreview): string[] {
  return unmappedColumns(state, preview).filter((c) => !preview.droppedColumns.includes(c));
}

/** What is missing before the import can start, one sentence per problem. */
export function wizardProblems(state: WizardState): string[] {
  const problems: string[] = [];
  if (!state.name.trim()) problems.push('Give the data source a name.');
  for (const f of REQUIRED_FIELDS) {
    if (!state.fields[f]) problems.push(`Choose the column for ${FIELD_LABELS[f].label.toLowerCase()}.`);
  }
  return problems;
}

/** True when some sampled timestamp has no zone or offset, so the time zone choice matters. */
export function hasNaiveTimestamps(state: WizardState, preview: CsvPreview): boolean {
  const i = preview.columns.indexOf(state.fields.timestamp);
  if (i < 0) return true;
  const values = preview.rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
  if (values.length === 0) return true;
  // Epoch numbers are instants already; ISO values with Z or ±hh:mm carry their zone.
  return values.some((v) => !/^\d{9,13}$/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(v));
}

/** The request that starts the import (`POST /api/workspaces/:id/sources`). */
export function importRequest(state: WizardState, preview: CsvPreview, uploadId: string): SourceCreate {
  const mapping: NonNullable<SourceCreate['mapping']> = {};
  for (const f of MAPPED_FIELDS) {
    if (state.fields[f]) mapping[f] = state.fields[f];
  }
  const kept = state.keep.filter((c) => !Object.values(state.fields).includes(c));
  mapping.attributes = [...state.attributes, ...kept.filter((c) => !state.attributes.includes(c))];
  return {
    uploadId,
    name: state.name.trim(),
    mapping,
    delimiter: preview.delimiter,
    header: preview.header,
    ...(kept.length > 0 ? { keepColumns: kept } : {}),
    ...(hasNaiveTimestamps(state, preview) ? { timezone: state.timezone } : {}),
    skipBadRows: state.skipBadRows,
  };
}
