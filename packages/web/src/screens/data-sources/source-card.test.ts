import { describe, expect, it } from 'vitest';
import { sentence } from './source-card';

describe('import error sentence', () => {
  it('ends with a full stop and keeps a leading file name as written', () => {
    expect(sentence('bad-dates.csv, record 2: timestamp is not a date; nothing was imported')).toBe(
      'bad-dates.csv, record 2: timestamp is not a date; nothing was imported.',
    );
    expect(sentence('Stopped.')).toBe('Stopped.');
    expect(sentence('  ')).toBe('');
  });
});
