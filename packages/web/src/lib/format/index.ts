/**
 * @module format
 * The web app's one place for writing numbers, dates and hidden (suppressed) values for people.
 */
export {
  formatDate,
  formatPeriod,
  REVIEW_SOON_DAYS,
  type ReviewState,
  relativeTime,
  reviewState,
  todayIso,
} from './dates';
export {
  formatBytes,
  formatCount,
  formatDuration,
  formatKpiValue,
  formatMoney,
  formatPercent,
  formatPoints,
  formatSpend,
  isShareKpi,
  type NumberStyle,
} from './numbers';
export { countOf, PATIENTS, type Subject, subjectWord } from './subject';
export {
  type Displayed,
  HIDDEN_HELP,
  HIDDEN_TEXT,
  type Hidden,
  hiddenHelp,
  hiddenHelpFor,
  hiddenText,
  hiddenWhy,
  omittedNote,
  type Phrase,
  type Privacy,
  phraseText,
  privacyOf,
  roundingNote,
  SMALL_POPULATION_MESSAGE,
  SMALL_TEXT,
  SMALLEST_SHOWN,
  shownField,
  smallPopulationMessage,
} from './suppression';
