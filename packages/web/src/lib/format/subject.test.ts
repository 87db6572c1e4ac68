import { describe, expect, it } from 'vitest';
import { countOf, PATIENTS, subjectWord } from './subject';
import { omittedNote, smallPopulationMessage } from './suppression';

const ACCOUNTS = { singular: 'account', plural: 'accounts' };

describe('subject words', () => {
  it('counts in the singular for one and the plural otherwise', () => {
    expect(countOf(1, ACCOUNTS)).toBe('1 account');
    expect(countOf(0, ACCOUNTS)).toBe('0 accounts');
    expect(countOf(1204, ACCOUNTS)).toBe('1,204 accounts');
    expect(countOf(2)).toBe('2 patients');
    expect(subjectWord(null, ACCOUNTS)).toBe('accounts');
    expect(subjectWord(1, PATIENTS)).toBe('patient');
  });

  it('names the subject in the privacy sentences, patients by default', () => {
    expect(smallPopulationMessage(ACCOUNTS)).toMatch(/^Fewer than 11 accounts match this view/);
    expect(smallPopulationMessage()).toMatch(/^Fewer than 11 patients match this view/);
    expect(omittedNote({ omitted: { variants: 2 } }, 'variants', ACCOUNTS)).toBe(
      '2 paths taken by fewer than 11 accounts are not shown.',
    );
  });
});
