import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, passwordWeakness } from './password-strength';
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

/**
 * A password being set (account creation, reset, change): at least 12 characters and not trivially
 * weak (see `passwordWeakness`). Whether it equals the account's e-mail is checked where both are known.
 */
export const NewPassword = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .superRefine((password, ctx) => {
    const why = passwordWeakness(password);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

/** Adds the "not your e-mail address" issue at `path` when `password` is the account's e-mail. */
function refuseEmailAsPassword(
  password: string | undefined,
  email: string,
  path: string,
  ctx: z.RefinementCtx,
): void {
  if (password === undefined) return;
  const why = passwordWeakness(password, email);
  if (why && passwordWeakness(password) === null)
    ctx.addIssue({ code: 'custom', path: [path], message: why });
}

export const UserCreate = z
  .strictObject({
    email: Email,
    name: Name,
    password: NewPassword,
    isAdmin: z.boolean().default(false),
  })
  .superRefine((user, ctx) => refuseEmailAsPassword(user.password, user.email, 'password', ctx));
export type UserCreate = z.infer<typeof UserCreate>;

/** An administrator's change to an account (the server checks a new password against its e-mail). */
export const UserUpdate = z.strictObject({
  name: Name.optional(),
  disabled: z.boolean().optional(),
  password: NewPassword.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** `POST /api/me/password`: the signed-in user changes their own password. */
export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1, 'enter your current password').max(MAX_PASSWORD_LENGTH),
  newPassword: NewPassword,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
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
