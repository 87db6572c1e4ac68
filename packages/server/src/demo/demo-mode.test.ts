import { describe, expect, test } from 'vitest';
import { demoModeFromEnv, seedsDemo } from './demo-mode';

describe('demoModeFromEnv', () => {
  test('auto unless PATHLIGHT_DEMO says otherwise', () => {
    expect(demoModeFromEnv({})).toBe('auto');
    expect(demoModeFromEnv({ PATHLIGHT_DEMO: ' ON ' })).toBe('on');
    expect(demoModeFromEnv({ PATHLIGHT_DEMO: '0' })).toBe('off');
    expect(() => demoModeFromEnv({ PATHLIGHT_DEMO: 'maybe' })).toThrow(
      'PATHLIGHT_DEMO must be auto, on or off, got "maybe"',
    );
  });
});

describe('seedsDemo', () => {
  test('only at first run; auto only with the generated administrator', () => {
    expect(seedsDemo('auto', { created: true, generatedPassword: true })).toBe(true);
    expect(seedsDemo('auto', { created: true, generatedPassword: false })).toBe(false);
    expect(seedsDemo('on', { created: true, generatedPassword: false })).toBe(true);
    expect(seedsDemo('on', { created: false })).toBe(false);
    expect(seedsDemo('off', { created: true, generatedPassword: true })).toBe(false);
  });
});
