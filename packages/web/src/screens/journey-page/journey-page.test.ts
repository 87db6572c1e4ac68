import { describe, expect, it } from 'vitest';
import { stepNameFor } from './conformance-panel';
import { NO_FILTER, toRequest } from './filter-bar';
import { shown } from './shown';

describe('filter bar request', () => {
  it('sends nothing for an empty filter', () => {
    expect(toRequest(NO_FILTER)).toEqual({});
  });

  it('sends dates, sources and a complete segment, trimmed', () => {
    expect(
      toRequest({
        from: '2026-03-01',
        to: '2026-03-31',
        sourceIds: ['s1'],
        attributeKey: ' channel ',
        attributeValue: 'phone ',
      }),
    ).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      sourceIds: ['s1'],
      attribute: { key: 'channel', values: ['phone'] },
    });
  });

  it('leaves out a half-filled segment', () => {
    expect(toRequest({ ...NO_FILTER, attributeKey: 'channel' })).toEqual({});
    expect(toRequest({ ...NO_FILTER, attributeValue: 'web' })).toEqual({});
  });
});

describe('step names for unmapped activities', () => {
  it('turns an activity code into a sentence-case name', () => {
    expect(stepNameFor('lab.result')).toBe('Lab result');
    expect(stepNameFor('referral_received--late')).toBe('Referral received late');
    expect(stepNameFor('Triage')).toBe('Triage');
  });
});

describe('shown', () => {
  it('reads "<11" for a listed field and formats the others', () => {
    const row = { cases: null, share: 0.5, suppressed: ['cases'] };
    expect(shown(row, 'cases', String)).toEqual({ text: '<11', suppressed: true });
    expect(shown(row, 'share', (v) => `${(v ?? 0) * 100}%`)).toEqual({ text: '50%', suppressed: false });
    expect(shown({ activity: 'a', cases: 12 }, 'cases', String)).toEqual({ text: '12', suppressed: false });
  });
});
