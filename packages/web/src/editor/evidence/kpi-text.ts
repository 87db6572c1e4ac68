import { KpiDefinition, type KpiInput } from '@pathlight/core';

/**
 * A KPI's reference as users may see it: what the user wrote (e.g. "NHS Digital KH03"), or null when
 * there is none or it points into Pathlight's own working files (journeys made from older templates
 * carry internal section notes, such as a file name and a § number, that mean nothing to a reader).
 */
export function shownReference(reference: string | undefined): string | null {
  const r = reference?.trim() ?? '';
  if (r === '' || /\.md\b|§/.test(r)) return null;
  return r;
}

/** The KPI form's fields, as the validation messages name them. */
export type KpiField =
  | 'name'
  | 'numerator'
  | 'denominator'
  | 'from'
  | 'to'
  | 'windowDays'
  | 'costActivities'
  | 'acquired'
  | 'splitBy'
  | 'scale'
  | 'activity'
  | 'attribute'
  | 'direction'
  | 'description'
  | 'reference';

/** One sentence per field, saying what to do (the schema's own messages are for developers). */
const SENTENCES: Record<KpiField, string> = {
  name: 'Give the KPI a name (up to 200 characters).',
  numerator: 'Name at least one activity to count, such as appointment.noshow.',
  denominator: 'Name at least one activity the share is out of, such as appointment.booked.',
  from: 'Choose the step patients start from, or name at least one activity.',
  to: 'Choose the step patients should reach, or name at least one activity.',
  windowDays: 'Give the window as a number of days from 1 to 3,650, or leave it empty for no limit.',
  costActivities: 'List the activities that carry a cost, separated by commas, or leave it empty.',
  acquired: 'Choose the step at which a patient counts as acquired, or name at least one activity.',
  splitBy: 'Give the attribute to break the cost down by, or leave it empty.',
  scale: 'Choose NPS or CSAT.',
  activity: 'Name the survey activity that carries the score, such as survey.completed.',
  attribute: 'Name the attribute that holds the score, such as nps.',
  direction: 'Choose whether higher or lower is better.',
  description: 'Shorten the description to at most 1,000 characters.',
  reference: 'Shorten the reference to at most 300 characters.',
};

const isField = (x: unknown): x is KpiField => typeof x === 'string' && x in SENTENCES;

/**
 * Checks a KPI as the form holds it against the shared schema and says, per field, what to change, or
 * returns null when it is valid. Issues the form cannot point at become one general sentence.
 */
export function kpiFieldErrors(kpi: KpiInput): Partial<Record<KpiField | 'form', string>> | null {
  const parsed = KpiDefinition.safeParse(kpi);
  if (parsed.success) return null;
  const out: Partial<Record<KpiField | 'form', string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field)) out[field] ??= SENTENCES[field];
    else out.form ??= 'Some of this KPI’s settings are not valid: check each field and save again.';
  }
  return out;
}
