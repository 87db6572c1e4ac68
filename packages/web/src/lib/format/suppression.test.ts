import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from './numbers';
import {
  HIDDEN_HELP,
  hiddenHelp,
  omittedNote,
  privacyOf,
  roundingNote,
  SMALL_POPULATION_MESSAGE,
  shownField,
} from './suppression';

// A viewer's step row: a small count, the larger count hidden with it, and the rate and wait built on them.
const row = {
  cases: null,
  dropOff: null,
  conversionFromPrevious: null,
  medianSecondsFromPrevious: null,
  previousCases: 240,
  suppressed: ['cases', 'dropOff', 'conversionFromPrevious', 'medianSecondsFromPrevious'],
  suppressedReasons: {
    cases: 'small',
    dropOff: 'complementary',
    conversionFromPrevious: 'derived',
    medianSecondsFromPrevious: 'derived',
  },
};

describe('shownField', () => {
  it('reads "<11" only for a small count', () => {
    expect(shownField(row, 'cases')).toEqual({
      text: '<11',
      hidden: { reason: 'small', help: HIDDEN_HELP.small },
    });
    expect(shownField(row, 'dropOff')).toEqual({
      text: 'hidden',
      hidden: { reason: 'complementary', help: HIDDEN_HELP.complementary },
    });
    expect(shownField(row, 'conversionFromPrevious', formatPercent).text).toBe('hidden');
    expect(shownField(row, 'medianSecondsFromPrevious', formatDuration).hidden?.reason).toBe('derived');
  });

  it('formats what is shown, and says "—" for what is unknown', () => {
    expect(shownField(row, 'previousCases')).toEqual({ text: '240', hidden: null });
    expect(shownField({ share: 0.5, none: null, suppressed: [] }, 'share', formatPercent).text).toBe('50%');
    expect(shownField({ share: 0.5, none: null, suppressed: [] }, 'none').text).toBe('—');
  });

  it('reads "hidden" when the server gives no reason or one the app does not know', () => {
    const old = { cases: null, suppressed: ['cases'] };
    expect(shownField(old, 'cases')).toEqual({
      text: 'hidden',
      hidden: { reason: null, help: HIDDEN_HELP.unknown },
    });
    const odd = { cases: null, suppressed: ['cases'], suppressedReasons: { cases: 'tiny' } };
    expect(shownField(odd, 'cases').hidden?.reason).toBeNull();
  });

  it('explains every reason in a sentence, each once over several rows', () => {
    expect(hiddenHelp([row, { ...row }])).toBe(
      [HIDDEN_HELP.small, HIDDEN_HELP.complementary, HIDDEN_HELP.derived].join(' '),
    );
    expect(hiddenHelp([{ suppressed: [] }])).toBeNull();
    for (const help of Object.values(HIDDEN_HELP)) expect(help).toMatch(/^[A-Z].*\.$/);
  });
});

describe('privacy of a view', () => {
  it('defaults what an older server leaves out', () => {
    expect(privacyOf({ suppression: { applied: true, threshold: 10 } })).toEqual({
      applied: true,
      rounding: 1,
      smallPopulation: false,
      omitted: {},
    });
  });

  it('says once that counts are rounded, and not when they are exact', () => {
    const viewer = privacyOf({ suppression: { applied: true, threshold: 10, rounding: 5 } });
    expect(roundingNote(viewer)).toBe('Counts rounded to the nearest 5 for privacy.');
    expect(
      roundingNote(privacyOf({ suppression: { applied: false, threshold: 10, rounding: 1 } })),
    ).toBeNull();
  });

  it('knows a view of fewer than 11 patients', () => {
    const p = privacyOf({
      suppression: { applied: true, threshold: 10, rounding: 5, smallPopulation: true },
    });
    expect(p.smallPopulation).toBe(true);
    expect(SMALL_POPULATION_MESSAGE).toBe(
      'Fewer than 11 patients match this view, so its numbers are hidden. Widen the dates or filters.',
    );
  });

  it('words each list’s left-out rows', () => {
    const p = privacyOf({
      suppression: { applied: true, threshold: 10, rounding: 5 },
      omitted: { variants: 37, edges: 1, split: 2, unknownList: 3 },
    });
    expect(omittedNote(p, 'variants')).toBe('37 paths taken by fewer than 11 patients are not shown.');
    expect(omittedNote(p, 'edges')).toBe(
      '1 move between activities made by fewer than 11 patients is not shown.',
    );
    expect(omittedNote(p, 'split')).toBe('2 values held by fewer than 11 patients are not shown.');
    expect(omittedNote(p, 'unknownList')).toBe('3 rows of fewer than 11 patients are not shown.');
    expect(omittedNote(p, 'activities')).toBeNull();
  });
});
