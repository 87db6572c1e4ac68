import { describe, expect, it } from 'vitest';
import { Persona, PersonaContent } from './persona';

const base = { name: 'Rosa, 41, caregiver', kind: 'caregiver' } as const;

describe('PersonaContent', () => {
  it('fills defaults for a minimal persona', () => {
    expect(PersonaContent.parse(base)).toEqual({
      ...base,
      role: '',
      summary: '',
      goals: [],
      needs: [],
      barriers: [],
      channels: [],
      quote: '',
      color: '#2563eb',
      evidence: [],
      origin: null,
    });
  });

  it('takes colours as #rrggbb only', () => {
    expect(PersonaContent.safeParse({ ...base, color: '#12ab9F' }).success).toBe(true);
    for (const color of ['#fff', 'red', '12ab9f', '#12ab9g', '#12ab9f00']) {
      const r = PersonaContent.safeParse({ ...base, color });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['color'], message: 'use a #rrggbb colour' });
    }
  });

  it('rejects unknown kinds and channels, empty list items and unknown fields', () => {
    expect(PersonaContent.safeParse({ ...base, kind: 'investor' }).success).toBe(false);
    expect(PersonaContent.safeParse({ ...base, channels: ['fax'] }).success).toBe(false);
    expect(PersonaContent.safeParse({ ...base, goals: ['  '] }).error?.issues[0]?.path).toEqual(['goals', 0]);
    expect(PersonaContent.safeParse({ ...base, age: 41 }).success).toBe(false);
  });
});

describe('Persona (stored)', () => {
  it('needs an id, a workspace uuid, a version and a timestamp', () => {
    const stored = {
      ...base,
      id: 'pe-rosa',
      workspaceId: '7d6f1e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6',
      version: 3,
      updatedAt: '2026-05-01T12:00:00Z',
    };
    expect(Persona.safeParse(stored).success).toBe(true);
    expect(Persona.safeParse({ ...stored, workspaceId: 'ws-1' }).success).toBe(false);
    expect(Persona.safeParse({ ...stored, version: 0 }).success).toBe(false);
  });
});
