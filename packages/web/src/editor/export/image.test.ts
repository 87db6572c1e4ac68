import { describe, expect, it } from 'vitest';
import { keepInPicture, safePixelRatio } from './image';

describe('safePixelRatio', () => {
  it('keeps the wanted ratio for a normal map', () => {
    expect(safePixelRatio(2000, 1500, 2)).toBe(2);
  });
  it('caps a long side at 16,000 px and the area at 120 Mpx', () => {
    expect(safePixelRatio(13_000, 2000, 2)).toBeCloseTo(16_000 / 13_000, 6);
    // 8000 × 6000 at ratio 2 would be 192 Mpx; the cap gives sqrt(120e6 / 48e6) = 1.58…
    expect(safePixelRatio(8000, 6000, 2)).toBeCloseTo(Math.sqrt(120_000_000 / 48_000_000), 6);
  });
});

describe('keepInPicture', () => {
  it("leaves the map's live numbers out of its pictures, and what is marked data-export-hide", () => {
    const el = (attrs: Record<string, string>) => {
      const node = document.createElement('div');
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      return node;
    };
    expect(keepInPicture(el({ 'data-testid': 'step-data' }))).toBe(false);
    expect(keepInPicture(el({ 'data-testid': 'kpi-value' }))).toBe(false);
    expect(keepInPicture(el({ 'data-export-hide': '' }))).toBe(false);
    expect(keepInPicture(el({ 'data-testid': 'card' }))).toBe(true);
  });
});
