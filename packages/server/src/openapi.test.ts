import { describe, expect, test } from 'vitest';
import { baseVersion, ifMatchVersion } from './openapi';
import { ProblemError } from './problem';

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ProblemError ? e.outcome.kind : 'other';
  }
  return 'none';
};

describe('If-Match and base versions', () => {
  test('accepts quoted, weak and bare versions', () => {
    expect(ifMatchVersion('"3"')).toBe(3);
    expect(ifMatchVersion('W/"12"')).toBe(12);
    expect(ifMatchVersion(' 7 ')).toBe(7);
    expect(ifMatchVersion(undefined)).toBeUndefined();
  });

  test('rejects anything else as a bad request', () => {
    for (const bad of ['*', '"abc"', '"1", "2"', '', '"-1"'])
      expect(kindOf(() => ifMatchVersion(bad))).toBe('bad-request');
  });

  test('header or body; they must agree; neither is 428', () => {
    expect(baseVersion('"4"', undefined)).toBe(4);
    expect(baseVersion(undefined, 5)).toBe(5);
    expect(baseVersion('"6"', 6)).toBe(6);
    expect(kindOf(() => baseVersion('"6"', 5))).toBe('bad-request');
    expect(kindOf(() => baseVersion(undefined, undefined))).toBe('precondition-required');
  });
});
