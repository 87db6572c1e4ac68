import type { HiddenReason, SuppressedAnswer, SuppressibleRow } from '../../api/types';
import { formatCount } from './numbers';
import { PATIENTS, type Subject } from './subject';

/** A hidden number: why (null when the server did not say) and the sentence that explains it. */
export interface Hidden {
  reason: HiddenReason | null;
  help: string;
}

/** A number ready to show: its text, and why it is hidden when it is. */
export interface Displayed {
  text: string;
  hidden: Hidden | null;
}

/** A sentence with numbers in it that may be hidden: "<11 / 1,410 events" as text and numbers. */
export type Phrase = readonly (string | Displayed)[];

/** A phrase as plain text (for labels and titles). */
export const phraseText = (p: Phrase) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('');

/** The smallest count ever shown: 1–10 patients are hidden. */
export const SMALLEST_SHOWN = 11;
/** What a hidden count of 1–10 patients reads (and only that). */
export const SMALL_TEXT = `<${SMALLEST_SHOWN}`;
/** What any other hidden number reads. */
export const HIDDEN_TEXT = 'hidden';

/** The sentence each reason's tooltip and screen-reader text says, naming the journey's subject. */
export function hiddenHelpFor(subject: Subject = PATIENTS): Record<HiddenReason | 'unknown', string> {
  const { singular: one, plural: many } = subject;
  return {
    small: `Between 1 and 10 ${many}: counts this small are suppressed so no ${one} can be recognised.`,
    complementary: `Hidden so that a count of 1 to 10 ${many} cannot be worked out from it by subtraction.`,
    derived: `Hidden because it is calculated from a count that is hidden to protect ${many}.`,
    'small-population': `Fewer than ${SMALLEST_SHOWN} ${many} match this view, so all its numbers are hidden.`,
    unknown: `Hidden to protect ${one} privacy.`,
  };
}

/** The sentence each reason's tooltip and screen-reader text says (about patients). */
export const HIDDEN_HELP: Record<HiddenReason | 'unknown', string> = hiddenHelpFor(PATIENTS);

const REASONS: readonly string[] = ['small', 'complementary', 'derived', 'small-population'];

/** Why `field` of `row` is hidden, or null when it is shown. A missing or unknown reason is `null`. */
export function hiddenWhy(row: SuppressibleRow, field: string): Hidden | null {
  if (!row.suppressed.includes(field)) return null;
  const said = row.suppressedReasons?.[field];
  const reason = said !== undefined && REASONS.includes(said) ? (said as HiddenReason) : null;
  return { reason, help: HIDDEN_HELP[reason ?? 'unknown'] };
}

/** The text a hidden number reads: "<11" only for a small count, "hidden" for anything else. */
export const hiddenText = (h: Hidden) => (h.reason === 'small' ? SMALL_TEXT : HIDDEN_TEXT);

/**
 * A numeric field of an API row ready to show: formatted when the server sent it, "<11" when it is a
 * hidden count of 1–10 patients, "hidden" (with the reason's sentence) when it is hidden otherwise.
 */
export function shownField<R extends SuppressibleRow>(
  row: R,
  field: keyof R & string,
  format: (v: number | null) => string = formatCount,
): Displayed {
  const hidden = hiddenWhy(row, field);
  if (hidden) return { text: hiddenText(hidden), hidden };
  const v = row[field];
  return { text: format(typeof v === 'number' ? v : null), hidden: null };
}

/** The distinct sentences behind the hidden fields of some rows (for one tooltip over several numbers). */
export function hiddenHelp(rows: readonly SuppressibleRow[]): string | null {
  const helps = new Set<string>();
  for (const row of rows) for (const f of row.suppressed) helps.add((hiddenWhy(row, f) as Hidden).help);
  return helps.size === 0 ? null : [...helps].join(' ');
}

/** What the view as a whole says about privacy, with an older server's missing fields defaulted. */
export interface Privacy {
  applied: boolean;
  /** Shown counts are rounded to this (1: exact). */
  rounding: number;
  /** Fewer than 11 patients match the view: it has no numbers at all. */
  smallPopulation: boolean;
  omitted: Readonly<Record<string, number>>;
}

/** The privacy facts of an analysis answer. */
export function privacyOf(answer: SuppressedAnswer): Privacy {
  const s = answer.suppression;
  return {
    applied: s.applied,
    rounding: s.applied ? (s.rounding ?? 1) : 1,
    smallPopulation: s.applied && s.smallPopulation === true,
    omitted: answer.omitted ?? {},
  };
}

/** The one message a view with fewer than 11 of the subject shows in place of its numbers. */
export const smallPopulationMessage = (subject: Subject = PATIENTS) =>
  `Fewer than ${SMALLEST_SHOWN} ${subject.plural} match this view, so its numbers are hidden. Widen the dates or filters.`;

/** The one message a view with fewer than 11 patients shows in place of its numbers. */
export const SMALL_POPULATION_MESSAGE = smallPopulationMessage(PATIENTS);

/** "Counts rounded to the nearest 5 for privacy", once per view, when counts are rounded. */
export function roundingNote(p: Pick<Privacy, 'rounding'>): string | null {
  return p.rounding > 1 ? `Counts rounded to the nearest ${p.rounding} for privacy.` : null;
}

/** The lists of things found in the data that leave out rows of 1–10 patients, as their notes name them. */
const LISTS: Record<string, { one: string; many: string; by: string }> = {
  activities: { one: 'activity', many: 'activities', by: 'done by' },
  edges: { one: 'move between activities', many: 'moves between activities', by: 'made by' },
  variants: { one: 'path', many: 'paths', by: 'taken by' },
  startActivities: { one: 'first activity', many: 'first activities', by: 'of' },
  endActivities: { one: 'last activity', many: 'last activities', by: 'of' },
  pathsIn: { one: 'way in', many: 'ways in', by: 'taken by' },
  pathsOut: { one: 'way out', many: 'ways out', by: 'taken by' },
  split: { one: 'value', many: 'values', by: 'held by' },
  segments: { one: 'segment', many: 'segments', by: 'of' },
  unmappedActivities: { one: 'activity not on the map', many: 'activities not on the map', by: 'done by' },
  breakdown: { one: 'breakdown row', many: 'breakdown rows', by: 'of' },
};

/** "37 paths taken by fewer than 11 patients are not shown", or null when nothing was left out. */
export function omittedNote(
  p: Pick<Privacy, 'omitted'>,
  list: string,
  subject: Subject = PATIENTS,
): string | null {
  const n = p.omitted[list] ?? 0;
  if (n <= 0) return null;
  const words = LISTS[list] ?? { one: 'row', many: 'rows', by: 'of' };
  return `${formatCount(n)} ${n === 1 ? words.one : words.many} ${words.by} fewer than ${SMALLEST_SHOWN} ${subject.plural} ${n === 1 ? 'is' : 'are'} not shown.`;
}
