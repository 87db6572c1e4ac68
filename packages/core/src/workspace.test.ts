import { describe, expect, it } from 'vitest';
import {
  Email,
  LoginRequest,
  MemberAdd,
  type Role,
  roleAllows,
  UserCreate,
  UserUpdate,
  WorkspaceCreate,
} from './workspace';

describe('Email', () => {
  it('lower-cases and trims before checking the format', () => {
    expect(Email.parse('Ana.Lopez@Example.ORG')).toBe('ana.lopez@example.org');
    expect(Email.parse('  ana@example.org \n')).toBe('ana@example.org');
  });
  it('rejects what is not an address', () => {
    for (const bad of ['ana', 'ana@', '@example.org', 'ana@example', 'ana @example.org', '']) {
      expect(Email.safeParse(bad).success, bad).toBe(false);
    }
  });
  it('rejects addresses longer than 254 characters', () => {
    expect(Email.safeParse(`${'a'.repeat(64)}@${'b'.repeat(186)}.org`).success).toBe(false);
  });
});

describe('UserCreate and UserUpdate', () => {
  const user = { email: 'Admin@Clinic.Example', name: 'Admin', password: 'correct-horse' };
  it('normalises the email and defaults isAdmin to false', () => {
    expect(UserCreate.parse(user)).toEqual({ ...user, email: 'admin@clinic.example', isAdmin: false });
  });
  it('refuses passwords under 12 characters with a clear message', () => {
    const r = UserCreate.safeParse({ ...user, password: 'elevenchars' });
    expect(r.error?.issues[0]).toMatchObject({ path: ['password'], message: 'use at least 12 characters' });
    expect(UserCreate.safeParse({ ...user, password: 'twelve-chars' }).success).toBe(true);
    expect(UserUpdate.safeParse({ password: 'short' }).success).toBe(false);
  });
  it('rejects unknown fields such as a self-granted role', () => {
    expect(UserCreate.safeParse({ ...user, role: 'owner' }).success).toBe(false);
    expect(UserUpdate.safeParse({ isAdmin: true }).success).toBe(false);
  });
  it('lets an update change nothing', () => {
    expect(UserUpdate.parse({})).toEqual({});
  });
});

describe('LoginRequest, MemberAdd, WorkspaceCreate', () => {
  it('accepts a login with any non-empty password', () => {
    expect(LoginRequest.parse({ email: 'X@Y.org', password: 'p' })).toEqual({
      email: 'x@y.org',
      password: 'p',
    });
    expect(LoginRequest.safeParse({ email: 'x@y.org', password: '' }).success).toBe(false);
  });
  it('knows only three roles', () => {
    expect(MemberAdd.safeParse({ email: 'x@y.org', role: 'editor' }).success).toBe(true);
    expect(MemberAdd.safeParse({ email: 'x@y.org', role: 'admin' }).success).toBe(false);
  });
  it('needs a non-blank workspace name', () => {
    expect(WorkspaceCreate.parse({ name: '  North clinics ' })).toEqual({ name: 'North clinics' });
    expect(WorkspaceCreate.safeParse({ name: '   ' }).success).toBe(false);
  });
});

describe('roleAllows', () => {
  const matrix: [Role, Role, boolean][] = [
    ['owner', 'owner', true],
    ['owner', 'editor', true],
    ['owner', 'viewer', true],
    ['editor', 'owner', false],
    ['editor', 'editor', true],
    ['editor', 'viewer', true],
    ['viewer', 'owner', false],
    ['viewer', 'editor', false],
    ['viewer', 'viewer', true],
  ];
  it.each(matrix)('%s may act as %s: %s', (role, needed, allowed) => {
    expect(roleAllows(role, needed)).toBe(allowed);
  });
});
