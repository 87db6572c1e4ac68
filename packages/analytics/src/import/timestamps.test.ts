import { describe, expect, it } from 'vitest';
import { detectTimestampFormat, looksLikeTimestamp } from './timestamps';

describe('detectTimestampFormat', () => {
  it.each([
    [
      ['2024-03-01T09:00:00Z', '2024-03-01 09:00:00', '2024-03-01T09:00:00.123+01:00', '2024-03-01'],
      'ISO 8601',
    ],
    [['2024/03/01 09:00:00.123', '2024/03/01 09:00:00'], 'YYYY/MM/DD HH:MM:SS(.fff)'],
    [['01-03-2024 09:00', '31-12-2024 23:59'], 'DD-MM-YYYY HH:MM(:SS)'],
    [['01.03.2024 09:00'], 'DD.MM.YYYY HH:MM(:SS)'],
    [['1709283600', '1709283601'], 'epoch seconds'],
    [['1709283600000', '1709283600'], 'epoch milliseconds'],
    [['2024-03-01T09:00:00Z', 'garbage', '2024-03-02T09:00:00Z'], 'ISO 8601'],
  ])('%j → %s', (samples, label) => expect(detectTimestampFormat(samples)?.label).toBe(label));

  it('finds nothing in values that are no timestamps', () => {
    expect(detectTimestampFormat(['soon', 'later'])).toBeNull();
    expect(detectTimestampFormat(['', ' '])).toBeNull();
  });
});

describe('looksLikeTimestamp', () => {
  it('tells timestamps from column names', () => {
    expect(looksLikeTimestamp('2024-03-01T09:00:00Z')).toBe(true);
    expect(looksLikeTimestamp('05-03-2024 14:07')).toBe(true);
    expect(looksLikeTimestamp('Complete Timestamp')).toBe(false);
  });
});
