import { passwordWeakness } from '@pathlight/core';
import { createDatabase, type Database } from '@pathlight/db';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { bootstrapAdmin, DEFAULT_ADMIN_EMAIL } from './bootstrap-admin';
import { verifyPassword } from './passwords';
import { randomToken } from './session';

let db: Database;
beforeEach(async () => {
  db = await createDatabase();
}, 120_000);
afterEach(() => db?.close());

test('with PATHLIGHT_ADMIN_EMAIL/PASSWORD set, creates that admin and prints nothing', async () => {
  const printed: string[] = [];
  const result = await bootstrapAdmin(
    db,
    { email: 'Head@Clinic.example', password: 'a chosen admin password' },
    (l) => printed.push(l),
  );
  expect(result).toMatchObject({ created: true, email: 'head@clinic.example', generatedPassword: false });
  expect(printed).toEqual([]);
  const user = await db.users.findByEmail('head@clinic.example');
  expect(user).toMatchObject({ isAdmin: true, disabled: false, name: 'Administrator' });
  expect(user?.passwordHash.startsWith('$argon2id$')).toBe(true);
  expect(await verifyPassword(user!.passwordHash, 'a chosen admin password')).toBe(true);
  const audit = await db.audit.list(null);
  expect(audit.map((e) => [e.action, e.entityId, e.actorId])).toEqual([['user.create', user!.id, null]]);
});

test('without them, creates admin@pathlight.local with a random password printed exactly once', async () => {
  const printed: string[] = [];
  const result = await bootstrapAdmin(db, {}, (l) => printed.push(l));
  expect(result).toMatchObject({ created: true, email: DEFAULT_ADMIN_EMAIL, generatedPassword: true });
  expect(printed).toHaveLength(1);
  const password = /password: (\S+)/.exec(printed[0]!)?.[1] ?? '';
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  const user = await db.users.findByEmail(DEFAULT_ADMIN_EMAIL);
  expect(await verifyPassword(user!.passwordHash, password)).toBe(true);

  // Second start: users exist, so nothing is created and nothing printed.
  expect(await bootstrapAdmin(db, {}, (l) => printed.push(l))).toEqual({ created: false });
  expect(
    await bootstrapAdmin(db, { email: 'x@example.test', password: 'another long password' }, (l) =>
      printed.push(l),
    ),
  ).toEqual({ created: false });
  expect(printed).toHaveLength(1);
  expect(await db.users.count()).toBe(1);
});

test('only one of the two variables set falls back to the generated admin', async () => {
  const printed: string[] = [];
  const result = await bootstrapAdmin(db, { email: 'head@clinic.example' }, (l) => printed.push(l));
  expect(result).toMatchObject({ created: true, email: DEFAULT_ADMIN_EMAIL, generatedPassword: true });
  expect(printed).toHaveLength(1);
});

test('an unusable password or e-mail is refused with a clear message and creates nobody', async () => {
  await expect(
    bootstrapAdmin(db, { email: 'head@clinic.example', password: 'short' }, () => {}),
  ).rejects.toThrow(
    'PATHLIGHT_ADMIN_EMAIL / PATHLIGHT_ADMIN_PASSWORD are not usable (password: use at least 12 characters)',
  );
  await expect(
    bootstrapAdmin(db, { email: 'not-an-email', password: 'long enough password' }, () => {}),
  ).rejects.toThrow(/email:/);
  await expect(
    bootstrapAdmin(db, { email: 'head@clinic.example', password: 'Password2026!' }, () => {}),
  ).rejects.toThrow('(password: this is one of the most common passwords');
  await expect(
    bootstrapAdmin(db, { email: 'head@clinic.example', password: 'head@clinic.example' }, () => {}),
  ).rejects.toThrow('(password: do not use your e-mail address as your password)');
  expect(await db.users.count()).toBe(0);
});

test('generated passwords always pass the strength check', () => {
  for (let i = 0; i < 2000; i += 1) expect(passwordWeakness(randomToken(18))).toBeNull();
});
