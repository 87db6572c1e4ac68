import { describe, expect, it } from 'vitest';
import { stepNameFor } from './conformance-panel';
import { NO_FILTER, toRequest } from './filter-bar';

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
