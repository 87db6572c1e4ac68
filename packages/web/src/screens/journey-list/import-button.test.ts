import { describe, expect, it } from 'vitest';
import { asExportFile } from './import-button';

describe('asExportFile', () => {
  it('leaves an export file as it is', () => {
    const file = { format: 'pathlight.journey', schemaVersion: 2, journey: { name: 'A' } };
    expect(asExportFile(file)).toBe(file);
  });

  it('wraps a bare document, keeping its schema version (or 1 when it has none)', () => {
    expect(asExportFile({ schemaVersion: 2, name: 'A' })).toEqual({
      format: 'pathlight.journey',
      schemaVersion: 2,
      journey: { schemaVersion: 2, name: 'A' },
    });
    expect(asExportFile({ name: 'Old' })).toEqual({
      format: 'pathlight.journey',
      schemaVersion: 1,
      journey: { name: 'Old' },
    });
  });

  it('wraps arrays too and passes non-objects through: the server rejects both with a clear message', () => {
    expect(asExportFile([1, 2])).toEqual({ format: 'pathlight.journey', schemaVersion: 1, journey: [1, 2] });
    expect(asExportFile('text')).toBe('text');
  });
});
