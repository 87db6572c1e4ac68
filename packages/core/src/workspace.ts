import { z } from 'zod';
import { IsoDateTime, Name } from './vocabulary';

export const Role = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

const roleRank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** Whether `role` grants at least what `needed` grants (owner ⊇ editor ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return roleRank[role] >= roleRank[needed];
}

// Normalise first, then check the format: on `z.email()` the format check runs before `.trim()`,
// which rejected addresses pasted with a trailing space.
export const Email = z.string().trim().toLowerCase().max(254).check(z.email());

export const User = z.strictObject({
  id: z.uuid(),
  email: Email,
  name: Name,
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const UserCreate = z.strictObject({
  email: Email,
  name: Name,
  password: z.string().min(12, 'use at least 12 characters').max(200),
  isAdmin: z.boolean().default(false),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  name: Name.optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12, 'use at least 12 characters').max(200).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** An organisation or clinic group; everything else lives inside one. */
export const Workspace = z.strictObject({
  id: z.uuid(),
  name: Name,
  createdAt: IsoDateTime,
  /** The caller's role in it, filled in by the server. */
  role: Role,
});
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceCreate = z.strictObject({ name: Name });
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>;

export const Member = z.strictObject({
  userId: z.uuid(),
  email: Email,
  name: Name,
  role: Role,
});
export type Member = z.infer<typeof Member>;

export const MemberAdd = z.strictObject({ email: Email, role: Role });
export type MemberAdd = z.infer<typeof MemberAdd>;

export const MemberUpdate = z.strictObject({ role: Role });
export type MemberUpdate = z.infer<typeof MemberUpdate>;
