import { UserCreate } from '@pathlight/core';
import type { Database } from '@pathlight/db';
import { audit } from './audit';
import { hashPassword } from './passwords';
import { zodIssues } from './problem';
import { randomToken } from './session';

export const DEFAULT_ADMIN_EMAIL = 'admin@pathlight.local';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; userId: string; generatedPassword: boolean };

/**
 * On first run (no user at all) creates the administrator: from `email`/`password` when both are
 * given, else `admin@pathlight.local` with a random password that is shown once through `print`
 * (the only place a secret is ever printed). Does nothing once any user exists.
 */
export async function bootstrapAdmin(
  db: Database,
  credentials: { email?: string | undefined; password?: string | undefined },
  print: (line: string) => void = console.log,
): Promise<BootstrapResult> {
  if ((await db.users.count()) > 0) return { created: false };
  const generated = !(credentials.email && credentials.password);
  const parsed = UserCreate.safeParse({
    email: generated ? DEFAULT_ADMIN_EMAIL : credentials.email,
    name: 'Administrator',
    password: generated ? randomToken(18) : credentials.password,
    isAdmin: true,
  });
  if (!parsed.success) {
    const why = zodIssues(parsed.error)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    throw new Error(`PATHLIGHT_ADMIN_EMAIL / PATHLIGHT_ADMIN_PASSWORD are not usable (${why})`);
  }
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction(async (tx) => {
    const made = await tx.users.create({ email: input.email, name: input.name, passwordHash, isAdmin: true });
    if (!made.ok) throw new Error(`could not create the first administrator: ${input.email} already exists`);
    await audit(tx, {
      workspaceId: null,
      actorId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: made.user.id,
      detail: { isAdmin: true, bootstrap: true },
    });
    return made.user;
  });
  if (generated) {
    print(
      [
        '',
        'Pathlight: created the first administrator account.',
        `  e-mail:   ${input.email}`,
        `  password: ${input.password}`,
        'This password is shown only once. Sign in and create your own accounts.',
        '(Set PATHLIGHT_ADMIN_EMAIL and PATHLIGHT_ADMIN_PASSWORD before the first start to choose them.)',
        '',
      ].join('\n'),
    );
  }
  return { created: true, email: input.email, userId: user.id, generatedPassword: generated };
}
