import { describe, expect, it } from 'vitest';
import { editDistance, editSimilarity, matchScore, suggestActivities, tokens } from './similarity';

describe('similarity scorer', () => {
  it('computes Levenshtein distance and its normalised similarity', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editSimilarity('book', 'book')).toBe(1);
    expect(editSimilarity('abcd', 'abce')).toBe(0.75);
  });

  it('splits names into stems (dots, underscores, camelCase, stop words, inflections)', () => {
    expect(tokens('appointment.booked')).toEqual(['appointment', 'book']);
    expect(tokens('Book an appointment')).toEqual(['book', 'appointment']);
    expect(tokens('referralReceived')).toEqual(['referral', 'receiv']);
    expect(tokens('visit_completed')).toEqual(['visit', 'complet']);
  });

  it('scores the matching activity 1 and a half-matching one lower', () => {
    expect(matchScore({ name: 'Book appointment' }, 'appointment.booked')).toBe(1);
    // appointment matches, book/cancel do not: overlap 2/4 = 0.5; edit part is below 1
    const half = matchScore({ name: 'Book appointment' }, 'appointment.cancelled');
    expect(half).toBeGreaterThan(0.4);
    expect(half).toBeLessThan(0.6);
    expect(matchScore({ name: 'Book appointment' }, 'lab.result')).toBeLessThan(0.2);
  });

  it('tolerates a typo and uses the description at a discount', () => {
    expect(matchScore({ name: 'Chek in' }, 'checkin')).toBeLessThan(
      matchScore({ name: 'Check in' }, 'check.in'),
    );
    // description stems [patient, check] vs [check]: overlap 2/3; edit "check patient"/"check" 5/13;
    // (0.8 × 0.667 + 0.2 × 0.385) × 0.6 = 0.366
    const viaDescription = matchScore({ name: 'Arrive', description: 'patient checked in' }, 'check.in');
    expect(viaDescription).toBeCloseTo(0.366, 3);
  });

  it('ranks suggestions best first, ties by cases, and drops weak matches', () => {
    const acts = [
      { name: 'lab.result', cases: 900 },
      { name: 'appointment.cancelled', cases: 40 },
      { name: 'appointment.booked', cases: 120 },
      { name: 'appointment.noshow', cases: 50 },
    ];
    const got = suggestActivities({ name: 'Book appointment' }, acts);
    expect(got.map((s) => s.activity.name)).toEqual([
      'appointment.booked',
      'appointment.noshow',
      'appointment.cancelled',
    ]);
    expect(got[0]!.score).toBe(1);
  });
});
