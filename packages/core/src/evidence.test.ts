import { describe, expect, it } from 'vitest';
import { Evidence, strongestConfidence } from './evidence';

describe('Evidence', () => {
  it('fills source and date defaults', () => {
    expect(Evidence.parse({ kind: 'interview', confidence: 'reported' })).toEqual({
      kind: 'interview',
      source: '',
      date: null,
      confidence: 'reported',
    });
  });

  it('accepts calendar dates only, YYYY-MM-DD', () => {
    const at = (date: unknown) =>
      Evidence.safeParse({ kind: 'survey', confidence: 'observed', date }).success;
    expect(at('2026-03-31')).toBe(true);
    expect(at('2028-02-29')).toBe(true);
    expect(at('2026-02-29')).toBe(false);
    expect(at('2026-02-30')).toBe(false);
    expect(at('2026-13-01')).toBe(false);
    expect(at('2026-3-5')).toBe(false);
    expect(at('05/03/2026')).toBe(false);
    expect(at('2026-03-05T10:00:00Z')).toBe(false);
  });

  it('reports a bad date at its field', () => {
    const r = Evidence.safeParse({ kind: 'survey', confidence: 'observed', date: '2026-02-30' });
    expect(r.error?.issues[0]?.path).toEqual(['date']);
  });

  it('rejects unknown kinds, confidences and fields', () => {
    expect(Evidence.safeParse({ kind: 'rumour', confidence: 'assumed' }).success).toBe(false);
    expect(Evidence.safeParse({ kind: 'review', confidence: 'certain' }).success).toBe(false);
    expect(Evidence.safeParse({ kind: 'review', confidence: 'assumed', url: 'x' }).success).toBe(false);
  });
});

describe('strongestConfidence', () => {
  const e = (confidence: Evidence['confidence']): Evidence => ({
    kind: 'event-log',
    source: '',
    date: null,
    confidence,
  });
  it('treats no evidence as assumed', () => {
    expect(strongestConfidence([])).toBe('assumed');
  });
  it('picks observed over reported over assumed, wherever it sits', () => {
    expect(strongestConfidence([e('assumed'), e('reported')])).toBe('reported');
    expect(strongestConfidence([e('reported'), e('observed'), e('assumed')])).toBe('observed');
    expect(strongestConfidence([e('assumed'), e('assumed')])).toBe('assumed');
  });
});
