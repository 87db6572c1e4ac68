import { describe, expect, it } from 'vitest';
import { fileStem } from './download';

describe('fileStem', () => {
  it('makes a safe, short file name', () => {
    expect(fileStem('New patient: lead → recall (v2)')).toBe('new-patient-lead-recall-v2');
    expect(fileStem('***')).toBe('journey');
  });
});
